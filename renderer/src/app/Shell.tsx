import { useEffect, useMemo, useState } from 'react';
import { Alert, AppShell, Burger, Button, Group, Kbd, Menu, Modal, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconSearch } from '@tabler/icons-react';
import { SECTIONS } from '../features';
import { matchRoute, navigate, usePath } from './router';
import { useSession } from './session';
import { SearchModal } from './SearchModal';
import { startLiveSync, useConnection } from '../api/live';
import { ChangePasswordForm } from '../features/system/ChangePasswordForm';
import { ROLE_LABELS } from '../../../shared/roles';
import { setLang, t, useLang } from '../i18n';

export function Shell({ centreName, onLogout, onDataReplaced }: { centreName: string; onLogout(): void; onDataReplaced(): void }) {
  const { user, can } = useSession();
  const path = usePath();
  const lang = useLang();
  const [opened, { toggle }] = useDisclosure();
  const [pwOpen, setPwOpen] = useState(false);
  const connection = useConnection();
  useEffect(() => startLiveSync(), []);

  const sections = useMemo(
    () => SECTIONS.map((s) => ({ ...s, routes: s.routes.filter((r) => can(r.method)) })).filter((s) => s.routes.length > 0),
    [can],
  );
  const routes = sections.flatMap((s) => s.routes);
  const home = (routes.find((r) => r.home === true || (Array.isArray(r.home) && r.home.includes(user.role))) ?? routes.find((r) => r.nav))?.path ?? '/';
  const found = routes.map((r) => ({ r, params: matchRoute(r.path, path) })).find((x) => x.params !== null);
  useEffect(() => {
    if (!found && routes.length > 0) navigate(home);
  }, [found, routes.length, home]);
  const Page = found?.r.component;

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Title order={4}>{t('为农服务台')}</Title>
            <Text c="dimmed" size="sm" visibleFrom="md">
              {centreName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {sections.map((s) => s.header && <s.header key={s.key} />)}
            <Button variant="default" size="xs" leftSection={<IconSearch size={14} />} rightSection={<Kbd size="xs">Ctrl K</Kbd>} onClick={() => window.dispatchEvent(new Event('wn:search'))}>
              {t('搜索')}
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="subtle" size="xs" rightSection={<IconChevronDown size={14} />} data-testid="user-menu">
                  {user.displayName}（{t(ROLE_LABELS[user.role])}）
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setPwOpen(true)}>{t('修改密码')}</Menu.Item>
                <Menu.Item onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>{lang === 'en' ? '中文' : 'English'}</Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={onLogout}>
                  {t('退出登录')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          {sections.map((s) => (
            <NavLink key={s.key} label={t(s.label)} leftSection={<s.icon size={18} />} defaultOpened childrenOffset={20}>
              {s.routes
                .filter((r) => r.nav)
                .map((r) => (
                  <NavLink key={r.path} href={`#${r.path}`} label={t(r.title)} active={found?.r.path === r.path} />
                ))}
            </NavLink>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        {!connection.ok && (
          <Alert color="red" radius={0} title={t('与主机的连接已中断')} data-testid="connection-banner">
            {connection.message} {t('正在自动重试；连接恢复前的操作不会保存，请稍后重做。')}
          </Alert>
        )}
        {Page && found?.params && <Page params={found.params} onDataReplaced={onDataReplaced} />}
      </AppShell.Main>
      <SearchModal routes={routes} />
      <Modal opened={pwOpen} onClose={() => setPwOpen(false)} title={t('修改密码')}>
        <ChangePasswordForm onDone={() => setPwOpen(false)} />
      </Modal>
    </AppShell>
  );
}
