import { useState } from 'react';
import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { MemberPicker } from '../members/MemberPicker';
import { toId, useGeoOptions, useSaveWithDuplicateCheck } from '../members/common';
import { t } from '../../i18n';

export interface PartyValue {
  kind: 'org' | 'household';
  id: number;
  name: string;
  label: string;
}

/** A buyer that is not yet in the registry, registered there as a 涉农企业 with the registry's own method. */
function QuickEnterprise({ name, onSaved }: { name: string; onSaved(p: PartyValue): void }) {
  const geo = useGeoOptions();
  const form = useForm({ initialValues: { name, creditCode: '', contactName: '', contactPhone: '', townshipId: null as string | null, address: '' } });
  const { busy, save, dialog } = useSaveWithDuplicateCheck();
  const submit = form.onSubmit(async (v) => {
    const org = await save((confirmDuplicate) => call('orgs.save', { kind: '涉农企业', ...v, townshipId: toId(v.townshipId), confirmDuplicate }), { ok: t('已登记 {name}', { name: v.name }), setErrors: form.setErrors });
    if (org) onSaved({ kind: 'org', id: org.id, name: org.name, label: org.kind });
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('登记到会员档案（主体类型：涉农企业），之后在会员档案中可补全其他信息。')}
        </Text>
        <TextInput label={t('企业名称')} required autoFocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <TextInput label={t('统一社会信用代码')} maxLength={18} {...form.getInputProps('creditCode')} />
          <Select label={t('乡镇（街道）')} clearable searchable data={geo.townships} {...form.getInputProps('townshipId')} />
          <TextInput label={t('联系人')} {...form.getInputProps('contactName')} />
          <TextInput label={t('联系电话')} {...form.getInputProps('contactPhone')} />
        </SimpleGrid>
        <TextInput label={t('地址')} {...form.getInputProps('address')} />
        <Button type="submit" loading={busy}>
          {t('登记并选用')}
        </Button>
      </Stack>
      {dialog}
    </form>
  );
}

/**
 * A listing's party from the member registry: the registry's picker (households may be quick-added
 * there), and for buyers an enterprise quick-add; once chosen, the name with a button to change it.
 */
export function PartyField(p: { label: string; value: PartyValue | null; onChange(v: PartyValue | null): void; error?: string | undefined; enterprises?: boolean; autoFocus?: boolean; exclude?: string[] }) {
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  if (p.value) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {p.label}
        </Text>
        <Group gap="xs" data-testid="party-chosen">
          <Text fw={600}>{p.value.name}</Text>
          {p.value.label && <Badge variant="light">{t(p.value.label)}</Badge>}
          <Button size="compact-xs" variant="subtle" onClick={() => p.onChange(null)}>
            {t('更换')}
          </Button>
        </Group>
        {p.error && (
          <Text size="xs" c="red">
            {p.error}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <MemberPicker
        label={p.label}
        required
        autoFocus={p.autoFocus}
        allowQuickAdd
        error={p.error}
        exclude={p.exclude}
        onSelect={(h) => p.onChange({ kind: h.kind, id: h.id, name: h.name, label: h.kind === 'org' ? h.orgKind : '农户' })}
      />
      {p.enterprises && can('orgs.save') && (
        <Group justify="flex-end">
          <Button size="compact-xs" variant="subtle" onClick={() => setAdding(true)}>
            {t('快速登记企业')}
          </Button>
        </Group>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('快速登记企业')} size="lg">
        <QuickEnterprise
          name=""
          onSaved={(v) => {
            setAdding(false);
            p.onChange(v);
          }}
        />
      </Modal>
    </Stack>
  );
}
