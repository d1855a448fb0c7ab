import { useState } from 'react';
import { Button, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { DataList } from '../../components/DataList';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { formatFen } from '../../../../shared/money';
import { EVENT_KIND_VALUES } from '../../../../shared/contract/matchingFields';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import { t } from '../../i18n';
import { today } from './common';

export type MatchEvent = Out<Contract['matchEvents.get']>['event'];
const PAGE = 50;

export function EventForm({ event, onDone }: { event?: MatchEvent; onDone(e: MatchEvent): void }) {
  const geo = useCall('geo.list', {});
  const form = useForm({
    initialValues: {
      name: event?.name ?? '',
      kind: event?.kind ?? ('产销对接活动' as MatchEvent['kind']),
      date: event?.date ?? today(),
      townshipId: event?.townshipId ? String(event.townshipId) : (null as string | null),
      place: event?.place ?? '',
      organiser: event?.organiser ?? '',
      notes: event?.notes ?? '',
    },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const saved = await run(() => call('matchEvents.save', { ...v, townshipId: v.townshipId ? Number(v.townshipId) : null, ...(event ? { id: event.id, version: event.version } : {}) }), {
      ok: t('已保存'),
      setErrors: form.setErrors,
    });
    if (saved) onDone(saved);
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('活动名称')} required autoFocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <Select label={t('活动类型')} allowDeselect={false} data={EVENT_KIND_VALUES.map((k) => ({ value: k, label: t(k) }))} {...form.getInputProps('kind')} />
          <TextInput type="date" label={t('活动日期')} required {...form.getInputProps('date')} />
          <Select label={t('乡镇')} clearable searchable data={(geo.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))} {...form.getInputProps('townshipId')} />
          <TextInput label={t('地点')} {...form.getInputProps('place')} />
        </SimpleGrid>
        <TextInput label={t('主办单位')} {...form.getInputProps('organiser')} />
        <Textarea label={t('备注')} autosize minRows={1} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

export function EventsPage() {
  const { can } = useSession();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 200);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useCall('matchEvents.list', { q, offset: (page - 1) * PAGE, limit: PAGE }, true, ['matchEvents', 'deals']);
  return (
    <Page title={t('产销对接活动')} actions={can('matchEvents.save') && <Button onClick={() => setCreating(true)}>{t('新建活动')}</Button>}>
      <TextInput w={260} leftSection={<IconSearch size={14} />} aria-label={t('搜索活动')} placeholder={t('活动名称、地点或主办单位')} value={text} onChange={(e) => (setText(e.currentTarget.value), setPage(1))} />
      <Loading error={list.error} loading={false} />
      <DataList<MatchEvent>
        records={list.data?.rows}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE}
        onPage={setPage}
        fetching={list.loading}
        onRowClick={(e) => navigate(`/matching/events/${e.id}`)}
        columns={[
          { accessor: 'date', title: t('日期') },
          { accessor: 'name', title: t('活动名称') },
          { accessor: 'kind', title: t('类型'), render: (e) => t(e.kind) },
          { accessor: 'place', title: t('地点'), render: (e) => [e.township, e.place].filter(Boolean).join(' ') },
          { accessor: 'participants', title: t('参与方'), textAlign: 'right' },
          { accessor: 'deals', title: t('签约笔数'), textAlign: 'right' },
          { accessor: 'valueFen', title: t('签约金额（元）'), textAlign: 'right', render: (e) => formatFen(e.valueFen) },
        ]}
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('新建活动')} size="lg">
        <EventForm
          onDone={(e) => {
            setCreating(false);
            navigate(`/matching/events/${e.id}`);
          }}
        />
      </Modal>
    </Page>
  );
}
