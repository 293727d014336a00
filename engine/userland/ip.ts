/**
 * ip (iproute2): the network devices, addresses and routes of the caller's network namespace, as rtnetlink
 * reports them (kernel/net.ts). `ip addr` / `ip a` lists each device with its flags, MAC and addresses; `ip link`
 * only the devices; `ip route` the routes the addresses imply plus the default route; `-4`/`-6` keep one family,
 * `-br` prints one line a device. Inside a container the namespace has only `lo` and `eth0@ifN` (N: the host end's
 * ifindex); on the host the engines' bridges and the host ends of the veth pairs show up.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import type { Host } from "../host.js";
import { type NetLink, netLinks, bridgeHasCarrier, setLinkUp } from "../kernel/net.js";

interface LinkView {
  link: NetLink;
  /** `eth0@if5` */
  label: string;
  flags: string;
  state: "UP" | "DOWN" | "UNKNOWN";
  qdisc: string;
}

function view(host: Host, netns: number, l: NetLink): LinkView {
  const label = l.peer ? `${l.name}@if${l.peer.ifindex}` : l.name;
  if (l.kind === "loopback") {
    return l.up ? { link: l, label, flags: "LOOPBACK,UP,LOWER_UP", state: "UNKNOWN", qdisc: "noqueue" } : { link: l, label, flags: "LOOPBACK", state: "DOWN", qdisc: "noop" };
  }
  if (!l.up) return { link: l, label, flags: "BROADCAST,MULTICAST", state: "DOWN", qdisc: "noop" };
  if (l.kind === "bridge" && !bridgeHasCarrier(host, netns, l.name)) return { link: l, label, flags: "NO-CARRIER,BROADCAST,MULTICAST,UP", state: "DOWN", qdisc: "noqueue" };
  const qdisc = l.kind === "ether" ? (host.profile.cgroupVersion === 2 ? "fq_codel" : "pfifo_fast") : "noqueue";
  return { link: l, label, flags: "BROADCAST,MULTICAST,UP,LOWER_UP", state: "UP", qdisc };
}

function headLine(v: LinkView, mode: boolean): string {
  const l = v.link;
  const master = l.master ? ` master ${l.master}` : "";
  const qlen = l.name === "docker0" ? " " : " qlen 1000";
  return `${l.ifindex}: ${v.label}: <${v.flags}> mtu ${l.mtu} qdisc ${v.qdisc}${master} state ${v.state}${mode ? " mode DEFAULT" : ""} group default${qlen}\n`;
}

function linkLine(host: Host, netns: number, l: NetLink): string {
  if (l.kind === "loopback") return `    link/loopback ${l.mac} brd 00:00:00:00:00:00\n`;
  let tail = "";
  if (l.peer) tail = l.peer.netns === host.namespaces.init.net && netns !== host.namespaces.init.net ? " link-netnsid 0" : l.peerNetnsName ? ` link-netns ${l.peerNetnsName}` : " link-netnsid 0";
  return `    link/ether ${l.mac} brd ff:ff:ff:ff:ff:ff${tail}\n`;
}

function addrLines(v: LinkView, family: "" | "inet" | "inet6", host: Host): string {
  let out = "";
  const dhcp = v.link.kind === "ether" && host.profile.cgroupVersion === 2;
  for (const a of v.link.addrs) {
    if (family && a.family !== family) continue;
    if (a.family === "inet") {
      const extra = dhcp ? " dynamic noprefixroute" : "";
      out += `    inet ${a.local}/${a.prefix}${a.brd ? ` brd ${a.brd}` : ""} scope ${a.scope}${extra} ${v.link.name}\n`;
      out += dhcp ? "       valid_lft 86195sec preferred_lft 86195sec\n" : "       valid_lft forever preferred_lft forever\n";
    } else {
      out += `    inet6 ${a.local}/${a.prefix} scope ${a.scope}${dhcp ? " noprefixroute" : ""} \n       valid_lft forever preferred_lft forever\n`;
    }
  }
  return out;
}

function routes(links: NetLink[], host: Host, netns: number): string {
  const out: string[] = [];
  const isHost = netns === host.namespaces.init.net;
  for (const l of links) {
    const v4 = l.addrs.find((a) => a.family === "inet" && a.scope === "global");
    if (!v4 || !l.up) continue;
    if (l.name === "eth0") {
      if (isHost) out.push(`default via ${v4.local.replace(/\.\d+$/, ".2")} dev eth0 proto dhcp src ${v4.local} metric 100 `);
      else out.push(`default via ${v4.local.replace(/\.\d+\.\d+$/, ".0.1")} dev eth0 proto static metric 100 `);
    }
  }
  const nets: Array<[number, string]> = [];
  for (const l of links) {
    const v4 = l.addrs.find((a) => a.family === "inet" && a.scope === "global");
    if (!v4 || !l.up) continue;
    const parts = v4.local.split(".").map(Number);
    const mask = v4.prefix === 0 ? 0 : (~0 << (32 - v4.prefix)) >>> 0;
    const ipNum = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
    const net = (ipNum & mask) >>> 0;
    const netText = [net >>> 24, (net >>> 16) & 255, (net >>> 8) & 255, net & 255].join(".");
    const linkdown = l.kind === "bridge" && !bridgeHasCarrier(host, netns, l.name) ? " linkdown" : "";
    const metric = isHost && l.name === "eth0" ? " metric 100" : "";
    nets.push([net, `${netText}/${v4.prefix} dev ${l.name} proto kernel scope link src ${v4.local}${metric} ${linkdown}`.replace(/ +linkdown/, " linkdown ")]);
  }
  // the main table lists routes by destination
  out.push(...nets.sort((a, b) => a[0] - b[0]).map((n) => n[1]));
  return out.map((l) => l + "\n").join("");
}

/** `ip link set [dev] DEV up|down`: an rtnetlink request, refused without CAP_NET_ADMIN. */
function linkSet(words: string[], ctx: CommandContext): CommandResult {
  const w = words[0] === "dev" ? words.slice(1) : words;
  const [dev, action] = w;
  if (!dev) return { stderr: 'Not enough information: "dev" argument is required.\n', exitCode: 255 };
  if (action !== "up" && action !== "down") return { stderr: `Error: either "dev" is duplicate, or "${action ?? ""}" is a garbage.\n`, exitCode: 255 };
  const r = ctx.fs.sys("sendmsg", [0], () => setLinkUp(ctx.host, ctx.task.ns.net, dev, action === "up"));
  if (!r.ok) return { stderr: "RTNETLINK answers: Operation not permitted\n", exitCode: 2 };
  if (!r.value) return { stderr: `Cannot find device "${dev}"\n`, exitCode: 1 };
  return { exitCode: 0 };
}

function ip(args: string[], ctx: CommandContext): CommandResult {
  const host = ctx.host;
  let family: "" | "inet" | "inet6" = "";
  let brief = false;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith("-"); i++) {
    const a = args[i]!;
    if (a === "-4") family = "inet";
    else if (a === "-6") family = "inet6";
    else if (a === "-br" || a === "-brief" || a === "--brief") brief = true;
    else if (a === "-c" || a === "-color" || a === "--color" || a.startsWith("--color=")) { /* no colours in the lab terminal */ }
    else return { stderr: `Option "${a}" is unknown, try "ip -help".\n`, exitCode: 255 };
  }
  const object = args[i] ?? "";
  const rest = args.slice(i + 1);
  const netns = ctx.task.ns.net;
  const links = netLinks(host, netns);
  if (object === "") return { stderr: "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n", exitCode: 255 };
  const isAddr = "address".startsWith(object);
  const isLink = "link".startsWith(object);
  const isRoute = "route".startsWith(object);
  if (!isAddr && !isLink && !isRoute) return { stderr: `Object "${object}" is unknown, try "ip help".\n`, exitCode: 1 };
  if (isLink && rest[0] === "set") return linkSet(rest.slice(1), ctx);
  const words = rest[0] === "show" || rest[0] === "list" || rest[0] === "ls" ? rest.slice(1) : rest;
  if (isRoute) return { stdout: family === "inet6" ? "" : routes(links, host, netns), exitCode: 0 };
  const dev = words[0] === "dev" ? words[1] : words[0];
  const chosen = dev ? links.filter((l) => l.name === dev) : links;
  if (dev && chosen.length === 0) return { stderr: `Device "${dev}" does not exist.\n`, exitCode: 1 };
  let out = "";
  for (const l of chosen) {
    const v = view(host, netns, l);
    if (brief) {
      const addrs = isAddr ? l.addrs.filter((a) => !family || a.family === family).map((a) => `${a.local}/${a.prefix} `).join("") : `${l.kind === "loopback" ? l.mac : l.mac} <${v.flags}> `;
      out += `${v.label.padEnd(16)} ${v.state.padEnd(14)} ${addrs}\n`;
      continue;
    }
    if (isAddr && family && !l.addrs.some((a) => a.family === family)) continue;
    out += headLine(v, isLink);
    if (!(isAddr && family)) out += linkLine(host, netns, l);
    if (isAddr) out += addrLines(v, family, host);
  }
  return { stdout: out, exitCode: 0 };
}

export const ipCommand: UserCommand = { name: "ip", run: ip };
