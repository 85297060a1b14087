import { Alert, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useIsAdmin } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { browserZone } from '../../lib/format';
import { overviewQuery } from '../../lib/overview';
import { ScheduleForm } from './ScheduleForm';
import { ScheduleView } from './ScheduleView';
import { scheduleQuery } from './schedule-api';

/** `/schedules/new` and `/schedules/:id`: the editor for admins, the schedule in words for viewers. */
export function ScheduleEditorPage() {
  const { id } = useParams();
  return id ? <SavedSchedulePage id={id} /> : <NewSchedulePage />;
}

function SavedSchedulePage({ id }: { id: string }) {
  const isAdmin = useIsAdmin();
  const query = useQuery(scheduleQuery(id));
  return (
    <QueryState query={query} what="the schedule">
      {(schedule) =>
        isAdmin ? (
          <ScheduleForm key={schedule.id} schedule={schedule} defaultTimezone={schedule.timezone} />
        ) : (
          <ScheduleView schedule={schedule} />
        )
      }
    </QueryState>
  );
}

function NewSchedulePage() {
  const isAdmin = useIsAdmin();
  const overview = useQuery(overviewQuery);
  if (!isAdmin) {
    return (
      <>
        <PageHeader title="New schedule" />
        <Alert color="blue" title="Only admins create schedules">
          Ask an admin to add the schedule you need.
        </Alert>
      </>
    );
  }
  // New schedules start in the API's REPORT_TIMEZONE; the browser's zone if the overview cannot be read.
  if (overview.isPending) {
    return (
      <Center py="xl">
        <Loader role="status" aria-label="Loading the editor" />
      </Center>
    );
  }
  return <ScheduleForm schedule={null} defaultTimezone={overview.data?.defaultTimezone ?? browserZone()} />;
}
