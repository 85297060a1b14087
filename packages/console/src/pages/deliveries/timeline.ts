import { type Currency, formatCount, formatMoney } from '../../lib/format';
import type { DeliveryDetail } from './deliveries-api';
import { TRIGGER_SENTENCES } from './labels';

export type TimelineStep = {
  title: string;
  /** The instant it happened; null for a step not reached yet. */
  at: string | null;
  text?: string;
  /** A step that went wrong (its title says so too). */
  color?: 'red' | 'orange' | 'yellow';
};

export type Detail = Pick<
  DeliveryDetail,
  | 'channel'
  | 'responseStatus'
  | 'redeliveryOf'
  | 'status'
  | 'trigger'
  | 'createdAt'
  | 'generationStartedAt'
  | 'generatedAt'
  | 'attempts'
  | 'attemptedAt'
  | 'sentAt'
  | 'updatedAt'
  | 'transport'
  | 'totalRevenue'
  | 'totalTransactions'
  | 'errorMessage'
>;

function generated(detail: Detail, currency: Currency): TimelineStep {
  const payments = detail.totalTransactions === 1 ? 'payment' : 'payments';
  const text = detail.generatedAt
    ? `${formatMoney(detail.totalRevenue, currency)} from ${formatCount(detail.totalTransactions, currency.locale)} ${payments}`
    : undefined;
  return { title: 'Report generated', at: detail.generatedAt, text };
}

/** How the attempts are named: an email is sent, a webhook's report is posted. */
const WORDS = {
  email: { one: 'Send attempt', many: 'send attempts', waiting: 'Sending' },
  posted: { one: 'Post attempt', many: 'post attempts', waiting: 'Posting' },
};

/**
 * The send (or post) attempts as the ledger records them: how many, and when the last began (it keeps no
 * list). A retry after a transient failure keeps the row `sending` with the failure's message.
 */
export function attempts(detail: Detail): TimelineStep | null {
  const words = detail.channel === 'email' ? WORDS.email : WORDS.posted;
  if (detail.attempts === 0) {
    return detail.status === 'sending' ? { title: words.waiting, at: null, text: 'Waiting for the mail worker' } : null;
  }
  const title = detail.attempts === 1 ? words.one : `${detail.attempts} ${words.many}`;
  const last = detail.attempts === 1 ? 'Started' : 'The last one started';
  const retrying = detail.status === 'sending' && detail.errorMessage;
  return {
    title,
    at: detail.attemptedAt,
    text: retrying ? `${last} here and failed; the mail worker tries again.` : `${last} here.`,
    color: retrying ? 'yellow' : undefined,
  };
}

function outcome(detail: Detail): TimelineStep {
  switch (detail.status) {
    case 'sent':
      return detail.transport === 'outbox'
        ? {
            title: 'Saved to the outbox folder',
            at: detail.sentAt,
            text: 'No mail server was configured: the email was written to a file instead of being sent.',
          }
        : { title: 'Sent', at: detail.sentAt, text: 'The mail server accepted the email.' };
    case 'failed':
      return { title: 'Failed', at: detail.updatedAt, text: 'The email was not delivered.', color: 'red' };
    case 'unknown':
      return {
        title: 'Outcome unknown',
        at: detail.updatedAt,
        text: 'The connection broke after the email was handed over: it may have arrived.',
        color: 'orange',
      };
    case 'skipped':
      return {
        title: 'Skipped',
        at: detail.generatedAt,
        // The report worker says why when the email had nobody to go to (posted to the webhooks only).
        text:
          detail.errorMessage ?? 'The period had no payments and the schedule skips empty periods: nothing was sent.',
        color: 'yellow',
      };
    default:
      return { title: 'Sent', at: null };
  }
}

/** What happened to an email delivery, in order; `reached` is the index of the last step that happened. */
export function timelineSteps(detail: Detail, currency: Currency): { steps: TimelineStep[]; reached: number } {
  const steps: TimelineStep[] = [
    { title: 'Queued', at: detail.createdAt, text: TRIGGER_SENTENCES[detail.trigger] },
    { title: 'Report generation started', at: detail.generationStartedAt },
    generated(detail, currency),
  ];
  const send = attempts(detail);
  if (send && detail.status !== 'skipped') steps.push(send);
  steps.push(outcome(detail));
  return { steps, reached: steps.findLastIndex((step) => step.at !== null) };
}
