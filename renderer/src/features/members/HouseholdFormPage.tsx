import { useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { navigate } from '../../app/router';
import type { RouteProps } from '../types';
import { t } from '../../i18n';
import { HouseholdForm } from './HouseholdForm';

export function HouseholdFormPage({ params }: RouteProps) {
  const id = params.id ? Number(params.id) : null;
  const q = useCall('households.get', { id: id ?? 0 }, id !== null);
  if (id !== null && !q.data) return <Loading error={q.error} loading={q.loading} />;
  const h = q.data?.household;
  return (
    <Page title={h ? t('编辑农户：{name}', { name: h.name }) : t('登记农户')}>
      <HouseholdForm key={h?.version ?? 'new'} household={h} onSaved={(saved) => navigate(`/members/households/${saved.id}`)} onCancel={() => window.history.back()} />
    </Page>
  );
}
