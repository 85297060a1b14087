import { Button, EmptyState, Group, Pagination, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatCount } from '../../lib/format';
import { overviewQuery } from '../../lib/overview';
import { DeliveryFilters } from './DeliveryFilters';
import { DeliveryTable } from './DeliveryTable';
import { type DeliveryPage, deliveriesQuery } from './deliveries-api';
import {
  apiQueryOf,
  type FilterKey,
  filtersFromParams,
  hasFilters,
  type LogFilters,
  PAGE_SIZE,
  paramsFromFilters,
} from './filters';

/** The delivery log: every report sent or tried, newest first, 20 a page, filtered by the URL. */
export function DeliveriesPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const zone = useQuery(overviewQuery).data?.defaultTimezone;
  const datesNeedZone = Boolean(filters.from || filters.to);
  const log = useQuery({
    ...deliveriesQuery(apiQueryOf(filters, zone ?? 'UTC')),
    enabled: zone !== undefined || !datesNeedZone,
  });
  const show = (next: LogFilters) => setParams(paramsFromFilters(next));
  const change = (key: FilterKey, value: string | undefined) => show({ ...filters, [key]: value, page: 1 });
  const clear = () => show({ page: 1 });
  const dateError =
    log.error instanceof ApiError ? { from: log.error.fieldMessage('from'), to: log.error.fieldMessage('to') } : {};
  return (
    <>
      <PageHeader title="Delivery log" description="Every report sent or tried, newest first." />
      <Stack gap="md">
        <DeliveryFilters filters={filters} onChange={change} onClear={clear} zone={zone} dateError={dateError} />
        {dateError.from || dateError.to ? (
          <Text size="sm">No deliveries shown: correct the dates above.</Text>
        ) : (
          <QueryState
            query={log}
            what="the delivery log"
            isEmpty={(page) => page.total === 0}
            empty={<NoDeliveries filtered={hasFilters(filters)} onClear={clear} />}
          >
            {(page) => <LogPage page={page} onPage={(number) => show({ ...filters, page: number })} />}
          </QueryState>
        )}
      </Stack>
    </>
  );
}

const CONTROL_NAMES = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' };

function LogPage({ page, onPage }: { page: DeliveryPage; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const first = (page.page - 1) * PAGE_SIZE + 1;
  if (page.items.length === 0) {
    return (
      <EmptyState
        title={`There is no page ${page.page}`}
        description={pages === 1 ? 'The log has one page.' : `The log has ${pages} pages.`}
      >
        <EmptyState.Actions>
          <Button onClick={() => onPage(1)}>Go to the first page</Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <Stack gap="sm">
      <DeliveryTable items={page.items} />
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {formatCount(first)}–{formatCount(first + page.items.length - 1)} of {formatCount(page.total)} deliveries
        </Text>
        {pages > 1 && (
          <nav aria-label="Delivery log pages">
            <Pagination
              total={pages}
              value={page.page}
              onChange={onPage}
              siblings={1}
              boundaries={1}
              size="sm"
              getItemProps={(number) => ({ 'aria-label': `Page ${number}` })}
              getControlProps={(control) => ({ 'aria-label': CONTROL_NAMES[control] })}
            />
          </nav>
        )}
      </Group>
    </Stack>
  );
}

function NoDeliveries({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <EmptyState title="No deliveries match these filters" description="Change or clear the filters to see more.">
        <EmptyState.Actions>
          <Button onClick={onClear}>Clear filters</Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="No delivery yet"
      description="Deliveries appear here when a schedule sends its report, or when an admin uses Send now on a schedule."
    />
  );
}
