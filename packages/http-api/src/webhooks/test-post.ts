import { randomUUID } from 'node:crypto';
import { webhookSigningContext, webhookUrlContext } from '@reportmail/db';
import type { SecretBox } from '@reportmail/secrets';
import { PostFailure, postWebhook, signWebhook, WEBHOOK_HEADERS } from '@reportmail/webhooks';
import type { WebhookRow } from './webhook-store.js';

const TEST_TIMEOUT_MS = 10_000;

/**
 * Posts a small test message to a saved webhook, as the mail worker would post a report (same guard, same
 * signature), and says how the receiver answered. Nothing is written to the ledger.
 */
export async function postTestMessage(
  secretBox: SecretBox,
  hook: WebhookRow,
  input: { scheduleName: string; allowPrivate: boolean },
): Promise<{ ok: boolean; status: number | null; message: string }> {
  const url = secretBox.decrypt(hook.urlCiphertext, webhookUrlContext(hook.id));
  const { body, headers } = testRequest(secretBox, hook, input.scheduleName);
  try {
    const answer = await postWebhook(url, body, headers, {
      timeoutMs: TEST_TIMEOUT_MS,
      allowPrivate: input.allowPrivate,
    });
    return { ok: true, status: answer.status, message: `${new URL(url).host} answered HTTP ${answer.status}` };
  } catch (error) {
    if (!(error instanceof PostFailure)) throw error;
    return { ok: false, status: error.status, message: error.message };
  }
}

function testRequest(secretBox: SecretBox, hook: WebhookRow, scheduleName: string) {
  const headers: Record<string, string> = { 'User-Agent': 'reportmail-webhooks/1' };
  if (hook.kind === 'slack') {
    const text = `reportmail test: the reports of “${scheduleName}” will be posted here.`;
    return { body: JSON.stringify({ text }), headers };
  }
  const id = `test-${randomUUID()}`;
  const body = JSON.stringify({
    type: 'webhook.test',
    deliveryId: id,
    webhookId: hook.id,
    schedule: { id: hook.scheduleId, name: scheduleName },
  });
  const secret = secretBox.decrypt(hook.signingSecretCiphertext ?? '', webhookSigningContext(hook.id));
  const timestamp = Math.floor(Date.now() / 1000);
  headers[WEBHOOK_HEADERS.delivery] = id;
  headers[WEBHOOK_HEADERS.timestamp] = String(timestamp);
  headers[WEBHOOK_HEADERS.signature] = signWebhook(secret, timestamp, body);
  return { body, headers };
}
