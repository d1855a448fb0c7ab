import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../api/backend';
import type { CallResult } from '../api/router';
import { contract } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { issuesToFields, type z } from '../../shared/zod';
import { APP_VERSION } from '../core/version';
import { RemoteHost, normalizeHostUrl, probeHost, type HostIdentity } from './remote';

type ClientStatus = { hostUrl: string; fingerprint: string; connected: boolean; error: string };

const ok = (data: unknown): CallResult => ({ ok: true, data });
const fail = (e: unknown): CallResult => ({ ok: false, error: (e instanceof AppError ? e : new AppError('INTERNAL', String(e))).toPayload() });

function parse<K extends 'client.probe' | 'client.connect'>(method: K, input: unknown): z.output<(typeof contract)[K]['input']> {
  const r = (contract[method].input as unknown as z.ZodType<z.output<(typeof contract)[K]["input"]>>).safeParse(input ?? {});
  if (!r.success) {
    const fields = issuesToFields(r.error.issues);
    throw new AppError('VALIDATION', Object.values(fields)[0] ?? '输入有误', fields);
  }
  return r.data;
}

/**
 * A desk in client mode keeps no database: every method goes to the host over pinned HTTPS. Only the
 * link itself (which host, which certificate) is answered here. Nothing is queued: when the host cannot
 * be reached the call fails and says so.
 */
export class ClientBackend implements Backend {
  private remote: RemoteHost | null = null;
  private lastError = '';
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'client.json');
    if (fs.existsSync(this.file)) this.remote = new RemoteHost(JSON.parse(fs.readFileSync(this.file, 'utf8')) as HostIdentity);
  }

  static configured(dataDir: string): boolean {
    return fs.existsSync(path.join(dataDir, 'client.json'));
  }

  private status(connected: boolean): ClientStatus {
    return { hostUrl: this.remote?.url ?? '', fingerprint: this.remote?.fingerprint ?? '', connected, error: connected ? '' : this.lastError };
  }

  async call(method: string, input: unknown): Promise<CallResult> {
    try {
      switch (method) {
        case 'client.status':
          return ok(this.status(this.remote !== null && (await this.reachable())));
        case 'client.probe': {
          const { url } = parse(method, input);
          const id = await probeHost(normalizeHostUrl(url));
          return ok({ url: id.url, fingerprint: id.fingerprint, subject: id.subject });
        }
        case 'client.connect': {
          const { url, fingerprint } = parse(method, input);
          const id = await probeHost(normalizeHostUrl(url));
          if (id.fingerprint !== fingerprint) throw new AppError('CERT_CHANGED', '主机证书在确认之后发生了变化，已拒绝连接。请重新读取并核对指纹。');
          this.remote?.close();
          this.remote = new RemoteHost(id);
          fs.mkdirSync(path.dirname(this.file), { recursive: true });
          fs.writeFileSync(this.file, JSON.stringify(id, null, 2));
          return ok(this.status(await this.reachable()));
        }
        case 'client.disconnect':
          this.remote?.close();
          this.remote = null;
          fs.rmSync(this.file, { force: true });
          return ok({ ok: true });
        case 'setup.status':
          return this.setupStatus();
        default:
          if (!this.remote) throw new AppError('HOST_UNREACHABLE', '尚未连接服务中心主机');
          return this.remote.call(method, input);
      }
    } catch (e) {
      return fail(e);
    }
  }

  private async reachable(): Promise<boolean> {
    if (!this.remote) return false;
    const r = await this.remote.call('setup.status', {});
    this.lastError = r.ok ? '' : r.error.message;
    return r.ok;
  }

  private async setupStatus(): Promise<CallResult> {
    const offline = { needsSetup: false, centreName: '', appVersion: APP_VERSION, mode: 'client', recovery: null };
    if (!this.remote) return ok({ ...offline, client: this.status(false) });
    const r = await this.remote.call('setup.status', {});
    this.lastError = r.ok ? '' : r.error.message;
    if (!r.ok) return ok({ ...offline, client: this.status(false) });
    return ok({ ...(r.data as object), mode: 'client', client: this.status(true) });
  }

  close(): void {
    this.remote?.close();
  }
}
