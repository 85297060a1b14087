import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One part of a screen under its own h2. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
