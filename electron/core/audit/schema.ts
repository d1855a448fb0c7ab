import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    method: text('method').notNull(),
    entity: text('entity').notNull(),
    entityIds: text('entity_ids').notNull(),
    summary: text('summary').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_method').on(t.method), index('audit_log_user').on(t.username), index('audit_log_entity').on(t.entity, t.entityIds)],
);
