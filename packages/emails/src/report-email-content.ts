import type { CurrencyOptions, ReportChange, WorkbookResult } from '@reportmail/reports';
import { attachmentOmittedNote, EMPTY_PERIOD_NOTE, encodedAttachmentSize, formatGeneratedAt } from './attachment.js';
import { buildReportEmailData, type ReportEmailData, type ReportFrequency } from './report-email-data.js';

/** The email lists the period's 20 largest payments (read from the workbook's own snapshot). */
export const LARGEST_PAYMENTS_IN_EMAIL = 20;

/** How the workbook's Summary sheet names a schedule's frequency. */
export const WORKBOOK_FREQUENCY_LABELS: Record<ReportFrequency, string> = {
  daily: 'Daily',
  every_3_days: 'Every 3 Days',
  weekly: 'Weekly',
  cron: 'Custom (cron)',
};

export type EmailContentInput = {
  /** The written workbook and its size in bytes (before encoding). */
  workbook: Pick<WorkbookResult, 'filename' | 'summary' | 'largest'> & {
    sizeBytes: number;
    trend?: WorkbookResult['trend'];
  };
  frequency: ReportFrequency;
  isTest: boolean;
  emptyPeriodPolicy: 'send' | 'skip' | 'note';
  currency: CurrencyOptions;
  /** Largest encoded attachment the email may carry. */
  attachmentLimitBytes: number;
  generatedAt: Date;
  /** Earlier reports of the schedule whose figures changed since they were sent. */
  changes?: ReportChange[];
};

export type EmailContent = { content: ReportEmailData; attachmentOmitted: boolean };

/**
 * What the email will show, from the same snapshot as the workbook, and whether the workbook goes with
 * it: not when it is over the size limit (counted as encoded, as servers count it), nor for an empty
 * period under the `note` policy; the email then says why. The report worker stores this for the mail
 * worker; the admin API renders it as a preview, so both show the same thing.
 */
export function emailContentFor(input: EmailContentInput): EmailContent {
  const { workbook } = input;
  const notes: string[] = [];
  let attachmentOmitted = false;
  const encodedBytes = encodedAttachmentSize(workbook.sizeBytes);
  if (workbook.summary.totals.transactions === 0 && input.emptyPeriodPolicy === 'note') {
    notes.push(EMPTY_PERIOD_NOTE);
    attachmentOmitted = true;
  } else if (encodedBytes > input.attachmentLimitBytes) {
    notes.push(
      attachmentOmittedNote({ filename: workbook.filename, encodedBytes, limitBytes: input.attachmentLimitBytes }),
    );
    attachmentOmitted = true;
  }
  const content = buildReportEmailData({
    summary: workbook.summary,
    largest: workbook.largest,
    frequency: input.frequency,
    currency: input.currency,
    generatedAt: formatGeneratedAt(input.generatedAt, workbook.summary.period.timezone),
    notes,
    isTest: input.isTest,
    changes: input.changes,
    trend: workbook.trend,
    formatInstant: (instant) => formatGeneratedAt(instant, workbook.summary.period.timezone),
  });
  return { content, attachmentOmitted };
}
