import { Alert, Grid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useIsAdmin } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SmtpEditor } from './SmtpEditor';
import { SmtpGuide } from './SmtpGuide';
import { SmtpSettingsView } from './SmtpSettingsView';
import { smtpSettingsQuery } from './smtp-query';

function NotConfigured({ isAdmin }: { isAdmin: boolean }) {
  return (
    <Alert color="yellow" title="SMTP is not configured yet" mb="md">
      Until it is, reports are not sent: each one is written to the outbox folder on the server instead.
      {isAdmin ? ' Fill in the form and press Save.' : ' An admin can set up the mail server here.'}
    </Alert>
  );
}

/** The outgoing mail server: admins edit and test it, viewers read it. */
export function SmtpPage() {
  const isAdmin = useIsAdmin();
  const query = useQuery(smtpSettingsQuery);
  return (
    <>
      <PageHeader title="Mail server" description="The SMTP server that sends the reports and failure notices." />
      <QueryState query={query} what="the mail server settings">
        {(saved) => (
          <Stack gap={0}>
            {saved === null && <NotConfigured isAdmin={isAdmin} />}
            {isAdmin ? (
              <SmtpEditor saved={saved} />
            ) : (
              <Grid gap="lg">
                {saved && (
                  <Grid.Col span={{ base: 12, md: 7 }}>
                    <SmtpSettingsView settings={saved} />
                  </Grid.Col>
                )}
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <SmtpGuide />
                </Grid.Col>
              </Grid>
            )}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
