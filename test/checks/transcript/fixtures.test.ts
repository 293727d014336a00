// Table-driven: every text fixture in test/fixtures/transcripts is a small lab session whose steps share one
// transcript session; each step's verdict (and, where given, its diff) must come out as written.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTranscriptSession, matchTranscript } from "../../../checks/transcript/index.js";
import { loadFixtures } from "./fixture-file.js";

const dir = fileURLToPath(new URL("../../fixtures/transcripts/", import.meta.url));
const fixtures = loadFixtures(dir);

describe("transcript fixtures", () => {
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThan(20));
  for (const fx of fixtures) {
    it(`${fx.file}: ${fx.title}`, () => {
      const session = createTranscriptSession();
      fx.steps.forEach((step, k) => {
        const result = matchTranscript(session, {
          command: step.command,
          expected: step.expected,
          actual: step.actual,
          promptEcho: step.promptEcho,
          actualPrompt: step.actualPrompt,
        });
        const label = `step ${k + 1} (${step.command})\n${result.diff}`;
        expect(result.ok ? "match" : "no match", label).toBe(step.verdict);
        expect(result.diff === "", label).toBe(result.ok);
        if (step.diff !== undefined) expect(result.diff).toBe(step.diff);
        for (const text of step.diffContains) expect(result.diff, label).toContain(text);
      });
    });
  }
});
