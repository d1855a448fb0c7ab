import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Loading, Page } from '../../components/Page';
import { downloadFile, formatTime } from '../../components/files';
import { APP_STATUS_LABELS, formatScore, RATING_STATUS_LABELS, type AppStatus } from '../../../../shared/credit';
import { t } from '../../i18n';
import type { RouteProps } from '../types';
import { GradeBadge, registryPath, yuan, type Profile, type Rating } from './common';
import { RatingExplain } from './RatingExplain';
import { Evaluations, StaffFacts } from './CreditRecords';
import { MatchPanel } from './MatchPanel';

function Facts({ profile }: { profile: Profile }) {
  const shown = (f: Profile['facts'][number]) => (!f.applicable ? t('不适用') : f.value === null ? t('无数据') : `${f.value}${f.unit ? ` ${f.unit}` : ''}`);
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t('系统中的事实（截至 {d}）', { d: profile.asOf })}
      </Title>
      <Table striped fz="sm" data-testid="facts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('来源')}</Table.Th>
            <Table.Th>{t('事实')}</Table.Th>
            <Table.Th>{t('数值')}</Table.Th>
            <Table.Th>{t('依据')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {profile.facts.map((f) => (
            <Table.Tr key={f.key} c={f.applicable ? undefined : 'dimmed'}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(f.from)}</Table.Td>
              <Table.Td title={f.help} style={{ whiteSpace: 'nowrap' }}>
                {t(f.label)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{shown(f)}</Table.Td>
              <Table.Td>{f.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Ratings({ profile, onOpen }: { profile: Profile; onOpen(r: Rating): void }) {
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t('评级记录')}
      </Title>
      {profile.ratings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('尚未评级')}
        </Text>
      ) : (
        <Table striped fz="sm" highlightOnHover data-testid="ratings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('评级日')}</Table.Th>
              <Table.Th>{t('模型')}</Table.Th>
              <Table.Th>{t('得分')}</Table.Th>
              <Table.Th>{t('等级')}</Table.Th>
              <Table.Th>{t('状态')}</Table.Th>
              <Table.Th>{t('评级人')}</Table.Th>
              <Table.Th>{t('审批人')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {profile.ratings.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.asOf}</Table.Td>
                <Table.Td>{t('第 {v} 版', { v: r.modelVersion })}</Table.Td>
                <Table.Td>{formatScore(r.scoreX100)}</Table.Td>
                <Table.Td>
                  <GradeBadge grade={r.grade} size="sm" />
                </Table.Td>
                <Table.Td>{t(RATING_STATUS_LABELS[r.status])}</Table.Td>
                <Table.Td>{r.ratedBy}</Table.Td>
                <Table.Td>{r.approvedBy}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => onOpen(r)}>
                    {r.status === 'proposed' ? t('查看并审批') : t('评级说明')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Loans({ profile }: { profile: Profile }) {
  if (profile.loans.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t('中心代办的贷款')}
      </Title>
      <Table striped fz="sm">
        <Table.Tbody>
          {profile.loans.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Anchor href={`#/credit/applications/${l.id}`}>{l.no}</Anchor>
              </Table.Td>
              <Table.Td>
                {l.productName} · {l.bank}
              </Table.Td>
              <Table.Td>{t(APP_STATUS_LABELS[l.status as AppStatus])}</Table.Td>
              <Table.Td ta="right">{t('批准 {a} 元', { a: yuan(l.grantedFen) })}</Table.Td>
              <Table.Td ta="right">{t('已放款 {a} 元，未还清 {b} 元', { a: yuan(l.disbursedFen), b: yuan(l.outstandingFen) })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * A member's credit profile. Opening it is recorded in the audit log (the server writes the view), so the
 * page loads once and reloads only after a change made here.
 */
export function ProfilePage({ params }: RouteProps) {
  const kind = params.kind === 'household' ? 'household' : 'org';
  const q = useCall('credit.profile.get', { kind, id: Number(params.id) });
  const { can } = useSession();
  const { busy, run } = useAction();
  const [open, setOpen] = useState<Rating | null>(null);
  const [approveNow, setApproveNow] = useState(false);
  const p = q.data;
  const rate = async () => {
    const r = await run(() => call('credit.rate', { kind, id: Number(params.id), approve: approveNow }), { ok: t('已完成评级') });
    if (r) {
      setOpen(r);
      q.reload();
    }
  };
  return (
    <Page
      title={p ? t('信用档案：{name}', { name: p.subject.name }) : t('信用档案')}
      actions={
        p && (
          <>
            {can('credit.rate') && (
              <>
                <Checkbox label={t('同时审批')} checked={approveNow} onChange={(e) => setApproveNow(e.currentTarget.checked)} />
                <Button loading={busy} onClick={rate} disabled={!p.subject.active}>
                  {t('计算评级')}
                </Button>
              </>
            )}
            <Button variant="default" onClick={async () => {
              const f = await run(() => call('credit.profile.export', { kind, id: Number(params.id) }));
              if (f) downloadFile(f);
            }}>
              {t('导出档案')}
            </Button>
          </>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !p} />
      {p && (
        <Stack>
          <Paper withBorder p="md">
            <Group justify="space-between">
              <Group gap="sm">
                <Badge variant="light">{t(p.subject.kindLabel)}</Badge>
                <Anchor href={`#${registryPath(p.subject.kind, p.subject.id)}`} fw={600}>
                  {p.subject.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {[p.subject.township, p.subject.industries.join('、')].filter(Boolean).join(' · ')}
                </Text>
                {!p.subject.active && <Badge color="gray">{t('已停用')}</Badge>}
              </Group>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {t('现行信用等级')}
                </Text>
                <GradeBadge grade={p.current?.grade} size="xl" />
                {p.current && (
                  <Text size="xs" c="dimmed">
                    {t('有效期至 {d}', { d: p.current.validUntil })}
                  </Text>
                )}
              </Group>
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              {t('信用档案含个人信用信息，仅限负责人和管理员查看；每次查看和导出都记入审计日志。')}
              {p.modelVersion !== null && ` ${t('现行评级模型第 {v} 版。', { v: p.modelVersion })}`}
            </Text>
          </Paper>
          <Facts profile={p} />
          <StaffFacts profile={p} onChange={q.reload} />
          <Evaluations profile={p} onChange={q.reload} />
          <Ratings profile={p} onOpen={setOpen} />
          <MatchPanel key={p.current?.ratingId ?? 0} profile={p} />
          <Loans profile={p} />
        </Stack>
      )}
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? t('评级说明：{name}（{d}）', { name: open.name, d: formatTime(open.ratedAt) }) : ''} size="70rem">
        {open && (
          <RatingExplain
            rating={open}
            onApproved={(r) => {
              setOpen(r);
              q.reload();
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
