/**
 * capsh (libcap, capsh(1)): the capability state of the calling process. `capsh --print` shows the current
 * (effective/permitted) set, the bounding set, the ambient set and the IAB tuple (`!cap_x` for every capability
 * the bounding set lost), the securebits and the ids — RHEL 9's libcap 2.48 layout, RHEL 7's 2.22 on rhel7.
 * `capsh --decode=00000000a80425fb` names the bits of a mask as /proc/<pid>/status prints them (`CapEff:`).
 * Full root prints `Current: =ep`; a podman 4 container its 11 defaults.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { ALL_CAPS } from "../kernel/credentials.js";
import { decodeCapMask, kernelCapabilities } from "../kernel/capabilities.js";
import { userName } from "../shell/prompt.js";

const lower = (caps: readonly string[]): string => caps.map((c) => c.toLowerCase()).join(",");

function print(ctx: CommandContext): string {
  const { uid, gid, groups } = ctx.task.cred;
  const rhel7 = ctx.host.profileName === "rhel7";
  const kernelCaps = kernelCapabilities(ALL_CAPS, ctx.host.profileName);
  const held = kernelCaps.filter((c) => ctx.task.cred.caps.includes(c));
  // every capability the kernel has is held: full root (and --privileged), which capsh prints as "=ep"
  const all = kernelCaps.every((c) => ctx.task.cred.caps.includes(c));
  const named = (id: number): string => `${id}(${userName(ctx.host, id)})`;
  if (rhel7) {
    return `Current: = ${lower(held)}+ep\nBounding set =${lower(held)}\nSecurebits: 00/0x0/1'b0\n` +
      " secure-noroot: no (unlocked)\n secure-no-suid-fixup: no (unlocked)\n secure-keep-caps: no (unlocked)\n" +
      `uid=${named(uid)}\ngid=${named(gid)}\ngroups=${groups.map(named).join(",")}\n`;
  }
  const current = all ? "=ep" : held.length === 0 ? "=" : `${lower(held)}=ep`;
  const bounding = all ? lower(kernelCaps) : lower(held);
  const iab = all ? "" : lower(kernelCaps.filter((c) => !held.includes(c)).map((c) => `!${c}`));
  return `Current: ${current}\nBounding set =${bounding}\nAmbient set =\nCurrent IAB: ${iab}\n` +
    "Securebits: 00/0x0/1'b0 (no-new-privs=0)\n" +
    " secure-noroot: no (unlocked)\n secure-no-suid-fixup: no (unlocked)\n secure-keep-caps: no (unlocked)\n" +
    " secure-no-ambient-raise: no (unlocked)\n" +
    `uid=${named(uid)} euid=${named(uid)}\ngid=${named(gid)}\ngroups=${groups.map(named).join(",")}\n` +
    `Guessed mode: ${all ? "HYBRID (4)" : "UNCERTAIN (0)"}\n`;
}

function capsh(args: string[], ctx: CommandContext): CommandResult {
  if (args.length === 0 || args.includes("--print")) return { stdout: print(ctx), exitCode: 0 };
  for (const a of args) {
    if (a.startsWith("--decode=")) {
      const hex = a.slice("--decode=".length);
      const names = decodeCapMask(ALL_CAPS, hex);
      if (!names) return { stderr: `capsh: invalid --decode value '${hex}'\n`, exitCode: 1 };
      const padded = hex.replace(/^0x/i, "").padStart(16, "0");
      return { stdout: `0x${padded}=${lower(names)}\n`, exitCode: 0 };
    }
    if (a.startsWith("--has-p=") || a.startsWith("--has-b=")) {
      const want = a.slice(8).toUpperCase();
      if (ctx.task.cred.caps.includes(want)) continue;
      return { stderr: `cap[${a.slice(8)}] not in ${a.startsWith("--has-p") ? "permitted" : "bounding"} set\n`, exitCode: 1 };
    }
    return { stderr: `capsh: unknown option '${a}'\n`, exitCode: 1 };
  }
  return { exitCode: 0 };
}

export const capshCommand: UserCommand = { name: "capsh", run: capsh };
