import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type ConfirmRemovalProps = {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What removing it means, in a sentence or two. */
  children: ReactNode;
  /** The confirm button's words (`Delete schedule`). */
  confirmLabel: string;
  /** The error alert's title when the removal failed (`Not deleted`). */
  failedTitle: string;
  error: Error | null;
  pending: boolean;
  onConfirm: () => void;
};

/** The confirmation every destructive "Delete…"/"Remove…" opens: what it means, keep it, or go on. */
export function ConfirmRemoval(props: ConfirmRemovalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack gap="sm">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {props.children}
        </Text>
        {props.error && (
          <Alert color="red" title={props.failedTitle} role="alert">
            {props.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep it
          </Button>
          <Button color="red" loading={props.pending} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
