import { reportSchedule } from '@reportmail/db';
import { findDelivery } from '@reportmail/ledger';
import { createLogger } from '@reportmail/logger';
import { createRedisConnection, enqueue, JOBS, QUEUES } from '@reportmail/queue';
import {
  createTestDatabase,
  createTestRedis,
  seedManilaScenario,
  type TestDatabase,
  type TestRedis,
} from '@reportmail/testing';
import { type Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportWorker, type ReportWorker } from './worker.js';

describe('the report worker on BullMQ', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let connection: Redis;
  let reportQueue: Queue;
  let reportWorker: ReportWorker;

  beforeAll(async () => {
    [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
    await seedManilaScenario(database);
    connection = createRedisConnection(redis.url, 'worker');
    reportQueue = new Queue(QUEUES.reports, { connection, prefix: redis.prefix });
    reportWorker = createReportWorker({
      database,
      connection,
      prefix: redis.prefix,
      logger: createLogger({ service: 'test', level: 'silent' }),
      currency: { symbol: '₱', locale: 'en-PH' },
      attachmentLimitBytes: 10 * 1024 * 1024,
    });
  });
  afterAll(async () => {
    await reportWorker.close();
    await reportQueue.close();
    await connection.quit();
    await Promise.all([database.drop(), redis.cleanup()]);
  });

  it('turns a generate-report job into a stored report and one send-email job carrying the ledger id', async () => {
    const [schedule] = await database.db
      .insert(reportSchedule)
      .values({ name: 'Daily', enabled: true, frequency: 'daily', recipientsTo: ['owner@shop.example'] })
      .returning({ id: reportSchedule.id });
    const completed = new Promise<Job>((resolve) => reportWorker.worker.once('completed', (job) => resolve(job)));
    const payload = {
      scheduleId: schedule?.id ?? '',
      scheduledAt: '2026-03-03T01:00:00.000Z',
      trigger: 'scheduled' as const,
    };
    await enqueue(reportQueue, JOBS.generateReport, payload);
    const job = await completed;
    expect(job.progress).toBe(100);
    const { deliveryId, outcome } = job.returnvalue as { deliveryId: string; outcome: string };
    expect(outcome).toBe('queued');
    expect((await findDelivery(database.db, deliveryId))?.totalRevenue).toBe('3715.00');
    const mailJobs = await reportWorker.mailQueue.getJobs(['wait', 'delayed', 'prioritized']);
    expect(mailJobs.map((mail) => [mail.id, mail.name, mail.data])).toEqual([
      [`send-email-${deliveryId}`, JOBS.sendEmail, { deliveryId }],
    ]);
  });
});
