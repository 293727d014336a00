// Sizes as authors write them for podman (`--memory 42m`: binary units, podman-run(1)) and as cgroup files hold
// them: bytes, or `max` (v2) / a huge page-rounded number (v1 memory.limit_in_bytes 9223372036854771712) for
// "no limit".

/** Above this a v1 memory limit means "unlimited" (the kernel rounds LONG_MAX down to a page multiple). */
export const V1_UNLIMITED = 2 ** 62;

const UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** Bytes from "42m", "44040192", "1g", "512k"; Infinity for "max"/"unlimited"; NaN when unreadable. */
export function parseBytes(text: string | number): number {
  if (typeof text === "number") return text;
  const t = text.trim().toLowerCase();
  if (t === "max" || t === "unlimited" || t === "-1") return Infinity;
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)(?:i?b)?$/.exec(t);
  if (!m) return NaN;
  const bytes = Math.round(Number(m[1]) * UNITS[m[2]]);
  return bytes >= V1_UNLIMITED ? Infinity : bytes;
}

/** Human form of bytes for messages: 44040192 → "42 MiB (44040192 bytes)". */
export function describeBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "no limit";
  for (const [unit, size] of [["GiB", 1024 ** 3], ["MiB", 1024 ** 2], ["KiB", 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit} (${bytes} bytes)`;
  }
  return `${bytes} bytes`;
}
