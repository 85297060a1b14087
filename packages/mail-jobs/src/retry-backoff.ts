import { JOB_OPTIONS, JOBS } from '@reportmail/queue';
import type { BackoffStrategy } from 'bullmq';

/** Without `retryDelayMs`: MAIL_RETRY_DELAY_MS's default, the 10 s base send-email jobs used to carry. */
export const DEFAULT_RETRY_DELAY_MS = 10_000;

/** The custom backoff type send-email jobs name in their options (packages/queue's JOB_OPTIONS). */
export function mailRetryBackoffType(): string {
  const backoff = JOB_OPTIONS[JOBS.sendEmail].backoff;
  if (typeof backoff !== 'object') throw new Error('send-email jobs must name their backoff type');
  return backoff.type;
}

/**
 * The Worker's `settings.backoffStrategy` for send-email retries: BullMQ's exponential backoff (the first
 * retry after `baseMs`, then doubling) with the job's own jitter, but from the worker's base, so the
 * operator sets it (MAIL_RETRY_DELAY_MS) and a test or a fault run can make it short. BullMQ consults it
 * only for types it has no builtin for; `exponential` jobs queued before this keep their own delay.
 */
export function mailRetryBackoff(baseMs: number): BackoffStrategy {
  const named = mailRetryBackoffType();
  return (attemptsMade, type, _error, job) => {
    // As BullMQ does for a type nobody implements: the job fails loudly instead of retrying at random.
    if (type !== named) throw new Error(`Unknown backoff strategy ${type}`);
    const options = job?.opts.backoff;
    const jitter = typeof options === 'object' ? (options.jitter ?? 0) : 0;
    const ceiling = Math.round(2 ** (attemptsMade - 1) * baseMs);
    return jitter > 0 ? Math.floor(ceiling * (1 - jitter) + Math.random() * ceiling * jitter) : ceiling;
  };
}
