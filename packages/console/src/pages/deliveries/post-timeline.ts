import { attempts, type Detail, type TimelineStep } from './timeline';

/** Where a Slack or webhook row ends: posted (with the receiver's answer), failed, unknown or skipped. */
function outcome(detail: Detail): TimelineStep {
  switch (detail.status) {
    case 'sent':
      return {
        title: 'Posted',
        at: detail.sentAt,
        text:
          detail.responseStatus === null
            ? 'The receiver took the report.'
            : `The receiver answered HTTP ${detail.responseStatus}.`,
      };
    case 'failed':
      return { title: 'Failed', at: detail.updatedAt, text: 'The report was not posted.', color: 'red' };
    case 'unknown':
      return {
        title: 'Outcome unknown',
        at: detail.updatedAt,
        text: 'The request went out but no answer came: the report may have been posted.',
        color: 'orange',
      };
    case 'skipped':
      return {
        title: 'Skipped',
        at: detail.updatedAt,
        text: 'The webhook was switched off before the report was posted.',
        color: 'yellow',
      };
    default:
      return { title: 'Posted', at: null };
  }
}

/**
 * A report's post to one webhook: queued once its email's report was generated (or by an admin's
 * "Post again"), the post attempts, the outcome. The report itself is generated on the email delivery.
 */
export function postTimelineSteps(detail: Detail): { steps: TimelineStep[]; reached: number } {
  const queued = detail.redeliveryOf
    ? 'Queued by an admin to post the report again, as first generated'
    : 'Queued when the report was generated for its email delivery';
  const steps: TimelineStep[] = [{ title: 'Queued', at: detail.createdAt, text: queued }];
  const post = attempts(detail);
  if (post && detail.status !== 'skipped') steps.push(post);
  steps.push(outcome(detail));
  return { steps, reached: steps.findLastIndex((step) => step.at !== null) };
}
