import { delivery } from '@reportmail/db';
import { createRedisConnection, enqueue, JOBS, QUEUES } from '@reportmail/queue';
import type { LogLine, ServiceProcess } from '@reportmail/testing';
import { Queue, QueueEvents } from 'bullmq';
import { asc, eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, createSchedule, logged, type Pipeline } from './harness.js';

const LEADER_TTL_MS = 1_500;
const byDeliveryId = (id: string) => (mail: { parsed: { headers: Map<string, unknown> } }) =>
  mail.parsed.headers.get('x-reportmail-delivery-id') === id;

describe('exactly one email per period', () => {
  let pipeline: Pipeline;
  let connection: Redis;
  let queue: Queue;
  let events: QueueEvents;
  let mailWorker: ServiceProcess;

  beforeAll(async () => {
    pipeline = await createPipeline();
    connection = createRedisConnection(pipeline.redis.url, 'worker');
    queue = new Queue(QUEUES.reports, { connection, prefix: pipeline.redis.prefix });
    events = new QueueEvents(QUEUES.reports, { connection: connection.duplicate(), prefix: pipeline.redis.prefix });
    await events.waitUntilReady();
    pipeline.start('report-worker');
    mailWorker = pipeline.start('mail-worker');
  });
  afterAll(async () => {
    await events.close();
    await queue.close();
    await connection.quit();
    await pipeline.close();
  });

  it('sends one email when the same period is triggered twice', async () => {
    const scheduleId = await createSchedule(pipeline.database, { sendTime: '09:00' });
    const payload = { scheduleId, scheduledAt: '2026-03-03T01:00:00.000Z' };
    const before = pipeline.sink.received.length;
    await enqueue(queue, JOBS.generateReport, { ...payload, trigger: 'scheduled' }, { jobId: 'twice-a' });
    await enqueue(queue, JOBS.generateReport, { ...payload, trigger: 'catch_up' }, { jobId: 'twice-b' });
    await pipeline.sink.waitForMessages(before + 1);
    const jobs = await Promise.all(['twice-a', 'twice-b'].map((id) => queue.getJob(id)));
    await Promise.all(jobs.map((job) => job?.waitUntilFinished(events)));
    let rows = await pipeline.database.db.select().from(delivery).where(eq(delivery.scheduleId, scheduleId));
    // The sink accepts a moment before the worker records it: wait for the worker's own word.
    await mailWorker.waitForLog(logged('report email sent', { deliveryId: rows[0]?.id }), 'the send to be recorded');
    rows = await pipeline.database.db.select().from(delivery).where(eq(delivery.scheduleId, scheduleId));
    expect(rows.map((row) => row.status)).toEqual(['sent']);
    expect(pipeline.sink.received.filter(byDeliveryId(rows[0]?.id ?? ''))).toHaveLength(1);
    expect(jobs.map((job) => job?.returnvalue?.outcome ?? null).sort()).toEqual(['duplicate', 'queued']);
  });

  it('keeps one leader of two schedulers, fails over when it is killed, and never doubles a period', async () => {
    const scheduleId = await createSchedule(pipeline.database, {
      name: 'Every 2 seconds',
      frequency: 'cron',
      cronExpression: '*/2 * * * * *',
    });
    const env = { LEADER_TTL_MS: String(LEADER_TTL_MS) };
    const schedulers = [pipeline.start('scheduler', env), pipeline.start('scheduler', env)];
    const leadership = (line: LogLine) => line.msg === 'became the leader';
    const leader = await Promise.race(schedulers.map((s) => s.waitForLog(leadership).then(() => s)));
    const standby = schedulers.find((s) => s !== leader);
    const sentOf = () =>
      pipeline.sink.received.filter((mail) => String(mail.parsed.subject).startsWith('Sales Report'));
    await pipeline.sink.waitForMessages(pipeline.sink.received.length + 2);
    expect(standby?.logs.some(leadership)).toBe(false);

    const killedAt = Date.now();
    await leader.kill();
    await standby?.waitForLog(leadership, 'the standby to take over');
    expect(Date.now() - killedAt).toBeLessThan(2 * LEADER_TTL_MS);
    const afterTakeover = sentOf().length;
    await pipeline.sink.waitForMessages(pipeline.sink.received.length + 2);
    await standby?.stop();

    const rows = await pipeline.database.db
      .select()
      .from(delivery)
      .where(eq(delivery.scheduleId, scheduleId))
      .orderBy(asc(delivery.periodStart));
    expect(rows.length).toBeGreaterThanOrEqual(afterTakeover);
    const periods = rows.map((row) => `${row.periodStart.toISOString()}/${row.periodEnd.toISOString()}`);
    expect(new Set(periods).size).toBe(rows.length);
    for (const [index, row] of rows.entries()) {
      const next = rows[index + 1];
      if (next) expect(next.periodStart).toEqual(row.periodEnd);
      expect(pipeline.sink.received.filter(byDeliveryId(row.id)).length).toBeLessThanOrEqual(1);
    }
    expect(rows.every((row) => row.trigger === 'scheduled')).toBe(true);
  });
});
