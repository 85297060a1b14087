import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  type Database,
  delivery,
  deliveryArtifact,
  reportSchedule,
  scheduleWebhook,
  smtpSettings,
} from '@reportmail/db';
import { buildReportEmailData } from '@reportmail/emails';
import { createLogger, type Logger } from '@reportmail/logger';
import { SMTP_PASSWORD_CONTEXT } from '@reportmail/mailer';
import { periodFromLocalDates, previousPeriod, summarise, summaryToJson } from '@reportmail/reports';
import type { SecretBox } from '@reportmail/secrets';
import { sealWebhookSecrets } from '@reportmail/webhooks';
import { eq } from 'drizzle-orm';

/** A workbook's bytes for fixtures (the mail worker sends whatever was stored). */
export const WORKBOOK_BYTES = Buffer.from('PK\u0003\u0004 stored workbook bytes');

/** An empty outbox folder of the test's own under the system temp folder. */
export type TempOutbox = {
  dir: string;
  /** Every file name in it, hidden (temporary) ones included, sorted. */
  list: () => Promise<string[]>;
  remove: () => Promise<void>;
};

export async function createTempOutbox(): Promise<TempOutbox> {
  const dir = await mkdtemp(join(tmpdir(), 'reportmail-outbox-'));
  return {
    dir,
    list: async () => (await readdir(dir)).sort(),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function configureSmtp(
  database: Database,
  secrets: SecretBox,
  values: { port: number; password?: string; adminAddress?: string | null },
): Promise<void> {
  const row = {
    host: '127.0.0.1',
    port: values.port,
    security: 'none' as const,
    username: values.password ? 'reports@shop.example' : null,
    passwordCiphertext: values.password ? secrets.encrypt(values.password, SMTP_PASSWORD_CONTEXT) : null,
    fromAddress: 'reports@shop.example',
    fromName: 'Shop Reports',
    adminAddress: values.adminAddress ?? null,
  };
  await database.db.insert(smtpSettings).values(row).onConflictDoUpdate({ target: smtpSettings.id, set: row });
}

/** A delivery as the report worker leaves it: `sending`, totals, email content and workbook stored. */
export async function createGeneratedDelivery(
  database: Database,
  options: { attachmentOmitted?: boolean; notes?: string[]; senderName?: string; pdfPageSize?: 'A4' | 'LETTER' } = {},
): Promise<string> {
  const period = periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila');
  const current = summarise([
    { kind: 'sale', method: 'Cash', count: 2, total: '1715.00' },
    { kind: 'repair', method: 'Bank Transfer', count: 1, total: '2000.00' },
  ]);
  const before = summarise([{ kind: 'sale', method: 'Cash', count: 1, total: '500.00' }]);
  const summary = {
    period,
    ...current,
    previous: { period: previousPeriod(period), totals: before.totals },
    comparison: { revenueDelta: 321500n, revenuePercent: 643, transactionsDelta: 2, transactionsPercent: 200 },
  };
  const content = buildReportEmailData({
    summary,
    largest: [],
    frequency: 'daily',
    currency: { symbol: '₱', locale: 'en-PH' },
    generatedAt: 'Mar 3, 2026, 09:00',
    notes: options.notes ?? [],
  });
  const [schedule] = await database.db
    .insert(reportSchedule)
    .values({
      name: 'Daily',
      frequency: 'daily',
      recipientsTo: ['owner@shop.example'],
      senderName: options.senderName,
      attachPdf: options.pdfPageSize !== undefined,
      pdfPageSize: options.pdfPageSize,
    })
    .returning({ id: reportSchedule.id });
  const [row] = await database.db
    .insert(delivery)
    .values({
      scheduleId: schedule?.id,
      trigger: 'scheduled',
      reportType: 'daily_sales',
      periodStart: period.start,
      periodEnd: period.end,
      timezone: period.timezone,
      status: 'sending',
      recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'], bcc: ['audit@shop.example'] },
      subject: content.subject,
      totalRevenue: '3715.00',
      totalTransactions: 3,
      attachmentFilename: 'Sales_Report_2026_03_02.xlsx',
      attachmentSize: WORKBOOK_BYTES.length,
      attachmentOmitted: options.attachmentOmitted ?? false,
      emailContent: content,
      reportJson: summaryToJson(summary),
    })
    .returning({ id: delivery.id });
  const id = row?.id as string;
  await database.db.insert(deliveryArtifact).values({
    deliveryId: id,
    filename: 'Sales_Report_2026_03_02.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    sizeBytes: WORKBOOK_BYTES.length,
    sha256: 'not-checked-here',
    content: WORKBOOK_BYTES,
  });
  return id;
}

/** A webhook of the delivery's schedule, its URL and secret encrypted as the API stores them. */
export async function addWebhook(
  database: Database,
  secrets: SecretBox,
  reportDeliveryId: string,
  values: { kind: 'slack' | 'webhook'; label: string; url: string; signingSecret?: string; enabled?: boolean },
): Promise<string> {
  const [report] = await database.db
    .select({ scheduleId: delivery.scheduleId })
    .from(delivery)
    .where(eq(delivery.id, reportDeliveryId));
  const id = randomUUID();
  await database.db.insert(scheduleWebhook).values({
    id,
    scheduleId: report?.scheduleId as string,
    kind: values.kind,
    label: values.label,
    ...sealWebhookSecrets(secrets, id, values),
    urlHint: values.url,
    enabled: values.enabled ?? true,
  });
  return id;
}

/** A debug-level logger whose lines (raw JSON text) the test can read, to prove what was or was not logged. */
export function captureLogs(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ service: 'test', level: 'debug', destination }), lines };
}
