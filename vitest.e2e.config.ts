// The end-to-end pass of `npm test`: hostlab driven as a person would (tmux, chromium), one file at a time.
import { defineConfig } from "vitest/config";
import { E2E_TESTS } from "./vitest.config.js";

export default defineConfig({
  test: {
    include: E2E_TESTS,
    exclude: ["node_modules/**"],
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
