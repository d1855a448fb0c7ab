import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Select, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DataTable } from 'mantine-datatable';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Page } from '../../components/Page';
import { JobProgress } from '../../components/JobProgress';
import { useSession } from '../../app/session';
import { formatFen } from '../../../../shared/money';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import { t } from '../../i18n';
import { fenOf, today, unitOptions, yuanText } from './common';

type Proposal = Out<Contract['matching.proposal']>;
type Pair = Proposal['pairs'][number];
interface Terms {
  quantity: string;
  unit: string;
  priceFen: number | null;
  priceUnit: string;
  deliveryDate: string;
}
type Row = Pair & { key: string; terms: Terms };

const PAGE = 50;

function TermsForm({ row, units, onSave }: { row: Row; units: string[]; onSave(t: Terms): void }) {
  const form = useForm({ initialValues: { ...row.terms, price: yuanText(row.terms.priceFen) } });
  return (
    <form
      onSubmit={form.onSubmit((v) => {
        const priceFen = fenOf(v.price);
        if (priceFen === undefined || priceFen === null) return form.setFieldError('price', t('请填写成交价（元，最多两位小数）'));
        onSave({ quantity: v.quantity, unit: v.unit, priceFen, priceUnit: v.priceUnit, deliveryDate: v.deliveryDate });
      })}
    >
      <Stack>
        <Text size="sm">
          {row.supplyCode} {row.seller} → {row.demandCode} {row.buyer}：{row.product}
        </Text>
        <Text size="xs" c="dimmed">
          {t('供方剩余 {a}，需方剩余 {b}', { a: row.supplyRemaining, b: row.demandRemaining })}
        </Text>
        <SimpleGrid cols={2}>
          <TextInput label={t('成交数量')} required autoFocus inputMode="decimal" {...form.getInputProps('quantity')} />
          <Select label={t('单位')} allowDeselect={false} data={units} {...form.getInputProps('unit')} />
          <TextInput label={t('成交价（元）')} required inputMode="decimal" {...form.getInputProps('price')} />
          <Select label={t('价格单位')} allowDeselect={false} data={units} {...form.getInputProps('priceUnit')} />
          <TextInput type="date" label={t('交货日期')} required {...form.getInputProps('deliveryDate')} />
        </SimpleGrid>
        <Button type="submit">{t('保存')}</Button>
      </Stack>
    </form>
  );
}

/**
 * One proposal for every open listing: pairs and quantity splits that maximise score-weighted quantity.
 * Staff review it, adjust terms, and confirm some or all; the server re-checks every rule on confirm.
 */
export function ProposalPage() {
  const { can } = useSession();
  const cat = useCall('catalog.list', {});
  const [kind, setKind] = useState<'all' | 'produce' | 'input'>('all');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [selected, setSelected] = useState<Row[]>([]);
  const [product, setProduct] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Row | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const { busy, run } = useAction();

  // A proposal over tens of thousands of listings takes seconds: it runs as a job with progress and cancel.
  const generate = async () => {
    const started = await run(() => call('matching.propose', { kind: kind === 'all' ? undefined : kind }));
    if (started) setJobId(started.jobId);
  };
  const show = async (id: string) => {
    const p = await run(() => call('matching.proposal', { jobId: id }));
    setJobId(null);
    if (!p) return;
    setProposal(p);
    setRows(p.pairs.map((x) => ({ ...x, key: `${x.supplyId}-${x.demandId}`, terms: { ...x.suggestion } })));
    setSelected([]);
    setProduct(null);
    setPage(1);
  };
  const shown = useMemo(() => (product ? rows.filter((r) => r.product === product) : rows), [rows, product]);
  const products = useMemo(() => [...new Set(rows.map((r) => r.product))], [rows]);

  const accept = async () => {
    const missing = selected.findIndex((r) => r.terms.priceFen === null);
    if (missing >= 0) {
      setEditing(selected[missing]!);
      return;
    }
    const items = selected.map((r) => ({ supplyId: r.supplyId, demandId: r.demandId, quantity: r.terms.quantity, unit: r.terms.unit, priceFen: r.terms.priceFen!, priceUnit: r.terms.priceUnit, deliveryDate: r.terms.deliveryDate, signedOn: today() }));
    if (await run(() => call('matching.accept', { items }), { ok: t('已确认 {n} 笔成交', { n: items.length }) })) await generate();
  };

  return (
    <Page
      title={t('批量撮合')}
      actions={
        <Group gap="xs">
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            data={[
              { value: 'all', label: t('全部') },
              { value: 'produce', label: t('农产品') },
              { value: 'input', label: t('农资') },
            ]}
          />
          <Button onClick={generate} loading={jobId !== null}>
            {proposal ? t('重新生成方案') : t('生成撮合方案')}
          </Button>
        </Group>
      }
    >
      {!proposal && jobId === null && (
        <Alert color="blue">{t('为所有挂牌中、仍在时间窗口内的供应和需求计算一个整体最优的配对方案（可拆分数量）。方案只供审核，确认后才成交。')}</Alert>
      )}
      <JobProgress jobId={jobId} onDone={(st) => void show(st.id)} onClose={() => setJobId(null)} />
      {proposal && (
        <Stack>
          <Text size="sm" data-testid="proposal-summary">
            {t('可撮合供应 {s} 条、需求 {d} 条；方案共 {n} 对，涉及供应 {ms} 条、需求 {md} 条；用时 {ms2} 毫秒。', {
              s: proposal.openSupplies,
              d: proposal.openDemands,
              n: proposal.pairs.length,
              ms: proposal.matchedSupplies,
              md: proposal.matchedDemands,
              ms2: proposal.tookMs,
            })}
          </Text>
          <Group gap="sm">
            <Select w={200} placeholder={t('全部产品')} aria-label={t('产品')} clearable data={products} value={product} onChange={(v) => (setProduct(v), setPage(1))} />
            <Button variant="default" onClick={() => setSelected(shown)} disabled={shown.length === 0}>
              {t('全选（{n}）', { n: shown.length })}
            </Button>
            <Button variant="default" onClick={() => setSelected([])} disabled={selected.length === 0}>
              {t('清除选择')}
            </Button>
            {can('matching.accept') && (
              <Button onClick={accept} disabled={selected.length === 0} loading={busy}>
                {t('确认所选 {n} 对', { n: selected.length })}
              </Button>
            )}
          </Group>
          <DataTable<Row>
            withTableBorder
            striped
            highlightOnHover
            minHeight={160}
            idAccessor="key"
            records={shown.slice((page - 1) * PAGE, page * PAGE)}
            totalRecords={shown.length}
            recordsPerPage={PAGE}
            page={page}
            onPageChange={setPage}
            selectedRecords={selected}
            onSelectedRecordsChange={setSelected}
            noRecordsText={t('没有可撮合的配对')}
            paginationText={({ from, to, totalRecords }) => t('第 {from}-{to} 条，共 {total} 条', { from, to, total: totalRecords })}
            columns={[
              { accessor: 'supplyCode', title: t('供应'), render: (r) => (<><Anchor href={`#/matching/listings/${r.supplyId}`}>{r.supplyCode}</Anchor> {r.seller}</>) },
              { accessor: 'demandCode', title: t('需求'), render: (r) => (<><Anchor href={`#/matching/listings/${r.demandId}`}>{r.demandCode}</Anchor> {r.buyer}</>) },
              { accessor: 'product', title: t('产品') },
              { accessor: 'quantity', title: t('数量'), textAlign: 'right', render: (r) => `${r.terms.quantity} ${r.terms.unit}` },
              {
                accessor: 'price',
                title: t('成交价'),
                textAlign: 'right',
                render: (r) => (r.terms.priceFen === null ? <Badge color="orange">{t('需填写')}</Badge> : `${formatFen(r.terms.priceFen)} ${t('元')}/${r.terms.priceUnit}`),
              },
              { accessor: 'deliveryDate', title: t('交货日期'), render: (r) => r.terms.deliveryDate },
              { accessor: 'score', title: t('匹配分'), textAlign: 'right' },
              {
                accessor: 'edit',
                title: '',
                render: (r) => (
                  <Button size="compact-xs" variant="subtle" onClick={(e) => (e.stopPropagation(), setEditing(r))}>
                    {t('修改')}
                  </Button>
                ),
              },
            ]}
          />
        </Stack>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('修改成交条件')}>
        {editing && (
          <TermsForm
            row={editing}
            units={unitOptions(cat.data?.products.find((p) => p.id === editing.productId))}
            onSave={(terms) => {
              const update = (r: Row) => (r.key === editing.key ? { ...r, terms } : r);
              setRows((rs) => rs.map(update));
              setSelected((rs) => rs.map(update));
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
