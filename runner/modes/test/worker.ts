// A worker thread of the test pool: it receives lab files one at a time and sends back each lab's test result.
// One built-in host per lab, created and dropped inside testLabFile, so nothing carries over between labs.
// Bundled as dist/test-worker.js (scripts/build.mjs); loaded from source through tsx under vitest (see pool.ts).
import { parentPort } from "node:worker_threads";
import { testLabFile } from "./run-lab.js";
import type { PoolReply, PoolRequest } from "./pool.js";

if (!parentPort) throw new Error("runner/modes/test/worker.ts: expected to run as a worker thread of the test pool");
const port = parentPort;
port.on("message", async (request: PoolRequest) => {
  let reply: PoolReply;
  try {
    reply = { index: request.index, result: await testLabFile(request.file) };
  } catch (e) {
    reply = { index: request.index, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
// Loading the engine takes a while; the pool hands out labs only to workers that are ready for them.
port.postMessage({ ready: true } satisfies PoolReply);
