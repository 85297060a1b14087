import { delivery } from '@reportmail/db';
import { latestRunAtOrBefore, reportPeriodForRun } from '@reportmail/schedules';
import { createShopFactory, type ServiceProcess, startServiceProcess } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, createSchedule, freePort, localTime, logged, type Pipeline } from './harness.js';

const ZONE = 'Asia/Manila';
const HOUR = 3_600_000;
const ADMIN = { email: 'owner@shop.example', password: 'all-in-one-admin-password' };
const at = (base: Date, ms: number) => new Date(base.getTime() + ms).toISOString();

/**
 * The API, the scheduler and both workers in one process (`pnpm start --all-in-one`): it catches up a
 * daily run missed an hour ago, answers the API that sends the same schedule now, and stops cleanly.
 */
describe('the all-in-one process, end to end', () => {
  let pipeline: Pipeline;
  let service: ServiceProcess;
  let baseUrl: string;
  let scheduleId: string;
  let period: ReturnType<typeof reportPeriodForRun>;

  beforeAll(async () => {
    pipeline = await createPipeline();
    const now = new Date();
    const timing = { frequency: 'daily' as const, sendTime: localTime(new Date(now.getTime() - HOUR), ZONE) };
    const slot = latestRunAtOrBefore({ ...timing, timezone: ZONE }, now) as Date;
    period = reportPeriodForRun({ ...timing, timezone: ZONE, periodMode: 'previous_days' }, slot);
    const shop = createShopFactory(pipeline.database.sql);
    await shop.createSale({
      invoiceNo: 'INV-AIO-1',
      payments: [
        { amount: '1234.50', paidAt: at(period.start, HOUR), method: 'Cash' },
        { amount: '765.25', paidAt: at(period.start, 2 * HOUR), method: 'GCash' },
      ],
    });
    await shop.createDevice({
      ticketNumber: 'JC-AIO-1',
      totalCost: '1500.00',
      payments: [{ amount: '1500.00', paidAt: at(period.start, 3 * HOUR), method: 'Bank Transfer' }],
    });
    scheduleId = await createSchedule(pipeline.database, { sendTime: timing.sendTime });
    service = pipeline.start('all-in-one', {
      CATCH_UP_WINDOW_HOURS: '6',
      JWT_SECRET: 'an-all-in-one-jwt-secret-long-enough-0123',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      COOKIE_SECURE: 'false',
    });
    baseUrl = (await service.waitForLog(logged('api started'), 'the API to listen')).url as string;
  });
  afterAll(() => pipeline.close());

  const sent = async (deliveryId: string) => {
    await service.waitForLog(logged('report email sent', { deliveryId }), `delivery ${deliveryId} to be sent`);
    const [row] = await pipeline.database.db.select().from(delivery).where(eq(delivery.id, deliveryId));
    return row;
  };

  it('catches up the missed run: one email with the exact revenue of the period', async () => {
    const [mail] = await pipeline.sink.waitForMessages(1);
    const [row] = await pipeline.database.db.select().from(delivery);
    expect(await sent(row?.id ?? '')).toMatchObject({
      scheduleId,
      trigger: 'catch_up',
      status: 'sent',
      totalRevenue: '3499.75',
      totalTransactions: 3,
    });
    expect(mail?.parsed.subject).toBe(`Daily Sales Report - ${period.label}`);
    expect(mail?.parsed.text).toMatch(/Total revenue\s+₱3,499\.75/);
    expect(mail?.parsed.text).toMatch(/Repair revenue\s+₱1,500\.00/);
  });

  it('answers the API from the same process: an admin sends the schedule now, one more email', async () => {
    const login = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { token } = (await login.json()) as { token: string };
    const run = await fetch(`${baseUrl}/v1/schedules/${scheduleId}/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from: period.firstDay, to: period.lastDay }),
    });
    expect(run.status).toBe(202);
    const { deliveryId } = (await run.json()) as { deliveryId: string };
    expect(await sent(deliveryId)).toMatchObject({ trigger: 'manual', status: 'sent', totalRevenue: '3499.75' });
    expect(pipeline.sink.received).toHaveLength(2);
    expect(pipeline.sink.received[1]?.parsed.text).toMatch(/Total revenue\s+₱3,499\.75/);
  });

  it('stops on SIGTERM once its parts have stopped, with exit status 0', async () => {
    expect(await service.stop()).toBe(0);
    expect(service.logs.filter((line) => line.msg === 'no longer the leader')).toHaveLength(1);
    expect(service.logs.at(-1)?.msg).toBe('stopped');
  });

  it('names every bad variable of every part in one error, and starts nothing', async () => {
    const failing = startServiceProcess('all-in-one', {
      DATABASE_URL: pipeline.database.url,
      REDIS_URL: pipeline.redis.url,
      SECRETS_KEY: 'not-a-key',
      JWT_SECRET: 'short',
      PORT: 'http',
      LEADER_TTL_MS: '5',
      REPORT_CONCURRENCY: '99',
      MAIL_CONCURRENCY: '0',
    });
    expect(await new Promise((resolve) => failing.child.once('exit', resolve))).toBe(1);
    const output = failing.logs.map((line) => line.msg).join('\n');
    for (const variable of [
      'SECRETS_KEY',
      'JWT_SECRET',
      'PORT',
      'LEADER_TTL_MS',
      'REPORT_CONCURRENCY',
      'MAIL_CONCURRENCY',
    ]) {
      expect(output).toContain(`  - ${variable} `);
    }
  });
});
