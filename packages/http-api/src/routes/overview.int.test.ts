import { DEMO_SCHEDULE_NAME, reportSchedule, smtpSettings } from '@reportmail/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';
import { weekSoFar } from './overview.js';

const idle = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };

describe('the overview', () => {
  let fixture: ApiFixture;
  const overview = async (caller: 'viewer' | 'anonymous' = 'viewer') => fixture.call(caller, 'GET', '/v1/overview');

  beforeAll(async () => {
    fixture = await createApiFixture({
      REPORT_TIMEZONE: 'America/New_York',
      CURRENCY_SYMBOL: '€',
      CURRENCY_LOCALE: 'de-DE',
    });
  });
  afterAll(async () => fixture.close());

  it('shows a fresh install: nothing set up, idle queues, this week in the default zone', async () => {
    const reply = await overview();
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({
      currency: { symbol: '€', locale: 'de-DE' },
      defaultTimezone: 'America/New_York',
      setup: { smtpConfigured: false, schedules: 0, enabledSchedules: 0, demoSchedulePresent: false },
      queues: { reports: idle, mail: idle },
      thisWeek: weekSoFar(new Date(), 'America/New_York'),
    });
  });

  it('counts schedules, the demo’s, the mail server and queued jobs', async () => {
    const { db } = fixture.database;
    await db.insert(reportSchedule).values([
      { name: DEMO_SCHEDULE_NAME, frequency: 'daily', enabled: true },
      { name: 'Owner weekly', frequency: 'weekly', weekday: 'monday' },
    ]);
    await db.insert(smtpSettings).values({ host: 'smtp.shop.example', port: 587, fromAddress: 'r@shop.example' });
    await fixture.queues.reports.add('generate-report', {});
    await fixture.queues.mail.add('send-email', {}, { delay: 60_000 });
    const body = (await overview()).json();
    expect([body.setup, body.queues]).toEqual([
      { smtpConfigured: true, schedules: 2, enabledSchedules: 1, demoSchedulePresent: true },
      { reports: { ...idle, waiting: 1 }, mail: { ...idle, delayed: 1 } },
    ]);
  });

  it('needs a signed-in user', async () => {
    expect((await overview('anonymous')).statusCode).toBe(401);
  });
});
