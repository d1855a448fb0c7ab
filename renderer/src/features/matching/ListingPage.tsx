import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, CloseButton, FileButton, Grid, Group, Image, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { toUpload } from '../../components/files';
import { useSession } from '../../app/session';
import { formatFen } from '../../../../shared/money';
import { CATEGORY_KIND_LABELS } from '../../../../shared/contract/matchingFields';
import { t } from '../../i18n';
import type { RouteProps } from '../types';
import { RankPanel } from './RankPanel';
import { ListingForm } from './ListingForm';
import { Certs, DealStatus, ListingStatus, priceText, sideLabel, today, type Listing } from './common';

function Photo({ id, name, onRemove }: { id: number; name: string; onRemove?: () => void }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void call('listings.photo', { id }).then((f) => live && setSrc(`data:${f.mime};base64,${f.base64}`));
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <Paper withBorder p={4} pos="relative">
      {src && <Image src={src} alt={name} h={120} fit="contain" />}
      {onRemove && <CloseButton pos="absolute" top={4} right={4} aria-label={t('删除照片 {name}', { name })} onClick={onRemove} />}
    </Paper>
  );
}

function StatusChange({ l, onDone }: { l: Listing; onDone(): void }) {
  const [reason, setReason] = useState('');
  const { busy, run } = useAction();
  const withdrawing = l.status !== 'withdrawn';
  const submit = async () => {
    if (await run(() => call('listings.setStatus', { id: l.id, version: l.version, status: withdrawing ? 'withdrawn' : 'open', reason }), { ok: withdrawing ? t('已撤回') : t('已重新开放') })) onDone();
  };
  return (
    <Stack>
      {withdrawing && <TextInput label={t('撤回原因')} required autoFocus value={reason} onChange={(e) => setReason(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && submit()} />}
      <Button color={withdrawing ? 'red' : undefined} loading={busy} onClick={submit}>
        {withdrawing ? t('撤回挂牌') : t('重新开放')}
      </Button>
    </Stack>
  );
}

export function ListingPage({ params }: RouteProps) {
  const id = Number(params.id);
  const q = useCall('listings.get', { id }, true, ['listings', 'deals']);
  const cat = useCall('catalog.list', {});
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState(false);
  const { run } = useAction();
  const l = q.data?.listing;
  const writable = can('listings.save');
  const upload = async (f: File | null) => {
    if (!f || !l) return;
    const u = await toUpload(f);
    if (await run(() => call('listings.addPhoto', { listingId: l.id, ...u }), { ok: t('照片已上传') })) q.reload();
  };
  return (
    <Page
      title={l ? `${l.code} ${sideLabel(l.side)} · ${l.product}` : t('挂牌详情')}
      actions={
        l &&
        writable && (
          <>
            <FileButton onChange={upload} accept="image/png,image/jpeg,image/webp">
              {(props) => (
                <Button variant="default" {...props}>
                  {t('上传照片')}
                </Button>
              )}
            </FileButton>
            <Button variant="default" onClick={() => setStatus(true)}>
              {l.status === 'withdrawn' ? t('重新开放') : t('撤回')}
            </Button>
            <Button onClick={() => setEditing(true)}>{t('编辑')}</Button>
          </>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !q.data} />
      {l && q.data && (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack>
              <Paper withBorder p="md">
                <Stack gap={6}>
                  <Group gap="xs">
                    <ListingStatus l={l} today={today()} />
                    <Badge variant="light" color={l.kind === 'input' ? 'orange' : 'teal'}>
                      {t(CATEGORY_KIND_LABELS[l.kind])}
                    </Badge>
                    <Certs list={l.certifications} />
                  </Group>
                  <Title order={4}>{l.partyName}</Title>
                  {l.partyStatus === 'deregistered' && <Badge color="red">{t('该主体已注销')}</Badge>}
                  <SimpleGrid cols={2} spacing={4} verticalSpacing={4}>
                    <Text size="sm">{t('品类')}：{l.category}</Text>
                    <Text size="sm">{t('等级')}：{l.grade || t('不限')}</Text>
                    <Text size="sm">
                      {t('数量')}：{l.quantity} {l.unit}
                    </Text>
                    <Text size="sm" fw={600}>
                      {t('剩余')}：{l.remaining} {l.unit}
                    </Text>
                    <Text size="sm">{t('价格')}：{priceText(l.priceMinFen, l.priceMaxFen, l.priceUnit)}</Text>
                    <Text size="sm">
                      {t('时间')}：{l.windowFrom} {t('至')} {l.windowTo}
                    </Text>
                    <Text size="sm">
                      {l.side === 'supply' ? t('产地') : t('交货地')}：{[l.township, l.place].filter(Boolean).join(' ') || '—'}
                    </Text>
                    <Text size="sm">{t('登记人')}：{l.createdBy}</Text>
                  </SimpleGrid>
                  {l.statusReason && <Text size="sm">{t('原因')}：{l.statusReason}</Text>}
                  {l.notes && <Text size="sm">{t('备注')}：{l.notes}</Text>}
                </Stack>
              </Paper>
              {q.data.photos.length > 0 && (
                <SimpleGrid cols={3}>
                  {q.data.photos.map((p) => (
                    <Photo key={p.id} id={p.id} name={p.name} onRemove={writable ? async () => (await run(() => call('listings.removePhoto', { id: p.id }), { ok: t('已删除') })) && q.reload() : undefined} />
                  ))}
                </SimpleGrid>
              )}
              <Paper withBorder p="md">
                <Title order={5} mb="xs">
                  {t('成交记录')}
                </Title>
                {q.data.deals.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('还没有成交')}
                  </Text>
                ) : (
                  <Table fz="sm">
                    <Table.Tbody>
                      {q.data.deals.map((d) => (
                        <Table.Tr key={d.id}>
                          <Table.Td>
                            <Anchor href={`#/matching/deals/${d.id}`}>{d.code}</Anchor>
                          </Table.Td>
                          <Table.Td>{l.side === 'supply' ? d.buyer : d.seller}</Table.Td>
                          <Table.Td>
                            {d.quantity} {d.unit}
                          </Table.Td>
                          <Table.Td>¥{formatFen(d.valueFen)}</Table.Td>
                          <Table.Td>
                            <DealStatus status={d.status} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <RankPanel listing={l} catalogue={cat.data} onDealt={q.reload} />
          </Grid.Col>
        </Grid>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('编辑挂牌')} size="xl">
        {l && (
          <ListingForm
            listing={l}
            onDone={() => {
              setEditing(false);
              q.reload();
            }}
          />
        )}
      </Modal>
      <Modal opened={status} onClose={() => setStatus(false)} title={l?.status === 'withdrawn' ? t('重新开放') : t('撤回挂牌')}>
        {l && (
          <StatusChange
            l={l}
            onDone={() => {
              setStatus(false);
              q.reload();
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
