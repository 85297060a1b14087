import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { showApiErrors } from '../../lib/form-errors';
import { PASSWORD_RULE, type User } from './users-api';

/** Sets another user's password (they forgot theirs); their open sessions keep working until they expire. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const form = useForm({ mode: 'controlled', initialValues: { password: '' } });
  const [problem, setProblem] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: (password: string) =>
      unwrap(api.POST('/v1/users/{id}/password', { params: { path: { id: user.id } }, body: { password } })),
    onMutate: () => setProblem(null),
    onSuccess: () => {
      notifications.show({
        color: 'green',
        title: 'Password reset',
        message: `Tell ${user.email} their new password.`,
      });
      onClose();
    },
    onError: (error) => setProblem(showApiErrors(form, error, ['password'])),
  });
  return (
    <Modal opened onClose={onClose} title="Reset password">
      <form onSubmit={form.onSubmit((values) => reset.mutate(values.password))} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            A new password for <strong style={{ overflowWrap: 'anywhere' }}>{user.email}</strong>. Sessions they already
            have open keep working until they expire: disable the user to end their access at once.
          </Text>
          <PasswordInput
            label="New password"
            description={PASSWORD_RULE}
            autoComplete="new-password"
            data-autofocus
            {...form.getInputProps('password')}
          />
          {problem && (
            <Alert color="red" title="The password was not reset" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={reset.isPending}>
              Reset password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
