// `hostlab test` as a library: the labs to test (paths, directories, ids) → one result per lab, in the order given.
// One lab runs in this thread; several run on this thread and worker threads (pool.ts), one per available core.
import { availableParallelism } from "node:os";
import { testLabFile, type LabTestResult } from "./run-lab.js";
import { runInPool, workersAvailable } from "./pool.js";

export { testLab, testLabFile, type LabTestResult, type ActualOutput } from "./run-lab.js";

export interface TestOptions {
  /** How many labs run at once; default: the available cores. 1 runs everything in this process. */
  jobs?: number;
  /** Let this thread test labs too while the workers load (default true); false sends every lab to a worker. */
  useThisThread?: boolean;
  /** Called as each lab's result arrives (in whatever order the labs finish). */
  onResult?: (index: number, result: LabTestResult) => void;
}

/** Tests lab files; results come back in the order of `files`, whatever order they finished in. */
export async function testLabFiles(files: string[], options: TestOptions = {}): Promise<LabTestResult[]> {
  const jobs = options.jobs ?? availableParallelism();
  if (files.length <= 1 || jobs <= 1 || !workersAvailable()) {
    const results: LabTestResult[] = [];
    for (const file of files) {
      results.push(await testLabFile(file));
      options.onResult?.(results.length - 1, results[results.length - 1]);
    }
    return results;
  }
  const runHere = options.useThisThread === false ? undefined : testLabFile;
  return runInPool(files, { jobs, runHere, onError: crashed, onResult: options.onResult });
}

// A lab whose worker failed outright (a bug in hostlab, or the engine running out of memory) is reported as a lab
// error, so the other labs' results still come out.
function crashed(file: string, message: string): LabTestResult {
  return {
    outcome: { id: file, path: file, title: file, durationMs: 0, steps: [], errors: [{ line: 0, message: `internal error while testing: ${message} (please report this)` }] },
    actuals: [],
    bindings: [],
  };
}
