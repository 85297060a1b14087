import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { type Database, deliveryArtifact } from '@reportmail/db';
import { LARGEST_PAYMENTS_IN_EMAIL } from '@reportmail/emails';
import {
  type CurrencyOptions,
  type ReportChange,
  type ReportPeriod,
  type WorkbookProgress,
  type WorkbookResult,
  workbookThreadEntry,
  writeReportWorkbook,
} from '@reportmail/reports';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type StoredWorkbook = WorkbookResult & { sizeBytes: number; sha256: string };

/**
 * Periods with this many payments or more are written by exceljs in a worker thread while this one reads
 * PostgreSQL (and keeps renewing the job's lock); an ordinary day is cheaper written here than a thread
 * is to start.
 */
const THREAD_FROM_ROWS = 20_000;

/**
 * Periods of more counted payments than this keep no payment snapshot (about 1.5 MB of JSON at the limit),
 * so their later changes are not listed: such periods are custom ranges far past any daily or weekly report.
 */
const CAPTURE_PAYMENTS_UP_TO = 50_000;

/** Writes the period's workbook and keeps it with the delivery (replacing an earlier attempt's). */
export async function storeWorkbook(
  database: Database,
  input: {
    deliveryId: string;
    period: ReportPeriod;
    frequencyLabel: string;
    currency: CurrencyOptions;
    now: Date;
    onProgress?: (progress: WorkbookProgress) => void;
    /** Keep the period's payments for later comparison (see payment-snapshots.ts). */
    capturePayments: boolean;
    adjustments: ReportChange[];
  },
): Promise<StoredWorkbook> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await writeReportWorkbook({
    sql: database.sql,
    period: input.period,
    output,
    frequencyLabel: input.frequencyLabel,
    currency: input.currency,
    now: input.now,
    largestPayments: LARGEST_PAYMENTS_IN_EMAIL,
    onProgress: input.onProgress,
    thread: workbookThreadEntry(import.meta.url),
    threadFromRows: THREAD_FROM_ROWS,
    trend: true,
    capturePaymentsUpTo: input.capturePayments ? CAPTURE_PAYMENTS_UP_TO : 0,
    adjustments: input.adjustments,
  });
  const content = Buffer.concat(chunks);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const artifact = {
    deliveryId: input.deliveryId,
    filename: result.filename,
    contentType: XLSX_CONTENT_TYPE,
    sizeBytes: content.length,
    sha256,
    content,
  };
  await database.db
    .insert(deliveryArtifact)
    .values(artifact)
    .onConflictDoUpdate({ target: deliveryArtifact.deliveryId, set: { ...artifact, createdAt: new Date() } });
  return { ...result, sizeBytes: content.length, sha256 };
}
