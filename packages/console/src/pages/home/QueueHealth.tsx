import { Anchor, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { AdminOnly } from '../../app/session';
import { QueryState } from '../../components/QueryState';
import { formatCount } from '../../lib/format';
import { Section } from '../deliveries/Section';
import type { Overview } from './home-api';

const STATES = [
  { key: 'waiting', label: 'Waiting' },
  { key: 'active', label: 'Active' },
  { key: 'delayed', label: 'Delayed (retry or later)' },
  { key: 'failed', label: 'Failed' },
] as const;
const QUEUES = ['reports', 'mail'] as const;

/** Failed jobs are the ones that need someone: stressed (the row's name says what they are). */
function Count({ state, count }: { state: (typeof STATES)[number]['key']; count: number }) {
  if (state !== 'failed' || count === 0) return <Table.Td ta="right">{formatCount(count)}</Table.Td>;
  return (
    <Table.Td ta="right">
      <Text span c="red.8" fw={700} size="sm">
        {formatCount(count)}
      </Text>
    </Table.Td>
  );
}

/** Jobs per queue and state (BullMQ): reports being generated, emails being sent. */
export function QueueHealth({ overview }: { overview: UseQueryResult<Overview> }) {
  return (
    <Section title="Queues">
      <QueryState query={overview} what="the queues">
        {(data) => (
          <>
            <Table fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Jobs</Table.Th>
                  <Table.Th ta="right">Reports</Table.Th>
                  <Table.Th ta="right">Mail</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {STATES.map((state) => (
                  <Table.Tr key={state.key}>
                    <Table.Th scope="row" fw={500}>
                      {state.label}
                    </Table.Th>
                    {QUEUES.map((queue) => (
                      <Count key={queue} state={state.key} count={data.queues[queue][state.key]} />
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <AdminOnly>
              <Anchor href="/admin/queues" size="sm" mt="xs" display="inline-block">
                Open the queues (Bull Board)
              </Anchor>
            </AdminOnly>
          </>
        )}
      </QueryState>
    </Section>
  );
}
