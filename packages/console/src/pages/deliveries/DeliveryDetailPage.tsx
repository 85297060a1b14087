import { PageHeader } from '../../components/PageHeader';

export function DeliveryDetailPage() {
  return <PageHeader title="DeliveryDetailPage" />;
}
