import { Anchor, Box, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusBadge } from '../../components/StatusBadge';
import { formatCount, formatInstant, formatMoney } from '../../lib/format';
import { useCurrency } from '../../lib/overview';
import type { DeliveryItem } from './deliveries-api';
import { triggerLabel } from './labels';
import { SentTo } from './SentTo';

const detailPath = (id: string) => `/deliveries/${id}`;

/** The row's link to its detail, named by the period it reports on. */
function PeriodLink({ delivery }: { delivery: DeliveryItem }) {
  return (
    <Anchor component={Link} to={detailPath(delivery.id)} fw={600} size="sm">
      {delivery.periodLabel}
    </Anchor>
  );
}

/** A deleted schedule still has the name it had when the delivery was written. */
const scheduleText = (delivery: DeliveryItem) => delivery.scheduleName ?? 'Deleted schedule';

/** The deliveries as a table from 768 px, as stacked cards below (no sideways scrolling on a phone). */
export function DeliveryTable({ items }: { items: DeliveryItem[] }) {
  return (
    <>
      <Box visibleFrom="sm">
        <ScrollRegion label="Deliveries" minWidth={960}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Queued at</Table.Th>
                <Table.Th>Schedule</Table.Th>
                <Table.Th>Period</Table.Th>
                <Table.Th>Trigger</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Revenue</Table.Th>
                <Table.Th ta="right">Transactions</Table.Th>
                <Table.Th>Sent to</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Box>
      <Stack gap="sm" hiddenFrom="sm">
        {items.map((delivery) => (
          <DeliveryCard key={delivery.id} delivery={delivery} />
        ))}
      </Stack>
    </>
  );
}

function DeliveryRow({ delivery }: { delivery: DeliveryItem }) {
  const currency = useCurrency();
  return (
    <Table.Tr style={{ whiteSpace: 'nowrap' }}>
      <Table.Td>
        <Text size="sm">{formatInstant(delivery.createdAt, delivery.timezone, { zone: false })}</Text>
        <Text size="xs" c="dimmed">
          {delivery.timezone}
        </Text>
      </Table.Td>
      <Table.Td miw={130} style={{ whiteSpace: 'normal' }}>
        {scheduleText(delivery)}
      </Table.Td>
      <Table.Td miw={120} style={{ whiteSpace: 'normal' }}>
        <PeriodLink delivery={delivery} />
      </Table.Td>
      <Table.Td>{triggerLabel(delivery.trigger)}</Table.Td>
      <Table.Td miw={100}>
        <StatusBadge status={delivery.status} />
      </Table.Td>
      <Table.Td ta="right">{formatMoney(delivery.totalRevenue, currency)}</Table.Td>
      <Table.Td ta="right">{formatCount(delivery.totalTransactions, currency.locale)}</Table.Td>
      <Table.Td miw={180} style={{ whiteSpace: 'normal' }}>
        <SentTo delivery={delivery} />
      </Table.Td>
    </Table.Tr>
  );
}

function DeliveryCard({ delivery }: { delivery: DeliveryItem }) {
  const currency = useCurrency();
  return (
    <Card withBorder padding="sm" component="article" aria-label={`${scheduleText(delivery)}, ${delivery.periodLabel}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <PeriodLink delivery={delivery} />
          <Text size="sm">{scheduleText(delivery)}</Text>
        </Stack>
        <Box style={{ flexShrink: 0 }}>
          <StatusBadge status={delivery.status} />
        </Box>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {formatInstant(delivery.createdAt, delivery.timezone)} · {triggerLabel(delivery.trigger)}
      </Text>
      <Text size="sm" mt={4}>
        {formatMoney(delivery.totalRevenue, currency)} · {formatCount(delivery.totalTransactions, currency.locale)}{' '}
        transactions
      </Text>
      <Box mt={6}>
        <SentTo delivery={delivery} />
      </Box>
    </Card>
  );
}
