import { useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { navigate } from '../../app/router';
import type { RouteProps } from '../types';
import { t } from '../../i18n';
import { OrgForm } from './OrgForm';

export function OrgFormPage({ params }: RouteProps) {
  const id = params.id ? Number(params.id) : null;
  const q = useCall('orgs.get', { id: id ?? 0 }, id !== null);
  if (id !== null && !q.data) return <Loading error={q.error} loading={q.loading} />;
  const o = q.data?.org;
  return (
    <Page title={o ? t('编辑：{name}', { name: o.name }) : t('登记主体')}>
      <OrgForm key={o?.version ?? 'new'} org={o} onSaved={(saved) => navigate(`/members/orgs/${saved.id}`)} onCancel={() => window.history.back()} />
    </Page>
  );
}
