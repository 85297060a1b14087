import { delivery, deliveryArtifact } from '@reportmail/db';
import { DATA_STARTED_NO_OUTCOME } from '@reportmail/ledger';
import { createRedisConnection, enqueue, JOBS, QUEUES } from '@reportmail/queue';
import { Queue, QueueEvents } from 'bullmq';
import { eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, createSchedule, logged, type Pipeline } from './harness.js';

/** Enough payments that writing the workbook takes a few seconds, so a kill lands in the middle. */
const PAYMENTS = 60_000;
// Due Mar 3, 2026, 09:00 Manila: reports Mar 2.
const DUE_AT = '2026-03-03T01:00:00.000Z';

describe('workers killed with SIGKILL in the middle of a job', () => {
  let pipeline: Pipeline;
  let connection: Redis;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    pipeline = await createPipeline();
    await pipeline.database.sql`
      insert into sale (invoice_no, status, total, created_at)
      select 'INV-' || g, 'PAID', 10, '2026-03-01T16:00:00Z'::timestamptz from generate_series(1, ${PAYMENTS}) g`;
    await pipeline.database.sql`
      insert into sale_payment (sale_id, amount, method, paid_at)
      select id, 10.00, 'Cash', '2026-03-01T16:00:00Z'::timestamptz + (id % 86000) * interval '1 second' from sale`;
    connection = createRedisConnection(pipeline.redis.url, 'worker');
    queue = new Queue(QUEUES.reports, { connection, prefix: pipeline.redis.prefix });
    events = new QueueEvents(QUEUES.reports, { connection: connection.duplicate(), prefix: pipeline.redis.prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await queue.close();
    await connection.quit();
    await pipeline.close();
  });

  it('recovers a report job whose worker died mid-workbook: one email, one stored workbook', async () => {
    const scheduleId = await createSchedule(pipeline.database, { sendTime: '09:00' });
    const first = pipeline.start('report-worker');
    const midway = new Promise<void>((resolve) =>
      events.on('progress', ({ data }) => {
        if (typeof data === 'number' && data >= 25 && data < 95) resolve();
      }),
    );
    await enqueue(
      queue,
      JOBS.generateReport,
      { scheduleId, scheduledAt: DUE_AT, trigger: 'scheduled' },
      { jobId: 'scheduled-run-1' },
    );
    await midway;
    await first.kill();
    const [midRow] = await pipeline.database.db.select().from(delivery);
    expect(midRow?.status).toBe('generating');

    const second = pipeline.start('report-worker');
    const mailWorker = pipeline.start('mail-worker');
    await second.waitForLog(logged('report generated'), 'the recovered job to finish');
    const [mail] = await pipeline.sink.waitForMessages(1);
    expect(mail?.parsed.subject).toBe('Daily Sales Report - Mar 2, 2026');
    expect(mail?.parsed.text).toMatch(/Total revenue\s+₱600,000\.00/);
    const rows = await pipeline.database.db.select().from(delivery);
    expect(rows.map((row) => [row.totalTransactions, row.totalRevenue])).toEqual([[PAYMENTS, '600000.00']]);
    expect(await pipeline.database.db.select({ id: deliveryArtifact.deliveryId }).from(deliveryArtifact)).toHaveLength(
      1,
    );
    expect(await (await queue.getJob('scheduled-run-1'))?.getState()).toBe('completed');
    expect(await mailWorker.stop()).toBe(0);
  });

  it('never sends again a message whose worker died after its data went out: the ledger ends it unknown', async () => {
    const scheduleId = await createSchedule(pipeline.database, { sendTime: '09:00', name: 'Second' });
    const attemptsBefore = pipeline.sink.attempts();
    const receivedBefore = pipeline.sink.received.length;
    // The server takes the data and never answers: the worker dies waiting for the reply.
    pipeline.sink.script(['no-reply']);
    const mailWorker = pipeline.start('mail-worker');
    await enqueue(
      queue,
      JOBS.generateReport,
      { scheduleId, scheduledAt: DUE_AT, trigger: 'scheduled' },
      { jobId: 'scheduled-run-2' },
    );
    await pipeline.sink.waitForAttempts(attemptsBefore + 1);
    // Killed once the ledger says the data began (committed before its first byte left).
    const dataStarted = async () =>
      (await pipeline.database.db.select().from(delivery).where(eq(delivery.scheduleId, scheduleId)))[0]?.dataStartedAt;
    await expect.poll(dataStarted).toBeInstanceOf(Date);
    await mailWorker.kill();

    // BullMQ hands the stalled job to the replacement, which finds the data began with no outcome.
    const replacement = pipeline.start('mail-worker');
    await replacement.waitForLog(logged('message data began with no outcome: unknown'), 'the recovered send');
    const [row] = await pipeline.database.db.select().from(delivery).where(eq(delivery.scheduleId, scheduleId));
    expect([row?.status, row?.attempts, row?.errorMessage]).toEqual(['unknown', 1, DATA_STARTED_NO_OUTCOME]);
    expect(pipeline.sink.attempts() - attemptsBefore).toBe(1);
    expect(pipeline.sink.received.length).toBe(receivedBefore);
    expect(await replacement.stop()).toBe(0);
  });
});
