import { Group, Input, Radio, SegmentedControl, Select, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useId } from '@mantine/hooks';
import type { DraftTiming } from './schedule-api';
import type { Frequency, ScheduleFormValues, Weekday } from './schedule-form';
import { CRON_PERIOD, FREQUENCY_OPTIONS, periodModeLabel, WEEKDAY_OPTIONS } from './words';
import { ZoneSelect } from './ZoneSelect';

type TimingFieldsProps = {
  form: UseFormReturnType<ScheduleFormValues>;
  /** The API's answer for the current values (words, next send), when it has one. */
  timing: DraftTiming | undefined;
  /** A field's error: the save's, else the API's check of the timing as it is typed. */
  errorOf: (field: string) => string | undefined;
};

/** When the schedule sends: frequency and its own field, send time, zone, and what each send covers. */
export function TimingFields({ form, timing, errorOf }: TimingFieldsProps) {
  const { frequency } = form.values;
  return (
    <Stack gap="sm">
      <Select
        label="Frequency"
        data={FREQUENCY_OPTIONS}
        allowDeselect={false}
        value={frequency}
        onChange={(value) => value && form.setFieldValue('frequency', value as Frequency)}
        error={errorOf('frequency')}
      />
      {frequency === 'weekly' && <WeekdayField form={form} error={errorOf('weekday')} />}
      {frequency === 'every_3_days' && (
        <TextInput
          type="date"
          label="First send day"
          description="Sends on this day and every third day after it. Blank: from today."
          {...form.getInputProps('anchorDate')}
          error={errorOf('anchorDate')}
        />
      )}
      <SendTimeField form={form} timing={timing} errorOf={errorOf} />
      <ZoneSelect
        value={form.values.timezone}
        onChange={(zone) => form.setFieldValue('timezone', zone)}
        error={errorOf('timezone')}
      />
      <PeriodModeField form={form} timing={timing} error={errorOf('periodMode')} />
    </Stack>
  );
}

/** Cron schedules send when their expression says (read back in words); the others at a time of day. */
function SendTimeField({ form, timing, errorOf }: TimingFieldsProps) {
  if (form.values.frequency === 'cron') {
    return (
      <TextInput
        label="Cron expression"
        placeholder="0 8 * * 1-5"
        description={timing && !errorOf('cronExpression') ? `Reads: ${timing.description}` : CRON_HELP}
        spellCheck={false}
        autoComplete="off"
        {...form.getInputProps('cronExpression')}
        error={errorOf('cronExpression')}
      />
    );
  }
  return (
    <TimePicker
      format="24h"
      withDropdown
      label="Send time"
      description="24-hour clock, in the time zone below."
      hoursInputLabel="Send time, hours"
      minutesInputLabel="Send time, minutes"
      {...form.getInputProps('sendTime')}
      error={errorOf('sendTime')}
    />
  );
}

const CRON_HELP = 'Five fields: minute hour day-of-month month day-of-week, e.g. 0 8 * * 1-5 (weekdays at 08:00).';

function WeekdayField({ form, error }: { form: UseFormReturnType<ScheduleFormValues>; error: string | undefined }) {
  const labelId = useId();
  return (
    <Input.Wrapper label="Weekday" labelElement="div" labelProps={{ id: labelId }} error={error}>
      <SegmentedControl
        aria-labelledby={labelId}
        fullWidth
        value={form.values.weekday}
        onChange={(value) => form.setFieldValue('weekday', value as Weekday)}
        data={WEEKDAY_OPTIONS.map((day) => ({
          value: day.value,
          label: (
            <>
              <span aria-hidden="true">{day.short}</span>
              <VisuallyHidden>{day.label}</VisuallyHidden>
            </>
          ),
        }))}
      />
    </Input.Wrapper>
  );
}

function PeriodModeField({
  form,
  timing,
  error,
}: { form: UseFormReturnType<ScheduleFormValues> } & {
  timing: DraftTiming | undefined;
  error: string | undefined;
}) {
  const { frequency } = form.values;
  const next = timing?.runs[0];
  const covers = next ? `The next send covers ${next.period.label}.` : undefined;
  if (frequency === 'cron') {
    return (
      <Input.Wrapper label="Each email covers" labelElement="div" description={covers}>
        <Text size="sm">{CRON_PERIOD}</Text>
      </Input.Wrapper>
    );
  }
  return (
    <Radio.Group label="Each email covers" description={covers} {...form.getInputProps('periodMode')} error={error}>
      <Group mt={6} gap="md">
        <Radio value="previous_days" label={periodModeLabel('previous_days', frequency)} />
        <Radio value="to_date" label={periodModeLabel('to_date', frequency)} />
      </Group>
    </Radio.Group>
  );
}
