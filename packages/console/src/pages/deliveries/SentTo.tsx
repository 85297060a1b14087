import { Group, Text } from '@mantine/core';
import { ChannelBadge } from '../../components/ChannelBadge';
import { allRecipients, type DeliveryItem } from './deliveries-api';

type Props = { delivery: Pick<DeliveryItem, 'channel' | 'recipients' | 'webhookLabel'> };

const count = (addresses: string[]) => (addresses.length === 1 ? '1 recipient' : `${addresses.length} recipients`);

/**
 * Where a delivery went: its channel, then the email's recipients ("3 recipients", the addresses cut to
 * two lines; the detail lists them all) or the webhook it was posted to, by its label.
 */
export function SentTo({ delivery }: Props) {
  const addresses = allRecipients(delivery.recipients);
  const email = delivery.channel === 'email';
  const first = email ? (addresses.length > 0 ? count(addresses) : '—') : (delivery.webhookLabel ?? '—');
  return (
    <div>
      {/* A label too long to sit beside the badge goes under it whole, not broken mid-word. */}
      <Group gap={6} align="center">
        <ChannelBadge channel={delivery.channel} />
        <Text size="sm" style={{ overflowWrap: 'break-word', minWidth: 0 }}>
          {first}
        </Text>
      </Group>
      {email && addresses.length > 0 && (
        <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }} title={addresses.join(', ')}>
          {addresses.join(', ')}
        </Text>
      )}
    </div>
  );
}
