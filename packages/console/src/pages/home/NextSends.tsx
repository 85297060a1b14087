import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { formatInstant, formatRelative } from '../../lib/format';
import { Section } from '../deliveries/Section';
import { enabledSchedulesQuery, type ScheduleItem } from './home-api';
import { useNow } from './use-now';

/** Soonest first; one the scheduler has not planned yet goes last. */
const bySoonest = (a: ScheduleItem, b: ScheduleItem) =>
  (a.nextRunAt ?? '9999').localeCompare(b.nextRunAt ?? '9999') || a.name.localeCompare(b.name);

function NextSend({ schedule, now }: { schedule: ScheduleItem; now: number }) {
  return (
    <Group justify="space-between" align="flex-start" gap="xs">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={`/schedules/${schedule.id}`} fw={600} size="sm">
          {schedule.name}
        </Anchor>
        <Text size="sm">
          {schedule.nextRunAt
            ? formatInstant(schedule.nextRunAt, schedule.timezone, { weekday: true })
            : `Not planned yet: the scheduler plans it within a minute (${schedule.timezone})`}
        </Text>
      </Stack>
      {schedule.nextRunAt && (
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {formatRelative(schedule.nextRunAt, now)}
        </Text>
      )}
    </Group>
  );
}

/** When each switched-on schedule sends next, in its own zone and counting down. */
export function NextSends() {
  const schedules = useQuery(enabledSchedulesQuery);
  const now = useNow();
  return (
    <Section title="Next sends">
      <QueryState
        query={schedules}
        what="the schedules"
        isEmpty={(page) => page.items.length === 0}
        empty={
          <Text size="sm">
            No schedule is switched on, so nothing is sent by itself.{' '}
            <Anchor component={Link} to="/schedules">
              See the schedules
            </Anchor>
          </Text>
        }
      >
        {(page) => (
          <Stack gap="sm">
            {[...page.items].sort(bySoonest).map((schedule) => (
              <NextSend key={schedule.id} schedule={schedule} now={now} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
