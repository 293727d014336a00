// A lab's identity for saved progress: the SHA-256 of its file. Saved progress names the hash it was made against,
// so `hostlab run` notices a lab edited since the student's last sitting (see reconcile.ts) instead of replaying a
// command log onto steps that have moved.
import { createHash } from "node:crypto";

/** `sha256:<hex>` of the lab file's text. */
export function hashLabText(text: string): string {
  return "sha256:" + createHash("sha256").update(text, "utf8").digest("hex");
}
