import { Alert, Center, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { formatInstant, formatRelative } from '../../lib/format';
import type { DraftTiming } from './schedule-api';
import { useNow } from './use-now';

type NextSendsProps = {
  timing: UseQueryResult<DraftTiming>;
  /** Off: the sends are what it would do once switched on. */
  enabled: boolean;
};

/** The next five sends of the timing as it stands in the form, each with the period its email covers. */
export function NextSends({ timing, enabled }: NextSendsProps) {
  return (
    <Paper withBorder p="md" aria-busy={timing.isFetching}>
      <Title order={2} size="h4" mb="xs">
        Next five sends
      </Title>
      <NextSendsBody timing={timing} enabled={enabled} />
    </Paper>
  );
}

function NextSendsBody({ timing, enabled }: NextSendsProps) {
  const now = useNow();
  if (timing.isError) {
    const refused = timing.error instanceof ApiError && timing.error.status === 400;
    return (
      <Alert color="yellow" title={refused ? 'The timing is not complete' : 'The next sends could not be worked out'}>
        {refused ? 'Fix the field marked in the form to see when it would send.' : timing.error.message}
      </Alert>
    );
  }
  if (!timing.data) {
    return (
      <Center py="md">
        <Loader size="sm" role="status" aria-label="Loading the next sends" />
      </Center>
    );
  }
  const { description, runs } = timing.data;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {description}
      </Text>
      {!enabled && (
        <Text size="sm" c="dimmed">
          The schedule is off: it would send at these times once switched on.
        </Text>
      )}
      <List spacing="xs" listStyleType="none" styles={{ itemWrapper: { display: 'block' } }}>
        {runs.map((run) => (
          <List.Item key={run.at}>
            <Text size="sm">{formatInstant(run.at, run.period.timezone, { weekday: true })}</Text>
            <Text size="xs" c="dimmed">
              {formatRelative(run.at, now)} · covers {run.period.label}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
