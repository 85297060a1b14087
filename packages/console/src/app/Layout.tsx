import { Alert, AppShell, Burger, Button, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { fetchRaw } from '../api/client';
import { CONSOLE_PATHS as PATHS } from '../paths';
import { meQuery } from './session';

type NavItem = { label: string; to: string; adminOnly?: boolean; external?: boolean };

const NAV: NavItem[] = [
  { label: 'Home', to: PATHS.home },
  { label: 'Schedules', to: PATHS.schedules },
  { label: 'Delivery log', to: PATHS.deliveries },
  { label: 'Mail server', to: PATHS.smtp },
  { label: 'Users', to: PATHS.users, adminOnly: true },
  { label: 'Audit log', to: PATHS.audit, adminOnly: true },
  { label: 'My account', to: PATHS.account },
  { label: 'Queues (Bull Board)', to: '/admin/queues', adminOnly: true, external: true },
  { label: 'API docs', to: '/docs', external: true },
];

const isActive = (pathname: string, to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));

async function signOut() {
  await fetchRaw('/auth/logout', { method: 'POST' });
  window.location.assign(PATHS.signIn);
}

/** The signed-in shell: header, navigation (a drawer below 768 px) and the current screen. */
export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const me = useQuery(meQuery);

  if (me.isPending) {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100vh" p="md">
        <Alert color="red" title="The console cannot reach the API" role="alert">
          {me.error.message} <Button onClick={() => me.refetch()}>Try again</Button>
        </Alert>
      </Center>
    );
  }
  const isAdmin = me.data.role === 'admin';
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={2} size="h4">
              reportmail
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="xs" truncate="end" maw={260}>
              {me.data.email} · {me.data.role}
            </Text>
            <Button variant="default" size="xs" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {NAV.filter((item) => isAdmin || !item.adminOnly).map((item) =>
          item.external ? (
            <NavLink key={item.to} href={item.to} label={item.label} />
          ) : (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={isActive(pathname, item.to)}
              onClick={close}
            />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <div aria-busy={navigation.state === 'loading'}>
          <Suspense fallback={<Loader role="status" aria-label="Loading" />}>
            <Outlet />
          </Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
