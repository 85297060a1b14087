import { PageHeader } from '../../components/PageHeader';

export function DeliveriesPage() {
  return <PageHeader title="DeliveriesPage" />;
}
