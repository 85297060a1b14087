import { Alert, Button, Divider, Grid, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { DeleteSchedule } from './DeleteSchedule';
import { EmailFields } from './EmailFields';
import { EmailPreview } from './EmailPreview';
import { NextSends } from './NextSends';
import { RecipientsFields } from './RecipientsFields';
import { SendActions } from './SendActions';
import { type Schedule, useSavedTiming } from './schedule-api';
import type { ScheduleFormValues } from './schedule-form';
import { TimingFields } from './TimingFields';
import { useScheduleEditor } from './use-schedule-editor';
import { WebhooksSection } from './webhooks/WebhooksSection';

type ScheduleFormProps = { schedule: Schedule | null; defaultTimezone: string };

/** The editor (admins): the form, the next sends as it stands, and for a saved schedule its sends and preview. */
export function ScheduleForm({ schedule, defaultTimezone }: ScheduleFormProps) {
  const { form, timing, save, problem, errorOf, dirty } = useScheduleEditor(schedule, defaultTimezone);
  const canSave = schedule === null || dirty;
  return (
    <>
      <PageHeader
        title={schedule ? schedule.name : 'New schedule'}
        description={schedule?.description ?? 'When the report is emailed, what it covers and to whom.'}
        actions={schedule && <DeleteSchedule schedule={schedule} />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
            <Stack gap="lg">
              {problem && (
                <Alert color="red" title="The schedule was not saved" role="alert">
                  {problem}
                </Alert>
              )}
              <GeneralFields form={form} />
              <Section title="When">
                <TimingFields form={form} timing={timing.data} errorOf={errorOf} />
              </Section>
              <Section title="Recipients">
                <RecipientsFields form={form} />
              </Section>
              <Section title="Email">
                <EmailFields form={form} timing={timing.data} />
              </Section>
              <SaveBar saving={save.isPending} canSave={canSave} />
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <NextSends timing={timing} enabled={form.values.enabled} />
            {schedule && <SavedSchedule schedule={schedule} unsaved={dirty} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** Sends, webhooks and the email preview act on the saved schedule, whatever the form holds. */
function SavedSchedule({ schedule, unsaved }: { schedule: Schedule; unsaved: boolean }) {
  const saved = useSavedTiming(schedule);
  return (
    <>
      <SendActions schedule={schedule} period={saved.data?.sendNow} unsaved={unsaved} />
      <WebhooksSection scheduleId={schedule.id} />
      <EmailPreview scheduleId={schedule.id} timing={saved} unsaved={unsaved} />
    </>
  );
}

/** Save, disabled while nothing has changed (a new schedule can always be saved). */
function SaveBar({ saving, canSave }: { saving: boolean; canSave: boolean }) {
  return (
    <Group>
      <Button type="submit" loading={saving} disabled={!canSave}>
        Save schedule
      </Button>
      {!canSave && (
        <Text size="sm" c="dimmed">
          No unsaved changes.
        </Text>
      )}
    </Group>
  );
}

function GeneralFields({ form }: { form: UseFormReturnType<ScheduleFormValues> }) {
  return (
    <Stack gap="sm">
      <TextInput label="Name" required maxLength={120} {...form.getInputProps('name')} />
      <Switch
        label="Send on schedule"
        description="Off: the schedule is kept but sends nothing until it is switched on."
        {...form.getInputProps('enabled', { type: 'checkbox' })}
      />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Divider />
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
