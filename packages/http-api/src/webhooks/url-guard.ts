import { invalidField } from '@reportmail/errors';
import { hostProblem } from '@reportmail/net-guard';

/** Where Slack's incoming webhooks live (commercial and GovSlack). */
const SLACK_HOSTS = new Set(['hooks.slack.com', 'hooks.slack-gov.com']);

export type WebhookUrlGuardOptions = {
  /** ALLOW_PRIVATE_WEBHOOKS: internal addresses, plain http and any host for Slack (development, tests). */
  allowPrivate: boolean;
  kind: 'slack' | 'webhook';
  /** The field a refusal names (`body.url`). */
  field: string;
};

/**
 * Refuses a webhook URL the mail worker must not post to: not https, a host that does not resolve or has
 * an internal address (SSRF), or, for Slack, a host that is not Slack's. The worker checks the addresses
 * again when it connects, since a name may resolve elsewhere by then.
 */
export async function assertWebhookUrlAllowed(url: string, options: WebhookUrlGuardOptions): Promise<void> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (target.protocol !== 'https:' && !options.allowPrivate) {
    throw invalidField(options.field, 'must be an https URL (ALLOW_PRIVATE_WEBHOOKS is off)');
  }
  if (!options.allowPrivate && options.kind === 'slack' && !SLACK_HOSTS.has(host.toLowerCase())) {
    throw invalidField(options.field, 'must be a Slack incoming webhook URL (https://hooks.slack.com/services/…)');
  }
  const found = await hostProblem(host, options.allowPrivate);
  if (!found) return;
  const message =
    found.problem === 'metadata name'
      ? `${host} is a cloud metadata service, not a webhook`
      : found.problem === 'unresolved'
        ? `${host} does not resolve: check the URL`
        : `${host} resolves to a ${found.kind} address; only public webhooks are allowed (ALLOW_PRIVATE_WEBHOOKS is off)`;
  throw invalidField(options.field, message);
}

/** What the API shows of a URL: `https://hooks.slack.com/…/Xy9z`. */
export function webhookUrlHint(url: string): string {
  const target = new URL(url);
  const rest = `${target.pathname}${target.search}`;
  return rest.length > 8 ? `${target.origin}/…${rest.slice(-4)}` : target.origin;
}
