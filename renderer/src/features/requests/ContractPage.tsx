import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { STATUS_LABELS, type RequestStatus } from '../../../../shared/contract/requestFields';
import { formatFen } from '../../../../shared/money';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { ProgressBar } from '../../components/charts';
import { useSession } from '../../app/session';
import type { RouteProps } from '../types';
import { t } from '../../i18n';
import { mu } from './common';
import { ContractForm } from './ContractForm';

const TERM = { season: '一季', year: '全年' } as const;

/** A 托管 contract with its plots and agreed prices, and the service of its requests rolled up per link. */
export function ContractPage({ params }: RouteProps) {
  const id = Number(params.id);
  const { can } = useSession();
  const q = useCall('serviceContracts.get', { id }, true, ['serviceContracts', 'requests']);
  const [editing, setEditing] = useState(false);
  const { busy, run } = useAction();
  const c = q.data?.contract;
  const roll = q.data?.rollup;
  return (
    <Page
      title={c ? `${t('托管合同')} ${c.code}` : t('托管合同')}
      actions={
        c &&
        c.status === 'active' &&
        can('serviceContracts.save') && (
          <>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('修改')}
            </Button>
            <Button variant="subtle" color="red" loading={busy} onClick={async () => (await run(() => call('serviceContracts.close', { id: c.id, version: c.version }), { ok: t('合同已结束'), reload: q.reload })) && q.reload()}>
              {t('结束合同')}
            </Button>
          </>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !q.data} />
      {c && roll && (
        <Stack gap="md">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Text size="sm">
                {t('农户（主体）')}：{c.party.name}
              </Text>
              <Text size="sm">
                {t('托管方式')}：{t(c.model)}（{t(TERM[c.term])}）
              </Text>
              <Text size="sm">
                {t('期限')}：{c.startsOn} ～ {c.endsOn}
              </Text>
              <Text size="sm">
                {t('状态')}：<Badge variant="light" color={c.status === 'active' ? 'teal' : 'gray'}>{c.status === 'active' ? t('履行中') : t('已结束')}</Badge>
              </Text>
            </SimpleGrid>
            <Table fz="sm" mt="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('地块')}</Table.Th>
                  <Table.Th>{t('作物')}</Table.Th>
                  <Table.Th ta="right">{t('面积（亩）')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.plots.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{[p.township, p.village, p.location].filter(Boolean).join(' ')}</Table.Td>
                    <Table.Td>{p.crop}</Table.Td>
                    <Table.Td ta="right">{mu(p.areaMu100)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" mt="xs">
              {t('约定单价')}：{c.prices.map((p) => `${p.crop}·${p.link} ${formatFen(p.priceFen)} ${t('元/亩')}`).join('；')}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Title order={5} mb="sm">
              {t('服务汇总')}
            </Title>
            <Table fz="sm" striped data-testid="rollup">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('环节')}</Table.Th>
                  <Table.Th w="30%">{t('完成进度')}</Table.Th>
                  <Table.Th ta="right">{t('计划亩次')}</Table.Th>
                  <Table.Th ta="right">{t('已完成亩次')}</Table.Th>
                  <Table.Th ta="right">{t('服务费')}</Table.Th>
                  <Table.Th ta="right">{t('补助')}</Table.Th>
                  <Table.Th ta="right">{t('已付')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {roll.lines.map((l) => (
                  <Table.Tr key={l.linkId}>
                    <Table.Td>{l.link}</Table.Td>
                    <Table.Td>
                      <ProgressBar value={l.muTimes100 / 100} max={Math.max(l.plannedMuTimes100, 1) / 100} label={t('{link}完成进度', { link: l.link })} />
                    </Table.Td>
                    <Table.Td ta="right">{mu(l.plannedMuTimes100)}</Table.Td>
                    <Table.Td ta="right">{mu(l.muTimes100)}</Table.Td>
                    <Table.Td ta="right">{formatFen(l.feeFen)}</Table.Td>
                    <Table.Td ta="right">{formatFen(l.subsidyFen)}</Table.Td>
                    <Table.Td ta="right">{formatFen(l.paidFen)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={600}>
                  <Table.Td>{t('合计')}</Table.Td>
                  <Table.Td />
                  <Table.Td ta="right">{mu(roll.totals.plannedMuTimes100)}</Table.Td>
                  <Table.Td ta="right">{mu(roll.totals.muTimes100)}</Table.Td>
                  <Table.Td ta="right">{formatFen(roll.totals.feeFen)}</Table.Td>
                  <Table.Td ta="right">{formatFen(roll.totals.subsidyFen)}</Table.Td>
                  <Table.Td ta="right">{formatFen(roll.totals.paidFen)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md">
            <Group justify="space-between" mb="sm">
              <Title order={5}>{t('合同下的服务申请')}</Title>
              {c.status === 'active' && can('requests.create') && (
                <Button size="xs" variant="light" component="a" href={`#/requests/new?contract=${c.id}`}>
                  {t('按合同受理')}
                </Button>
              )}
            </Group>
            <Table fz="sm">
              <Table.Tbody>
                {roll.requests.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor href={`#/requests/item/${r.id}`}>{r.code}</Anchor>
                    </Table.Td>
                    <Table.Td>{r.receivedOn}</Table.Td>
                    <Table.Td>{r.links}</Table.Td>
                    <Table.Td ta="right">
                      {mu(r.areaMu100)} {t('亩')}
                    </Table.Td>
                    <Table.Td ta="right">
                      {mu(r.muTimes100)} {t('亩次')}
                    </Table.Td>
                    <Table.Td>{t(STATUS_LABELS[r.status as RequestStatus] ?? r.status)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('修改托管合同')} size="xl">
        {c && (
          <ContractForm
            contract={c}
            party={{ kind: c.party.kind, id: c.party.id }}
            partyField={<Text size="sm">{t('农户（主体）')}：{c.party.name}</Text>}
            onDone={() => {
              setEditing(false);
              q.reload();
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
