import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { useSession } from '../../app/session';
import { t } from '../../i18n';
import { DealForm } from './DealForm';
import { Certs, priceText, sideLabel, unitOptions, type Candidate, type Catalogue, type Listing } from './common';

function CandidateCard({ rank, c, onConfirm }: { rank: number; c: Candidate; onConfirm?: () => void }) {
  const l = c.listing;
  return (
    <Paper withBorder p="sm" data-testid="match-candidate">
      <Group justify="space-between" wrap="nowrap" align="start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>#{rank}</Text>
            <Anchor href={`#/matching/listings/${l.id}`}>{l.code}</Anchor>
            <Text fw={600}>{l.partyName}</Text>
            <Badge variant="light">{sideLabel(l.side)}</Badge>
          </Group>
          <Text size="sm">
            {l.product}
            {l.grade ? ` · ${l.grade}` : ''} · {t('剩余')} {l.remaining} {l.unit} · {priceText(l.priceMinFen, l.priceMaxFen, l.priceUnit)} · {l.windowFrom} {t('至')} {l.windowTo}
            {l.township ? ` · ${l.township}` : l.place ? ` · ${l.place}` : ''}
          </Text>
          <Certs list={l.certifications} />
        </Stack>
        <Stack gap={4} align="end">
          <Text fz={26} fw={700} lh={1} c="teal" aria-label={t('匹配分')}>
            {c.score.toFixed(1)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('匹配分（满分 100）')}
          </Text>
          {onConfirm && (
            <Button size="xs" onClick={onConfirm}>
              {t('确认成交')}
            </Button>
          )}
        </Stack>
      </Group>
      <Table fz="xs" mt="xs" verticalSpacing={2}>
        <Table.Tbody>
          {c.parts.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td w={90}>{t(p.label)}</Table.Td>
              <Table.Td w={120}>
                <Progress value={p.value * 100} size="sm" aria-label={`${t(p.label)} ${Math.round(p.value * 100)}`} />
              </Table.Td>
              <Table.Td w={80} style={{ whiteSpace: 'nowrap' }}>
                {Math.round(p.value * 100)} × {p.weight}
              </Table.Td>
              <Table.Td>{p.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * The best counterparts for one listing, each with its score and the reasons behind every part.
 * Nothing is matched until staff press 确认成交 and confirm the terms.
 */
export function RankPanel({ listing, catalogue, onDealt }: { listing: Listing; catalogue: Catalogue | undefined; onDealt(): void }) {
  const { can } = useSession();
  const q = useCall('matching.rank', { listingId: listing.id, limit: 20 }, true, ['listings', 'deals', 'matching']);
  const [confirming, setConfirming] = useState<Candidate | null>(null);
  const supply = confirming ? (listing.side === 'supply' ? listing : confirming.listing) : null;
  const demand = confirming ? (listing.side === 'demand' ? listing : confirming.listing) : null;
  const product = supply ? catalogue?.products.find((p) => p.id === supply.productId) : undefined;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={5}>{t('匹配推荐')}</Title>
        {q.data && !q.data.closed && (
          <Text size="sm" c="dimmed">
            {t('同品类挂牌 {n} 条，可匹配 {m} 条', { n: q.data.considered, m: q.data.feasible })}
          </Text>
        )}
      </Group>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data?.closed && <Alert color="gray">{t(q.data.closed)}</Alert>}
      {q.data && !q.data.closed && q.data.candidates.length === 0 && <Alert color="yellow">{t('暂时没有符合条件的对方挂牌')}</Alert>}
      {q.data && q.data.excluded.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="match-excluded">
          {t('未列出')}：{q.data.excluded.map((e) => `${t(e.reason)} ${e.count} ${t('条')}`).join('，')}
        </Text>
      )}
      {q.data?.candidates.map((c, i) => (
        <CandidateCard key={c.listing.id} rank={i + 1} c={c} onConfirm={can('deals.create') ? () => setConfirming(c) : undefined} />
      ))}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('确认成交')} size="lg">
        {confirming && supply && demand && (
          <DealForm
            supply={supply}
            demand={demand}
            terms={confirming.suggestion}
            units={unitOptions(product)}
            onDone={() => {
              setConfirming(null);
              onDealt();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
