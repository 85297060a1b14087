import { Badge } from '@mantine/core';

export type DeliveryStatus = 'pending' | 'generating' | 'sending' | 'sent' | 'failed' | 'skipped' | 'unknown';

const LOOK: Record<string, { color: string; label: string }> = {
  pending: { color: 'gray', label: 'Queued' },
  generating: { color: 'blue', label: 'Generating' },
  sending: { color: 'blue', label: 'Sending' },
  sent: { color: 'green', label: 'Sent' },
  failed: { color: 'red', label: 'Failed' },
  skipped: { color: 'yellow', label: 'Skipped' },
  unknown: { color: 'orange', label: 'Unknown' },
};

/** A delivery's status in words and colour (the colour is never the only signal: the word is there). */
export function StatusBadge({ status }: { status: string }) {
  const look = LOOK[status] ?? { color: 'gray', label: status };
  return (
    <Badge color={look.color} variant="light" radius="sm">
      {look.label}
    </Badge>
  );
}
