import type { DeliveryItem } from './deliveries-api';

type Option<T extends string> = { value: T; label: string };

/** The words the status badge uses (components/StatusBadge), in the order a delivery goes through them. */
export const STATUS_OPTIONS: Option<DeliveryItem['status']>[] = [
  { value: 'pending', label: 'Queued' },
  { value: 'generating', label: 'Generating' },
  { value: 'sending', label: 'Sending' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
  { value: 'unknown', label: 'Unknown' },
  { value: 'skipped', label: 'Skipped' },
];

export const TRIGGER_OPTIONS: Option<DeliveryItem['trigger']>[] = [
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'catch_up', label: 'Catch-up' },
  { value: 'manual', label: 'Send now' },
  { value: 'test', label: 'Test' },
];

/** Where a delivery went: the email, or one of the schedule's webhooks (the post of that email's report). */
export const CHANNEL_OPTIONS: Option<DeliveryItem['channel']>[] = [
  { value: 'email', label: 'Email' },
  { value: 'slack', label: 'Slack' },
  { value: 'webhook', label: 'Webhook' },
];

export const TRANSPORT_OPTIONS: Option<NonNullable<DeliveryItem['transport']>>[] = [
  { value: 'smtp', label: 'Mail server' },
  { value: 'outbox', label: 'Outbox folder' },
];

const labelIn = <T extends string>(options: Option<T>[], value: T | null) =>
  options.find((option) => option.value === value)?.label ?? value ?? '—';

export const triggerLabel = (trigger: DeliveryItem['trigger']) => labelIn(TRIGGER_OPTIONS, trigger);
export const channelLabel = (channel: DeliveryItem['channel']) => labelIn(CHANNEL_OPTIONS, channel);
export const transportLabel = (transport: DeliveryItem['transport']) => labelIn(TRANSPORT_OPTIONS, transport);

/** What started a delivery, as a sentence for its detail. */
export const TRIGGER_SENTENCES: Record<DeliveryItem['trigger'], string> = {
  scheduled: 'Queued by the scheduler at the schedule’s time',
  catch_up: 'Queued by the scheduler to catch up a run it missed',
  manual: 'Queued by an admin (send now or resend)',
  test: 'Queued as a test send by an admin',
};
