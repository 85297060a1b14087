import { Anchor, Card, DataList, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CONSOLE_PATHS } from '../../paths';
import { EnabledToggle } from './EnabledToggle';
import { LastSent, LastStatus, NextSend } from './ScheduleCells';
import type { Schedule } from './schedule-api';

/** The schedules as stacked cards (narrow screens): the same facts as the table, one schedule per card. */
export function ScheduleCards({ schedules, now }: { schedules: Schedule[]; now: number }) {
  return (
    <Stack gap="sm">
      {schedules.map((schedule) => (
        <Card key={schedule.id} withBorder padding="sm" component="article" aria-label={schedule.name}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
            <Anchor component={Link} to={`${CONSOLE_PATHS.schedules}/${schedule.id}`} fw={600} style={{ minWidth: 0 }}>
              {schedule.name}
            </Anchor>
            <EnabledToggle schedule={schedule} />
          </Group>
          <Text size="sm" mb="xs">
            {schedule.description}
          </Text>
          <DataList orientation="vertical" gap="xs" size="sm">
            <DataList.Item>
              <DataList.ItemLabel>Next send</DataList.ItemLabel>
              <DataList.ItemValue>
                <NextSend schedule={schedule} now={now} />
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Last sent</DataList.ItemLabel>
              <DataList.ItemValue>
                <LastSent schedule={schedule} now={now} />
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Last status</DataList.ItemLabel>
              <DataList.ItemValue>
                <LastStatus schedule={schedule} />
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Card>
      ))}
    </Stack>
  );
}
