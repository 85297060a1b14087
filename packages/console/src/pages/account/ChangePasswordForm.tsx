import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { showApiErrors } from '../../lib/form-errors';
import { PASSWORD_RULE } from '../users/users-api';

type Passwords = { currentPassword: string; newPassword: string; confirmPassword: string };

/** Current, new and repeated new password; the API checks the current one and the rule. */
export function ChangePasswordForm() {
  const form = useForm<Passwords>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    // Only that the two typings agree is checked here: a typo would lock the user out.
    validate: {
      confirmPassword: (value, values) => (value === values.newPassword ? null : 'does not match the new password'),
    },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Passwords) =>
      unwrap(api.PUT('/v1/me/password', { body: { currentPassword, newPassword } })),
    onMutate: () => setProblem(null),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'green', title: 'Password changed', message: 'Use the new one next time.' });
    },
    onError: (error) => setProblem(showApiErrors(form, error, ['currentPassword', 'newPassword'])),
  });
  return (
    <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
      <Stack gap="sm" maw={420}>
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label="New password"
          description={PASSWORD_RULE}
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label="Confirm password"
          description="The new password again"
          autoComplete="new-password"
          {...form.getInputProps('confirmPassword')}
        />
        {problem && (
          <Alert color="red" title="The password was not changed" role="alert">
            {problem}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
