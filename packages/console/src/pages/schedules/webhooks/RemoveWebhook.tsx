import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { ConfirmRemoval } from '../../../components/ConfirmRemoval';
import { useRemoveWebhook, type Webhook } from './webhooks-api';

/** "Remove…" and its confirmation; the webhook's deliveries stay in the log under its label. */
export function RemoveWebhook({ webhook }: { webhook: Webhook }) {
  const [opened, { open, close }] = useDisclosure();
  const remove = useRemoveWebhook(webhook);
  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        close();
        notifications.show({
          color: 'green',
          title: 'Webhook removed',
          message: `“${webhook.label}” gets no more reports.`,
        });
      },
    });
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" onClick={open}>
        Remove…
      </Button>
      <ConfirmRemoval
        opened={opened}
        onClose={close}
        title="Remove this webhook?"
        confirmLabel="Remove webhook"
        failedTitle="Not removed"
        error={remove.error}
        pending={remove.isPending}
        onConfirm={confirm}
      >
        “{webhook.label}” gets no more reports. The posts it already got stay in the delivery log.
      </ConfirmRemoval>
    </>
  );
}
