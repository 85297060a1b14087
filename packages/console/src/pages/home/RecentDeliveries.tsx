import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { formatInstant, formatMoney } from '../../lib/format';
import { useCurrency } from '../../lib/overview';
import type { DeliveryItem } from '../deliveries/deliveries-api';
import { channelLabel, triggerLabel } from '../deliveries/labels';
import { Section } from '../deliveries/Section';
import { recentDeliveriesQuery } from './home-api';

function Row({ delivery }: { delivery: DeliveryItem }) {
  const currency = useCurrency();
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap={6}>
          <Anchor component={Link} to={`/deliveries/${delivery.id}`} fw={600} size="sm">
            {delivery.periodLabel}
          </Anchor>
          <Text size="sm" c="dimmed">
            {delivery.scheduleName ?? 'Deleted schedule'}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {formatInstant(delivery.createdAt, delivery.timezone)} · {triggerLabel(delivery.trigger)} ·{' '}
          {formatMoney(delivery.totalRevenue, currency)}
          {delivery.channel !== 'email' && ` · ${channelLabel(delivery.channel)}: ${delivery.webhookLabel ?? '—'}`}
        </Text>
      </Stack>
      <Box style={{ flexShrink: 0 }}>
        <StatusBadge status={delivery.status} />
      </Box>
    </Group>
  );
}

/** The ten newest deliveries, each a link to its detail. */
export function RecentDeliveries() {
  const deliveries = useQuery(recentDeliveriesQuery);
  return (
    <Section title="Latest deliveries">
      <QueryState
        query={deliveries}
        what="the latest deliveries"
        isEmpty={(page) => page.items.length === 0}
        empty={<Text size="sm">No delivery yet: they appear here as schedules send.</Text>}
      >
        {(page) => (
          <Stack gap="sm">
            {page.items.map((delivery) => (
              <Row key={delivery.id} delivery={delivery} />
            ))}
            <Anchor component={Link} to="/deliveries" size="sm">
              Open the delivery log ({page.total})
            </Anchor>
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
