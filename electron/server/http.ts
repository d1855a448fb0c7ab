import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Door } from '../api/router';
import type { Backend } from '../api/backend';
import type { Session } from '../core/auth/sessions';
import type { ErrorCode, ErrorPayload } from '../../shared/errors';
import { CSP } from '../../shared/csp';
import { RateLimiter } from './ratelimit';

export const COOKIE = 'wn_session';
const MAX_BODY = 64 * 1024 * 1024;

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  BAD_ORIGIN: 403,
  ACCOUNT_LOCKED: 423,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  CERT_CHANGED: 502,
  HOST_UNREACHABLE: 502,
  DUPLICATE: 409,
  SETUP_DONE: 409,
  RATE_LIMITED: 429,
  RECOVERY_MODE: 503,
  INTERNAL: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export interface ServerOptions {
  backend: Backend;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  host?: string;
  port?: number;
  tls?: { key: string; cert: string };
  /** Extra hosts (LAN address) whose Origin is accepted besides loopback. */
  allowedHosts?: string[];
  /** Login attempts allowed per client address per minute. */
  loginsPerMinute?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

function readCookie(req: http.IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length, 'Cache-Control': 'no-store' });
  res.end(data);
}

function fail(res: http.ServerResponse, error: ErrorPayload): void {
  sendJson(res, STATUS[error.code] ?? 400, { ok: false, error });
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * A POST must come from a page this server served: the Origin must name the same host as the Host
 * header, and that host must be loopback or a configured LAN address (which also blocks DNS
 * rebinding). Together with SameSite=Strict and the JSON content type this stops cross-site requests.
 */
function originAllowed(req: http.IncomingMessage, scheme: string, allowedHosts: Set<string>): boolean {
  const host = req.headers.host;
  const origin = req.headers.origin;
  if (!host || !origin) return false;
  if (origin !== `${scheme}://${host}`) return false;
  const hostname = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return allowedHosts.has(hostname);
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  const clean = path.normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
  let file = path.join(staticDir, clean);
  if (!file.startsWith(staticDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(staticDir, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('界面文件缺失：请先运行 npm run build');
    return;
  }
  const ext = path.extname(file);
  const immutable = clean.startsWith(`${path.sep}assets${path.sep}`);
  res.writeHead(200, { 'Content-Type': MIME[ext] ?? 'application/octet-stream', 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  fs.createReadStream(file).pipe(res);
}

export function createHandler(opts: ServerOptions): http.RequestListener {
  const scheme = opts.tls ? 'https' : 'http';
  const allowed = new Set(['127.0.0.1', 'localhost', '::1', ...(opts.allowedHosts ?? [])]);
  const staticDir = path.resolve(opts.staticDir);
  const logins = new RateLimiter(opts.loginsPerMinute ?? 20, 60_000);
  return (req, res) => {
    securityHeaders(res);
    const url = req.url ?? '/';
    if (!url.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, { code: 'UNKNOWN_METHOD', message: '不支持的请求' });
      return serveStatic(staticDir, url, res);
    }
    const method = decodeURIComponent(url.slice('/api/'.length).split('?')[0] ?? '');
    if (req.method !== 'POST') return fail(res, { code: 'UNKNOWN_METHOD', message: '接口只接受 POST 请求' });
    if (!originAllowed(req, scheme, allowed)) return fail(res, { code: 'BAD_ORIGIN', message: '请求来源不被允许' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return fail(res, { code: 'VALIDATION', message: '请求格式应为 JSON' });
    if (method === 'auth.login' && !logins.allow(req.socket.remoteAddress ?? '')) {
      return fail(res, { code: 'RATE_LIMITED', message: '登录尝试过于频繁，请一分钟后再试' });
    }
    readBody(req).then(
      async (body) => {
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return fail(res, { code: 'VALIDATION', message: '请求内容不是有效的 JSON' });
        }
        const token = readCookie(req, COOKIE);
        const cookies: string[] = [];
        const secure = opts.tls ? '; Secure' : '';
        const door: Door = {
          kind: 'http',
          origin: req.socket.remoteAddress ?? '',
          setSession: (s: Session) => cookies.push(`${COOKIE}=${s.token}; HttpOnly; SameSite=Strict; Path=/${secure}`),
          clearSession: () => cookies.push(`${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure}`),
        };
        const result = await opts.backend.call(method, input, token, door);
        if (cookies.length) res.setHeader('Set-Cookie', cookies);
        if (result.ok) sendJson(res, 200, result);
        else fail(res, result.error);
      },
      () => fail(res, { code: 'VALIDATION', message: '请求内容过大或传输中断' }),
    );
  };
}

export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const handler = createHandler(opts);
  const server = opts.tls ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, handler) : http.createServer(handler);
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `${opts.tls ? 'https' : 'http'}://${shown}:${port}`,
        port,
        server,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
