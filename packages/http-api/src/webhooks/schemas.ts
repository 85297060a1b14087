import { z } from 'zod';
import { headerText } from '../routes/schemas.js';

export const WEBHOOK_KINDS = ['slack', 'webhook'] as const;
/** More would be a broadcast list, not a report's destinations. */
export const MAX_WEBHOOKS_PER_SCHEDULE = 10;

const url = z
  .string({ error: 'is required: the webhook URL' })
  .trim()
  .max(2_000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an https URL' }));

/** Write-only: the generic webhook's HMAC-SHA256 key, which the receiver also holds. */
const signingSecret = z
  .string()
  .min(24, 'must be at least 24 characters (a random string the receiver also holds)')
  .max(256, 'must be at most 256 characters')
  .refine((value) => value.trim() === value && !/\s/.test(value), 'must not contain spaces or line breaks');

export const webhookCreateBody = z
  .strictObject({
    kind: z.enum(WEBHOOK_KINDS, { error: 'must be slack (a Slack incoming webhook) or webhook (signed JSON)' }),
    label: headerText(80).describe('What admins call it, e.g. "#owners on Slack"'),
    url: url.describe('Write-only. Slack: the incoming webhook URL (https://hooks.slack.com/services/…)'),
    signingSecret: signingSecret.optional().describe('Write-only; required for kind webhook, refused for slack'),
    enabled: z.boolean().default(true),
  })
  .superRefine((body, context) => {
    if (body.kind === 'webhook' && !body.signingSecret) {
      context.addIssue({ code: 'custom', path: ['signingSecret'], message: 'is required for a generic webhook' });
    }
    if (body.kind === 'slack' && body.signingSecret) {
      context.addIssue({
        code: 'custom',
        path: ['signingSecret'],
        message: 'must be left out for Slack (its incoming webhooks take no signature)',
      });
    }
  });
export type WebhookCreateBody = z.infer<typeof webhookCreateBody>;

export const webhookUpdateBody = z
  .strictObject({
    label: headerText(80).optional(),
    url: url.optional().describe('Write-only; omitted keeps the saved one'),
    signingSecret: signingSecret.optional().describe('Write-only; omitted keeps the saved one (generic webhooks)'),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'must change at least one of label, url, signingSecret, enabled');
export type WebhookUpdateBody = z.infer<typeof webhookUpdateBody>;

/** A webhook as the API shows it: never its URL or signing secret, only a hint and whether one is set. */
export const webhookReply = z.object({
  id: z.string(),
  scheduleId: z.string(),
  kind: z.enum(WEBHOOK_KINDS),
  label: z.string(),
  /** Scheme and host, and the URL's last 4 characters: enough to tell two apart, not to post to one. */
  urlHint: z.string(),
  signingSecretSet: z.boolean(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookReply = z.infer<typeof webhookReply>;

export const webhookParams = z.strictObject({
  id: z.uuid({ error: 'must be a UUID' }),
  webhookId: z.uuid({ error: 'must be a UUID' }),
});

export const webhookTestReply = z.object({
  ok: z.boolean(),
  /** The receiver's HTTP status; null when no answer came. */
  status: z.number().nullable(),
  message: z.string(),
});
