import { deliveryChannel, deliveryStatus, deliveryTrigger } from '@reportmail/db';
import { reportEmailData } from '@reportmail/emails';
import { z } from 'zod';
import { instant, pageQuery } from '../routes/schemas.js';

const TRANSPORTS = ['smtp', 'outbox'] as const;

export const deliveryListQuery = z
  .strictObject({
    ...pageQuery,
    status: z.enum(deliveryStatus.enumValues).optional(),
    scheduleId: z.uuid({ error: 'must be a UUID' }).optional(),
    trigger: z.enum(deliveryTrigger.enumValues).optional(),
    channel: z.enum(deliveryChannel.enumValues).optional().describe('Where it went: `email`, `slack` or `webhook`'),
    transport: z.enum(TRANSPORTS).optional().describe('How a sent email left: `smtp` or `outbox`'),
    /** Created at or after this instant. */
    from: instant.optional(),
    /** Created before this instant (exclusive). */
    to: instant.optional(),
  })
  .superRefine((query, context) => {
    if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
      context.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${query.from})` });
    }
  });

export type DeliveryListQuery = z.infer<typeof deliveryListQuery>;

const addresses = z.array(z.string());

/** Money totals are decimal strings (`"3499.75"`), never floats; instants are ISO strings in UTC. */
export const deliveryItem = z.object({
  id: z.string(),
  scheduleId: z.string().nullable(),
  scheduleName: z.string().nullable(),
  trigger: z.enum(deliveryTrigger.enumValues),
  status: z.enum(deliveryStatus.enumValues),
  /** `email` (the report itself, to the recipients), or one of the schedule's webhooks: `slack`, `webhook`. */
  channel: z.enum(deliveryChannel.enumValues),
  /** The webhook's label when the row was written; null for email. */
  webhookLabel: z.string().nullable(),
  /** A webhook row's report: the email delivery whose content and workbook it posted. */
  reportDeliveryId: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  timezone: z.string(),
  periodLabel: z.string(),
  /** The addresses the report was (or is to be) sent to, captured when the row was written. */
  recipients: z.object({ to: addresses, cc: addresses, bcc: addresses }).nullable(),
  subject: z.string().nullable(),
  totalRevenue: z.string().nullable(),
  totalTransactions: z.number().nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** How a sent email left: `smtp`, or `outbox` (saved locally while SMTP was not configured); null until sent. */
  transport: z.enum(TRANSPORTS).nullable(),
});

export type DeliveryItem = z.infer<typeof deliveryItem>;

export const deliveryDetail = deliveryItem.extend({
  reportType: z.string(),
  jobKey: z.string().nullable(),
  salesRevenue: z.string().nullable(),
  salesTransactions: z.number().nullable(),
  repairRevenue: z.string().nullable(),
  repairTransactions: z.number().nullable(),
  errorMessage: z.string().nullable(),
  /** What to change so the next send works, read from `errorMessage` and the current mail settings. */
  errorHint: z.string().nullable(),
  messageId: z.string().nullable(),
  acceptedRecipients: addresses.nullable(),
  rejectedRecipients: addresses.nullable(),
  /** The `.eml` file on the mail worker's machine, for an outbox delivery. */
  outboxPath: z.string().nullable(),
  attachmentFilename: z.string().nullable(),
  attachmentSize: z.number().nullable(),
  attachmentOmitted: z.boolean(),
  /** The workbook is stored and can be downloaded from `/v1/deliveries/{id}/attachment`. */
  attachmentStored: z.boolean(),
  /**
   * What the email showed, already formatted in the report's currency and zone (`@reportmail/emails`'
   * ReportEmailData); null until the report is generated. `GET /v1/deliveries/{id}/email` renders it.
   */
  emailContent: reportEmailData.nullable(),
  generationStartedAt: z.string().nullable(),
  generatedAt: z.string().nullable(),
  attemptedAt: z.string().nullable(),
  updatedAt: z.string(),
  webhookId: z.string().nullable(),
  /** The HTTP status of a webhook's last answer. */
  responseStatus: z.number().nullable(),
  /** The delivery this one sends again (an admin's resend): an email resent posts to no webhook. */
  redeliveryOf: z.string().nullable(),
});

export type DeliveryDetail = z.infer<typeof deliveryDetail>;

/** A signed download link's parameters; both or neither (then a bearer token is needed). */
export const attachmentQuery = z
  .strictObject({
    expires: z.coerce.number({ error: 'must be unix seconds' }).int().min(0).optional(),
    signature: z.string().max(200).optional(),
  })
  .superRefine((query, context) => {
    if ((query.expires === undefined) !== (query.signature === undefined)) {
      const missing = query.expires === undefined ? 'expires' : 'signature';
      context.addIssue({ code: 'custom', path: [missing], message: 'is required with a signed link' });
    }
  });

export const resendReply = z.object({ deliveryId: z.string() });
