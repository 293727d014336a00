// The book as a reader meets it: built from ./labs into a temp folder, served on 127.0.0.1, driven in headless
// Debian chromium. The index lists every lab; the container-hosts page shows `ps -efZ` output captured at build time
// with container_t labels; the terminal runs the built-in host in the page (a container started there shows up in
// `ps -efZ` as container_t), a step's checks pass in the page, a reload resumes the session, and the same site works
// opened from file://. Screenshots go to test-artifacts/ for a person to look at.
import { mkdirSync, mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBook } from "../../book/build.js";
import { serveStatic } from "../../book/serve.js";
import { listLabFiles } from "../../runner/labs/find.js";
import { loadLab } from "../../runner/labs/load.js";
import { chromiumMissing, launchChromium } from "./chromium.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const ARTIFACTS = path.join(REPO, "test-artifacts");
const missing = chromiumMissing();
if (missing) console.warn(`skipping the book's browser test: ${missing}`);

describe.skipIf(missing !== null)("the book in chromium", () => {
  const labFiles = listLabFiles(path.join(REPO, "labs"));
  let server: Server;
  let url: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), "hostlab-book-e2e-"));
    await buildBook({ labFiles, outDir: out });
    ({ server, url } = await serveStatic(out, 0));
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("lists every lab on the index", async () => {
    await page.goto(url);
    for (const file of labFiles) {
      const lab = loadLab(file);
      await expect(page.locator(`[data-lab="${lab.id}"] h2`).textContent()).resolves.toBe(lab.title ?? lab.id);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "book-index.png"), fullPage: true });
  });

  it("shows the ps -efZ output captured at build time, with container_t labels", async () => {
    await page.goto(`${url}labs/container-hosts.html`);
    const outputs = await page.$$eval(".command", (commands) =>
      commands
        .filter((c) => (c.querySelector("code[data-command]") as HTMLElement | null)?.dataset.command?.includes("ps -efZ"))
        .map((c) => c.querySelector(".output")?.textContent ?? ""),
    );
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.join("\n")).toMatch(/system_u:system_r:container_t:s0:c\d+,c\d+ /);
  });

  it("runs the built-in host in the terminal, passes a step's checks, and resumes after a reload", async () => {
    await page.goto(`${url}labs/container-hosts.html`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole("button", { name: "▶ Try it in the terminal" }).click();
    await page.waitForFunction(() => document.body.dataset.terminal === "ready");

    await typeCommand(page, "podman run -d registry.access.redhat.com/ubi9/ubi sleep 100");
    await typeCommand(page, "ps -efZ | grep sleep");
    expect(await terminalText(page)).toMatch(/container_t:s0:c\d+,c\d+ .*sleep 100/);

    // The first step's commands, each clicked in the text (which puts it on the prompt) and run with Enter; then
    // that step's checks must all pass in the page, as they did at build time.
    const step = page.locator("section.step").first();
    for (const code of await step.locator("code[data-command]").all()) {
      await code.click();
      await runPromptLine(page);
    }
    await step.locator("[data-action=check]").click();
    const checks = step.locator("[data-checks-of] li");
    await expect.poll(() => checks.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.status ?? "")), { timeout: 10_000 }).not.toContain("");
    const statuses = await checks.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.status));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === "pass")).toBe(true);
    expect(await step.locator(".check-mark").first().textContent()).toBe("✓");
    // A nested shell changes the prompt, as podman exec -it does on a real host; exit brings the host's back.
    await typeCommand(page, "podman run -dt --name nested registry.access.redhat.com/ubi9/ubi top");
    await typeCommand(page, "podman exec -it nested bash");
    expect(lastLine(await terminalText(page))).toMatch(/^\[root@[0-9a-f]{12} \/\]# $/);
    await typeCommand(page, "exit");
    expect(lastLine(await terminalText(page))).toMatch(/^\[root@rhel9 ~\]# $/);
    await page.locator("#terminal").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "book-lab-terminal.png") });

    await page.reload();
    await page.waitForFunction(() => document.body.dataset.terminal === "ready");
    await expect(page.locator("#terminal-status").textContent()).resolves.toMatch(/session resumed/);
    expect(await page.evaluate(() => window.hostlabTerminal?.resumed)).toBeGreaterThanOrEqual(2);
    await typeCommand(page, "ps -efZ | grep 'sleep 100'");
    expect(await terminalText(page)).toMatch(/container_t:s0:c\d+,c\d+ .*sleep 100/);
  }, 45_000);

  it("works from file:// too: the lab page opens from the index and its terminal runs", async () => {
    await page.goto(pathToFileURL(path.join(out, "index.html")).href);
    await page.locator("[data-lab=container-hosts] h2 a").click();
    // The click starts a navigation; wait until the lab page has loaded and its script is listening.
    await page.waitForURL(/^file:.*\/labs\/container-hosts\.html$/);
    await page.waitForLoadState("load");
    await page.evaluate(() => localStorage.clear());
    await page.locator("[data-action=try-it]").first().click();
    await page.waitForFunction(() => document.body.dataset.terminal === "ready");
    await typeCommand(page, "echo from-$(hostname)");
    expect(await terminalText(page)).toMatch(/^from-\S+$/m);
  });

  it("is readable on a phone, in the dark theme", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => localStorage.clear()); // no saved session: the terminal stays closed, the text shows
    await page.goto(`${url}labs/container-hosts.html`);
    await page.locator("[data-action=toggle-theme]").click();
    const theme = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(["light", "dark"]).toContain(theme);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(ARTIFACTS, "book-lab-phone.png") });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

// Types a line into the terminal and waits for its prompt to come back.
async function typeCommand(page: Page, line: string): Promise<void> {
  await page.locator("#terminal").click();
  await page.keyboard.type(line);
  await runPromptLine(page);
}

// Presses Enter on the prompt's line and waits until the command has run.
async function runPromptLine(page: Page): Promise<void> {
  const before = await page.evaluate(() => window.hostlabTerminal?.commandsRun ?? 0);
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => (window.hostlabTerminal?.commandsRun ?? 0) > n, before, { timeout: 15_000 });
}

function lastLine(text: string): string {
  return text.trimEnd().split("\n").pop() + " ";
}

// The terminal's whole buffer, read through xterm's API (window.hostlabTerminal.term).
function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const buffer = window.hostlabTerminal!.term!.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? "");
    return lines.join("\n");
  });
}
