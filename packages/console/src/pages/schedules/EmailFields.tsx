import { Checkbox, Group, Input, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { DraftTiming } from './schedule-api';
import type { ScheduleFormValues } from './schedule-form';
import { EMPTY_PERIOD_OPTIONS } from './words';

type EmailFieldsProps = {
  form: UseFormReturnType<ScheduleFormValues>;
  timing: DraftTiming | undefined;
};

/** The email itself: its sender name, its subject (as the next send will have it), and empty periods. */
export function EmailFields({ form, timing }: EmailFieldsProps) {
  const subject = timing?.runs[0]?.subject;
  return (
    <Stack gap="sm">
      <TextInput
        label="Sender name"
        description="The From name. Blank: the mail server settings' name."
        autoComplete="off"
        {...form.getInputProps('senderName')}
      />
      <Input.Wrapper label="Subject of the next email" labelElement="div">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {subject ?? '—'}
        </Text>
      </Input.Wrapper>
      <Radio.Group label="When a period has no payments" {...form.getInputProps('emptyPeriodPolicy')}>
        <Stack mt={6} gap="xs">
          {EMPTY_PERIOD_OPTIONS.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} description={option.description} />
          ))}
        </Stack>
      </Radio.Group>
      <Checkbox
        label="List changes to earlier reports"
        description="When money moves into or out of a report already sent in the last 31 days (a ticket archived later, a credit cleared, a sale voided), the next email says which payments and why."
        {...form.getInputProps('reportChanges', { type: 'checkbox' })}
      />
      <Group gap="md" align="flex-start">
        <Checkbox
          label="Attach a PDF"
          description="The report (KPIs, trend, payment methods, largest payments) as a PDF beside the workbook."
          style={{ flex: 1 }}
          {...form.getInputProps('attachPdf', { type: 'checkbox' })}
        />
        <SegmentedControl
          aria-label="PDF page size"
          size="xs"
          disabled={!form.values.attachPdf}
          data={[
            { value: 'A4', label: 'A4' },
            { value: 'LETTER', label: 'Letter' },
          ]}
          {...form.getInputProps('pdfPageSize')}
        />
      </Group>
    </Stack>
  );
}
