import { Anchor, DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CONSOLE_PATHS, scheduleWebhooksPath } from '../../paths';
import type { DeliveryDetail } from './deliveries-api';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

const deliveryLink = (id: string, text: string) => (
  <Anchor component={Link} to={`${CONSOLE_PATHS.deliveries}/${id}`} size="sm">
    {text}
  </Anchor>
);

/** What the receiver last answered: an HTTP status, or why there is none. */
function answerText(delivery: DeliveryDetail): string {
  if (delivery.responseStatus !== null) return `HTTP ${delivery.responseStatus}`;
  if (delivery.status === 'sending' || delivery.status === 'pending') return 'None yet';
  return delivery.attempts > 0 ? 'No answer' : 'Not posted';
}

/**
 * A Slack or webhook row: where it was posted, the receiver's answer, and the email delivery whose report
 * it carried (its recipients, email and workbook are there).
 */
export function WebhookPost({ delivery }: { delivery: DeliveryDetail }) {
  const webhookGone = delivery.webhookId === null;
  return (
    <DataList labelWidth="130px" withDivider>
      <Row label="Posted to">
        <Text size="sm">
          {delivery.webhookLabel ?? '—'}
          {webhookGone && ' (since removed from the schedule)'}
        </Text>
        {!webhookGone && delivery.scheduleId && (
          <Anchor component={Link} to={scheduleWebhooksPath(delivery.scheduleId)} size="sm">
            Open the schedule’s webhooks
          </Anchor>
        )}
      </Row>
      <Row label="Answer">
        <Text size="sm">{answerText(delivery)}</Text>
      </Row>
      {delivery.reportDeliveryId && (
        <Row label="Report">
          {deliveryLink(delivery.reportDeliveryId, 'The email delivery of this report')}
          <Text size="xs" c="dimmed">
            Its recipients, email and workbook.
          </Text>
        </Row>
      )}
      {delivery.redeliveryOf && (
        <Row label="Posted again from">{deliveryLink(delivery.redeliveryOf, 'The first post of this report')}</Row>
      )}
    </DataList>
  );
}
