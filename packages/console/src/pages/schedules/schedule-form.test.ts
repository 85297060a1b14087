import { describe, expect, it } from 'vitest';
import {
  addressProblem,
  newScheduleValues,
  placeErrors,
  type ScheduleFormValues,
  scheduleBody,
  timingOf,
} from './schedule-form';
import { periodModeLabel } from './words';

const values = (overrides: Partial<ScheduleFormValues> = {}): ScheduleFormValues => ({
  ...newScheduleValues('Asia/Manila'),
  name: 'Weekly sales',
  weekday: 'friday',
  anchorDate: '2026-12-01',
  cronExpression: '0 8 * * 1-5',
  to: ['owner@shop.example'],
  ...overrides,
});

describe('timingOf', () => {
  it.each<[ScheduleFormValues['frequency'], Record<string, string | null>]>([
    ['daily', { cronExpression: null, anchorDate: null, weekday: null }],
    ['every_3_days', { cronExpression: null, anchorDate: '2026-12-01', weekday: null }],
    ['weekly', { cronExpression: null, anchorDate: null, weekday: 'friday' }],
    ['cron', { cronExpression: '0 8 * * 1-5', anchorDate: null, weekday: null }],
  ])('sends only %s’s own field', (frequency, fields) => {
    expect(timingOf(values({ frequency }))).toEqual({
      frequency,
      sendTime: '08:00',
      timezone: 'Asia/Manila',
      periodMode: 'previous_days',
      ...fields,
    });
  });

  it('leaves a blank anchor out (the API counts from today)', () => {
    expect(timingOf(values({ frequency: 'every_3_days', anchorDate: '' })).anchorDate).toBeNull();
  });
});

describe('scheduleBody', () => {
  it('carries every editable field (PUT replaces them all); a blank sender name is none', () => {
    expect(scheduleBody(values({ frequency: 'weekly', cc: ['books@shop.example'], senderName: '  ' }))).toEqual({
      name: 'Weekly sales',
      enabled: true,
      frequency: 'weekly',
      sendTime: '08:00',
      timezone: 'Asia/Manila',
      cronExpression: null,
      anchorDate: null,
      weekday: 'friday',
      periodMode: 'previous_days',
      recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'], bcc: [] },
      senderName: null,
      emptyPeriodPolicy: 'send',
      reportChanges: true,
      attachPdf: false,
      pdfPageSize: 'A4',
    });
  });
});

describe('addressProblem', () => {
  it.each<[string, string | null]>([
    ['owner@shop.example', null],
    ['first.last+reports@mail.shop.example', null],
    ['owner', '"owner" is not one email address like owner@shop.example'],
    ['owner@shop', '"owner@shop" is not one email address like owner@shop.example'],
    ['Owner <owner@shop.example>', '"Owner <owner@shop.example>" is not one email address like owner@shop.example'],
    [`${'a'.repeat(250)}@x.example`, `"${'a'.repeat(40)}…" is longer than 254 characters`],
  ])('%s', (address, problem) => {
    expect(addressProblem(address)).toBe(problem);
  });
});

describe('placeErrors', () => {
  const refusal = (details: { field: string; message: string }[]) => ({
    message: details.length > 0 ? details.map((d) => `${d.field}: ${d.message}`).join('; ') : 'Invalid request',
    details,
  });
  const lists = { to: ['a@shop.example', 'b@shop.example'], cc: ['c@shop.example'], bcc: [] };

  it.each<[string, { field: string; message: string }[], Record<string, string>, string | null]>([
    [
      'timing fields, beside their inputs',
      [
        { field: 'body.sendTime', message: 'expected HH:MM' },
        { field: 'body.cronExpression', message: 'bad' },
      ],
      { sendTime: 'expected HH:MM', cronExpression: 'bad' },
      null,
    ],
    [
      'an address, named, beside its list',
      [{ field: 'body.recipients.cc.0', message: 'must be one email address' }],
      { cc: 'c@shop.example: must be one email address' },
      null,
    ],
    [
      'the recipients as a whole, beside To',
      [{ field: 'body.recipients', message: 'at most 50 different addresses' }],
      { to: 'at most 50 different addresses' },
      null,
    ],
    [
      'a list, beside it',
      [{ field: 'body.recipients.to', message: 'needs at least one address' }],
      { to: 'needs at least one address' },
      null,
    ],
    [
      'a field the form does not have, in the alert',
      [
        { field: 'body.name', message: 'must not be empty' },
        { field: 'body.extra', message: 'is not a field of this request' },
      ],
      { name: 'must not be empty' },
      'body.extra: is not a field of this request',
    ],
    ['no details: the message, in the alert', [], {}, 'Invalid request'],
  ])('places %s', (_name, details, fields, rest) => {
    expect(placeErrors(refusal(details), lists)).toEqual({ fields, rest });
  });
});

describe('periodModeLabel', () => {
  it.each([
    ['previous_days', 'daily', 'The day before the send'],
    ['previous_days', 'every_3_days', 'The 3 days before the send day'],
    ['previous_days', 'weekly', 'The 7 days before the send day'],
    ['to_date', 'daily', 'Today up to the send time'],
    ['to_date', 'every_3_days', 'Today up to the send time, and the 2 days before it'],
    ['to_date', 'weekly', 'Today up to the send time, and the 6 days before it'],
  ] as const)('%s %s', (mode, frequency, label) => {
    expect(periodModeLabel(mode, frequency)).toBe(label);
  });
});
