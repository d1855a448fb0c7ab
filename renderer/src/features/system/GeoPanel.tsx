import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { ImportWizard } from '../../components/ImportWizard';
import { t } from '../../i18n';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';

type Kind = '镇' | '乡' | '街道';
type GeoPreview = Out<Contract['geo.importPreview']>;

export function GeoPanel({ editable }: { editable: boolean }) {
  const q = useCall('geo.list', {}, true, ['geo']);
  const [newTownship, setNewTownship] = useState('');
  const [village, setVillage] = useState<{ townshipId: string | null; name: string }>({ townshipId: null, name: '' });
  const [importing, setImporting] = useState(false);
  const [renaming, setRenaming] = useState<{ kind: 'township' | 'village'; id: number; townshipId: number; name: string } | null>(null);
  const { busy, run } = useAction();
  const kindOf = (name: string): Kind => (name.endsWith('街道') ? '街道' : name.endsWith('乡') ? '乡' : '镇');

  const addTownship = async () => {
    const name = newTownship.trim();
    if (await run(() => call('geo.saveTownship', { name, kind: kindOf(name), sort: (q.data?.length ?? 0) + 1 }), { ok: t('已添加') })) {
      setNewTownship('');
      q.reload();
    }
  };
  const addVillage = async () => {
    const name = village.name.trim();
    if (await run(() => call('geo.saveVillage', { townshipId: Number(village.townshipId), name, kind: name.endsWith('社区') ? '社区' : '村' }), { ok: t('已添加') })) {
      setVillage((v) => ({ ...v, name: '' }));
      q.reload();
    }
  };
  const rename = async () => {
    if (!renaming) return;
    const ok =
      renaming.kind === 'township'
        ? await run(() => call('geo.saveTownship', { id: renaming.id, name: renaming.name, kind: kindOf(renaming.name) }), { ok: t('已保存') })
        : await run(() => call('geo.saveVillage', { id: renaming.id, townshipId: renaming.townshipId, name: renaming.name }), { ok: t('已保存') });
    if (ok) {
      setRenaming(null);
      q.reload();
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={5}>{t('乡镇（街道）与村（社区）')}</Title>
          {editable && (
            <Button variant="light" onClick={() => setImporting(true)}>
              {t('从文件导入')}
            </Button>
          )}
        </Group>
        <Loading error={q.error} loading={q.loading && !q.data} />
        {editable && (
          <Group align="end">
            <TextInput label={t('新增乡镇')} value={newTownship} onChange={(e) => setNewTownship(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && addTownship()} />
            <Button onClick={addTownship} loading={busy} disabled={!newTownship.trim()}>
              {t('添加乡镇')}
            </Button>
            <Select
              label={t('所属乡镇')}
              data={(q.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
              value={village.townshipId}
              onChange={(v) => setVillage((s) => ({ ...s, townshipId: v }))}
              searchable
            />
            <TextInput label={t('新增村（社区）')} value={village.name} onChange={(e) => setVillage((s) => ({ ...s, name: e.currentTarget.value }))} onKeyDown={(e) => e.key === 'Enter' && addVillage()} />
            <Button onClick={addVillage} loading={busy} disabled={!village.townshipId || !village.name.trim()}>
              {t('添加村')}
            </Button>
          </Group>
        )}
        {q.data?.map((tw) => (
          <div key={tw.id}>
            <Group gap={6}>
              <Text fw={600} style={{ cursor: editable ? 'pointer' : undefined }} onClick={() => editable && setRenaming({ kind: 'township', id: tw.id, townshipId: tw.id, name: tw.name })}>
                {tw.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t('{n} 个村（社区）', { n: tw.villages.length })}
              </Text>
            </Group>
            <Group gap={4} mt={4}>
              {tw.villages.map((v) => (
                <Badge key={v.id} variant="light" style={{ cursor: editable ? 'pointer' : undefined }} onClick={() => editable && setRenaming({ kind: 'village', id: v.id, townshipId: tw.id, name: v.name })}>
                  {v.name}
                </Badge>
              ))}
            </Group>
          </div>
        ))}
      </Stack>
      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title={t('改名')}>
        <Stack>
          <TextInput autoFocus value={renaming?.name ?? ''} onChange={(e) => renaming && setRenaming({ ...renaming, name: e.currentTarget.value })} onKeyDown={(e) => e.key === 'Enter' && rename()} />
          <Button onClick={rename} loading={busy}>
            {t('保存')}
          </Button>
        </Stack>
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('导入乡镇村')} size="xl">
        <ImportWizard<GeoPreview['rows'][number], GeoPreview>
          columns={[
            { title: t('乡镇'), render: (r) => r.township },
            { title: t('村（社区）'), render: (r) => r.village },
            { title: t('结果'), render: (r) => (r.status === 'new' ? t('新增') : r.status === 'exists' ? t('已存在') : '') },
          ]}
          summary={(p) => <Text size="sm">{t('新增乡镇 {t} 个、村 {v} 个', { t: p.newTownships, v: p.newVillages })}</Text>}
          preview={(u) => call('geo.importPreview', u)}
          commit={(u) => call('geo.importCommit', u)}
          onDone={() => {
            setImporting(false);
            q.reload();
          }}
        />
      </Modal>
    </Paper>
  );
}
