import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, type Caller, createApiFixture } from './test-fixtures.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
type Expected = { status: number; field?: string; message?: string };

const weekly = { frequency: 'weekly', weekday: 'monday' };
const timings: Record<string, object> = {
  daily: { frequency: 'daily' },
  weekly,
  every_3_days: { frequency: 'every_3_days', anchorDate: '2026-03-02' },
  cron: { frequency: 'cron', cronExpression: '0 9 * * 1-5' },
};

/** Error-level log lines (pino level 50 and up). */
const errorLines = (fixture: ApiFixture) =>
  fixture.logs.flatMap((chunk) => chunk.split('\n')).filter((line) => /"level":(50|60)/.test(line));

/**
 * Input found by fuzzing the API from outside: dates far outside any shop's records, NUL and other control
 * characters. Each once hung the process or answered 500; each is now a quick 400 naming its field.
 */
describe('edge input: extreme dates and control characters', () => {
  let fixture: ApiFixture;
  const ids: Record<string, string> = {};

  /** One request, timed: every answer here must be a quick one, in the one error shape. */
  const timedCall = async (caller: Caller, method: Method, url: string, body?: unknown) => {
    const started = performance.now();
    const reply = await fixture.call(caller, method, url, body);
    const ms = performance.now() - started;
    expect(ms, `${method} ${url} took ${Math.round(ms)} ms`).toBeLessThan(2_000);
    return reply;
  };
  const expectAnswer = async (caller: Caller, method: Method, url: string, body: unknown, expected: Expected) => {
    const reply = await timedCall(caller, method, url, body);
    const json = reply.json();
    const got: Expected = { status: reply.statusCode };
    if (expected.field) got.field = json.details?.[0]?.field;
    if (expected.message) got.message = json.details?.[0]?.message;
    expect(got, `${method} ${url} → ${reply.body.slice(0, 300)}`).toEqual(expected);
    if (reply.statusCode >= 400) expect(Object.keys(json).sort()).toEqual(['details', 'error', 'message']);
  };

  beforeAll(async () => {
    fixture = await createApiFixture({ LOGIN_ATTEMPTS_PER_15_MIN: '1000' });
    for (const [name, timing] of Object.entries(timings)) {
      const body = {
        name,
        enabled: true,
        timezone: 'Asia/Manila',
        recipients: { to: ['owner@shop.example'] },
        ...timing,
      };
      const reply = await fixture.call('admin', 'POST', '/v1/schedules', body);
      expect(reply.statusCode, reply.body).toBe(201);
      ids[name] = reply.json().id;
    }
  });
  afterAll(async () => fixture.close());

  // Year 0 in Asia/Manila (local mean time, -15:56) once sent nextRuns into an endless loop: one viewer's
  // request took the whole API down.
  it.each(Object.keys(timings))('next runs of a %s schedule from an extreme instant: 400 at once', async (name) => {
    for (const after of [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '1969-12-31T23:59:59Z',
    ]) {
      const url = `/v1/schedules/${ids[name]}/next-runs?after=${encodeURIComponent(after)}`;
      await expectAnswer('viewer', 'GET', url, undefined, { status: 400, field: 'querystring.after' });
    }
  });

  it('answers for the first accepted day, whose previous period lies before it', async () => {
    for (const name of Object.keys(timings)) {
      const urls = [
        `/v1/schedules/${ids[name]}/next-runs?after=1970-01-01T00:00:00Z`,
        `/v1/schedules/${ids[name]}/preview?from=1970-01-01&to=1970-01-01`,
      ];
      // Not timed: the first preview of a run loads the email renderer, which a loaded machine may take seconds for.
      for (const url of urls) expect((await fixture.call('viewer', 'GET', url)).statusCode, url).toBe(200);
    }
    const data = await fixture.call('viewer', 'GET', '/v1/report-data?from=1970-01-01&tz=Pacific/Kiritimati');
    // Kiritimati kept -10:40 until 1994: local midnight of the first day is 10:40 UTC.
    expect([data.statusCode, data.json().period.start]).toEqual([200, '1970-01-01T10:40:00.000Z']);
  });

  it('lists next runs up to the end of the accepted days (2199), no further', async () => {
    const url = `/v1/schedules/${ids.daily}/next-runs?after=2199-12-29T12:00:00Z&count=10`;
    const reply = await timedCall('viewer', 'GET', url);
    expect(reply.json().runs.map((run: { local: string }) => run.local)).toEqual([
      '2199-12-30 09:00',
      '2199-12-31 09:00',
    ]);
  });

  it.each<[string, Method, () => string, unknown, string]>([
    ['an anchor date in year 0', 'PUT', () => `/v1/schedules/${ids.every_3_days}`, 'anchor', 'body.anchorDate'],
    [
      'a run from year 0',
      'POST',
      () => `/v1/schedules/${ids.daily}/run`,
      { from: '0000-01-01', to: '0000-01-01' },
      'body.from',
    ],
    [
      'a preview from year 1',
      'GET',
      () => `/v1/schedules/${ids.daily}/preview?from=0001-01-01&to=0001-01-02`,
      undefined,
      'querystring.from',
    ],
    ['report data from year 1', 'GET', () => '/v1/report-data?from=0001-01-01', undefined, 'querystring.from'],
    [
      'report data up to 9999',
      'GET',
      () => '/v1/report-data?from=9999-12-30&to=9999-12-31',
      undefined,
      'querystring.from',
    ],
    ['deliveries from year 0', 'GET', () => '/v1/deliveries?from=0000-01-01T00:00:00Z', undefined, 'querystring.from'],
    ['audit entries to year 0', 'GET', () => '/v1/audit?to=0000-01-01T00:00:00Z', undefined, 'querystring.to'],
    [
      'audit entries from 275760',
      'GET',
      () => '/v1/audit?from=%2B275760-09-13T00:00:00Z',
      undefined,
      'querystring.from',
    ],
  ])('%s: 400 naming the field', async (_name, method, url, body, field) => {
    const payload =
      body === 'anchor'
        ? {
            name: 'every_3_days',
            timezone: 'Asia/Manila',
            recipients: { to: ['owner@shop.example'] },
            ...timings.every_3_days,
            anchorDate: '0000-01-01',
          }
        : body;
    await expectAnswer('admin', method, url(), payload, { status: 400, field });
  });

  it('refuses NUL in a login email with 400, and logs no error line holding what was sent', async () => {
    const email = 'nul-canary\u0000@shop.example';
    const reply = await timedCall('anonymous', 'POST', '/auth/login', { email, password: 'whatever it is' });
    expect([reply.statusCode, reply.json().details]).toEqual([
      400,
      [{ field: 'body.email', message: 'must not contain line breaks or control characters' }],
    ]);
    expect(errorLines(fixture)).toEqual([]);
    expect(fixture.logs.join('')).not.toContain('nul-canary');
  });

  it.each<[string, Method, string, unknown, string]>([
    ['audit action', 'GET', '/v1/audit?action=%00', undefined, 'querystring.action'],
    ['a query value with an escape', 'GET', '/v1/deliveries?status=%1B%5B31m', undefined, 'querystring.status'],
    ['a path id', 'GET', '/v1/schedules/%00', undefined, 'params.id'],
    [
      'a nested body field',
      'POST',
      '/v1/users',
      { email: 'a@shop.example', role: 'viewer', password: 'x\u0000'.repeat(8) },
      'body.password',
    ],
    [
      'a list item',
      'POST',
      '/v1/schedules',
      { name: 'n', frequency: 'daily', recipients: { to: ['a\u0007@shop.example'] } },
      'body.recipients.to.0',
    ],
    ['a body key', 'PATCH', '/v1/users/00000000-0000-4000-8000-000000000000', { 'role\u0000': 'admin' }, 'body'],
  ])('control characters in %s: 400 naming it', async (_name, method, url, body, field) => {
    await expectAnswer('admin', method, url, body, { status: 400, field });
  });

  it('never logs an error line holding a submitted value', async () => {
    expect(errorLines(fixture)).toEqual([]);
  });
});

describe('a body over the limit', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(async () => fixture.close());

  it('answers 413 in the one error shape', async () => {
    const reply = await fixture.call('admin', 'POST', '/v1/schedules', { name: 'x'.repeat(300 * 1024) });
    expect([reply.statusCode, reply.json()]).toEqual([
      413,
      { error: 'PAYLOAD_TOO_LARGE', message: 'The request body is over the limit of 256 KiB', details: [] },
    ]);
  });
});
