/**
 * Network devices and addresses (net/core/dev.c, rtnetlink; what `ip link` and `ip addr` read): each network
 * namespace has its own devices, numbered by its own ifindex counter. A fresh namespace has only `lo`, and it is
 * down (`unshare -n`, runc without network hooks). The host's initial namespace has `lo`, its NIC `eth0` and the
 * bridges of the engines installed (docker0 is made by dockerd at boot). A container engine's network plugin
 * (netavark / CNI bridge, docker's bridge driver) joins a container to its bridge with a veth pair: `eth0` inside
 * the container, `vethN` on the host enslaved to the bridge; `eth0@ifN` names the peer's ifindex on the other side.
 * A veth dies with the namespace of its peer, so the host side disappears once the container's processes are
 * gone (checked when the devices are listed: nothing to clean up by hand).
 *
 * Devices live on the namespace record (`links`, `nextIfindex`) so a snapshot carries them.
 */
import type { Host } from "../host.js";
import { getNamespace } from "./namespaces.js";

/** An address on a device. */
export interface NetAddr {
  family: "inet" | "inet6";
  /** "10.88.0.2", "fe80::…" */
  local: string;
  prefix: number;
  /** IPv4 broadcast */
  brd?: string;
  scope: "host" | "global" | "link";
}

/** One network device. Plain data. */
export interface NetLink {
  ifindex: number;
  name: string;
  kind: "loopback" | "ether" | "bridge" | "veth";
  mac: string;
  mtu: number;
  /** administratively up (IFF_UP) */
  up: boolean;
  addrs: NetAddr[];
  /** the bridge it is a port of */
  master?: string;
  /** veth: the peer's namespace and ifindex */
  peer?: { netns: number; ifindex: number };
  /** veth on the host: the name of the peer's namespace as `ip` shows it (link-netns) */
  peerNetnsName?: string;
}

/** The kernel's view of one namespace's devices (kept on the namespace record). */
interface NetState {
  links?: NetLink[];
  nextIfindex?: number;
}

/** The IPv6 link-local address of a MAC (EUI-64, RFC 4291). */
export function linkLocal(mac: string): string {
  const b = mac.split(":").map((x) => parseInt(x, 16));
  b[0] ^= 0x02;
  const words = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | 0xff, (0xfe << 8) | b[3]!, (b[4]! << 8) | b[5]!];
  return "fe80::" + words.map((w) => w.toString(16)).join(":");
}

/** A stable MAC from a name (locally administered, unicast), for devices that need no randomness. */
export function macFromName(name: string, oui?: string): string {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const bytes = [(h >>> 24) & 0xff, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff, (h >>> 4) & 0xff, (h >>> 12) & 0xff];
  if (oui) return oui + ":" + bytes.slice(3).map((x) => x.toString(16).padStart(2, "0")).join(":");
  bytes[0] = (bytes[0]! & 0xfc) | 0x02;
  return bytes.map((x) => x.toString(16).padStart(2, "0")).join(":");
}

function loopback(up: boolean): Omit<NetLink, "ifindex"> {
  return {
    name: "lo", kind: "loopback", mac: "00:00:00:00:00:00", mtu: 65536, up,
    addrs: up ? [{ family: "inet", local: "127.0.0.1", prefix: 8, scope: "host" }, { family: "inet6", local: "::1", prefix: 128, scope: "host" }] : [],
  };
}

/** The devices a namespace starts with: the host's NIC and docker0 in the initial one, a down `lo` elsewhere. */
function bootLinks(host: Host, netns: number): Omit<NetLink, "ifindex">[] {
  if (netns !== host.namespaces.init.net) return [loopback(false)];
  const mac = macFromName(host.profile.hostname, "52:54:00");
  return [
    loopback(true),
    { name: "eth0", kind: "ether", mac, mtu: 1500, up: true, addrs: [
      { family: "inet", local: "10.0.2.15", prefix: 24, brd: "10.0.2.255", scope: "global" },
      { family: "inet6", local: linkLocal(mac), prefix: 64, scope: "link" },
    ] },
    { name: "docker0", kind: "bridge", mac: macFromName("docker0", "02:42:3b"), mtu: 1500, up: true, addrs: [
      { family: "inet", local: "172.17.0.1", prefix: 16, brd: "172.17.255.255", scope: "global" },
    ] },
  ];
}

function state(host: Host, netns: number): Required<NetState> {
  const ns: NetState = getNamespace(host.namespaces, netns);
  if (!ns.links) {
    ns.links = [];
    ns.nextIfindex = 1;
    for (const l of bootLinks(host, netns)) ns.links.push({ ...l, ifindex: ns.nextIfindex++ });
  }
  return ns as Required<NetState>;
}

/** The network namespaces some process still holds (one pass over the task table). */
function netnsInUse(host: Host): Set<number> {
  const used = new Set<number>();
  for (const k in host.tasks.byPid) used.add(host.tasks.byPid[k]!.ns.net);
  return used;
}

/** The devices of a network namespace, by ifindex (veths whose peer namespace is gone have gone with it). */
export function netLinks(host: Host, netns: number): NetLink[] {
  const s = state(host, netns);
  if (s.links.some((l) => l.peer)) {
    const used = netnsInUse(host);
    s.links = s.links.filter((l) => !l.peer || (host.namespaces.byId[l.peer.netns] !== undefined && used.has(l.peer.netns)));
  }
  return [...s.links].sort((a, b) => a.ifindex - b.ifindex);
}

/** Adds a device to a namespace (RTM_NEWLINK); returns it with its ifindex. */
export function addLink(host: Host, netns: number, link: Omit<NetLink, "ifindex">): NetLink {
  const s = state(host, netns);
  const made = { ...link, ifindex: s.nextIfindex++ };
  s.links.push(made);
  return made;
}

/** The device `name` of a namespace, if any. */
export function findLink(host: Host, netns: number, name: string): NetLink | undefined {
  return netLinks(host, netns).find((l) => l.name === name);
}

/** Whether a bridge has a port that is up (its carrier). */
export function bridgeHasCarrier(host: Host, netns: number, bridge: string): boolean {
  return netLinks(host, netns).some((l) => l.master === bridge && l.up);
}

/** RTM_NEWLINK with IFF_UP set or cleared (`ip link set DEV up|down`); bringing `lo` up gives it its addresses. */
export function setLinkUp(host: Host, netns: number, name: string, up: boolean): boolean {
  const link = netLinks(host, netns).find((l) => l.name === name);
  if (!link) return false;
  const stored = state(host, netns).links.find((l) => l.ifindex === link.ifindex)!;
  stored.up = up;
  if (stored.kind === "loopback") stored.addrs = up ? [{ family: "inet", local: "127.0.0.1", prefix: 8, scope: "host" }, { family: "inet6", local: "::1", prefix: 128, scope: "host" }] : [];
  return true;
}
