// Writes a file so that a reader (or a crash at any moment) sees either the old content or the new, never a part:
// write a temporary file beside it, flush it to disk, then rename it over the target — rename(2) is atomic within a
// file system. The directory is fsynced too, so the rename itself survives a power cut.
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, basename, join } from "node:path";

/** Atomically replaces `path` with `content`, creating parent directories as needed. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const handle = await open(tmp, "w", 0o600);
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Not every platform lets a directory be opened for fsync (Windows does not); the rename is still atomic there.
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}
