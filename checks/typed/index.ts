// The check vocabulary: every typed check, listed once. The parser finds a type by its `type` name, so adding a
// check type is writing its file and adding it here.
import type { CheckType } from "./check-type.js";
import { cgroupLimitCheck } from "./cgroup-limit.js";
import { containerCheck } from "./container.js";
import { exitCodeCheck } from "./exit-code.js";
import { fileLabelCheck } from "./file-label.js";
import { fileCheck } from "./file.js";
import { mountCheck } from "./mount.js";
import { namespaceCheck } from "./namespace.js";
import { outputCheck } from "./output.js";
import { processLabelCheck } from "./process-label.js";
import { processCheck } from "./process.js";
import { seccompCheck } from "./seccomp.js";

export const CHECK_TYPES: readonly CheckType[] = [
  processCheck,
  processLabelCheck,
  fileLabelCheck,
  mountCheck,
  seccompCheck,
  cgroupLimitCheck,
  namespaceCheck,
  containerCheck,
  fileCheck,
  outputCheck,
  exitCodeCheck,
];

/** The check type named `type`, or undefined. */
export function findCheckType(type: string): CheckType | undefined {
  return CHECK_TYPES.find((t) => t.type === type);
}
