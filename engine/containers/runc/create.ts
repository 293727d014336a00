/**
 * `runc create [-b bundle] <id>` (runc create.go): sets a container up from the bundle (default: the current
 * directory) and leaves its init waiting as `runc init`; `runc start` runs the process. runc refuses a
 * `terminal: true` process when it will not stay attached and no --console-socket receives the pty, an id that
 * is already in use, a missing config.json or rootfs.
 */
import type { CommandResult } from "../../userland/command.js";
import { kernelFs } from "../../fs/fs-view.js";
import { dropMountNamespace } from "../../fs/mounts.js";
import { exitTask } from "../../kernel/tasks.js";
import { removeCgroup } from "../../kernel/cgroups.js";
import { readClock } from "../../kernel/clock.js";
import { randInt } from "../../kernel/rng.js";
import { argsError, leadingFlags, runcError, type RuncCall } from "./call.js";
import { absPath, loadBundle } from "./bundle.js";
import { createSandbox } from "./sandbox.js";
import { lookPath } from "./lifecycle.js";
import { RUNC_ROOT, rfc3339Nano, runcState, type RuncContainer } from "./record.js";

const VALUE_FLAGS = new Set(["bundle", "b", "console-socket", "pid-file", "preserve-fds"]);
const ID = /^[\w+\-.]+$/;

/** Parsed create/run arguments. */
export interface CreateArgs {
  id: string;
  bundle: string;
  detach: boolean;
  consoleSocket: boolean;
}

/** Parses create/run flags; an error is the finished result. */
export function parseCreateArgs(call: RuncCall, name: "create" | "run", args: string[]): CreateArgs | CommandResult {
  const parsed = leadingFlags(args, VALUE_FLAGS);
  if ("error" in parsed) return runcError(parsed.error);
  if (parsed.rest.length !== 1) return argsError(name, "[command options] <container-id>", 1, "exactly");
  const f = parsed.flags;
  const bundle = absPath(call.ctx.cwd, f.get("bundle") ?? f.get("b") ?? ".");
  return { id: parsed.rest[0]!, bundle, detach: name === "create" || f.has("detach") || f.has("d"), consoleSocket: f.has("console-socket") };
}

/** Creates the container; returns it or runc's error for `runc <name> failed`. */
export function createContainer(call: RuncCall, name: "create" | "run", a: CreateArgs): RuncContainer | CommandResult {
  const { host, ctx } = call;
  const fail = (msg: string) => runcError(`runc ${name} failed: ${msg}`);
  const b = loadBundle(ctx.fs, a.bundle);
  if ("error" in b) return fail(b.error);
  if (a.id === "" ) return fail("container id cannot be empty");
  if (!ID.test(a.id)) return fail(`invalid container id format: ${a.id}`);
  if (runcState(host).containers[a.id]) return fail("container with given ID already exists");
  if (b.terminal && a.detach && !a.consoleSocket) return fail("cannot allocate tty if runc will detach without setting console socket");
  const made = createSandbox(host, ctx.fs, ctx.task, b, a.id, a.detach ? 1 : ctx.task.pid);
  if ("error" in made) return fail(made.error);
  const now = readClock(host.clock, host.edge.timeSource);
  const c: RuncContainer = {
    id: a.id, bundle: a.bundle, rootfs: b.rootfs, pid: made.init.pid, started: false, createdMs: now, createdNs: randInt(host.rng, 1_000_000), args: b.args,
    env: b.env, cwd: b.cwd, terminal: b.terminal, ns: { ...made.init.ns }, ociVersion: b.ociVersion,
    ...(made.ownMnt !== undefined ? { ownMnt: made.ownMnt } : {}), ...(b.annotations ? { annotations: b.annotations } : {}),
  };
  // runc init looks the program up in the container before it waits for `start` (standard_init_linux.go)
  const missing = lookPath(host, made.init, b.args[0]!, b.env);
  if (missing) {
    exitTask(host, made.init.pid, 1);
    removeCgroup(host, `/${a.id}`);
    if (made.ownMnt !== undefined) dropMountNamespace(host, made.ownMnt);
    return fail(`unable to start container process: exec: "${b.args[0]}": ${missing}`);
  }
  runcState(host).containers[a.id] = c;
  const kfs = kernelFs(host);
  kfs.mkdirSync(`${RUNC_ROOT}/${a.id}`, { recursive: true, mode: 0o711 });
  kfs.writeFileSync(`${RUNC_ROOT}/${a.id}/state.json`, JSON.stringify({ id: a.id, init_process_pid: c.pid, created: rfc3339Nano(now, c.createdNs), config: { rootfs: b.rootfs } }));
  return c;
}

/** create */
export const create = {
  name: "create",
  run(call: RuncCall, args: string[]): CommandResult {
    const a = parseCreateArgs(call, "create", args);
    if ("exitCode" in a) return a;
    const c = createContainer(call, "create", a);
    return "exitCode" in c ? c : { exitCode: 0 };
  },
};
