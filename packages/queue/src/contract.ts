import { z } from 'zod';

/**
 * Queue names: the only way services address each other. `mail-delivery` carries every delivery the mail
 * worker makes: emails and webhook posts.
 */
export const QUEUES = { reports: 'report-generation', mail: 'mail-delivery' } as const;

/** Job names, one per kind of work. */
export const JOBS = {
  generateReport: 'generate-report',
  sendEmail: 'send-email',
  deliverWebhook: 'deliver-webhook',
} as const;

export const deliveryTrigger = z.enum(['scheduled', 'catch_up', 'manual', 'test']);

/**
 * `generate-report`: which schedule, and the instant the report was due. The period is derived from
 * that instant, never from when the job happens to run. Manual and test sends carry the ledger row the
 * API created (holding their own recipients); payloads never carry data, recipients or secrets.
 */
export const generateReportPayload = z.strictObject({
  scheduleId: z.uuid(),
  scheduledAt: z.iso.datetime({ offset: true }),
  trigger: deliveryTrigger,
  deliveryId: z.uuid().optional(),
});

/** The template data of scheduler-produced jobs; each run's instant comes from its slot. */
export const scheduledJobData = z.strictObject({ scheduleId: z.uuid(), trigger: z.literal('scheduled') });

/** `send-email`: the ledger row to deliver; everything else is read from PostgreSQL. */
export const sendEmailPayload = z.strictObject({ deliveryId: z.uuid() });

/**
 * The one `send-email` job of a delivery: queueing it twice (a retried report job, the ledger watchdog)
 * merges into one job. (BullMQ refuses ':' in custom ids.)
 */
export const sendEmailJobId = (deliveryId: string) => `send-email-${deliveryId}`;

/** `deliver-webhook`: a webhook's ledger row (Slack or generic); its URL and secret stay in PostgreSQL. */
export const deliverWebhookPayload = z.strictObject({ deliveryId: z.uuid() });

/** The one `deliver-webhook` job of a webhook's ledger row (the fan-out and the watchdog may both queue it). */
export const deliverWebhookJobId = (deliveryId: string) => `deliver-webhook-${deliveryId}`;

export type GenerateReportPayload = z.infer<typeof generateReportPayload>;
export type SendEmailPayload = z.infer<typeof sendEmailPayload>;
export type DeliverWebhookPayload = z.infer<typeof deliverWebhookPayload>;

export const JOB_CATALOG = {
  [JOBS.generateReport]: { queue: QUEUES.reports, schema: generateReportPayload },
  [JOBS.sendEmail]: { queue: QUEUES.mail, schema: sendEmailPayload },
  [JOBS.deliverWebhook]: { queue: QUEUES.mail, schema: deliverWebhookPayload },
} as const;

export type JobName = keyof typeof JOB_CATALOG;
export type JobPayload<Name extends JobName> = z.infer<(typeof JOB_CATALOG)[Name]['schema']>;
