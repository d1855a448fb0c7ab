import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Contract } from '../../../../shared/contract';
import type { Out } from '../../../../shared/contract/define';
import { formatFen, parseYuan } from '../../../../shared/money';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { t } from '../../i18n';
import { localToday, useSetup } from './common';

type Price = Out<Contract['servicePrices.list']>[number];
type Rule = Out<Contract['subsidyRules.list']>[number];

function PriceForm({ price, onDone }: { price: Price | null; onDone(): void }) {
  const setup = useSetup();
  const form = useForm({
    initialValues: {
      cropId: price ? String(price.cropId) : null,
      linkId: price ? String(price.linkId) : null,
      price: price ? formatFen(price.priceFen, { thousands: false }) : '',
      validFrom: price?.validFrom ?? localToday(),
      validTo: price?.validTo ?? '',
      notes: price?.notes ?? '',
    },
  });
  const { busy, run } = useAction();
  const crop = setup.crops.find((c) => String(c.id) === form.values.cropId);
  const submit = form.onSubmit(async (v) => {
    const fen = parseYuan(v.price);
    if (fen === null || fen < 0) return form.setFieldError('price', t('单价应为金额，最多两位小数'));
    const body = { ...(price ? { id: price.id, version: price.version } : {}), cropId: Number(v.cropId), linkId: Number(v.linkId), priceFen: fen, validFrom: v.validFrom, validTo: v.validTo, notes: v.notes };
    if (await run(() => call('servicePrices.save', body), { ok: t('已保存'), setErrors: (f) => form.setErrors({ ...f, price: f.priceFen }) })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Group grow>
          <Select label={t('作物')} required data-autofocus searchable data={setup.crops.map((c) => ({ value: String(c.id), label: c.name }))} {...form.getInputProps('cropId')} />
          <Select label={t('环节')} required data={setup.links.filter((l) => !crop || crop.links.includes(l.id)).map((l) => ({ value: String(l.id), label: l.name }))} {...form.getInputProps('linkId')} />
          <TextInput label={t('单价（元/亩）')} required inputMode="decimal" {...form.getInputProps('price')} />
        </Group>
        <Group grow>
          <TextInput type="date" label={t('有效期开始')} required {...form.getInputProps('validFrom')} />
          <TextInput type="date" label={t('有效期结束')} description={t('留空为长期有效')} {...form.getInputProps('validTo')} />
        </Group>
        <TextInput label={t('备注')} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

/** The price list per crop and link with validity dates; a price is frozen on an order when it is dispatched. */
export function PricesPanel({ editable }: { editable: boolean }) {
  const setup = useSetup();
  const [cropId, setCropId] = useState<string | null>(null);
  const [on, setOn] = useState('');
  const list = useCall('servicePrices.list', { cropId: cropId ? Number(cropId) : null, on }, true, ['servicePrices']);
  const [editing, setEditing] = useState<Price | 'new' | null>(null);
  const { run } = useAction();
  const done = () => {
    setEditing(null);
    list.reload();
  };
  return (
    <Stack gap="sm">
      <Group align="end">
        <Select w={160} aria-label={t('作物')} placeholder={t('全部作物')} clearable data={setup.crops.map((c) => ({ value: String(c.id), label: c.name }))} value={cropId} onChange={setCropId} />
        <TextInput type="date" w={160} aria-label={t('在此日期有效')} value={on} onChange={(e) => setOn(e.currentTarget.value)} />
        {editable && <Button onClick={() => setEditing('new')}>{t('新增价格')}</Button>}
      </Group>
      <Loading error={list.error} loading={list.loading && !list.data} />
      {list.data && (
        <Table striped fz="sm" data-testid="prices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('作物')}</Table.Th>
              <Table.Th>{t('环节')}</Table.Th>
              <Table.Th ta="right">{t('单价（元/亩）')}</Table.Th>
              <Table.Th>{t('有效期')}</Table.Th>
              <Table.Th>{t('备注')}</Table.Th>
              {editable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.crop}</Table.Td>
                <Table.Td>{p.link}</Table.Td>
                <Table.Td ta="right">{formatFen(p.priceFen)}</Table.Td>
                <Table.Td>
                  {p.validFrom} ～ {p.validTo || t('长期')}
                </Table.Td>
                <Table.Td>{p.notes}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(p)}>
                        {t('编辑')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={async () => (await run(() => call('servicePrices.remove', { id: p.id, version: p.version }), { ok: t('已删除') })) && list.reload()}>
                        {t('删除')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('新增价格') : t('编辑价格')} size="lg">
        {editing !== null && <PriceForm price={editing === 'new' ? null : editing} onDone={done} />}
      </Modal>
    </Stack>
  );
}

function RuleForm({ rule, onDone }: { rule: Rule | null; onDone(): void }) {
  const setup = useSetup();
  const form = useForm({
    initialValues: {
      name: rule?.name ?? '',
      share: rule ? String(rule.shareBp / 100) : '30',
      cap: rule ? formatFen(rule.capFenPerMu, { thousands: false }) : '100',
      cropId: rule?.cropId ? String(rule.cropId) : null,
      validFrom: rule?.validFrom ?? localToday(),
      validTo: rule?.validTo ?? '',
      active: rule?.active ?? true,
      notes: rule?.notes ?? '',
    },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const share = Number(v.share);
    const cap = parseYuan(v.cap);
    if (!Number.isFinite(share) || share < 0 || share > 100 || Math.round(share * 100) !== share * 100) return form.setFieldError('share', t('补助比例应为 0 到 100 之间的数，最多两位小数'));
    if (cap === null || cap < 0) return form.setFieldError('cap', t('上限应为金额'));
    const body = { ...(rule ? { id: rule.id, version: rule.version } : {}), name: v.name, shareBp: Math.round(share * 100), capFenPerMu: cap, cropId: v.cropId ? Number(v.cropId) : null, validFrom: v.validFrom, validTo: v.validTo, active: v.active, notes: v.notes };
    if (await run(() => call('subsidyRules.save', body), { ok: t('已保存'), setErrors: (f) => form.setErrors({ ...f, share: f.shareBp, cap: f.capFenPerMu }) })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('规则名称')} required data-autofocus {...form.getInputProps('name')} />
        <Group grow>
          <TextInput label={t('补助比例（%）')} required description={t('占服务价格的比例')} {...form.getInputProps('share')} />
          <TextInput label={t('每亩每季上限（元）')} required {...form.getInputProps('cap')} />
          <Select label={t('适用作物')} placeholder={t('全部作物')} clearable data={setup.crops.map((c) => ({ value: String(c.id), label: c.name }))} {...form.getInputProps('cropId')} />
        </Group>
        <Group grow>
          <TextInput type="date" label={t('有效期开始')} required {...form.getInputProps('validFrom')} />
          <TextInput type="date" label={t('有效期结束')} description={t('留空为长期有效')} {...form.getInputProps('validTo')} />
        </Group>
        <TextInput label={t('依据与说明')} {...form.getInputProps('notes')} />
        <Switch label={t('生效')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

/** Subsidy rules: a share of the price and a cap per mu per season; the defaults follow the provincial documents. */
export function RulesPanel({ editable }: { editable: boolean }) {
  const list = useCall('subsidyRules.list', {}, true, ['subsidyRules']);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const done = () => {
    setEditing(null);
    list.reload();
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('每条服务记录的补助 = 服务费 × 补助比例；同一申请（一块地、一季）所有环节的补助合计不超过 每亩上限 × 面积。作物专用规则优先于通用规则。')}
      </Text>
      {editable && (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('新增补助规则')}</Button>
        </Group>
      )}
      <Loading error={list.error} loading={list.loading && !list.data} />
      {list.data && (
        <Table striped fz="sm" data-testid="rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('规则名称')}</Table.Th>
              <Table.Th ta="right">{t('补助比例')}</Table.Th>
              <Table.Th ta="right">{t('每亩每季上限（元）')}</Table.Th>
              <Table.Th>{t('适用作物')}</Table.Th>
              <Table.Th>{t('有效期')}</Table.Th>
              <Table.Th>{t('状态')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((r) => (
              <Table.Tr key={r.id} style={{ cursor: editable ? 'pointer' : undefined }} onClick={() => editable && setEditing(r)}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td ta="right">{r.shareBp / 100}%</Table.Td>
                <Table.Td ta="right">{formatFen(r.capFenPerMu)}</Table.Td>
                <Table.Td>{r.crop || t('全部作物')}</Table.Td>
                <Table.Td>
                  {r.validFrom} ～ {r.validTo || t('长期')}
                </Table.Td>
                <Table.Td>{r.active ? t('生效') : t('停用')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('新增补助规则') : t('编辑补助规则')} size="lg">
        {editing !== null && <RuleForm rule={editing === 'new' ? null : editing} onDone={done} />}
      </Modal>
    </Stack>
  );
}
