import { Group, Pagination, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useIsAdmin } from '../../app/session';
import { AdminsOnlyNotice } from '../../components/AdminsOnlyNotice';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { browserZone } from '../../lib/format';
import { AuditFiltersForm } from './AuditFiltersForm';
import { AuditList } from './AuditList';
import { type AuditFilters, readFilters, toAuditQuery, writeFilters } from './audit-filters';

function AuditLog() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const zone = browserZone();
  const query = useQuery({
    queryKey: ['audit', filters],
    queryFn: () => unwrap(api.GET('/v1/audit', { params: { query: toAuditQuery(filters) } })),
    placeholderData: keepPreviousData,
  });
  const go = (next: AuditFilters) => setParams(writeFilters(next));
  const filtered = Boolean(filters.action || filters.actorId || filters.from || filters.to);
  return (
    <>
      <AuditFiltersForm filters={filters} zone={zone} onChange={go} />
      <QueryState
        query={query}
        what="the audit log"
        isEmpty={(data) => data.items.length === 0}
        empty={<Text>{filtered ? 'No entries match these filters.' : 'Nothing has been recorded yet.'}</Text>}
      >
        {(data) => (
          <Stack gap="md">
            <AuditList entries={data.items} zone={zone} />
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed">
                {data.total} {data.total === 1 ? 'entry' : 'entries'}, newest first
              </Text>
              {data.total > data.pageSize && (
                <Pagination
                  total={Math.ceil(data.total / data.pageSize)}
                  value={filters.page}
                  onChange={(page) => {
                    go({ ...filters, page });
                    window.scrollTo({ top: 0 });
                  }}
                  siblings={0}
                  getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                />
              )}
            </Group>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** Who changed what and when (admins only: it names users and what they changed). */
export function AuditPage() {
  const isAdmin = useIsAdmin();
  return (
    <>
      <PageHeader title="Audit log" description="Every change made in the console or the API, and by whom." />
      {isAdmin ? (
        <AuditLog />
      ) : (
        <AdminsOnlyNotice what="The audit log names users and what they changed, so only admins can read it." />
      )}
    </>
  );
}
