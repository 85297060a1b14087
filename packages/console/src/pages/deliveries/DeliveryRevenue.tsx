import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatCount, formatMoney } from '../../lib/format';
import { useCurrency } from '../../lib/overview';
import type { DeliveryDetail, EmailContent } from './deliveries-api';

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Stack>
  );
}

const payments = (count: number | null, locale: string) =>
  count === null ? '—' : `${formatCount(count, locale)} ${count === 1 ? 'payment' : 'payments'}`;

/** The period's totals from the ledger, and the methods table exactly as the email showed it. */
export function DeliveryRevenue({ delivery }: { delivery: DeliveryDetail }) {
  const currency = useCurrency();
  if (delivery.totalRevenue === null) {
    return <Text size="sm">Not counted yet: the totals appear once the report is generated.</Text>;
  }
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm">
        <Figure
          label="Total"
          value={formatMoney(delivery.totalRevenue, currency)}
          detail={payments(delivery.totalTransactions, currency.locale)}
        />
        <Figure
          label="Sales"
          value={formatMoney(delivery.salesRevenue, currency)}
          detail={payments(delivery.salesTransactions, currency.locale)}
        />
        <Figure
          label="Repairs"
          value={formatMoney(delivery.repairRevenue, currency)}
          detail={payments(delivery.repairTransactions, currency.locale)}
        />
      </SimpleGrid>
      {delivery.emailContent && <MethodTable content={delivery.emailContent} />}
    </Stack>
  );
}

/** Amounts are the email's own, already formatted when the report was generated. */
function MethodTable({ content }: { content: EmailContent }) {
  if (content.breakdown.length === 0) return <Text size="sm">No payments in this period.</Text>;
  const total = content.breakdownTotal;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        By payment method, as the email showed it
      </Text>
      <ScrollRegion label="Revenue by payment method" minWidth={460}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Method</Table.Th>
              <Table.Th ta="right">Payments</Table.Th>
              <Table.Th ta="right">Total</Table.Th>
              <Table.Th ta="right">Sales</Table.Th>
              <Table.Th ta="right">Repairs</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {content.breakdown.map((row) => (
              <Table.Tr key={row.method}>
                <Table.Td>{row.method}</Table.Td>
                <Table.Td ta="right">{row.count}</Table.Td>
                <Table.Td ta="right">{row.total}</Table.Td>
                <Table.Td ta="right">{row.sales}</Table.Td>
                <Table.Td ta="right">{row.repairs}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Td>All methods</Table.Td>
              <Table.Td ta="right">{total.count}</Table.Td>
              <Table.Td ta="right">{total.total}</Table.Td>
              <Table.Td ta="right">{total.sales}</Table.Td>
              <Table.Td ta="right">{total.repairs}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}
