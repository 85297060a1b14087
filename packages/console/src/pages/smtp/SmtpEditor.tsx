import { Alert, Grid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ProviderSettings } from './providers';
import { SmtpForm } from './SmtpForm';
import { SmtpGuide } from './SmtpGuide';
import { initialValues, type SmtpFormValues, type SmtpSettings } from './smtp-form';
import { useSmtpActions } from './use-smtp-actions';
import { VerifyResult } from './VerifyResult';

/** The admin's view: the settings form with Verify and Save, and the provider guide that can fill it. */
export function SmtpEditor({ saved }: { saved: SmtpSettings | null }) {
  const form = useForm<SmtpFormValues>({
    name: 'smtp-settings',
    mode: 'controlled',
    initialValues: initialValues(saved),
  });
  const { verify, save, result, problem } = useSmtpActions(form);

  const fill = (settings: ProviderSettings) => {
    form.setValues({ port: settings.port, security: settings.security, ...(settings.host && { host: settings.host }) });
    form.clearErrors();
    form.getInputNode<HTMLInputElement, 'host'>('host')?.focus();
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <SmtpForm
            form={form}
            passwordSet={saved?.passwordSet ?? false}
            onVerify={() => verify.mutate(form.getValues())}
            onSave={(values) => save.mutate(values)}
            verifying={verify.isPending}
            saving={save.isPending}
          />
          {result && <VerifyResult result={result} unsaved={form.isDirty()} />}
          {problem && (
            <Alert color="red" title="Something went wrong" role="alert">
              {problem}
            </Alert>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <SmtpGuide onFill={fill} />
      </Grid.Col>
    </Grid>
  );
}
