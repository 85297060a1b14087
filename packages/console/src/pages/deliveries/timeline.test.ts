import { describe, expect, it } from 'vitest';
import { timelineSteps } from './timeline';

const peso = { symbol: '₱', locale: 'en-PH' };
const queued = {
  channel: 'email' as const,
  responseStatus: null,
  redeliveryOf: null,
  status: 'pending' as const,
  trigger: 'manual' as const,
  createdAt: '2026-12-02T13:43:04.000Z',
  generationStartedAt: null,
  generatedAt: null,
  attempts: 0,
  attemptedAt: null,
  sentAt: null,
  updatedAt: '2026-12-02T13:43:04.000Z',
  transport: null,
  totalRevenue: null,
  totalTransactions: null,
  errorMessage: null,
};
const generated = {
  ...queued,
  status: 'sending' as const,
  generationStartedAt: '2026-12-02T13:43:04.100Z',
  generatedAt: '2026-12-02T13:43:04.400Z',
  totalRevenue: '137580.4',
  totalTransactions: 83,
};
const QUEUED = { title: 'Queued', at: queued.createdAt, text: 'Queued by an admin (send now or resend)' };
const STARTED = { title: 'Report generation started', at: generated.generationStartedAt };
const GENERATED = { title: 'Report generated', at: generated.generatedAt, text: '₱137,580.40 from 83 payments' };

describe('timelineSteps', () => {
  it('shows a queued delivery with everything after it still to come', () => {
    expect(timelineSteps(queued, peso)).toEqual({
      steps: [
        QUEUED,
        { title: 'Report generation started', at: null },
        { title: 'Report generated', at: null, text: undefined },
        { title: 'Sent', at: null },
      ],
      reached: 0,
    });
  });

  it('waits for the mail worker once generated, then shows a retry after a transient failure', () => {
    expect(timelineSteps(generated, peso).steps.slice(2)).toEqual([
      GENERATED,
      { title: 'Sending', at: null, text: 'Waiting for the mail worker' },
      { title: 'Sent', at: null },
    ]);
    const retrying = {
      ...generated,
      attempts: 2,
      attemptedAt: '2026-12-02T13:44:00.000Z',
      errorMessage: 'SMTP 421: busy',
    };
    const { steps, reached } = timelineSteps(retrying, peso);
    expect([steps[3], reached]).toEqual([
      {
        title: '2 send attempts',
        at: '2026-12-02T13:44:00.000Z',
        text: 'The last one started here and failed; the mail worker tries again.',
        color: 'yellow',
      },
      3,
    ]);
  });

  it('ends sent to the outbox, failed after attempts, unknown, or skipped', () => {
    const sent = { ...generated, status: 'sent' as const, attempts: 1, attemptedAt: '2026-12-02T13:43:04.500Z' };
    const outbox = { ...sent, sentAt: '2026-12-02T13:43:04.700Z', transport: 'outbox' as const };
    expect(timelineSteps(outbox, peso)).toEqual({
      steps: [
        QUEUED,
        STARTED,
        GENERATED,
        { title: 'Send attempt', at: '2026-12-02T13:43:04.500Z', text: 'Started here.', color: undefined },
        {
          title: 'Saved to the outbox folder',
          at: '2026-12-02T13:43:04.700Z',
          text: 'No mail server was configured: the email was written to a file instead of being sent.',
        },
      ],
      reached: 4,
    });
    const failed = { ...sent, status: 'failed' as const, attempts: 8, updatedAt: '2026-12-02T14:10:00.000Z' };
    expect(timelineSteps(failed, peso).steps.slice(3)).toEqual([
      { title: '8 send attempts', at: sent.attemptedAt, text: 'The last one started here.', color: undefined },
      { title: 'Failed', at: '2026-12-02T14:10:00.000Z', text: 'The email was not delivered.', color: 'red' },
    ]);
    expect(timelineSteps({ ...failed, status: 'unknown' }, peso).steps.at(-1)?.title).toBe('Outcome unknown');
    const skipped = { ...generated, status: 'skipped' as const, totalRevenue: '0.00', totalTransactions: 0 };
    expect(timelineSteps(skipped, peso).steps.slice(2)).toEqual([
      { ...GENERATED, text: '₱0.00 from 0 payments' },
      {
        title: 'Skipped',
        at: generated.generatedAt,
        text: 'The period had no payments and the schedule skips empty periods: nothing was sent.',
        color: 'yellow',
      },
    ]);
  });
});
