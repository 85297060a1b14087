import { PageHeader } from '../../components/PageHeader';

export function SmtpPage() {
  return <PageHeader title="SmtpPage" />;
}
