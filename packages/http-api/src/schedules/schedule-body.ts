import type { PeriodMode } from '@reportmail/reports';
import { type ScheduleTiming, WEEKDAYS } from '@reportmail/schedules';
import { z } from 'zod';
import { emailAddress, headerText } from '../routes/schemas.js';
import { periodModeProblems, timingProblems } from './timing-checks.js';

/** Addresses one schedule may send to, to, cc and bcc together. */
export const MAX_RECIPIENTS = 50;
/** Schedule names appear in logs, the UI and audit entries. */
export const MAX_NAME_LENGTH = 120;

export const FREQUENCIES = ['daily', 'every_3_days', 'weekly', 'cron'] as const;
export const PERIOD_MODES = ['previous_days', 'to_date'] as const;
export const EMPTY_PERIOD_POLICIES = ['send', 'skip', 'note'] as const;
export const PDF_PAGE_SIZES = ['A4', 'LETTER'] as const;

export type Recipients = { to: string[]; cc: string[]; bcc: string[] };

const addressList = z.array(emailAddress).max(MAX_RECIPIENTS).default([]);

/**
 * Each address once: where it appears in several lists it keeps the most visible one (to, then cc, then
 * bcc), so nobody gets the email twice. Addresses are already lower-cased, so this ignores case.
 */
export function dedupeRecipients(recipients: Recipients): Recipients {
  const seen = new Set<string>();
  const firstTime = (address: string) => !seen.has(address) && Boolean(seen.add(address));
  return {
    to: recipients.to.filter(firstTime),
    cc: recipients.cc.filter(firstTime),
    bcc: recipients.bcc.filter(firstTime),
  };
}

export const recipientsBody = z
  .strictObject({ to: addressList, cc: addressList, bcc: addressList })
  .transform(dedupeRecipients)
  .refine((recipients) => recipients.to.length + recipients.cc.length + recipients.bcc.length <= MAX_RECIPIENTS, {
    message: `at most ${MAX_RECIPIENTS} different addresses in to, cc and bcc together`,
  });

const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((value) => value || null);

/**
 * The fields that say when a schedule sends and what each send reports on: part of the schedule body, and
 * all of a draft timing (POST /v1/schedules/timing), so both take and default them alike.
 */
export function timingFields(defaultTimezone: string) {
  return {
    frequency: z.enum(FREQUENCIES),
    /** `HH:MM` local to `timezone`. */
    sendTime: z.string().trim().max(5).default('09:00'),
    timezone: z.string().trim().max(64).default(defaultTimezone),
    cronExpression: nullableText(120),
    /** `YYYY-MM-DD`: every_3_days counts from it (the day of the request, in `timezone`, when left out). */
    anchorDate: nullableText(10),
    /** The day weekly schedules run on. */
    weekday: z.enum(WEEKDAYS).nullable().default(null),
    periodMode: z.enum(PERIOD_MODES).default('previous_days'),
  };
}

/** The timing's problems (the scheduler's own checks) as issues naming their fields. */
export function addTimingIssues(timing: ScheduleTiming & { periodMode: PeriodMode }, context: z.RefinementCtx) {
  for (const problem of [...timingProblems(timing), ...periodModeProblems(timing)]) {
    context.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  }
}

/** Why an enabled schedule needs a "to" address: where else its report would go. */
export const ENABLED_NEEDS_TO = 'needs at least one address while the schedule is enabled';

/**
 * A schedule as POST and PUT take it (PUT replaces every editable field: a field left out takes its
 * default). Timing is checked with the scheduler's own functions; errors name `body.<field>`. An enabled
 * schedule needs a "to" address, unless `webhooksChecked`: PUT checks that in its handler, since an
 * enabled Slack or webhook of the schedule may stand in for email (a new schedule has none yet).
 */
export function scheduleBody(defaultTimezone: string, options: { webhooksChecked?: boolean } = {}) {
  return z
    .strictObject({
      name: headerText(MAX_NAME_LENGTH),
      enabled: z.boolean().default(false),
      ...timingFields(defaultTimezone),
      recipients: recipientsBody.default({ to: [], cc: [], bcc: [] }),
      /** The From name of this schedule's emails (the SMTP settings' name when null). */
      senderName: headerText(MAX_NAME_LENGTH).nullable().default(null),
      emptyPeriodPolicy: z.enum(EMPTY_PERIOD_POLICIES).default('send'),
      /** Each report lists what changed in this schedule's reports of the last 31 days since they were sent. */
      reportChanges: z.boolean().default(true),
      /** A PDF of the report (KPIs, trend, methods, largest payments) goes with the email. */
      attachPdf: z.boolean().default(false),
      pdfPageSize: z.enum(PDF_PAGE_SIZES).default('A4'),
    })
    .superRefine((schedule, context) => {
      if (schedule.enabled && schedule.recipients.to.length === 0 && !options.webhooksChecked) {
        context.addIssue({ code: 'custom', path: ['recipients', 'to'], message: ENABLED_NEEDS_TO });
      }
      addTimingIssues(schedule, context);
    });
}

export type ScheduleBody = z.output<ReturnType<typeof scheduleBody>>;
