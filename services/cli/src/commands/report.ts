import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { invalidField } from '@reportmail/errors';
import {
  buildReport,
  type CurrencyOptions,
  createMoneyFormatter,
  isValidTimeZone,
  periodFromLocalDates,
  type ReportPeriod,
  workbookFilename,
  workbookThreadEntry,
  writeReportWorkbook,
} from '@reportmail/reports';
import type { Sql } from 'postgres';
import { parseFlags, userPath } from '../args.js';
import { createProgress } from '../progress.js';

export const REPORT_HELP = `Usage: pnpm report --from YYYY-MM-DD [--to YYYY-MM-DD] [--tz ZONE] [--format json|xlsx] [--out FILE]

Builds the payment-based report for whole local days --from … --to (both inclusive) in the zone.
  --from     first local day (required)
  --to       last local day (default: --from)
  --tz       IANA time zone (default: REPORT_TIMEZONE, else Asia/Manila)
  --format   json (default; to stdout unless --out) or xlsx (to --out, else Sales_Report_….xlsx here)
  --out      file to write; written to a temporary name and renamed, so it is never left half-written`;

export type ReportDeps = { sql: Sql; timezone: string; currency: CurrencyOptions; stdout: NodeJS.WriteStream };

export async function runReportCommand(deps: ReportDeps, argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    tz: { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
  });
  if (!flags.from) throw invalidField('--from', 'is required (YYYY-MM-DD)');
  if (flags.format !== 'json' && flags.format !== 'xlsx') throw invalidField('--format', 'must be json or xlsx');
  if (flags.tz !== undefined && !isValidTimeZone(flags.tz)) {
    throw invalidField('--tz', `unknown IANA time zone "${flags.tz}"`);
  }
  const period = periodFromLocalDates(flags.from, flags.to ?? flags.from, flags.tz ?? deps.timezone);

  if (flags.format === 'json') {
    const json = `${JSON.stringify(await buildReport(deps.sql, period), null, 2)}\n`;
    if (flags.out) await writeAtomically(userPath(flags.out), async (stream) => void stream.end(json));
    else deps.stdout.write(json);
    return;
  }
  const out = userPath(flags.out ?? workbookFilename(period));
  const result = await writeWorkbookFile(deps, period, out);
  deps.stdout.write(`${result}\n`);
}

async function writeWorkbookFile(deps: ReportDeps, period: ReportPeriod, out: string): Promise<string> {
  const money = createMoneyFormatter(deps.currency);
  let progress: ReturnType<typeof createProgress> | undefined;
  const result = await writeAtomically(out, (output) =>
    writeReportWorkbook({
      sql: deps.sql,
      period,
      output,
      frequencyLabel: 'Custom range',
      currency: deps.currency,
      // exceljs builds the rows' XML in a thread of its own while this one reads PostgreSQL.
      thread: workbookThreadEntry(import.meta.url),
      onProgress: ({ sheet, written, expected }) => {
        if (expected < 50_000) return;
        progress ??= createProgress(`${sheet} rows`, expected);
        progress.update(written);
        if (written === expected) {
          progress.stop();
          progress = undefined;
        }
      },
    }),
  );
  const { totals } = result.summary;
  return (
    `Wrote ${out}: ${period.label} (${period.timezone}), revenue ${money(totals.revenue)} from ` +
    `${totals.transactions} payments (${result.salesRows} sales, ${result.repairRows} repairs)`
  );
}

/** Writes through a temporary file renamed into place only when everything succeeded. */
async function writeAtomically<T>(path: string, write: (stream: Writable) => Promise<T>): Promise<T> {
  const temporary = `${path}.${process.pid}.partial`;
  const stream = createWriteStream(temporary);
  try {
    const result = await write(stream);
    await finished(stream);
    await rename(temporary, path);
    return result;
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
