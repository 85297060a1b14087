import { reportSchedule } from '@reportmail/db';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ApiFixture, type Caller, createApiFixture } from '../test-fixtures.js';

const MISSING = '00000000-0000-4000-8000-000000000000';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const daily = {
  name: 'Daily sales',
  enabled: true,
  frequency: 'daily',
  timezone: 'Asia/Manila',
  recipients: { to: ['owner@shop.example'] },
};
const addresses = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}@shop.example`);

describe('schedules: who may do what, and what input is refused', () => {
  let fixture: ApiFixture;
  let id: string;
  const call = (caller: Caller, method: Method, url: string, body?: unknown) => fixture.call(caller, method, url, body);
  const scheduleCount = async () => (await fixture.database.db.select({ n: count() }).from(reportSchedule))[0]?.n;

  beforeAll(async () => {
    fixture = await createApiFixture({ SENDS_PER_MINUTE: '1000' });
  });
  afterAll(async () => fixture.close());
  beforeEach(async () => {
    await fixture.database.db.delete(reportSchedule);
    const reply = await call('admin', 'POST', '/v1/schedules', daily);
    id = reply.json().id;
  });

  const routes = (): [Method, string, unknown, 'read' | 'write'][] => [
    ['GET', '/v1/schedules', undefined, 'read'],
    ['GET', `/v1/schedules/${id}`, undefined, 'read'],
    ['GET', `/v1/schedules/${id}/next-runs`, undefined, 'read'],
    ['GET', `/v1/schedules/${id}/preview`, undefined, 'read'],
    ['GET', `/v1/schedules/${id}/preview.xlsx`, undefined, 'read'],
    ['POST', '/v1/schedules/timing', { frequency: 'daily' }, 'read'],
    ['POST', '/v1/schedules', daily, 'write'],
    ['PUT', `/v1/schedules/${id}`, daily, 'write'],
    ['PATCH', `/v1/schedules/${id}`, { enabled: false }, 'write'],
    ['DELETE', `/v1/schedules/${id}`, undefined, 'write'],
    ['POST', `/v1/schedules/${id}/run`, {}, 'write'],
    ['POST', `/v1/schedules/${id}/test`, { to: 'owner@shop.example' }, 'write'],
  ];

  it('answers 401 without a token on every route', async () => {
    const answers = [];
    for (const [method, url, body] of routes()) {
      const reply = await call('anonymous', method, url, body);
      answers.push(`${method} ${url} ${reply.statusCode} ${reply.json().error}`);
    }
    expect(answers).toEqual(routes().map(([method, url]) => `${method} ${url} 401 UNAUTHENTICATED`));
  });

  it('lets a viewer read (schedules, next runs, previews, draft timings) but not write (403, nothing changed)', async () => {
    const answers = [];
    for (const [method, url, body] of routes()) {
      answers.push(`${method} ${url} ${(await call('viewer', method, url, body)).statusCode}`);
    }
    expect(answers).toEqual(routes().map(([method, url, , kind]) => `${method} ${url} ${kind === 'read' ? 200 : 403}`));
    expect(await scheduleCount()).toBe(1);
    expect(await fixture.queues.reports.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 0 });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'CRLF in the sender name',
      { senderName: 'Shop\r\nBcc: thief@evil.example' },
      'body.senderName',
      'must not contain line breaks or control characters',
    ],
    [
      'a line break in the name',
      { name: 'Sales\nBcc: thief@evil.example' },
      'body.name',
      'must not contain line breaks or control characters',
    ],
    ['a name over 120 characters', { name: 'n'.repeat(121) }, 'body.name', 'must be at most 120 characters'],
    [
      'an unknown frequency',
      { frequency: 'hourly' },
      'body.frequency',
      'must be one of daily, every_3_days, weekly, cron',
    ],
    ['a bad send time', { sendTime: '9:60' }, 'body.sendTime', 'expected HH:MM (00:00–23:59), got "9:60"'],
    [
      'an unknown time zone',
      { timezone: 'Mars/Olympus' },
      'body.timezone',
      'unknown IANA time zone "Mars/Olympus" (e.g. Asia/Manila)',
    ],
    [
      'cron without an expression',
      { frequency: 'cron' },
      'body.cronExpression',
      'is required for cron schedules, e.g. "0 9 * * 1-5"',
    ],
    [
      'a cron seconds field',
      { frequency: 'cron', cronExpression: '0 0 9 * * *' },
      'body.cronExpression',
      'must have exactly 5 fields: minute hour day-of-month month day-of-week (no seconds, no @aliases)',
    ],
    [
      'an invalid cron expression',
      { frequency: 'cron', cronExpression: '0 25 * * *' },
      'body.cronExpression',
      'Constraint error, got value 25 expected range 0-23',
    ],
    [
      'cron every 10 minutes',
      { frequency: 'cron', cronExpression: '*/10 * * * *' },
      'body.cronExpression',
      'runs 10 minutes apart at times: runs must be at least 15 minutes apart',
    ],
    [
      'weekly without a weekday',
      { frequency: 'weekly' },
      'body.weekday',
      'is required for weekly schedules: one of monday, tuesday, wednesday, thursday, friday, saturday, sunday',
    ],
    [
      'weekly with an anchor date',
      { frequency: 'weekly', weekday: 'monday', anchorDate: '2026-03-02' },
      'body.anchorDate',
      'is not used by weekly schedules: name the run day in weekday instead (e.g. "monday")',
    ],
    [
      'a weekday on a daily schedule',
      { weekday: 'monday' },
      'body.weekday',
      'is only used by weekly schedules: leave it out or send null',
    ],
    [
      'to date at 00:00',
      { periodMode: 'to_date', sendTime: '00:00' },
      'body.sendTime',
      'is 00:00 with periodMode "to_date": the period would end as its last day begins, so that day is empty ' +
        '(a daily report covers nothing). Send later in the day, or use periodMode "previous_days" to report ' +
        'the whole days before 00:00',
    ],
    [
      'every 3 days with a bad anchor',
      { frequency: 'every_3_days', anchorDate: '2026-13-01' },
      'body.anchorDate',
      'expected a calendar date as YYYY-MM-DD, got "2026-13-01"',
    ],
    [
      'an unknown period mode',
      { periodMode: 'month_to_date' },
      'body.periodMode',
      'must be one of previous_days, to_date',
    ],
    [
      'an unknown empty-period policy',
      { emptyPeriodPolicy: 'drop' },
      'body.emptyPeriodPolicy',
      'must be one of send, skip, note',
    ],
    [
      'an address with a header',
      { recipients: { to: ['a@shop.example\r\nBcc: thief@evil.example'] } },
      'body.recipients.to.0',
      'must not contain line breaks or control characters',
    ],
    [
      '51 addresses',
      { recipients: { to: addresses('t', 26), bcc: addresses('b', 25) } },
      'body.recipients',
      'at most 50 different addresses in to, cc and bcc together',
    ],
    [
      'enabled without a to',
      { recipients: { cc: ['books@shop.example'] } },
      'body.recipients.to',
      'needs at least one address while the schedule is enabled',
    ],
    ['an unknown field', { ownerId: 1 }, 'body.ownerId', 'is not a field of this request'],
  ])('refuses %s on create and replace, naming %s, saving nothing', async (_name, patch, field, message) => {
    const body = { ...daily, ...patch };
    const created = await call('admin', 'POST', '/v1/schedules', body);
    expect([created.statusCode, created.json()]).toEqual([
      400,
      { error: 'VALIDATION', message: `${field}: ${message}`, details: [{ field, message }] },
    ]);
    const replaced = await call('admin', 'PUT', `/v1/schedules/${id}`, body);
    expect([replaced.statusCode, replaced.json().details]).toEqual([400, [{ field, message }]]);
    expect(await scheduleCount()).toBe(1);
    expect((await call('admin', 'GET', `/v1/schedules/${id}`)).json().name).toBe('Daily sales');
  });

  it('keeps 50 addresses, each once, to before cc before bcc', async () => {
    const recipients = {
      to: addresses('t', 20),
      cc: [...addresses('c', 30), 'T0@shop.example'],
      bcc: ['C1@SHOP.example'],
    };
    const reply = await call('admin', 'PUT', `/v1/schedules/${id}`, { ...daily, recipients });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().recipients).toEqual({ to: addresses('t', 20), cc: addresses('c', 30), bcc: [] });
  });
  it('answers 404 for an unknown schedule and 400 for an id that is not a UUID', async () => {
    for (const [method, body] of [['GET'], ['PUT', daily], ['PATCH', { enabled: false }], ['DELETE']] as const) {
      const reply = await call('admin', method, `/v1/schedules/${MISSING}`, body);
      expect([method, reply.statusCode, reply.json().error]).toEqual([method, 404, 'NOT_FOUND']);
    }
    const reply = await call('admin', 'GET', '/v1/schedules/not-a-uuid');
    expect([reply.statusCode, reply.json().details]).toEqual([
      400,
      [{ field: 'params.id', message: 'must be a UUID' }],
    ]);
  });

  it('lists schedules by name, a page at a time, optionally only enabled or disabled ones', async () => {
    await fixture.database.db.delete(reportSchedule);
    for (const [name, enabled] of [
      ['Charlie', true],
      ['alpha', false],
      ['Bravo', true],
    ] as const) {
      expect((await call('admin', 'POST', '/v1/schedules', { ...daily, name, enabled })).statusCode).toBe(201);
    }
    const list = async (query: string) => {
      const reply = await call('viewer', 'GET', `/v1/schedules${query}`);
      expect(reply.statusCode, reply.body).toBe(200);
      const { items, ...rest } = reply.json();
      return { names: items.map((item: { name: string }) => item.name), ...rest };
    };
    expect(await list('')).toEqual({ names: ['alpha', 'Bravo', 'Charlie'], page: 1, pageSize: 20, total: 3 });
    expect(await list('?page=2&pageSize=2')).toEqual({ names: ['Charlie'], page: 2, pageSize: 2, total: 3 });
    expect(await list('?enabled=true')).toEqual({ names: ['Bravo', 'Charlie'], page: 1, pageSize: 20, total: 2 });
    expect(await list('?enabled=false')).toEqual({ names: ['alpha'], page: 1, pageSize: 20, total: 1 });
    const bad = await call('viewer', 'GET', '/v1/schedules?enabled=yes&pageSize=101');
    expect(
      bad
        .json()
        .details.map((detail: { field: string }) => detail.field)
        .sort(),
    ).toEqual(['querystring.enabled', 'querystring.pageSize']);
  });
});
