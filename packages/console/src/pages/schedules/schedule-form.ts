import type { ErrorDetail } from '../../api/client';
import type { Schedule, ScheduleBody, TimingBody } from './schedule-api';

export type Frequency = ScheduleBody['frequency'];
export type Weekday = NonNullable<ScheduleBody['weekday']>;
export type PeriodMode = NonNullable<ScheduleBody['periodMode']>;
export type EmptyPeriodPolicy = NonNullable<ScheduleBody['emptyPeriodPolicy']>;
export type PdfPageSize = NonNullable<ScheduleBody['pdfPageSize']>;
export type RecipientList = 'to' | 'cc' | 'bcc';

/**
 * The editor's values. Every frequency's own field keeps its value while another frequency is chosen
 * (switching back restores it); only the chosen frequency's field is sent.
 */
export type ScheduleFormValues = {
  name: string;
  enabled: boolean;
  frequency: Frequency;
  weekday: Weekday;
  /** `YYYY-MM-DD`, or '' for "from today" (the API sets it on save). */
  anchorDate: string;
  cronExpression: string;
  sendTime: string;
  timezone: string;
  periodMode: PeriodMode;
  to: string[];
  cc: string[];
  bcc: string[];
  senderName: string;
  emptyPeriodPolicy: EmptyPeriodPolicy;
  reportChanges: boolean;
  attachPdf: boolean;
  pdfPageSize: PdfPageSize;
};

export function newScheduleValues(timezone: string): ScheduleFormValues {
  return {
    name: '',
    enabled: true,
    frequency: 'daily',
    weekday: 'monday',
    anchorDate: '',
    cronExpression: '',
    sendTime: '08:00',
    timezone,
    periodMode: 'previous_days',
    to: [],
    cc: [],
    bcc: [],
    senderName: '',
    emptyPeriodPolicy: 'send',
    reportChanges: true,
    attachPdf: false,
    pdfPageSize: 'A4',
  };
}

export function scheduleValues(schedule: Schedule): ScheduleFormValues {
  return {
    name: schedule.name,
    enabled: schedule.enabled,
    frequency: schedule.frequency,
    weekday: schedule.weekday ?? 'monday',
    anchorDate: schedule.anchorDate ?? '',
    cronExpression: schedule.cronExpression ?? '',
    sendTime: schedule.sendTime,
    timezone: schedule.timezone,
    periodMode: schedule.periodMode,
    to: schedule.recipients.to,
    cc: schedule.recipients.cc,
    bcc: schedule.recipients.bcc,
    senderName: schedule.senderName ?? '',
    emptyPeriodPolicy: schedule.emptyPeriodPolicy,
    reportChanges: schedule.reportChanges,
    attachPdf: schedule.attachPdf,
    pdfPageSize: schedule.pdfPageSize,
  };
}

/** The timing fields as the schedule body names them: the chosen frequency's field, the others null. */
export function timingOf(values: ScheduleFormValues): TimingBody {
  const { frequency } = values;
  return {
    frequency,
    sendTime: values.sendTime,
    timezone: values.timezone,
    cronExpression: frequency === 'cron' ? values.cronExpression : null,
    anchorDate: frequency === 'every_3_days' && values.anchorDate ? values.anchorDate : null,
    weekday: frequency === 'weekly' ? values.weekday : null,
    periodMode: values.periodMode,
  };
}

/** The body of POST and PUT: every editable field (PUT replaces them all). */
export function scheduleBody(values: ScheduleFormValues): ScheduleBody {
  return {
    name: values.name,
    enabled: values.enabled,
    ...timingOf(values),
    recipients: { to: values.to, cc: values.cc, bcc: values.bcc },
    senderName: values.senderName.trim() || null,
    emptyPeriodPolicy: values.emptyPeriodPolicy,
    reportChanges: values.reportChanges,
    attachPdf: values.attachPdf,
    pdfPageSize: values.pdfPageSize,
  };
}

/**
 * zod's email pattern, the one the API checks addresses with: a convenience that refuses a typo as it is
 * typed. The API still decides, and its answer is shown beside the field.
 */
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const MAX_ADDRESS_LENGTH = 254;

/** Why an address would be refused, or null. */
export function addressProblem(address: string): string | null {
  if (address.length > MAX_ADDRESS_LENGTH) return `"${address.slice(0, 40)}…" is longer than 254 characters`;
  return EMAIL.test(address) ? null : `"${address}" is not one email address like owner@shop.example`;
}

const FIELDS: readonly string[] = [
  'name',
  'enabled',
  'frequency',
  'weekday',
  'anchorDate',
  'cronExpression',
  'sendTime',
  'timezone',
  'periodMode',
  'senderName',
  'emptyPeriodPolicy',
  'reportChanges',
  'attachPdf',
  'pdfPageSize',
];
const RECIPIENT = /^(?:body\.)?recipients(?:\.(to|cc|bcc)(?:\.(\d+))?)?$/;

/**
 * The API's field messages as form errors: `body.sendTime` → sendTime, `body.recipients.cc.1` → cc (naming
 * the address), `body.recipients` → to. What names no field of the form is left for an Alert (`rest`), and
 * so is the message when no detail names a field.
 */
export function placeErrors(
  refusal: { message: string; details: ErrorDetail[] },
  values: Pick<ScheduleFormValues, RecipientList>,
): { fields: Record<string, string>; rest: string | null } {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const detail of refusal.details) {
    const field = detail.field.replace(/^body\./, '');
    const recipient = RECIPIENT.exec(detail.field);
    if (recipient) {
      const list = (recipient[1] ?? 'to') as RecipientList;
      const address = recipient[2] === undefined ? undefined : values[list][Number(recipient[2])];
      fields[list] ??= address ? `${address}: ${detail.message}` : detail.message;
    } else if (FIELDS.includes(field)) {
      fields[field] ??= detail.message;
    } else {
      unplaced.push(`${detail.field}: ${detail.message}`);
    }
  }
  if (unplaced.length > 0) return { fields, rest: unplaced.join('; ') };
  return { fields, rest: Object.keys(fields).length > 0 ? null : refusal.message };
}
