import { Text } from '@mantine/core';
import type { DeliveryDetail } from './deliveries-api';

/**
 * The email rendered from what the ledger stored, in a sandboxed frame: the API serves it with a policy
 * that lets it run no script and load nothing, and `sandbox=""` keeps it from touching the console.
 */
export function DeliveryEmail({ delivery }: { delivery: DeliveryDetail }) {
  if (!delivery.emailContent) {
    return <Text size="sm">There is no email yet: it is written when the report is generated.</Text>;
  }
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        Subject: {delivery.emailContent.subject}
      </Text>
      <iframe
        sandbox=""
        title={`The email: ${delivery.emailContent.subject}`}
        src={`/v1/deliveries/${delivery.id}/email`}
        style={{ width: '100%', height: 760, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
      />
    </>
  );
}
