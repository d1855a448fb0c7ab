import { useMemo } from 'react';
import { Button, Chip, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { CERTIFICATIONS, CATEGORY_KIND_LABELS } from '../../../../shared/contract/matchingFields';
import { t } from '../../i18n';
import { PartyField, type PartyValue } from './PartyField';
import { fenOf, today, unitOptions, yuanText, type Listing } from './common';

interface Values {
  side: 'supply' | 'demand';
  party: PartyValue | null;
  /** "p:12" a product, "c:3" any product of a category (demands only). */
  product: string | null;
  grade: string | null;
  quantity: string;
  unit: string;
  priceMin: string;
  priceMax: string;
  priceUnit: string;
  windowFrom: string;
  windowTo: string;
  townshipId: string | null;
  place: string;
  certifications: Cert[];
  notes: string;
}

type Cert = (typeof CERTIFICATIONS)[number];

/** Server field names to this form's. */
const FIELD: Record<string, string> = { partyId: 'party', productId: 'product', categoryId: 'product', priceMinFen: 'priceMin', priceMaxFen: 'priceMax', 'certifications.0': 'certifications' };

function initial(l: Listing | undefined, side: 'supply' | 'demand'): Values {
  if (!l) {
    return {
      side,
      party: null,
      product: null,
      grade: null,
      quantity: '',
      unit: '',
      priceMin: '',
      priceMax: '',
      priceUnit: '',
      windowFrom: today(),
      windowTo: '',
      townshipId: null,
      place: '',
      certifications: [],
      notes: '',
    };
  }
  return {
    side: l.side,
    party: { kind: l.partyKind, id: l.partyId, name: l.partyName, label: '' },
    product: l.productId ? `p:${l.productId}` : `c:${l.categoryId}`,
    grade: l.grade || null,
    quantity: l.quantity,
    unit: l.unit,
    priceMin: yuanText(l.priceMinFen),
    priceMax: yuanText(l.priceMaxFen),
    priceUnit: l.priceUnit,
    windowFrom: l.windowFrom,
    windowTo: l.windowTo,
    townshipId: l.townshipId ? String(l.townshipId) : null,
    place: l.place,
    certifications: l.certifications as Cert[],
    notes: l.notes,
  };
}

/** Supply, demand and 农资 listings: party from the registry, product or category, quantity with its unit, prices, window, place. */
export function ListingForm({ listing, side = 'supply', onDone }: { listing?: Listing; side?: 'supply' | 'demand'; onDone(): void }) {
  const cat = useCall('catalog.list', {});
  const geo = useCall('geo.list', {});
  const form = useForm<Values>({ initialValues: initial(listing, side) });
  const { busy, run } = useAction();
  const v = form.values;
  const product = v.product?.startsWith('p:') ? cat.data?.products.find((p) => p.id === Number(v.product!.slice(2))) : undefined;
  const units = unitOptions(product);

  const productOptions = useMemo(() => {
    if (!cat.data) return [];
    return cat.data.categories.map((c) => ({
      group: `${c.name}（${t(CATEGORY_KIND_LABELS[c.kind])}）`,
      items: [
        ...(v.side === 'demand' ? [{ value: `c:${c.id}`, label: t('{c}（不限品种）', { c: c.name }) }] : []),
        ...cat.data!.products.filter((p) => p.categoryId === c.id && (p.active || `p:${p.id}` === v.product)).map((p) => ({ value: `p:${p.id}`, label: p.label })),
      ],
    }));
  }, [cat.data, v.side, v.product]);

  const pickProduct = (value: string | null) => {
    form.setFieldValue('product', value);
    form.setFieldValue('grade', null);
    const p = value?.startsWith('p:') ? cat.data?.products.find((x) => x.id === Number(value.slice(2))) : undefined;
    const unit = p?.defaultUnit ?? '公斤';
    form.setFieldValue('unit', unit);
    form.setFieldValue('priceUnit', unit);
  };

  const submit = form.onSubmit(async (x) => {
    const priceMinFen = fenOf(x.priceMin);
    const priceMaxFen = fenOf(x.priceMax);
    if (priceMinFen === undefined) return form.setFieldError('priceMin', t('最低价格式不正确（元，最多两位小数）'));
    if (priceMaxFen === undefined) return form.setFieldError('priceMax', t('最高价格式不正确（元，最多两位小数）'));
    if (!x.party) return form.setFieldError('party', t('请选择主体'));
    const input = {
      ...(listing ? { id: listing.id, version: listing.version } : {}),
      side: x.side,
      partyKind: x.party.kind,
      partyId: x.party.id,
      productId: x.product?.startsWith('p:') ? Number(x.product.slice(2)) : null,
      categoryId: x.product?.startsWith('c:') ? Number(x.product.slice(2)) : null,
      grade: x.grade ?? '',
      quantity: x.quantity,
      unit: x.unit,
      priceMinFen,
      priceMaxFen,
      priceUnit: x.priceUnit,
      windowFrom: x.windowFrom,
      windowTo: x.windowTo,
      townshipId: x.townshipId ? Number(x.townshipId) : null,
      place: x.place,
      certifications: x.side === 'supply' ? x.certifications : [],
      notes: x.notes,
    };
    const saved = await run(() => call('listings.save', input), {
      ok: listing ? t('已保存') : t('已挂牌'),
      setErrors: (f) => form.setErrors(Object.fromEntries(Object.entries(f).map(([k, m]) => [FIELD[k] ?? k, m]))),
    });
    if (!saved) return;
    onDone();
    if (!listing) navigate(`/matching/listings/${saved.id}`);
  });

  return (
    <form onSubmit={submit}>
      <Stack>
        {!listing && (
          <SegmentedControl
            value={v.side}
            onChange={(s) => {
              form.setFieldValue('side', s as 'supply' | 'demand');
              if (v.product?.startsWith('c:')) form.setFieldValue('product', null);
            }}
            data={[
              { value: 'supply', label: t('供应（卖方）') },
              { value: 'demand', label: t('需求（买方）') },
            ]}
          />
        )}
        <PartyField
          label={v.side === 'supply' ? t('供应方') : t('需求方')}
          value={v.party}
          onChange={(p) => form.setFieldValue('party', p)}
          error={form.errors.party as string | undefined}
          enterprises={v.side === 'demand'}
          autoFocus={!listing}
        />
        <SimpleGrid cols={2}>
          <Select label={t('产品')} required searchable data={productOptions} value={v.product} onChange={pickProduct} error={form.errors.product} />
          <Select
            label={t('等级')}
            placeholder={v.side === 'demand' ? t('不限') : t('未定级')}
            clearable
            data={product?.grades ?? []}
            disabled={!product || product.grades.length === 0}
            {...form.getInputProps('grade')}
          />
          <Group grow align="start" gap="xs">
            <TextInput label={t('数量')} required inputMode="decimal" {...form.getInputProps('quantity')} />
            <Select label={t('单位')} required allowDeselect={false} data={units} {...form.getInputProps('unit')} />
          </Group>
          <Group grow align="start" gap="xs">
            <TextInput label={t('最低价（元）')} inputMode="decimal" {...form.getInputProps('priceMin')} />
            <TextInput label={t('最高价（元）')} inputMode="decimal" {...form.getInputProps('priceMax')} />
            <Select label={t('价格单位')} allowDeselect={false} data={units} {...form.getInputProps('priceUnit')} />
          </Group>
          <TextInput type="date" label={v.side === 'supply' ? t('可供应自') : t('需要自')} required {...form.getInputProps('windowFrom')} />
          <TextInput type="date" label={v.side === 'supply' ? t('可供应至') : t('需要至')} required {...form.getInputProps('windowTo')} />
          <Select
            label={v.side === 'supply' ? t('产地乡镇') : t('交货乡镇')}
            placeholder={v.side === 'demand' ? t('县外可不选，在“地点”中填写') : undefined}
            clearable
            searchable
            data={(geo.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
            {...form.getInputProps('townshipId')}
          />
          <TextInput label={v.side === 'supply' ? t('产地详细') : t('交货地点')} {...form.getInputProps('place')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('价格只填一个表示一口价，都不填表示面议。')}
        </Text>
        {v.side === 'supply' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('认证与品牌')}
            </Text>
            <Chip.Group multiple value={v.certifications} onChange={(c) => form.setFieldValue('certifications', c as Cert[])}>
              <Group gap="xs">
                {CERTIFICATIONS.map((c) => (
                  <Chip key={c} value={c} size="sm">
                    {t(c)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {form.errors.certifications && (
              <Text size="xs" c="red">
                {form.errors.certifications}
              </Text>
            )}
          </Stack>
        )}
        <Textarea label={t('备注')} autosize minRows={1} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {listing ? t('保存') : t('挂牌')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
