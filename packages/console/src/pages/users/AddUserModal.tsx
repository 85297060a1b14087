import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { showApiErrors } from '../../lib/form-errors';
import { PASSWORD_RULE, ROLE_HELP, ROLE_OPTIONS, type Role, usersKey } from './users-api';

type NewUser = { email: string; role: Role; password: string };

/** "Add user": email, role and an initial password the new user can change under My account. */
export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<NewUser>({ mode: 'controlled', initialValues: { email: '', role: 'viewer', password: '' } });
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    form.reset();
    setProblem(null);
    onClose();
  };
  const create = useMutation({
    mutationFn: (body: NewUser) => unwrap(api.POST('/v1/users', { body })),
    onMutate: () => setProblem(null),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({ color: 'green', title: 'User added', message: `${user.email} can now sign in.` });
      close();
    },
    onError: (error) => setProblem(showApiErrors(form, error, ['email', 'role', 'password'])),
  });
  return (
    <Modal opened={opened} onClose={close} title="Add user">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="sm">
          <TextInput label="Email" type="email" autoComplete="off" data-autofocus {...form.getInputProps('email')} />
          <Select
            label="Role"
            description={ROLE_HELP}
            data={ROLE_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <PasswordInput
            label="Initial password"
            description={`${PASSWORD_RULE} Tell it to the user; they can change it under My account.`}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          {problem && (
            <Alert color="red" title="The user was not added" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
