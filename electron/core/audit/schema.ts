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

/**
 * Which records each audit row names, one row per id, so that a record's history is an index lookup
 * instead of a text search through every row's id list. Derived from audit_log.entity_ids.
 */
export const auditRefs = sqliteTable(
  'audit_refs',
  {
    auditId: integer('audit_id')
      .notNull()
      .references(() => auditLog.id),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
  },
  (t) => [index('audit_refs_record').on(t.entity, t.entityId, t.auditId), index('audit_refs_id').on(t.entityId, t.auditId)],
);
