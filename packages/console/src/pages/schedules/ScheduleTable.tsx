import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ScrollRegion } from '../../components/ScrollRegion';
import { CONSOLE_PATHS } from '../../paths';
import { EnabledToggle } from './EnabledToggle';
import { LastSent, LastStatus, NextSend } from './ScheduleCells';
import type { Schedule } from './schedule-api';

/** The schedules as a table (wide screens); it scrolls sideways rather than squeeze below 960 px. */
export function ScheduleTable({ schedules, now }: { schedules: Schedule[]; now: number }) {
  return (
    <ScrollRegion label="Schedules" minWidth={960}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>On/off</Table.Th>
            <Table.Th>Sends</Table.Th>
            <Table.Th>Next send</Table.Th>
            <Table.Th>Last sent</Table.Th>
            <Table.Th>Last status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedules.map((schedule) => (
            <Table.Tr key={schedule.id}>
              <Table.Td>
                <Anchor component={Link} to={`${CONSOLE_PATHS.schedules}/${schedule.id}`} fw={500}>
                  {schedule.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <EnabledToggle schedule={schedule} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{schedule.description}</Text>
              </Table.Td>
              <Table.Td>
                <NextSend schedule={schedule} now={now} />
              </Table.Td>
              <Table.Td>
                <LastSent schedule={schedule} now={now} />
              </Table.Td>
              <Table.Td>
                <LastStatus schedule={schedule} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
