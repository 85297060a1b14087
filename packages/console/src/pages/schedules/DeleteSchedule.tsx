import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { CONSOLE_PATHS } from '../../paths';
import type { Schedule } from './schedule-api';

/** "Delete schedule…" and its confirmation; its deliveries stay in the log. */
export function DeleteSchedule({ schedule }: { schedule: Schedule }) {
  const [opened, { open, close }] = useDisclosure();
  const navigate = useNavigate();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/v1/schedules/{id}', { params: { path: { id: schedule.id } } })),
    onSuccess: async () => {
      notifications.show({
        color: 'green',
        title: 'Schedule deleted',
        message: `“${schedule.name}” sends nothing more.`,
      });
      client.removeQueries({ queryKey: ['schedules', 'one', schedule.id] });
      await client.invalidateQueries({ queryKey: ['schedules', 'list'] });
      navigate(CONSOLE_PATHS.schedules);
    },
  });
  return (
    <>
      <Button color="red" variant="light" onClick={open}>
        Delete schedule…
      </Button>
      <ConfirmRemoval
        opened={opened}
        onClose={close}
        title="Delete this schedule?"
        confirmLabel="Delete schedule"
        failedTitle="Not deleted"
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      >
        “{schedule.name}” stops sending and is gone for good. Its deliveries stay in the delivery log.
      </ConfirmRemoval>
    </>
  );
}
