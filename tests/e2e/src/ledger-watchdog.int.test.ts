// The ledger is the source of truth: a delivery whose job Redis lost is queued again by the scheduler's
// watchdog and delivered once.
import { delivery } from '@reportmail/db';
import { createRedisConnection, QUEUES, sendEmailJobId } from '@reportmail/queue';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, createSchedule, logged, type Pipeline, queueDaySend } from './harness.js';

describe('a delivery whose job Redis lost', () => {
  let pipeline: Pipeline;
  let connection: Redis;
  let reports: Queue;
  let mail: Queue;

  beforeAll(async () => {
    pipeline = await createPipeline();
    connection = createRedisConnection(pipeline.redis.url, 'worker');
    reports = new Queue(QUEUES.reports, { connection, prefix: pipeline.redis.prefix });
    mail = new Queue(QUEUES.mail, { connection, prefix: pipeline.redis.prefix });
  });
  afterAll(async () => {
    await Promise.all([reports.close(), mail.close()]);
    await connection.quit();
    await pipeline.close();
  });

  it('is queued again by the leader’s watchdog and sent once', async () => {
    // Off, so the scheduler adds nothing of its own (no job scheduler, no catch-up).
    const scheduleId = await createSchedule(pipeline.database, { enabled: false, name: 'Lost job' });
    const reportWorker = pipeline.start('report-worker');
    const id = await queueDaySend({ db: pipeline.database.db, reports }, scheduleId, '2026-03-02');
    await reportWorker.waitForLog(logged('report generated'), 'the report stored');
    // Redis loses the email job (a restart without persistence, a flush, a removal in Bull Board).
    expect(await mail.remove(sendEmailJobId(id))).toBe(1);
    const lostAt = Date.now();

    const timings = { LEDGER_STALL_MS: '1000', RECONCILE_INTERVAL_MS: '1000' };
    const scheduler = pipeline.start('scheduler', timings);
    pipeline.start('mail-worker');
    await scheduler.waitForLog(logged('ledger watchdog queued lost jobs again'), 'the re-drive');
    const [mailed] = await pipeline.sink.waitForMessages(1);
    process.stdout.write(`re-driven and sent ${Date.now() - lostAt} ms after the loss\n`);
    expect(mailed?.envelope.to).toEqual(['owner@shop.example']);
    const statusOf = async () => {
      const [row] = await pipeline.database.db.select().from(delivery).where(eq(delivery.id, id));
      return [row?.status, row?.attempts];
    };
    await expect.poll(statusOf).toEqual(['sent', 1]);
    expect(pipeline.sink.received).toHaveLength(1);
  });
});
