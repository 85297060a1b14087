import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useIsAdmin } from '../../../app/session';
import { QueryState } from '../../../components/QueryState';
import { WEBHOOKS_ANCHOR } from '../../../paths';
import { WebhookCard } from './WebhookCard';
import { WebhookFormModal } from './WebhookFormModal';
import { MAX_WEBHOOKS, type Webhook, webhooksQuery } from './webhooks-api';

/**
 * "Slack and webhooks": where else the schedule's reports are posted, besides the email. Admins add,
 * switch, test, edit and remove them; viewers see the list.
 */
export function WebhooksSection({ scheduleId }: { scheduleId: string }) {
  const isAdmin = useIsAdmin();
  const webhooks = useQuery(webhooksQuery(scheduleId));
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const count = webhooks.data?.items.length ?? 0;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      id={WEBHOOKS_ANCHOR}
      aria-labelledby="webhooks-title"
      ref={useScrolledTo()}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="webhooks-title">
          Slack and webhooks
        </Title>
        <Text size="sm" c="dimmed">
          Each report is also posted to these, each post a delivery of its own in the log.
          {isAdmin && count >= MAX_WEBHOOKS && ` ${MAX_WEBHOOKS} is the most a schedule can have.`}
        </Text>
        <QueryState
          query={webhooks}
          what="the webhooks"
          isEmpty={(data) => data.items.length === 0}
          empty={<Text size="sm">None: the reports go by email only.</Text>}
        >
          {(data) => (
            <Stack gap="xs">
              {data.items.map((webhook) => (
                <WebhookCard key={webhook.id} webhook={webhook} onEdit={() => setEditing(webhook)} />
              ))}
            </Stack>
          )}
        </QueryState>
        {isAdmin && webhooks.isSuccess && count < MAX_WEBHOOKS && (
          <Group>
            <Button variant="default" onClick={() => setEditing('new')}>
              Add Slack or webhook…
            </Button>
          </Group>
        )}
      </Stack>
      {editing && (
        <WebhookFormModal
          scheduleId={scheduleId}
          webhook={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}

/** Brings the section into view when the address ends in #webhooks (a link from a webhook's delivery). */
function useScrolledTo() {
  const { hash } = useLocation();
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (hash === `#${WEBHOOKS_ANCHOR}`) section.current?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return section;
}
