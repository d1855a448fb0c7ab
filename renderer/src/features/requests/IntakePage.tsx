import { useEffect, useMemo, useRef, useState } from 'react';
import { Anchor, Button, Grid, Group, Kbd, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Page } from '../../components/Page';
import { navigate, queryParams, usePath } from '../../app/router';
import { t } from '../../i18n';
import { StatusBadge, localToday, mu, useSetup } from './common';
import { PartyField, type PartyHit } from './PartyField';
import { QuotePreview } from './QuoteTable';
import { RequestFields, isProductionKind, toInput, type FieldValues } from './RequestFields';

const REMEMBER = 'wn.intake.last';
type Remembered = Pick<FieldValues, 'channel' | 'kind' | 'cropId' | 'linkIds' | 'townshipId' | 'priority'>;

/** The clerk's last choices on this desk, so the next farmer's request starts from them. */
function remembered(): Remembered {
  try {
    const v = JSON.parse(localStorage.getItem(REMEMBER) ?? '{}') as Partial<Remembered>;
    return { channel: v.channel ?? '电话', kind: v.kind ?? '农机作业', cropId: v.cropId ?? null, linkIds: v.linkIds ?? [], townshipId: v.townshipId ?? null, priority: '0' };
  } catch {
    return { channel: '电话', kind: '农机作业', cropId: null, linkIds: [], townshipId: null, priority: '0' };
  }
}

function fresh(): FieldValues {
  return { ...remembered(), areaMu100: '', villageId: null, location: '', wishedFrom: localToday(), wishedTo: localToday(7), notes: '', contractId: null, contractPlotId: null };
}

/**
 * Intake built for speed: find the farmer (or add one), and the rest starts from the last request's
 * choices; Enter or Ctrl+Enter takes it in and the form is ready for the next caller.
 */
export function IntakePage() {
  const path = usePath();
  const setup = useSetup();
  const [party, setParty] = useState<PartyHit | null>(null);
  const [partyError, setPartyError] = useState<string | undefined>();
  const [pickerKey, setPickerKey] = useState(0);
  const form = useForm<FieldValues>({ initialValues: fresh() });
  const { busy, run } = useAction();
  const then = useRef<'next' | 'dispatch'>('next');
  const fields = useRef<HTMLDivElement>(null);
  const contractParam = Number(queryParams(path).get('contract')) || null;
  const fromContract = useCall('serviceContracts.get', { id: contractParam ?? 0 }, contractParam !== null);
  const contracts = useCall('serviceContracts.list', { status: 'active', q: '' }, party !== null, ['serviceContracts']);
  const mine = contracts.data?.filter((c) => party && c.partyKind === party.kind && c.partyId === party.id) ?? [];
  const chosen = useCall('serviceContracts.get', { id: Number(form.values.contractId) || 0 }, form.values.contractId !== null);
  const today = useCall('requests.list', { status: 'all', mine: true, from: localToday(), limit: 8 }, true, ['requests']);

  useEffect(() => {
    const c = fromContract.data?.contract;
    if (!c) return;
    setParty({ kind: c.party.kind, id: c.party.id, name: c.party.name, kindLabel: '', orgKind: '', townshipId: null, villageId: null, township: c.party.township, village: c.party.village, phone: c.party.phone });
    form.setValues({ contractId: String(c.id), kind: c.model === '全程托管' ? '生产托管·全程' : c.model === '多环节托管' ? '生产托管·多环节' : '生产托管·单环节' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromContract.data]);

  const choose = (hit: PartyHit | null) => {
    setParty(hit);
    setPartyError(undefined);
    form.setFieldValue('contractId', null);
    form.setFieldValue('contractPlotId', null);
    if (hit?.townshipId) {
      form.setFieldValue('townshipId', String(hit.townshipId));
      form.setFieldValue('villageId', hit.villageId ? String(hit.villageId) : null);
    }
    if (!hit) setPickerKey((k) => k + 1);
    // Keyboard flow: the picker goes away once a farmer is chosen, so the channel takes the focus.
    else requestAnimationFrame(() => fields.current?.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus());
  };

  const submit = form.onSubmit(async (v) => {
    if (!party) {
      setPartyError(t('请选择农户或主体'));
      return;
    }
    const r = await run(() => call('requests.create', { party: { kind: party.kind, id: party.id }, ...toInput(v) }), {
      setErrors: (f) => {
        form.setErrors(f);
        setPartyError(f.party);
      },
    });
    if (!r) return;
    localStorage.setItem(REMEMBER, JSON.stringify({ channel: v.channel, kind: v.kind, cropId: v.cropId, linkIds: v.linkIds, townshipId: v.townshipId }));
    notifications.show({ color: 'green', title: t('已受理'), message: `${r.code} ${party.name}`, autoClose: 5000 });
    if (then.current === 'dispatch') {
      navigate(`/requests/item/${r.id}?dispatch=1`);
      return;
    }
    form.setValues(fresh());
    form.resetDirty();
    choose(null);
    today.reload();
  });
  const go = (mode: 'next' | 'dispatch') => {
    then.current = mode;
    void submit();
  };
  useHotkeys([['mod+Enter', () => go('next')]], []);

  const v = form.values;
  const quoteInput = useMemo(() => {
    const i = toInput(v);
    return { kind: i.kind, cropId: i.cropId, linkIds: i.linkIds, areaMu100: Math.max(0, i.areaMu100), on: v.wishedFrom, contractId: i.contractId };
  }, [v]);
  const contractOptions = mine.map((c) => ({
    id: c.id,
    code: c.code,
    plots:
      chosen.data && chosen.data.contract.id === c.id
        ? chosen.data.contract.plots.map((p) => ({ id: p.id, label: `${p.township}${p.village} ${p.location} ${p.crop} ${mu(p.areaMu100)}${t('亩')}`, townshipId: p.townshipId, villageId: p.villageId, location: p.location, cropId: p.cropId, areaMu100: p.areaMu100 }))
        : [],
  }));

  return (
    <Page title={t('受理登记')}>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                go('next');
              }}
            >
              <Stack gap="sm">
                <PartyField key={pickerKey} value={party} onChange={choose} error={partyError} autoFocus />
                <div ref={fields}>
                  <RequestFields form={form} setup={setup} contracts={contractOptions} />
                </div>
                <Group>
                  <Button type="submit" loading={busy}>
                    {t('受理')}
                  </Button>
                  {isProductionKind(v.kind) && (
                    <Button variant="light" loading={busy} onClick={() => go('dispatch')}>
                      {t('受理并派单')}
                    </Button>
                  )}
                  <Text size="xs" c="dimmed">
                    <Kbd size="xs">Enter</Kbd> / <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd> {t('受理后表单清空，保留本次的渠道、类别、作物、环节和乡镇')}
                  </Text>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <QuotePreview input={quoteInput} />
              {!(quoteInput.linkIds.length && quoteInput.areaMu100 && quoteInput.cropId) && (
                <Text size="sm" c="dimmed">
                  {t('选好作物、环节和面积后，这里显示价格、补助和农户应付金额。')}
                </Text>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={6} mb="xs">
                {t('我今天受理的')}
              </Title>
              {today.data?.rows.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('还没有')}
                </Text>
              )}
              <Table fz="sm">
                <Table.Tbody>
                  {(today.data?.rows ?? []).map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor href={`#/requests/item/${r.id}`}>{r.code}</Anchor>
                      </Table.Td>
                      <Table.Td>{r.party}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={r.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
