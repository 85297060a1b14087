import type { Webhook, WebhookCreateBody, WebhookKind, WebhookUpdateBody } from './webhooks-api';

/** The add / edit form as typed: the URL and the secret are write-only, so an edit starts them blank. */
export type WebhookFormValues = { kind: WebhookKind; label: string; url: string; signingSecret: string };

/** The fields the API names in `body.<field>` errors, in the form's order. */
export const WEBHOOK_FORM_FIELDS = [
  'kind',
  'label',
  'url',
  'signingSecret',
] as const satisfies readonly (keyof WebhookFormValues)[];

export const KIND_OPTIONS: { value: WebhookKind; label: string }[] = [
  { value: 'slack', label: 'Slack' },
  { value: 'webhook', label: 'Webhook (signed JSON)' },
];

export const LABEL_MAX = 80;
export const SIGNING_SECRET_MIN = 24;

export function webhookFormValues(webhook: Webhook | null): WebhookFormValues {
  return { kind: webhook?.kind ?? 'slack', label: webhook?.label ?? '', url: '', signingSecret: '' };
}

/** POST: a Slack webhook takes no secret, so one typed before switching the kind to Slack is left out. */
export function createBody(values: WebhookFormValues): WebhookCreateBody {
  return {
    kind: values.kind,
    label: values.label,
    url: values.url.trim(),
    ...(values.kind === 'webhook' && { signingSecret: values.signingSecret }),
  };
}

/** PATCH: the label always; a blank URL or secret keeps the saved one (left out). */
export function updateBody(values: WebhookFormValues): WebhookUpdateBody {
  const url = values.url.trim();
  return {
    label: values.label,
    ...(url !== '' && { url }),
    ...(values.kind === 'webhook' && values.signingSecret !== '' && { signingSecret: values.signingSecret }),
  };
}

/** 32 random bytes as 64 hex characters: a secret to paste into the receiver's settings too. */
export function randomSigningSecret(
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  return Array.from(random(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
