import { randomUUID } from 'node:crypto';
import { nextRunAfter, type ScheduleTiming } from '@reportmail/schedules';
import { createTestRedis, type TestRedis } from '@reportmail/testing';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisConnection } from './connection.js';
import { JOBS, QUEUES } from './contract.js';
import { enqueue, readGenerateReport, readPayload } from './payloads.js';
import { encodeTiming, scheduleRepeatStrategy } from './repeat.js';

const settings = { repeatStrategy: scheduleRepeatStrategy };

describe('the queue contract on real Redis', () => {
  let redis: TestRedis;
  let connection: Redis;
  let queue: Queue;
  const workers: Worker[] = [];

  beforeAll(async () => {
    redis = await createTestRedis();
    connection = createRedisConnection(redis.url, 'worker');
    queue = new Queue(QUEUES.mail, { connection, prefix: redis.prefix, settings });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.close()));
  });
  afterAll(async () => {
    await queue.close();
    await connection.quit();
    await redis.cleanup();
  });

  const startWorker = (processor: (job: Job) => Promise<unknown>) => {
    const worker = new Worker(QUEUES.mail, processor, { connection, prefix: redis.prefix, settings });
    workers.push(worker);
    return worker;
  };
  const nextEvent = (worker: Worker, event: 'completed' | 'failed') =>
    new Promise<Job>((resolve) => worker.once(event, (job: Job | undefined) => resolve(job as Job)));

  it('refuses a bad payload before it reaches Redis', async () => {
    await expect(enqueue(queue, JOBS.sendEmail, { deliveryId: 'not-a-uuid' })).rejects.toThrow(/deliveryId/);
    expect(await queue.count()).toBe(0);
  });

  it('delivers a valid payload to the worker, validated again there', async () => {
    const deliveryId = randomUUID();
    const worker = startWorker(async (job) => readPayload(JOBS.sendEmail, job));
    const completed = nextEvent(worker, 'completed');
    await enqueue(queue, JOBS.sendEmail, { deliveryId });
    expect((await completed).returnvalue).toEqual({ deliveryId });
  });

  it('fails a bad payload at once, whatever attempts says', async () => {
    const worker = startWorker(async (job) => readPayload(JOBS.sendEmail, job));
    const failed = nextEvent(worker, 'failed');
    await queue.add(JOBS.sendEmail, { deliveryId: 'x', recipients: ['a@b.c'] }, { attempts: 5 });
    const job = await failed;
    expect(job.attemptsMade).toBe(1);
    expect(await job.getState()).toBe('failed');
    expect(job.failedReason).toBe(
      `Invalid send-email payload for job ${job.id}: deliveryId: Invalid UUID; (payload): Unrecognized key: "recipients"`,
    );
  });

  it('schedules runs in the schedule zone and hands the worker its scheduled instant', async () => {
    const scheduleId = randomUUID();
    const timing: ScheduleTiming = {
      frequency: 'every_3_days',
      sendTime: '09:00',
      timezone: 'America/New_York',
      anchorDate: '2026-03-02',
    };
    const before = Date.now();
    await queue.upsertJobScheduler(
      `report-schedule:${scheduleId}`,
      { pattern: encodeTiming(timing) },
      { name: JOBS.generateReport, data: { scheduleId, trigger: 'scheduled' } },
    );
    const expected = nextRunAfter(timing, new Date(before)).getTime();
    const [job, ...others] = await queue.getDelayed();
    expect(others).toHaveLength(0);
    expect(job?.id).toBe(`repeat:report-schedule:${scheduleId}:${expected}`);
    expect(readGenerateReport(job as Job)).toEqual({
      scheduleId,
      trigger: 'scheduled',
      scheduledAt: new Date(expected).toISOString(),
    });
    await queue.removeJobScheduler(`report-schedule:${scheduleId}`);
  });
});
