import { PageHeader } from '../../components/PageHeader';

export function SchedulesPage() {
  return <PageHeader title="SchedulesPage" />;
}
