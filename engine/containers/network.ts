/**
 * The engines' default networks (netavark and the CNI bridge plugin for podman, the bridge driver for docker): on
 * start, a container's new network namespace gets a veth pair — `eth0` inside with the container's address on
 * the engine's subnet (podman 10.88.0.0/16, docker 172.17.0.0/16) and its MAC, the other end on the host as a
 * port of the engine's bridge (`podman0` under netavark, `cni-podman0` under CNI, `docker0`), which holds the
 * gateway address .1. The bridge is made by the first container that needs it and stays. The host end goes away
 * with the container's namespace (kernel/net.ts).
 */
import type { Host } from "../host.js";
import { addLink, findLink, linkLocal, macFromName, netLinks } from "../kernel/net.js";
import type { Container } from "./container.js";
import type { EngineEra } from "./engines.js";

/** The engine's bridge on the host. */
export function bridgeName(era: EngineEra): string {
  if (era.engine === "docker") return "docker0";
  return era.family === "podman4" ? "podman0" : "cni-podman0";
}

/** `ip link set lo up` in a container's namespace: every network mode, `none` included, gets a working loopback. */
export function bringLoopbackUp(host: Host, netns: number): void {
  const lo = findLink(host, netns, "lo");
  if (!lo) return;
  lo.up = true;
  lo.addrs = [{ family: "inet", local: "127.0.0.1", prefix: 8, scope: "host" }, { family: "inet6", local: "::1", prefix: 128, scope: "host" }];
}

/** Plugs the container's network namespace into the engine's bridge. */
export function plugNetwork(host: Host, era: EngineEra, c: Container, netns: number): void {
  const hostNs = host.namespaces.init.net;
  const bridge = bridgeName(era);
  const gateway = c.ip.replace(/\.\d+$/, ".1");
  const subnet = c.ip.split(".").slice(0, 2).join(".");
  if (!findLink(host, hostNs, bridge)) {
    addLink(host, hostNs, { name: bridge, kind: "bridge", mac: macFromName(bridge), mtu: 1500, up: true, addrs: [
      { family: "inet", local: gateway, prefix: 16, brd: `${subnet}.255.255`, scope: "global" },
      { family: "inet6", local: linkLocal(macFromName(bridge)), prefix: 64, scope: "link" },
    ] });
  }
  // netavark takes the first free vethN; CNI and docker name the host end from random bytes
  let vethName: string;
  if (era.family === "podman4") {
    const used = new Set(netLinks(host, hostNs).map((l) => l.name));
    let n = 0;
    while (used.has(`veth${n}`)) n++;
    vethName = `veth${n}`;
  } else vethName = `veth${macFromName(c.id).replace(/:/g, "").slice(era.engine === "docker" ? 5 : 4)}`;
  netLinks(host, netns);
  const hostMac = macFromName(`${c.id}:host`);
  const peerIndexInside = 2;
  const hostEnd = addLink(host, hostNs, {
    name: vethName, kind: "veth", mac: hostMac, mtu: 1500, up: true, master: bridge,
    addrs: [{ family: "inet6", local: linkLocal(hostMac), prefix: 64, scope: "link" }],
    peer: { netns, ifindex: peerIndexInside },
    ...(c.netnsPath ? { peerNetnsName: c.netnsPath.slice(c.netnsPath.lastIndexOf("/") + 1) } : {}),
  });
  bringLoopbackUp(host, netns);
  addLink(host, netns, {
    name: "eth0", kind: "veth", mac: c.mac, mtu: 1500, up: true,
    addrs: [
      { family: "inet", local: c.ip, prefix: 16, brd: `${subnet}.255.255`, scope: "global" },
      { family: "inet6", local: linkLocal(c.mac), prefix: 64, scope: "link" },
    ],
    peer: { netns: hostNs, ifindex: hostEnd.ifindex },
  });
}
