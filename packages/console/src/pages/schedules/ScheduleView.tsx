import { DataList, Grid, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { EmailPreview } from './EmailPreview';
import { NextSends } from './NextSends';
import { LastSent, LastStatus } from './ScheduleCells';
import { type Schedule, useSavedTiming } from './schedule-api';
import { useNow } from './use-now';
import { WebhooksSection } from './webhooks/WebhooksSection';
import { CRON_PERIOD, EMPTY_PERIOD_OPTIONS, periodModeLabel } from './words';

/** A schedule as a viewer sees it: its details in words, its next sends, webhooks and email; nothing to change. */
export function ScheduleView({ schedule }: { schedule: Schedule }) {
  const timing = useSavedTiming(schedule);
  return (
    <>
      <PageHeader title={schedule.name} description={schedule.description} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Paper withBorder p="md">
              <Details schedule={schedule} subject={timing.data?.runs[0]?.subject} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <NextSends timing={timing} enabled={schedule.enabled} />
            <WebhooksSection scheduleId={schedule.id} />
            <EmailPreview scheduleId={schedule.id} timing={timing} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Details({ schedule, subject }: { schedule: Schedule; subject: string | undefined }) {
  const now = useNow();
  const { to, cc, bcc } = schedule.recipients;
  const list = (addresses: string[]) => (addresses.length > 0 ? addresses.join(', ') : 'nobody');
  const policy = EMPTY_PERIOD_OPTIONS.find((option) => option.value === schedule.emptyPeriodPolicy);
  const rows: [string, ReactNode][] = [
    ['Status', schedule.enabled ? 'On: sends on schedule' : 'Off: sends nothing until switched on'],
    ['Sends', schedule.description],
    [
      'Each email covers',
      schedule.frequency === 'cron' ? CRON_PERIOD : periodModeLabel(schedule.periodMode, schedule.frequency),
    ],
    ['To', list(to)],
    ['CC', list(cc)],
    ['BCC', list(bcc)],
    ['Sender name', schedule.senderName ?? 'The mail server settings’ name'],
    ['Next subject', subject ?? '—'],
    ['No payments', policy ? `${policy.label}. ${policy.description}` : schedule.emptyPeriodPolicy],
    ['Earlier reports', schedule.reportChanges ? 'Changes since they were sent are listed' : 'Changes not listed'],
    ['PDF', schedule.attachPdf ? `Attached (${schedule.pdfPageSize === 'LETTER' ? 'Letter' : 'A4'})` : 'Not attached'],
    ['Last sent', <LastSent key="sent" schedule={schedule} now={now} />],
    ['Last status', <LastStatus key="status" schedule={schedule} />],
  ];
  return (
    <DataList size="sm" gap="sm" labelWidth={130}>
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>
            {typeof value === 'string' ? <Text size="sm">{value}</Text> : value}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
