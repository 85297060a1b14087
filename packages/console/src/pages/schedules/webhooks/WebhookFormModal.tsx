import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { showApiErrors } from '../../../lib/form-errors';
import { SigningSecretField } from './SigningSecretField';
import {
  createBody,
  KIND_OPTIONS,
  LABEL_MAX,
  updateBody,
  WEBHOOK_FORM_FIELDS,
  type WebhookFormValues,
  webhookFormValues,
} from './webhook-form';
import { useSaveWebhook, type Webhook } from './webhooks-api';

type Props = { scheduleId: string; webhook: Webhook | null; onClose: () => void };

/** Adds a webhook (`webhook` null) or edits one; the API's refusals go beside the field they name. */
export function WebhookFormModal({ scheduleId, webhook, onClose }: Props) {
  const form = useForm<WebhookFormValues>({ mode: 'controlled', initialValues: webhookFormValues(webhook) });
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveWebhook(scheduleId, webhook);
  const submit = (values: WebhookFormValues) => {
    setProblem(null);
    save.mutate(webhook ? updateBody(values) : createBody(values), {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          title: webhook ? 'Webhook saved' : 'Webhook added',
          message: `The next reports are posted to “${saved.label}”${saved.enabled ? '' : ' once it is on'}.`,
        });
        onClose();
      },
      onError: (error) => setProblem(showApiErrors(form, error, WEBHOOK_FORM_FIELDS)),
    });
  };
  return (
    <Modal opened onClose={onClose} title={webhook ? `Edit “${webhook.label}”` : 'Add Slack or a webhook'}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <KindField form={form} saved={webhook} />
          <TextInput
            label="Label"
            description="What the console and the delivery log call it, e.g. “#owners on Slack”."
            maxLength={LABEL_MAX}
            data-autofocus
            {...form.getInputProps('label')}
          />
          <UrlField form={form} saved={webhook} />
          {form.values.kind === 'webhook' && <SigningSecretField form={form} saved={webhook} />}
          {problem && (
            <Alert color="red" title={webhook ? 'Not saved' : 'Not added'} role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {webhook ? 'Save webhook' : 'Add webhook'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type FieldProps = { form: UseFormReturnType<WebhookFormValues>; saved: Webhook | null };

/** The kind is chosen once: a saved webhook keeps its own. */
function KindField({ form, saved }: FieldProps) {
  if (saved) {
    return <Text size="sm">Kind: {KIND_OPTIONS.find((option) => option.value === saved.kind)?.label}</Text>;
  }
  return (
    <Select
      label="Kind"
      data={KIND_OPTIONS}
      allowDeselect={false}
      {...form.getInputProps('kind')}
      onChange={(kind) => {
        form.setFieldValue('kind', (kind ?? 'slack') as WebhookFormValues['kind']);
        form.clearFieldError('signingSecret');
      }}
    />
  );
}

const URL_HELP = {
  slack: 'The channel’s incoming webhook URL from Slack (https://hooks.slack.com/services/…).',
  webhook: 'Where each report is posted as signed JSON: an https address of your own system.',
};

function UrlField({ form, saved }: FieldProps) {
  const kind = form.values.kind;
  return (
    <TextInput
      label="URL"
      type="url"
      description={saved ? `Saved: ${saved.urlHint}. Leave this blank to keep it.` : URL_HELP[kind]}
      placeholder={kind === 'slack' ? 'https://hooks.slack.com/services/…' : 'https://'}
      autoComplete="off"
      spellCheck={false}
      {...form.getInputProps('url')}
    />
  );
}
