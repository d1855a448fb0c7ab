import crypto from 'node:crypto';
import type { Store } from '../db/store';
import { AppError } from '../../../shared/errors';

export function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Stores content once by its SHA-256; call inside the store.write that records what refers to it. */
export function putBlob(store: Store, bytes: Buffer): { sha256: string; size: number } {
  const hash = sha256(bytes);
  store.sqlite.prepare('INSERT OR IGNORE INTO file_blobs (sha256, size, bytes, created_at) VALUES (?, ?, ?, ?)').run(hash, bytes.length, bytes, store.now());
  return { sha256: hash, size: bytes.length };
}

/** Reads content back and checks it still matches the checksum it was stored under. */
export function getBlob(store: Store, hash: string, name: string): Buffer {
  const row = store.sqlite.prepare('SELECT bytes FROM file_blobs WHERE sha256 = ?').get(hash) as { bytes: Buffer } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `附件“${name}”的内容不在数据库中`);
  if (sha256(row.bytes) !== hash) throw new AppError('REFUSED', `附件“${name}”的校验值与上传时不符，内容可能已损坏`);
  return row.bytes;
}
