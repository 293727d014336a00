#!/usr/bin/env zx
// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) in its own process with tsx
// and prints what each reports. A bench file prints one line per figure: `name<TAB>value<TAB>unit<TAB>note`.
import { $, argv, fs, path } from "zx";

$.verbose = false;
const root = path.resolve(import.meta.dirname, "..");
const wanted = argv._.map(String);
const files = (await fs.readdir(path.join(root, "bench")))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

const rows = [];
for (const file of files) {
  process.stderr.write(`bench ${file} …\n`);
  const out = await $({ cwd: root, nothrow: true })`node --import tsx ${path.join("bench", file)}`;
  if (out.exitCode !== 0) {
    rows.push([file, "FAILED", "", out.stderr.trim().split("\n").slice(-3).join(" | ")]);
    continue;
  }
  for (const line of out.stdout.split("\n").filter((l) => l.includes("\t"))) rows.push(line.split("\t"));
}
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i] ?? "").length)));
for (const r of rows) {
  console.log(`${String(r[0]).padEnd(widths[0])}  ${String(r[1]).padStart(widths[1])} ${String(r[2] ?? "").padEnd(widths[2])}  ${r[3] ?? ""}`);
}
if (rows.some((r) => r[1] === "FAILED")) process.exitCode = 1;
