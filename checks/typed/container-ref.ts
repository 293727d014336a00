// How checks name a container: by name or id, or `last` for the most recently created one (`podman ps -a -l`,
// which podman-ps(1) defines over all states — the container that just ran `ls` and exited counts).
import { z } from "zod";
import { shellQuote } from "../probe.js";

/** The container engines checks can ask; podman unless a check says `engine: docker`. */
export const ENGINES = ["podman", "docker"] as const;
export type Engine = (typeof ENGINES)[number];

/** A container name or id as engines accept them, or `last`; nothing a shell would read as syntax. */
export const containerRef = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "a container is named by its name, its id, or `last`");

/** The `engine:` field of container checks. */
export const engineField = z.enum(ENGINES).default("podman");

/** Shell words that name the container for `<engine> inspect`: a quoted name, or a `$(… ps -a -l -q)` lookup. */
export function containerArg(engine: Engine, ref: string): string {
  if (ref === "last") return engine === "docker" ? '"$(docker ps -a -l -q)"' : '"$(podman ps -a -l -q)"';
  return shellQuote(ref);
}

/** `the container on-off-container` / `the last container` — for messages. */
export function describeContainer(ref: string): string {
  return ref === "last" ? "the last container" : `container ${ref}`;
}
