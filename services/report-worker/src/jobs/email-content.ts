import {
  attachmentOmittedNote,
  buildReportEmailData,
  EMPTY_PERIOD_NOTE,
  encodedAttachmentSize,
  formatGeneratedAt,
  type ReportEmailData,
  type ReportFrequency,
} from '@reportmail/emails';
import type { CurrencyOptions } from '@reportmail/reports';
import type { StoredWorkbook } from './store-workbook.js';

export type EmailContentInput = {
  workbook: StoredWorkbook;
  frequency: ReportFrequency;
  isTest: boolean;
  emptyPeriodPolicy: 'send' | 'skip' | 'note';
  currency: CurrencyOptions;
  /** Largest encoded attachment the email may carry. */
  attachmentLimitBytes: number;
  generatedAt: Date;
};

export type EmailContent = { content: ReportEmailData; attachmentOmitted: boolean };

/**
 * What the email will show, from the same snapshot as the workbook, and whether the workbook goes with
 * it: not when it is over the size limit (counted as encoded, as servers count it), nor for an empty
 * period under the `note` policy; the email then says why.
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
  });
  return { content, attachmentOmitted };
}
