import { findDelivery } from '@reportmail/ledger';
import { createLogger } from '@reportmail/logger';
import { createRedisConnection, enqueue, JOBS, QUEUES } from '@reportmail/queue';
import { createSecretBox, generateKeyEntry } from '@reportmail/secrets';
import {
  createSmtpSink,
  createTestDatabase,
  createTestRedis,
  type SmtpSink,
  type TestDatabase,
  type TestRedis,
} from '@reportmail/testing';
import { type Job, Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSmtp, createGeneratedDelivery, createTempOutbox, type TempOutbox } from './test-fixtures.js';
import { createMailWorker } from './worker.js';

const secrets = createSecretBox(generateKeyEntry('k1'));
/** Shrunk timings, as BullMQ's own tests do: base 200 ms, no jitter, so the gaps are exact lower bounds. */
const BACKOFF = { type: 'exponential', delay: 200, jitter: 0 } as const;

describe('the mail worker on BullMQ', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let connection: Redis;
  let queue: Queue;
  let worker: Worker;
  let sink: SmtpSink;
  let outbox: TempOutbox;

  beforeAll(async () => {
    [database, redis, sink, outbox] = await Promise.all([
      createTestDatabase(),
      createTestRedis(),
      createSmtpSink(),
      createTempOutbox(),
    ]);
    connection = createRedisConnection(redis.url, 'worker');
    queue = new Queue(QUEUES.mail, { connection, prefix: redis.prefix });
    await configureSmtp(database, secrets, { port: sink.port });
    worker = createMailWorker({
      database,
      connection,
      prefix: redis.prefix,
      logger: createLogger({ service: 'test', level: 'silent' }),
      secrets,
      smtpTimeouts: { connectionMs: 2_000, greetingMs: 2_000, socketMs: 500 },
      outboxDir: outbox.dir,
    });
  });
  afterAll(async () => {
    await worker.close();
    await queue.close();
    await connection.quit();
    await Promise.all([redis.cleanup(), sink.close(), outbox.remove(), database.drop()]);
  });

  /** Resolves when the job reaches a final state (completed, or failed for good). */
  const settled = (jobId: string) =>
    new Promise<Job>((resolve) => {
      const check = (job: Job | undefined) => {
        if (job?.id !== jobId) return;
        if (job.finishedOn) resolve(job);
      };
      worker.on('completed', check);
      worker.on('failed', check);
    });

  const send = async (deliveryId: string) => {
    const jobId = `send-email-${deliveryId}`;
    const done = settled(jobId);
    await enqueue(queue, JOBS.sendEmail, { deliveryId }, { jobId, backoff: BACKOFF });
    return done;
  };

  it('retries 421 twice with growing delays, then sends one email', async () => {
    const id = await createGeneratedDelivery(database);
    sink.script([
      { code: 421, message: 'Try later' },
      { code: 421, message: 'Try later' },
    ]);
    const before = sink.attemptTimes().length;
    const job = await send(id);
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(3);
    const times = sink.attemptTimes().slice(before);
    expect(times).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = times;
    expect(second - first).toBeGreaterThanOrEqual(200);
    expect(third - second).toBeGreaterThanOrEqual(400);
    expect(third - second).toBeGreaterThan(second - first);
    expect(sink.received.filter((mail) => mail.parsed.headers.get('x-reportmail-delivery-id') === id)).toHaveLength(1);
    expect(await findDelivery(database.db, id)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('fails a 550 at once: one attempt, no retry, the error stored', async () => {
    const id = await createGeneratedDelivery(database);
    sink.script([{ code: 550, message: 'No such mailbox' }]);
    const before = sink.attempts();
    const job = await send(id);
    expect([await job.getState(), job.attemptsMade, job.failedReason]).toEqual([
      'failed',
      1,
      'SMTP 550: 550 No such mailbox',
    ]);
    expect(sink.attempts() - before).toBe(1);
    expect(await findDelivery(database.db, id)).toMatchObject({
      status: 'failed',
      errorMessage: 'SMTP 550: 550 No such mailbox',
    });
  });

  it('does not retry a send whose reply never came after the data', async () => {
    const id = await createGeneratedDelivery(database);
    sink.script(['no-reply']);
    const before = sink.attempts();
    const job = await send(id);
    expect([await job.getState(), job.attemptsMade]).toEqual(['failed', 1]);
    expect(sink.attempts() - before).toBe(1);
    expect((await findDelivery(database.db, id))?.status).toBe('unknown');
  });
});
