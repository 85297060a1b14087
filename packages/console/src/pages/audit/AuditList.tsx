import { Anchor, Card, Code, Group, List, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { formatInstant } from '../../lib/format';
import { type AuditEntry, detailLines, targetPath } from './audit-filters';

const WRAP = { overflowWrap: 'anywhere' } as const;

function Who({ entry }: { entry: AuditEntry }) {
  return (
    <Text size="sm" style={WRAP}>
      {entry.actorEmail ?? 'System'}
    </Text>
  );
}

function Target({ target }: { target: string | null }) {
  if (!target) return <Text size="sm">—</Text>;
  const path = targetPath(target);
  return path ? (
    <Anchor component={Link} to={path} size="sm" style={WRAP}>
      {target}
    </Anchor>
  ) : (
    <Text size="sm" style={WRAP}>
      {target}
    </Text>
  );
}

function Details({ details }: { details: AuditEntry['details'] }) {
  const lines = detailLines(details);
  if (lines.length === 0) return <Text size="sm">—</Text>;
  return (
    <List size="sm" spacing={2} listStyleType="none" style={WRAP}>
      {lines.map(([key, value]) => (
        <List.Item key={key}>
          <Text span size="sm" c="dimmed">
            {key}:
          </Text>{' '}
          {value}
        </List.Item>
      ))}
    </List>
  );
}

function EntryCard({ entry, zone }: { entry: AuditEntry; zone: string }) {
  return (
    <Card withBorder padding="sm" radius="md" component="article" aria-label={`${entry.action}, ${entry.at}`}>
      <Group justify="space-between" gap="xs" align="flex-start">
        <Code>{entry.action}</Code>
        <Text size="xs" c="dimmed">
          {formatInstant(entry.at, zone)}
        </Text>
      </Group>
      <Stack gap={4} mt={6}>
        <Who entry={entry} />
        <Target target={entry.target} />
        <Details details={entry.details} />
      </Stack>
    </Card>
  );
}

/** Audit entries as a table whose details wrap, or as cards on narrow screens. */
export function AuditList({ entries, zone }: { entries: AuditEntry[]; zone: string }) {
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  if (!wide) {
    return (
      <Stack gap="sm">
        {entries.map((entry) => (
          <EntryCard key={entry.id} entry={entry} zone={zone} />
        ))}
      </Stack>
    );
  }
  return (
    <Table layout="fixed" verticalSpacing="sm" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="14%">Time ({zone})</Table.Th>
          <Table.Th w="21%">Who</Table.Th>
          <Table.Th w="16%">Action</Table.Th>
          <Table.Th w="16%">Target</Table.Th>
          <Table.Th>Details</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
            <Table.Td>{formatInstant(entry.at, zone, { zone: false })}</Table.Td>
            <Table.Td>
              <Who entry={entry} />
            </Table.Td>
            <Table.Td style={WRAP}>{entry.action}</Table.Td>
            <Table.Td>
              <Target target={entry.target} />
            </Table.Td>
            <Table.Td>
              <Details details={entry.details} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
