import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { runInTask, runArgv, spawnTask, installCommand, kernelFs, openSession } from "../../../engine/index.js";

describe("Session", () => {
  it("keeps cwd and variables between lines and shows them in the prompt", async () => {
    const { s } = seeded("rhel7");
    expect(s.prompt).toBe("[root@rhel7 ~]# ");
    await s.run("cd /var/lib; export A=1; B=2");
    expect(s.prompt).toBe("[root@rhel7 lib]# ");
    expect((await s.run("pwd; echo $A $B")).stdout).toBe("/var/lib\n1 2\n");
    await s.run("cd /");
    expect(s.prompt).toBe("[root@rhel7 /]# ");
    expect(s.env.A).toBe("1");
  });

  it("keeps $? from the previous line", async () => {
    const { s } = seeded();
    await s.run("false");
    expect((await s.run("echo $?")).stdout).toBe("1\n");
    expect((await s.run("echo $?")).stdout).toBe("0\n");
  });

  it("returns stdout and stderr in the order they were written", async () => {
    const { s } = seeded();
    const r = await s.run("echo one; ls /nope; echo two");
    expect(r.output.map((o) => o.stream)).toEqual(["stdout", "stderr", "stdout"]);
    expect(r.stdout).toBe("one\ntwo\n");
    expect(r.exitCode).toBe(0);
  });

  it("keeps a command's own interleaving of stdout and stderr when it is the whole line", async () => {
    const { host, s } = seeded();
    const output = [
      { stream: "stderr" as const, text: "Unable to find image 'x:latest' locally\n" },
      { stream: "stdout" as const, text: "latest: Pulling from library/x\n" },
      { stream: "stderr" as const, text: "docker: Error response from daemon.\n" },
    ];
    installCommand(host, { name: "mixed", run: () => ({ stdout: output[1].text, stderr: output[0].text + output[2].text, output, exitCode: 125 }) });
    kernelFs(host).writeFileSync("/usr/bin/mixed", "", { mode: 0o755 });
    const r = await s.run("mixed");
    expect(r.output).toEqual(output);
    expect(r.exitCode).toBe(125);
    // piped, the order is the pipe's business: stdout goes on, stderr comes first
    expect((await s.run("mixed | cat")).output.map((o) => o.stream)).toEqual(["stderr", "stdout"]);
  });

  it("prints bash's message for a redirect into a missing directory and goes on", async () => {
    const { s } = seeded();
    const r = await s.run("echo x > /nope/f; echo after");
    expect(r.stderr).toBe("bash: /nope/f: No such file or directory\n");
    expect(r.stdout).toBe("after\n");
  });

  it("fixes just-bash's identity: whoami, hostname, touch without parents", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("whoami; hostname")).stdout).toBe("root\nrhel9\n");
    const r = await s.run("touch /nope/x");
    expect(r.stderr).toBe("touch: cannot touch '/nope/x': No such file or directory\n");
    expect((await s.run("ls -d /nope")).exitCode).toBe(2);
  });

  it("opens a nested shell with bash and closes it with exit", async () => {
    const { s } = seeded("rhel7");
    await s.run("cd /tmp");
    await s.run("bash");
    expect(s.depth).toBe(2);
    const ps = (await s.run("ps -f")).stdout;
    expect(ps).toMatch(/ bash\n/);
    expect((await s.run("exit")).stdout).toBe("exit\n");
    expect(s.depth).toBe(1);
    expect((await s.run("ps -f")).stdout).not.toMatch(/ bash\n/);
    await s.run("exit");
    expect(s.closed).toBe(true);
  });

  it("pushes a shell inside a container: its hostname, root and pid namespace", async () => {
    const { host, s } = seeded("rhel7");
    const c = fakeContainer(host, "5f5d3692fa73" + "0".repeat(52), ["top"], "c1,c2");
    const bash = spawnTask(host, { ppid: c.conmon.pid, argv: ["bash"], ns: c.init.ns, label: c.init.label, tty: "pts/2", cwd: "/" });
    s.pushShell(bash, { cwd: "/", onExit: () => undefined });
    expect(s.prompt).toBe("[root@5f5d3692fa73 /]# ");
    expect((await s.run("hostname")).stdout).toBe("5f5d3692fa73\n");
    expect((await s.run("cat /etc/os-release")).stdout).toContain("Red Hat Enterprise Linux Server");
    const ps = (await s.run("ps -e -o pid,comm")).stdout;
    expect(ps).toMatch(/^\s+PID COMMAND\n\s+1 top\n\s+2 bash\n/);
    await s.run("exit");
    expect(s.prompt).toBe("[root@rhel7 ~]# ");
  });

  it("runs a command line as a task without a terminal (runInTask / runArgv)", async () => {
    const { host } = seeded("rhel7");
    const c = fakeContainer(host, "6".repeat(64), ["ls", "-a", "/etc"], "c3,c4");
    expect((await runArgv(host, c.init, ["ls", "-1", "/etc"])).stdout).toBe("hosts\nos-release\n");
    expect((await runInTask(host, c.init, "echo $HOSTNAME; id -Z")).stdout).toBe(`666666666666\nsystem_u:system_r:container_t:s0:c3,c4\n`);
    expect((await runArgv(host, c.init, ["echo", "a b", "$x"])).stdout).toBe("a b $x\n");
  });

  it("keeps `sleep N &` as a background job until its time is up", async () => {
    // an interactive shell announces the job (a script's bash does not)
    const { host } = seeded("rhel9");
    const s = openSession(host, { interactive: true });
    const r = await s.run("sleep 100 &");
    expect(r.stderr).toMatch(/^\[1\] \d+\n$/);
    const pid = r.stderr.trim().split(" ")[1];
    expect((await s.run("ps -o pid,cmd -C sleep")).stdout).toBe(`  PID CMD\n ${pid} sleep 100\n`);
    await s.run("sleep 100");
    expect((await s.run("ps -C sleep -o pid=")).stdout).toBe("");
    expect((await s.run("sleep 5 &")).stderr).toMatch(/^\[2\] /);
  });

  it("stops at an aborted signal", async () => {
    const { s } = seeded();
    const ac = new AbortController();
    ac.abort();
    const r = await s.run("echo a; echo b", { signal: ac.signal });
    expect(r.stdout).toBe("");
  });
});
