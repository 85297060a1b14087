import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { allRecipients, type DeliveryDetail } from './deliveries-api';

/** Sends the period's report again as a new delivery (admins), after naming who will get it. */
export function ResendButton({ delivery }: { delivery: DeliveryDetail }) {
  const [opened, { open, close }] = useDisclosure();
  // One key per confirmation: a double click or a retried request sends once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const navigate = useNavigate();
  const client = useQueryClient();
  const resend = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/deliveries/{id}/resend', {
          params: { path: { id: delivery.id }, header: { 'idempotency-key': key } },
        }),
      ),
    onSuccess: ({ deliveryId }) => {
      close();
      void client.invalidateQueries({ queryKey: ['deliveries'] });
      notifications.show({
        color: 'green',
        title: 'Resend queued',
        message: `${delivery.periodLabel} is being sent again.`,
      });
      navigate(`/deliveries/${deliveryId}`);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not resent', message: error.message }),
  });
  const start = () => {
    setKey(crypto.randomUUID());
    resend.reset();
    open();
  };
  if (!delivery.scheduleId) {
    return (
      <Text size="sm" c="dimmed" maw={260}>
        Cannot be resent: its schedule was deleted.
      </Text>
    );
  }
  const addresses = allRecipients(delivery.recipients);
  return (
    <>
      <Button variant="default" onClick={start}>
        Resend…
      </Button>
      <Modal opened={opened} onClose={close} title="Resend this report?">
        <Stack gap="sm">
          <Text size="sm">
            The report for {delivery.periodLabel} is generated afresh and sent as a new delivery
            {delivery.trigger === 'test' ? ' (a test, as the original was)' : ''} to:
          </Text>
          <List size="sm" spacing={2} style={{ wordBreak: 'break-all' }}>
            {addresses.map((address) => (
              <List.Item key={address}>{address}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => resend.mutate()} loading={resend.isPending}>
              Resend
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
