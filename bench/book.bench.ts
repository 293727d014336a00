// `hostlab book` figures: the time to build the course's site (every lab played on the built-in host, pages
// written; the terminal bundle prebuilt as `npm run build` leaves it), the browser bundle's gzipped size, and the
// time from a lab page starting to load to a usable terminal in Debian chromium (skipped when chromium is missing).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildTerminalBundle } from "../book/bundle/terminal-bundle.js";
import { buildBook } from "../book/build.js";
import { serveStatic } from "../book/serve.js";
import { listLabFiles } from "../runner/labs/find.js";
import { chromiumMissing, launchChromium } from "../test/book/chromium.js";
import { median, report } from "./measure.js";

const REPO = path.resolve(import.meta.dirname, "..");
const labFiles = listLabFiles(path.join(REPO, "labs"));
const temp = (name: string) => mkdtempSync(path.join(tmpdir(), `hostlab-bench-${name}-`));

const bundleDir = temp("bundle");
const bundleStarted = performance.now();
const { script } = await buildTerminalBundle(bundleDir, REPO);
report("book: bundle the browser terminal (npm run build)", performance.now() - bundleStarted, "ms");
const js = readFileSync(script);
report("book: terminal.js gzipped", gzipSync(js).length / 1024, "KiB", `aim < 1024 KiB; ${(js.length / 1024 / 1024).toFixed(2)} MiB raw`);

// The first build in a process is what `hostlab book` costs; later ones show the steady state (--serve rebuilds).
const builds: number[] = [];
let site = "";
for (let i = 0; i < 4; i++) {
  site = temp("site");
  const t0 = performance.now();
  await buildBook({ labFiles, outDir: site, bundleDir });
  builds.push(performance.now() - t0);
}
report("book: build the course, first in a process", builds[0], "ms", `aim < 3000 ms; ${labFiles.length} labs`);
report("book: build the course, rebuild (median of 3)", median(builds.slice(1)), "ms", "hostlab book --serve after a change");

const missing = chromiumMissing();
if (missing) {
  console.error(`skipping the page-load figure: ${missing}`);
} else {
  const { server, url } = await serveStatic(site, 0);
  const browser = await launchChromium();
  try {
    const firstLab = path.basename(labFiles[0]).replace(/\.md$/, "");
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${url}labs/${firstLab}.html`, { waitUntil: "commit" });
      await page.evaluate(() => localStorage.clear());
      await page.reload({ waitUntil: "domcontentloaded" });
      // A reader clicks "Try it" as soon as the button is there; the figure runs from navigation start to the prompt.
      await page.locator("[data-action=try-it]").first().click();
      await page.waitForFunction(() => document.body.dataset.terminal === "ready");
      times.push(await page.evaluate(() => window.hostlabTerminal?.readyAtMs ?? NaN));
      await page.close();
    }
    report("book: page load to a usable terminal (chromium, median of 5)", median(times.slice(1)), "ms", "aim < 1000 ms; Try it clicked at DOMContentLoaded");
    // A reader who reads first finds the host booted while the tab was idle: "Try it" then only opens xterm.
    const clicks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${url}labs/${firstLab}.html`, { waitUntil: "load" });
      await page.waitForTimeout(1500);
      const clickedAt = await page.evaluate(() => performance.now());
      await page.locator("[data-action=try-it]").first().click();
      await page.waitForFunction(() => document.body.dataset.terminal === "ready");
      clicks.push((await page.evaluate(() => window.hostlabTerminal?.readyAtMs ?? NaN)) - clickedAt);
      await page.close();
    }
    report("book: Try it to a usable terminal after reading (median of 5)", median(clicks), "ms", "host booted while the tab was idle");
  } finally {
    await browser.close();
    server.close();
  }
}
