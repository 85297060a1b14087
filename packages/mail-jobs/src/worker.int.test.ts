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
/** The worker's retry base (MAIL_RETRY_DELAY_MS), shrunk as BullMQ's own tests shrink theirs. */
const RETRY_DELAY_MS = 200;
/** A job queued before send-email named its own backoff: BullMQ's builtin, 200 ms, no jitter. */
const OLD_BACKOFF = { type: 'exponential', delay: 200, jitter: 0 } as const;

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
      retryDelayMs: RETRY_DELAY_MS,
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

  /** Queued with the send-email job options (or `backoff` over them, as a job queued before had). */
  const send = async (deliveryId: string, backoff?: typeof OLD_BACKOFF) => {
    const jobId = `send-email-${deliveryId}`;
    const done = settled(jobId);
    await enqueue(queue, JOBS.sendEmail, { deliveryId }, backoff ? { jobId, backoff } : { jobId });
    return done;
  };

  /** Two 421s, then accepted: the gaps between the three DATA attempts, and one email. */
  const retriedTwice = async (backoff?: typeof OLD_BACKOFF) => {
    const id = await createGeneratedDelivery(database);
    sink.script([
      { code: 421, message: 'Try later' },
      { code: 421, message: 'Try later' },
    ]);
    const before = sink.attemptTimes().length;
    const job = await send(id, backoff);
    expect([await job.getState(), job.attemptsMade]).toEqual(['completed', 3]);
    const [first = 0, second = 0, third = 0] = sink.attemptTimes().slice(before);
    expect(sink.received.filter((mail) => mail.parsed.headers.get('x-reportmail-delivery-id') === id)).toHaveLength(1);
    expect(await findDelivery(database.db, id)).toMatchObject({ status: 'sent', attempts: 3 });
    return [second - first, third - second];
  };

  it('retries 421 twice after the worker’s base (with the job’s 0.5 jitter), then doubled, then sends once', async () => {
    const [firstGap = 0, secondGap = 0] = await retriedTwice();
    expect(firstGap).toBeGreaterThanOrEqual(RETRY_DELAY_MS / 2);
    expect(secondGap).toBeGreaterThanOrEqual(RETRY_DELAY_MS);
    // The 10 s base the job options used to carry could not wait less than 5 s (jitter 0.5).
    expect(firstGap + secondGap).toBeLessThan(5_000);
  });

  it('still retries a job queued before, with BullMQ’s `exponential` and its own delay', async () => {
    const [firstGap = 0, secondGap = 0] = await retriedTwice(OLD_BACKOFF);
    expect(firstGap).toBeGreaterThanOrEqual(200);
    expect(secondGap).toBeGreaterThanOrEqual(400);
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
