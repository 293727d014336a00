/**
 * A container's privileges as the engines compute them (podman-run(1) `--cap-add`, `--cap-drop`, `--privileged`,
 * `--security-opt label=…`; containers/common `pkg/capabilities`, go-selinux `label.InitLabels`):
 *
 * - capabilities: the engine's default set (podman 4: the 11 of containers.conf; docker and podman 1.x: 14), minus
 *   `--cap-drop`, plus `--cap-add` (`ALL` means all of them either way; names with or without `CAP_`, any case);
 *   `--privileged` gives every capability. The result is the bounding, effective and permitted set of the
 *   container's processes (`CapEff` in /proc/<pid>/status, `capsh --print`).
 * - SELinux: `label=disable` and `--privileged` run the container as `spc_t` (no MCS level); `label=type:T`,
 *   `label=user:U`, `label=role:R` replace that part of the process label; `label=level:s0:cA,cB` the level.
 */
import { ALL_CAPS } from "../kernel/credentials.js";
import { parseContext, formatContext } from "../kernel/selinux.js";
import type { Container } from "./container.js";
import type { EngineEra } from "./engines.js";

/** "net_raw", "NET_RAW", "cap_net_raw" → "CAP_NET_RAW"; "all" → "ALL"; undefined if no such capability. */
export function normalizeCap(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper === "ALL") return "ALL";
  const full = upper.startsWith("CAP_") ? upper : `CAP_${upper}`;
  return ALL_CAPS.includes(full) ? full : undefined;
}

/** Validates `--cap-add`/`--cap-drop` words; returns the normalised names or the first unknown one. */
export function parseCapList(words: readonly string[]): { caps: string[] } | { unknown: string } {
  const caps: string[] = [];
  for (const w of words.flatMap((x) => x.split(","))) {
    if (w === "") continue;
    const c = normalizeCap(w);
    if (!c) return { unknown: w };
    caps.push(c);
  }
  return { caps };
}

/** The capability set of a container's processes. */
export function containerCaps(era: EngineEra, c: Pick<Container, "capAdd" | "capDrop" | "privileged">): string[] {
  if (c.privileged) return [...ALL_CAPS].sort();
  if (!c.capAdd?.length && !c.capDrop?.length) return [...era.caps];
  const drop = c.capDrop ?? [];
  const add = c.capAdd ?? [];
  const base = drop.includes("ALL") ? [] : era.caps.filter((x) => !drop.includes(x));
  const added = add.includes("ALL") ? ALL_CAPS : add;
  const out = [...base];
  for (const x of added) if (!out.includes(x) && !(drop.includes(x) && !add.includes("ALL"))) out.push(x);
  // podman lists them sorted by name in config.json and inspect (observed, podman 4.3.1)
  return out.sort();
}

/** Whether SELinux separation is off for the container (spc_t): label=disable or --privileged. */
export function labelDisabled(labelOpts: readonly string[], privileged: boolean | undefined): boolean {
  return !!privileged || labelOpts.includes("disable");
}

/** The process label with `label=type:/user:/role:` applied. */
export function applyLabelOpts(label: string, labelOpts: readonly string[]): string {
  const ctx = parseContext(label);
  for (const o of labelOpts) {
    if (o.startsWith("type:")) ctx.type = o.slice(5);
    else if (o.startsWith("user:")) ctx.user = o.slice(5);
    else if (o.startsWith("role:")) ctx.role = o.slice(5);
  }
  return formatContext(ctx);
}
