import { describe, expect, it } from 'vitest';
import { dedupeRecipients, scheduleBody } from './schedule-body.js';

const body = scheduleBody('Asia/Manila');
const valid = { name: 'Daily sales', frequency: 'daily', recipients: { to: ['owner@shop.example'] } };
const addresses = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}@shop.example`);

/** `field: message` of every problem with the body (the route prefixes `body.`). */
function problems(patch: Record<string, unknown>): string[] {
  const result = body.safeParse({ ...valid, ...patch });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the schedule body', () => {
  it('fills in the defaults', () => {
    expect(body.parse(valid)).toEqual({
      name: 'Daily sales',
      enabled: false,
      frequency: 'daily',
      sendTime: '09:00',
      timezone: 'Asia/Manila',
      cronExpression: null,
      anchorDate: null,
      weekday: null,
      periodMode: 'previous_days',
      recipients: { to: ['owner@shop.example'], cc: [], bcc: [] },
      senderName: null,
      emptyPeriodPolicy: 'send',
      reportChanges: true,
      attachPdf: false,
      pdfPageSize: 'A4',
    });
  });

  it('keeps each address once, in its most visible list, whatever its case', () => {
    const recipients = {
      to: ['A@Shop.example', 'a@shop.example'],
      cc: ['a@SHOP.example', 'b@shop.example'],
      bcc: ['B@shop.example', 'c@shop.example', 'C@shop.example'],
    };
    expect(body.parse({ ...valid, recipients }).recipients).toEqual({
      to: ['a@shop.example'],
      cc: ['b@shop.example'],
      bcc: ['c@shop.example'],
    });
    expect(dedupeRecipients({ to: [], cc: ['x@shop.example'], bcc: ['x@shop.example'] })).toEqual({
      to: [],
      cc: ['x@shop.example'],
      bcc: [],
    });
  });

  it('accepts 50 different addresses, counted after duplicates are dropped', () => {
    const recipients = { to: addresses('t', 30), cc: [...addresses('c', 20), 't0@shop.example'] };
    expect(problems({ recipients })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'CRLF in the name',
      { name: 'Sales\r\nBcc: x@evil.example' },
      ['name: must not contain line breaks or control characters'],
    ],
    [
      'CRLF in the sender name',
      { senderName: 'Shop\r\nBcc: x@evil.example' },
      ['senderName: must not contain line breaks or control characters'],
    ],
    ['a tab in the name', { name: 'Sales\treport' }, ['name: must not contain line breaks or control characters']],
    [
      'a name over 120 characters',
      { name: 'x'.repeat(121) },
      ['name: Too big: expected string to have <=120 characters'],
    ],
    ['no name', { name: undefined }, ['name: Invalid input: expected string, received undefined']],
    [
      'an unknown frequency',
      { frequency: 'hourly' },
      ['frequency: Invalid option: expected one of "daily"|"every_3_days"|"weekly"|"cron"'],
    ],
    ['an unknown field', { extra: 1 }, [': Unrecognized key: "extra"']],
    [
      'an unknown recipients field',
      { recipients: { to: ['a@shop.example'], reply: [] } },
      ['recipients: Unrecognized key: "reply"'],
    ],
    [
      'an address with a header after it',
      { recipients: { to: ['owner@shop.example\r\nBcc: x@evil.example'] } },
      ['recipients.to.0: must be one email address like owner@shop.example'],
    ],
    [
      'a display name',
      { recipients: { to: ['Owner <owner@shop.example>'] } },
      ['recipients.to.0: must be one email address like owner@shop.example'],
    ],
    [
      '51 addresses',
      { recipients: { to: addresses('t', 30), cc: addresses('c', 21) } },
      ['recipients: at most 50 different addresses in to, cc and bcc together'],
    ],
    [
      'enabled without a to',
      { enabled: true, recipients: { cc: ['a@shop.example'] } },
      ['recipients.to: needs at least one address while the schedule is enabled'],
    ],
    [
      'a send time without its leading zero',
      { sendTime: '9:00' },
      ['sendTime: expected HH:MM (00:00–23:59), got "9:00"'],
    ],
    ['24:00', { sendTime: '24:00' }, ['sendTime: expected HH:MM (00:00–23:59), got "24:00"']],
    [
      'an unknown zone',
      { timezone: 'Mars/Olympus' },
      ['timezone: unknown IANA time zone "Mars/Olympus" (e.g. Asia/Manila)'],
    ],
    [
      'weekly without a weekday',
      { frequency: 'weekly' },
      [
        'weekday: is required for weekly schedules: one of monday, tuesday, wednesday, thursday, friday, saturday, sunday',
      ],
    ],
    [
      'weekly with an anchor date instead of a weekday',
      { frequency: 'weekly', anchorDate: '2026-03-02' },
      [
        'weekday: is required for weekly schedules: one of monday, tuesday, wednesday, thursday, friday, saturday, sunday',
        'anchorDate: is not used by weekly schedules: name the run day in weekday instead (e.g. "monday")',
      ],
    ],
    [
      'weekly with both',
      { frequency: 'weekly', weekday: 'monday', anchorDate: '2026-03-02' },
      ['anchorDate: is not used by weekly schedules: name the run day in weekday instead (e.g. "monday")'],
    ],
    [
      'a weekday that is not one',
      { frequency: 'weekly', weekday: 'Mon' },
      [
        'weekday: Invalid option: expected one of "monday"|"tuesday"|"wednesday"|"thursday"|"friday"|"saturday"|"sunday"',
      ],
    ],
    [
      'an ISO weekday number',
      { frequency: 'weekly', weekday: 1 },
      [
        'weekday: Invalid option: expected one of "monday"|"tuesday"|"wednesday"|"thursday"|"friday"|"saturday"|"sunday"',
      ],
    ],
    [
      'a weekday on a daily schedule',
      { weekday: 'monday' },
      ['weekday: is only used by weekly schedules: leave it out or send null'],
    ],
    [
      'a weekday on an every_3_days schedule',
      { frequency: 'every_3_days', weekday: 'friday' },
      ['weekday: is only used by weekly schedules: leave it out or send null'],
    ],
    [
      'an anchor that does not exist',
      { frequency: 'every_3_days', anchorDate: '2026-02-30' },
      ['anchorDate: expected a calendar date as YYYY-MM-DD, got "2026-02-30"'],
    ],
    [
      'an ISO week as anchor',
      { frequency: 'every_3_days', anchorDate: '2026-W10' },
      ['anchorDate: expected a calendar date as YYYY-MM-DD, got "2026-W10"'],
    ],
    [
      'an anchor on a daily schedule',
      { anchorDate: '2026-03-01' },
      ['anchorDate: is only used by every_3_days schedules: leave it out or send null'],
    ],
    [
      'cron without an expression',
      { frequency: 'cron' },
      ['cronExpression: is required for cron schedules, e.g. "0 9 * * 1-5"'],
    ],
    [
      'a cron expression on a daily schedule',
      { cronExpression: '0 9 * * *' },
      ['cronExpression: is only used by cron schedules: leave it out or send null'],
    ],
    [
      'a seconds field',
      { frequency: 'cron', cronExpression: '0 0 9 * * *' },
      [
        'cronExpression: must have exactly 5 fields: minute hour day-of-month month day-of-week (no seconds, no @aliases)',
      ],
    ],
    [
      'an @alias',
      { frequency: 'cron', cronExpression: '@daily' },
      [
        'cronExpression: must have exactly 5 fields: minute hour day-of-month month day-of-week (no seconds, no @aliases)',
      ],
    ],
    [
      'a random H minute',
      { frequency: 'cron', cronExpression: 'H 9 * * *' },
      ['cronExpression: must not use H (a random time): name the minutes and hours'],
    ],
    [
      'minute 61',
      { frequency: 'cron', cronExpression: '61 9 * * *' },
      ['cronExpression: Constraint error, got value 61 expected range 0-59'],
    ],
    [
      'February 30',
      { frequency: 'cron', cronExpression: '0 0 30 2 *' },
      ['cronExpression: Invalid explicit day of month definition'],
    ],
    [
      'every 5 minutes',
      { frequency: 'cron', cronExpression: '*/5 * * * *' },
      ['cronExpression: runs 5 minutes apart at times: runs must be at least 15 minutes apart'],
    ],
    [
      'two runs 10 minutes apart a day',
      { frequency: 'cron', cronExpression: '0,10 9 * * *' },
      ['cronExpression: runs 10 minutes apart at times: runs must be at least 15 minutes apart'],
    ],
    [
      ':50 and the next hour’s :00',
      { frequency: 'cron', cronExpression: '0,50 * * * *' },
      ['cronExpression: runs 10 minutes apart at times: runs must be at least 15 minutes apart'],
    ],
    [
      '23:55 and the next day’s 00:00',
      { frequency: 'cron', cronExpression: '0,55 0,23 * * *' },
      ['cronExpression: runs 5 minutes apart at times: runs must be at least 15 minutes apart'],
    ],
    [
      'a bad send time on a cron schedule',
      { frequency: 'cron', cronExpression: '0 9 * * 1-5', sendTime: '25:00' },
      ['sendTime: expected HH:MM (00:00–23:59), got "25:00"'],
    ],
  ])('refuses %s, naming the field', (_name, patch, expected) => {
    expect(problems(patch)).toEqual(expected);
  });

  it.each([
    ['every 15 minutes', '*/15 * * * *'],
    ['weekdays at 09:00', '0 9 * * 1-5'],
    ['Thursdays by name', '0 9 * * THU'],
    ['the last day of the month', '0 9 L * *'],
    ['February 29', '0 0 29 2 *'],
  ])('accepts cron %s', (_name, cronExpression) => {
    expect(problems({ frequency: 'cron', cronExpression })).toEqual([]);
  });

  it('accepts every_3_days with or without an anchor, weekly with a weekday, and an empty cron expression as none', () => {
    expect(problems({ frequency: 'every_3_days', anchorDate: '2026-02-24' })).toEqual([]);
    expect(problems({ frequency: 'every_3_days' })).toEqual([]);
    expect(problems({ frequency: 'weekly', weekday: 'sunday', timezone: 'America/New_York' })).toEqual([]);
    expect(body.parse({ ...valid, cronExpression: '  ' }).cronExpression).toBeNull();
  });

  const AT_MIDNIGHT =
    'sendTime: is 00:00 with periodMode "to_date": the period would end as its last day begins, so that day is ' +
    'empty (a daily report covers nothing). Send later in the day, or use periodMode "previous_days" to report ' +
    'the whole days before 00:00';

  it.each<[string, Record<string, unknown>, string[]]>([
    ['daily to date at 00:00', { periodMode: 'to_date', sendTime: '00:00' }, [AT_MIDNIGHT]],
    [
      'every 3 days to date at 00:00',
      { frequency: 'every_3_days', periodMode: 'to_date', sendTime: '00:00' },
      [AT_MIDNIGHT],
    ],
    [
      'weekly to date at 00:00',
      { frequency: 'weekly', weekday: 'monday', periodMode: 'to_date', sendTime: '00:00' },
      [AT_MIDNIGHT],
    ],
    ['daily to date at 00:01', { periodMode: 'to_date', sendTime: '00:01' }, []],
    ['daily of the previous day at 00:00', { periodMode: 'previous_days', sendTime: '00:00' }, []],
    // Cron reports on the span since its previous run, whatever the period mode says.
    [
      'cron at midnight',
      { frequency: 'cron', cronExpression: '0 0 * * *', periodMode: 'to_date', sendTime: '00:00' },
      [],
    ],
  ])('%s', (_name, patch, expected) => {
    expect(problems(patch)).toEqual(expected);
  });
});
