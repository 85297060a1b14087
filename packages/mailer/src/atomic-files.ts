import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type FileToWrite = { path: string; content: Buffer | string };

/**
 * Writes every file under a hidden temporary name in its own folder, flushed to disk, then renames
 * them in order, so a reader never sees a half-written file and the last one appears only after the
 * others. On any failure nothing is left behind: temporary files and those already renamed are removed.
 */
export async function writeFilesAtomically(files: FileToWrite[]): Promise<void> {
  const staged = files.map((file) => ({ ...file, temporary: temporaryNameFor(file.path) }));
  const written: string[] = [];
  try {
    for (const file of staged) {
      written.push(file.temporary);
      await writeFlushed(file.temporary, file.content);
    }
    for (const file of staged) {
      await rename(file.temporary, file.path);
      written.push(file.path);
    }
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true }).catch(() => undefined)));
    throw error;
  }
}

/** `.<name>.<uuid>.tmp` beside the target: the same file system, so the rename is atomic. */
function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
}

async function writeFlushed(path: string, content: Buffer | string): Promise<void> {
  // `wx`: a fresh file of our own, never someone else's; 0600: report figures are the shop's business.
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
