// Probes only read: a grader runs every check of a lab on a student's host, and must leave it exactly as the
// student left it (issue 7). This decides whether a shell command line could change the host. It is a lint, not
// a sandbox: it splits the line into simple commands (at |, ;, &&, ||, $(…), `…`, newlines) and refuses
// redirections into files and the programs and engine subcommands that write. Unknown programs are allowed —
// authors must be able to use the host's tools — so the list errs on naming every usual writer.

/** Programs that change files, processes or system state whatever their arguments. */
const WRITERS = new Set([
  "rm", "rmdir", "mv", "cp", "touch", "mkdir", "ln", "chmod", "chown", "chgrp", "chcon", "restorecon", "setfacl",
  "setfattr", "setenforce", "setsebool", "semanage", "semodule", "kill", "pkill", "killall", "dd", "tee",
  "truncate", "shred", "install", "umount", "mkfs", "mknod", "mkfifo", "useradd", "userdel", "usermod", "groupadd",
  "passwd", "reboot", "shutdown", "poweroff", "halt", "init", "yum", "dnf", "rpm", "apt", "apt-get", "dpkg", "pip",
  "npm", "crontab", "at", "nsenter", "unshare", "chroot", "runc", "crun", "buildah", "skopeo", "mount.overlay",
  "swapon", "swapoff", "modprobe", "insmod", "rmmod", "ip", "iptables", "nft", "firewall-cmd", "hostnamectl",
  "timedatectl", "localectl", "patch", "wget", "curl",
]);

/** Programs that run another command line, which this lint can't see into. */
const RUNNERS = new Set(["sh", "bash", "eval", "exec", "source", ".", "sudo", "su", "watch", "timeout"]);

/** OCI runtime subcommands that only read (runc-list(8), runc-state(8), runc-ps(8)); the others write. */
const RUNTIME_READERS = new Set(["list", "state", "ps", "--version", "-v", "help", "--help", "-h"]);

/** Engine subcommands that only read (podman-*(1)); everything else (run, create, start, rm, mount X …) writes. */
const ENGINE_READERS = new Set([
  "ps", "inspect", "logs", "images", "image", "info", "version", "--version", "top", "port", "diff", "stats",
  "history", "search", "events", "container", "volume", "network", "pod", "system", "help", "--help", "mount",
]);
/** For `podman image|container|volume|network|pod|system X`, the read-only X. */
const ENGINE_SUB_READERS = new Set(["ls", "list", "inspect", "exists", "ps", "logs", "top", "port", "diff", "df", "info", "history"]);

/** Why a probe would change the host, or null when it only reads. */
export function whyNotReadOnly(command: string): string | null {
  const redirect = findRedirect(command);
  if (redirect) return `it writes to a file (${redirect})`;
  for (const words of simpleCommands(command)) {
    const why = judge(words);
    if (why) return why;
  }
  return null;
}

function judge(words: string[]): string | null {
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) i++; // VAR=value prefixes
  while (words[i] === "command" || words[i] === "time" || words[i] === "nice" || words[i] === "env") i++;
  if (words[i] === "xargs") {
    i++;
    while (words[i]?.startsWith("-")) i++;
  }
  const program = words[i];
  if (!program) return null;
  const name = program.slice(program.lastIndexOf("/") + 1);
  const args = words.slice(i + 1);
  if ((name === "runc" || name === "crun") && RUNTIME_READERS.has(args.find((a) => !a.startsWith("-") || RUNTIME_READERS.has(a)) ?? "")) return null;
  if (WRITERS.has(name)) return `\`${name}\` changes the host`;
  if (RUNNERS.has(name)) return `\`${name}\` runs a command hostlab can't check; write the command itself`;
  if (name === "sed" && args.some((a) => /^-i|^--in-place/.test(a))) return "`sed -i` edits a file";
  if (name === "find" && args.some((a) => a === "-delete" || a === "-exec" || a === "-execdir" || a === "-fprint")) {
    return "`find` with -delete/-exec can change the host";
  }
  if (name === "mount" && args.some((a) => !a.startsWith("-") || /^-o|^--bind|^-t/.test(a)) && !(args.length === 2 && args[0] === "-t")) {
    return "`mount` with a device or options mounts something (plain `mount` only lists)";
  }
  if (name === "systemctl" && args.some((a) => /^(start|stop|restart|reload|enable|disable|mask|unmask|kill|daemon-reload|isolate|edit|set-property)$/.test(a))) {
    return "`systemctl` would change a service";
  }
  if (name === "sysctl" && args.some((a) => a === "-w" || a.includes("=") || a === "-p")) return "`sysctl` would set a kernel parameter";
  if (name === "podman" || name === "docker") {
    const sub = args.find((a) => !a.startsWith("-"));
    if (sub === undefined) return null;
    if (!ENGINE_READERS.has(sub)) return `\`${name} ${sub}\` changes containers or images`;
    const rest = args.slice(args.indexOf(sub) + 1).filter((a) => !a.startsWith("-"));
    if (sub === "mount" && rest.length > 0) return `\`${name} mount ${rest[0]}\` mounts the container (plain \`${name} mount\` only lists)`;
    if (["image", "container", "volume", "network", "pod", "system"].includes(sub) && rest[0] && !ENGINE_SUB_READERS.has(rest[0])) {
      return `\`${name} ${sub} ${rest[0]}\` changes the host`;
    }
  }
  return null;
}

// `>`/`>>` into anything but /dev/null or another fd.
function findRedirect(command: string): string | null {
  const stripped = stripQuotes(command);
  const re = /(\d*)(>>?|&>|>\|)\s*(&?\d+|&-|[^\s;&|)]+)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(stripped))) {
    const target = m[3] ?? "";
    if (/^&\d+$|^&-$/.test(target) || target === "/dev/null") continue;
    return `${m[0].trim()}`;
  }
  return null;
}

/** The words of each simple command in a line (quotes removed, substitutions split out). */
export function simpleCommands(command: string): string[][] {
  const parts = stripQuotes(command, true).split(/\|\||&&|[|;\n`&()]|\$\(/);
  return parts.map((p) => dropKeywords(p.trim().split(/\s+/).filter(Boolean))).filter((w) => w.length > 0);
}

function dropKeywords(words: string[]): string[] {
  let i = 0;
  while (/^(do|then|else|elif|if|while|until|!|\{|\}|done|fi)$/.test(words[i] ?? "")) i++;
  if (words[i] === "for") return []; // `for x in words` lists values, not a command
  return words.slice(i);
}

// Replaces quoted text so operators inside quotes don't count; keepWords keeps the quoted words' letters
// (so `'ps'` stays a word) but blanks their operators.
function stripQuotes(command: string, keepWords = false): string {
  return command.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, (q) => {
    if (!keepWords) return "_".repeat(q.length);
    const inner = q.slice(1, -1);
    // A $(…) inside double quotes still runs; keep it visible.
    if (q.startsWith('"') && /\$\(|`/.test(inner)) return inner;
    return inner.replace(/[|;&()<>`$\n]/g, "_").replace(/\s+/g, "_") || "_";
  });
}
