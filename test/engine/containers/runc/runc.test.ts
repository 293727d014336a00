// runc on its own: a bundle prepared in the simulated fs (podman export | tar), runc spec as runc 1.1.5 writes it,
// and the container's life as runc reports it — each a consequence of the kernel's tasks and namespaces.
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { seeded } from "../../helpers.js";
import type { Session } from "../../../../engine/index.js";

const IMAGE = "registry.access.redhat.com/ubi9/ubi";

async function bundle(s: Session, args = '"sleep", "1000"'): Promise<void> {
  for (const line of [
    "mkdir -p /root/bundle/rootfs && cd /root/bundle",
    `podman pull -q ${IMAGE} >/dev/null 2>&1`,
    `podman export $(podman create ${IMAGE}) | tar -C rootfs -xpf -`,
    "runc spec",
    `sed -i 's/"terminal": true/"terminal": false/; s/"sh"/${args}/' config.json`,
  ]) expect((await s.run(line)).exitCode).toBe(0);
}

describe("runc spec", () => {
  it("writes runc 1.1.5's default config.json, byte for byte", async () => {
    const { s } = seeded("rhel9");
    await s.run("mkdir /root/b && cd /root/b");
    expect((await s.run("runc spec")).exitCode).toBe(0);
    const observed = readFileSync(new URL("../../../fixtures/engine/runc-1.1.5/spec-default.config.json", import.meta.url), "utf8");
    expect((await s.run("cat config.json")).stdout).toBe(observed);
  });

  it("refuses to overwrite config.json, and -b names the bundle", async () => {
    const { s } = seeded("rhel9");
    await s.run("mkdir -p /root/b && cd /root/b && runc spec");
    const again = await s.run("runc spec");
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/^ERRO\[0000\] File config\.json exists\. Remove it first\s*\n$/);
    expect((await s.run("mkdir /tmp/other && runc spec -b /tmp/other && jq -r .process.args[0] /tmp/other/config.json")).stdout).toBe("sh\n");
  });
});

describe("runc run / list / state / kill / delete", () => {
  it("runs the bundle's process as a task in its own namespaces, with the bundle's hostname", async () => {
    const { host, s } = seeded("rhel9");
    await bundle(s);
    expect((await s.run("runc run -d demo")).exitCode).toBe(0);
    const list = (await s.run("runc list")).stdout.split("\n");
    expect(list[0]).toBe("ID          PID         STATUS      BUNDLE         CREATED                          OWNER");
    expect(list[1]).toMatch(/^demo {8}\d+ +running {5}\/root\/bundle   \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z +root$/);
    const state = JSON.parse((await s.run("runc state demo")).stdout);
    expect(state).toMatchObject({ ociVersion: "1.0.2-dev", id: "demo", status: "running", bundle: "/root/bundle", rootfs: "/root/bundle/rootfs", owner: "" });
    const init = host.tasks.byPid[state.pid]!;
    expect(init.argv).toEqual(["sleep", "1000"]);
    expect(init.vpid).toBe(1);
    expect(init.ns.pid).not.toBe(host.namespaces.init.pid);
    expect(init.ns.user).toBe(host.namespaces.init.user);
    expect((await s.run("runc exec demo hostname")).stdout).toBe("runc\n");
    // the pid namespace numbers from 1: the bundle's process, then the exec'd ones (the hostname above took 2)
    expect((await s.run("runc exec demo ps -e -o pid,cmd")).stdout).toMatch(/^ +PID CMD\n +1 sleep 1000\n +3 ps -e -o pid,cmd\n$/);
    // runc ps: the host's ps, only the container's processes
    expect((await s.run("runc ps demo")).stdout).toMatch(new RegExp(`^UID +PID +PPID .*CMD\n root +${state.pid} +1 .* sleep 1000\n$`.replace("\n root", "\nroot")));
    expect((await s.run("runc ps -f json demo")).stdout).toBe(`[${state.pid}]\n`);
    // root.readonly: true in the default spec
    expect((await s.run("runc exec demo touch /x")).stderr).toBe("touch: cannot touch '/x': Read-only file system\n");
  });

  it("kill sends TERM, which a sleeping pid 1 ignores; KILL stops it; delete forgets it", async () => {
    const { s } = seeded("rhel9");
    await bundle(s);
    await s.run("runc run -d demo");
    expect((await s.run("runc kill demo")).exitCode).toBe(0);
    expect((await s.run("runc state demo | jq -r .status")).stdout).toBe("running\n");
    expect((await s.run("runc kill demo KILL")).exitCode).toBe(0);
    expect((await s.run("runc state demo | jq -r '.status, .pid'")).stdout).toBe("stopped\n0\n");
    expect((await s.run("runc kill demo KILL")).stderr).toMatch(/^ERRO\[0000\] container not running/);
    expect((await s.run("runc delete demo")).exitCode).toBe(0);
    expect((await s.run("runc list -q")).stdout).toBe("");
    expect((await s.run("runc state demo")).stderr).toMatch(/^ERRO\[0000\] container does not exist\s*\n$/);
  });

  it("create leaves runc init waiting; start execs the process", async () => {
    const { s } = seeded("rhel9");
    await bundle(s, '"echo", "hello from the container"');
    expect((await s.run("runc create hello")).exitCode).toBe(0);
    expect((await s.run("ps -eo cmd | grep '^runc init'")).stdout).toBe("runc init\n");
    expect((await s.run("runc state hello | jq -r .status")).stdout).toBe("created\n");
    expect((await s.run("runc start hello")).stdout).toBe("hello from the container\n");
    expect((await s.run("runc state hello | jq -r .status")).stdout).toBe("stopped\n");
    expect((await s.run("runc start hello")).stderr).toMatch(/cannot start a container that has stopped/);
  });

  it("fails as runc does", async () => {
    const { s } = seeded("rhel9");
    await s.run("mkdir -p /root/b/rootfs && cd /root/b && runc spec");
    expect((await s.run("runc run -d x")).stderr).toBe("ERRO[0000] runc run failed: cannot allocate tty if runc will detach without setting console socket \n");
    await s.run(`sed -i 's/"terminal": true/"terminal": false/' config.json`);
    const noProgram = await s.run("runc run x");
    expect(noProgram.stderr).toBe('ERRO[0000] runc run failed: unable to start container process: exec: "sh": executable file not found in $PATH \n');
    expect(noProgram.exitCode).toBe(1);
    await s.run("rm -rf rootfs");
    expect((await s.run("runc run x")).stderr).toBe("ERRO[0000] runc run failed: invalid rootfs: stat /root/b/rootfs: no such file or directory \n");
    expect((await s.run("cd /tmp && runc run x")).stderr).toBe("ERRO[0000] runc run failed: JSON specification file config.json not found \n");
    expect((await s.run("runc delete nope")).stderr).toMatch(/^ERRO\[0000\] container does not exist/);
    expect((await s.run("runc delete -f nope")).exitCode).toBe(0);
  });

  it("a snapshot carries runc's containers and the network devices", async () => {
    const { host, s } = seeded("rhel9");
    await bundle(s);
    await s.run("runc run -d demo");
    await s.run(`podman run -d --name web ${IMAGE} sleep 1000`);
    const before = (await s.run("runc list; ip -br link")).stdout;
    const snap = host.snapshot();
    await s.run("runc kill demo KILL; runc delete demo; podman rm -f web");
    host.restore(snap);
    expect((await s.run("runc list; ip -br link")).stdout).toBe(before);
  });
});
