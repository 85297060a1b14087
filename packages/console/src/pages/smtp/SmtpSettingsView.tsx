import { Paper, Table, Text } from '@mantine/core';
import { browserZone, formatInstant } from '../../lib/format';
import { SECURITY_LABELS } from './SecurityField';
import type { SmtpSettings } from './smtp-form';

/** The saved settings as text, for viewers (no inputs, no buttons). */
export function SmtpSettingsView({ settings }: { settings: SmtpSettings }) {
  const rows: [string, string][] = [
    ['Host', settings.host],
    ['Port', String(settings.port)],
    ['Security', SECURITY_LABELS[settings.security]],
    ['Username', settings.username ?? 'None (no login)'],
    ['Password', settings.passwordSet ? 'A password is saved' : 'No password saved'],
    ['From address', settings.fromAddress],
    ['From name', settings.fromName],
    ['Admin address for failure notices', settings.adminAddress ?? 'None (no notices)'],
    ['Last changed', formatInstant(settings.updatedAt, browserZone())],
  ];
  return (
    <Paper withBorder radius="md">
      <Table variant="vertical" layout="fixed" withRowBorders>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="40%">{label}</Table.Th>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {value}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
