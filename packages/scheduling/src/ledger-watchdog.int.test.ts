import { once } from 'node:events';
import { delivery, reportSchedule } from '@reportmail/db';
import { createLogger } from '@reportmail/logger';
import { deliverWebhookJobId, enqueue, JOBS, QUEUES, sendEmailJobId } from '@reportmail/queue';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redriveStalledDeliveries } from './ledger-watchdog.js';
import { createLeaderFixture, type LeaderFixture } from './test-fixtures.js';

const NOW = new Date('2026-12-02T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const PERIOD = { periodStart: new Date('2026-12-01T16:00:00Z'), periodEnd: new Date('2026-12-02T16:00:00Z') };

describe('the ledger watchdog', () => {
  let fixture: LeaderFixture;
  let mail: Queue;
  let scheduleId: string;
  const logger = createLogger({ service: 'test', level: 'silent' });
  const run = (isLeader = true) =>
    redriveStalledDeliveries({
      db: fixture.database.db,
      reports: fixture.queue,
      mail,
      lock: { isLeader: () => isLeader },
      logger,
      now: NOW,
    });
  const insertRow = async (values: Partial<typeof delivery.$inferInsert>) => {
    const [row] = await fixture.database.db
      .insert(delivery)
      .values({
        scheduleId,
        trigger: 'manual',
        reportType: 'daily_sales',
        timezone: 'Asia/Manila',
        ...PERIOD,
        status: 'sending',
        updatedAt: minutesAgo(5),
        ...values,
      })
      .returning({ id: delivery.id });
    return row?.id as string;
  };
  const clearRows = () => fixture.database.sql`delete from reportmail.delivery`;

  beforeAll(async () => {
    fixture = await createLeaderFixture();
    mail = new Queue(QUEUES.mail, { connection: fixture.connection, prefix: fixture.redis.prefix });
    const [schedule] = await fixture.database.db
      .insert(reportSchedule)
      .values({ name: 'Daily', frequency: 'daily', timezone: 'Asia/Manila', recipientsTo: ['owner@shop.example'] })
      .returning({ id: reportSchedule.id });
    scheduleId = schedule?.id as string;
  });
  afterAll(async () => {
    await mail.close();
    await fixture.close();
  });

  it('queues the send-email job again for a sending row whose job is gone', async () => {
    await clearRows();
    const id = await insertRow({ status: 'sending' });
    expect(await run()).toEqual([{ deliveryId: id, status: 'sending', jobId: sendEmailJobId(id) }]);
    const job = await mail.getJob(sendEmailJobId(id));
    expect([job?.name, job?.data, await job?.getState()]).toEqual(['send-email', { deliveryId: id }, 'waiting']);
    // The next pass finds the job alive: never a second one.
    expect(await run()).toEqual([]);
    await mail.obliterate({ force: true });
  });

  it('queues the deliver-webhook job again for a webhook row whose job is gone', async () => {
    await clearRows();
    const report = await insertRow({ status: 'sent' });
    const id = await insertRow({
      status: 'sending',
      channel: 'slack',
      reportDeliveryId: report,
      webhookLabel: '#owners',
    });
    expect(await run()).toEqual([{ deliveryId: id, status: 'sending', jobId: deliverWebhookJobId(id) }]);
    const job = await mail.getJob(deliverWebhookJobId(id));
    expect([job?.name, job?.data, await job?.getState()]).toEqual(['deliver-webhook', { deliveryId: id }, 'waiting']);
    expect(await run()).toEqual([]);
    await mail.obliterate({ force: true });
  });

  it('queues the report job again, under the row’s own job id, for a pending or generating row', async () => {
    await clearRows();
    const scheduled = await insertRow({
      status: 'generating',
      trigger: 'scheduled',
      jobKey: `repeat:abc:${NOW.getTime()}`,
    });
    const manual = await insertRow({
      status: 'pending',
      trigger: 'manual',
      jobKey: 'manual-x',
      periodEnd: new Date('2026-12-03T16:00:00Z'),
    });
    const redriven = await run();
    expect(redriven.map((entry) => entry.deliveryId).sort()).toEqual([manual, scheduled].sort());
    const scheduledJob = await fixture.queue.getJob(`repeat:abc:${NOW.getTime()}`);
    expect(scheduledJob?.data).toEqual({ scheduleId, scheduledAt: '2026-12-02T16:00:00.000Z', trigger: 'scheduled' });
    const manualJob = await fixture.queue.getJob('manual-x');
    expect(manualJob?.data).toEqual({
      scheduleId,
      scheduledAt: '2026-12-03T16:00:00.000Z',
      trigger: 'manual',
      deliveryId: manual,
    });
    await fixture.queue.obliterate({ force: true });
  });

  it('leaves alone rows that moved recently, final rows, rows whose job is alive, and a standby', async () => {
    await clearRows();
    await insertRow({ status: 'sending', updatedAt: minutesAgo(1) });
    await insertRow({ status: 'sent', updatedAt: minutesAgo(60) });
    const delayed = await insertRow({ status: 'sending' });
    await enqueue(mail, JOBS.sendEmail, { deliveryId: delayed }, { jobId: sendEmailJobId(delayed), delay: 60_000 });
    const stalled = await insertRow({ status: 'sending', updatedAt: minutesAgo(10) });
    expect(await run(false)).toEqual([]);
    expect(await run()).toEqual([{ deliveryId: stalled, status: 'sending', jobId: sendEmailJobId(stalled) }]);
    await mail.obliterate({ force: true });
  });

  it('replaces a job that failed for good while its row stayed open', async () => {
    await clearRows();
    const id = await insertRow({ status: 'sending' });
    const worker = new Worker(
      QUEUES.mail,
      async () => {
        throw new UnrecoverableError('PostgreSQL was down');
      },
      { connection: fixture.connection.duplicate(), prefix: fixture.redis.prefix },
    );
    const failed = once(worker, 'failed');
    await enqueue(mail, JOBS.sendEmail, { deliveryId: id }, { jobId: sendEmailJobId(id) });
    await failed;
    await worker.close();
    expect(await (await mail.getJob(sendEmailJobId(id)))?.getState()).toBe('failed');
    expect(await run()).toEqual([{ deliveryId: id, status: 'sending', jobId: sendEmailJobId(id) }]);
    const job = await mail.getJob(sendEmailJobId(id));
    expect([await job?.getState(), job?.attemptsMade]).toEqual(['waiting', 0]);
    await mail.obliterate({ force: true });
  });
});
