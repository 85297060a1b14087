// The service's own tables live in the `reportmail` schema, apart from the shop's tables.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const reportmail = pgSchema('reportmail');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
/** Sums of many numeric(12,2) payments outgrow 12 digits. */
const totalMoney = (name: string) => numeric(name, { precision: 18, scale: 2 });

export const smtpSecurity = reportmail.enum('smtp_security', ['none', 'starttls', 'tls']);
export const scheduleFrequency = reportmail.enum('schedule_frequency', ['daily', 'every_3_days', 'weekly', 'cron']);
export const periodMode = reportmail.enum('period_mode', ['previous_days', 'to_date']);
/** A weekly schedule's run day; declared Monday first, so `enum_range` indexes it by ISO weekday. */
export const weekday = reportmail.enum('weekday', [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
export const emptyPeriodPolicy = reportmail.enum('empty_period_policy', ['send', 'skip', 'note']);
export const deliveryTrigger = reportmail.enum('delivery_trigger', ['scheduled', 'catch_up', 'manual', 'test']);
export const deliveryStatus = reportmail.enum('delivery_status', [
  'pending',
  'generating',
  'sending',
  'sent',
  'failed',
  'unknown',
  'skipped',
]);
export const adminRole = reportmail.enum('admin_role', ['admin', 'viewer']);
/** Where a delivery goes: the email to the schedule's recipients, or one of its webhooks. */
export const deliveryChannel = reportmail.enum('delivery_channel', ['email', 'slack', 'webhook']);
export const webhookKind = reportmail.enum('webhook_kind', ['slack', 'webhook']);

/** The ciphertext of `smtp_settings.password_ciphertext` is bound to this use (AES-GCM additional data). */
export const SMTP_PASSWORD_CONTEXT = 'smtp.password';

/** One row (id = 1): the outgoing mail server. The password is only ever stored encrypted. */
export const smtpSettings = reportmail.table(
  'smtp_settings',
  {
    id: smallint('id').primaryKey().default(1),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    security: smtpSecurity('security').notNull().default('starttls'),
    username: text('username'),
    passwordCiphertext: text('password_ciphertext'),
    fromAddress: text('from_address').notNull(),
    fromName: text('from_name').notNull().default('Reports'),
    adminAddress: text('admin_address'),
    updatedAt: instant('updated_at').notNull().default(sql`now()`),
    updatedBy: uuid('updated_by'),
  },
  (table) => [check('smtp_settings_single_row', sql`${table.id} = 1`)],
);

export const reportSchedule = reportmail.table(
  'report_schedule',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(false),
    /** When the schedule was last switched on: catch-up never reaches back before it. */
    enabledAt: instant('enabled_at'),
    frequency: scheduleFrequency('frequency').notNull(),
    sendTime: text('send_time').notNull().default('09:00'),
    timezone: text('timezone').notNull().default('Asia/Manila'),
    cronExpression: text('cron_expression'),
    /** every_3_days counts from it; null for every other frequency. */
    anchorDate: date('anchor_date', { mode: 'string' }),
    /** The day a weekly schedule runs on; null for every other frequency. */
    weekday: weekday('weekday'),
    periodMode: periodMode('period_mode').notNull().default('previous_days'),
    recipientsTo: text('recipients_to').array().notNull().default(sql`'{}'::text[]`),
    recipientsCc: text('recipients_cc').array().notNull().default(sql`'{}'::text[]`),
    recipientsBcc: text('recipients_bcc').array().notNull().default(sql`'{}'::text[]`),
    senderName: text('sender_name'),
    emptyPeriodPolicy: emptyPeriodPolicy('empty_period_policy').notNull().default('send'),
    /** Each report lists what changed in this schedule's reports of the last 31 days since they were sent. */
    reportChanges: boolean('report_changes').notNull().default(true),
    /** A PDF of the report goes with the email, beside the workbook. */
    attachPdf: boolean('attach_pdf').notNull().default(false),
    pdfPageSize: text('pdf_page_size').$type<'A4' | 'LETTER'>().notNull().default('A4'),
    lastSentAt: instant('last_sent_at'),
    nextRunAt: instant('next_run_at'),
    createdAt: instant('created_at').notNull().default(sql`now()`),
    updatedAt: instant('updated_at').notNull().default(sql`now()`),
  },
  (table) => [
    // A weekday exactly for weekly schedules: the engine reads it only there, so elsewhere it would mislead.
    check('report_schedule_weekday_check', sql`(${table.frequency} = 'weekly') = (${table.weekday} is not null)`),
  ],
);

/** AES-GCM contexts of a webhook's secrets, bound to its id so ciphertexts cannot be moved between rows. */
export const webhookUrlContext = (webhookId: string) => `webhook.url:${webhookId}`;
export const webhookSigningContext = (webhookId: string) => `webhook.signing-secret:${webhookId}`;

/**
 * Where a schedule's reports go besides email: a Slack incoming webhook, or a generic webhook whose
 * requests are signed. The URL (a credential: whoever has it can post) and the signing secret are only
 * ever stored encrypted; `url_hint` is what the API shows of the URL.
 */
export const scheduleWebhook = reportmail.table(
  'schedule_webhook',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => reportSchedule.id, { onDelete: 'cascade' }),
    kind: webhookKind('kind').notNull(),
    label: text('label').notNull(),
    urlCiphertext: text('url_ciphertext').notNull(),
    urlHint: text('url_hint').notNull(),
    signingSecretCiphertext: text('signing_secret_ciphertext'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: instant('created_at').notNull().default(sql`now()`),
    updatedAt: instant('updated_at').notNull().default(sql`now()`),
  },
  (table) => [
    index('schedule_webhook_schedule_idx').on(table.scheduleId),
    // Generic webhooks are always signed; Slack's incoming webhooks take no signature.
    check(
      'schedule_webhook_signing_check',
      sql`(${table.kind} = 'webhook') = (${table.signingSecretCiphertext} is not null)`,
    ),
  ],
);

/**
 * The delivery ledger: one row per report sent (or tried) for a period and channel. The email row
 * (`channel` email) generates the report; each webhook of the schedule gets a row of its own (`report_delivery_id`
 * naming the email row whose report and workbook it carries), with its own status and attempts.
 */
export const delivery = reportmail.table(
  'delivery',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    scheduleId: uuid('schedule_id').references(() => reportSchedule.id, {
      onDelete: 'set null',
    }),
    /** The schedule's name when the row was written: it still names the delivery once the schedule is gone. */
    scheduleName: text('schedule_name'),
    trigger: deliveryTrigger('trigger').notNull(),
    /** The queue job that claimed the row: its retries resume the row, any other job is a duplicate. */
    jobKey: text('job_key'),
    reportType: text('report_type').notNull(),
    periodStart: instant('period_start').notNull(),
    periodEnd: instant('period_end').notNull(),
    timezone: text('timezone').notNull(),
    status: deliveryStatus('status').notNull().default('pending'),
    recipients: jsonb('recipients').$type<{
      to: string[];
      cc: string[];
      bcc: string[];
    }>(),
    subject: text('subject'),
    totalRevenue: totalMoney('total_revenue'),
    totalTransactions: integer('total_transactions'),
    salesRevenue: totalMoney('sales_revenue'),
    salesTransactions: integer('sales_transactions'),
    repairRevenue: totalMoney('repair_revenue'),
    repairTransactions: integer('repair_transactions'),
    attempts: integer('attempts').notNull().default(0),
    errorMessage: text('error_message'),
    messageId: text('message_id'),
    acceptedRecipients: jsonb('accepted_recipients').$type<string[]>(),
    rejectedRecipients: jsonb('rejected_recipients').$type<string[]>(),
    attachmentFilename: text('attachment_filename'),
    attachmentSize: bigint('attachment_size', { mode: 'number' }),
    /** The workbook was over the size limit: the email went without it and says so. */
    attachmentOmitted: boolean('attachment_omitted').notNull().default(false),
    /** What the email shows, formatted from the same snapshot as the workbook (rendered at send time). */
    emailContent: jsonb('email_content').$type<Record<string, unknown>>(),
    /** When the report worker started the run that produced the stored workbook (retries restart it). */
    generationStartedAt: instant('generation_started_at'),
    /** When the workbook was stored and the row moved on (to `sending` or `skipped`). */
    generatedAt: instant('generated_at'),
    attemptedAt: instant('attempted_at'),
    /**
     * Set (and committed) once the server has accepted DATA, before the first byte of the message; cleared
     * when the server answers a failure. A row still `sending` with it set lost its worker while the message
     * may have been delivered: it ends `unknown` and is never sent again by itself.
     */
    dataStartedAt: instant('data_started_at'),
    sentAt: instant('sent_at'),
    /** How the sent email left: over SMTP, or into the local outbox while SMTP was not configured. */
    transport: text('transport').$type<'smtp' | 'outbox'>(),
    /** The `.eml` file an outbox delivery was saved as (absolute). */
    outboxPath: text('outbox_path'),
    channel: deliveryChannel('channel').notNull().default('email'),
    /** The email row whose report (content, workbook) a webhook row delivers; null on email rows. */
    reportDeliveryId: uuid('report_delivery_id').references((): AnyPgColumn => delivery.id, { onDelete: 'cascade' }),
    webhookId: uuid('webhook_id').references(() => scheduleWebhook.id, { onDelete: 'set null' }),
    /** The webhook's label when the row was written (it outlives the webhook). */
    webhookLabel: text('webhook_label'),
    /**
     * The delivery this one resends (an admin's Resend): a webhook row posted again to its webhook (not the
     * one row its report fans out to), or an email sent again (posting to no webhook).
     */
    redeliveryOf: uuid('redelivery_of'),
    /** The summary of the report as JSON (`summaryToJson`), from the workbook's snapshot: what webhooks carry. */
    reportJson: jsonb('report_json').$type<Record<string, unknown>>(),
    /** The HTTP status of a webhook row's last answer. */
    responseStatus: integer('response_status'),
    createdAt: instant('created_at').notNull().default(sql`now()`),
    updatedAt: instant('updated_at').notNull().default(sql`now()`),
  },
  (table) => [
    // Exactly one scheduled (or catch-up) report per schedule and period.
    uniqueIndex('delivery_scheduled_period_uq')
      .on(table.scheduleId, table.periodStart, table.periodEnd)
      .where(sql`${table.trigger} in ('scheduled', 'catch_up') and ${table.channel} = 'email'`),
    // Exactly one row per report and webhook, however often the fan-out runs (retries, the watchdog).
    uniqueIndex('delivery_report_webhook_uq')
      .on(table.reportDeliveryId, table.webhookId)
      .where(sql`${table.reportDeliveryId} is not null and ${table.redeliveryOf} is null`),
    index('delivery_report_delivery_idx').on(table.reportDeliveryId),
    // A webhook row names its report; an email row is one.
    check('delivery_channel_check', sql`(${table.channel} = 'email') = (${table.reportDeliveryId} is null)`),
    index('delivery_created_at_idx').on(table.createdAt),
    index('delivery_schedule_id_idx').on(table.scheduleId, table.createdAt),
    // Null until sent; an outbox path exactly when it went to the outbox.
    check(
      'delivery_transport_check',
      sql`(${table.transport} is null and ${table.outboxPath} is null) or (${table.transport} = 'smtp' and ${table.outboxPath} is null) or (${table.transport} = 'outbox' and ${table.outboxPath} is not null)`,
    ),
  ],
);

/** The workbook a delivery carried, kept so it can be downloaded later. */
export const deliveryArtifact = reportmail.table('delivery_artifact', {
  deliveryId: uuid('delivery_id')
    .primaryKey()
    .references(() => delivery.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdAt: instant('created_at').notNull().default(sql`now()`),
});

/**
 * The payments a sent report counted, and why the others in its period were left out, so a later report
 * can tell what changed since: `[kind ('s' sale, 'r' repair), payment id, centavos, code]`, code '' when
 * counted (see paymentStates). Written with each delivery for its own period, and again for an earlier
 * period whose change a delivery reported (its figures are then the ones the owner was last told). Only
 * rows of sent deliveries count; rows past the 31 days compared are deleted.
 */
export const paymentSnapshot = reportmail.table(
  'payment_snapshot',
  {
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => delivery.id, { onDelete: 'cascade' }),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => reportSchedule.id, { onDelete: 'cascade' }),
    periodStart: instant('period_start').notNull(),
    periodEnd: instant('period_end').notNull(),
    timezone: text('timezone').notNull(),
    payments: jsonb('payments').$type<[string, number, string, string][]>().notNull(),
    createdAt: instant('created_at').notNull().default(sql`now()`),
  },
  (table) => [
    primaryKey({ columns: [table.deliveryId, table.periodStart, table.periodEnd] }),
    index('payment_snapshot_schedule_idx').on(table.scheduleId, table.periodStart, table.createdAt),
  ],
);

export const adminUser = reportmail.table(
  'admin_user',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: adminRole('role').notNull().default('viewer'),
    createdAt: instant('created_at').notNull().default(sql`now()`),
    disabledAt: instant('disabled_at'),
  },
  (table) => [uniqueIndex('admin_user_email_uq').on(sql`lower(${table.email})`)],
);

export const auditLog = reportmail.table(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid('actor_id').references(() => adminUser.id, {
      onDelete: 'set null',
    }),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    at: instant('at').notNull().default(sql`now()`),
  },
  (table) => [index('audit_log_at_idx').on(table.at)],
);

/**
 * The fencing number of the scheduler leader that last wrote: a leader's writes check that its number
 * is not older than this one, so a leader that paused past its lock and woke up changes nothing.
 */
export const schedulerFence = reportmail.table(
  'scheduler_fence',
  {
    id: smallint('id').primaryKey().default(1),
    fence: bigint('fence', { mode: 'number' }).notNull(),
    updatedAt: instant('updated_at').notNull().default(sql`now()`),
  },
  (table) => [check('scheduler_fence_single_row', sql`${table.id} = 1`)],
);
