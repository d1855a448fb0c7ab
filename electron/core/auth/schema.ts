import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'bookkeeper', 'frontdesk', 'manager'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  salt: text('salt').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  failedCount: integer('failed_count').notNull().default(0),
  lockedUntil: text('locked_until'),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});
