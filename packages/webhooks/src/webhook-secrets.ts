import { webhookSigningContext, webhookUrlContext } from '@reportmail/db';
import type { SecretBox } from '@reportmail/secrets';

/** A new webhook's URL and signing secret (none for Slack) as stored: encrypted, bound to its id. */
export function sealWebhookSecrets(
  box: Pick<SecretBox, 'encrypt'>,
  webhookId: string,
  secrets: { url: string; signingSecret?: string | null | undefined },
): { urlCiphertext: string; signingSecretCiphertext: string | null } {
  return {
    urlCiphertext: box.encrypt(secrets.url, webhookUrlContext(webhookId)),
    signingSecretCiphertext: secrets.signingSecret
      ? box.encrypt(secrets.signingSecret, webhookSigningContext(webhookId))
      : null,
  };
}

/** A stored webhook's URL and signing secret (null for Slack), decrypted in memory for one post. */
export function openWebhookSecrets(
  box: Pick<SecretBox, 'decrypt'>,
  hook: { id: string; urlCiphertext: string; signingSecretCiphertext: string | null },
): { url: string; signingSecret: string | null } {
  return {
    url: box.decrypt(hook.urlCiphertext, webhookUrlContext(hook.id)),
    signingSecret: hook.signingSecretCiphertext
      ? box.decrypt(hook.signingSecretCiphertext, webhookSigningContext(hook.id))
      : null,
  };
}
