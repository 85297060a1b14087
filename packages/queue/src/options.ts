import type { DefaultJobOptions } from 'bullmq';
import { JOBS, type JobName } from './contract.js';

const DAY_SECONDS = 86_400;

/** Finished jobs are kept for inspection in Bull Board, but never without bound. */
const RETENTION: Pick<DefaultJobOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 7 * DAY_SECONDS, count: 1_000 },
  removeOnFail: { age: 30 * DAY_SECONDS, count: 5_000 },
};

/**
 * Per-job retry policy: transient failures back off exponentially with jitter. A send-email job names a
 * custom backoff (`send-email-retry`, keeping the 0.5 jitter) that the mail worker computes as BullMQ's
 * exponential one from its own MAIL_RETRY_DELAY_MS, so the operator sets the base without requeueing:
 * BullMQ runs a Worker's `settings.backoffStrategy` for any type it has no builtin for. Jobs queued
 * before, with `exponential` and a 10 s base, keep that builtin.
 */
export const JOB_OPTIONS: Record<JobName, DefaultJobOptions> = {
  [JOBS.generateReport]: {
    ...RETENTION,
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
  },
  [JOBS.sendEmail]: {
    ...RETENTION,
    attempts: 8,
    backoff: { type: 'send-email-retry', jitter: 0.5 },
  },
  // The same, from WEBHOOK_RETRY_DELAY_MS: 5xx answers and timeouts only (a 4xx ends the job at once).
  [JOBS.deliverWebhook]: {
    ...RETENTION,
    attempts: 6,
    backoff: { type: 'webhook-retry', jitter: 0.5 },
  },
};
