import { auditLog, reportSchedule } from '@reportmail/db';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

type Run = { at: string; local: string; start: string; end: string; label: string; preview: string | null };

/** A run as the reply shows it; `preview` is `from…to` or null. */
const run = (timezone: string, subjectTitle: string, { at, local, start, end, label, preview }: Run) => ({
  at,
  local,
  period: { start, end, label, timezone },
  subject: `${subjectTitle} - ${label}`,
  preview: preview ? { from: preview.slice(0, 10), to: preview.slice(-10) } : null,
});

describe('POST /v1/schedules/timing: what an unsaved timing means', () => {
  let fixture: ApiFixture;
  const draft = (body: Record<string, unknown>, caller: 'admin' | 'viewer' = 'viewer') =>
    fixture.call(caller, 'POST', '/v1/schedules/timing', body);

  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(async () => fixture.close());

  it('weekly on Monday 08:00 in Manila: words, runs with periods and subjects, what a send now covers', async () => {
    const body = { frequency: 'weekly', weekday: 'monday', sendTime: '08:00', timezone: 'Asia/Manila' };
    // Tuesday Mar 3, 2026, 08:00 in Manila.
    const reply = await draft({ ...body, count: 2, after: '2026-03-03T00:00:00Z' });
    expect([reply.statusCode, reply.json()]).toEqual([
      200,
      {
        description: 'Weekly on Monday at 08:00, Asia/Manila',
        runs: [
          // Its days have begun (Mar 2 is yesterday): the preview routes show them so far.
          {
            at: '2026-03-09T00:00:00.000Z',
            local: '2026-03-09 08:00',
            start: '2026-03-01T16:00:00.000Z',
            end: '2026-03-08T16:00:00.000Z',
            label: 'Mar 2 – Mar 8, 2026',
            preview: '2026-03-02…2026-03-08',
          },
          // Starts next Monday: nothing to preview yet.
          {
            at: '2026-03-16T00:00:00.000Z',
            local: '2026-03-16 08:00',
            start: '2026-03-08T16:00:00.000Z',
            end: '2026-03-15T16:00:00.000Z',
            label: 'Mar 9 – Mar 15, 2026',
            preview: null,
          },
        ].map((each) => run('Asia/Manila', 'Weekly Sales Report', each)),
        sendNow: {
          start: '2026-02-23T16:00:00.000Z',
          end: '2026-03-02T16:00:00.000Z',
          label: 'Feb 24 – Mar 2, 2026',
          timezone: 'Asia/Manila',
        },
      },
    ]);
  });

  it('daily 02:30 to date in New York across the spring-forward gap (Mar 8, 2026: 02:30 does not exist)', async () => {
    const body = { frequency: 'daily', sendTime: '02:30', timezone: 'America/New_York', periodMode: 'to_date' };
    const reply = await draft({ ...body, count: 3, after: '2026-03-07T08:00:00Z' });
    expect([reply.statusCode, reply.json()]).toEqual([
      200,
      {
        description: 'Daily at 02:30, America/New_York',
        runs: [
          // The first valid minute after the gap; the day began at 00:00 EST.
          {
            at: '2026-03-08T07:00:00.000Z',
            local: '2026-03-08 03:00',
            start: '2026-03-08T05:00:00.000Z',
            end: '2026-03-08T07:00:00.000Z',
            label: 'Mar 8, 2026 (to 03:00)',
            preview: null,
          },
          // From here on EDT: midnight is 04:00 UTC.
          {
            at: '2026-03-09T06:30:00.000Z',
            local: '2026-03-09 02:30',
            start: '2026-03-09T04:00:00.000Z',
            end: '2026-03-09T06:30:00.000Z',
            label: 'Mar 9, 2026 (to 02:30)',
            preview: null,
          },
          {
            at: '2026-03-10T06:30:00.000Z',
            local: '2026-03-10 02:30',
            start: '2026-03-10T04:00:00.000Z',
            end: '2026-03-10T06:30:00.000Z',
            label: 'Mar 10, 2026 (to 02:30)',
            preview: null,
          },
        ].map((each) => run('America/New_York', 'Daily Sales Report', each)),
        sendNow: {
          start: '2026-03-07T05:00:00.000Z',
          end: '2026-03-07T08:00:00.000Z',
          label: 'Mar 7, 2026 (to 03:00)',
          timezone: 'America/New_York',
        },
      },
    ]);
  });

  it('the day before each send in New York: the 23-hour day of the change is whole local days too', async () => {
    const body = { frequency: 'daily', sendTime: '09:00', timezone: 'America/New_York', count: 2 };
    const reply = await draft({ ...body, after: '2026-03-08T12:00:00Z' });
    expect(reply.json().runs).toEqual(
      [
        {
          at: '2026-03-08T13:00:00.000Z',
          local: '2026-03-08 09:00',
          start: '2026-03-07T05:00:00.000Z',
          end: '2026-03-08T05:00:00.000Z',
          label: 'Mar 7, 2026',
          preview: '2026-03-07…2026-03-07',
        },
        // Today (Mar 8, 23 hours long) is what tomorrow's send covers: it may be previewed so far.
        {
          at: '2026-03-09T13:00:00.000Z',
          local: '2026-03-09 09:00',
          start: '2026-03-08T05:00:00.000Z',
          end: '2026-03-09T04:00:00.000Z',
          label: 'Mar 8, 2026',
          preview: '2026-03-08…2026-03-08',
        },
      ].map((each) => run('America/New_York', 'Daily Sales Report', each)),
    );
  });

  it('cron: the span since the previous run, in words from the expression', async () => {
    const body = { frequency: 'cron', cronExpression: '0 9,17 * * 1-5', timezone: 'Asia/Manila', count: 2 };
    // Friday Mar 6, 2026, 18:00 in Manila.
    const reply = await draft({ ...body, after: '2026-03-06T10:00:00Z' });
    expect([reply.statusCode, reply.json()]).toEqual([
      200,
      {
        description: 'At 09:00 and 17:00, Monday through Friday (Asia/Manila)',
        runs: [
          {
            at: '2026-03-09T01:00:00.000Z',
            local: '2026-03-09 09:00',
            start: '2026-03-06T09:00:00.000Z',
            end: '2026-03-09T01:00:00.000Z',
            label: 'Mar 6, 17:00 – Mar 9, 2026, 09:00',
            preview: null,
          },
          {
            at: '2026-03-09T09:00:00.000Z',
            local: '2026-03-09 17:00',
            start: '2026-03-09T01:00:00.000Z',
            end: '2026-03-09T09:00:00.000Z',
            label: 'Mar 9, 09:00 – Mar 9, 2026, 17:00',
            preview: null,
          },
        ].map((each) => run('Asia/Manila', 'Sales Report', each)),
        sendNow: {
          start: '2026-03-06T09:00:00.000Z',
          end: '2026-03-06T10:00:00.000Z',
          label: 'Mar 6, 17:00 – Mar 6, 2026, 18:00',
          timezone: 'Asia/Manila',
        },
      },
    ]);
  });

  it('takes the schedule body’s defaults: every 3 days counts from the day asked about, at 09:00, five runs', async () => {
    const reply = await draft({ frequency: 'every_3_days', after: '2026-11-30T20:00:00Z' });
    const { description, runs } = reply.json();
    expect(description).toBe('Every 3 days from 2026-12-01 at 09:00, Asia/Manila');
    expect(runs.map((each: { local: string }) => each.local)).toEqual([
      '2026-12-01 09:00',
      '2026-12-04 09:00',
      '2026-12-07 09:00',
      '2026-12-10 09:00',
      '2026-12-13 09:00',
    ]);
    expect(runs[0].subject).toBe('Every 3 Days Sales Report - Nov 28 – Nov 30, 2026');
  });

  it.each<[string, Record<string, unknown>, { field: string; message: string }[]]>([
    [
      'a cron expression with minute 61',
      { frequency: 'cron', cronExpression: '61 9 * * *' },
      [{ field: 'body.cronExpression', message: 'Constraint error, got value 61 expected range 0-59' }],
    ],
    [
      'a cron expression every 5 minutes',
      { frequency: 'cron', cronExpression: '*/5 * * * *' },
      [
        {
          field: 'body.cronExpression',
          message: 'runs 5 minutes apart at times: runs must be at least 15 minutes apart',
        },
      ],
    ],
    [
      'an unknown zone',
      { frequency: 'daily', timezone: 'Mars/Olympus' },
      [{ field: 'body.timezone', message: 'unknown IANA time zone "Mars/Olympus" (e.g. Asia/Manila)' }],
    ],
    [
      'weekly without a weekday',
      { frequency: 'weekly' },
      [
        {
          field: 'body.weekday',
          message:
            'is required for weekly schedules: one of monday, tuesday, wednesday, thursday, friday, saturday, sunday',
        },
      ],
    ],
    [
      'to date at 00:00',
      { frequency: 'daily', sendTime: '00:00', periodMode: 'to_date' },
      [
        {
          field: 'body.sendTime',
          message:
            'is 00:00 with periodMode "to_date": the period would end as its last day begins, so that day is ' +
            'empty (a daily report covers nothing). Send later in the day, or use periodMode "previous_days" to ' +
            'report the whole days before 00:00',
        },
      ],
    ],
    ['11 runs', { frequency: 'daily', count: 11 }, [{ field: 'body.count', message: 'must be at most 10' }]],
    [
      'a field that is not timing',
      { frequency: 'daily', name: 'Daily' },
      [{ field: 'body.name', message: 'is not a field of this request' }],
    ],
  ])('refuses %s, naming the field as the schedule body does', async (_name, body, details) => {
    const reply = await draft(body);
    expect([reply.statusCode, reply.json().details]).toEqual([400, details]);
  });

  it('lets any signed-in user ask, writes nothing, and leaves /v1/schedules/:id routes alone', async () => {
    expect((await draft({ frequency: 'daily' }, 'admin')).statusCode).toBe(200);
    expect((await fixture.call('anonymous', 'POST', '/v1/schedules/timing', { frequency: 'daily' })).statusCode).toBe(
      401,
    );
    const [schedules] = await fixture.database.db.select({ n: count() }).from(reportSchedule);
    const [audits] = await fixture.database.db.select({ n: count() }).from(auditLog);
    expect([schedules?.n, audits?.n]).toEqual([0, 0]);
    // "timing" is not a schedule id: the other methods still answer as /v1/schedules/:id.
    const put = await fixture.call('admin', 'PUT', '/v1/schedules/timing', { frequency: 'daily' });
    expect([put.statusCode, put.json().details]).toEqual([400, [{ field: 'params.id', message: 'must be a UUID' }]]);
  });
});
