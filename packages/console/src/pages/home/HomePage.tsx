import { Grid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../components/PageHeader';
import { overviewQuery } from '../../lib/overview';
import { NextSends } from './NextSends';
import { QueueHealth } from './QueueHealth';
import { RecentDeliveries } from './RecentDeliveries';
import { SetupChecklist } from './SetupChecklist';
import { WeekRevenue } from './WeekRevenue';

/** What is due, what went out, the week's money and the queues: each card loads (and fails) on its own. */
export function HomePage() {
  const overview = useQuery(overviewQuery);
  return (
    <>
      <PageHeader title="Home" description="What is due, what went out, and how the week is going." />
      <Stack gap="md">
        {overview.data && <SetupChecklist setup={overview.data.setup} />}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="md">
              <NextSends />
              <QueueHealth overview={overview} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <WeekRevenue overview={overview} />
          </Grid.Col>
          <Grid.Col span={12}>
            <RecentDeliveries />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
