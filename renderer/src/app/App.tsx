import { useCallback, useEffect, useMemo, useState } from 'react';
import { Center, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { call, onUnauthenticated } from '../api/client';
import { SessionContext, type Me, type SessionValue } from './session';
import { Shell } from './Shell';
import { SetupPage } from '../features/system/SetupPage';
import { LoginPage } from '../features/system/LoginPage';
import { RecoveryPage } from '../features/system/RecoveryPage';
import { ConnectPage } from '../features/system/ConnectPage';
import { ChangePasswordForm } from '../features/system/ChangePasswordForm';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';
import { t, useLang } from '../i18n';

type Status = Out<Contract['setup.status']>;

export function App() {
  useLang();
  const [status, setStatus] = useState<Status | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const [bootError, setBootError] = useState<string | null>(null);

  const boot = useCallback(async () => {
    try {
      const s = await call('setup.status', {});
      setStatus(s);
      const offline = s.recovery || s.needsSetup || (s.client && !s.client.connected);
      setMe(offline ? { user: null, allowed: [] } : await call('auth.me', {}));
    } catch (e) {
      setBootError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void boot();
    return onUnauthenticated(() => {
      setNotice(t('登录已过期，请重新登录'));
      setMe({ user: null, allowed: [] });
    });
  }, [boot]);

  const session = useMemo<SessionValue | null>(() => {
    if (!me?.user) return null;
    const allowed = new Set(me.allowed);
    return { user: me.user, can: (m) => allowed.has(m), setMe };
  }, [me]);

  if (bootError)
    return (
      <Container size={480} py={80}>
        <Paper withBorder p="lg">
          <Title order={4}>{t('无法连接到服务程序')}</Title>
          <Text mt="sm">{bootError}</Text>
        </Paper>
      </Container>
    );
  if (!status || !me)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (status.client && !status.client.connected) return <ConnectPage client={status.client} onConnected={boot} />;
  if (status.recovery) return <RecoveryPage reason={status.recovery.reason} latestBackup={status.recovery.latestBackup} onRestored={boot} />;
  if (status.needsSetup)
    return (
      <SetupPage
        onDone={(m) => {
          setMe(m);
          void call('setup.status', {}).then(setStatus);
        }}
      />
    );
  if (!session)
    return (
      <LoginPage
        centreName={status.centreName}
        notice={notice}
        onDone={(m) => {
          setNotice(undefined);
          setMe(m);
        }}
      />
    );
  if (session.user.mustChangePassword)
    return (
      <Container size={420} py={80}>
        <Paper withBorder p="lg">
          <Stack>
            <Title order={4}>{t('请先修改初始密码')}</Title>
            <ChangePasswordForm onDone={() => void call('auth.me', {}).then(setMe)} />
          </Stack>
        </Paper>
      </Container>
    );
  return (
    <SessionContext.Provider value={session}>
      <Shell
        centreName={status.centreName}
        onLogout={async () => {
          await call('auth.logout', {}).catch(() => undefined);
          setMe({ user: null, allowed: [] });
        }}
        onDataReplaced={() => void boot()}
      />
    </SessionContext.Provider>
  );
}
