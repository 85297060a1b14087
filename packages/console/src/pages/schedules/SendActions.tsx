import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { SendNowModal } from './SendNowModal';
import { SendTestModal } from './SendTestModal';
import type { Period, Schedule } from './schedule-api';

/** "Send a test…" and "Send now…" for the saved schedule (admins). */
export function SendActions({
  schedule,
  period,
  unsaved,
}: {
  schedule: Schedule;
  period: Period | undefined;
  unsaved: boolean;
}) {
  const [testOpened, test] = useDisclosure();
  const [nowOpened, now] = useDisclosure();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Send
        </Title>
        <Text size="sm" c="dimmed">
          {unsaved ? 'These send the saved schedule, not your unsaved changes.' : 'Outside the timetable, at once.'}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={test.open}>
            Send a test…
          </Button>
          <Button variant="default" onClick={now.open}>
            Send now…
          </Button>
        </Group>
      </Stack>
      <SendTestModal scheduleId={schedule.id} period={period} opened={testOpened} onClose={test.close} />
      <SendNowModal schedule={schedule} period={period} opened={nowOpened} onClose={now.close} />
    </Paper>
  );
}
