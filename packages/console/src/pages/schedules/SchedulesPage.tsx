import { Button, Center, EmptyState, Pagination, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { AdminOnly } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CONSOLE_PATHS } from '../../paths';
import { ScheduleCards } from './ScheduleCards';
import { ScheduleTable } from './ScheduleTable';
import { SCHEDULES_PAGE_SIZE, schedulesQuery } from './schedule-api';
import { useNow } from './use-now';

const NEW_SCHEDULE = `${CONSOLE_PATHS.schedules}/new`;

function NoSchedules() {
  return (
    <EmptyState
      title="No schedules yet"
      description={
        <Stack gap="xs" maw={520}>
          <Text size="sm">
            A schedule emails the revenue report on its own: every day, every 3 days, every week or on a timetable of
            your own, at a time of day in a time zone you choose.
          </Text>
          <Text size="sm">
            Each email covers a period (for example the day before) and carries the workbook of its payments.
          </Text>
        </Stack>
      }
    >
      <AdminOnly>
        <EmptyState.Actions>
          <Button component={Link} to={NEW_SCHEDULE}>
            New schedule
          </Button>
        </EmptyState.Actions>
      </AdminOnly>
    </EmptyState>
  );
}

export function SchedulesPage() {
  const [page, setPage] = useState(1);
  const query = useQuery(schedulesQuery(page));
  const narrow = useMediaQuery('(max-width: 600px)', false, { getInitialValueInEffect: false });
  const now = useNow();
  return (
    <>
      <PageHeader
        title="Schedules"
        description="When each report is emailed, and to whom. Times are in each schedule’s own zone."
        actions={
          // With no schedules the empty state offers the button instead.
          (query.data?.total ?? 0) > 0 && (
            <AdminOnly>
              <Button component={Link} to={NEW_SCHEDULE}>
                New schedule
              </Button>
            </AdminOnly>
          )
        }
      />
      <QueryState query={query} what="the schedules" empty={<NoSchedules />} isEmpty={(data) => data.total === 0}>
        {(data) => (
          <Stack>
            {narrow ? (
              <ScheduleCards schedules={data.items} now={now} />
            ) : (
              <ScheduleTable schedules={data.items} now={now} />
            )}
            {data.total > SCHEDULES_PAGE_SIZE && (
              <Center>
                <Pagination
                  total={Math.ceil(data.total / SCHEDULES_PAGE_SIZE)}
                  value={page}
                  onChange={setPage}
                  aria-label="Pages of schedules"
                />
              </Center>
            )}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
