// Debian's chromium, driven by playwright-core, for the book's browser test and bench. Never a downloaded browser:
// scripts/ci-deps.mjs installs the Debian package in CI; a machine without it skips these figures and tests.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing; install Debian's chromium (zx scripts/ci-deps.mjs, or apt-get install chromium) to run the book's browser tests`;
}

// Without the background-networking flags chromium keeps dialling Google's hosts, which this network refuses.
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A headless chromium with a fresh profile, as a persistent context (the profile dir is new each time). */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const { chromium } = await import("playwright-core");
  const userDataDir = mkdtempSync(path.join(tmpdir(), "hostlab-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  return { context, close: () => context.close() };
}
