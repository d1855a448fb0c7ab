import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Switch, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { useSession } from '../../app/session';
import { BASE_UNIT_LABELS, DISPLAY_UNIT, STANDARD_UNITS, formatQty, type BaseUnit } from '../../../../shared/quantity';
import { CATEGORY_KIND_LABELS } from '../../../../shared/contract/matchingFields';
import { t } from '../../i18n';
import { WeightsPanel } from './WeightsPanel';
import type { Catalogue, Product } from './common';

function CategoryForm({ onDone }: { onDone(): void }) {
  const form = useForm({ initialValues: { name: '', kind: 'produce' as 'produce' | 'input' } });
  const { busy, run } = useAction();
  return (
    <form onSubmit={form.onSubmit(async (v) => (await run(() => call('catalog.saveCategory', v), { ok: t('已添加'), setErrors: form.setErrors })) && onDone())}>
      <Stack>
        <TextInput label={t('品类名称')} required autoFocus {...form.getInputProps('name')} />
        <Select label={t('类型')} allowDeselect={false} data={(['produce', 'input'] as const).map((k) => ({ value: k, label: t(CATEGORY_KIND_LABELS[k]) }))} {...form.getInputProps('kind')} />
        <Button type="submit" loading={busy}>
          {t('添加')}
        </Button>
      </Stack>
    </form>
  );
}

function ProductForm({ cat, product, onDone }: { cat: Catalogue; product: Product | null; onDone(): void }) {
  const form = useForm({
    initialValues: {
      categoryId: product ? String(product.categoryId) : (cat.categories[0] ? String(cat.categories[0].id) : ''),
      name: product?.name ?? '',
      variety: product?.variety ?? '',
      baseUnit: (product?.baseUnit ?? 'g') as BaseUnit,
      grades: product?.grades ?? [],
      defaultUnit: product?.defaultUnit ?? '斤',
      active: product?.active ?? true,
    },
  });
  const { busy, run } = useAction();
  const units = product && product.baseUnit === form.values.baseUnit ? product.units.map((u) => u.name) : STANDARD_UNITS[form.values.baseUnit].map((u) => u.name);
  const submit = form.onSubmit(async (v) => {
    const input = { ...v, categoryId: Number(v.categoryId), ...(product ? { id: product.id, version: product.version } : {}) };
    if (await run(() => call('catalog.saveProduct', input), { ok: t('已保存'), setErrors: form.setErrors })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Select label={t('品类')} allowDeselect={false} data={cat.categories.map((c) => ({ value: String(c.id), label: c.name }))} {...form.getInputProps('categoryId')} />
        <TextInput label={t('产品名称')} required autoFocus {...form.getInputProps('name')} />
        <TextInput label={t('品种')} description={t('可不填，如“纽荷尔”')} {...form.getInputProps('variety')} />
        <Select
          label={t('计量方式')}
          description={t('数量按此最小单位整数保存')}
          allowDeselect={false}
          data={(Object.keys(BASE_UNIT_LABELS) as BaseUnit[]).map((b) => ({ value: b, label: t(BASE_UNIT_LABELS[b]) }))}
          {...form.getInputProps('baseUnit')}
          onChange={(v) => {
            form.setFieldValue('baseUnit', v as BaseUnit);
            form.setFieldValue('defaultUnit', STANDARD_UNITS[v as BaseUnit][0]!.name);
          }}
        />
        <Select label={t('默认单位')} allowDeselect={false} data={units} {...form.getInputProps('defaultUnit')} />
        <TagsInput label={t('等级（从好到差）')} description={t('输入后按回车，如 特级、一级、二级')} {...form.getInputProps('grades')} />
        <Switch label={t('启用')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

function UnitsEditor({ product, editable, onChange }: { product: Product; editable: boolean; onChange(): void }) {
  const form = useForm({ initialValues: { name: '', amount: '', of: STANDARD_UNITS[product.baseUnit][0]!.name } });
  const { busy, run } = useAction();
  const base = DISPLAY_UNIT[product.baseUnit];
  return (
    <Stack gap="xs">
      <Table fz="sm" withTableBorder>
        <Table.Tbody>
          {product.units.map((u) => (
            <Table.Tr key={u.name}>
              <Table.Td>1 {u.name}</Table.Td>
              <Table.Td>
                = {formatQty(u.num, { name: base.name, num: base.num * u.den, den: base.den })} {base.name}
              </Table.Td>
              <Table.Td>{u.standard ? <Badge size="xs" color="gray">{t('标准单位')}</Badge> : <Badge size="xs">{t('本产品单位')}</Badge>}</Table.Td>
              <Table.Td>
                {editable && !u.standard && (
                  <Button size="compact-xs" variant="subtle" color="red" loading={busy} onClick={async () => (await run(() => call('catalog.removeUnit', { productId: product.id, name: u.name }), { ok: t('已删除') })) && onChange()}>
                    {t('删除')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && (
        <form onSubmit={form.onSubmit(async (v) => (await run(() => call('catalog.saveUnit', { productId: product.id, ...v }), { ok: t('已保存换算'), setErrors: form.setErrors })) && (form.reset(), onChange()))}>
          <Group align="end" gap="xs">
            <Text pb={8}>1</Text>
            <TextInput w={90} label={t('单位名称')} placeholder={t('箱')} {...form.getInputProps('name')} />
            <Text pb={8}>=</Text>
            <TextInput w={90} label={t('换算数量')} placeholder="12.5" inputMode="decimal" {...form.getInputProps('amount')} />
            <Select w={90} label={t('换算单位')} allowDeselect={false} data={STANDARD_UNITS[product.baseUnit].map((u) => u.name)} {...form.getInputProps('of')} />
            <Button type="submit" variant="light" loading={busy}>
              {t('保存换算')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

export function CatalogPage() {
  const q = useCall('catalog.list', {}, true, ['catalog']);
  const { can } = useSession();
  const editable = can('catalog.saveProduct');
  const [adding, setAdding] = useState<'category' | 'product' | null>(null);
  const [editing, setEditing] = useState<Product | null>(null);
  const [unitsOf, setUnitsOf] = useState<number | null>(null);
  const done = () => {
    setAdding(null);
    setEditing(null);
    q.reload();
  };
  const unitsProduct = q.data?.products.find((p) => p.id === unitsOf) ?? null;
  return (
    <Page
      title={t('产品目录与撮合设置')}
      actions={
        editable && (
          <>
            <Button variant="default" onClick={() => setAdding('category')}>
              {t('新增品类')}
            </Button>
            <Button onClick={() => setAdding('product')}>{t('新增产品')}</Button>
          </>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {q.data.categories.map((c) => (
            <Paper key={c.id} withBorder p="sm">
              <Group justify="space-between" mb="xs">
                <Title order={5}>{c.name}</Title>
                <Badge variant="light" color={c.kind === 'input' ? 'orange' : 'teal'}>
                  {t(CATEGORY_KIND_LABELS[c.kind])}
                </Badge>
              </Group>
              <Table fz="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('产品')}</Table.Th>
                    <Table.Th>{t('等级')}</Table.Th>
                    <Table.Th>{t('单位')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data!.products
                    .filter((p) => p.categoryId === c.id)
                    .map((p) => (
                      <Table.Tr key={p.id} opacity={p.active ? 1 : 0.5}>
                        <Table.Td>{p.label}</Table.Td>
                        <Table.Td>{p.grades.join('、') || '—'}</Table.Td>
                        <Table.Td>{p.units.map((u) => u.name).join('、')}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button size="compact-xs" variant="subtle" onClick={() => setUnitsOf(p.id)}>
                              {t('单位换算')}
                            </Button>
                            {editable && (
                              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(p)}>
                                {t('编辑')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <WeightsPanel editable={can('matching.saveSettings')} />
      <Modal opened={adding === 'category'} onClose={() => setAdding(null)} title={t('新增品类')}>
        <CategoryForm onDone={done} />
      </Modal>
      <Modal opened={adding === 'product' || editing !== null} onClose={() => (setAdding(null), setEditing(null))} title={editing ? t('编辑产品') : t('新增产品')}>
        {q.data && <ProductForm cat={q.data} product={editing} onDone={done} />}
      </Modal>
      <Modal opened={unitsProduct !== null} onClose={() => setUnitsOf(null)} title={unitsProduct ? t('{name} 的单位换算', { name: unitsProduct.label }) : ''} size="lg">
        {unitsProduct && <UnitsEditor product={unitsProduct} editable={editable} onChange={q.reload} />}
      </Modal>
    </Page>
  );
}
