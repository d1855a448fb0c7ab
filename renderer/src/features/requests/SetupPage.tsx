import { useEffect, useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, Stack, Switch, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { useSession } from '../../app/session';
import { t } from '../../i18n';
import { useSetup, type Catalog } from './common';
import { PricesPanel, RulesPanel } from './PricesPanel';

type Link = Catalog['links'][number];
type Crop = Catalog['crops'][number];

function LinkForm({ link, onDone }: { link: Link | null; onDone(): void }) {
  const form = useForm({ initialValues: { name: link?.name ?? '', sort: link?.sort ?? 10, core: link?.core ?? false, active: link?.active ?? true } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (await run(() => call('serviceCatalog.saveLink', { ...(link ? { id: link.id, version: link.version } : {}), ...v }), { ok: t('已保存'), setErrors: form.setErrors })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('环节名称')} required data-autofocus {...form.getInputProps('name')} />
        <NumberInput label={t('排序')} {...form.getInputProps('sort')} />
        <Switch label={t('全程托管必含环节')} {...form.getInputProps('core', { type: 'checkbox' })} />
        <Switch label={t('在用')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

function CropForm({ crop, links, onDone }: { crop: Crop | null; links: Link[]; onDone(): void }) {
  const form = useForm({ initialValues: { name: crop?.name ?? '', sort: crop?.sort ?? 10, links: (crop?.links ?? []).map(String), active: crop?.active ?? true } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (await run(() => call('serviceCatalog.saveCrop', { ...(crop ? { id: crop.id, version: crop.version } : {}), ...v, links: v.links.map(Number) }), { ok: t('已保存'), setErrors: form.setErrors })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('作物名称')} required data-autofocus {...form.getInputProps('name')} />
        <NumberInput label={t('排序')} {...form.getInputProps('sort')} />
        <Checkbox.Group label={t('该作物提供的环节')} {...form.getInputProps('links')}>
          <Group mt={6}>
            {links.map((l) => (
              <Checkbox key={l.id} value={String(l.id)} label={l.name} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch label={t('在用')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

/** The editable lists behind intake: production links and crops with the links each crop offers. */
function CatalogPanel({ editable }: { editable: boolean }) {
  const setup = useSetup();
  const [link, setLink] = useState<Link | 'new' | null>(null);
  const [crop, setCrop] = useState<Crop | 'new' | null>(null);
  const done = () => {
    setLink(null);
    setCrop(null);
    setup.catalog.reload();
  };
  return (
    <Stack gap="md">
      <Loading error={setup.catalog.error} loading={setup.catalog.loading && !setup.catalog.data} />
      <Group align="center">
        <Title order={6}>{t('服务环节')}</Title>
        {setup.links.map((l) => (
          <Badge key={l.id} size="lg" variant={l.core ? 'filled' : 'light'} color={l.active ? 'teal' : 'gray'} style={{ cursor: editable ? 'pointer' : undefined }} onClick={() => editable && setLink(l)}>
            {l.name}
          </Badge>
        ))}
        {editable && (
          <Button size="xs" variant="light" onClick={() => setLink('new')}>
            {t('新增环节')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('深色为全程托管必含环节（耕、种、防、收）。1 个环节在 1 亩地上作业 1 次计 1 亩次。')}
      </Text>
      <Table striped fz="sm" data-testid="crops">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('作物')}</Table.Th>
            <Table.Th>{t('提供的环节')}</Table.Th>
            <Table.Th>{t('状态')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {setup.crops.map((c) => (
            <Table.Tr key={c.id} style={{ cursor: editable ? 'pointer' : undefined }} onClick={() => editable && setCrop(c)}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.links.map(setup.linkName).join('、')}</Table.Td>
              <Table.Td>{c.active ? t('在用') : t('停用')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && (
        <Group>
          <Button size="xs" variant="light" onClick={() => setCrop('new')}>
            {t('新增作物')}
          </Button>
        </Group>
      )}
      <Modal opened={link !== null} onClose={() => setLink(null)} title={link === 'new' ? t('新增环节') : t('编辑环节')}>
        {link !== null && <LinkForm link={link === 'new' ? null : link} onDone={done} />}
      </Modal>
      <Modal opened={crop !== null} onClose={() => setCrop(null)} title={crop === 'new' ? t('新增作物') : t('编辑作物')}>
        {crop !== null && <CropForm crop={crop === 'new' ? null : crop} links={setup.links} onDone={done} />}
      </Modal>
    </Stack>
  );
}

function SettingsPanel({ editable }: { editable: boolean }) {
  const setup = useSetup();
  const [days, setDays] = useState<number | string>(3);
  const { busy, run } = useAction();
  useEffect(() => {
    if (setup.catalog.data) setDays(setup.catalog.data.settings.startOverdueDays);
  }, [setup.catalog.data]);
  return (
    <Paper withBorder p="md" maw={520}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          await run(() => call('serviceCatalog.saveSettings', { startOverdueDays: Number(days) }), { ok: t('已保存') });
        }}
      >
        <Stack gap="sm">
          <NumberInput label={t('派单后开始服务期限（天）')} description={t('派单后超过这些天仍未开始服务的申请标为逾期；超过期望结束日期仍未办结的也标为逾期。')} min={1} max={60} disabled={!editable} value={days} onChange={setDays} />
          {editable && (
            <Button type="submit" loading={busy} w={120}>
              {t('保存')}
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

export function SetupPage() {
  const { can } = useSession();
  return (
    <Page title={t('价目与补助')}>
      <Tabs defaultValue="prices" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="prices">{t('价目表')}</Tabs.Tab>
          <Tabs.Tab value="rules">{t('补助规则')}</Tabs.Tab>
          <Tabs.Tab value="catalog">{t('服务环节与作物')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('逾期设置')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="prices" pt="md">
          <PricesPanel editable={can('servicePrices.save')} />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RulesPanel editable={can('subsidyRules.save')} />
        </Tabs.Panel>
        <Tabs.Panel value="catalog" pt="md">
          <CatalogPanel editable={can('serviceCatalog.saveCrop')} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <SettingsPanel editable={can('serviceCatalog.saveSettings')} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
