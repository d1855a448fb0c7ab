import { sqliteTable, integer, text, blob } from 'drizzle-orm/sqlite-core';

/**
 * Attachments (evidence, scans) live inside the database, one row per distinct content, so that every
 * backup and restore carries them and a write that refers to one commits together with it.
 */
export const fileBlobs = sqliteTable('file_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
});
