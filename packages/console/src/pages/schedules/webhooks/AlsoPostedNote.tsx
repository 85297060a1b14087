import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { webhooksQuery } from './webhooks-api';

const KIND_WORDS = { slack: 'Slack', webhook: 'webhook' } as const;

/**
 * Beside a send: the schedule's webhooks that are on get the report too (send now), or, for a
 * test, that they do not (a test goes to one address only). Nothing when the schedule has none.
 */
export function AlsoPostedNote({ scheduleId, test = false }: { scheduleId: string; test?: boolean }) {
  const webhooks = useQuery(webhooksQuery(scheduleId));
  const on = (webhooks.data?.items ?? []).filter((webhook) => webhook.enabled);
  if (on.length === 0) return null;
  if (test) {
    return (
      <Text size="sm" c="dimmed">
        The schedule’s Slack and webhooks are not posted to: each has its own Send test.
      </Text>
    );
  }
  const names = on.map((webhook) => `“${webhook.label}” (${KIND_WORDS[webhook.kind]})`);
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      The report is also posted to {names.join(', ')}.
    </Text>
  );
}
