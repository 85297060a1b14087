import type { Delivery } from '@reportmail/ledger';
import type { Logger } from '@reportmail/logger';
import { composeMessage, messageIdFor, type SmtpSettings, type SmtpTransport, sendComposed } from '@reportmail/mailer';

/**
 * Tells the admin address (when one is set) that a delivery ended without being sent. Best effort: the
 * ledger already holds the failure, so a notice that cannot go out is logged, not retried.
 */
export async function sendFailureNotice(
  transport: SmtpTransport,
  settings: SmtpSettings,
  delivery: Delivery,
  outcome: { status: 'failed' | 'unknown'; error: string },
  logger: Logger,
): Promise<void> {
  if (!settings.adminAddress) return;
  const what = delivery.subject ?? `${delivery.reportType} report`;
  const lines = [
    outcome.status === 'unknown'
      ? 'A report email may or may not have been delivered: the connection was lost after the message was sent.'
      : 'A report email could not be delivered.',
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
    const notice = await composeMessage({
      from: { name: settings.fromName, address: settings.fromAddress },
      to: [settings.adminAddress],
      cc: [],
      bcc: [],
      subject: `[reportmail] Delivery ${outcome.status}: ${what}`,
      text: lines.join('\n'),
      messageId: messageIdFor(`notice-${delivery.id}`, settings.fromAddress),
    });
    await sendComposed(transport, notice);
  } catch (error) {
    logger.error({ err: error }, 'failure notice to the admin address could not be sent');
  }
}
