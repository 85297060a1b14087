import { Anchor, Badge, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AdminOnly, useIsAdmin } from '../../app/session';
import type { Overview } from './home-api';
import { RemoveDemoData } from './RemoveDemoData';

function Item({ done, title, children }: { done: boolean; title: string; children?: ReactNode }) {
  return (
    <Group align="flex-start" wrap="nowrap" gap="sm">
      {/* Filled with contrast-picked text: the light variants' yellow and green text is too faint to read. */}
      <Badge color={done ? 'green.9' : 'yellow.4'} variant="filled" autoContrast radius="sm" miw={64}>
        {done ? 'Done' : 'To do'}
      </Badge>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text fw={600} size="sm">
          {title}
        </Text>
        {!done && children}
      </Stack>
    </Group>
  );
}

/** First-run steps, shown until the mail server is set, a schedule exists and the demo is gone. */
export function SetupChecklist({ setup }: { setup: Overview['setup'] }) {
  const isAdmin = useIsAdmin();
  if (setup.smtpConfigured && setup.schedules > 0 && !setup.demoSchedulePresent) return null;
  return (
    <Card withBorder padding="md" component="section" aria-label="Getting started">
      <Title order={2} size="h4" mb="sm">
        Getting started
      </Title>
      <Stack gap="sm">
        <Item
          done={setup.smtpConfigured}
          title={
            setup.smtpConfigured
              ? 'Mail server configured'
              : 'Mail server not configured — emails are written to the outbox folder instead of being sent'
          }
        >
          <Group gap="md">
            <Anchor component={Link} to="/smtp" size="sm">
              {isAdmin ? 'Set up the mail server' : 'See the mail server settings'}
            </Anchor>
            <Anchor component={Link} to="/deliveries?transport=outbox" size="sm">
              See the deliveries saved to the outbox
            </Anchor>
          </Group>
        </Item>
        <Item done={setup.schedules > 0} title={setup.schedules > 0 ? 'A schedule exists' : 'No schedule yet'}>
          <AdminOnly>
            <Anchor component={Link} to="/schedules/new" size="sm">
              Create a schedule
            </Anchor>
          </AdminOnly>
          {!isAdmin && <Text size="sm">An admin can create one.</Text>}
        </Item>
        {setup.demoSchedulePresent && (
          <Item done={false} title="Demo data present">
            <Text size="sm">
              The schedule of <Code>pnpm demo</Code> (and so its shop data) is in this database. Remove what the demo
              made here, or with <Code style={{ whiteSpace: 'nowrap' }}>pnpm demo --clean</Code> on the server (which
              also deletes its outbox files).
            </Text>
            <AdminOnly>
              <Group>
                <RemoveDemoData />
              </Group>
            </AdminOnly>
          </Item>
        )}
      </Stack>
    </Card>
  );
}
