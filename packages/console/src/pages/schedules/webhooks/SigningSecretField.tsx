import { Button, Code, PasswordInput, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { randomSigningSecret, SIGNING_SECRET_MIN, type WebhookFormValues } from './webhook-form';
import type { Webhook } from './webhooks-api';

type Props = { form: UseFormReturnType<WebhookFormValues>; saved: Webhook | null };

/** The generic webhook's write-only HMAC key, a button that makes one, and how the receiver checks it. */
export function SigningSecretField({ form, saved }: Props) {
  const [visible, setVisible] = useState(false);
  const generate = () => {
    form.setFieldValue('signingSecret', randomSigningSecret());
    form.clearFieldError('signingSecret');
    setVisible(true);
  };
  const rule = `At least ${SIGNING_SECRET_MIN} characters, no spaces.`;
  return (
    <Stack gap={4}>
      {/* new-password: the browser must not fill in the console password it saved for this site. */}
      <PasswordInput
        label="Signing secret"
        description={saved?.signingSecretSet ? `A secret is saved. Leave this blank to keep it. ${rule}` : rule}
        autoComplete="new-password"
        spellCheck={false}
        visible={visible}
        onVisibilityChange={setVisible}
        {...form.getInputProps('signingSecret')}
      />
      <div>
        <Button size="compact-xs" variant="subtle" onClick={generate}>
          Generate a secret
        </Button>
      </div>
      <Text size="xs" c="dimmed">
        The receiver must hold the same secret. Each request carries <Code>X-Reportmail-Timestamp</Code> and{' '}
        <Code>X-Reportmail-Signature</Code>: <Code>v1=</Code> and the hex HMAC-SHA256 of{' '}
        <Code>{'<timestamp>.<body>'}</Code>, which the receiver computes over the raw body to check that the report is
        from here.
      </Text>
    </Stack>
  );
}
