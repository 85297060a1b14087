import { Alert, Box, Button, Group, LoadingOverlay, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { DraftTiming } from './schedule-api';

/**
 * The email the saved schedule would send, built by the API as the report worker builds it. The next
 * send's period when the preview routes accept it (whole days that have begun), else the period a send
 * now would cover; the heading says which. The HTML is framed with no permissions at all (sandbox="").
 */
export function EmailPreview({
  scheduleId,
  timing,
  unsaved = false,
}: {
  scheduleId: string;
  timing: UseQueryResult<DraftTiming>;
  unsaved?: boolean;
}) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Email preview
      </Title>
      {unsaved && (
        <Text size="sm" c="dimmed" mb="xs">
          Of the saved schedule: save to preview your changes.
        </Text>
      )}
      {timing.isError ? (
        <Alert color="red" title="The preview's period could not be worked out">
          {timing.error.message}
        </Alert>
      ) : (
        timing.data && <Preview scheduleId={scheduleId} timing={timing.data} />
      )}
    </Paper>
  );
}

function Preview({ scheduleId, timing }: { scheduleId: string; timing: DraftTiming }) {
  const [loadedSrc, setLoadedSrc] = useState<string | null>(null);
  const next = timing.runs[0];
  const range = next?.preview;
  const query = range ? `?${new URLSearchParams({ from: range.from, to: range.to })}` : '';
  const src = `/v1/schedules/${scheduleId}/preview${query}`;
  const zone = timing.sendNow.timezone;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {range && next
          ? `Shows the next send's period, ${next.period.label} (${zone}), with the payments received so far.`
          : `Shows the period a send now would cover: ${timing.sendNow.label} (${zone}).`}
        {!range &&
          next &&
          ` The next send's period, ${next.period.label}, cannot be previewed: previews cover whole days that have begun.`}
      </Text>
      <Group>
        <Button component="a" href={`/v1/schedules/${scheduleId}/preview.xlsx${query}`} variant="default" size="sm">
          Download workbook (.xlsx)
        </Button>
      </Group>
      <Box pos="relative">
        {/* A bare span may not carry a label: as a status, screen readers announce it. */}
        <LoadingOverlay
          visible={loadedSrc !== src}
          loaderProps={{ role: 'status', 'aria-label': 'Loading the email preview' }}
        />
        <iframe
          key={src}
          src={src}
          sandbox=""
          title="Email preview"
          onLoad={() => setLoadedSrc(src)}
          style={{ width: '100%', height: 900, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
        />
      </Box>
    </Stack>
  );
}
