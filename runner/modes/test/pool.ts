// Labs are independent (each gets its own fresh built-in host), so `hostlab test` spreads them over the cores: this
// thread plus `jobs - 1` worker threads. Each takes the next lab as soon as it finishes one (this thread starts at
// once, while the workers are still loading, which costs about half a second each); results are put back in the
// order the labs were given, so the report never depends on which lab finished first.
//
// Why threads and not child processes: no second node to start, no protocol to parse (results come back as
// structured clones), and nothing to share anyway (one Host per lab, no module-level state in engine/). The worker's
// code is found beside the running code: `dist/test-worker.js` next to the bundled `dist/hostlab.js`, or `worker.ts`
// next to this file when running from source (vitest, tsx), loaded through tsx's ESM hooks. Where neither is found
// (a custom bundle), labs run one after another in this thread.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { LabTestResult } from "./run-lab.js";

/** A lab for a worker to test. */
export interface PoolRequest {
  index: number;
  file: string;
}

/** A worker's answer: the lab's result, or why the worker itself failed on it. */
export type PoolReply = { index: number; result: LabTestResult } | { index: number; error: string } | { ready: true };

export interface PoolOptions {
  /** Threads in all, this one included. */
  jobs: number;
  /** Tests a lab in this thread; without it, every lab goes to a worker (and `jobs` workers start). */
  runHere?: (file: string) => Promise<LabTestResult>;
  /** Turns a worker's failure on a lab into that lab's result. */
  onError: (file: string, message: string) => LabTestResult;
  /** Called as each result arrives. */
  onResult?: (index: number, result: LabTestResult) => void;
}

/** Tests `files` on this thread and `jobs - 1` worker threads; results in the order of `files`. */
export function runInPool(files: string[], { jobs, runHere, onError, onResult }: PoolOptions): Promise<LabTestResult[]> {
  const results: LabTestResult[] = new Array(files.length);
  const live = new Set<Worker>();
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    const finish = (index: number, result: LabTestResult) => {
      results[index] = result;
      onResult?.(index, result);
      if (++done < files.length) return;
      // Workers still loading when the last lab ends are not waited for.
      for (const w of live) void w.terminate();
      resolve(results);
    };
    const here = async (): Promise<void> => {
      while (runHere && next < files.length) {
        const index = next++;
        finish(index, await runHere(files[index]).catch((e: unknown) => onError(files[index], String(e))));
      }
    };
    const spawnWorker = (): void => {
      const worker = startWorker();
      live.add(worker);
      let current = -1;
      const feed = () => {
        if (next >= files.length) {
          live.delete(worker);
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, file: files[current] } satisfies PoolRequest);
      };
      worker.on("message", (reply: PoolReply) => {
        current = -1;
        if ("result" in reply) finish(reply.index, reply.result);
        else if ("error" in reply) finish(reply.index, onError(files[reply.index], reply.error));
        feed();
      });
      // A worker that dies takes only its current lab with it; the others (and this thread) carry on with the queue.
      worker.on("error", (e) => {
        live.delete(worker);
        void worker.terminate();
        if (current >= 0) finish(current, onError(files[current], e.message));
        // With no worker left and this thread not taking labs, nobody would ever take the rest of the queue.
        if (live.size === 0 && !runHere) {
          while (next < files.length) {
            const index = next++;
            finish(index, onError(files[index], `no worker left to test it (the last one failed: ${e.message})`));
          }
        }
      });
    };
    const workers = Math.min(jobs, files.length) - (runHere ? 1 : 0);
    for (let k = 0; k < workers; k++) spawnWorker();
    void here();
  });
}

/** Whether worker code is at hand: a bundle without test-worker.js beside it (a custom build) runs labs here. */
export function workersAvailable(): boolean {
  return workerSource() !== null;
}

function startWorker(): Worker {
  const source = workerSource();
  if (!source) throw new Error("runInPool: no worker code beside this module; check workersAvailable() first");
  if (source.kind === "bundled") return new Worker(source.url);
  // From source: register tsx's loader in the worker, then import the TypeScript entry.
  const code = `import(${JSON.stringify(source.tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source.url.href)}); });`;
  return new Worker(code, { eval: true });
}

function workerSource(): { kind: "bundled"; url: URL } | { kind: "source"; url: URL; tsx: string } | null {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) {
    const bundled = new URL("./test-worker.js", here);
    return existsSync(bundled) ? { kind: "bundled", url: bundled } : null;
  }
  try {
    const tsx = join(dirname(createRequire(here).resolve("tsx/package.json")), "dist/esm/api/index.mjs");
    return existsSync(tsx) ? { kind: "source", url: new URL("./worker.ts", here), tsx: pathToFileURL(tsx).href } : null;
  } catch {
    return null; // no tsx: run from source by something else, so labs stay in this thread
  }
}
