import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { scheduleNamesQuery } from './deliveries-api';
import { type FilterKey, hasFilters, type LogFilters } from './filters';
import { CHANNEL_OPTIONS, STATUS_OPTIONS, TRANSPORT_OPTIONS, TRIGGER_OPTIONS } from './labels';

type Props = {
  filters: LogFilters;
  /** Sets one filter (undefined clears it); the log goes back to its first page. */
  onChange: (key: FilterKey, value: string | undefined) => void;
  onClear: () => void;
  /** The zone the dates are whole days in. */
  zone: string | undefined;
  /** What the API said about a date, beside its field. */
  dateError: { from?: string | undefined; to?: string | undefined };
};

/** The log's filters: each one is a URL parameter, so a reload, a bookmark or Back keeps them. */
export function DeliveryFilters({ filters, onChange, onClear, zone, dateError }: Props) {
  const schedules = useQuery(scheduleNamesQuery);
  const scheduleOptions = (schedules.data?.items ?? []).map((schedule) => ({
    value: schedule.id,
    label: schedule.name,
  }));
  const select = (key: FilterKey) => ({
    value: filters[key] ?? null,
    onChange: (value: string | null) => onChange(key, value ?? undefined),
    clearable: true,
    placeholder: 'Any',
  });
  const dayHint = zone ? `Whole days in ${zone}` : 'Whole days in the default zone';
  return (
    <form aria-label="Filter deliveries" onSubmit={(event) => event.preventDefault()}>
      <SimpleGrid cols={{ base: 2, md: 3, lg: 4 }} spacing="sm" verticalSpacing="xs" style={{ alignItems: 'end' }}>
        <Select label="Status" data={STATUS_OPTIONS} {...select('status')} />
        <Select
          label="Schedule"
          data={scheduleOptions}
          searchable
          nothingFoundMessage="No schedule by that name"
          error={schedules.isError ? `Schedules could not be loaded: ${schedules.error.message}` : undefined}
          {...select('schedule')}
        />
        <Select label="Trigger" data={TRIGGER_OPTIONS} {...select('trigger')} />
        <Select label="Channel" data={CHANNEL_OPTIONS} {...select('channel')} />
        <Select label="Email sent via" data={TRANSPORT_OPTIONS} {...select('transport')} />
        <TextInput
          type="date"
          label="From"
          description={dayHint}
          value={filters.from ?? ''}
          max={filters.to}
          error={dateError.from}
          onChange={(event) => onChange('from', event.currentTarget.value || undefined)}
        />
        <TextInput
          type="date"
          label="To (inclusive)"
          description={dayHint}
          value={filters.to ?? ''}
          min={filters.from}
          error={dateError.to}
          onChange={(event) => onChange('to', event.currentTarget.value || undefined)}
        />
      </SimpleGrid>
      {hasFilters(filters) && (
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" size="xs" onClick={onClear}>
            Clear all filters
          </Button>
        </Group>
      )}
    </form>
  );
}
