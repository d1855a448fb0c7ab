import { useEffect, useMemo, useState } from 'react';
import { Badge, Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { call } from '../api/client';
import { navigate } from './router';
import { t } from '../i18n';
import type { RouteDef } from '../features/types';

interface Hit {
  key: string;
  kindLabel: string;
  title: string;
  subtitle: string;
  route: string;
}

/**
 * Ctrl+K: one box for pages and records. Pages match locally by title; records come from the
 * search.global method, which each capability extends on the server.
 */
export function SearchModal({ routes }: { routes: RouteDef[] }) {
  const [opened, setOpened] = useState(false);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 120);
  const [remote, setRemote] = useState<Hit[]>([]);
  const [active, setActive] = useState(0);
  useHotkeys([['mod+K', () => setOpened(true)]], []);

  useEffect(() => {
    const onOpen = () => setOpened(true);
    window.addEventListener('wn:search', onOpen);
    return () => window.removeEventListener('wn:search', onOpen);
  }, []);

  useEffect(() => {
    if (!debounced.trim()) {
      setRemote([]);
      return;
    }
    let live = true;
    call('search.global', { q: debounced, limit: 20 }).then(
      (hits) => live && setRemote(hits.map((h) => ({ key: `${h.kind}:${h.id}`, kindLabel: h.kindLabel, title: h.title, subtitle: h.subtitle, route: h.route }))),
      () => live && setRemote([]),
    );
    return () => {
      live = false;
    };
  }, [debounced]);

  const pages = useMemo<Hit[]>(() => {
    const s = q.trim().toLowerCase();
    if (!s) return [];
    return routes
      .filter((r) => r.nav && (t(r.title).toLowerCase().includes(s) || r.title.includes(s)))
      .map((r) => ({ key: `page:${r.path}`, kindLabel: t('页面'), title: t(r.title), subtitle: '', route: r.path }));
  }, [q, routes]);

  const hits = [...pages, ...remote];
  useEffect(() => setActive(0), [q, remote.length]);

  const open = (h: Hit | undefined) => {
    if (!h) return;
    navigate(h.route);
    setOpened(false);
    setQ('');
  };

  return (
    <Modal opened={opened} onClose={() => setOpened(false)} withCloseButton={false} size="lg" padding="sm" yOffset="10vh">
      <Stack gap="xs">
        <TextInput
          autoFocus
          leftSection={<IconSearch size={16} />}
          placeholder={t('搜索姓名、拼音首字母（如 zs）、电话、证件号尾号、信用代码或页面')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, hits.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') open(hits[active]);
          }}
          data-testid="global-search-input"
        />
        {hits.map((h, i) => (
          <UnstyledButton key={h.key} onClick={() => open(h)} onMouseEnter={() => setActive(i)} p={6} style={{ borderRadius: 4, background: i === active ? 'var(--mantine-color-blue-light)' : undefined }}>
            <Group gap="xs" wrap="nowrap">
              <Badge variant="light" size="sm" w={72}>
                {h.kindLabel}
              </Badge>
              <Text size="sm" fw={500}>
                {h.title}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {h.subtitle}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
        {q.trim() && hits.length === 0 && (
          <Text size="sm" c="dimmed" p={6}>
            {t('没有找到')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> {t('选择')} · <Kbd>Enter</Kbd> {t('打开')} · <Kbd>Esc</Kbd> {t('关闭')}
        </Text>
      </Stack>
    </Modal>
  );
}
