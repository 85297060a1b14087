import { Alert, Anchor, Button, DataList, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { CONSOLE_PATHS } from '../../paths';
import { DeliveryQueued, type SendResult } from './DeliveryQueued';
import type { Period, Schedule } from './schedule-api';
import { AlsoPostedNote } from './webhooks/AlsoPostedNote';

/** The API's answer to a repeat press for the same period within 60 s: the first delivery, not a new one. */
const REPLAYED_HEADER = 'idempotent-replayed';

type SendNowModalProps = { schedule: Schedule; period: Period | undefined; opened: boolean; onClose: () => void };

async function sendNow(id: string, force: boolean): Promise<SendResult & { replayed: boolean }> {
  const call = await api.POST('/v1/schedules/{id}/run', { params: { path: { id } }, body: force ? { force } : {} });
  const result = await unwrap(Promise.resolve(call));
  return { ...result, replayed: call.response.headers.get(REPLAYED_HEADER) === 'true' };
}

/** Sends the saved schedule's current period to its recipients, after saying what and to whom. */
export function SendNowModal({ schedule, period, opened, onClose }: SendNowModalProps) {
  const send = useMutation({
    mutationFn: (force: boolean) => sendNow(schedule.id, force),
    onSuccess: (result) => {
      if (!result.replayed) {
        notifications.show({ color: 'green', title: 'Report queued', message: `For ${result.period.label}` });
      }
    },
  });
  const close = () => {
    send.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Send the report now">
      <Stack gap="sm">
        <Text size="sm">
          This emails the report {period ? `for ${period.label} (${period.timezone})` : 'for the current period'}, the
          period a send right now covers, to the saved recipients:
        </Text>
        <Recipients schedule={schedule} />
        <AlsoPostedNote scheduleId={schedule.id} />
        <Outcome send={send} onClose={close} />
      </Stack>
    </Modal>
  );
}

type SendMutation = UseMutationResult<SendResult & { replayed: boolean }, Error, boolean>;

/** What the press did (queued, refused, or answered with a send from under a minute ago) and what next. */
function Outcome({ send, onClose }: { send: SendMutation; onClose: () => void }) {
  return (
    <>
      {send.isError && (
        <Alert color="red" title="Nothing was sent" role="alert">
          {send.error.message}
        </Alert>
      )}
      {send.data?.replayed && (
        <Alert color="yellow" title="Already sent a minute ago" role="status">
          This period was sent within the last 60 seconds, so nothing new was sent:{' '}
          <Anchor component={Link} to={`${CONSOLE_PATHS.deliveries}/${send.data.deliveryId}`}>
            see the earlier delivery
          </Anchor>
          .
        </Alert>
      )}
      {send.data && !send.data.replayed && <DeliveryQueued result={send.data} what="Report" />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {send.data ? 'Close' : 'Cancel'}
        </Button>
        {send.data?.replayed && (
          <Button color="orange" loading={send.isPending} onClick={() => send.mutate(true)}>
            Send again anyway
          </Button>
        )}
        {!send.data && (
          <Button loading={send.isPending} onClick={() => send.mutate(false)}>
            Send now
          </Button>
        )}
      </Group>
    </>
  );
}

function Recipients({ schedule }: { schedule: Schedule }) {
  const { to, cc, bcc } = schedule.recipients;
  const lists = [
    ['To', to],
    ['CC', cc],
    ['BCC', bcc],
  ] as const;
  return (
    <DataList size="sm" gap="xs" labelWidth={48}>
      {lists.map(([label, addresses]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>
            {addresses.length > 0 ? addresses.join(', ') : 'nobody'}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
