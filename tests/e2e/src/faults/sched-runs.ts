import type { ReceivedMail } from '@reportmail/testing';
import type { Sql } from 'postgres';
import type { RunResult } from './scenario.js';

/** A scheduled run that must go out exactly once: its schedule and the end of the period it reports on. */
export type ExpectedRun = { scheduleId: string; periodEnd: Date };

export type RunCounts = Pick<RunResult, 'expected' | 'accepted' | 'duplicates' | 'lost' | 'unknown'> & {
  /** Ledger rows of no expected run (a disabled schedule, or a slot its schedule was moved away from). */
  strays: string[];
  /** Extra ledger rows for one schedule and period (the unique index should make this 0). */
  periodsDoubled: number;
  /** When the sink accepted the last message of an expected run. */
  lastAcceptedAt: number | null;
};

/** `period_end` in ms since the epoch (drizzle's postgres.js client leaves timestamps as text). */
type Row = { id: string; schedule_id: string | null; period_end: number; status: string; trigger: string };

const FINAL = new Set(['sent', 'failed', 'unknown', 'skipped']);

/** The delivery id in a Message-ID (`<delivery-id@domain>`, see packages/mailer). */
export const deliveryIdOf = (messageId: string | undefined): string =>
  /^<([0-9a-f-]+)@/.exec(messageId ?? '')?.[1] ?? '';

/**
 * Polls the ledger until every expected run has a final row and every row is final, or `deadline`
 * passes: the sink accepts a moment before the mail worker records `sent`.
 */
export async function settleLedger(sql: Sql, expected: ExpectedRun[], deadline: number): Promise<Row[]> {
  for (;;) {
    const selected = await sql<(Omit<Row, 'period_end'> & { period_end: string })[]>`
      select id, schedule_id, (extract(epoch from period_end) * 1000)::bigint::text as period_end, status::text,
        trigger::text
      from reportmail.delivery`;
    const rows = selected.map((row) => ({ ...row, period_end: Number(row.period_end) }));
    const done = rows.every((row) => FINAL.has(row.status)) && expected.every((run) => rowsOf(rows, run).length > 0);
    if (done || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const rowsOf = (rows: Row[], run: ExpectedRun) =>
  rows.filter((row) => row.schedule_id === run.scheduleId && row.period_end === run.periodEnd.getTime());

/** The sink's messages and the ledger's rows against the runs that had to go out. */
export function countRuns(rows: Row[], received: ReceivedMail[], expected: ExpectedRun[]): RunCounts {
  const copies = new Map<string, ReceivedMail[]>();
  for (const mail of received) {
    const id = deliveryIdOf(mail.parsed.messageId);
    copies.set(id, [...(copies.get(id) ?? []), mail]);
  }
  const periods = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.schedule_id}|${row.period_end}`;
    periods.set(key, (periods.get(key) ?? 0) + 1);
  }
  let accepted = 0;
  let lost = 0;
  let lastAcceptedAt: number | null = null;
  const matched = new Set<string>();
  for (const run of expected) {
    const own = rowsOf(rows, run);
    for (const row of own) matched.add(row.id);
    const mails = own.flatMap((row) => copies.get(row.id) ?? []);
    if (mails.length > 0) accepted += 1;
    for (const mail of mails) lastAcceptedAt = Math.max(lastAcceptedAt ?? 0, mail.receivedAt);
    if (!own.some((row) => row.status === 'sent' || row.status === 'unknown')) lost += 1;
  }
  const periodsDoubled = [...periods.values()].reduce((sum, count) => sum + count - 1, 0);
  const extraCopies = [...copies.values()].reduce((sum, mails) => sum + mails.length - 1, 0);
  return {
    expected: expected.length,
    accepted,
    duplicates: extraCopies + periodsDoubled,
    lost,
    unknown: rows.filter((row) => row.status === 'unknown').length,
    strays: rows
      .filter((row) => !matched.has(row.id))
      .map((row) => `${row.trigger} ${row.schedule_id} ${new Date(row.period_end).toISOString()} (${row.status})`),
    periodsDoubled,
    lastAcceptedAt,
  };
}
