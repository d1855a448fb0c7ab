import { useCallback, useEffect, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { Contract, MethodName } from '../../../shared/contract';
import type { In, Out } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import { call } from './client';
import { t } from '../i18n';
import { useLive } from './live';

export interface Query<T> {
  data: T | undefined;
  error: AppError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Loads a method's result and reloads when `input` changes (compared by JSON) or, with `live`, when
 * another desk writes one of those topics (e.g. ['requests']).
 */
export function useCall<M extends MethodName>(method: M, input: In<Contract[M]>, enabled = true, live?: readonly string[]): Query<Out<Contract[M]>> {
  const liveVersion = useLive(live);
  const [data, setData] = useState<Out<Contract[M]>>();
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  const seq = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    setLoading(true);
    call(method, JSON.parse(key) as In<Contract[M]>).then(
      (d) => {
        if (mine !== seq.current) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof AppError ? e : new AppError('INTERNAL', String(e)));
        setLoading(false);
      },
    );
  }, [method, key, tick, enabled, liveVersion]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

/** Shows a refusal as a notification; returns the error so forms can place field messages. */
export function notifyError(e: unknown): AppError {
  const err = e instanceof AppError ? e : new AppError('INTERNAL', String(e));
  notifications.show({ color: 'red', title: t('操作未完成'), message: err.message, autoClose: 8000 });
  return err;
}

function notifyConflict(err: AppError, reload?: () => void): AppError {
  notifications.show({
    color: 'orange',
    title: t('已被他人修改'),
    message: reload ? `${err.message}。${t('已重新加载最新内容，请核对后再保存。')}` : err.message,
    autoClose: 10_000,
  });
  reload?.();
  return err;
}

export function notifyOk(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

export interface ActionOptions {
  ok?: string;
  setErrors?: (f: Record<string, string>) => void;
  /** Reloads the record after someone else changed it, so the user sees their version before retrying. */
  reload?: () => void;
}

/** Runs a write with a busy flag; field errors go to the form, the message to a notification. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T,>(fn: () => Promise<T>, opts: ActionOptions = {}): Promise<T | undefined> => {
    setBusy(true);
    try {
      const r = await fn();
      if (opts.ok) notifyOk(opts.ok);
      return r;
    } catch (e) {
      const err = e instanceof AppError && e.code === 'CONFLICT' ? notifyConflict(e, opts.reload) : notifyError(e);
      if (err.fields && opts.setErrors) opts.setErrors(err.fields);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
