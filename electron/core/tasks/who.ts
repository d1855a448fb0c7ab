import type { Actor, Store } from '../db/store';

/** The name shown to clerks for who did something (display name; the audit log keeps the user name). */
export function who(store: Store, actor: Actor): string {
  if (actor.userId === null) return actor.role === 'system' ? '系统' : actor.username;
  const name = store.sqlite.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(actor.userId) as string | undefined;
  return name ?? actor.username;
}
