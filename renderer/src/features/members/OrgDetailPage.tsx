import { Anchor, Badge, Button, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { formatMu } from '../../../../shared/format/area';
import { ORG_STATUS, ORG_STATUS_LABELS } from '../../../../shared/contract/memberFields';
import type { RouteProps } from '../types';
import { t } from '../../i18n';
import { Facts, StatusBadge } from './common';
import { HistoryPanel } from './HistoryPanel';
import { CoopMembersPanel } from './CoopMembersPanel';
import { DeleteButton, ExtraPanels, MembershipsTable, ReferencesNote } from './RecordParts';

export function OrgDetailPage({ params }: RouteProps) {
  const id = Number(params.id);
  const q = useCall('orgs.get', { id });
  const { can } = useSession();
  const { busy, run } = useAction();
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const { org: o, members, memberOf, unions, sites, references } = q.data;
  const isCoop = o.kind === '农民专业合作社';
  const setStatus = async (status: (typeof ORG_STATUS)[number]) => {
    if (await run(() => call('orgs.setStatus', { id, version: o.version, status }), { ok: t('状态已改为{s}', { s: t(ORG_STATUS_LABELS[status]) }) })) q.reload();
  };
  return (
    <Page
      title={o.name}
      actions={
        can('orgs.save') && (
          <>
            <DeleteButton method="orgs.remove" id={id} name={o.name} refs={references} onDone={() => navigate('/members/orgs')} />
            <Menu>
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={14} />} loading={busy}>
                  {t('变更状态')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {ORG_STATUS.filter((s) => s !== o.status).map((s) => (
                  <Menu.Item key={s} onClick={() => setStatus(s)}>
                    {t(ORG_STATUS_LABELS[s])}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Button onClick={() => navigate(`/members/orgs/${id}/edit`)}>{t('编辑')}</Button>
          </>
        )
      }
    >
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap="xs">
            <Title order={5}>{t(o.kind)}</Title>
            <StatusBadge status={o.status} />
            {o.demoLevel && (
              <Badge color="yellow" variant="light">
                {t(`${o.demoLevel}示范社`)}（{o.demoYear}）
              </Badge>
            )}
          </Group>
          <Facts
            items={[
              ['统一社会信用代码', o.creditCode],
              ['法定代表人', o.legalRep],
              ['联系人', o.contactName],
              ['联系电话', o.contactPhone],
              ['乡镇（街道）', o.township],
              ['村（社区）', o.village],
              ['地址', o.address],
              ['产业', o.industries.join('、')],
              ['经营面积', o.landAreaMu100 ? `${formatMu(o.landAreaMu100)} ${t('亩')}` : ''],
              ['成员数', isCoop ? t('{n}（名册在社 {m} 人）', { n: o.memberCount, m: members.filter((m) => m.current).length }) : String(o.memberCount || '')],
              ['登记日期', o.registeredOn],
              ['备注', o.notes],
            ]}
          />
          <ReferencesNote refs={references} />
        </Stack>
      </Paper>
      {isCoop && <CoopMembersPanel coopId={id} coopName={o.name} members={members} onChange={q.reload} />}
      {memberOf.length > 0 && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={5}>{t('作为成员加入的合作社')}</Title>
            <MembershipsTable rows={memberOf} side="member" />
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={5}>{t('农合联会员资格')}</Title>
          {unions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('未加入农合联')}
            </Text>
          ) : (
            <Table fz="sm">
              <Table.Tbody>
                {unions.map((u) => (
                  <Table.Tr key={u.id} c={u.current ? undefined : 'dimmed'}>
                    <Table.Td>
                      <Anchor href={`#/members/unions/${u.unionId}`}>{u.unionName}</Anchor>
                    </Table.Td>
                    <Table.Td>{t(u.category)}</Table.Td>
                    <Table.Td>
                      {u.joinedOn}
                      {u.leftOn ? ` — ${u.leftOn}` : ''}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={u.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      {sites.length > 0 && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={5}>{t('运营的服务站点')}</Title>
            {sites.map((s) => (
              <Text size="sm" key={s.id}>
                {t(s.kind)} · {s.name}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
      <ExtraPanels kind="org" id={id} name={o.name} orgKind={o.kind} />
      <HistoryPanel entity="org" id={id} />
    </Page>
  );
}
