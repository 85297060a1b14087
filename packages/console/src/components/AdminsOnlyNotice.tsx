import { Alert } from '@mantine/core';

/** What a viewer sees on a screen meant for admins: a plain explanation, not an error. */
export function AdminsOnlyNotice({ what }: { what: string }) {
  return (
    <Alert color="blue" title="This page is for admins">
      {what} Ask an admin if you need a change here.
    </Alert>
  );
}
