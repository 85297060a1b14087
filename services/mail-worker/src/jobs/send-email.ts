import { type Database, reportSchedule } from '@reportmail/db';
import { type Delivery, findDelivery, transitionDelivery } from '@reportmail/ledger';
import type { Logger } from '@reportmail/logger';
import {
  composeMessage,
  createSmtpTransport,
  loadSmtpSettings,
  SendFailure,
  type SmtpSettings,
  type SmtpTimeouts,
  type SmtpTransport,
  sendComposed,
} from '@reportmail/mailer';
import type { SendEmailPayload } from '@reportmail/queue';
import type { SecretBox } from '@reportmail/secrets';
import { UnrecoverableError } from 'bullmq';
import { eq } from 'drizzle-orm';
import { type AttachmentLinks, buildDeliveryMessage } from './build-message.js';
import { sendFailureNotice } from './failure-notice.js';

export type SendEmailDeps = {
  database: Database;
  logger: Logger;
  secrets: SecretBox;
  smtpTimeouts?: SmtpTimeouts;
  /** Signed download links for workbooks too large to attach (only with PUBLIC_URL). */
  attachmentLinks?: AttachmentLinks;
};

/** Which try this is (1-based) out of how many the job allows. */
export type Attempt = { number: number; of: number };

export type SendEmailResult = { outcome: 'sent' | 'already-final'; deliveryId: string; status: Delivery['status'] };

/** States in which nothing more is ever sent for a row. */
const FINAL: Delivery['status'][] = ['sent', 'failed', 'unknown', 'skipped'];

/**
 * Sends the email of a generated delivery once. Accepted → `sent` (never sent again); a transient
 * failure throws for BullMQ's backoff until the last attempt, which ends `failed`; a permanent one ends
 * `failed` at once; a connection lost after the data went out ends `unknown`, never retried.
 */
export async function sendEmail(
  deps: SendEmailDeps,
  payload: SendEmailPayload,
  attempt: Attempt,
): Promise<SendEmailResult> {
  const delivery = await findDelivery(deps.database.db, payload.deliveryId);
  if (!delivery) throw new UnrecoverableError(`Delivery ${payload.deliveryId} does not exist`);
  const log = deps.logger.child({ deliveryId: delivery.id, attempt: attempt.number });
  if (FINAL.includes(delivery.status)) {
    log.info({ status: delivery.status }, 'delivery already final: nothing sent');
    return { outcome: 'already-final', deliveryId: delivery.id, status: delivery.status };
  }
  if (delivery.status !== 'sending') {
    throw new UnrecoverableError(`Delivery ${delivery.id} is "${delivery.status}", its report is not generated yet`);
  }
  const settings = await loadSmtpSettings(deps.database.db, deps.secrets);
  if (!settings) {
    await endDelivery(deps.database, delivery, 'failed', 'SMTP is not configured (set it with PUT /v1/smtp-settings)');
    throw new UnrecoverableError('SMTP is not configured');
  }
  const message = await buildDeliveryMessage(deps.database, delivery, settings, deps.attachmentLinks).catch(
    async (error: unknown) => {
      // A delivery that can never be built (no recipient, no content) ends failed, not stuck in `sending`.
      if (error instanceof UnrecoverableError) await endDelivery(deps.database, delivery, 'failed', error.message);
      throw error;
    },
  );
  const composed = await composeMessage(message);
  const transport = createSmtpTransport(settings, deps.smtpTimeouts);
  try {
    await transitionDelivery(deps.database.db, delivery.id, ['sending'], 'sending', {
      attempts: delivery.attempts + 1,
      attemptedAt: new Date(),
    });
    const sent = await sendComposed(transport, composed);
    await markSent(deps.database, delivery, message.messageId, sent);
    log.info({ accepted: sent.accepted.length, rejected: sent.rejected.length }, 'report email sent');
    return { outcome: 'sent', deliveryId: delivery.id, status: 'sent' };
  } catch (error) {
    if (!(error instanceof SendFailure)) throw error;
    return await handleFailure({ ...deps, logger: log }, { delivery, settings, transport, attempt, error });
  } finally {
    transport.close();
  }
}

async function markSent(
  database: Database,
  delivery: Delivery,
  messageId: string,
  sent: { accepted: string[]; rejected: string[] },
): Promise<void> {
  const sentAt = new Date();
  await transitionDelivery(database.db, delivery.id, ['sending'], 'sent', {
    sentAt,
    messageId,
    acceptedRecipients: sent.accepted,
    rejectedRecipients: sent.rejected,
    errorMessage: null,
  });
  if (delivery.scheduleId && delivery.trigger !== 'test') {
    await database.db
      .update(reportSchedule)
      .set({ lastSentAt: sentAt })
      .where(eq(reportSchedule.id, delivery.scheduleId));
  }
}

type FailureContext = {
  delivery: Delivery;
  settings: SmtpSettings;
  transport: SmtpTransport;
  attempt: Attempt;
  error: SendFailure;
};

async function handleFailure(deps: SendEmailDeps, context: FailureContext): Promise<never> {
  const { delivery, attempt, error } = context;
  const { kind, message } = error.failure;
  if (kind === 'transient' && attempt.number < attempt.of) {
    await transitionDelivery(deps.database.db, delivery.id, ['sending'], 'sending', { errorMessage: message });
    deps.logger.warn({ error: message, of: attempt.of }, 'transient SMTP failure: will retry');
    throw error;
  }
  const status = kind === 'unknown' ? 'unknown' : 'failed';
  const final = kind === 'transient' ? `${message} (gave up after ${attempt.of} attempts)` : message;
  await endDelivery(deps.database, delivery, status, final);
  deps.logger.error({ error: final, status }, 'report email not delivered');
  await sendFailureNotice(context.transport, context.settings, delivery, { status, error: final }, deps.logger);
  throw new UnrecoverableError(final);
}

async function endDelivery(database: Database, delivery: Delivery, status: 'failed' | 'unknown', error: string) {
  await transitionDelivery(database.db, delivery.id, ['sending'], status, { errorMessage: error });
}
