// Every hostlab subcommand, in the order `hostlab --help` lists them. A command is a file here that exports
// `register(program)`; adding one means adding its file and one line below.
import type { Command } from "commander";
import { register as lint } from "./lint.js";
import { register as list } from "./list.js";
import { register as newLab } from "./new.js";
import { register as run } from "./run.js";
import { register as show } from "./show.js";
import { register as test } from "./test.js";
import { register as shell } from "./shell.js";
import { register as book } from "./book.js";
import { register as grade } from "./grade.js";
import { register as exportSession } from "./export.js";
import { register as report } from "./report.js";

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  list,
  show,
  run,
  lint,
  shell,
  test,
  newLab,
  book,
  grade,
  exportSession,
  report,
];
