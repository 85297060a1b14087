import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client';
import { useMe } from '../../app/session';
import { DeliveryQueued } from './DeliveryQueued';
import type { Period } from './schedule-api';
import { AlsoPostedNote } from './webhooks/AlsoPostedNote';

function useSendTest(scheduleId: string) {
  return useMutation({
    mutationFn: (to: string) =>
      unwrap(api.POST('/v1/schedules/{id}/test', { params: { path: { id: scheduleId } }, body: { to } })),
    onSuccess: (result, to) =>
      notifications.show({ color: 'green', title: 'Test queued', message: `To ${to}, for ${result.period.label}` }),
  });
}

type SendTestModalProps = { scheduleId: string; period: Period | undefined; opened: boolean; onClose: () => void };

/** A test of the current period to one address, "[TEST]" in its subject (POST /v1/schedules/:id/test). */
export function SendTestModal({ scheduleId, period, opened, onClose }: SendTestModalProps) {
  const me = useMe();
  const [to, setTo] = useState(me?.email ?? '');
  const send = useSendTest(scheduleId);
  const close = () => {
    send.reset();
    onClose();
  };
  const fieldError = send.error instanceof ApiError ? send.error.fieldMessage('to') : undefined;
  return (
    <Modal opened={opened} onClose={close} title="Send a test">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate(to.trim());
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">
            Only this address receives it, with [TEST] in the subject. It covers the period a send now would cover
            {period ? `: ${period.label} (${period.timezone})` : ''}.
          </Text>
          <AlsoPostedNote scheduleId={scheduleId} test />
          <TextInput
            label="Send the test to"
            type="email"
            autoComplete="email"
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
          {send.isError && !fieldError && (
            <Alert color="red" title="The test was not sent" role="alert">
              {send.error.message}
            </Alert>
          )}
          {send.data && <DeliveryQueued result={send.data} what="Test" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Close
            </Button>
            <Button type="submit" loading={send.isPending}>
              Send test
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
