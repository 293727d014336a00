// Where a test run's check probes go: a copy of the lab's host, never the host itself. Even a read-only probe takes
// pids, and pid gaps, container ids and MCS pairs come from one random stream (a seccomp check with `probe: run` even
// starts a container), so probing the lab's host would change every id the lab prints afterwards. On the copy, the
// commands print the same bytes with or without checks, and what `--update` writes is what the commands alone print.
//
// The copy is one second host, refreshed from a snapshot of the lab's host only when that host has changed since the
// last refresh: the checks after one step and the checks before the next see the same state and share one refresh.
import { checkProbes, type Check } from "../../../checks/check.js";
import type { CommandResult } from "../../../checks/probe.js";
import { createHost, openSession, type Host, type HostOptions } from "../../../engine/index.js";
import type { BuiltinTarget } from "../../targets/builtin.js";

export class HostCopy {
  private copy: Host | null = null;
  private stale = true;

  constructor(
    private readonly target: BuiltinTarget,
    private readonly options: Pick<HostOptions, "seed" | "profile">,
  ) {}

  /** Says the lab's host has changed (a command ran, a file was written) since the copy was last refreshed. */
  invalidate(): void {
    this.stale = true;
  }

  /** Runs every probe of `checks` on the copy, each distinct command once; answers by command. */
  async probe(checks: readonly Check[]): Promise<Map<string, CommandResult>> {
    const answers = new Map<string, CommandResult>();
    const probes = [...new Set(checks.flatMap(checkProbes))];
    if (probes.length === 0) return answers;
    const copy = (this.copy ??= createHost(this.options));
    if (this.stale) copy.restore(this.target.host.snapshot());
    this.stale = false;
    for (const command of probes) {
      const r = await openSession(copy, { interactive: false }).run(command);
      answers.set(command, { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
    }
    return answers;
  }
}
