import { type Database, deliveryArtifact, scheduleWebhook } from '@reportmail/db';
import { type Delivery, findDelivery, transitionDelivery } from '@reportmail/ledger';
import { openMailChannel } from '@reportmail/mailer';
import type { DeliverWebhookPayload } from '@reportmail/queue';
import { openWebhookSecrets, PostFailure, postWebhook } from '@reportmail/webhooks';
import { UnrecoverableError } from 'bullmq';
import { eq } from 'drizzle-orm';
import { sendFailureNotice } from './failure-notice.js';
import type { Attempt, SendEmailDeps } from './send-email.js';
import { type WebhookRequest, webhookRequest } from './webhook-request.js';

export type WebhookOptions = {
  /** One request in all, connect to the end of the answer (WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
  /** ALLOW_PRIVATE_WEBHOOKS: internal addresses and plain http are fine (development, tests). */
  allowPrivate: boolean;
};

export type DeliverWebhookDeps = SendEmailDeps & { webhooks: WebhookOptions };

export type DeliverWebhookResult = {
  outcome: 'sent' | 'already-final' | 'skipped';
  deliveryId: string;
  status: Delivery['status'];
};

const FINAL: Delivery['status'][] = ['sent', 'failed', 'unknown', 'skipped'];

/** Why a Slack row whose request went out with no answer ends `unknown` instead of being posted again. */
export const SLACK_NO_ANSWER =
  'The Slack message was sent but no answer came: it may have been posted, so it is not posted again by ' +
  'itself (resend it if the channel did not get it)';

/**
 * Posts a report to one webhook once, as its own ledger row. A 2xx answer → `sent`; a 5xx, a timeout or a
 * network error is retried with backoff until the last attempt (then `failed`); a 4xx, a redirect or an
 * address the guard refuses ends `failed` at once. Generic webhooks carry the row id in a header, so a
 * receiver drops a retry of a request it already took; Slack cannot, so a Slack request that went out
 * with no answer (or whose worker died mid-request) ends `unknown`, never posted twice by itself.
 */
export async function deliverWebhook(
  deps: DeliverWebhookDeps,
  payload: DeliverWebhookPayload,
  attempt: Attempt,
): Promise<DeliverWebhookResult> {
  const row = await findDelivery(deps.database.db, payload.deliveryId);
  if (!row) throw new UnrecoverableError(`Delivery ${payload.deliveryId} does not exist`);
  const log = deps.logger.child({ deliveryId: row.id, channel: row.channel, attempt: attempt.number });
  if (FINAL.includes(row.status)) {
    log.info({ status: row.status }, 'delivery already final: nothing posted');
    return { outcome: 'already-final', deliveryId: row.id, status: row.status };
  }
  if (row.status !== 'sending' || row.channel === 'email' || !row.reportDeliveryId) {
    throw new UnrecoverableError(`Delivery ${row.id} is not a webhook delivery ready to post`);
  }
  const context = { ...deps, logger: log };
  if (row.channel === 'slack' && row.dataStartedAt) return endUnanswered(context, row, SLACK_NO_ANSWER);
  const hook = await loadWebhook(deps.database, row.webhookId);
  if (!hook) return endRow(context, row, 'failed', 'The webhook was deleted before the report was posted');
  if (!hook.enabled) {
    await transitionDelivery(deps.database.db, row.id, ['sending'], 'skipped', {
      errorMessage: 'The webhook was switched off before the report was posted',
    });
    return { outcome: 'skipped', deliveryId: row.id, status: 'skipped' };
  }
  return post(context, row, hook, attempt);
}

type Webhook = typeof scheduleWebhook.$inferSelect;

async function post(deps: DeliverWebhookDeps, row: Delivery, hook: Webhook, attempt: Attempt) {
  const report = await findDelivery(deps.database.db, row.reportDeliveryId as string);
  const { url, signingSecret } = openWebhookSecrets(deps.secrets, hook);
  const workbookSha256 = await storedWorkbookSha256(deps.database, row.reportDeliveryId as string);
  let request: WebhookRequest;
  try {
    request = webhookRequest({ row, report, signingSecret, workbookSha256, links: deps.attachmentLinks });
  } catch (error) {
    // A post that can never be built (no stored report, no secret) ends failed, not stuck in `sending`.
    if (error instanceof UnrecoverableError) await endRow(deps, row, 'failed', error.message, false);
    throw error;
  }
  await transitionDelivery(deps.database.db, row.id, ['sending'], 'sending', {
    attempts: row.attempts + 1,
    attemptedAt: new Date(),
    dataStartedAt: new Date(),
  });
  try {
    const answer = await postWebhook(url, request.body, request.headers, deps.webhooks);
    await transitionDelivery(deps.database.db, row.id, ['sending'], 'sent', {
      sentAt: new Date(),
      responseStatus: answer.status,
      errorMessage: null,
    });
    deps.logger.info({ status: answer.status }, 'report posted to webhook');
    return { outcome: 'sent' as const, deliveryId: row.id, status: 'sent' as const };
  } catch (error) {
    if (!(error instanceof PostFailure)) throw error;
    return failed(deps, row, attempt, error);
  }
}

async function failed(deps: DeliverWebhookDeps, row: Delivery, attempt: Attempt, error: PostFailure): Promise<never> {
  const status = error.status;
  if (error.kind === 'timeout' && row.channel === 'slack')
    return endUnanswered(deps, row, `${SLACK_NO_ANSWER}: ${error.message}`, status);
  const retryable = error.kind !== 'permanent';
  if (retryable && attempt.number < attempt.of) {
    await transitionDelivery(deps.database.db, row.id, ['sending'], 'sending', {
      errorMessage: error.message,
      responseStatus: status,
      dataStartedAt: null,
    });
    deps.logger.warn({ error: error.message, httpStatus: status, of: attempt.of }, 'webhook post failed: will retry');
    throw error;
  }
  const final = retryable ? `${error.message} (gave up after ${attempt.of} attempts)` : error.message;
  return endRow(deps, row, 'failed', final, true, status);
}

async function endUnanswered(deps: DeliverWebhookDeps, row: Delivery, message: string, status: number | null = null) {
  return endRow(deps, row, 'unknown', message, true, status);
}

async function endRow(
  deps: DeliverWebhookDeps,
  row: Delivery,
  status: 'failed' | 'unknown',
  message: string,
  notify = true,
  responseStatus: number | null = null,
): Promise<never> {
  await transitionDelivery(deps.database.db, row.id, ['sending'], status, { errorMessage: message, responseStatus });
  deps.logger.error({ error: message, status }, 'report not posted to webhook');
  if (notify) {
    const channel = await openMailChannel(deps.database.db, deps.secrets, deps);
    try {
      await sendFailureNotice(channel, row, { status, error: message }, deps.logger);
    } finally {
      channel.close();
    }
  }
  throw new UnrecoverableError(message);
}

async function loadWebhook(database: Database, id: string | null): Promise<Webhook | null> {
  if (!id) return null;
  const [hook] = await database.db.select().from(scheduleWebhook).where(eq(scheduleWebhook.id, id));
  return hook ?? null;
}

async function storedWorkbookSha256(database: Database, reportDeliveryId: string): Promise<string | null> {
  const [artifact] = await database.db
    .select({ sha256: deliveryArtifact.sha256 })
    .from(deliveryArtifact)
    .where(eq(deliveryArtifact.deliveryId, reportDeliveryId));
  return artifact?.sha256 ?? null;
}
