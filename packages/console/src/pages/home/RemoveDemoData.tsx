import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** "Remove demo data": DELETE /v1/demo-data after a confirmation that says what goes. */
export function RemoveDemoData() {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/v1/demo-data')),
    onSuccess: async (removed) => {
      close();
      const files = removed.outboxFiles.length;
      notifications.show({
        color: 'green',
        title: 'Demo data removed',
        message: `The demo schedule, ${removed.deliveries} deliveries and the demo shop data are gone.${
          files > 0 ? ` ${files} outbox files stay on the server: pnpm demo --clean removes them.` : ''
        }`,
      });
      await queryClient.invalidateQueries();
    },
  });
  return (
    <>
      <Button size="xs" color="red" variant="light" onClick={open}>
        Remove demo data…
      </Button>
      <Modal opened={opened} onClose={close} title="Remove the demo data?">
        <Stack gap="sm">
          <Text size="sm">
            This deletes the demo's schedule, its deliveries and stored workbooks, and every sale, repair and payment in
            this database (the demo seeded them). Other schedules stay.
          </Text>
          {remove.isError && (
            <Alert color="red" role="alert">
              {remove.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Remove demo data
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
