import { isDeepStrictEqual } from 'node:util';
import { deliveryStatus, deliveryTrigger, type reportSchedule } from '@reportmail/db';
import { describeSchedule, WEEKDAYS } from '@reportmail/schedules';
import { z } from 'zod';
import { localDateTime } from './periods.js';
import {
  EMPTY_PERIOD_POLICIES,
  FREQUENCIES,
  PDF_PAGE_SIZES,
  PERIOD_MODES,
  type Recipients,
  type ScheduleBody,
} from './schedule-body.js';

export type ScheduleRow = typeof reportSchedule.$inferSelect;
type ScheduleValues = Omit<typeof reportSchedule.$inferInsert, 'id' | 'createdAt'>;

const instant = z.string().describe('ISO 8601 instant (UTC)');

/** The newest delivery of a schedule, whatever started it. */
export type LastDelivery = {
  id: string;
  status: (typeof deliveryStatus.enumValues)[number];
  trigger: (typeof deliveryTrigger.enumValues)[number];
  createdAt: Date;
};

const lastDeliveryReply = z
  .object({
    id: z.string(),
    status: z.enum(deliveryStatus.enumValues),
    trigger: z.enum(deliveryTrigger.enumValues),
    createdAt: instant,
  })
  .nullable()
  .describe('The schedule’s newest delivery (scheduled, catch-up, manual or test); null before its first');

/** A schedule as the API shows it. */
export const scheduleReply = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  frequency: z.enum(FREQUENCIES),
  sendTime: z.string(),
  timezone: z.string(),
  cronExpression: z.string().nullable(),
  anchorDate: z.string().nullable().describe('YYYY-MM-DD: every_3_days counts from it; null otherwise'),
  weekday: z.enum(WEEKDAYS).nullable().describe('The day weekly schedules run on; null otherwise'),
  periodMode: z.enum(PERIOD_MODES),
  recipients: z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) }),
  senderName: z.string().nullable(),
  emptyPeriodPolicy: z.enum(EMPTY_PERIOD_POLICIES),
  reportChanges: z
    .boolean()
    .describe("Each report lists the payments that changed this schedule's reports of the last 31 days"),
  attachPdf: z.boolean().describe('A PDF of the report goes with the email, beside the workbook'),
  pdfPageSize: z.enum(PDF_PAGE_SIZES),
  createdAt: instant,
  updatedAt: instant,
  lastSentAt: instant.nullable(),
  nextRunAt: instant.nullable().describe('Kept by the scheduler: updated once it has synced a change'),
  enabledAt: instant.nullable().describe('When the schedule was last switched on; catch-up never reaches before it'),
  description: z.string().describe('When it sends, in words: "Weekly on Monday at 08:00, Asia/Manila"'),
  lastDelivery: lastDeliveryReply,
});

export type ScheduleJson = z.infer<typeof scheduleReply>;

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function recipientsOf(row: ScheduleRow): Recipients {
  return { to: row.recipientsTo, cc: row.recipientsCc, bcc: row.recipientsBcc };
}

export function scheduleJson(row: ScheduleRow, lastDelivery: LastDelivery | null): ScheduleJson {
  return {
    ...fieldsJson(row),
    description: describeSchedule(row),
    lastDelivery: lastDelivery && { ...lastDelivery, createdAt: lastDelivery.createdAt.toISOString() },
  };
}

/** The row's own columns as the API names them. */
function fieldsJson(row: ScheduleRow): Omit<ScheduleJson, 'description' | 'lastDelivery'> {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    frequency: row.frequency,
    sendTime: row.sendTime,
    timezone: row.timezone,
    cronExpression: row.cronExpression,
    anchorDate: row.anchorDate,
    weekday: row.weekday,
    periodMode: row.periodMode,
    recipients: recipientsOf(row),
    senderName: row.senderName,
    emptyPeriodPolicy: row.emptyPeriodPolicy,
    reportChanges: row.reportChanges,
    attachPdf: row.attachPdf,
    pdfPageSize: row.pdfPageSize,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastSentAt: iso(row.lastSentAt),
    nextRunAt: iso(row.nextRunAt),
    enabledAt: iso(row.enabledAt),
  };
}

/**
 * The columns a POST or PUT writes. Switching on (from off, or on creation) sets `enabledAt`, so catch-up
 * never sends runs from before the schedule was on; staying on keeps it.
 */
export function scheduleValues(body: ScheduleBody, before: ScheduleRow | null, now: Date): ScheduleValues {
  const switchedOn = body.enabled && !before?.enabled;
  return {
    name: body.name,
    enabled: body.enabled,
    enabledAt: switchedOn ? now : (before?.enabledAt ?? null),
    frequency: body.frequency,
    sendTime: body.sendTime,
    timezone: body.timezone,
    cronExpression: body.cronExpression,
    anchorDate: anchorDateOf(body, now),
    weekday: body.weekday,
    periodMode: body.periodMode,
    recipientsTo: body.recipients.to,
    recipientsCc: body.recipients.cc,
    recipientsBcc: body.recipients.bcc,
    senderName: body.senderName,
    emptyPeriodPolicy: body.emptyPeriodPolicy,
    reportChanges: body.reportChanges,
    attachPdf: body.attachPdf,
    pdfPageSize: body.pdfPageSize,
    updatedAt: now,
  };
}

/** every_3_days counts from the body's anchor, or from the day of the request in the schedule's zone. */
export function anchorDateOf(body: Pick<ScheduleBody, 'frequency' | 'anchorDate' | 'timezone'>, now: Date) {
  if (body.frequency !== 'every_3_days' || body.anchorDate) return body.anchorDate;
  return localDateTime(now, body.timezone).slice(0, 10);
}

/** The editable fields, named as the API names them. */
export const EDITABLE_FIELDS = [
  'name',
  'enabled',
  'frequency',
  'sendTime',
  'timezone',
  'cronExpression',
  'anchorDate',
  'weekday',
  'periodMode',
  'recipients',
  'senderName',
  'emptyPeriodPolicy',
  'reportChanges',
  'attachPdf',
  'pdfPageSize',
] as const satisfies readonly (keyof ScheduleJson)[];

/** Which editable fields differ (for the audit entry: names only, never addresses). */
export function changedFields(before: ScheduleRow, after: ScheduleRow): string[] {
  const [old, current] = [fieldsJson(before), fieldsJson(after)];
  return EDITABLE_FIELDS.filter((field) => !isDeepStrictEqual(old[field], current[field]));
}
