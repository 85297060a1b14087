import { Alert, Anchor, Code, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CONSOLE_PATHS, scheduleWebhooksPath } from '../../paths';
import type { DeliveryDetail } from './deliveries-api';

const LOOK = {
  failed: { color: 'red', title: 'Why it was not delivered' },
  unknown: { color: 'orange', title: 'Why the outcome is unknown' },
  skipped: { color: 'yellow', title: 'Why it was skipped' },
} as const;

const RETRYING = { color: 'yellow', title: 'The last attempt failed: the mail worker tries again' };

/** Where the hint's change is made: the mail settings for an email, the schedule's webhooks for a post. */
function FixLink({ delivery }: { delivery: DeliveryDetail }) {
  if (delivery.channel === 'email') {
    return (
      <Anchor component={Link} to={CONSOLE_PATHS.smtp} size="sm">
        Open the mail server settings
      </Anchor>
    );
  }
  if (!delivery.scheduleId || !delivery.webhookId) return null;
  return (
    <Anchor component={Link} to={scheduleWebhooksPath(delivery.scheduleId)} size="sm">
      Open the schedule’s webhooks
    </Anchor>
  );
}

/** The error the ledger recorded and what to change, as the API words it for the current settings. */
export function DeliveryError({ delivery }: { delivery: DeliveryDetail }) {
  if (!delivery.errorMessage) return null;
  const look =
    delivery.status === 'failed' || delivery.status === 'unknown' || delivery.status === 'skipped'
      ? LOOK[delivery.status]
      : RETRYING;
  const title =
    delivery.status === 'failed' && delivery.channel !== 'email' ? 'Why the report was not posted' : look.title;
  return (
    <Alert color={look.color} title={title} role="alert" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
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
        {delivery.errorHint && delivery.status !== 'unknown' && <FixLink delivery={delivery} />}
      </Stack>
    </Alert>
  );
}
