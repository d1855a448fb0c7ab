import type { ReactNode } from 'react';
import { Group, Stack, Title, Alert, Loader, Center } from '@mantine/core';
import type { AppError } from '../../../shared/errors';

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="md" p="md">
      <Group justify="space-between" wrap="nowrap">
        <Title order={3}>{title}</Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

/** Loading and error states for a query, so pages only render the happy path. */
export function Loading({ error, loading }: { error: AppError | null; loading: boolean }) {
  if (error) return <Alert color="red" title="加载失败">{error.message}</Alert>;
  if (loading)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  return null;
}
