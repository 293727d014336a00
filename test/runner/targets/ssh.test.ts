// The ssh target's pure parts (destinations, ssh's failure messages, its arguments) and, against a real loopback
// sshd, what a grader relies on: exit codes and output come back as the host gave them, and every way of not
// getting there is an SshTargetError with the reason, within the timeout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSshTarget, parseDestination, sshArgs, SshTargetError } from "../../../runner/targets/ssh.js";
import { formatDestination } from "../../../runner/targets/ssh/destination.js";
import { describeSshFailure } from "../../../runner/targets/ssh/ssh-errors.js";
import { sshdAvailable, startSshd, type SshdFleet } from "../../support/sshd.js";

describe("ssh destinations", () => {
  it("reads ssh:// URLs, user@host:port and bracketed IPv6", () => {
    expect(parseDestination("ssh://student@lab01.example.edu:2222")).toEqual({ user: "student", host: "lab01.example.edu", port: 2222 });
    expect(parseDestination("lab01")).toEqual({ host: "lab01" });
    expect(parseDestination("root@[fe80::1%eth0]:22")).toEqual({ user: "root", host: "fe80::1%eth0", port: 22 });
    expect(formatDestination(parseDestination("ssh://root@[::1]:2200/"))).toBe("root@[::1]:2200");
  });

  it("refuses what ssh would read as an option, and other junk, with the reason", () => {
    expect(() => parseDestination("-oProxyCommand=id")).toThrow(/not a host name/);
    expect(() => parseDestination("-l@host")).toThrow(/not a user name/);
    expect(() => parseDestination("host; rm -rf /")).toThrow(/not a host name/);
    expect(() => parseDestination("host:0")).toThrow(/not a port/);
    expect(() => parseDestination("[::1")).toThrow(/closing \]/);
    expect(() => parseDestination("")).toThrow(/no host/);
  });
});

describe("ssh failures", () => {
  it("names the familiar reasons", () => {
    expect(describeSshFailure("ssh: connect to host 10.0.0.9 port 22: Connection refused\r\n")).toMatch(/^connection refused/);
    expect(describeSshFailure("root@h: Permission denied (publickey,password).\n")).toBe("permission denied: the host refused the key (publickey,password)");
    expect(describeSshFailure("ssh: connect to host h port 22: Connection timed out\n")).toMatch(/^connection timed out/);
    expect(describeSshFailure("Host key verification failed.\n")).toMatch(/^host key verification failed/);
    expect(describeSshFailure("ssh: Could not resolve hostname nope: Name or service not known\n")).toBe("could not resolve the host name");
    expect(describeSshFailure("something new\n")).toBe("ssh failed: something new");
    expect(describeSshFailure("")).toMatch(/without saying why/);
  });

  it("never lets the user's options turn batch mode off: ours come first, ssh keeps the first value", () => {
    const args = sshArgs({ sshOptions: ["BatchMode=no", "Port=2200"], identity: "/k", sshConfig: "/c" }, "/tmp/cm");
    expect(args.indexOf("BatchMode=yes")).toBeLessThan(args.indexOf("BatchMode=no"));
    expect(args).toContain("ControlPath=/tmp/cm/%C");
    expect(args.slice(-4)).toEqual(["-i", "/k", "-F", "/c"]);
  });
});

describe.skipIf(!sshdAvailable())("ssh target on a loopback sshd", () => {
  let fleet: SshdFleet;
  beforeAll(async () => {
    fleet = await startSshd([{ name: "ok" }, { name: "hang", kind: "hang" }, { name: "nokey", kind: "refuse-key" }]);
  }, 30_000);
  afterAll(async () => fleet?.stop());
  const open = (name: string, port?: number) =>
    createSshTarget(parseDestination(port ? `${fleet.user}@127.0.0.1:${port}` : fleet.hosts.find((h) => h.name === name)!.destination), {
      identity: fleet.identity,
      sshOptions: fleet.sshOptions,
    });
  const failure = async (p: Promise<unknown>) => {
    const e = await p.then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(SshTargetError);
    return (e as SshTargetError).reason;
  };

  it("runs a script on the host: stdout, stderr and exit code as given, quotes untouched, 255 from the host is the host's", async () => {
    const t = await open("ok");
    try {
      const r = await t.probe(`printf '%s|' "a b" '$HOME' "it's"; echo oops >&2; exit 3`);
      expect(r).toEqual({ stdout: "a b|$HOME|it's|", stderr: "oops\n", exitCode: 3 });
      expect((await t.probe("echo $HOSTLAB_TEST_HOST")).stdout.trim()).toBe(fleet.hosts[0].dir);
      expect((await t.probe("exit 255")).exitCode).toBe(255);
      await t.writeFile(`${fleet.hosts[0].dir}/sub/f.txt`, "line\nEOF\n'quoted' $HOME");
      expect((await t.probe(`cat ${fleet.hosts[0].dir}/sub/f.txt`)).stdout).toBe("line\nEOF\n'quoted' $HOME");
    } finally {
      await t.close();
    }
  });

  it("says why it could not get in: a refused key, a closed port", async () => {
    const nokey = await open("nokey");
    expect(await failure(nokey.probe("true"))).toBe("permission denied: the host refused the key (publickey)");
    await nokey.close();
    const closed = await open("", fleet.closedPort);
    expect(await failure(closed.probe("true"))).toMatch(/^connection refused/);
    await closed.close();
  });

  it("stops a host that never answers at the timeout", async () => {
    const t = await open("hang");
    const started = Date.now();
    expect(await failure(t.probe("echo hi", { timeoutMs: 1500 }))).toMatch(/^timed out after 1\.5 s before the host ran anything/);
    expect(Date.now() - started).toBeLessThan(4000);
    await t.close();
  });

  it("stops a command that runs too long, and caps what it may send", async () => {
    const t = await createSshTarget(parseDestination(fleet.hosts[0].destination), { identity: fleet.identity, sshOptions: fleet.sshOptions, maxOutputBytes: 100_000 });
    try {
      expect(await failure(t.probe("sleep 30", { timeoutMs: 1500 }))).toMatch(/^timed out after 1\.5 s: a probe did not finish/);
      expect(await failure(t.probe("head -c 10000000 /dev/zero"))).toBe("the host sent more than 98 KiB of output; stopped");
    } finally {
      await t.close();
    }
  });
});
