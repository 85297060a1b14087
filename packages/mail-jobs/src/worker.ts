import type { Database } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import type { SmtpTimeouts } from '@reportmail/mailer';
import { JOBS, QUEUES, readPayload } from '@reportmail/queue';
import type { SecretBox } from '@reportmail/secrets';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AttachmentLinks } from './jobs/build-message.js';
import { deliverWebhook, type WebhookOptions } from './jobs/deliver-webhook.js';
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
  /** Base of the webhook retries' backoff (WEBHOOK_RETRY_DELAY_MS; MAIL_RETRY_DELAY_MS's when unset). */
  webhookRetryDelayMs?: number;
  /** Default: a 10 s timeout, public addresses only. */
  webhooks?: WebhookOptions;
  attachmentLinks?: AttachmentLinks;
  /** Where mail is saved while SMTP is not configured (absolute). */
  outboxDir: string;
  concurrency?: number;
  /** BullMQ lock and stalled-check timings (shortened in tests). */
  locks?: { lockDuration: number; stalledInterval: number };
};

/**
 * Binds sendEmail and deliverWebhook to the `mail-delivery` queue, by job name. Attempts and the backoff's
 * type and jitter come from the job's options; the backoff's bases from this worker.
 */
export function createMailWorker(deps: MailWorkerDeps): Worker {
  const processor = async (job: Job) => {
    const name = job.name === JOBS.deliverWebhook ? JOBS.deliverWebhook : JOBS.sendEmail;
    const payload = readPayload(name, job);
    const logger = deps.logger.child({
      queue: QUEUES.mail,
      jobName: name,
      jobId: job.id,
      deliveryId: payload.deliveryId,
    });
    const attempt = { number: job.attemptsMade + 1, of: job.opts.attempts ?? 1 };
    if (name === JOBS.deliverWebhook) {
      const webhooks = deps.webhooks ?? { timeoutMs: 10_000, allowPrivate: false };
      return deliverWebhook({ ...deps, logger, webhooks }, payload, attempt);
    }
    return sendEmail({ ...deps, logger }, payload, attempt);
  };
  const worker = new Worker(QUEUES.mail, processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency ?? 4,
    ...deps.locks,
    settings: {
      backoffStrategy: mailRetryBackoff(
        deps.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
        deps.webhookRetryDelayMs ?? deps.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
      ),
    },
  });
  worker.on('failed', (job, error) =>
    deps.logger.warn(
      { jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, error: error.message },
      'delivery attempt failed',
    ),
  );
  worker.on('error', (error) => deps.logger.error({ err: error }, 'mail worker error'));
  return worker;
}
