import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface HostCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, "AB:CD:…", what clients pin and users compare. */
  fingerprint: string;
}

export function fingerprintOf(certPem: string): string {
  return new crypto.X509Certificate(certPem).fingerprint256;
}

export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => Boolean(a) && a!.family === 'IPv4')
    .map((a) => a.address);
}

/**
 * The host's own certificate, made once on first use and kept in the data folder so that its
 * fingerprint stays the same across restarts (clients pin it; a new one would alarm them).
 */
export async function ensureHostCertificate(dataDir: string, centreName: string): Promise<HostCertificate> {
  const dir = path.join(dataDir, 'host');
  const keyFile = path.join(dir, 'host-key.pem');
  const certFile = path.join(dir, 'host-cert.pem');
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    const cert = fs.readFileSync(certFile, 'utf8');
    return { key: fs.readFileSync(keyFile, 'utf8'), cert, fingerprint: fingerprintOf(cert) };
  }
  const ips = [...new Set(['127.0.0.1', ...lanAddresses()])];
  const pems = await generate([{ name: 'commonName', value: `weinong-host ${centreName}`.slice(0, 64) }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 20 * 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 2, value: os.hostname() }, ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert) };
}
