import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Heavy suites (tmux, sshd, chromium) opt in through their own scripts; see package.json.
    exclude: ["test/**/*.slow.test.ts", "node_modules/**"],
    testTimeout: 20_000,
    pool: "threads",
  },
});
