import { AppError } from '../../shared/errors';

/** Runs a call that must be refused and returns the error, failing the test if it succeeds. */
export async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
}
