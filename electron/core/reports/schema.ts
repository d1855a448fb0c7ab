import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/schema';

/**
 * What was sent upward: one row per exported file, with its parameters and checksums. The file and the
 * report's content (the cells as shown, gzipped JSON) are kept in file_blobs, so the original can be
 * downloaded again and a regeneration compared cell by cell. A trigger refuses updates and deletes.
 */
export const reportExports = sqliteTable(
  'report_exports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportKey: text('report_key').notNull(),
    title: text('title').notNull(),
    /** JSON of the parameters (period, scope, unit, preparer, reviewer, preparedOn). */
    params: text('params').notNull(),
    period: text('period').notNull(),
    format: text('format', { enum: ['xlsx', 'pdf', 'csv'] }).notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    /** SHA-256 of the file as sent (the blob key). */
    sha256: text('sha256').notNull(),
    /** SHA-256 of the report's content (cells, titles, meta lines), independent of the file format. */
    contentSha256: text('content_sha256').notNull(),
    /** Blob key of the gzipped content JSON. */
    contentBlob: text('content_blob').notNull(),
    /** How the figures were obtained (month-end snapshot, live data…). */
    basis: text('basis').notNull().default(''),
    /** Cooperatives (or other parts) in a batch; 0 for a single report. */
    parts: integer('parts').notNull().default(0),
    userId: integer('user_id').references(() => users.id),
    username: text('username').notNull(),
    userName: text('user_name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('report_exports_created').on(t.createdAt), index('report_exports_key').on(t.reportKey, t.createdAt)],
);

/** What a user typed last time: the reporting unit and the names on the form, so they are not retyped. */
export const reportPrefs = sqliteTable('report_prefs', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  unit: text('unit').notNull().default(''),
  preparer: text('preparer').notNull().default(''),
  reviewer: text('reviewer').notNull().default(''),
  updatedAt: text('updated_at').notNull(),
});
