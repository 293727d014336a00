// --network/--pid container:NAME, host and none: which namespaces a container joins instead of getting its own,
// read back the way a student would (readlink of /proc/<pid>/ns, ip inside, ps inside).
import { describe, it, expect } from "vitest";
import { seeded } from "../helpers.js";
import type { Session } from "../../../engine/index.js";

const IMAGE = "registry.access.redhat.com/ubi9/ubi";
const nsOf = async (s: Session, name: string, kind: string) =>
  (await s.run(`readlink /proc/$(podman inspect --format '{{.State.Pid}}' ${name})/ns/${kind}`)).stdout;

describe("shared namespaces", () => {
  it("--network container:a shares a's network namespace and nothing else", async () => {
    const { s } = seeded("rhel9");
    await s.run(`podman pull -q ${IMAGE} >/dev/null 2>&1`);
    await s.run(`podman run -d --name a ${IMAGE} sleep 1000`);
    expect((await s.run(`podman run -d --name b --network container:a ${IMAGE} sleep 2000`)).exitCode).toBe(0);
    expect(await nsOf(s, "b", "net")).toBe(await nsOf(s, "a", "net"));
    expect(await nsOf(s, "b", "pid")).not.toBe(await nsOf(s, "a", "pid"));
    expect((await s.run("podman inspect --format '{{.NetworkSettings.IPAddress}}' b")).stdout).toBe("\n");
    expect((await s.run("ip -br link | grep -c veth")).stdout).toBe("1\n");
  });

  it("--network host and --pid host put the container in the host's namespaces", async () => {
    const { s } = seeded("rhel9");
    await s.run(`podman pull -q ${IMAGE} >/dev/null 2>&1`);
    await s.run(`podman run -d --name h --network host --pid host ${IMAGE} sleep 3000`);
    expect(await nsOf(s, "h", "net")).toBe("net:[4026531840]\n");
    expect((await s.run("podman exec h ps -e -o cmd")).stdout).toMatch(/\/usr\/lib\/systemd\/systemd/);
    const spec = (await s.run(`jq -c '[.linux.namespaces[].type]' /var/lib/containers/storage/overlay-containers/$(podman inspect --format '{{.Id}}' h)/userdata/config.json`)).stdout;
    expect(spec).toBe('["ipc","uts","mount","cgroup"]\n');
  });

  it("--network none leaves only a loopback; a missing container is refused", async () => {
    const { s } = seeded("rhel9");
    await s.run(`podman pull -q ${IMAGE} >/dev/null 2>&1`);
    await s.run(`podman run -d --name n --network none ${IMAGE} sleep 4000`);
    expect((await s.run("nsenter -t $(podman inspect --format '{{.State.Pid}}' n) -n ip -br a")).stdout).toBe("lo               UNKNOWN        127.0.0.1/8 ::1/128 \n");
    const r = await s.run(`podman run -d --network container:nope ${IMAGE} true`);
    expect(r.exitCode).toBe(125);
    expect(r.stderr).toBe('Error: no container with name or ID "nope" found: no such container\n');
  });
});
