import { useSyncExternalStore } from 'react';
import { call } from './client';
import { AppError } from '../../../shared/errors';

/**
 * Live refresh across desks by polling a cheap change counter ('sync.changes'). Views name the topics
 * they show (a method's prefix, e.g. 'requests'); when another desk writes one, they reload.
 * The same poll tells whether the host can be reached, for the connection banner.
 */
const versions = new Map<string, number>();
let everything = 0;
let seq = -1;
let connection: { ok: boolean; message: string } = { ok: true, message: '' };
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

async function poll(): Promise<void> {
  try {
    const r = await call('sync.changes', { since: seq });
    if (seq >= 0) {
      for (const topic of r.topics) {
        if (topic === '*') everything += 1;
        else versions.set(topic, (versions.get(topic) ?? 0) + 1);
      }
    }
    seq = r.seq;
    if (!connection.ok || r.topics.length) {
      connection = { ok: true, message: '' };
      emit();
    }
  } catch (e) {
    const err = e instanceof AppError ? e : null;
    if (err && (err.code === 'HOST_UNREACHABLE' || err.code === 'CERT_CHANGED')) {
      connection = { ok: false, message: err.message };
      emit();
    }
  }
}

/** Starts polling while the shell is shown; returns the stop function. */
export function startLiveSync(intervalMs = 2000): () => void {
  seq = -1;
  void poll();
  const timer = setInterval(() => void poll(), intervalMs);
  return () => clearInterval(timer);
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** A number that changes whenever another desk writes one of `topics`. */
export function useLive(topics: readonly string[] | undefined): number {
  return useSyncExternalStore(subscribe, () => (topics ?? []).reduce((n, t) => n + (versions.get(t) ?? 0), topics ? everything : 0));
}

export function useConnection(): { ok: boolean; message: string } {
  return useSyncExternalStore(subscribe, () => connection);
}
