import { Grid, NumberInput, PasswordInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { SecurityField } from './SecurityField';
import { portForSecurity, type SmtpFormValues, type SmtpSecurity } from './smtp-form';

const passwordDescription = (passwordSet: boolean) =>
  passwordSet
    ? 'A password is saved. Leave this blank to keep it (a different host needs it typed again).'
    : 'No password saved. Needed when the server asks for a login.';

type ConnectionFieldsProps = { form: UseFormReturnType<SmtpFormValues>; passwordSet: boolean };

/** Where to connect and how to log in: host, port, security, username and the write-only password. */
export function ConnectionFields({ form, passwordSet }: ConnectionFieldsProps) {
  const chooseSecurity = (security: SmtpSecurity) => {
    form.setFieldValue('security', security);
    form.setFieldValue('port', portForSecurity(form.getValues().port, security));
  };
  return (
    <>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, xs: 8 }}>
          <TextInput
            label="Host"
            placeholder="smtp.example.com"
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('host')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 4 }}>
          <NumberInput
            label="Port"
            min={1}
            max={65_535}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            {...form.getInputProps('port')}
          />
        </Grid.Col>
      </Grid>
      <SecurityField
        value={form.getValues().security}
        onChange={chooseSecurity}
        error={form.errors.security?.toString()}
      />
      <TextInput
        label="Username"
        description="Usually the full email address of the sending account. Blank: no login."
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps('username')}
      />
      {/* new-password: the browser must not fill in the console password it saved for this site. */}
      <PasswordInput
        label="Password"
        description={passwordDescription(passwordSet)}
        autoComplete="new-password"
        {...form.getInputProps('password')}
      />
    </>
  );
}
