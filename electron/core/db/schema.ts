/** Every capability's tables, for drizzle's relational queries and for drizzle-kit. */
export * from '../auth/schema';
export * from '../audit/schema';
export * from '../settings/schema';
export * from '../members/schema';
export * from '../tasks/schema';
export * from '../files/schema';
export * from '../ledger/schema';
export * from '../requests/schema';
export * from '../matching/schema';
export * from '../reports/schema';
export * from '../credit/schema';
