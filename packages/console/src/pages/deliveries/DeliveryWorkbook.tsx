import { Anchor, Stack, Text } from '@mantine/core';
import { formatCount } from '../../lib/format';
import type { DeliveryDetail } from './deliveries-api';

const sizeText = (bytes: number | null) => (bytes === null ? '' : ` (${formatCount(Math.ceil(bytes / 1024))} KB)`);

/** The stored workbook: a plain link, which the session cookie authenticates. */
export function DeliveryWorkbook({ delivery }: { delivery: DeliveryDetail }) {
  if (!delivery.attachmentStored) {
    return (
      <Text size="sm">
        {delivery.generatedAt
          ? 'No workbook is stored for this delivery.'
          : 'The workbook is written when the report is generated.'}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Anchor href={`/v1/deliveries/${delivery.id}/attachment`} download fw={600}>
        Download workbook (.xlsx)
      </Anchor>
      <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {delivery.attachmentFilename}
        {sizeText(delivery.attachmentSize)}
      </Text>
      {delivery.attachmentOmitted && (
        <Text size="sm">
          The email went without it (too large to attach, or an empty period): it is kept here instead.
        </Text>
      )}
    </Stack>
  );
}
