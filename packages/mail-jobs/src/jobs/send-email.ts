import { type Database, reportSchedule } from '@reportmail/db';
import { DATA_STARTED_NO_OUTCOME, type Delivery, findDelivery, transitionDelivery } from '@reportmail/ledger';
import type { Logger } from '@reportmail/logger';
import {
  composeMessage,
  type DeliveredMail,
  type MailChannel,
  openMailChannel,
  SendFailure,
  type SmtpTimeouts,
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
  /** Where mail is saved while SMTP is not configured (absolute). */
  outboxDir: string;
};

/** Which try this is (1-based) out of how many the job allows. */
export type Attempt = { number: number; of: number };

export type SendEmailResult = { outcome: 'sent' | 'already-final'; deliveryId: string; status: Delivery['status'] };

/** States in which nothing more is ever sent for a row. */
const FINAL: Delivery['status'][] = ['sent', 'failed', 'unknown', 'skipped'];

/**
 * Sends the email of a generated delivery once: over SMTP, or into the local outbox while SMTP is not
 * configured (then `sent` with transport `outbox` and the `.eml` path). Accepted → `sent` (never sent
 * again); a transient failure throws for BullMQ's backoff until the last attempt, which ends `failed`; a
 * permanent one ends `failed` at once; a connection lost after the data went out ends `unknown`, never
 * retried. The row records when the message data began (after the server's 354, before the first byte): a
 * retried or recovered job that finds it set with no outcome (its worker died mid-send) ends `unknown` too.
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
  // Read per job: once an admin saves SMTP settings, the next send goes over SMTP instead of the outbox.
  const channel = await openMailChannel(deps.database.db, deps.secrets, deps);
  try {
    return await deliverOnce({ ...deps, logger: log }, { delivery, channel, attempt });
  } finally {
    channel.close();
  }
}

type SendContext = { delivery: Delivery; channel: MailChannel; attempt: Attempt };

async function deliverOnce(deps: SendEmailDeps, context: SendContext): Promise<SendEmailResult> {
  const { delivery, channel } = context;
  if (delivery.dataStartedAt) {
    await endDelivery(deps.database, delivery, 'unknown', DATA_STARTED_NO_OUTCOME);
    deps.logger.error({ dataStartedAt: delivery.dataStartedAt }, 'message data began with no outcome: unknown');
    await sendFailureNotice(channel, delivery, { status: 'unknown', error: DATA_STARTED_NO_OUTCOME }, deps.logger);
    throw new UnrecoverableError(DATA_STARTED_NO_OUTCOME);
  }
  return sendMessage(deps, context);
}

/** Written and committed before the first byte of the message data: the ledger decides after a crash. */
async function recordDataStarted(database: Database, deliveryId: string): Promise<void> {
  const row = await transitionDelivery(database.db, deliveryId, ['sending'], 'sending', { dataStartedAt: new Date() });
  if (!row) throw new Error(`Delivery ${deliveryId} is no longer sending: its message data is not sent`);
}

async function sendMessage(deps: SendEmailDeps, { delivery, channel, attempt }: SendContext): Promise<SendEmailResult> {
  const message = await buildDeliveryMessage(deps.database, delivery, channel.sender, deps.attachmentLinks).catch(
    async (error: unknown) => {
      // A delivery that can never be built (no recipient, no content) ends failed, not stuck in `sending`.
      if (error instanceof UnrecoverableError) await endDelivery(deps.database, delivery, 'failed', error.message);
      throw error;
    },
  );
  const composed = await composeMessage(message);
  try {
    await transitionDelivery(deps.database.db, delivery.id, ['sending'], 'sending', {
      attempts: delivery.attempts + 1,
      attemptedAt: new Date(),
    });
    const delivered = await channel.deliver({
      id: delivery.id,
      message,
      composed,
      beforeData: () => recordDataStarted(deps.database, delivery.id),
    });
    await markSent(deps.database, delivery, message.messageId, delivered, deps.logger);
    logDelivered(deps.logger, delivered);
    return { outcome: 'sent', deliveryId: delivery.id, status: 'sent' };
  } catch (error) {
    if (!(error instanceof SendFailure)) throw error;
    return await handleFailure(deps, { delivery, channel, attempt, error });
  }
}

function logDelivered(logger: Logger, delivered: DeliveredMail): void {
  const counts = { accepted: delivered.accepted.length, rejected: delivered.rejected.length };
  if (delivered.outboxPath) logger.info({ ...counts, path: delivered.outboxPath }, 'report email saved to the outbox');
  else logger.info(counts, 'report email sent');
}

/** How long the outcome of an accepted message is retried while PostgreSQL does not answer. */
const RECORD_SENT_FOR_MS = 60_000;

/**
 * The server has accepted the message: its `sent` must reach the ledger, or the retry would find the data
 * begun and end it `unknown`. A PostgreSQL restart or failover is ridden out by trying again (0.25 s, then
 * doubling to 5 s) for up to a minute before the error is let through.
 */
async function untilRecorded(write: () => Promise<unknown>, logger: Logger): Promise<void> {
  const deadline = Date.now() + RECORD_SENT_FOR_MS;
  for (let pauseMs = 250; ; pauseMs = Math.min(pauseMs * 2, 5_000)) {
    try {
      await write();
      return;
    } catch (error) {
      if (Date.now() + pauseMs > deadline) throw error;
      logger.warn({ err: error, retryInMs: pauseMs }, 'message accepted but not yet recorded as sent: retrying');
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

async function markSent(
  database: Database,
  delivery: Delivery,
  messageId: string,
  delivered: DeliveredMail,
  logger: Logger,
): Promise<void> {
  const sentAt = new Date();
  await untilRecorded(() => recordSent(database, delivery, { sentAt, messageId, delivered }), logger);
}

async function recordSent(
  database: Database,
  delivery: Delivery,
  { sentAt, messageId, delivered }: { sentAt: Date; messageId: string; delivered: DeliveredMail },
): Promise<void> {
  await transitionDelivery(database.db, delivery.id, ['sending'], 'sent', {
    sentAt,
    messageId,
    acceptedRecipients: delivered.accepted,
    rejectedRecipients: delivered.rejected,
    transport: delivered.transport,
    outboxPath: delivered.outboxPath,
    errorMessage: null,
  });
  if (delivery.scheduleId && delivery.trigger !== 'test') {
    await database.db
      .update(reportSchedule)
      .set({ lastSentAt: sentAt })
      .where(eq(reportSchedule.id, delivery.scheduleId));
  }
}

type FailureContext = SendContext & { error: SendFailure };

async function handleFailure(deps: SendEmailDeps, context: FailureContext): Promise<never> {
  const { delivery, attempt, error } = context;
  const { kind, message } = error.failure;
  if (kind === 'transient' && attempt.number < attempt.of) {
    // The server answered (or the data never began): nothing was delivered, the retry may send it.
    await transitionDelivery(deps.database.db, delivery.id, ['sending'], 'sending', {
      errorMessage: message,
      dataStartedAt: null,
    });
    deps.logger.warn(
      { error: message, of: attempt.of, transport: context.channel.transport },
      'transient send failure: will retry',
    );
    throw error;
  }
  const status = kind === 'unknown' ? 'unknown' : 'failed';
  const final = kind === 'transient' ? `${message} (gave up after ${attempt.of} attempts)` : message;
  await endDelivery(deps.database, delivery, status, final);
  deps.logger.error({ error: final, status }, 'report email not delivered');
  await sendFailureNotice(context.channel, delivery, { status, error: final }, deps.logger);
  throw new UnrecoverableError(final);
}

async function endDelivery(database: Database, delivery: Delivery, status: 'failed' | 'unknown', error: string) {
  await transitionDelivery(database.db, delivery.id, ['sending'], status, { errorMessage: error });
}
