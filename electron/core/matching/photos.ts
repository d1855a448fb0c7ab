import { eq, asc } from 'drizzle-orm';
import type { Store, Actor } from '../db/store';
import { listingPhotos, listings } from './schema';
import { AppError, fieldError } from '../../../shared/errors';
import { putBlob, getBlob } from '../files/blobs';

const MIME: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const MAX_BYTES = 3 * 1024 * 1024;
const MAX_PHOTOS = 6;

/** Image signatures, so a renamed document is not stored as a photo. */
function looksLike(mime: string, b: Buffer): boolean {
  if (mime === 'image/jpeg') return b[0] === 0xff && b[1] === 0xd8;
  if (mime === 'image/png') return b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP';
}

export function addPhoto(store: Store, actor: Actor, input: { listingId: number; name: string; base64: string }): void {
  const mime = MIME[input.name.split('.').pop()?.toLowerCase() ?? ''];
  if (!mime) throw fieldError('file', '照片须为 JPG、PNG 或 WEBP 格式');
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw fieldError('file', '文件是空的');
  if (bytes.length > MAX_BYTES) throw fieldError('file', '照片不能超过 3 MB，请压缩后再上传');
  if (!looksLike(mime, bytes)) throw fieldError('file', `“${input.name}”不是有效的图片文件`);
  store.write(actor, 'listings.addPhoto', (audit) => {
    if (!store.db.select().from(listings).where(eq(listings.id, input.listingId)).get()) throw new AppError('NOT_FOUND', `挂牌 #${input.listingId} 不存在`);
    const n = store.sqlite.prepare('SELECT count(*) FROM listing_photos WHERE listing_id = ?').pluck().get(input.listingId) as number;
    if (n >= MAX_PHOTOS) throw new AppError('REFUSED', `每条挂牌最多 ${MAX_PHOTOS} 张照片`);
    const blob = putBlob(store, bytes);
    const row = store.db.insert(listingPhotos).values({ listingId: input.listingId, name: input.name, mime, ...blob, createdAt: store.now() }).returning({ id: listingPhotos.id }).get();
    audit.record({ entity: 'listing', ids: [input.listingId], summary: { photo: row.id, name: input.name, bytes: bytes.length } });
  });
}

export function listPhotos(store: Store, listingId: number): { id: number; name: string }[] {
  return store.db.select({ id: listingPhotos.id, name: listingPhotos.name }).from(listingPhotos).where(eq(listingPhotos.listingId, listingId)).orderBy(asc(listingPhotos.id)).all();
}

export function getPhoto(store: Store, id: number): { name: string; mime: string; base64: string } {
  const p = store.db.select().from(listingPhotos).where(eq(listingPhotos.id, id)).get();
  if (!p) throw new AppError('NOT_FOUND', '照片不存在');
  return { name: p.name, mime: p.mime, base64: getBlob(store, p.sha256, p.name).toString('base64') };
}

export function removePhoto(store: Store, actor: Actor, id: number): void {
  store.write(actor, 'listings.removePhoto', (audit) => {
    const p = store.db.select({ listingId: listingPhotos.listingId, name: listingPhotos.name }).from(listingPhotos).where(eq(listingPhotos.id, id)).get();
    if (!p) throw new AppError('NOT_FOUND', '照片不存在');
    store.db.delete(listingPhotos).where(eq(listingPhotos.id, id)).run();
    audit.record({ entity: 'listing', ids: [p.listingId], summary: { removedPhoto: id, name: p.name } });
  });
}
