import { describe, it, expect } from "vitest";
import { createHost, openSession, listTasks } from "../../engine/index.js";

const SCRIPT = ["ps -efZ", "mkdir /tmp/a && ls -alhZ /tmp/a", "cat /proc/self/status | head -6", "sleep 3; date", "ls -lisah /etc | head -5", "uname -a", "top -b -n 1 | head -12"];

async function transcript(seed: number, profile: "rhel7" | "rhel9"): Promise<string> {
  const host = createHost({ seed, profile });
  const s = openSession(host);
  let out = "";
  for (const line of SCRIPT) {
    const r = await s.run(line);
    out += s.prompt + line + "\n" + r.output.map((o) => o.text).join("");
  }
  return out;
}

describe("createHost", () => {
  it("boots the profile's processes with believable pids", () => {
    const host = createHost({ seed: 1, profile: "rhel7" });
    const tasks = listTasks(host);
    expect(tasks[0]).toMatchObject({ pid: 1, ppid: 0 });
    expect(tasks.some((t) => t.argv[0] === "/usr/bin/dockerd-current")).toBe(true);
    expect(tasks.some((t) => t.argv[0] === "/usr/bin/docker-containerd-current")).toBe(true);
    const login = host.tasks.byPid[host.loginPid];
    expect(login.argv).toEqual(["-bash"]);
    expect(login.tty).toBe("pts/0");
    expect(login.pid).toBeGreaterThan(2000);
    const rhel9 = createHost({ seed: 1, profile: "rhel9" });
    expect(listTasks(rhel9).some((t) => t.argv[0] === "/usr/bin/dockerd")).toBe(true);
    expect(rhel9.profile.cgroupVersion).toBe(2);
  });

  it("is byte-identical for the same seed and commands", async () => {
    for (const profile of ["rhel7", "rhel9"] as const) {
      const a = await transcript(7, profile);
      const b = await transcript(7, profile);
      expect(a).toBe(b);
    }
  });

  it("differs between seeds in ids and pids but not in shape", async () => {
    const a = await transcript(1, "rhel7");
    const b = await transcript(2, "rhel7");
    expect(a.split("\n").length).toBe(b.split("\n").length);
  });

  it("snapshot/restore puts the whole host back", async () => {
    const host = createHost({ seed: 3, profile: "rhel9" });
    const s = openSession(host);
    await s.run("mkdir /tmp/before");
    const snap = host.snapshot();
    const pidsBefore = Object.keys(host.tasks.byPid).length;
    await s.run("mkdir /tmp/after; touch /etc/x; rm -rf /tmp/before");
    expect((await s.run("ls /tmp")).stdout).toBe("after\n");
    host.restore(snap);
    expect((await s.run("ls /tmp")).stdout).toBe("before\n");
    expect((await s.run("ls /etc/x")).exitCode).toBe(2);
    expect(Object.keys(host.tasks.byPid).length).toBe(pidsBefore);
    // the snapshot survives for a second restore
    await s.run("rm -rf /tmp/before");
    host.restore(snap);
    expect((await s.run("ls /tmp")).stdout).toBe("before\n");
  });

  it("snapshot/restore carries the container engines' state, tasks and mounts with it", async () => {
    const host = createHost({ seed: 9, profile: "rhel7" });
    const s = openSession(host);
    const snap = host.snapshot();
    const id = (await s.run("podman run -d registry.access.redhat.com/ubi7/ubi sleep 1000")).stdout.trim();
    expect((await s.run("podman ps -q --no-trunc")).stdout).toBe(id + "\n");
    expect((await s.run("ps -ef | grep -c 'sleep 1000'")).stdout).toBe("2\n");
    host.restore(snap);
    // the random source is restored too: the same next container id
    expect((await s.run("podman run -d registry.access.redhat.com/ubi7/ubi sleep 1000")).stdout.trim()).toBe(id);
    host.restore(snap);
    expect((await s.run("podman ps -aq")).stdout).toBe("");
    expect((await s.run("ps -ef | grep -c 'sleep 1000'")).stdout).toBe("1\n");
    expect((await s.run("mount | grep -c merged")).stdout).toBe("0\n");
  });

  it("advances the virtual clock by a fixed step per command and by sleep", async () => {
    const host = createHost({ seed: 3 });
    const s = openSession(host);
    const t0 = host.clock.nowMs;
    await s.run("true");
    const step = host.clock.nowMs - t0;
    expect(step).toBeGreaterThan(0);
    await s.run("sleep 10");
    expect(host.clock.nowMs - t0).toBe(2 * step + 10_000);
  });

  it("follows the injected wall clock when interactive", () => {
    let now = 1_800_000_000_000;
    const host = createHost({ interactive: true, timeSource: () => now, startMs: now });
    now += 5000;
    openSession(host);
    expect(host.clock.nowMs).toBeLessThanOrEqual(now);
  });
});
