import { defineConfig } from "vitest/config";

// Tests that drive real terminals and browsers (tmux, chromium) run in a second pass, one file at a time
// (vitest.e2e.config.ts): competing with the rest of the suite for 2 cores makes their timings flaky.
export const E2E_TESTS = ["test/e2e/**/*.test.ts", "test/**/*.e2e.test.ts"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real podman has its own script (npm run test:podman); the end-to-end pass has its own config.
    exclude: ["test/**/*.slow.test.ts", ...E2E_TESTS, "node_modules/**"],
    testTimeout: 20_000,
    pool: "threads",
  },
});
