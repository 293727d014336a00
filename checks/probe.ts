// Probes: the read-only shell commands a check sends to a host, and what came back.
//
// A check never knows which host it talks to. It hands plain POSIX shell lines to a `RunProbe` function — the
// built-in simulated host, this machine, or a lab host over SSH — and gets `{ stdout, stderr, exitCode }` back.
// Over SSH every round trip costs, so `batchProbes` joins many probes into one script whose output `splitBatch`
// cuts apart again. The delimiters carry a random nonce: output of a host cannot forge a boundary it never saw.

/** What one command line produced on a host (the same shape as a runner Target's result). */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs one command line on some host. The runner binds this to a Target (`cmd => target.run(cmd)`). */
export type RunProbe = (command: string) => Promise<CommandResult>;

/** Exit code given to a probe whose section is missing from a batch's output (the host hung up part-way). */
export const PROBE_MISSING = -1;

/** The most output a check reads from one probe; the rest is cut off (a hostile host could send gigabytes). */
export const MAX_PROBE_OUTPUT = 1 << 20;

const MARK = "@@hostlab-probe";

/** A shell script running `commands` one after another, each in a subshell with stdin closed. */
export function batchProbes(commands: string[], nonce: string = newNonce()): { script: string; nonce: string } {
  if (!/^[0-9a-z]{8,64}$/.test(nonce)) throw new Error(`batchProbes: nonce must be 8-64 [0-9a-z], got ${JSON.stringify(nonce)}`);
  // Temporary files keep stdout and stderr apart without fd juggling that differs between shells. They live in a
  // private directory under /tmp (or $TMPDIR) and are removed at the end: the host's state is left as found.
  const lines = [
    "set +e",
    `__hl_d=$(mktemp -d 2>/dev/null) || __hl_d=\${TMPDIR:-/tmp}/hostlab.${nonce}`,
    'mkdir -p "$__hl_d" 2>/dev/null',
  ];
  commands.forEach((command, i) => {
    lines.push(
      `( ${command}\n) >"$__hl_d/o" 2>"$__hl_d/e" </dev/null; __hl_rc=$?`,
      `printf '%s\\n' '${MARK} ${nonce} out ${i}'; cat "$__hl_d/o"`,
      `printf '\\n%s\\n' '${MARK} ${nonce} err ${i}'; cat "$__hl_d/e"`,
      `printf '\\n%s %s\\n' '${MARK} ${nonce} end ${i}' "$__hl_rc"`,
    );
  });
  lines.push('rm -rf "$__hl_d"');
  return { script: lines.join("\n") + "\n", nonce };
}

/** Cuts a batch's output back into one result per probe; a section the host never sent gets PROBE_MISSING. */
export function splitBatch(output: string, nonce: string, count: number): CommandResult[] {
  const results: CommandResult[] = [];
  const head = `${MARK} ${nonce} `;
  let at = 0;
  for (let i = 0; i < count; i++) {
    const outMark = `${head}out ${i}\n`;
    const errMark = `\n${head}err ${i}\n`;
    const endMark = `\n${head}end ${i} `;
    const o = output.indexOf(outMark, at);
    const e = o < 0 ? -1 : output.indexOf(errMark, o + outMark.length - 1);
    const n = e < 0 ? -1 : output.indexOf(endMark, e + errMark.length - 1);
    if (n < 0) {
      results.push({ stdout: "", stderr: `hostlab: no answer for this probe (output ended early)`, exitCode: PROBE_MISSING });
      continue;
    }
    const lineEnd = output.indexOf("\n", n + endMark.length);
    const code = Number.parseInt(output.slice(n + endMark.length, lineEnd < 0 ? undefined : lineEnd), 10);
    results.push({
      stdout: output.slice(o + outMark.length, e),
      stderr: output.slice(e + errMark.length, n),
      exitCode: Number.isFinite(code) ? code : PROBE_MISSING,
    });
    at = lineEnd < 0 ? output.length : lineEnd;
  }
  return results;
}

/** Runs each distinct command once: in one batch script when `batch` is set (SSH), else one call each. */
export async function runProbes(commands: string[], run: RunProbe, batch = false): Promise<CommandResult[]> {
  const unique = [...new Set(commands)];
  let answers: CommandResult[];
  if (batch && unique.length > 1) {
    const { script, nonce } = batchProbes(unique);
    const whole = await safeRun(run, script);
    answers = splitBatch(whole.stdout, nonce, unique.length);
  } else {
    answers = [];
    for (const command of unique) answers.push(await safeRun(run, command));
  }
  const byCommand = new Map(unique.map((c, i) => [c, cleanResult(answers[i])]));
  return commands.map((c) => byCommand.get(c)!);
}

// A target that throws (connection lost, timeout) becomes a result, so one bad host never breaks a whole grading run.
async function safeRun(run: RunProbe, command: string): Promise<CommandResult> {
  try {
    const r = await run(command);
    if (!r || typeof r !== "object") return { stdout: "", stderr: "hostlab: the target returned nothing", exitCode: PROBE_MISSING };
    return {
      stdout: typeof r.stdout === "string" ? r.stdout : "",
      stderr: typeof r.stderr === "string" ? r.stderr : "",
      exitCode: Number.isInteger(r.exitCode) ? r.exitCode : PROBE_MISSING,
    };
  } catch (err) {
    return { stdout: "", stderr: `hostlab: the probe could not run: ${(err as Error)?.message ?? String(err)}`, exitCode: PROBE_MISSING };
  }
}

/** Output as checks read it: capped, CR and ANSI/terminal escapes removed, NUL bytes dropped. */
export function cleanResult(r: CommandResult): CommandResult {
  return { stdout: cleanText(r.stdout), stderr: cleanText(r.stderr), exitCode: r.exitCode };
}

// CSI (ESC [ … final), OSC (ESC ] … BEL/ST) and two-byte escapes, as terminals interpret them (ECMA-48).
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

function cleanText(text: string): string {
  const capped = text.length > MAX_PROBE_OUTPUT ? text.slice(0, MAX_PROBE_OUTPUT) : text;
  return capped.replace(ANSI, "").replace(/\r\n?/g, "\n").replace(/\0/g, "");
}

function newNonce(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Quotes one word for a POSIX shell: 'it'\''s' style, safe for any path or name an author writes. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
