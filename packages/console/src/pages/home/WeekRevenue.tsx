import { Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/QueryState';
import { type Currency, formatCount, formatMoney } from '../../lib/format';
import { useCurrency } from '../../lib/overview';
import { Section } from '../deliveries/Section';
import { type Overview, type ReportSummary, revenueQuery } from './home-api';

const payments = (count: number, locale: string) =>
  `${formatCount(count, locale)} ${count === 1 ? 'payment' : 'payments'}`;

function Split({
  label,
  amount,
  count,
  currency,
}: {
  label: string;
  amount: string;
  count: number;
  currency: Currency;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fw={600}>{formatMoney(amount, currency)}</Text>
      <Text size="xs" c="dimmed">
        {payments(count, currency.locale)}
      </Text>
    </Stack>
  );
}

function Summary({ report }: { report: ReportSummary }) {
  const currency = useCurrency();
  const { totals } = report;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {report.period.label} ({report.period.timezone}), Monday to today
      </Text>
      <Group gap="xs" align="baseline">
        <Text fw={700} fz={28} lh={1.1}>
          {formatMoney(totals.revenue, currency)}
        </Text>
        <Text size="sm" c="dimmed">
          from {payments(totals.transactions, currency.locale)}
        </Text>
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <Split label="Sales" amount={totals.salesRevenue} count={totals.salesTransactions} currency={currency} />
        <Split label="Repairs" amount={totals.repairRevenue} count={totals.repairTransactions} currency={currency} />
      </SimpleGrid>
      {report.breakdown.length > 0 && (
        <Table fz="sm" verticalSpacing={4} captionSide="top">
          <Table.Caption>By payment method</Table.Caption>
          <Table.Tbody>
            {report.breakdown.map((method) => (
              <Table.Tr key={method.method}>
                <Table.Th scope="row" fw={500}>
                  {method.method}
                </Table.Th>
                <Table.Td ta="right">{formatCount(method.count, currency.locale)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(method.total, currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Revenue({ week, zone }: { week: Overview['thisWeek']; zone: string }) {
  const report = useQuery(revenueQuery({ ...week, tz: zone }));
  return (
    <QueryState query={report} what="this week’s revenue">
      {(data) => <Summary report={data} />}
    </QueryState>
  );
}

/** Money received this week so far in the default zone: total, sales and repairs, and by method. */
export function WeekRevenue({ overview }: { overview: UseQueryResult<Overview> }) {
  return (
    <Section title="This week’s revenue so far">
      <QueryState query={overview} what="this week’s dates">
        {(data) => <Revenue week={data.thisWeek} zone={data.defaultTimezone} />}
      </QueryState>
    </Section>
  );
}
