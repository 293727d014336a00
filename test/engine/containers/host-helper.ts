/** Test helpers: a booted host with the container engines installed, and a session that records every step. */
import { createHost, openSession, type Host, type RunResult } from "../../../engine/index.js";
import { installContainers } from "../../../engine/containers/index.js";
import { kernelFs } from "../../../engine/fs/fs-view.js";

/** The lab's seccomp profile (fatherlinux/container-internals-lab lab3-step5/chmod.json, a tiny lab asset). */
export const CHMOD_JSON = `{
  "defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [
    {
      "name": "fchmodat",
      "action": "SCMP_ACT_ERRNO"
    }
  ]
}
`;

/** A host of `profile` with podman and docker installed (idempotent if createHost already installs them). */
export function containerHost(profile: "rhel7" | "rhel9" = "rhel7", seed = 42): Host {
  const host = createHost({ seed, profile });
  installContainers(host);
  return host;
}

/** Puts the lab's files on the host (what a lab declares in its front matter). */
export function addLabFiles(host: Host): void {
  const fs = kernelFs(host);
  fs.mkdirSync("/root/labs/lab3-step5", { recursive: true });
  fs.writeFileSync("/root/labs/lab3-step5/chmod.json", CHMOD_JSON);
}

/** One step of a scripted run. */
export interface Step {
  command: string;
  prompt: string;
  result: RunResult;
}

/** Runs lines in one session, keeping each line's prompt and result. */
export async function runLines(host: Host, lines: string[]): Promise<Step[]> {
  const s = openSession(host);
  const steps: Step[] = [];
  for (const command of lines) {
    const prompt = s.prompt;
    const result = await s.run(command);
    steps.push({ command, prompt, result });
  }
  return steps;
}

/** The whole transcript of steps as a terminal shows it. */
export function transcript(steps: Step[]): string {
  return steps.map((s) => `${s.prompt}${s.command}\n${s.result.output.map((o) => o.text).join("")}`).join("");
}
