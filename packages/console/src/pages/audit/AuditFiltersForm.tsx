import { Autocomplete, Button, Grid, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { AUDIT_ACTIONS, type AuditFilters } from './audit-filters';

type AuditFiltersFormProps = {
  filters: AuditFilters;
  zone: string;
  onChange: (filters: AuditFilters) => void;
};

/**
 * The action as typed or picked: sent when an action is picked, on Enter or on leaving the input, not on
 * every keystroke (the API matches whole action names). Remounted by its key when the URL changes.
 */
function ActionFilter({ value, onCommit }: { value: string; onCommit: (action: string) => void }) {
  const commit = (action: string) => {
    if (action.trim() !== value) onCommit(action.trim());
  };
  return (
    <Autocomplete
      key={value}
      label="Action"
      placeholder="Any action"
      data={AUDIT_ACTIONS}
      defaultValue={value}
      onOptionSubmit={commit}
      onBlur={(event) => commit(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(event.currentTarget.value);
      }}
      onChange={(text) => {
        if (text === '') commit('');
      }}
      clearable
    />
  );
}

/** "Who": any user, by email (the first 100, which covers a shop's console users). */
function ActorFilter({ value, onChange }: { value: string; onChange: (actorId: string) => void }) {
  const users = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => unwrap(api.GET('/v1/users', { params: { query: { pageSize: 100 } } })),
  });
  return (
    <Select
      label="Who"
      placeholder={users.isError ? 'Users could not be loaded' : 'Anyone'}
      data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.email }))}
      value={value || null}
      onChange={(actorId) => onChange(actorId ?? '')}
      searchable
      clearable
    />
  );
}

/** Action, who and a day range; every change goes to the URL (and back to page 1). */
export function AuditFiltersForm({ filters, zone, onChange }: AuditFiltersFormProps) {
  const set = (change: Partial<AuditFilters>) => onChange({ ...filters, ...change, page: 1 });
  const filtered = Boolean(filters.action || filters.actorId || filters.from || filters.to);
  return (
    <Stack gap={4} mb="md">
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <ActionFilter value={filters.action} onCommit={(action) => set({ action })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <ActorFilter value={filters.actorId} onChange={(actorId) => set({ actorId })} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4, lg: 2 }}>
          <TextInput
            type="date"
            label="From day"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(event) => set({ from: event.currentTarget.value })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4, lg: 2 }}>
          <TextInput
            type="date"
            label="To day"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(event) => set({ to: event.currentTarget.value })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4, lg: 2 }}>
          {filtered && (
            <Button variant="default" fullWidth onClick={() => set({ action: '', actorId: '', from: '', to: '' })}>
              Clear filters
            </Button>
          )}
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed">
        Days are calendar days in {zone}; the To day is included.
      </Text>
    </Stack>
  );
}
