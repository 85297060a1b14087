import { Alert, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useIsAdmin } from '../../../app/session';
import { ChannelBadge } from '../../../components/ChannelBadge';
import { RemoveWebhook } from './RemoveWebhook';
import { useSwitchWebhook, useTestWebhook, type Webhook, type WebhookTestReply } from './webhooks-api';

/** One webhook: its kind, label and URL hint, on/off, and for admins Send test, Edit and Remove. */
export function WebhookCard({ webhook, onEdit }: { webhook: Webhook; onEdit: () => void }) {
  const isAdmin = useIsAdmin();
  const test = useTestWebhook(webhook);
  return (
    <Card withBorder padding="sm" component="article" aria-label={webhook.label}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <WebhookSummary webhook={webhook} />
        {isAdmin ? <EnabledSwitch webhook={webhook} /> : <Text size="sm">{webhook.enabled ? 'On' : 'Off'}</Text>}
      </Group>
      {isAdmin && (
        <Group gap="xs" mt="xs">
          <Button size="compact-sm" variant="default" loading={test.isPending} onClick={() => test.mutate()}>
            Send test
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={onEdit}>
            Edit…
          </Button>
          <RemoveWebhook webhook={webhook} />
        </Group>
      )}
      {test.data && <TestResult result={test.data} />}
      {test.isError && (
        <Alert color="red" title="The test was not sent" role="alert" mt="xs">
          {test.error.message}
        </Alert>
      )}
    </Card>
  );
}

function WebhookSummary({ webhook }: { webhook: Webhook }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Group gap={6} wrap="nowrap" align="baseline">
        <ChannelBadge channel={webhook.kind} />
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {webhook.label}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {webhook.urlHint}
      </Text>
      {webhook.kind === 'webhook' && (
        <Text size="xs" c="dimmed">
          {webhook.signingSecretSet ? 'Signed with its secret' : 'No signing secret saved'}
        </Text>
      )}
      {!webhook.enabled && (
        <Text size="xs" c="dimmed">
          Off: reports are not posted here.
        </Text>
      )}
    </Stack>
  );
}

function EnabledSwitch({ webhook }: { webhook: Webhook }) {
  const toggle = useSwitchWebhook(webhook);
  const change = (enabled: boolean) =>
    toggle.mutate(enabled, {
      onSuccess: (saved) =>
        notifications.show({
          color: 'green',
          title: `“${saved.label}” is ${saved.enabled ? 'on' : 'off'}`,
          message: saved.enabled ? 'The next reports are posted to it.' : 'No report is posted to it until it is on.',
        }),
      onError: (error) => notifications.show({ color: 'red', title: 'Not switched', message: error.message }),
    });
  return (
    <Switch
      checked={toggle.isPending ? Boolean(toggle.variables) : webhook.enabled}
      onChange={(event) => change(event.currentTarget.checked)}
      disabled={toggle.isPending}
      aria-label={`${webhook.label}: post reports`}
      style={{ flexShrink: 0 }}
    />
  );
}

/** What the receiver answered to "Send test". */
function TestResult({ result }: { result: WebhookTestReply }) {
  return (
    <Alert
      color={result.ok ? 'green' : 'red'}
      title={result.ok ? 'Test posted' : 'The test was not taken'}
      role={result.ok ? 'status' : 'alert'}
      mt="xs"
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {result.message}
      </Text>
    </Alert>
  );
}
