import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { formatTime } from '../../components/files';
import { formatMu } from '../../../../shared/format/area';
import type { RouteProps } from '../types';
import { t } from '../../i18n';
import { Facts, StatusBadge } from './common';
import { HistoryPanel } from './HistoryPanel';
import { DeleteButton, ExtraPanels, MembershipsTable, ReferencesNote } from './RecordParts';

export function HouseholdDetailPage({ params }: RouteProps) {
  const id = Number(params.id);
  const q = useCall('households.get', { id });
  const { can } = useSession();
  const { busy, run } = useAction();
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const { household: h, memberOf, references } = q.data;
  const toggle = async () => {
    const status = h.status === 'active' ? 'inactive' : 'active';
    if (await run(() => call('households.setStatus', { id, version: h.version, status }), { ok: status === 'active' ? t('已恢复') : t('已停用') })) q.reload();
  };
  return (
    <Page
      title={h.name}
      actions={
        can('households.save') && (
          <>
            <DeleteButton method="households.remove" id={id} name={h.name} refs={references} onDone={() => navigate('/members/households')} />
            <Button variant="default" onClick={toggle} loading={busy}>
              {h.status === 'active' ? t('停用') : t('恢复')}
            </Button>
            <Button onClick={() => navigate(`/members/households/${id}/edit`)}>{t('编辑')}</Button>
          </>
        )
      }
    >
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap="xs">
            <Title order={5}>{t('农户档案')}</Title>
            <StatusBadge status={h.status} />
          </Group>
          <Facts
            items={[
              ['姓名', h.name],
              ['身份证号', h.idNumber],
              ['联系电话', h.phone],
              ['乡镇（街道）', h.township],
              ['村（社区）', h.village],
              ['家庭人口', `${h.householdSize} ${t('人')}`],
              ['耕地面积', `${formatMu(h.landAreaMu100)} ${t('亩')}`],
              ['主要作物', h.crops.join('、')],
              ['备注', h.notes],
              ['登记时间', formatTime(h.createdAt)],
            ]}
          />
          <ReferencesNote refs={references} />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={5}>{t('加入的合作社')}</Title>
          <MembershipsTable rows={memberOf} side="member" />
        </Stack>
      </Paper>
      <ExtraPanels kind="household" id={id} name={h.name} orgKind="" />
      <HistoryPanel entity="household" id={id} />
    </Page>
  );
}
