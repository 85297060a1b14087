import { open, stat } from 'node:fs/promises';

/**
 * postgresql.conf settings that make the server log every statement that can change data (INSERT,
 * UPDATE, DELETE, TRUNCATE, COPY FROM, DDL), each line prefixed with the backend's pid and the client's
 * `application_name`, so each write is attributed to the process that sent it.
 */
export const STATEMENT_LOGGING = { log_statement: 'mod', log_line_prefix: '%m|%p|%a|' };

export type LoggedStatement = { pid: number; application: string; statement: string };

/** Where the log ends now: statements logged later are read from here. */
export async function logOffset(file: string): Promise<number> {
  return (await stat(file)).size;
}

/** `statement: …` (simple protocol) or `execute <name>: …` (extended, as postgres.js sends them). */
const LINE = /^[^|]*\|(\d+)\|([^|]*)\|LOG:\s+(?:statement|execute [^:]*): (.*)$/;

/** The modifying statements logged from `offset` on (first lines only: enough to tell them apart). */
export async function statementsSince(file: string, offset: number): Promise<LoggedStatement[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    await handle.read(buffer, 0, buffer.length, offset);
    return buffer
      .toString('utf8')
      .split('\n')
      .flatMap((line) => {
        const match = LINE.exec(line);
        if (!match) return [];
        return [{ pid: Number(match[1]), application: match[2] ?? '', statement: match[3] ?? '' }];
      });
  } finally {
    await handle.close();
  }
}
