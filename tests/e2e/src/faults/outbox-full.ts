import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delivery } from '@reportmail/db';
import { inArray } from 'drizzle-orm';
import { deliveryIdOf, startFaultStack } from './fault-stack.js';
import { emptyResult, type RunResult, type Scenario, type ScenarioOptions } from './scenario.js';

const mount = (args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });

/** The outbox's files: messages (`.eml`, by delivery id), and anything half-written left visible. */
async function outboxContents(dir: string) {
  const names = await readdir(dir);
  const messages = new Map<string, number>();
  const partial: string[] = [];
  for (const name of names.filter((file) => file.endsWith('.eml'))) {
    const text = await readFile(join(dir, name), 'utf8');
    const id = deliveryIdOf(/^Message-ID: (<[^>]+>)/im.exec(text)?.[1]);
    // A whole message ends with its last MIME boundary's closing `--`.
    if (!id || !/--\r?\n?$/.test(text)) partial.push(name);
    else messages.set(id, (messages.get(id) ?? 0) + 1);
  }
  return { messages, partial, temporary: names.filter((name) => name.endsWith('.tmp')) };
}

/**
 * Scenario 8: no SMTP settings, so the mail worker writes the outbox, here a 512 KiB tmpfs that fills
 * up after a few dozen emails. It stays full for a while (sends fail with ENOSPC and are retried), then is
 * grown to 64 MiB: every email must be written once, and no half-written file may be left in sight.
 */
async function runOutboxFull(options: ScenarioOptions): Promise<RunResult> {
  if (process.getuid?.() !== 0) return { ...emptyResult(), notes: ['skipped: mounting a tmpfs needs root'] };
  const dir = await mkdtemp(join(tmpdir(), 'reportmail-outbox-'));
  mount(['-t', 'tmpfs', '-o', 'size=512k,mode=0700', 'tmpfs', dir]);
  const stack = await startFaultStack({ smtpSettings: false, env: { OUTBOX_DIR: dir, MAIL_RETRY_DELAY_MS: '500' } });
  try {
    stack.start('scheduler');
    stack.start('report-worker');
    const worker = stack.start('mail-worker');
    const ids = await stack.queueSends(options.smoke ? 30 : 100);
    await worker.waitForLog((line) => JSON.stringify(line).includes('ENOSPC'), 'the outbox to fill up');
    const full = await outboxContents(dir);
    options.log(`outbox full after ${full.messages.size} emails; holding it full for ${options.smoke ? 2 : 10} s`);
    await new Promise((resolve) => setTimeout(resolve, options.smoke ? 2_000 : 10_000));
    const whileFull = await outboxContents(dir);
    mount(['-o', 'remount,size=64m', dir]);
    const grown = Date.now();
    let recovery = Number.NaN;
    while (Number.isNaN(recovery) && Date.now() - grown < 120_000) {
      if ((await outboxContents(dir)).messages.size > whileFull.messages.size) recovery = Date.now() - grown;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { lost, unknown } = await stack.settle(ids, Date.now() + 180_000);
    const after = await outboxContents(dir);
    const rows = await stack.pipeline.database.db
      .select({ id: delivery.id, transport: delivery.transport })
      .from(delivery)
      .where(inArray(delivery.id, ids));
    const duplicates = [...after.messages.values()].reduce((sum, count) => sum + count - 1, 0);
    const violations: string[] = [];
    if (lost > 0) violations.push(`${lost} deliveries lost`);
    if (duplicates > 0) violations.push(`${duplicates} emails written twice`);
    const partial = [...full.partial, ...whileFull.partial, ...after.partial];
    if (partial.length > 0) violations.push(`half-written emails in sight: ${partial.join(', ')}`);
    if (after.temporary.length > 0) violations.push(`${after.temporary.length} temporary files left behind`);
    if (rows.some((row) => row.transport !== 'outbox')) violations.push('a delivery did not go to the outbox');
    return {
      expected: ids.length,
      accepted: ids.filter((id) => after.messages.has(id)).length,
      duplicates,
      lost,
      unknown,
      recoveryMs: [recovery],
      notes: [
        `full after ${full.messages.size} emails, held full ${options.smoke ? 2 : 10} s, 0 half-written files seen; recovery: space back → next email written`,
      ],
      violations,
    };
  } finally {
    await stack.close();
    execFileSync('umount', [dir]);
    await rm(dir, { recursive: true, force: true });
  }
}

export const outboxFull: Scenario = { id: '8', name: 'Outbox on a full file system', run: runOutboxFull };
