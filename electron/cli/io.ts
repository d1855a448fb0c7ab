import type { AppCore } from '../core/app';
import type { Router, Door } from '../api/router';
import type { Session } from '../core/auth/sessions';
import { AppError } from '../../shared/errors';

/** A logged-in CLI: calls go through the same router, roles and validation as the UI. */
export class CliClient {
  private token: string | undefined;
  private readonly door: Door = {
    kind: 'cli',
    origin: 'cli',
    setSession: (s: Session) => (this.token = s.token),
    clearSession: () => (this.token = undefined),
  };

  constructor(
    readonly core: AppCore,
    readonly router: Router,
  ) {}

  async call<T = unknown>(method: string, input: unknown = {}): Promise<T> {
    // Looked up on every call, like the other doors, so an ended or idle session stops working here too.
    const session = this.core.sessions.touch(this.token);
    const r = await this.router.call(method, input, { core: this.core, session, door: this.door });
    if (!r.ok) throw AppError.from(r.error);
    return r.data as T;
  }

  async login(username: string, password: string): Promise<void> {
    await this.call('auth.login', { username, password });
  }
}

export function print(value: unknown, json: boolean): void {
  if (json || typeof value !== 'object' || value === null) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length && typeof value[0] === 'object') console.table(value);
    else process.stdout.write(`${value.join('\n')}\n`);
    return;
  }
  for (const [k, v] of Object.entries(value)) process.stdout.write(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}\n`);
}
