/**
 * The userland a RHEL host ships that the shell library lacks or gets wrong: each command is a file here, named
 * after the binary, and registers by being listed below (its name is read from the object). Container engines
 * (podman, docker, runc) install their commands on the host the same way from engine/containers/.
 */
import type { UserCommand } from "./command.js";

export const userlandCommands: UserCommand[] = [];
