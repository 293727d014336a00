// Does this host have what a check needs? One read-only probe per capability, shared by every check in a batch.
// SELinux: `getenforce` says Enforcing/Permissive/Disabled; where getenforce is missing (Debian), `ls -dZ /`
// prints `?` for a file system without labels. An engine: `podman --version` exits 127 when it is not installed.
import type { CommandResult } from "../probe.js";
import type { Capability } from "./check-type.js";
import { parseLsLabel } from "./formats/ls-z.js";

/** The exact reasons reports show (issue 7's tests read the SELinux one). */
export const LACKS: Record<Capability, string> = {
  selinux: "SELinux is disabled on this host",
  podman: "podman is not installed on this host",
  docker: "docker is not installed on this host",
};

/** The probe that tells whether a host has `capability`. */
export function capabilityProbe(capability: Capability): string {
  switch (capability) {
    case "selinux":
      return "getenforce 2>/dev/null || ls -dZ / 2>/dev/null";
    case "podman":
      return "podman --version";
    case "docker":
      return "docker --version";
  }
}

/** True when the probe's result shows the capability is missing; unclear answers count as present. */
export function lacksCapability(capability: Capability, r: CommandResult): boolean {
  if (capability === "selinux") {
    const first = r.stdout.trim().split("\n")[0]?.trim() ?? "";
    if (/^disabled$/i.test(first)) return true;
    if (/^(enforcing|permissive)$/i.test(first)) return false;
    return parseLsLabel(r.stdout).kind === "none";
  }
  return r.exitCode === 127 || /command not found|not found/i.test(r.stderr) && r.exitCode !== 0;
}
