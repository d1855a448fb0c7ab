import crypto from 'node:crypto';

const KEYLEN = 64;
// N=2^15 keeps a login near 50 ms on a modest office PC: slow for guessing, quick for a clerk.
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function hashPassword(password: string, salt = crypto.randomBytes(16).toString('hex')): { hash: string; salt: string } {
  const hash = crypto.scryptSync(password, salt, KEYLEN, PARAMS).toString('hex');
  return { hash, salt };
}

export function verifyPassword(password: string, salt: string, expected: string): boolean {
  const actual = crypto.scryptSync(password, salt, KEYLEN, PARAMS);
  const want = Buffer.from(expected, 'hex');
  return want.length === actual.length && crypto.timingSafeEqual(actual, want);
}
