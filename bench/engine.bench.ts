// Figures of the built-in host's core (kernel, fs, shell, userland): boot, a warm command round trip, ps over a
// big task table, snapshot/restore. The container engines' figures live in their own bench file.
import { timeMedian, report } from "./measure.js";
import { createHost, openSession, spawnTask, createNamespace } from "../engine/index.js";

const host = createHost({ seed: 1, profile: "rhel7" });
const s = openSession(host);

report("engine: createHost (rhel7, boot + root fs + engines)", await timeMedian(() => createHost({ seed: 1, profile: "rhel7" }), 15, 3), "ms");
report("engine: warm round trip `true`", await timeMedian(() => s.run("true"), 200, 50), "ms");
report("engine: warm round trip `echo hi`", await timeMedian(() => s.run("echo hi"), 200, 50), "ms");
report("engine: warm `ls -alhZ /etc`", await timeMedian(() => s.run("ls -alhZ /etc"), 100, 20), "ms");
report("engine: warm `ps -ef | grep top`", await timeMedian(() => s.run("ps -ef | grep top"), 100, 20), "ms");

// 1,000 running container processes, each in its own pid namespace with its own MCS pair
for (let i = 0; i < 1000; i++) {
  const pid = createNamespace(host.namespaces, "pid").id;
  spawnTask(host, { ppid: 1, argv: ["sleep", "1000"], tty: "pts/1", label: `system_u:system_r:container_t:s0:c${i % 1000},c${1023 - (i % 500)}`, ns: { pid }, cpuPercent: 0 });
}
report("engine: `ps -efZ` with 1,000 running tasks", await timeMedian(() => s.run("ps -efZ"), 30, 5), "ms", "aim < 20 ms");
report("engine: `ps -efZ | grep container_t | wc -l` with 1,000 tasks", await timeMedian(() => s.run("ps -efZ | grep container_t | wc -l"), 30, 5), "ms");
const snap = host.snapshot();
report("engine: snapshot (1,000 extra tasks)", await timeMedian(() => host.snapshot(), 15, 3), "ms");
report("engine: restore (1,000 extra tasks)", await timeMedian(() => host.restore(snap), 15, 3), "ms");
