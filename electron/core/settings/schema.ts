import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const townships = sqliteTable('townships', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['镇', '乡', '街道'] }).notNull().default('镇'),
  sort: integer('sort').notNull().default(0),
});

export const villages = sqliteTable(
  'villages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['村', '社区'] }).notNull().default('村'),
  },
  (t) => [uniqueIndex('villages_township_name').on(t.townshipId, t.name)],
);
