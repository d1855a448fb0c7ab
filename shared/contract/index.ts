import { authContract } from './auth';
import { adminContract } from './admin';
import { membersContract } from './members';

/** Every method of the app; each capability adds its own contract file and spreads it here. */
export const contract = {
  ...authContract,
  ...adminContract,
  ...membersContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
