import type { Contract, MethodName } from '../../../shared/contract';
import type { In, Out } from '../../../shared/contract/define';
import { AppError, isErrorPayload, type ErrorPayload } from '../../../shared/errors';

type CallResult = { ok: true; data: unknown } | { ok: false; error: ErrorPayload };

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser. */
    weinong?: { invoke(method: string, input: unknown): Promise<CallResult> };
  }
}

type Listener = (e: AppError) => void;
const unauthenticated = new Set<Listener>();

/** The shell listens so that an expired session anywhere sends the user back to the login screen. */
export function onUnauthenticated(l: Listener): () => void {
  unauthenticated.add(l);
  return () => unauthenticated.delete(l);
}

async function transport(method: string, input: unknown): Promise<CallResult> {
  if (window.weinong) return window.weinong.invoke(method, input);
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'HOST_UNREACHABLE', message: '无法连接到服务程序，请检查它是否在运行；本次操作未保存' } };
  }
  const body: unknown = await res.json().catch(() => null);
  if (body && typeof body === 'object' && 'ok' in body) return body as CallResult;
  return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的响应（HTTP ${res.status}）` } };
}

/** Calls one API method with the contract's types; throws AppError on refusal. */
export async function call<M extends MethodName>(method: M, input: In<Contract[M]>): Promise<Out<Contract[M]>> {
  const r = await transport(method, input);
  if (r.ok) return r.data as Out<Contract[M]>;
  const err = isErrorPayload(r.error) ? AppError.from(r.error) : new AppError('INTERNAL', '未知错误');
  if (err.code === 'UNAUTHENTICATED' && method !== 'auth.login') unauthenticated.forEach((l) => l(err));
  throw err;
}
