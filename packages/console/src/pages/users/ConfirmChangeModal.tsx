import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { UserAction } from './UserActions';
import { type User, usersKey } from './users-api';

export type UserChange = Exclude<UserAction, 'reset-password'>;

const CHANGES: Record<UserChange, { title: string; body: string; confirm: string; patch: object; done: string }> = {
  'make-admin': {
    title: 'Make this user an admin?',
    body: 'Admins can change schedules, the mail server and users, and read the audit log.',
    confirm: 'Make admin',
    patch: { role: 'admin' },
    done: 'is now an admin',
  },
  'make-viewer': {
    title: 'Make this user a viewer?',
    body: 'Viewers see schedules and deliveries but change nothing. It takes effect on their next request.',
    confirm: 'Make viewer',
    patch: { role: 'viewer' },
    done: 'is now a viewer',
  },
  disable: {
    title: 'Disable this user?',
    body: 'They are signed out on their next request and cannot sign in until enabled again.',
    confirm: 'Disable',
    patch: { disabled: true },
    done: 'is disabled',
  },
  enable: {
    title: 'Enable this user?',
    body: 'They can sign in again with their password.',
    confirm: 'Enable',
    patch: { disabled: false },
    done: 'is enabled',
  },
};

type ConfirmChangeModalProps = { change: UserChange; user: User; onClose: () => void };

/** Confirms a role or disabled change; the API's refusal (yourself, the last admin) is shown in the dialog. */
export function ConfirmChangeModal({ change, user, onClose }: ConfirmChangeModalProps) {
  const queryClient = useQueryClient();
  const look = CHANGES[change];
  const mutation = useMutation({
    mutationFn: () => unwrap(api.PATCH('/v1/users/{id}', { params: { path: { id: user.id } }, body: look.patch })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({ color: 'green', title: 'User changed', message: `${user.email} ${look.done}.` });
      onClose();
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not changed', message: error.message }),
  });
  return (
    <Modal opened onClose={onClose} title={look.title}>
      <Stack gap="sm">
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {user.email}
        </Text>
        <Text size="sm">{look.body}</Text>
        {mutation.error && (
          <Alert color="red" title="The change was refused" role="alert">
            {mutation.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color={change === 'disable' ? 'red' : undefined}
            onClick={() => mutation.mutate()}
            loading={mutation.isPending}
          >
            {look.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
