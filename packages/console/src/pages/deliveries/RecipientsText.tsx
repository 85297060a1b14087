import { Text } from '@mantine/core';
import { allRecipients, type Recipients } from './deliveries-api';

/** "3 recipients" with the addresses on a second line (cut to two lines; the detail lists them all). */
export function RecipientsText({ recipients }: { recipients: Recipients | null }) {
  const addresses = allRecipients(recipients);
  if (addresses.length === 0) return <Text size="sm">—</Text>;
  return (
    <div>
      <Text size="sm">{addresses.length === 1 ? '1 recipient' : `${addresses.length} recipients`}</Text>
      <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }} title={addresses.join(', ')}>
        {addresses.join(', ')}
      </Text>
    </div>
  );
}
