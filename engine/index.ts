/**
 * The built-in container host, as the rest of hostlab uses it: create a host, open a session, run lines.
 * Everything under engine/ is importable directly too; this is the stable surface (see engine/README.md).
 */
export { createHost, installCommand, onTaskExit, SEEDED_START_MS } from "./host.js";
export type { Host, HostOptions, HostState, HostSnapshot, TaskExitListener } from "./host.js";
export { Session, openSession, loginEnv } from "./shell/session.js";
export type { SessionOptions } from "./shell/session.js";
export type { RunResult, OutputChunk } from "./shell/shell.js";
export { runInTask, runArgv, shellQuote } from "./shell/run-in-task.js";
export type { UserCommand, CommandContext, CommandResult, ShellControl } from "./userland/command.js";
export { FsView, kernelFs, taskFs } from "./fs/fs-view.js";
export { mountOverlay, bindMount, mountProc, mountTree, unmount, cloneMountNamespace, createRootMountNamespace } from "./fs/namespace.js";
export { listMounts, formatMountLine, mountAt } from "./fs/mounts.js";
export type { Mount, MountRoot } from "./fs/mounts.js";
export { spawnTask, exitTask, getTask, listTasks, reapTasks, setExitAt, pidIn, findTaskInNs } from "./kernel/tasks.js";
export type { Task, TaskSpec } from "./kernel/tasks.js";
export { createNamespace, getNamespace } from "./kernel/namespaces.js";
export type { NsType, NsSet, Namespace } from "./kernel/namespaces.js";
export { createCgroup, removeCgroup } from "./kernel/cgroups.js";
export { syscall } from "./kernel/syscalls.js";
export { readClock, advanceClock } from "./kernel/clock.js";
export { randInt, randHex, nextU32 } from "./kernel/rng.js";
export { profiles } from "./profiles/index.js";
export type { ProfileName, HostProfile } from "./profiles/index.js";
