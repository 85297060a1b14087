import type { Database } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import type { SmtpTimeouts } from '@reportmail/mailer';
import { JOBS, QUEUES, readPayload } from '@reportmail/queue';
import type { SecretBox } from '@reportmail/secrets';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AttachmentLinks } from './jobs/build-message.js';
import { sendEmail } from './jobs/send-email.js';
import { DEFAULT_RETRY_DELAY_MS, mailRetryBackoff } from './retry-backoff.js';

export type MailWorkerDeps = {
  database: Database;
  connection: Redis;
  prefix: string;
  logger: Logger;
  secrets: SecretBox;
  smtpTimeouts?: SmtpTimeouts;
  /** Base of the send retries' exponential backoff (MAIL_RETRY_DELAY_MS). */
  retryDelayMs?: number;
  attachmentLinks?: AttachmentLinks;
  /** Where mail is saved while SMTP is not configured (absolute). */
  outboxDir: string;
  concurrency?: number;
  /** BullMQ lock and stalled-check timings (shortened in tests). */
  locks?: { lockDuration: number; stalledInterval: number };
};

/**
 * Binds sendEmail to the `mail-delivery` queue. Attempts and the backoff's type and jitter come from the
 * job's options; the backoff's base from this worker (`retryDelayMs`).
 */
export function createMailWorker(deps: MailWorkerDeps): Worker {
  const processor = async (job: Job) => {
    const payload = readPayload(JOBS.sendEmail, job);
    const logger = deps.logger.child({ queue: QUEUES.mail, jobId: job.id, deliveryId: payload.deliveryId });
    const attempt = { number: job.attemptsMade + 1, of: job.opts.attempts ?? 1 };
    return sendEmail({ ...deps, logger }, payload, attempt);
  };
  const worker = new Worker(QUEUES.mail, processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency ?? 4,
    ...deps.locks,
    settings: { backoffStrategy: mailRetryBackoff(deps.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS) },
  });
  worker.on('failed', (job, error) =>
    deps.logger.warn(
      { jobId: job?.id, attemptsMade: job?.attemptsMade, error: error.message },
      'send-email attempt failed',
    ),
  );
  worker.on('error', (error) => deps.logger.error({ err: error }, 'mail worker error'));
  return worker;
}
