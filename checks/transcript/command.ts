// Which program printed the output, read from the command line the student typed, so its table rule applies.
// `ps -efZ | grep top` prints rows of ps (grep keeps a row's shape); `sudo podman exec -it ctr ls -l /mnt`
// prints what `ls -l` prints; `bash -c 'df -h'` what df prints. A simplified shell reading (quotes, pipes, `;`
// and `&&`), not a shell parser: when it cannot tell, no table rule applies and lines match by shape alone.

export interface ProgramCall {
  /** the program's base name: "ps", "ls", "podman" … */
  program: string;
  args: string[];
}

/** Splits a command line into words, honouring single and double quotes and backslashes. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let cur = "";
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (c === " " || c === "\t" || c === "\n") {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** Cuts a line at unquoted occurrences of the given separators. */
function cutUnquoted(line: string, isSeparator: (line: string, i: number) => number): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    if (c === "\\") {
      i++;
      continue;
    }
    const len = isSeparator(line, i);
    if (len > 0) {
      parts.push(line.slice(start, i));
      start = i + len;
      i += len - 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}

// podman/docker run and exec options that take a value as the next word (podman-run(1), podman-exec(1)).
const VALUE_OPTIONS = new Set([
  "-e", "--env", "-u", "--user", "-w", "--workdir", "-v", "--volume", "--name", "-p", "--publish", "--security-opt",
  "--network", "--net", "-h", "--hostname", "--entrypoint", "-m", "--memory", "--cpus", "--pids-limit", "-l",
  "--label", "--mount", "--device", "--cap-add", "--cap-drop", "--env-file", "--pod", "--restart", "--tmpfs",
  "--ulimit", "--userns", "--log-driver", "--dns", "--add-host", "--cgroup-manager", "--detach-keys", "--preserve-fds",
  "--memory-swap", "--cpu-shares", "-c", "--cpuset-cpus", "--stop-signal", "--shm-size", "--ipc", "--pid", "--uts",
]);

/** The program whose output the command prints, looking through sudo, env, pipes, `bash -c` and exec/run. */
export function programOf(command: string, depth = 0): ProgramCall | undefined {
  if (depth > 4) return undefined;
  const statements = cutUnquoted(command, (l, i) => (l[i] === ";" ? 1 : l.startsWith("&&", i) ? 2 : 0));
  const last = statements.map((s) => s.trim()).filter(Boolean).pop() ?? "";
  // `a | b` prints rows of a's shape; `a || b` prints a's output unless a failed
  const first = cutUnquoted(last, (l, i) => (l.startsWith("||", i) ? 2 : l[i] === "|" ? 1 : 0))[0];
  let words = splitWords(first.trim());
  // a pasted prompt, environment assignments, and wrappers that do not change the output
  while (words.length) {
    const w = words[0];
    if (w === "$" || w === "#" || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) words = words.slice(1);
    else if (w === "sudo" || w === "time" || w === "command" || w === "exec" || w === "env") {
      words = words.slice(1);
      while (words.length && words[0].startsWith("-")) words = words.slice(1);
    } else break;
  }
  if (!words.length) return undefined;
  const program = words[0].split("/").pop()!;
  const args = words.slice(1);
  if ((program === "bash" || program === "sh") && args[0] === "-c" && args[1] !== undefined) {
    return programOf(args[1], depth + 1);
  }
  if ((program === "podman" || program === "docker") && (args[0] === "exec" || args[0] === "run")) {
    // skip options (and their values) to the container or image, then the rest is the command inside
    let k = 1;
    while (k < args.length && args[k].startsWith("-")) {
      if (VALUE_OPTIONS.has(args[k])) k++;
      k++;
    }
    const inner = args.slice(k + 1);
    if (!inner.length) return { program, args };
    return programOf(inner.map(quoteWord).join(" "), depth + 1);
  }
  return { program, args };
}

function quoteWord(w: string): string {
  return /^[A-Za-z0-9_./:=,+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
