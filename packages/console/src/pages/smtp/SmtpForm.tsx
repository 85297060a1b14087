import { Button, Group, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { ConnectionFields } from './ConnectionFields';
import type { SmtpFormValues } from './smtp-form';

type SmtpFormProps = {
  form: UseFormReturnType<SmtpFormValues>;
  passwordSet: boolean;
  onVerify: () => void;
  onSave: (values: SmtpFormValues) => void;
  verifying: boolean;
  saving: boolean;
};

/** The settings inputs and the Verify and Save buttons (admins only). */
export function SmtpForm({ form, passwordSet, onVerify, onSave, verifying, saving }: SmtpFormProps) {
  return (
    <form onSubmit={form.onSubmit(onSave)} noValidate>
      <Stack gap="sm">
        <ConnectionFields form={form} passwordSet={passwordSet} />
        <TextInput
          label="From address"
          placeholder="reports@shop.example"
          type="email"
          autoComplete="off"
          {...form.getInputProps('fromAddress')}
        />
        <TextInput label="From name" description="Shown as the sender's name." {...form.getInputProps('fromName')} />
        <TextInput
          label="Admin address for failure notices"
          description="Where a notice goes when a report cannot be sent. Blank: no notices."
          type="email"
          autoComplete="off"
          {...form.getInputProps('adminAddress')}
        />
        <Group gap="sm">
          <Button type="button" variant="default" onClick={onVerify} loading={verifying}>
            Verify
          </Button>
          <Button type="submit" loading={saving}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
