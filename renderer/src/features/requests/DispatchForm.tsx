import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Card, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { t } from '../../i18n';
import type { Detail } from './common';

/**
 * Ranked providers for the request, each with why it fits and what is wrong with it; the clerk chooses.
 * A provider outside its townships may be chosen with a reason; one missing a link cannot be.
 */
export function DispatchForm({ request, onDone }: { request: Detail; onDone(): void }) {
  const q = useCall('requests.suggest', { id: request.id });
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, run } = useAction();
  const pick = q.data?.find((s) => String(s.providerId) === (chosen ?? String(q.data?.find((x) => x.eligible)?.providerId ?? '')));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pick) return;
    const r = await run(() => call('requests.dispatch', { id: request.id, version: request.version, providerId: pick.providerId, outsideReason: reason, note }), { ok: t('已派单给 {name}', { name: pick.name }), setErrors });
    if (r) onDone();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Loading error={q.error} loading={q.loading && !q.data} />
        {q.data && q.data.length === 0 && <Alert color="orange">{t('没有在用的服务主体，请先在“服务主体”中添加。')}</Alert>}
        {q.data && q.data.length > 0 && (
          <Radio.Group label={t('选择服务主体（已按匹配程度排序）')} value={pick ? String(pick.providerId) : null} onChange={setChosen} error={errors.providerId}>
            <Stack gap={6} mt={6}>
              {q.data.map((s) => (
                <Card key={s.providerId} withBorder p="xs" data-testid="suggestion" opacity={s.eligible ? 1 : 0.6}>
                  <Group align="flex-start" wrap="nowrap">
                    <Radio value={String(s.providerId)} disabled={!s.eligible} aria-label={s.name} mt={4} data-autofocus={s.rank === 1 || undefined} />
                    <Stack gap={2} style={{ flex: 1 }}>
                      <Group gap={6}>
                        <Text fw={600}>
                          {s.rank}. {s.name}
                        </Text>
                        <Badge size="xs" variant="light">
                          {t(s.kind)}
                        </Badge>
                        {s.rank === 1 && s.eligible && s.coversTownship && s.hasCapacity && (
                          <Badge size="xs" color="teal">
                            {t('推荐')}
                          </Badge>
                        )}
                      </Group>
                      {s.reason && (
                        <Text size="xs" c="dimmed">
                          {s.reason}
                        </Text>
                      )}
                      {s.warnings.map((w) => (
                        <Text key={w} size="xs" c={s.eligible ? 'orange' : 'red'}>
                          {w}
                        </Text>
                      ))}
                    </Stack>
                  </Group>
                </Card>
              ))}
            </Stack>
          </Radio.Group>
        )}
        {pick && !pick.coversTownship && (
          <Textarea label={t('跨范围派单原因')} required description={t('所选服务主体的服务范围不含本地块所在乡镇')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.outsideReason} autosize minRows={2} />
        )}
        <TextInput label={t('派单说明')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button type="submit" loading={busy} disabled={!pick?.eligible}>
          {request.status === 'dispatched' ? t('改派') : t('确认派单')}
        </Button>
      </Stack>
    </form>
  );
}
