// A reader's progress in the browser's localStorage: the lines typed in the terminal, with the seed, profile and lab
// hash they were typed against. The engine is deterministic for a seed, so typing the same lines on a fresh host
// rebuilds the same host (runner/session/replay.ts does the same for `hostlab run`); nothing else is saved.

export interface SavedSession {
  version: 1;
  hash: string;
  seed: number;
  profile: string;
  /** Every line run, in order, with the exit status it had (a different one on replay means the engine changed). */
  log: Array<{ line: string; exitCode: number }>;
}

/** The subset of the Storage API used here, so tests can pass a Map-backed stand-in. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The storage key of a lab's session. */
export function sessionKey(labId: string): string {
  return `hostlab:session:${labId}`;
}

/** The saved session for this version of the lab, or null (none, unreadable, or from another version or seed). */
export function loadSession(store: KeyValueStore, labId: string, expect: { hash: string; seed: number; profile: string }): SavedSession | null {
  let saved: unknown;
  try {
    saved = JSON.parse(store.getItem(sessionKey(labId)) ?? "null");
  } catch {
    return null;
  }
  if (!saved || typeof saved !== "object") return null;
  const s = saved as Partial<SavedSession>;
  if (s.version !== 1 || !Array.isArray(s.log)) return null;
  if (s.hash !== expect.hash || s.seed !== expect.seed || s.profile !== expect.profile) return null;
  const log = s.log.filter((e) => e && typeof e.line === "string" && typeof e.exitCode === "number");
  return { version: 1, hash: s.hash, seed: s.seed, profile: s.profile, log };
}

/** Writes the session; a full or disabled storage only costs the resume, never the terminal. */
export function saveSession(store: KeyValueStore, labId: string, session: SavedSession): boolean {
  try {
    store.setItem(sessionKey(labId), JSON.stringify(session));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the lab's session ("Reset"). */
export function clearSession(store: KeyValueStore, labId: string): void {
  try {
    store.removeItem(sessionKey(labId));
  } catch {
    // nothing saved, nothing to forget
  }
}
