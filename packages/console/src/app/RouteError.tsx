import { Alert, Button, Container, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';

/** A screen that failed to load or render shows why and a way out, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : 'Something went wrong while showing this page.';
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Alert color="red" title="This page could not be shown" role="alert">
          {message}
        </Alert>
        <Button onClick={() => window.location.reload()} variant="light">
          Reload
        </Button>
      </Stack>
    </Container>
  );
}
