import { PageHeader } from '../../components/PageHeader';

export function AuditPage() {
  return <PageHeader title="AuditPage" />;
}
