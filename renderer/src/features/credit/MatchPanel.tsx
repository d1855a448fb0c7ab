import { useState } from 'react';
import { Badge, Button, Group, List, Modal, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { parseYuan } from '../../../../shared/money';
import { formatRate, formatWan, PRODUCT_KIND_LABELS } from '../../../../shared/credit';
import { t } from '../../i18n';
import type { Profile } from './common';
import { NewApplication } from './NewApplication';

/** The active products for this member, fitting ones first and best fit first, each with the reasons. */
export function MatchPanel({ profile }: { profile: Profile }) {
  const { can } = useSession();
  const s = profile.subject;
  const [amount, setAmount] = useState('');
  const amountFen = amount.trim() ? parseYuan(amount) : null;
  const q = useCall('credit.match', { kind: s.kind, id: s.id, amountFen: amountFen !== null && amountFen >= 0 ? amountFen : null });
  const [applying, setApplying] = useState<number | null>(null);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('匹配贷款产品')}</Title>
        <TextInput
          size="xs"
          w={220}
          label={t('拟贷金额（元）')}
          placeholder={t('可不填')}
          value={amount}
          error={amount.trim() && amountFen === null ? t('金额格式不正确') : undefined}
          onChange={(e) => setAmount(e.currentTarget.value)}
        />
      </Group>
      {q.data && (
        <Table fz="sm" data-testid="matches">
          <Table.Tbody>
            {q.data.rows.map((r, i) => (
              <Table.Tr key={r.product.id} data-testid={`match-${r.product.name}`} c={r.eligible ? undefined : 'dimmed'}>
                <Table.Td w={36}>{r.eligible ? i + 1 : ''}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text fw={600} size="sm">
                      {r.product.name}
                    </Text>
                    <Badge size="xs" color={r.eligible ? 'green' : 'gray'} variant="light">
                      {r.eligible ? t('符合条件') : t('不符合')}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {r.product.bank} · {t(PRODUCT_KIND_LABELS[r.product.kind])} · {formatWan(r.product.minFen)}–{formatWan(r.product.maxFen)} · {formatRate(r.product.rateMinBp)}–{formatRate(r.product.rateMaxBp)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <List size="xs" spacing={2}>
                    {r.reasons.map((x) => (
                      <List.Item key={x.text} icon={x.ok ? <IconCheck size={12} color="var(--mantine-color-green-7)" /> : <IconX size={12} color="var(--mantine-color-red-7)" />}>
                        {x.text}
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
                <Table.Td w={110}>
                  {r.eligible && can('credit.applications.create') && (
                    <Button size="compact-xs" variant="light" onClick={() => setApplying(r.product.id)}>
                      {t('代办申请')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={applying !== null} onClose={() => setApplying(null)} title={t('受理金融代办')} size="lg">
        {applying !== null && (
          <NewApplication applicant={{ kind: s.kind, id: s.id, name: s.name, kindLabel: s.kindLabel, industries: s.industries }} productId={applying} onDone={(a) => navigate(`/credit/applications/${a.id}`)} />
        )}
      </Modal>
    </Paper>
  );
}
