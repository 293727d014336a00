// `npm run test:podman`: the grader's test against real podman on this machine (root; podman, runc, conmon and
// busybox-static from scripts/ci-deps.mjs). Outside the default suite because it starts real containers.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(import.meta.dirname, "../../../.."),
  test: {
    include: ["test/runner/modes/grade/local-podman.slow.test.ts"],
    testTimeout: 60_000,
  },
});
