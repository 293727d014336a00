// `--check-timeout`: one hung probe (an `ls` on a dead NFS mount, a `podman ps` waiting for a lock) must cost one
// check, not the host. All probes travel in one batch script, so the limit is put on each probe inside it, with
// timeout(1) from coreutils (busybox's takes the same words). A host without timeout(1) runs the probe as is, and
// only the per-host limit applies there.
import { shellQuote } from "../../../checks/probe.js";

/** Written to a probe's stderr when timeout(1) stopped it. A host could print it too: it then only gets an error. */
export const PROBE_TIMED_OUT = "@@hostlab-probe-timed-out";

/** `command`, stopped after `seconds` (then killed 2 s later if it ignores SIGTERM). */
export function withProbeTimeout(command: string, seconds: number): string {
  const q = `'${command.replace(/'/g, `'\\''`)}'`;
  const s = shellQuote(String(seconds));
  return [
    `if command -v timeout >/dev/null 2>&1; then`,
    `timeout -k 2 ${s} sh -c ${q}; __hl_t=$?`,
    `if [ "$__hl_t" -eq 124 ]; then echo '${PROBE_TIMED_OUT}' >&2; fi; exit "$__hl_t"`,
    `else sh -c ${q}; fi`,
  ].join("\n");
}

/** Whether timeout(1) stopped this probe; and its stderr without the marker. */
export function probeTimedOut(stderr: string): { timedOut: boolean; stderr: string } {
  if (!stderr.includes(PROBE_TIMED_OUT)) return { timedOut: false, stderr };
  return { timedOut: true, stderr: stderr.split(`${PROBE_TIMED_OUT}\n`).join("").split(PROBE_TIMED_OUT).join("") };
}
