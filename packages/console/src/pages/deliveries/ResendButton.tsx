import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { allRecipients, type DeliveryDetail } from './deliveries-api';

/** The words of a resend: an email is sent again, a Slack or webhook post is posted again. */
function wordsFor(delivery: DeliveryDetail) {
  if (delivery.channel === 'email') {
    return { button: 'Resend', title: 'Resend this report?', done: 'Resend queued', again: 'sent again' };
  }
  return { button: 'Post again', title: 'Post this report again?', done: 'Post queued', again: 'posted again' };
}

function useResend(delivery: DeliveryDetail, key: string, onDone: () => void) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const words = wordsFor(delivery);
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/deliveries/{id}/resend', {
          params: { path: { id: delivery.id }, header: { 'idempotency-key': key } },
        }),
      ),
    onSuccess: ({ deliveryId }) => {
      onDone();
      void client.invalidateQueries({ queryKey: ['deliveries'] });
      notifications.show({
        color: 'green',
        title: words.done,
        message: `${delivery.periodLabel} is being ${words.again}.`,
      });
      navigate(`/deliveries/${deliveryId}`);
    },
    onError: (error) => notifications.show({ color: 'red', title: `Not ${words.again}`, message: error.message }),
  });
}

/** Why there is nothing to resend to, or null when there is. */
function cannotResend(delivery: DeliveryDetail): string | null {
  if (!delivery.scheduleId) return 'Cannot be resent: its schedule was deleted.';
  if (delivery.channel !== 'email' && !delivery.webhookId) {
    return 'Cannot be posted again: its webhook was removed from the schedule.';
  }
  return null;
}

/**
 * Sends the period's report again as a new delivery (admins), after naming who will get it; a Slack or
 * webhook delivery is posted again to its webhook only, with the report as first posted.
 */
export function ResendButton({ delivery }: { delivery: DeliveryDetail }) {
  const [opened, { open, close }] = useDisclosure();
  // One key per confirmation: a double click or a retried request sends once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const resend = useResend(delivery, key, close);
  const words = wordsFor(delivery);
  const start = () => {
    setKey(crypto.randomUUID());
    resend.reset();
    open();
  };
  const refusal = cannotResend(delivery);
  if (refusal) {
    return (
      <Text size="sm" c="dimmed" maw={260}>
        {refusal}
      </Text>
    );
  }
  return (
    <>
      <Button variant="default" onClick={start}>
        {words.button}…
      </Button>
      <Modal opened={opened} onClose={close} title={words.title}>
        <Stack gap="sm">
          {delivery.channel === 'email' ? <EmailResend delivery={delivery} /> : <PostAgain delivery={delivery} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => resend.mutate()} loading={resend.isPending}>
              {words.button}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function EmailResend({ delivery }: { delivery: DeliveryDetail }): ReactNode {
  return (
    <>
      <Text size="sm">
        The report for {delivery.periodLabel} is generated afresh and sent as a new delivery
        {delivery.trigger === 'test' ? ' (a test, as the original was)' : ''} to:
      </Text>
      <List size="sm" spacing={2} style={{ wordBreak: 'break-all' }}>
        {allRecipients(delivery.recipients).map((address) => (
          <List.Item key={address}>{address}</List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        Only the email goes out again: Slack and webhooks are not posted to (each post has its own Post again).
      </Text>
    </>
  );
}

function PostAgain({ delivery }: { delivery: DeliveryDetail }): ReactNode {
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      The report for {delivery.periodLabel} is posted again, as a new delivery, to “{delivery.webhookLabel}” only, with
      its figures as first posted. Nobody gets an email.
    </Text>
  );
}
