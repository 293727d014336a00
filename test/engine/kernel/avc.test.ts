/**
 * SELinux as a consequence: reads the labs never script — a container's cat of another container's :Z file, the
 * same read in permissive mode, a label=disable container — give the real host's answers and audit records.
 */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "../containers/host-helper.js";

const UBI = "registry.access.redhat.com/ubi9/ubi";

describe("enforcement between containers", async () => {
  const host = containerHost("rhel9", 11);
  const steps = await runLines(host, [
    "mkdir /srv/a /srv/b && echo secret > /srv/a/x",
    `podman run -d --name a -v /srv/a:/data:Z ${UBI} sleep 1000`,
    `podman run -d --name b -v /srv/b:/data:Z -v /srv/a:/other ${UBI} sleep 1000`,
    "podman exec b cat /other/x",                 // 3
    "podman exec b ls /other",                    // 4
    "podman exec b touch /other/y",               // 5
    "podman exec a cat /data/x",                  // 6
    "podman exec b touch /data/mine",             // 7
    "cat /var/log/audit/audit.log",               // 8
    "setenforce 0",                               // 9
    "podman exec b cat /other/x",                 // 10
    "tail -3 /var/log/audit/audit.log",           // 11
    "setenforce 1",
    `podman run --rm -v /srv/a:/other --security-opt label=disable ${UBI} cat /other/x`, // 13
    `podman run --rm -v /etc:/hostetc ${UBI} cat /hostetc/shadow`,                       // 14
    `podman run --rm -v /root:/r ${UBI} ls /r`,                                          // 15
    "cat /srv/a/x",                                                                      // 16
  ]);
  const r = (i: number) => steps[i]!.result;

  it("a container cannot read, list or write another container's :Z volume", () => {
    expect(r(3).stderr).toBe("cat: /other/x: Permission denied\n");
    expect(r(3).exitCode).toBe(1);
    expect(r(4).stderr).toBe("ls: cannot open directory '/other': Permission denied\n");
    expect(r(5).stderr).toBe("touch: cannot touch '/other/y': Permission denied\n");
  });

  it("while each uses its own", () => {
    expect(r(6).stdout).toBe("secret\n");
    expect(r(7).exitCode).toBe(0);
  });

  it("each denial is an AVC event in the real format", () => {
    const log = r(8).stdout;
    const avc = log.split("\n").find((l) => l.startsWith("type=AVC") && l.includes('comm="cat"'))!;
    expect(avc).toMatch(/^type=AVC msg=audit\(\d+\.\d{3}:\d+\): avc: {2}denied {2}\{ read \} for {2}pid=\d+ comm="cat" name="x" dev="dm-0" ino=\d+ scontext=system_u:system_r:container_t:s0:c\d+,c\d+ tcontext=system_u:object_r:container_file_t:s0:c\d+,c\d+ tclass=file permissive=0$/);
    expect(log).toMatch(/avc: {2}denied {2}\{ read \} for .* comm="ls" name="other" .* tclass=dir permissive=0/);
    expect(log).toMatch(/avc: {2}denied {2}\{ write \} for .* comm="touch" name="other" .* tclass=dir permissive=0/);
    // the three records of one event share the stamp
    const stamp = /msg=(audit\([^)]*\))/.exec(avc)![1];
    expect(log.split("\n").filter((l) => l.includes(stamp)).map((l) => l.split(" ")[0])).toEqual(["type=AVC", "type=SYSCALL", "type=PROCTITLE"]);
  });

  it("permissive lets the same read through and still logs it with permissive=1", () => {
    expect(r(10).stdout).toBe("secret\n");
    expect(r(11).stdout).toMatch(/comm="cat" name="x" .* permissive=1\n/);
    expect(r(11).stdout).toMatch(/type=SYSCALL .* success=yes /);
  });

  it("label=disable runs unconfined; host files outside the policy stay closed to container_t", () => {
    expect(r(13).stdout).toBe("secret\n");
    expect(r(14).stderr).toBe("cat: /hostetc/shadow: Permission denied\n");
    expect(r(15).stderr).toBe("ls: cannot open directory '/r': Permission denied\n");
    expect(r(16).stdout).toBe("secret\n");
  });
});

describe("a nested shell in a container", async () => {
  const host = containerHost("rhel9", 12);
  const steps = await runLines(host, [
    "mkdir /srv/p && echo hi > /srv/p/f",
    `podman run -d --name p -v /srv/p:/p:Z ${UBI} sleep 1000`,
    `podman run -d --name q -v /srv/p:/p ${UBI} sleep 1000`,
    "podman exec -it q bash",
    "cat /p/f",
    "echo x > /p/g",
    "exit",
  ]);
  it("gets the same answers as the shell's own redirections", () => {
    expect(steps[4]!.result.stderr).toBe("cat: /p/f: Permission denied\n");
    expect(steps[5]!.result.stderr).toBe("bash: /p/g: Permission denied\n");
  });
});

describe("permissive mode and the AVC", async () => {
  const host = containerHost("rhel9", 13);
  const steps = await runLines(host, [
    "mkdir /srv/a && echo s > /srv/a/x",
    `podman run -d --name a -v /srv/a:/data:Z ${UBI} sleep 1000`,
    `podman run -d --name b -v /srv/a:/other ${UBI} sleep 1000`,
    "setenforce 0",
    "podman exec b cat /other/x",
    "podman exec b cat /other/x",
    "grep -c 'permissive=1' /var/log/audit/audit.log",
    "setenforce 1",
    "setenforce 0",
    "podman exec b cat /other/x",
    "grep -c 'permissive=1' /var/log/audit/audit.log",
  ]);
  it("logs a permitted denial once, until setenforce flushes the cache", () => {
    expect(steps[5]!.result.stdout).toBe("s\n");
    expect(steps[6]!.result.stdout).toBe("1\n");
    expect(steps[10]!.result.stdout).toBe("2\n");
  });
});
