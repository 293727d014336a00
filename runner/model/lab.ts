// The Lab: what a lab file means once parsed. Everything the runner, the checks and the book need is here, and every
// element keeps the line and column it came from so any later complaint can point back at the Markdown.
//
// Shape: a title, an introduction, then steps (`##`), each with its own body and tasks (`###`). A body is an
// ordered list of blocks: prose (kept as Markdown, rendered later), transcripts (fenced command blocks), snippets,
// files, hints, solutions and checks. Commands inside transcripts know which shell session they run in, so
// `podman exec -it … bash` followed by `ls` runs `ls` in the container, not on the host.
import type { Diagnostic, SourcePos } from "./source.js";
import type { LabMeta } from "./front-matter.js";

/** A whole parsed lab file. */
export interface Lab {
  /** The file as the user named it (used in diagnostics). */
  file: string;
  /** The lab's id: front matter `id`, else the file name without `.md`. */
  id: string;
  /** Validated front matter; keys that failed validation are left out (see `problems`). */
  meta: LabMeta;
  /** Where each front matter key was written, for located diagnostics about its values. */
  metaPositions: Record<string, SourcePos>;
  /** Text of the first `#` heading, else front matter `title`, else null. */
  title: string | null;
  titlePos: SourcePos | null;
  /** Blocks between the title and the first step. */
  intro: Block[];
  steps: Step[];
  /** Every nested shell session, in the order they are opened. Session 0 (the host's shell) is implicit. */
  sessions: Session[];
  /** Problems found while parsing (front matter schema, unclosed fences). The lab is still usable, best effort. */
  problems: Diagnostic[];
  /** Number of lines in the source, for tools that report sizes. */
  lineCount: number;
}

/** A `##` heading and everything up to the next one. */
export interface Step extends SourcePos {
  title: string;
  /** 0-based position among the lab's steps. */
  index: number;
  /** Blocks before the first task. */
  body: Block[];
  tasks: Task[];
}

/** A `###` heading inside a step. */
export interface Task extends SourcePos {
  title: string;
  body: Block[];
}

export type Block = Prose | Transcript | Snippet | LabFile | Hint | Solution | Check;

/** Markdown shown to the student as is (paragraphs, lists, tables, quotes that are not alerts, `####` headings). */
export interface Prose extends SourcePos {
  kind: "prose";
  markdown: string;
}

/**
 * A fenced block of shell lines: commands with their prompts and expected output, narration, and snippets that
 * precede the first command. A fence with no command at all becomes a `Snippet` block instead.
 */
export interface Transcript extends SourcePos {
  kind: "transcript";
  /** The fence's info string, as written (`console`, `console prompt=#`, or empty). */
  info: string;
  entries: TranscriptEntry[];
}

export type TranscriptEntry = Command | Narration | Snippet;

/** `# …` lines inside a `$` block: told to the student, never run. Consecutive lines form one narration. */
export interface Narration extends SourcePos {
  kind: "narration";
  /** The lines without their `# ` marker, joined with newlines; Markdown. */
  markdown: string;
}

/** Literal text shown to the student (a JSON document, a config excerpt). Never run, never written to disk. */
export interface Snippet extends SourcePos {
  kind: "snippet";
  /** Language from the info string when the snippet is its own fence, else "". */
  lang: string;
  text: string;
}

/** A fence with `file=PATH` in its info string: written to PATH on the target before its step runs. */
export interface LabFile extends SourcePos {
  kind: "file";
  path: string;
  lang: string;
  content: string;
}

/** A GitHub alert blockquote (`> [!TIP]`): hidden until the student asks for a hint. */
export interface Hint extends SourcePos {
  kind: "hint";
  /** The alert type in lower case: tip, note, important, warning, caution. */
  alert: string;
  /** The quote's text without the `>` markers and the `[!TYPE]` line. */
  markdown: string;
}

/** A `<details>` block: a worked solution, shown only on request. Its blocks are parsed like a step body. */
export interface Solution extends SourcePos {
  kind: "solution";
  /** Text of its `<summary>`, or "Solution". */
  summary: string;
  body: Block[];
}

/**
 * A check, kept as raw YAML: its vocabulary belongs to `checks/` (parseCheckSpec), which reads `yaml` and maps its
 * own errors back with `yamlLine`.
 */
export interface Check extends SourcePos {
  kind: "check";
  /** true for `<!-- check … -->` comments (graders see them, students don't); false for ```check fences. */
  hidden: boolean;
  /** The YAML text, indentation as written. */
  yaml: string;
  /** 1-based line of the YAML's first line in the file. */
  yamlLine: number;
  /** Words after `check` in the fence's info string (e.g. `check points=2`), else "". */
  info: string;
}

/** How a command line was prompted. */
export interface Prompt {
  /**
   * `$` for `$ `, `#` for a bare root `# `, `bracket` for RHEL's `[user@host dir]# ` / `[user@host dir]$ `,
   * `colon` for Debian's `user@host:dir# ` / `user@host:dir$ `.
   */
  style: "$" | "#" | "bracket" | "colon";
  /** The prompt exactly as written, trailing space included. */
  text: string;
  /** Whether the prompt is a root one (ends in `#`). */
  root: boolean;
  /** Parts of a bracket or colon prompt. */
  user?: string;
  host?: string;
  cwd?: string;
}

/**
 * The nested prompt and command echoed as the first line of expected output, e.g. `[root@5f5d3692fa73 /]# ls /mnt`
 * after `podman exec -it … bash`. Kept apart from the output proper so the matcher can bind `host` to the
 * container's id.
 */
export interface PromptEcho extends SourcePos {
  prompt: Prompt;
  /** The echoed command text. */
  command: string;
}

/** Which shell a command runs in. */
export interface SessionRef {
  /** 0 is the host's login shell; nested sessions are numbered 1, 2, … in document order (see `Lab.sessions`). */
  id: number;
  /** 0 on the host, 1 inside a container shell, 2 in a shell inside that, … */
  depth: number;
}

/** A shell opened by a command (`podman exec -it c bash`), closed by a later `exit`. */
export interface Session extends SourcePos {
  id: number;
  /** The session the opening command ran in. */
  parent: number;
  depth: number;
  /** podman, docker, or "shell" for a bare `bash`/`sh`. */
  via: "podman" | "docker" | "shell";
  /** The container named by `exec`, or the image of `run`; null for a bare shell or `exec --latest`. */
  container: string | null;
  /** The shell program, e.g. `bash`, `/bin/sh`. */
  shell: string;
  /** Where the `exit` that closes it is, or null when it is never closed. */
  closedAt: SourcePos | null;
}

/** One command the student types, with what it should print. */
export interface Command extends SourcePos {
  kind: "command";
  /** The command as bash sees it: continuation lines joined (see docs/lab-format.md, "Continuation lines"). */
  command: string;
  /** The source lines as written, prompt and backslashes included. */
  source: string;
  prompt: Prompt;
  /** Lines of expected output, common indentation removed, trailing blank lines dropped; [] if none was written. */
  expectedOutput: string[];
  /** 1-based line of the first expected output line (after the echo), or null. */
  outputLine: number | null;
  /** A nested prompt echoing this command at the top of its output, or null. */
  echo: PromptEcho | null;
  /** The session the command runs in. */
  session: SessionRef;
  /** The id of the session this command opens, or null. */
  opens: number | null;
  /** The id of the session this command (`exit`) closes, or null. */
  closes: number | null;
  /** Where each source line's text starts in `command`: maps an offset in `command` back to the Markdown. */
  pieces: CommandPiece[];
}

/** One physical line of a (possibly continued) command. */
export interface CommandPiece extends SourcePos {
  /** Offset in `Command.command` where this line's text begins. */
  offset: number;
}
