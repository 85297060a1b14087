import { Code, DataList, Stack, Text } from '@mantine/core';
import type { DeliveryDetail } from './deliveries-api';

function Addresses({ list }: { list: string[] | null }) {
  if (!list || list.length === 0) return <Text size="sm">None</Text>;
  return (
    <Stack gap={0}>
      {list.map((address) => (
        <Text key={address} size="sm" style={{ wordBreak: 'break-all' }}>
          {address}
        </Text>
      ))}
    </Stack>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Who it was for, who the server took and refused, and where an outbox email was saved. */
export function DeliveryRecipients({ delivery }: { delivery: DeliveryDetail }) {
  const { recipients } = delivery;
  const sentOverSmtp = delivery.status === 'sent' && delivery.transport === 'smtp';
  return (
    <DataList labelWidth="110px" withDivider>
      <Row label="To">
        <Addresses list={recipients?.to ?? null} />
      </Row>
      {(recipients?.cc.length ?? 0) > 0 && (
        <Row label="Cc">
          <Addresses list={recipients?.cc ?? null} />
        </Row>
      )}
      {(recipients?.bcc.length ?? 0) > 0 && (
        <Row label="Bcc">
          <Addresses list={recipients?.bcc ?? null} />
        </Row>
      )}
      {sentOverSmtp && (
        <Row label="Accepted">
          <Addresses list={delivery.acceptedRecipients} />
        </Row>
      )}
      {sentOverSmtp && (
        <Row label="Rejected">
          <Addresses list={delivery.rejectedRecipients} />
        </Row>
      )}
      {delivery.outboxPath && (
        <Row label="Saved as">
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {delivery.outboxPath}
          </Code>
          <Text size="xs" c="dimmed" mt={4}>
            On the mail worker’s machine: open the .eml file with a mail program to see the email.
          </Text>
        </Row>
      )}
      {delivery.messageId && (
        <Row label="Message-ID">
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {delivery.messageId}
          </Text>
        </Row>
      )}
    </DataList>
  );
}
