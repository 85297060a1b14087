import { createDatabase } from '@reportmail/db';
import type { Sql } from 'postgres';
import { ensureConsoleBuilt } from '../stack/console-build.js';
import { prepareServers } from '../stack/preflight.js';
import type { StackEnvironment } from '../stack/stack-env.js';

export const PREPARE_HELP = `Usage: reportmail prepare   (run by pnpm start before it starts the services)

Checks PostgreSQL and Redis (creating the database when it is missing), applies migrations and builds the
web console when its sources changed. \`pnpm start\` runs it as a process of its own, so that the
long-lived supervisor never loads the database and Redis drivers this needs.`;

export type PrepareDeps = { stack: StackEnvironment; stdout: NodeJS.WriteStream };

export type SmtpServer = { host: string; port: number; security: string };

/** What `start` needs from its preparation (sent over the IPC channel when `start` runs it). */
export type Prepared = { mailLine: string };

/** The saved SMTP server, if any: the mail worker reads the same row for every send (openMailChannel). */
export async function readSmtpServer(sql: Sql): Promise<SmtpServer | undefined> {
  const [row] = await sql<SmtpServer[]>`select host, port, security from reportmail.smtp_settings where id = 1`;
  return row;
}

/** Where mail goes now: over SMTP once settings are saved, else into the outbox folder. */
export function mailLine(smtp: SmtpServer | undefined, outboxDir: string): string {
  if (smtp) return `  Mail → SMTP    ${smtp.host}:${smtp.port} (${smtp.security})`;
  return `  Outbox         ${outboxDir}   (mail goes here until SMTP is configured)`;
}

async function mailRoute(stack: StackEnvironment): Promise<string> {
  const database = createDatabase(stack.env.DATABASE_URL as string, { max: 1, applicationName: 'reportmail-start' });
  try {
    return mailLine(await readSmtpServer(database.sql), stack.outboxDir);
  } finally {
    await database.close();
  }
}

export async function runPrepareCommand(deps: PrepareDeps): Promise<void> {
  const { env, root } = deps.stack;
  const { createdDatabase } = await prepareServers({
    DATABASE_URL: env.DATABASE_URL as string,
    REDIS_URL: env.REDIS_URL as string,
  });
  deps.stdout.write(`PostgreSQL and Redis answer; ${createdDatabase ? 'database created, ' : ''}migrations applied.\n`);
  await ensureConsoleBuilt(root, deps.stdout);
  const prepared: Prepared = { mailLine: await mailRoute(deps.stack) };
  process.send?.(prepared);
}
