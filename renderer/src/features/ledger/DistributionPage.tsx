import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { useSession } from '../../app/session';
import { parseYuan } from '../../../../shared/money';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import type { RouteProps } from '../types';
import { BookPage, entryDate, money, useBook } from './common';
import { t } from '../../i18n';

type Plan = Out<Contract['ledger.distribution.preview']>;

/**
 * Year-end distribution wizard (农民专业合作社法 art. 44): the year's surplus less loss cover and reserve
 * gives D; at least 60% of D is returned by transactions, the rest by contribution and shares. The table
 * shows every member's allocation before anything is posted.
 */
function Wizard() {
  const { book } = useBook();
  const { can } = useSession();
  // December open: distributing this year's surplus; otherwise most likely last year's.
  const open = book.firstOpen ?? book.startPeriod;
  const openYear = Number(open.slice(0, 4));
  const year = open.endsWith('-12') || !book.years.includes(openYear - 1) ? openYear : openYear - 1;
  const [form, setForm] = useState({ year, date: entryDate(book.firstOpen), basis: book.patronageBasis, product: '', share: 60, reserve: '', loss: '' });
  const [plan, setPlan] = useState<Plan | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number[] | null>(null);
  const products = useCall('ledger.txns.products', { bookId: book.id });
  const { busy, run } = useAction();
  const set = (p: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...p }));
    setPlan(null);
    setDone(null);
  };
  const input = () => {
    const reserveFen = form.reserve.trim() ? parseYuan(form.reserve) : 0;
    const lossCoverFen = form.loss.trim() ? parseYuan(form.loss) : 0;
    return { bookId: book.id, year: form.year, date: form.date, basis: form.basis, product: form.product, shareBp: Math.round(form.share * 100), reserveFen: reserveFen ?? NaN, lossCoverFen: lossCoverFen ?? NaN };
  };
  const mapErrors = (f: Record<string, string>) => setErrors({ ...f, share: f.shareBp ?? '', reserve: f.reserveFen ?? '', loss: f.lossCoverFen ?? '' });
  const preview = async () => {
    setErrors({});
    const p = await run(() => call('ledger.distribution.preview', input()), { setErrors: mapErrors });
    if (p) setPlan(p);
  };
  const commit = async () => {
    const r = await run(() => call('ledger.distribution.commit', input()), { ok: t('已生成并记账盈余分配凭证'), setErrors: mapErrors });
    setConfirming(false);
    if (r) {
      setPlan(r.plan);
      setDone(r.vouchers);
    }
  };
  const volume = form.basis === 'volume';
  return (
    <Stack>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void preview();
          }}
        >
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Select label={t('分配年度')} data={book.years.map((y) => ({ value: String(y), label: `${y}年` }))} value={String(form.year)} onChange={(v) => v && set({ year: Number(v) })} allowDeselect={false} />
            <TextInput label={t('分配凭证日期')} description={t('须在未结账期间')} value={form.date} error={errors.date} onChange={(e) => set({ date: e.currentTarget.value })} />
            <Select
              label={t('返还依据')}
              data={[
                { value: 'amount', label: t('按交易额') },
                { value: 'volume', label: t('按交易量') },
              ]}
              value={form.basis}
              onChange={(v) => v && set({ basis: v as 'amount' | 'volume' })}
              allowDeselect={false}
            />
            {volume ? (
              <Select label={t('产品')} data={(products.data ?? []).map((p) => p.product)} value={form.product || null} error={errors.product} onChange={(v) => set({ product: v ?? '' })} />
            ) : (
              <div />
            )}
            <NumberInput label={t('盈余返还比例（%）')} description={t('不得低于 60%')} min={0} max={100} decimalScale={2} value={form.share} error={errors.share || undefined} onChange={(v) => set({ share: Number(v) || 0 })} />
            <TextInput label={t('提取盈余公积（元）')} value={form.reserve} error={errors.reserve || undefined} onChange={(e) => set({ reserve: e.currentTarget.value })} />
            <TextInput label={t('弥补以前年度亏损（元）')} value={form.loss} error={errors.loss || undefined} onChange={(e) => set({ loss: e.currentTarget.value })} />
            <Button type="submit" mt={24} loading={busy}>
              {t('试算分配')}
            </Button>
          </SimpleGrid>
        </form>
      </Paper>
      {plan && (
        <>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Text>{t('本年盈余')}：{money(plan.surplusFen, false)}</Text>
              <Text>{t('弥补亏损')}：{money(plan.lossCoverFen, false)}</Text>
              <Text>{t('提取盈余公积')}：{money(plan.reserveFen, false)}</Text>
              <Text fw={700} data-testid="dist-d">
                {t('可分配盈余')}：{money(plan.distributableFen, false)}
              </Text>
              <Text>{t('按交易{b}返还（{p}%）', { b: plan.basis === 'amount' ? t('额') : t('量'), p: plan.shareBp / 100 })}：{money(plan.patronageFen, false)}</Text>
              <Text>{t('剩余盈余分配')}：{money(plan.remainderFen, false)}</Text>
              <Text size="sm" c="dimmed">
                {t('本次量化财政补助 {a}、捐赠 {b}', { a: money(plan.unquantifiedSubsidyFen, false), b: money(plan.unquantifiedDonationFen, false) })}
              </Text>
            </SimpleGrid>
          </Paper>
          <Table striped withTableBorder withColumnBorders fz="sm" data-testid="dist-table">
            <Table.Thead>
              <Table.Tr>
                {['成员', plan.basis === 'amount' ? '本年交易额' : `本年交易量（${plan.unit}）`, '盈余返还', '出资额', '公积金份额', '补助量化份额', '捐赠量化份额', '剩余盈余分配', '合计'].map((h) => (
                  <Table.Th key={h} ta={h === '成员' ? undefined : 'right'}>
                    {t(h)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.members.map((m) => (
                <Table.Tr key={m.memberId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td ta="right">{plan.basis === 'amount' ? money(m.patronageBasis) : (m.patronageBasis / 1000).toLocaleString('zh-CN')}</Table.Td>
                  <Table.Td ta="right">{money(m.patronageFen)}</Table.Td>
                  <Table.Td ta="right">{money(m.capitalFen)}</Table.Td>
                  <Table.Td ta="right">{money(m.reserveShareFen + m.newReserveFen)}</Table.Td>
                  <Table.Td ta="right">{money(m.subsidyShareFen + m.newSubsidyFen)}</Table.Td>
                  <Table.Td ta="right">{money(m.donationShareFen + m.newDonationFen)}</Table.Td>
                  <Table.Td ta="right">{money(m.remainderFen)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {money(m.totalFen)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td>{t('合计')}</Table.Td>
                <Table.Td />
                <Table.Td ta="right">{money(plan.members.reduce((s, m) => s + m.patronageFen, 0), false)}</Table.Td>
                <Table.Td colSpan={4} />
                <Table.Td ta="right">{money(plan.members.reduce((s, m) => s + m.remainderFen, 0), false)}</Table.Td>
                <Table.Td ta="right">{money(plan.members.reduce((s, m) => s + m.totalFen, 0), false)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          {done ? (
            <Alert color="green">
              {t('已生成并记账分配凭证：')}
              {done.map((id) => (
                <Anchor key={id} href={`#/ledger/${book.id}/voucher/${id}`} mx={4}>
                  #{id}
                </Anchor>
              ))}
            </Alert>
          ) : (
            can('ledger.distribution.commit') && (
              <Group>
                <Button color="green" onClick={() => setConfirming(true)}>
                  {t('确认分配并生成凭证')}
                </Button>
              </Group>
            )
          )}
        </>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('确认盈余分配')}>
        <Stack>
          <Text size="sm">{t('将生成并记账：提取盈余公积、盈余返还（332→221）、剩余盈余分配（332→222）凭证，并把公积金和补助、捐赠的量化份额记入成员账户。记账后如需更正只能红字冲销。')}</Text>
          <Button color="green" loading={busy} onClick={commit} autoFocus>
            {t('确认')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function DistributionPage({ params }: RouteProps) {
  return (
    <BookPage bookId={Number(params.bookId)} tab="distribution" title="盈余分配">
      <Wizard />
    </BookPage>
  );
}
