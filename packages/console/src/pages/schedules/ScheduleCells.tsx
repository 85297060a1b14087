import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge';
import { formatInstant, formatRelative } from '../../lib/format';
import { CONSOLE_PATHS } from '../../paths';
import type { Schedule } from './schedule-api';
import { TRIGGER_WORDS } from './words';

/** An instant in the schedule's zone, labelled with it, and how far from now. */
function When({ iso, timezone, now }: { iso: string; timezone: string; now: number }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{formatInstant(iso, timezone, { weekday: true })}</Text>
      <Text size="xs" c="dimmed">
        {formatRelative(iso, now)}
      </Text>
    </Stack>
  );
}

export function NextSend({ schedule, now }: { schedule: Schedule; now: number }) {
  if (!schedule.enabled) return <Text size="sm">Not sending: the schedule is off</Text>;
  if (!schedule.nextRunAt) return <Text size="sm">Not planned yet</Text>;
  return <When iso={schedule.nextRunAt} timezone={schedule.timezone} now={now} />;
}

export function LastSent({ schedule, now }: { schedule: Schedule; now: number }) {
  if (!schedule.lastSentAt) return <Text size="sm">Never</Text>;
  return <When iso={schedule.lastSentAt} timezone={schedule.timezone} now={now} />;
}

/** The newest delivery's status (any trigger), linking to it. */
export function LastStatus({ schedule }: { schedule: Schedule }) {
  const last = schedule.lastDelivery;
  if (!last) return <Text size="sm">No deliveries yet</Text>;
  return (
    <Group gap={6}>
      <Anchor
        component={Link}
        to={`${CONSOLE_PATHS.deliveries}/${last.id}`}
        title="Open this delivery"
        style={{ flexShrink: 0 }}
      >
        <StatusBadge status={last.status} />
      </Anchor>
      <Text size="xs" c="dimmed">
        {TRIGGER_WORDS[last.trigger] ?? last.trigger}
      </Text>
    </Group>
  );
}
