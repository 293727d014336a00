// Reading a `podman …` / `docker …` command line the way the engine's CLI does (podman-run(1), podman-exec(1),
// docker-run(1)): options first, then the image or container, then the command to run in it. Only what the parser
// and the linter need is modelled: which options take a value, so the first positional argument is found.
import type { Word } from "./words.js";

export type Engine = "podman" | "docker";

export interface EngineCommand {
  engine: Engine;
  /** run, create, exec, pull, build, … (`container run` and `image pull` are folded to `run` and `pull`). */
  subcommand: string;
  options: EngineOption[];
  /** Arguments that are not options: for run/create the image, then the command and its arguments. */
  positionals: Word[];
}

export interface EngineOption {
  /** The option as written without its value, e.g. `-v`, `--security-opt`; combined short flags are split. */
  name: string;
  value: string | null;
  /** Offset of the value (or of the option when it has none) in the command string. */
  offset: number;
}

/** Options of run/create/exec/build/pull that take a value (the rest are booleans). From podman-run(1). */
const VALUE_OPTIONS = new Set([
  "--add-host", "--annotation", "--arch", "-a", "--attach", "--authfile", "--blkio-weight", "--build-arg",
  "--cap-add", "--cap-drop", "--cgroup-parent", "--cgroupns", "--cgroups", "--cidfile", "--conmon-pidfile",
  "--cpu-period", "--cpu-quota", "--cpu-rt-period", "--cpu-rt-runtime", "--cpu-shares", "-c", "--cpus",
  "--cpuset-cpus", "--cpuset-mems", "--detach-keys", "--device", "--device-read-bps", "--device-write-bps",
  "--dns", "--dns-option", "--dns-search", "--entrypoint", "-e", "--env", "--env-file", "--expose", "--gidmap",
  "--group-add", "--health-cmd", "--health-interval", "--health-retries", "--health-start-period",
  "--health-timeout", "-h", "--hostname", "--hostuser", "--init-path", "--ip", "--ip6", "--ipc", "-l", "--label",
  "--label-file", "--log-driver", "--log-opt", "--mac-address", "-m", "--memory", "--memory-reservation",
  "--memory-swap", "--memory-swappiness", "--mount", "--name", "--net", "--network", "--network-alias",
  "--oom-score-adj", "--os", "-p", "--publish", "--pid", "--pidfile", "--pids-limit", "--platform", "--pod",
  "--pod-id-file", "--preserve-fds", "--pull", "--requires", "--restart", "--rootfs", "--sdnotify", "--seccomp-policy",
  "--secret", "--security-opt", "--shm-size", "--stop-signal", "--stop-timeout", "--subgidname", "--subuidname",
  "--sysctl", "--systemd", "--timeout", "--tmpfs", "-u", "--user", "--uidmap", "--ulimit", "--umask", "--userns",
  "--uts", "--variant", "-v", "--volume", "--volumes-from", "-w", "--workdir", "-f", "--file", "-t", "--tag",
  "--format",
]);

/** Global options written without `=` that take the next word as their value. */
const GLOBAL_VALUE_OPTIONS = /^(--(log-level|root|runroot|storage-driver|cgroup-manager|runtime|url|connection|host|config|context)|-H)$/;

/** `-t` means --tty for run/exec but --tag for build; these subcommands read it as a boolean. (Likewise `-l` is
 * --latest, a boolean, for exec, and --label elsewhere.) */
const TTY_SUBCOMMANDS = new Set(["run", "create", "exec", "start"]);

/** Parses `[sudo] podman|docker [global options] subcommand …`; null for any other command. */
export function parseEngineCommand(words: readonly Word[]): EngineCommand | null {
  let i = 0;
  if (words[i]?.value === "sudo") i++;
  const head = words[i]?.value.split("/").pop();
  if (head !== "podman" && head !== "docker") return null;
  const engine: Engine = head;
  i++;
  // Global options (podman --log-level=debug run …): skip those written with `=` or known to be boolean.
  while (i < words.length && words[i].value.startsWith("-")) {
    i += GLOBAL_VALUE_OPTIONS.test(words[i].value) ? 2 : 1;
  }
  let subcommand = words[i]?.value ?? "";
  i++;
  if ((subcommand === "container" || subcommand === "image") && i < words.length) {
    subcommand = words[i].value;
    i++;
  }
  const options: EngineOption[] = [];
  const positionals: Word[] = [];
  const tty = TTY_SUBCOMMANDS.has(subcommand);
  for (; i < words.length; i++) {
    const w = words[i];
    // After the first positional of run/create/exec, everything belongs to the command run in the container.
    if (positionals.length > 0 && tty) {
      positionals.push(w);
      continue;
    }
    if (w.value === "--") {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (w.value.startsWith("--")) {
      const eq = w.value.indexOf("=");
      if (eq > 0) {
        options.push({ name: w.value.slice(0, eq), value: w.value.slice(eq + 1), offset: w.offset + eq + 1 });
      } else if (VALUE_OPTIONS.has(w.value) && i + 1 < words.length) {
        options.push({ name: w.value, value: words[i + 1].value, offset: words[i + 1].offset });
        i++;
      } else options.push({ name: w.value, value: null, offset: w.offset });
    } else if (w.value.startsWith("-") && w.value.length > 1) {
      // Combined short flags (-dit, -itv x): every letter is a flag; the first that takes a value ends the group.
      for (let k = 1; k < w.value.length; k++) {
        const name = `-${w.value[k]}`;
        const takesValue = VALUE_OPTIONS.has(name) && !(tty && name === "-t") && !(subcommand === "exec" && name === "-l");
        if (!takesValue) {
          options.push({ name, value: null, offset: w.offset + k });
          continue;
        }
        const inline = w.value.slice(k + 1).replace(/^=/, "");
        if (inline) options.push({ name, value: inline, offset: w.offset + k + 1 });
        else if (i + 1 < words.length) {
          options.push({ name, value: words[i + 1].value, offset: words[i + 1].offset });
          i++;
        } else options.push({ name, value: null, offset: w.offset + k });
        break;
      }
    } else positionals.push(w);
  }
  return { engine, subcommand, options, positionals };
}

/** Whether an option is present, by any of its names (`-i`, `--interactive`). */
export function hasOption(cmd: EngineCommand, ...names: string[]): boolean {
  return cmd.options.some((o) => names.includes(o.name) && o.value !== "false");
}

/** The values of an option, by any of its names. */
export function optionValues(cmd: EngineCommand, ...names: string[]): EngineOption[] {
  return cmd.options.filter((o) => names.includes(o.name) && o.value !== null);
}
