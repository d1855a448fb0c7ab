import type { AppCore } from '../core/app';
import type { Router, Door, CallResult } from './router';

/**
 * What a door (IPC, HTTP) hands calls to: the local router over this installation's database, or, in
 * client mode, a forwarder to the host. The door only knows the session token it carries.
 */
export interface Backend {
  call(method: string, input: unknown, token: string | undefined, door: Door): Promise<CallResult>;
}

export function localBackend(core: AppCore, router: Router): Backend {
  return {
    call: (method, input, token, door) => router.call(method, input, { core, session: core.sessions.touch(token), door }),
  };
}
