import crypto from 'node:crypto';
import https from 'node:https';
import tls from 'node:tls';
import { AppError, isErrorPayload } from '../../shared/errors';
import type { CallResult } from '../api/router';

export interface HostIdentity {
  url: string;
  fingerprint: string;
  certPem: string;
  subject: string;
}

/** "192.168.1.10" or "https://192.168.1.10:5731/" -> "https://192.168.1.10:5731". */
export function normalizeHostUrl(input: string): string {
  const raw = input.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new AppError('VALIDATION', `主机地址“${input}”格式不正确，应为 192.168.1.10:5731`, { url: '地址格式不正确' });
  }
  if (u.protocol !== 'https:') throw new AppError('VALIDATION', '主机地址必须使用 https', { url: '必须使用 https' });
  return `https://${u.hostname}:${u.port || '5731'}`;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ESOCKETTIMEDOUT']);

function unreachable(url: string, e: NodeJS.ErrnoException): AppError {
  return new AppError('HOST_UNREACHABLE', `无法连接主机 ${url}（${e.code ?? e.message}）。本次操作没有保存，请确认主机已开机并在运行为农服务台。`);
}

function certChanged(url: string): AppError {
  return new AppError(
    'CERT_CHANGED',
    `主机 ${url} 出示的证书与首次连接时记录的不同（指纹不符），已拒绝连接。可能是主机重新生成了证书，也可能有人冒充主机：请向管理员核对主机“多机协同”页显示的指纹，再重新连接。`,
  );
}

/** Reads the host's certificate without trusting it yet: what the user compares on first connection. */
export function probeHost(url: string, timeoutMs = 5000): Promise<HostIdentity> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: u.hostname, port: Number(u.port), rejectUnauthorized: false, servername: isIpLiteral(u.hostname) ? undefined : u.hostname, timeout: timeoutMs }, () => {
      const cert = socket.getPeerCertificate(true);
      socket.end();
      if (!cert?.raw) return reject(new AppError('HOST_UNREACHABLE', `主机 ${url} 没有出示证书`));
      const certPem = `-----BEGIN CERTIFICATE-----\n${cert.raw.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
      resolve({ url, fingerprint: new crypto.X509Certificate(certPem).fingerprint256, certPem, subject: String(cert.subject?.CN ?? '') });
    });
    socket.on('timeout', () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.on('error', (e: NodeJS.ErrnoException) => reject(unreachable(url, e)));
  });
}

function isIpLiteral(hostname: string): boolean {
  return /^[\d.]+$/.test(hostname) || hostname.includes(':');
}

/**
 * One desk's link to the host: HTTPS pinned to the certificate trusted on first connection (chain
 * checked against exactly that certificate, then its fingerprint compared), and the host's session
 * cookie kept here rather than in the renderer.
 */
export class RemoteHost {
  private cookie = '';
  private readonly agent: https.Agent;

  constructor(private readonly id: HostIdentity) {
    this.agent = new https.Agent({
      keepAlive: true,
      ca: id.certPem,
      rejectUnauthorized: true,
      checkServerIdentity: (_host, cert) => (cert.fingerprint256 === id.fingerprint ? undefined : certChanged(id.url)),
    });
  }

  get url(): string {
    return this.id.url;
  }

  get fingerprint(): string {
    return this.id.fingerprint;
  }

  call(method: string, input: unknown, timeoutMs = 30_000): Promise<CallResult> {
    const body = Buffer.from(JSON.stringify(input ?? {}));
    const u = new URL(`/api/${encodeURIComponent(method)}`, this.id.url);
    return new Promise((resolve) => {
      const req = https.request(
        u,
        {
          method: 'POST',
          agent: this.agent,
          timeout: timeoutMs,
          headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, Origin: this.id.url, ...(this.cookie ? { Cookie: this.cookie } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            for (const c of res.headers['set-cookie'] ?? []) {
              const pair = c.split(';')[0]!;
              this.cookie = /Max-Age=0/i.test(c) ? '' : pair;
            }
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CallResult;
              if (parsed.ok || isErrorPayload(parsed.error)) return resolve(parsed);
            } catch {
              // fall through to the generic answer
            }
            resolve({ ok: false, error: { code: 'INTERNAL', message: `主机返回了无法识别的响应（HTTP ${res.statusCode}）` } });
          });
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', (e: NodeJS.ErrnoException & { reason?: string }) => {
        const err = e instanceof AppError ? e : UNREACHABLE.has(e.code ?? '') ? unreachable(this.id.url, e) : e.code?.startsWith('ERR_TLS') || /certificate|self[- ]signed|CERT/i.test(`${e.code} ${e.message}`) ? certChanged(this.id.url) : unreachable(this.id.url, e);
        resolve({ ok: false, error: err.toPayload() });
      });
      req.end(body);
    });
  }

  forgetSession(): void {
    this.cookie = '';
  }

  close(): void {
    this.agent.destroy();
  }
}
