/**
 * The audit subsystem (kernel/audit.c + auditd, audit.rules(7)): the kernel turns security events into records and
 * auditd appends them to /var/log/audit/audit.log. An SELinux denial is one *event* of three records that share a
 * timestamp and a serial number — `AVC` (what was denied), `SYSCALL` (which call, by whom, how it ended) and
 * `PROCTITLE` (the command line) — written in that order, one line each:
 *
 *   type=AVC msg=audit(1774530302.123:312): avc:  denied  { read } for  pid=4242 comm="cat" name="x" …
 *
 * The serial grows by one per event and never repeats while the host runs; the time is the host's clock. ausearch
 * (engine/userland/ausearch.ts) reads the file back and groups the lines into events again.
 * Simplification on purpose: auditd writes synchronously (no backlog, no log rotation).
 */
import type { Host } from "../host.js";
import { readClock } from "./clock.js";
import { sysMkdir, sysWriteFile, type FsCaller } from "../fs/file-ops.js";
import { resolve } from "../fs/vfs.js";

/** Where auditd writes (auditd.conf `log_file`). */
export const AUDIT_LOG = "/var/log/audit/audit.log";
/** Label of the audit log and its directory. */
const AUDIT_LOG_LABEL = "system_u:object_r:auditd_log_t:s0";

/** The audit subsystem's state: the last serial handed out. Plain data in the host. */
export interface AuditState {
  serial: number;
}

/** A freshly booted host: auditd has already logged a few hundred events (boot, logins, services). */
export function createAuditState(): AuditState {
  return { serial: 280 };
}

/** The audit state of a host (created on first use, so a snapshot taken before it existed still restores). */
export function auditState(host: Host): AuditState {
  const h = host as Host & { audit?: AuditState };
  return (h.audit ??= createAuditState());
}

/** `audit(<seconds>.<millis>:<serial>)` of an event at `ms`. */
export function auditStamp(ms: number, serial: number): string {
  return `audit(${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, "0")}:${serial})`;
}

/** audit_log_untrustedstring: a value with spaces, quotes or control characters is logged as hex. */
export function untrustedString(value: string): string {
  if (/^[\x21-\x7e]*$/.test(value) && !value.includes('"')) return `"${value}"`;
  let hex = "";
  for (const b of new TextEncoder().encode(value)) hex += b.toString(16).toUpperCase().padStart(2, "0");
  return hex;
}

/** Records one event (records in the order the kernel emits them: AVC, SYSCALL, PROCTITLE) and returns its stamp. */
export function logAuditEvent(host: Host, records: Array<[type: string, body: string]>): string {
  const state = auditState(host);
  const stamp = auditStamp(readClock(host.clock, host.edge.timeSource), ++state.serial);
  const text = records.map(([type, body]) => `type=${type} msg=${stamp}: ${body}\n`).join("");
  appendToLog(host, text);
  return stamp;
}

/** auditd's write: append to the log on the host's root file system, creating /var/log/audit if it went. */
function appendToLog(host: Host, text: string): void {
  const auditd: FsCaller = { mntns: host.namespaces.init.mnt, actor: { uid: 0, gid: 0, label: "system_u:system_r:auditd_t:s0", pid: 1 } };
  const dir = AUDIT_LOG.slice(0, AUDIT_LOG.lastIndexOf("/"));
  try {
    resolve(host, auditd.mntns, dir);
  } catch {
    try {
      sysMkdir(host, auditd, dir, 0o700, AUDIT_LOG_LABEL);
    } catch {
      return; // /var/log itself is gone: auditd has nowhere to write, as on a broken host
    }
  }
  try {
    sysWriteFile(host, auditd, AUDIT_LOG, text, true, 0o600);
  } catch {
    // a directory or something unwritable in the log's place: the record is lost, as auditd would lose it
  }
}

/** Boot: auditd has opened its log (0600, auditd_log_t), so `grep denied` on a fresh host finds nothing, not ENOENT. */
export function startAuditd(host: Host): void {
  appendToLog(host, "");
}
