import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { meQuery } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ChangePasswordForm } from './ChangePasswordForm';

const ROLE_TEXT = {
  admin: 'Admin: you can change schedules, the mail server and users.',
  viewer: 'Viewer: you can see schedules and deliveries; an admin makes changes.',
};

/** The signed-in user's email and role, and changing their own password. */
export function AccountPage() {
  const me = useQuery(meQuery);
  return (
    <>
      <PageHeader title="My account" />
      <QueryState query={me} what="your account">
        {(user) => (
          <Stack gap="lg">
            <Paper withBorder radius="md" maw={560}>
              <Table variant="vertical" layout="fixed">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w="30%">Email</Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Role</Table.Th>
                    <Table.Td>{ROLE_TEXT[user.role]}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Paper>
            <Stack gap="xs" component="section" aria-labelledby="change-password-title">
              <Title order={2} size="h3" id="change-password-title">
                Change password
              </Title>
              <Text size="sm" c="dimmed">
                Sessions already signed in elsewhere keep working until they expire.
              </Text>
              <ChangePasswordForm />
            </Stack>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
