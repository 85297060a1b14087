import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CONSOLE_PATHS } from '../../paths';
import type { Period } from './schedule-api';

export type SendResult = { deliveryId: string; period: Period };

/** What a send queued: the period it covers and its delivery, linked. */
export function DeliveryQueued({ result, what }: { result: SendResult; what: string }) {
  return (
    <Alert color="green" title={`${what} queued`} role="status">
      <Text size="sm">
        It covers {result.period.label} ({result.period.timezone}).{' '}
        <Anchor component={Link} to={`${CONSOLE_PATHS.deliveries}/${result.deliveryId}`} size="sm">
          Follow delivery {result.deliveryId.slice(0, 8)}
        </Anchor>
      </Text>
    </Alert>
  );
}
