import { describe, expect, it } from 'vitest';
import { postTimelineSteps } from './post-timeline';

// A Slack row as the report worker writes it: `sending` from the start, never generated itself.
const queued = {
  channel: 'slack' as const,
  responseStatus: null,
  redeliveryOf: null,
  status: 'sending' as const,
  trigger: 'scheduled' as const,
  createdAt: '2026-12-07T00:00:02.000Z',
  generationStartedAt: null,
  generatedAt: null,
  attempts: 0,
  attemptedAt: null,
  sentAt: null,
  updatedAt: '2026-12-07T00:00:02.000Z',
  transport: null,
  totalRevenue: '7502.75',
  totalTransactions: 9,
  errorMessage: null,
};
const QUEUED = {
  title: 'Queued',
  at: queued.createdAt,
  text: 'Queued when the report was generated for its email delivery',
};
const attempted = { ...queued, attempts: 1, attemptedAt: '2026-12-07T00:00:03.000Z' };
const ATTEMPT = { title: 'Post attempt', at: attempted.attemptedAt, text: 'Started here.', color: undefined };

describe('postTimelineSteps', () => {
  it('waits for the mail worker, with no report generation steps of its own', () => {
    expect(postTimelineSteps(queued)).toEqual({
      steps: [
        QUEUED,
        { title: 'Posting', at: null, text: 'Waiting for the mail worker' },
        { title: 'Posted', at: null },
      ],
      reached: 0,
    });
  });

  it('ends posted with the receiver’s HTTP status', () => {
    const sent = { ...attempted, status: 'sent' as const, sentAt: '2026-12-07T00:00:03.400Z', responseStatus: 200 };
    expect(postTimelineSteps(sent)).toEqual({
      steps: [QUEUED, ATTEMPT, { title: 'Posted', at: sent.sentAt, text: 'The receiver answered HTTP 200.' }],
      reached: 2,
    });
  });

  it('shows retries, then failed, unknown or skipped', () => {
    const retrying = { ...attempted, attempts: 3, errorMessage: 'books.example answered HTTP 503' };
    expect(postTimelineSteps(retrying).steps[1]).toEqual({
      title: '3 post attempts',
      at: attempted.attemptedAt,
      text: 'The last one started here and failed; the mail worker tries again.',
      color: 'yellow',
    });
    const failed = { ...retrying, status: 'failed' as const, updatedAt: '2026-12-07T00:05:00.000Z' };
    expect(postTimelineSteps(failed).steps.at(-1)).toEqual({
      title: 'Failed',
      at: failed.updatedAt,
      text: 'The report was not posted.',
      color: 'red',
    });
    expect(postTimelineSteps({ ...failed, status: 'unknown' }).steps.at(-1)?.title).toBe('Outcome unknown');
    const skipped = { ...queued, status: 'skipped' as const, updatedAt: '2026-12-07T00:00:04.000Z' };
    expect(postTimelineSteps(skipped)).toEqual({
      steps: [
        QUEUED,
        {
          title: 'Skipped',
          at: skipped.updatedAt,
          text: 'The webhook was switched off before the report was posted.',
          color: 'yellow',
        },
      ],
      reached: 1,
    });
  });

  it('says an admin queued a post again', () => {
    const again = { ...queued, trigger: 'manual' as const, redeliveryOf: '1b0d5a57-8a6b-4b0a-9c55-2f0a3e1f7b10' };
    expect(postTimelineSteps(again).steps[0]?.text).toBe(
      'Queued by an admin to post the report again, as first generated',
    );
  });
});
