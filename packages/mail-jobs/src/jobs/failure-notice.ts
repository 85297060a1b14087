import type { Delivery } from '@reportmail/ledger';
import type { Logger } from '@reportmail/logger';
import { composeMessage, type MailChannel, messageIdFor } from '@reportmail/mailer';

/**
 * Tells the admin address (when one is set) that a delivery ended without being sent, through the same
 * channel: over SMTP, or into the outbox while SMTP is not configured. Best effort: the ledger already
 * holds the failure, so a notice that cannot go out is logged, not retried.
 */
export async function sendFailureNotice(
  channel: MailChannel,
  delivery: Delivery,
  outcome: { status: 'failed' | 'unknown'; error: string },
  logger: Logger,
): Promise<void> {
  const { sender } = channel;
  if (!sender.adminAddress) return;
  const what = delivery.subject ?? `${delivery.reportType} report`;
  const lines = [
    headline(delivery, outcome.status),
    '',
    `Report: ${what}`,
    `Period: ${delivery.periodStart.toISOString()} to ${delivery.periodEnd.toISOString()} (${delivery.timezone})`,
    `Delivery id: ${delivery.id}`,
    `Status: ${outcome.status}`,
    `Error: ${outcome.error}`,
    '',
    'It will not be retried automatically; resend it from the delivery log once the cause is fixed.',
  ];
  try {
    const id = `notice-${delivery.id}`;
    const message = {
      from: { name: sender.fromName, address: sender.fromAddress },
      to: [sender.adminAddress],
      cc: [],
      bcc: [],
      subject: `[reportmail] Delivery ${outcome.status}: ${what}`,
      text: lines.join('\n'),
      messageId: messageIdFor(id, sender.fromAddress),
    };
    const delivered = await channel.deliver({ id, message, composed: await composeMessage(message) });
    if (delivered.outboxPath) logger.info({ path: delivered.outboxPath }, 'failure notice saved to the outbox');
  } catch (error) {
    logger.error({ err: error }, 'failure notice to the admin address could not be sent');
  }
}

/** What went wrong, in the words of the channel: an email, a Slack message or a webhook post. */
function headline(delivery: Delivery, status: 'failed' | 'unknown'): string {
  if (delivery.channel === 'email') {
    return status === 'unknown'
      ? 'A report email may or may not have been delivered: the connection was lost after the message was sent.'
      : 'A report email could not be delivered.';
  }
  const target = delivery.channel === 'slack' ? 'Slack message' : 'webhook post';
  const to = `to "${delivery.webhookLabel ?? 'a deleted webhook'}"`;
  return status === 'unknown'
    ? `A report's ${target} ${to} may or may not have been posted: no answer came after it was sent.`
    : `A report's ${target} ${to} could not be delivered.`;
}
