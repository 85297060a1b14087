import { Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../api/client';
import { useIsAdmin } from '../../app/session';
import { formatInstant } from '../../lib/format';
import { type Schedule, useScheduleSaved } from './schedule-api';

/** The API refuses to switch on a schedule with nowhere to send (field `enabled`): say what to do. */
function refusal(error: Error): string {
  if (error instanceof ApiError && error.fieldMessage('enabled')) {
    return 'It has no “To” recipient and no Slack or webhook switched on: add one, then switch it on.';
  }
  return error.message;
}

/** On/off: a switch for admins (PATCH enabled), the word for viewers. */
export function EnabledToggle({ schedule }: { schedule: Schedule }) {
  const isAdmin = useIsAdmin();
  const saved = useScheduleSaved();
  const toggle = useMutation({
    mutationFn: (enabled: boolean) =>
      unwrap(api.PATCH('/v1/schedules/{id}', { params: { path: { id: schedule.id } }, body: { enabled } })),
    onSuccess: async (updated) => {
      await saved(updated);
      notifications.show({
        color: 'green',
        title: `“${updated.name}” is ${updated.enabled ? 'on' : 'off'}`,
        message: updated.enabled
          ? `Next send: ${formatInstant(updated.nextRunAt, updated.timezone, { weekday: true })}`
          : 'Nothing is sent until it is switched on again.',
      });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: `“${schedule.name}” was not switched`, message: refusal(error) }),
  });

  if (!isAdmin) return <Text size="sm">{schedule.enabled ? 'On' : 'Off'}</Text>;
  const checked = toggle.isPending ? Boolean(toggle.variables) : schedule.enabled;
  return (
    <Switch
      checked={checked}
      onChange={(event) => toggle.mutate(event.currentTarget.checked)}
      disabled={toggle.isPending}
      size="md"
      aria-label={`${schedule.name}: send on schedule`}
    />
  );
}
