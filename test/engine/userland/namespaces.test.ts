// Namespaces as consequences: what a container's processes see (ps, hostname, ip), the /proc/<pid>/ns links that
// processes of one container share and two containers don't, and lsns / nsenter / unshare reading the same state.
import { describe, it, expect } from "vitest";
import { seeded } from "../helpers.js";
import type { Session } from "../../../engine/index.js";

const IMAGE = "registry.access.redhat.com/ubi9/ubi";

async function run(s: Session, name: string): Promise<string> {
  await s.run(`podman pull -q ${IMAGE} >/dev/null 2>&1`);
  expect((await s.run(`podman run -d --name ${name} ${IMAGE} sleep 1000`)).exitCode).toBe(0);
  return (await s.run(`podman inspect --format '{{.State.Pid}}' ${name}`)).stdout.trim();
}

describe("pid and uts namespaces", () => {
  it("a container's ps -ef shows its command as PID 1 and nothing of the host", async () => {
    const { s } = seeded("rhel9");
    await run(s, "web");
    const ps = (await s.run("podman exec web ps -ef")).stdout.trim().split("\n");
    expect(ps).toHaveLength(3);
    expect(ps[1]).toMatch(/^root +1 +0 .* sleep 1000$/);
    expect(ps[2]).toMatch(/ ps -ef$/);
    expect(ps.join("\n")).not.toMatch(/systemd|conmon|sshd/);
  });

  it("nsenter -u prints the short container id as hostname; -p -m sees the container's processes", async () => {
    const { s } = seeded("rhel9");
    const pid = await run(s, "web");
    const id = (await s.run("podman inspect --format '{{.Id}}' web")).stdout.trim();
    expect((await s.run(`nsenter -t ${pid} -u hostname`)).stdout).toBe(`${id.slice(0, 12)}\n`);
    expect((await s.run("hostname")).stdout).toBe("rhel9\n");
    const ps = (await s.run(`nsenter -t ${pid} -p -m ps -eo pid,cmd`)).stdout;
    expect(ps).toMatch(/^ +PID CMD\n +1 sleep 1000\n/);
    expect(ps).not.toMatch(/systemd/);
  });

  it("ps reads /proc: a new pid namespace without a /proc of its own still lists the host's processes", async () => {
    const { s } = seeded("rhel9");
    const pid = await run(s, "web");
    expect(Number((await s.run("unshare --pid --fork ps -e | wc -l")).stdout)).toBeGreaterThan(20);
    expect(Number((await s.run(`nsenter -t ${pid} -p ps -e | wc -l`)).stdout)).toBeGreaterThan(20);
    expect((await s.run(`nsenter -t ${pid} -p -m ps -e -o cmd`)).stdout).toBe("CMD\nsleep 1000\nps -e -o cmd\n");
  });

  it("unshare --pid --fork --mount-proc makes the program PID 1 of a /proc of its own", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("unshare --pid --fork --mount-proc ps -eo pid,cmd")).stdout).toMatch(/^ +PID CMD\n +1 ps -eo pid,cmd\n$/);
  });
});

describe("/proc/<pid>/ns", () => {
  it("two processes of one container share a net namespace, two containers don't, the host has the initial one", async () => {
    const { s } = seeded("rhel9");
    const web = await run(s, "web");
    const db = await run(s, "db");
    expect((await s.run("readlink /proc/self/ns/pid")).stdout).toBe("pid:[4026531836]\n");
    expect((await s.run("readlink /proc/1/ns/net")).stdout).toBe("net:[4026531840]\n");
    const webNet = (await s.run(`readlink /proc/${web}/ns/net`)).stdout;
    expect(webNet).toMatch(/^net:\[40265\d{5}\]\n$/);
    expect((await s.run(`podman exec web readlink /proc/self/ns/net`)).stdout).toBe(webNet);
    expect((await s.run(`readlink /proc/${db}/ns/net`)).stdout).not.toBe(webNet);
    // rootful containers stay in the initial user namespace
    expect((await s.run(`readlink /proc/${web}/ns/user`)).stdout).toBe("user:[4026531837]\n");
    const ls = (await s.run(`ls -l /proc/${web}/ns`)).stdout;
    expect(ls).toMatch(/ net -> net:\[\d+\]\n/);
    expect(ls).toMatch(/ user -> user:\[4026531837\]\n/);
  });

  it("rhel7's kernel numbers the initial net namespace differently", async () => {
    const { s } = seeded("rhel7");
    expect((await s.run("readlink /proc/1/ns/net /proc/1/ns/mnt")).stdout).toBe("net:[4026531956]\nmnt:[4026531840]\n");
  });
});

describe("lsns", () => {
  it("lists one row a namespace, the container's with its sleep as owner", async () => {
    const { s } = seeded("rhel9");
    const web = await run(s, "web");
    const out = (await s.run("lsns -t net")).stdout.split("\n");
    expect(out[0]).toMatch(/^ {8}NS TYPE NPROCS +PID USER +COMMAND$/);
    expect(out[1]).toMatch(/^4026531840 net +\d+ +1 root +\/usr\/lib\/systemd\/systemd/);
    expect(out.find((l) => l.endsWith("sleep 1000"))).toMatch(new RegExp(`^40265\\d{5} net +1 +${web} root +sleep 1000$`));
    const mine = (await s.run(`lsns -n -p ${web} -o TYPE,NPROCS,PID`)).stdout;
    expect(mine).toMatch(new RegExp(`^pid +1 +${web}$`, "m"));
    expect(mine).toMatch(/^user +\d+ +1$/m);
  });
});

describe("net namespace", () => {
  it("a container has lo and eth0@ifN with its 10.88.0.x/16 address; the host has podman0 and the veth", async () => {
    const { s } = seeded("rhel9");
    const web = await run(s, "web");
    const ip = (await s.run("podman inspect --format '{{.NetworkSettings.IPAddress}} {{.NetworkSettings.MacAddress}}' web")).stdout.trim().split(" ");
    const inside = (await s.run(`nsenter -t ${web} -n ip a`)).stdout;
    expect(inside).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 /);
    const eth0 = /\n2: eth0@if(\d+): <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 .*\n    link\/ether ([0-9a-f:]+) brd ff:ff:ff:ff:ff:ff link-netnsid 0\n    inet (10\.88\.0\.\d+)\/16 brd 10\.88\.255\.255 scope global eth0\n/.exec(inside);
    expect(eth0?.[2]).toBe(ip[1]);
    expect(eth0?.[3]).toBe(ip[0]);
    const host = (await s.run("ip a")).stdout;
    expect(host).toMatch(/: podman0: .*\n.*\n    inet 10\.88\.0\.1\/16 brd 10\.88\.255\.255 scope global podman0\n/);
    expect(host).toMatch(new RegExp(`\\n${eth0![1]}: veth0@if2: .* master podman0 state UP`));
    expect((await s.run("podman kill web >/dev/null; ip -br link | grep -c veth")).stdout).toBe("0\n");
  });

  it("a fresh net namespace has only lo, and it is down", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("unshare -n ip a")).stdout).toBe("1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
    expect((await s.run("ip a show dev nope")).stderr).toBe('Device "nope" does not exist.\n');
    // bringing lo up is an rtnetlink request: the kernel then gives it 127.0.0.1
    expect((await s.run("unshare -n sh -c 'ip link set lo up; ip -br a'")).stdout).toBe("lo               UNKNOWN        127.0.0.1/8 ::1/128 \n");
  });
});
