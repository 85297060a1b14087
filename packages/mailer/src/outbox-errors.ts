import type { SmtpFailure } from './smtp-errors.js';

/**
 * File-system errors that retrying cannot fix: permissions, a read-only file system, a path that is not
 * a folder, a name or file too long. They need an admin to change OUTBOX_DIR or the disk.
 */
const PERMANENT = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EISDIR',
  'ENAMETOOLONG',
  'ELOOP',
  'EFBIG',
  'EINVAL',
  'EEXIST',
]);

/**
 * Classifies a failure to write the outbox like an SMTP failure. Permission and path errors are
 * permanent; a full disk or quota (ENOSPC, EDQUOT), too many open files, I/O and anything unexpected are
 * transient (space can be freed before the next attempt). Never `unknown`: the message exists only once
 * its `.eml` is renamed into place, which is the last step.
 */
export function classifyOutboxError(error: unknown): SmtpFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  const message = `Outbox: ${detail}`;
  if (typeof code === 'string' && PERMANENT.has(code)) return { kind: 'permanent', message };
  return { kind: 'transient', message };
}
