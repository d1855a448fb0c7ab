import type { Store, Actor } from '../db/store';
import { loadGeoDemo } from './geo';
import { loadRegistryDemo } from '../members/demo';
import { findByUsername, insertUser } from '../auth/users';
import { loadTasksDemo } from '../tasks/demo';
import { loadLedgerDemo } from '../ledger/demo';
import { loadFrontDeskDemo } from '../requests/demo';
import { loadMatchingDemo } from '../matching/demo';
import { loadCreditDemo } from '../credit/demo';

export const DEMO_PASSWORD = 'weinong123';

export const DEMO_USERS = [
  { username: 'kuaiji', displayName: '李会计', role: 'bookkeeper' as const },
  { username: 'kuaiji2', displayName: '周会计', role: 'bookkeeper' as const },
  { username: 'qiantai', displayName: '王前台', role: 'frontdesk' as const },
  { username: 'fuzeren', displayName: '陈主任', role: 'manager' as const },
];

function loadDemoUsers(store: Store): Record<string, number> {
  let n = 0;
  for (const u of DEMO_USERS) {
    if (findByUsername(store, u.username)) continue;
    insertUser(store, { ...u, password: DEMO_PASSWORD }, false);
    n++;
  }
  return { 演示用户: n };
}

/**
 * Each capability appends its loader here. Loaders run in order inside one audited transaction and
 * skip what already exists, so loading twice adds nothing.
 */
// The ledger's loader opens books for the cooperatives the registry's loader creates, so it comes after it.
const LOADERS: ((store: Store) => Record<string, number>)[] = [
  loadGeoDemo,
  loadDemoUsers,
  loadRegistryDemo,
  loadTasksDemo,
  loadLedgerDemo,
  loadFrontDeskDemo,
  loadMatchingDemo,
  loadCreditDemo,
];

export function loadDemo(store: Store, actor: Actor): Record<string, number> {
  return store.write(actor, 'demo.load', (audit) => {
    const summary: Record<string, number> = {};
    for (const load of LOADERS) Object.assign(summary, load(store));
    audit.record({ entity: 'demo', ids: [], summary });
    return summary;
  });
}
