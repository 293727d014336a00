// A reader's session in localStorage: saved after each command, loaded only for the same lab version, seed and
// profile, and never fatal when storage misbehaves.
import { describe, expect, it } from "vitest";
import { clearSession, loadSession, saveSession, sessionKey, type KeyValueStore, type SavedSession } from "../../../book/browser/progress.js";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const VERSION = { hash: "sha256:abc", seed: 1, profile: "rhel9" };
const SESSION: SavedSession = { version: 1, ...VERSION, log: [{ line: "podman ps", exitCode: 0 }] };

describe("saved sessions", () => {
  it("round-trips", () => {
    const store = memoryStore();
    expect(saveSession(store, "lab", SESSION)).toBe(true);
    expect(loadSession(store, "lab", VERSION)).toEqual(SESSION);
    clearSession(store, "lab");
    expect(loadSession(store, "lab", VERSION)).toBeNull();
  });

  it("ignores a session made against another version of the lab, another seed or profile", () => {
    const store = memoryStore();
    saveSession(store, "lab", SESSION);
    expect(loadSession(store, "lab", { ...VERSION, hash: "sha256:def" })).toBeNull();
    expect(loadSession(store, "lab", { ...VERSION, seed: 2 })).toBeNull();
    expect(loadSession(store, "lab", { ...VERSION, profile: "rhel7" })).toBeNull();
  });

  it("ignores garbage and drops malformed log entries", () => {
    const store = memoryStore();
    store.setItem(sessionKey("lab"), "{not json");
    expect(loadSession(store, "lab", VERSION)).toBeNull();
    store.setItem(sessionKey("lab"), JSON.stringify({ ...SESSION, log: [{ line: "ok", exitCode: 0 }, { line: 5 }, null] }));
    expect(loadSession(store, "lab", VERSION)?.log).toEqual([{ line: "ok", exitCode: 0 }]);
  });

  it("reports a full storage instead of throwing", () => {
    const store = { ...memoryStore(), setItem: () => { throw new DOMException("quota", "QuotaExceededError"); } };
    expect(saveSession(store, "lab", SESSION)).toBe(false);
  });
});
