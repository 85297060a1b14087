import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';

/** Only this site's own paths: a `next` pointing elsewhere (`//evil.example`) is ignored. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** Pages the API serves itself (Bull Board, Swagger UI) are left by a full load, not the router. */
const OUTSIDE_CONSOLE = /^\/(admin|docs)(\/|$)/;

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });
  const next = safeNext(params.get('next'));

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await unwrap(api.POST('/auth/login', { body: values }));
      if (OUTSIDE_CONSOLE.test(next)) window.location.assign(next);
      else navigate(next, { replace: true });
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'The API could not be reached: try again');
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Sign in to reportmail
            </Title>
            {params.get('next') && !failure && (
              <Alert color="blue" role="status">
                Sign in to continue where you were.
              </Alert>
            )}
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
