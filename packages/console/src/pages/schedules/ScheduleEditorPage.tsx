import { PageHeader } from '../../components/PageHeader';

export function ScheduleEditorPage() {
  return <PageHeader title="ScheduleEditorPage" />;
}
