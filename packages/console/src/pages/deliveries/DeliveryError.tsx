import { Alert, Anchor, Code, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DeliveryDetail } from './deliveries-api';

const LOOK = {
  failed: { color: 'red', title: 'Why it was not delivered' },
  unknown: { color: 'orange', title: 'Why the outcome is unknown' },
} as const;

/** The error the ledger recorded and what to change, as the API words it for the current mail settings. */
export function DeliveryError({ delivery }: { delivery: DeliveryDetail }) {
  if (!delivery.errorMessage) return null;
  const look =
    delivery.status === 'failed' || delivery.status === 'unknown'
      ? LOOK[delivery.status]
      : { color: 'yellow', title: 'The last attempt failed: the mail worker tries again' };
  return (
    <Alert
      color={look.color}
      title={look.title}
      role="alert"
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Stack gap="xs">
        {/* The hint comes first: it speaks of "the message below" (the same words as the mail settings screen). */}
        {delivery.errorHint && (
          <Text size="sm">
            <strong>What to do: </strong>
            {delivery.errorHint}
          </Text>
        )}
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {delivery.errorMessage}
        </Code>
        {delivery.errorHint && delivery.status !== 'unknown' && (
          <Anchor component={Link} to="/smtp" size="sm">
            Open the mail server settings
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
