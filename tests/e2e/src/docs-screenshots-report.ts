// The data behind the docs screenshots: a fresh database with the CLI's demo shop, one week's workbook
// and the report email built from it through the same public functions the report and mail workers use.
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database } from '@reportmail/db';
import {
  DEFAULT_ATTACHMENT_LIMIT_BYTES,
  emailContentFor,
  LARGEST_PAYMENTS_IN_EMAIL,
  type RenderedEmail,
  renderReportEmail,
  reportEmailData,
  WORKBOOK_FREQUENCY_LABELS,
} from '@reportmail/emails';
import { computeReportPeriod, DEFAULT_CURRENCY, writeReportWorkbook } from '@reportmail/reports';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const DOCS_TIMEZONE = 'Asia/Manila';

/** A weekly schedule's run on Sunday Mar 8, 2026, 09:00 Manila: it reports on Mar 1 – Mar 7. */
export const DOCS_SCHEDULED_AT = new Date('2026-03-08T01:00:00.000Z');

/** The demo shop: 3,000 payments over the 60 days up to Mar 7, so the previous week has data too. */
const SEED_ARGS = ['seed', '--payments', '3000', '--until', '2026-03-07', '--reset'];

export type DocsReport = { workbook: Buffer; filename: string; email: RenderedEmail; rows: number };

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = createDatabase(adminUrl, { max: 1 });
  try {
    await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.close();
  }
}

/** Seeds through the CLI as a process: services cannot be imported from here, and this is what users run. */
export function seedDemoShop(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/cli/src/main.ts', ...SEED_ARGS], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, REPORT_TIMEZONE: DOCS_TIMEZONE, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) return resolve();
      reject(new Error(`seed exited with ${code}:\n${Buffer.concat(output).toString('utf8')}`));
    });
  });
}

/**
 * The week's workbook and email as a weekly schedule delivers them: the workbook written by
 * packages/reports with the email's largest payments from the same snapshot (as the report worker's
 * storeWorkbook does), the content from emailContentFor, stored as JSON and read back through the
 * ledger schema, then rendered with renderReportEmail (as the mail worker's buildDeliveryMessage does).
 */
export async function buildDocsReport(databaseUrl: string): Promise<DocsReport> {
  const database = createDatabase(databaseUrl, { max: 2 });
  try {
    return await buildWith(database);
  } finally {
    await database.close();
  }
}

async function buildWith(database: Database): Promise<DocsReport> {
  const period = computeReportPeriod({ frequency: 'weekly', scheduledAt: DOCS_SCHEDULED_AT, timezone: DOCS_TIMEZONE });
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await writeReportWorkbook({
    sql: database.sql,
    period,
    output,
    frequencyLabel: WORKBOOK_FREQUENCY_LABELS.weekly,
    currency: DEFAULT_CURRENCY,
    now: DOCS_SCHEDULED_AT,
    largestPayments: LARGEST_PAYMENTS_IN_EMAIL,
    trend: true,
  });
  const workbook = Buffer.concat(chunks);
  const { content } = emailContentFor({
    workbook: { ...result, sizeBytes: workbook.length },
    frequency: 'weekly',
    isTest: false,
    emptyPeriodPolicy: 'send',
    currency: DEFAULT_CURRENCY,
    attachmentLimitBytes: DEFAULT_ATTACHMENT_LIMIT_BYTES,
    generatedAt: DOCS_SCHEDULED_AT,
  });
  const stored = reportEmailData.parse(JSON.parse(JSON.stringify(content)));
  const email = await renderReportEmail(stored);
  return { workbook, filename: result.filename, email, rows: result.salesRows + result.repairRows };
}
