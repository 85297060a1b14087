import { JOB_OPTIONS, JOBS } from '@reportmail/queue';
import type { BackoffStrategy } from 'bullmq';

/** Without `retryDelayMs`: MAIL_RETRY_DELAY_MS's default, the 10 s base send-email jobs used to carry. */
export const DEFAULT_RETRY_DELAY_MS = 10_000;

/** The custom backoff type the jobs of `job` name in their options (packages/queue's JOB_OPTIONS). */
export function retryBackoffType(job: typeof JOBS.sendEmail | typeof JOBS.deliverWebhook): string {
  const backoff = JOB_OPTIONS[job].backoff;
  if (typeof backoff !== 'object') throw new Error(`${job} jobs must name their backoff type`);
  return backoff.type;
}

/**
 * The Worker's `settings.backoffStrategy` for send-email and deliver-webhook retries: BullMQ's exponential
 * backoff (the first retry after the base, then doubling) with the job's own jitter, but from the worker's
 * bases, so the operator sets them (MAIL_RETRY_DELAY_MS, WEBHOOK_RETRY_DELAY_MS) and a test or a fault run
 * can make them short. BullMQ consults it only for types it has no builtin for; `exponential` jobs queued
 * before this keep their own delay.
 */
export function mailRetryBackoff(baseMs: number, webhookBaseMs = baseMs): BackoffStrategy {
  const bases = new Map([
    [retryBackoffType(JOBS.sendEmail), baseMs],
    [retryBackoffType(JOBS.deliverWebhook), webhookBaseMs],
  ]);
  return (attemptsMade, type, _error, job) => {
    const base = type === undefined ? undefined : bases.get(type);
    // As BullMQ does for a type nobody implements: the job fails loudly instead of retrying at random.
    if (base === undefined) throw new Error(`Unknown backoff strategy ${type}`);
    const options = job?.opts.backoff;
    const jitter = typeof options === 'object' ? (options.jitter ?? 0) : 0;
    const ceiling = Math.round(2 ** (attemptsMade - 1) * base);
    return jitter > 0 ? Math.floor(ceiling * (1 - jitter) + Math.random() * ceiling * jitter) : ceiling;
  };
}
