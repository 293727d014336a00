// Parsing speed: a generated 10,000-line lab (steps, tasks, prose, transcripts with continuations, nested sessions
// and output, snippets, files, hints, checks), parsed many times; prints the median. Aim: under 100 ms. Also the
// time to lint it, since `hostlab lint` on a whole course parses and lints every lab.
import { lintLab } from "../runner/lint/index.js";
import { parseLab } from "../runner/parse/index.js";
import { report, timeMedian } from "./measure.js";

/** One step of about 100 lines using every construct of the format. */
function step(i: number): string[] {
  return [
    `## Step ${i}: containers and kernels`,
    "",
    `Some prose for step ${i}, with *emphasis*, \`code\` and a [link](https://example.com).`,
    "",
    "* a list item",
    "* another one",
    "",
    `### Task ${i}.1`,
    "",
    "```console",
    "# Start a container:",
    `$ podman run -dt --name c${i} \\`,
    "    -v /srv:/srv:Z \\",
    "    registry.access.redhat.com/ubi9/ubi sleep 600",
    "  0d2c4b6a8e1f3a5c7e9b0d2f4a6c8e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c",
    "$ ps -efZ | grep -v grep | grep sleep",
    ...Array.from({ length: 20 }, (_, k) => `  system_u:system_r:container_t:s0:c${k},c${k + 100} root ${4000 + k} 3990  0 10:00 pts/0 00:00:00 sleep 600`),
    `$ podman exec -it c${i} bash`,
    "$ ls /srv",
    "  [root@0d2c4b6a8e1f /]# ls /srv",
    "  data",
    "$ exit",
    "$ cat /var/lib/containers/storage/overlay-containers/$(podman ps \\",
    "  -l -q --no-trunc)/userdata/config.json | jq .",
    ...Array.from({ length: 15 }, (_, k) => `    "key${k}": "value${k}",`),
    "```",
    "",
    "> [!TIP]",
    "> Look at `podman ps -a` too.",
    "",
    `### Task ${i}.2`,
    "",
    `\`\`\`json file=profiles/p${i}.json`,
    "{",
    '  "defaultAction": "SCMP_ACT_ALLOW",',
    '  "syscalls": [{ "names": ["fchmodat"], "action": "SCMP_ACT_ERRNO" }]',
    "}",
    "```",
    "",
    "```console",
    `$ podman run --rm --security-opt seccomp=profiles/p${i}.json registry.access.redhat.com/ubi9/ubi chmod 777 /etc/hosts`,
    "  chmod: changing permissions of '/etc/hosts': Operation not permitted",
    "```",
    "",
    "<!-- check",
    "type: container",
    `title: c${i} exists`,
    `name: c${i}`,
    "-->",
    "",
    "```check",
    "type: process",
    "title: sleep runs",
    "command: sleep",
    "```",
    "",
    ...Array.from({ length: 8 }, (_, k) => `Paragraph line ${k} of step ${i}, explaining what just happened on the host.`),
    "",
  ];
}

const lines = ["---", "id: bench", "title: Bench", "host: rhel9", "---", "", "# Bench lab", ""];
// Whole steps while they fit, then prose to make exactly 10,000 lines (so no block is cut in half).
for (let i = 1; lines.length + step(i).length <= 10_000; i++) lines.push(...step(i));
while (lines.length < 10_000) lines.push("Closing words of the lab.");
const text = lines.join("\n") + "\n";

const lab = parseLab(text, "bench.md");
const tasks = lab.steps.reduce((n, s) => n + s.tasks.length, 0);
report("parse 10,000-line lab", await timeMedian(() => parseLab(text, "bench.md"), 25, 5), "ms", `${lab.steps.length} steps, ${tasks} tasks`);
report("parse + lint 10,000-line lab", await timeMedian(() => lintLab(parseLab(text, "bench.md")), 15, 3), "ms", `${lintLab(lab).length} diagnostics`);
