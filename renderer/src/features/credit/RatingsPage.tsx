import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { DataList } from '../../components/DataList';
import { JobProgress } from '../../components/JobProgress';
import { Page } from '../../components/Page';
import { MemberPicker } from '../members/MemberPicker';
import { useGeoOptions } from '../members/common';
import { formatScore, GRADES, RATING_STATUS_LABELS, type Grade } from '../../../../shared/credit';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import { t } from '../../i18n';
import { GradeBadge, subjectPath } from './common';

type Row = Out<Contract['credit.ratings.list']>['rows'][number];
const PAGE = 50;

function RateAll({ onStarted }: { onStarted(jobId: string): void }) {
  const [approve, setApprove] = useState(false);
  const [who, setWho] = useState<'orgs' | 'households'>('orgs');
  const [town, setTown] = useState<string | null>(null);
  const geo = useGeoOptions();
  const { busy, run } = useAction();
  return (
    <Stack>
      <SegmentedControl
        value={who}
        onChange={(v) => setWho(v as typeof who)}
        data={[
          { value: 'orgs', label: t('经营主体') },
          { value: 'households', label: t('农户') },
        ]}
      />
      <Select label={t('范围')} placeholder={t('全县')} data={geo.townships} value={town} onChange={setTown} clearable searchable />
      <Text size="sm">
        {who === 'orgs'
          ? t('按现行评级模型，为在册的农民专业合作社、家庭农场、涉农企业和村集体经济组织计算信用评级。新的评级取代各主体尚未审批的评级；已审批的评级保留。完成后下载结果表。')
          : t('按现行评级模型，为在册农户计算信用评级（整村授信时可只评一个乡镇）。新的评级取代尚未审批的评级；已审批的评级保留。完成后下载结果表。')}
      </Text>
      <Checkbox label={t('同时以本人名义审批全部结果')} checked={approve} onChange={(e) => setApprove(e.currentTarget.checked)} />
      <Button
        loading={busy}
        onClick={async () => {
          const r = await run(() => call('credit.rateAll', { approve, who, townshipId: town ? Number(town) : null }));
          if (r) onStarted(r.jobId);
        }}
      >
        {t('开始批量评级')}
      </Button>
    </Stack>
  );
}

/** 信用档案: each member's latest rating; open any member's profile, rate one or all. */
export function RatingsPage() {
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  const [grade, setGrade] = useState<Grade | ''>('');
  const [status, setStatus] = useState<'' | 'proposed' | 'approved'>('');
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'open' | 'all' | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const list = useCall('credit.ratings.list', { q: debounced.trim(), grade, status, offset: (page - 1) * PAGE, limit: PAGE });
  const grades = list.data?.grades ?? {};
  return (
    <Page
      title={t('信用档案')}
      actions={
        <>
          <Button onClick={() => setDialog('open')}>{t('查看会员信用档案')}</Button>
          {can('credit.rateAll') && (
            <Button variant="default" onClick={() => setDialog('all')}>
              {t('批量评级')}
            </Button>
          )}
        </>
      }
    >
      <Group justify="space-between">
        <Group>
          <SegmentedControl
            value={grade}
            onChange={(v) => {
              setGrade(v as Grade | '');
              setPage(1);
            }}
            data={[{ value: '', label: t('全部等级') }, ...GRADES.map((g) => ({ value: g, label: `${g} ${grades[g] ?? 0}` }))]}
          />
          <SegmentedControl
            value={status}
            onChange={(v) => {
              setStatus(v as '' | 'proposed' | 'approved');
              setPage(1);
            }}
            data={[
              { value: '', label: t('全部') },
              { value: 'proposed', label: `${t('待审批')} ${list.data?.proposed ?? 0}` },
              { value: 'approved', label: t('已审批') },
            ]}
          />
        </Group>
        <TextInput w={260} leftSection={<IconSearch size={16} />} aria-label={t('查询')} placeholder={t('会员名称或拼音首字母')} value={q} onChange={(e) => (setQ(e.currentTarget.value), setPage(1))} />
      </Group>
      <DataList<Row>
        records={list.data?.rows}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE}
        onPage={setPage}
        fetching={list.loading}
        onRowClick={(r) => navigate(subjectPath(r.kind, r.subjectId))}
        columns={[
          { accessor: 'name', title: t('会员'), render: (r) => <Anchor href={`#${subjectPath(r.kind, r.subjectId)}`}>{r.name}</Anchor> },
          { accessor: 'kindLabel', title: t('类别'), render: (r) => t(r.kindLabel) },
          { accessor: 'township', title: t('乡镇（街道）') },
          { accessor: 'grade', title: t('等级'), render: (r) => <GradeBadge grade={r.grade} size="sm" /> },
          { accessor: 'scoreX100', title: t('得分'), textAlign: 'right', render: (r) => formatScore(r.scoreX100) },
          {
            accessor: 'status',
            title: t('状态'),
            render: (r) => (
              <Badge variant="light" color={r.status === 'approved' ? 'green' : 'yellow'}>
                {t(RATING_STATUS_LABELS[r.status])}
              </Badge>
            ),
          },
          { accessor: 'asOf', title: t('评级日'), noWrap: true },
          { accessor: 'modelVersion', title: t('模型版本'), render: (r) => t('第 {v} 版', { v: r.modelVersion }) },
        ]}
      />
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog === 'all' ? t('批量评级') : t('查看会员信用档案')} size="lg">
        {dialog === 'open' && <MemberPicker label={t('会员')} autoFocus includeInactive onSelect={(h) => navigate(subjectPath(h.kind, h.id))} />}
        {dialog === 'all' && (
          <RateAll
            onStarted={(id) => {
              setDialog(null);
              setJobId(id);
            }}
          />
        )}
      </Modal>
      <JobProgress
        jobId={jobId}
        onClose={() => {
          setJobId(null);
          list.reload();
        }}
      />
    </Page>
  );
}
