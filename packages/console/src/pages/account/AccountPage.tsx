import { PageHeader } from '../../components/PageHeader';

export function AccountPage() {
  return <PageHeader title="AccountPage" />;
}
