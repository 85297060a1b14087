import { formatGeneratedAt, reportEmailData } from '@reportmail/emails';
import type { Delivery } from '@reportmail/ledger';
import {
  signedHeaders,
  slackMessage,
  WEBHOOK_USER_AGENT,
  type WorkbookLink,
  webhookDocument,
} from '@reportmail/webhooks';
import { UnrecoverableError } from 'bullmq';
import { type AttachmentLinks, signedWorkbookLink } from './workbook-link.js';

export type WebhookRequest = { body: string; headers: Record<string, string> };

/**
 * The body and headers of one attempt: a Slack Block Kit message, or the signed JSON document of a generic
 * webhook. Built from the report row's stored content, so it says what the email says; the workbook link
 * and the signature are made per attempt, so each runs its full time from when it goes out.
 */
export function webhookRequest(input: {
  row: Delivery;
  report: Delivery | null;
  signingSecret: string | null;
  /** The stored workbook's SHA-256 (hex), for a receiver that downloads it to check. */
  workbookSha256: string | null;
  links: AttachmentLinks | undefined;
  now?: Date;
}): WebhookRequest {
  const { row, report } = input;
  const now = input.now ?? new Date();
  if (!report?.reportJson) throw new UnrecoverableError(`Delivery ${row.id}: its report has no stored content`);
  const link = input.links ? signedWorkbookLink(report.id, input.links, now) : null;
  if (row.channel === 'slack') {
    const content = reportEmailData.safeParse(report.emailContent);
    if (!content.success) throw new UnrecoverableError(`Delivery ${row.id}: its report has no stored email content`);
    const until = link && `${formatGeneratedAt(link.expiresAt, report.timezone)} (${report.timezone})`;
    const workbookLink: WorkbookLink | null = link && until ? { url: link.url, until } : null;
    const body = JSON.stringify(slackMessage(content.data, workbookLink));
    return { body, headers: { 'User-Agent': WEBHOOK_USER_AGENT } };
  }
  if (!input.signingSecret) throw new UnrecoverableError(`Delivery ${row.id}: its webhook has no signing secret`);
  const body = JSON.stringify(documentOf(row, report, input.workbookSha256, link));
  return { body, headers: signedHeaders(input.signingSecret, row.id, body, now) };
}

function documentOf(
  row: Delivery,
  report: Delivery,
  sha256: string | null,
  link: { url: string; expiresAt: Date } | null,
) {
  const reportJson = report.reportJson as Record<string, unknown> & { period?: { label?: string } };
  return webhookDocument({
    deliveryId: row.id,
    reportDeliveryId: report.id,
    trigger: row.trigger,
    schedule: { id: row.scheduleId, name: row.scheduleName },
    period: {
      start: report.periodStart.toISOString(),
      end: report.periodEnd.toISOString(),
      timezone: report.timezone,
      label: reportJson.period?.label ?? '',
    },
    subject: report.subject,
    report: reportJson,
    workbook: {
      filename: report.attachmentFilename,
      sizeBytes: report.attachmentSize,
      sha256,
      url: link?.url ?? null,
      expiresAt: link?.expiresAt.toISOString() ?? null,
    },
  });
}
