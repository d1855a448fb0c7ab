import { createContext, useContext } from 'react';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';

export type Me = Out<Contract['auth.me']>;
export type User = NonNullable<Me['user']>;

export interface SessionValue {
  user: User;
  /** True when the router would accept this method from the current role. */
  can(method: string): boolean;
  setMe(me: Me): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the logged-in shell');
  return s;
}
