import { Alert, Code, Stack, Text } from '@mantine/core';
import type { SmtpVerifyReply } from './smtp-form';

const FIELD_LABELS = { host: 'Host', port: 'Port', security: 'Security', username: 'Username', password: 'Password' };

const LOGIN_TEXT = {
  accepted: 'The server accepted the username and password.',
  not_used: 'No username is set, so no login was tried.',
  not_tested: '',
} as const;

/** The outcome of "Verify": what worked, or the server's message beside the hint shown at its field. */
export function VerifyResult({ result, unsaved }: { result: SmtpVerifyReply; unsaved: boolean }) {
  if (result.ok) {
    const untested = result.login === 'not_tested';
    return (
      <Alert
        color={untested ? 'yellow' : 'green'}
        title={untested ? 'Connected, but the login was not tested' : 'Connected to the mail server'}
        role="status"
      >
        <Stack gap={4}>
          <Text size="sm">{result.note ?? LOGIN_TEXT[result.login]}</Text>
          {unsaved && <Text size="sm">These settings are not saved yet: press Save to use them.</Text>}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="red" title="The mail server test failed" role="alert">
      <Stack gap={4}>
        <Text size="sm">
          {result.field ? `What to change is shown under ${FIELD_LABELS[result.field]}.` : result.hint}
        </Text>
        {result.serverMessage && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            The server said: <Code>{result.serverMessage}</Code>
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
