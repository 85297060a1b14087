import { Badge, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ScrollRegion } from '../../components/ScrollRegion';
import { browserZone, formatInstant } from '../../lib/format';
import { type UserAction, UserActions } from './UserActions';
import { ROLE_LABELS, type User } from './users-api';

type UsersListProps = { users: User[]; meId: string | undefined; onAction: (action: UserAction, user: User) => void };

function StatusBadge({ disabled }: { disabled: boolean }) {
  return (
    <Badge color={disabled ? 'gray' : 'green'} variant="light" radius="sm">
      {disabled ? 'Disabled' : 'Active'}
    </Badge>
  );
}

function Email({ user, isMe }: { user: User; isMe: boolean }) {
  return (
    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
      {user.email}
      {isMe && ' (you)'}
    </Text>
  );
}

function UserCards({ users, meId, onAction }: UsersListProps) {
  const zone = browserZone();
  return (
    <Stack gap="sm">
      {users.map((user) => (
        <Card key={user.id} withBorder padding="sm" radius="md" component="article" aria-label={user.email}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Email user={user} isMe={user.id === meId} />
            <UserActions user={user} isMe={user.id === meId} onAction={onAction} />
          </Group>
          <Group gap="xs" mt={6}>
            <Badge variant="outline" radius="sm">
              {ROLE_LABELS[user.role]}
            </Badge>
            <StatusBadge disabled={user.disabled} />
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            Created {formatInstant(user.createdAt, zone)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

function UsersTable({ users, meId, onAction }: UsersListProps) {
  const zone = browserZone();
  return (
    <ScrollRegion label="Users" minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Created ({zone})</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Email user={user} isMe={user.id === meId} />
              </Table.Td>
              <Table.Td>{ROLE_LABELS[user.role]}</Table.Td>
              <Table.Td>
                <StatusBadge disabled={user.disabled} />
              </Table.Td>
              <Table.Td>{formatInstant(user.createdAt, zone, { zone: false })}</Table.Td>
              <Table.Td ta="right">
                <UserActions user={user} isMe={user.id === meId} onAction={onAction} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** The users as a table, or as stacked cards on narrow screens so the actions stay in reach. */
export function UsersList(props: UsersListProps) {
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return wide ? <UsersTable {...props} /> : <UserCards {...props} />;
}
