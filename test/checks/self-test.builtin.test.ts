// The container-hosts checks (docs/checks.md) on the built-in simulated host: each fails before the lab's commands
// for its step and passes after them. Together with the fixtures of real hosts, this is the evidence that one
// check gates a step on the simulation and grades a real RHEL host alike.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCheckSpec, runCheck, runChecks, type Check } from "../../checks/check.js";
import { createBuiltinTarget } from "../../runner/targets/builtin.js";

const doc = readFileSync(fileURLToPath(new URL("../../docs/checks.md", import.meta.url)), "utf8");
const checks = new Map<string, Check>();
for (const [, yaml] of doc.slice(doc.indexOf("## Checks for container-hosts")).matchAll(/^```check\n([\s\S]*?)^```$/gm)) {
  const parsed = parseCheckSpec(yaml, { file: "docs/checks.md", line: 1, column: 1 });
  if ("errors" in parsed) throw new Error(JSON.stringify(parsed.errors));
  checks.set(parsed.checks[0].spec.id!, parsed.checks[0]);
}

// Each check with the lab's commands for its step (the `--rm` dropped where docs/checks.md says so).
const steps = (UBI: string): Array<[string, string[]]> => [
  ["top-distinct-mcs", [`podman run -dt ${UBI} top`, `podman run -dt ${UBI} top`, `docker run -dt ${UBI} top`]],
  ["on-off-merged-mounted", ["podman create -t --name on-off-container -v /mnt:/mnt:Z quay.io/fatherlinux/on-off-container", "podman mount on-off-container"]],
  ["on-off-running", ["touch /mnt/on", "podman start on-off-container"]],
  ["sleep-distinct-mcs", [`podman run -dt ${UBI} sleep 600`, `podman run -dt ${UBI} sleep 600`]],
  ["selinux-test-relabelled", ["mkdir /tmp/selinux-test", `podman run -v /tmp/selinux-test:/data:Z ${UBI} ls -dZ /data`]],
  ["selinux-test-private", [`podman run -v /tmp/selinux-test:/data:Z ${UBI} ls -dZ /data`]],
  ["capped-memory", [`podman run -d --name capped --memory 64m ${UBI} sleep 600`]],
  [
    "chmod-denied",
    [
      `mkdir -p profiles && echo '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["chmod","fchmod","fchmodat"],"action":"SCMP_ACT_ERRNO","errnoRet":1}]}' > profiles/no-chmod.json`,
      `podman run --security-opt seccomp=profiles/no-chmod.json ${UBI} chmod 777 /etc/hosts`,
    ],
  ],
];

describe.each([
  ["rhel9", "registry.access.redhat.com/ubi9/ubi"],
  ["rhel7", "registry.access.redhat.com/ubi7/ubi"],
] as const)("container-hosts checks on the built-in %s host", (profile, UBI) => {
  const STEPS = steps(UBI);

  it("cover every proposed check", () => {
    expect(STEPS.map(([id]) => id).sort()).toEqual([...checks.keys()].sort());
  });

  it("fail before their step and pass after it, in lab order", async () => {
    const target = createBuiltinTarget({ seed: 7, profile });
    const probe = (command: string) => target.probe(command);
    const seen: string[] = [];
    for (const [id, commands] of STEPS) {
      const check = checks.get(id)!;
      // selinux-test-private runs after the relabel already happened: only its "after" is meaningful
      if (id !== "selinux-test-private") seen.push(`${id} before: ${(await runCheck(check, probe)).status}`);
      for (const command of commands) await target.run(command);
      const after = await runCheck(check, probe);
      seen.push(`${id} after: ${after.status}${after.status === "pass" ? "" : ` (${after.message})`}`);
    }
    expect(seen).toEqual(
      STEPS.flatMap(([id]) => (id === "selinux-test-private" ? [`${id} after: pass`] : [`${id} before: fail`, `${id} after: pass`])),
    );
  }, 60_000);

  it("give the same verdicts in one batched round trip as probe by probe", async () => {
    const target = createBuiltinTarget({ seed: 3, profile });
    for (const command of [`podman run -dt ${UBI} sleep 600`, `podman run -dt ${UBI} sleep 600`]) await target.run(command);
    let calls = 0;
    const probe = (command: string) => (calls++, target.probe(command));
    const batched = await runChecks([...checks.values()], probe, { batch: true });
    expect(calls).toBe(1);
    const single = await runChecks([...checks.values()], probe);
    expect(batched).toEqual(single);
    expect(batched.map((v) => v.status)).toContain("pass");
  }, 60_000);
});
