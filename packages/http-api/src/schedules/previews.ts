import { PassThrough, Writable } from 'node:stream';
import {
  DEFAULT_ATTACHMENT_LIMIT_BYTES,
  emailContentFor,
  LARGEST_PAYMENTS_IN_EMAIL,
  renderReportEmail,
  WORKBOOK_FREQUENCY_LABELS,
} from '@reportmail/emails';
import { type CurrencyOptions, type ReportPeriod, type WorkbookResult, writeReportWorkbook } from '@reportmail/reports';
import type { Sql } from 'postgres';
import type { ScheduleRow } from './schedule-rows.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type PreviewDeps = { sql: Sql; currency: CurrencyOptions };

/**
 * The report email of a period as the report worker would build it (workbook and email content from one
 * snapshot, rendered as the mail worker renders it), without sending anything or writing a ledger row.
 * The workbook is only counted, not kept: its size decides whether the email would carry it.
 */
export async function previewEmailHtml(deps: PreviewDeps, schedule: ScheduleRow, period: ReportPeriod) {
  let sizeBytes = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      done();
    },
  });
  const generatedAt = new Date();
  const workbook = await writeWorkbook(deps, schedule, period, counter, generatedAt);
  const { content } = emailContentFor({
    workbook: { ...workbook, sizeBytes },
    frequency: schedule.frequency,
    isTest: false,
    emptyPeriodPolicy: schedule.emptyPeriodPolicy,
    currency: deps.currency,
    // The report worker's limit is its own setting; the preview assumes the default.
    attachmentLimitBytes: DEFAULT_ATTACHMENT_LIMIT_BYTES,
    generatedAt,
  });
  return (await renderReportEmail(content)).html;
}

/** The period's workbook, as the email would attach it. */
export async function previewWorkbook(
  deps: PreviewDeps,
  schedule: ScheduleRow,
  period: ReportPeriod,
): Promise<{ filename: string; content: Buffer }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = await writeWorkbook(deps, schedule, period, output, new Date());
  return { filename: workbook.filename, content: Buffer.concat(chunks) };
}

function writeWorkbook(
  deps: PreviewDeps,
  schedule: ScheduleRow,
  period: ReportPeriod,
  output: Writable,
  now: Date,
): Promise<WorkbookResult> {
  return writeReportWorkbook({
    sql: deps.sql,
    period,
    output,
    frequencyLabel: WORKBOOK_FREQUENCY_LABELS[schedule.frequency],
    currency: deps.currency,
    now,
    largestPayments: LARGEST_PAYMENTS_IN_EMAIL,
    // The preview shows the email's chart too (the download's workbook is the same either way).
    trend: true,
  });
}
