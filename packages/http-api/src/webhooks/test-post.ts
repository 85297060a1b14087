import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@reportmail/secrets';
import { openWebhookSecrets, PostFailure, postWebhook, signedHeaders, WEBHOOK_USER_AGENT } from '@reportmail/webhooks';
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
  const { url, signingSecret } = openWebhookSecrets(secretBox, hook);
  const { body, headers } = testRequest(hook, signingSecret, input.scheduleName);
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

function testRequest(hook: WebhookRow, signingSecret: string | null, scheduleName: string) {
  if (!signingSecret) {
    const text = `reportmail test: the reports of “${scheduleName}” will be posted here.`;
    return { body: JSON.stringify({ text }), headers: { 'User-Agent': WEBHOOK_USER_AGENT } };
  }
  const id = `test-${randomUUID()}`;
  const body = JSON.stringify({
    type: 'webhook.test',
    deliveryId: id,
    webhookId: hook.id,
    schedule: { id: hook.scheduleId, name: scheduleName },
  });
  return { body, headers: signedHeaders(signingSecret, id, body) };
}
