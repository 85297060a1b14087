import { Badge } from '@mantine/core';

export type Channel = 'email' | 'slack' | 'webhook';

const LOOK: Record<Channel, { color: string; label: string }> = {
  email: { color: 'gray', label: 'Email' },
  slack: { color: 'grape', label: 'Slack' },
  webhook: { color: 'cyan', label: 'Webhook' },
};

/** Where a report went (or goes): a dotted badge, so it is not read as a delivery's status. */
export function ChannelBadge({ channel }: { channel: Channel }) {
  const look = LOOK[channel];
  return (
    <Badge color={look.color} variant="dot" radius="sm" style={{ flexShrink: 0 }}>
      {look.label}
    </Badge>
  );
}
