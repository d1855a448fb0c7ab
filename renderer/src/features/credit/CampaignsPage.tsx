import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Loading, Page } from '../../components/Page';
import { useGeoOptions } from '../members/common';
import { formatFen } from '../../../../shared/money';
import { CAMPAIGN_KINDS, formatWan, type CampaignKind } from '../../../../shared/credit';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import { t } from '../../i18n';
import { localToday, moneyError, toFen } from './common';

type Campaign = Out<Contract['credit.campaigns.list']>['rows'][number];

function CampaignForm({ campaign, onDone }: { campaign: Campaign | null; onDone(): void }) {
  const geo = useGeoOptions();
  const form = useForm({
    initialValues: {
      kind: (campaign?.kind ?? '信用村') as CampaignKind,
      townshipId: campaign ? String(campaign.townshipId) : '',
      villageId: campaign?.villageId ? String(campaign.villageId) : '',
      bank: campaign?.bank ?? '',
      assessedOn: campaign?.assessedOn ?? localToday(),
      awardedOn: campaign?.awardedOn ?? '',
      households: (campaign?.households ?? 0) as number | string,
      line: campaign?.lineFen ? formatFen(campaign.lineFen, { thousands: false }) : '',
      notes: campaign?.notes ?? '',
    },
    validate: { townshipId: (v) => (v ? null : t('请选择乡镇（街道）')), line: moneyError('授信总额', false) },
  });
  const { busy, run } = useAction();
  const township = form.values.kind === '信用乡镇';
  const submit = form.onSubmit(async (v) => {
    const ok = await run(
      () =>
        call('credit.campaigns.save', {
          id: campaign?.id,
          version: campaign?.version,
          kind: v.kind,
          townshipId: Number(v.townshipId),
          villageId: township || !v.villageId ? null : Number(v.villageId),
          bank: v.bank,
          assessedOn: v.assessedOn,
          awardedOn: v.awardedOn,
          households: Number(v.households) || 0,
          lineFen: toFen(v.line),
          notes: v.notes,
        }),
      { ok: t('已保存'), setErrors: (e) => form.setErrors({ ...e, line: e.lineFen }) },
    );
    if (ok) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Select label={t('类别')} allowDeselect={false} data={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(k) }))} {...form.getInputProps('kind')} />
        <SimpleGrid cols={2}>
          <Select label={t('乡镇（街道）')} required searchable data={geo.townships} {...form.getInputProps('townshipId')} onChange={(v) => (form.setFieldValue('townshipId', v ?? ''), form.setFieldValue('villageId', ''))} />
          {!township && <Select label={t('村（社区）')} required searchable data={geo.villages(form.values.townshipId)} {...form.getInputProps('villageId')} />}
        </SimpleGrid>
        <TextInput label={t('授信银行')} required autoFocus {...form.getInputProps('bank')} />
        <SimpleGrid cols={2}>
          <TextInput type="date" label={t('评定日期')} required {...form.getInputProps('assessedOn')} />
          <TextInput type="date" label={t('授信（挂牌）日期')} {...form.getInputProps('awardedOn')} />
          <NumberInput label={t('授信户数')} min={0} {...form.getInputProps('households')} />
          <TextInput label={t('授信总额（元）')} {...form.getInputProps('line')} />
        </SimpleGrid>
        <Textarea label={t('备注')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

/** 信用村、信用乡镇、整村授信: where credit was extended to a whole place, by which bank, for what total line. */
export function CampaignsPage() {
  const q = useCall('credit.campaigns.list', {}, true, ['credit']);
  const { can } = useSession();
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const done = () => {
    setEditing(null);
    q.reload();
  };
  const tot = q.data?.totals;
  return (
    <Page title={t('信用村镇')} actions={can('credit.campaigns.save') && <Button onClick={() => setEditing('new')}>{t('登记')}</Button>}>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {tot && (
        <Paper withBorder p="sm">
          <Group gap="xl" data-testid="campaign-totals">
            <Text size="sm">{t('信用村 {n} 个', { n: tot.villages })}</Text>
            <Text size="sm">{t('信用乡镇 {n} 个', { n: tot.townships })}</Text>
            <Text size="sm">{t('整村授信 {n} 次', { n: tot.wholeVillage })}</Text>
            <Text size="sm">{t('授信 {n} 户', { n: tot.households })}</Text>
            <Text size="sm">{t('授信总额 {a}', { a: formatWan(tot.lineFen) })}</Text>
            <Text size="xs" c="dimmed">
              {t('实施方案目标：到 2027 年创建信用乡镇 30 个、信用村 150 个')}
            </Text>
          </Group>
        </Paper>
      )}
      {q.data && (
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('类别')}</Table.Th>
              <Table.Th>{t('地点')}</Table.Th>
              <Table.Th>{t('授信银行')}</Table.Th>
              <Table.Th>{t('评定日期')}</Table.Th>
              <Table.Th>{t('授信（挂牌）日期')}</Table.Th>
              <Table.Th ta="right">{t('授信户数')}</Table.Th>
              <Table.Th ta="right">{t('授信总额')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{t(c.kind)}</Table.Td>
                <Table.Td>
                  {c.township}
                  {c.village}
                </Table.Td>
                <Table.Td>{c.bank}</Table.Td>
                <Table.Td>{c.assessedOn}</Table.Td>
                <Table.Td>{c.awardedOn || '—'}</Table.Td>
                <Table.Td ta="right">{c.households}</Table.Td>
                <Table.Td ta="right">{c.lineFen ? formatWan(c.lineFen) : '—'}</Table.Td>
                <Table.Td>
                  {can('credit.campaigns.save') && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c)}>
                      {t('编辑')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('登记信用村镇') : t('编辑信用村镇')} size="lg">
        {editing !== null && <CampaignForm campaign={editing === 'new' ? null : editing} onDone={done} />}
      </Modal>
    </Page>
  );
}
