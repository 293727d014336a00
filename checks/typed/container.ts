// `type: container` — a container exists (or not), in a given state, from a given image, read from
// `podman inspect`. States as podman prints them: created, running, paused, exited (podman-ps(1)).
import { z } from "zod";
import type { CheckType, CommonSpec } from "./check-type.js";
import { errorVerdict, fail, pass } from "./check-type.js";
import { containerArg, containerRef, describeContainer, engineField, type Engine } from "./container-ref.js";
import { containerImage, containerName, containerState, imageMatches, parseInspect } from "./formats/inspect.js";
import { tryParseJson } from "./formats/json-path.js";

const STATES = ["created", "running", "paused", "exited"] as const;

type ContainerSpec = CommonSpec & {
  name: string;
  engine: Engine;
  exists: boolean;
  state?: (typeof STATES)[number];
  image?: string;
  "exit-code"?: number;
};

export const containerCheck: CheckType<ContainerSpec> = {
  type: "container",
  summary: "a container exists or not, its state, image and exit code",
  schema: z.strictObject({
    name: containerRef,
    engine: engineField,
    exists: z.boolean().default(true),
    state: z.enum(STATES).optional(),
    image: z.string().min(1).optional(),
    "exit-code": z.number().int().min(0).max(255).optional(),
  }),
  validate: (spec) =>
    !spec.exists && (spec.state || spec.image || spec["exit-code"] !== undefined)
      ? [{ path: ["exists"], message: "a container that must not exist has no state, image or exit code to check" }]
      : [],
  requires: (spec) => [spec.engine],
  probes: (spec) => [`${spec.engine} container inspect ${containerArg(spec.engine, spec.name)}`],
  evaluate(spec, [inspect]) {
    const who = describeContainer(spec.name);
    const found = parseInspect(inspect.stdout);
    if (found.length === 0) {
      // Output that isn't JSON at all can't be judged; JSON without a container (`[]`, an image) means "none".
      if (inspect.exitCode === 0 && inspect.stdout.trim() && tryParseJson(inspect.stdout) === undefined) {
        return errorVerdict(spec, `could not read the output of ${spec.engine} inspect`, inspect.stdout);
      }
      const why = inspect.stderr.trim().split("\n")[0] ?? "";
      if (spec.exists) return fail(spec, `${who} does not exist`, why);
      // Absence must be the engine's own answer, not any error (a broken engine proves nothing).
      const absent = /no such (container|object)|no container with name|not found|does not exist/i.test(inspect.stderr) || (inspect.exitCode === 0 && inspect.stdout.trim() === "[]");
      return absent ? pass(spec, `${who} does not exist`, why) : errorVerdict(spec, `could not tell whether ${who} exists`, why);
    }
    const c = found[0];
    const state = containerState(c);
    const evidence = `${containerName(c) || c.Id}: state=${state} image=${containerImage(c)} exit=${c?.State?.ExitCode}`;
    if (!spec.exists) return fail(spec, `${who} still exists (${state})`, evidence);
    if (spec.state && state !== spec.state) return fail(spec, `${who} is ${state || "in an unknown state"}, not ${spec.state}`, evidence);
    if (spec.image && !imageMatches(containerImage(c), spec.image)) {
      return fail(spec, `${who} runs image ${containerImage(c)}, not ${spec.image}`, evidence);
    }
    if (spec["exit-code"] !== undefined && state !== "exited") return fail(spec, `${who} has not exited (${state})`, evidence);
    if (spec["exit-code"] !== undefined && c?.State?.ExitCode !== spec["exit-code"]) {
      return fail(spec, `${who} exited with ${c?.State?.ExitCode}, not ${spec["exit-code"]}`, evidence);
    }
    return pass(spec, `${who} is ${state}`, evidence);
  },
};
