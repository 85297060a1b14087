import { Button, Pagination, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../app/session';
import { AdminsOnlyNotice } from '../../components/AdminsOnlyNotice';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { AddUserModal } from './AddUserModal';
import { ConfirmChangeModal } from './ConfirmChangeModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import type { UserAction } from './UserActions';
import { UsersList } from './UsersList';
import { USERS_PAGE_SIZE, type User, usersKey } from './users-api';

type Pending = { action: UserAction; user: User } | null;

function UserDialogs({ pending, onClose }: { pending: Pending; onClose: () => void }) {
  if (!pending) return null;
  if (pending.action === 'reset-password') return <ResetPasswordModal user={pending.user} onClose={onClose} />;
  return <ConfirmChangeModal change={pending.action} user={pending.user} onClose={onClose} />;
}

function Users({ meId }: { meId: string | undefined }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [pending, setPending] = useState<Pending>(null);
  const query = useQuery({
    queryKey: [...usersKey, page],
    queryFn: () => unwrap(api.GET('/v1/users', { params: { query: { page, pageSize: USERS_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryState
      query={query}
      what="the users"
      empty={<Text>No users on this page.</Text>}
      isEmpty={(data) => data.items.length === 0}
    >
      {(data) => (
        <Stack gap="md">
          <UsersList users={data.items} meId={meId} onAction={(action, user) => setPending({ action, user })} />
          {data.total > data.pageSize && (
            <Pagination
              total={Math.ceil(data.total / data.pageSize)}
              value={page}
              onChange={(next) => {
                setParams({ page: String(next) });
                window.scrollTo({ top: 0 });
              }}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            />
          )}
          <UserDialogs pending={pending} onClose={() => setPending(null)} />
        </Stack>
      )}
    </QueryState>
  );
}

/** Who can sign in, their roles, and adding, changing, disabling and resetting users (admins only). */
export function UsersPage() {
  const me = useMe();
  const [adding, setAdding] = useState(false);
  if (me?.role !== 'admin') {
    return (
      <>
        <PageHeader title="Users" />
        <AdminsOnlyNotice what="Only admins can see and manage who signs in to the console." />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in. Admins change things; viewers only look."
        actions={<Button onClick={() => setAdding(true)}>Add user</Button>}
      />
      <Users meId={me.id} />
      <AddUserModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}
