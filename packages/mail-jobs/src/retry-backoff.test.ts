import { JOB_OPTIONS, JOBS } from '@reportmail/queue';
import type { MinimalJob } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { mailRetryBackoff, retryBackoffType } from './retry-backoff.js';

const mailRetryBackoffType = () => retryBackoffType(JOBS.sendEmail);

const jobWith = (jitter: number) => ({ opts: { backoff: { type: mailRetryBackoffType(), jitter } } }) as MinimalJob;

describe('mailRetryBackoff', () => {
  it('is what send-email jobs name, with attempts and jitter kept from before', () => {
    expect(JOB_OPTIONS[JOBS.sendEmail]).toMatchObject({
      attempts: 8,
      backoff: { type: 'send-email-retry', jitter: 0.5 },
    });
  });

  it('doubles from the worker’s base, as BullMQ’s exponential backoff does', () => {
    const strategy = mailRetryBackoff(200);
    const delays = [1, 2, 3, 7].map((attemptsMade) =>
      strategy(attemptsMade, mailRetryBackoffType(), undefined, jobWith(0)),
    );
    expect(delays).toEqual([200, 400, 800, 12_800]);
  });

  it('takes up to half of each delay off with the job’s 0.5 jitter', () => {
    const strategy = mailRetryBackoff(10_000);
    for (let run = 0; run < 200; run += 1) {
      const delay = strategy(3, mailRetryBackoffType(), undefined, jobWith(0.5)) as number;
      expect(delay).toBeGreaterThanOrEqual(20_000);
      expect(delay).toBeLessThanOrEqual(40_000);
    }
  });

  it('backs deliver-webhook jobs off from their own base', () => {
    expect(JOB_OPTIONS[JOBS.deliverWebhook]).toMatchObject({
      attempts: 6,
      backoff: { type: 'webhook-retry', jitter: 0.5 },
    });
    const type = retryBackoffType(JOBS.deliverWebhook);
    const webhookJob = { opts: { backoff: { type, jitter: 0 } } } as MinimalJob;
    const strategy = mailRetryBackoff(200, 1_000);
    expect([1, 2, 5].map((attemptsMade) => strategy(attemptsMade, type, undefined, webhookJob))).toEqual([
      1_000, 2_000, 16_000,
    ]);
  });

  it('refuses a type it does not implement, as BullMQ does', () => {
    expect(() => mailRetryBackoff(200)(1, 'linear', undefined, jobWith(0))).toThrow(/Unknown backoff strategy linear/);
  });
});
