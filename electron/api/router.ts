import type { z } from 'zod';
import type { AppCore } from '../core/app';
import type { Session } from '../core/auth/sessions';
import type { Actor, Store } from '../core/db/store';
import type { MethodDef } from '../../shared/contract/define';
import { AppError, type ErrorPayload } from '../../shared/errors';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import { issuesToFields } from '../../shared/zod';

/** Who may call: anyone (login, setup), any logged-in user, or the listed roles. */
export type Access = 'public' | 'any' | readonly Role[];

export interface Door {
  kind: 'ipc' | 'http' | 'cli' | 'direct';
  /** Where the call comes from, shown in the list of connected desks. */
  origin: string;
  setSession(session: Session): void;
  clearSession(): void;
}

export interface CallContext {
  core: AppCore;
  session: Session | null;
  door: Door;
}

export interface HandlerCtx extends CallContext {
  readonly store: Store;
  readonly actor: Actor;
  readonly router: Router;
}

export interface Impl<M extends MethodDef> {
  access: Access;
  /** Callable without a session while the database is broken, so the user can restore a backup. */
  inRecovery?: boolean;
  handler(ctx: HandlerCtx, input: z.output<M['input']>): z.input<M['output']> | Promise<z.input<M['output']>>;
}

export type Impls<C extends Record<string, MethodDef>> = { [K in keyof C]: Impl<C[K]> };

export type CallResult = { ok: true; data: unknown } | { ok: false; error: ErrorPayload };

const PASSWORD_CHANGE_ONLY = new Set(['auth.me', 'auth.logout', 'auth.changePassword', 'setup.status']);

export class Router {
  constructor(
    private readonly contract: Record<string, MethodDef>,
    private readonly impls: Record<string, Impl<MethodDef>>,
  ) {
    for (const name of Object.keys(contract)) if (!impls[name]) throw new Error(`方法 ${name} 没有实现`);
  }

  has(method: string): boolean {
    return Object.hasOwn(this.contract, method);
  }

  methods(): string[] {
    return Object.keys(this.contract);
  }

  title(method: string): string {
    return this.contract[method]?.title ?? method;
  }

  /** The methods a role may call; the UI uses it to hide what would be refused anyway. */
  allowedFor(role: Role): string[] {
    return Object.entries(this.impls)
      .filter(([, impl]) => impl.access === 'public' || impl.access === 'any' || impl.access.includes(role))
      .map(([name]) => name);
  }

  async call(method: string, rawInput: unknown, cc: CallContext): Promise<CallResult> {
    try {
      return { ok: true, data: await this.dispatch(method, rawInput, cc) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toPayload() };
      console.error(`[${method}]`, e);
      return { ok: false, error: { code: 'INTERNAL', message: `操作失败：程序内部错误（${(e as Error).message ?? e}）。数据未做改动，请把此信息告知管理员。` } };
    }
  }

  private async dispatch(method: string, rawInput: unknown, cc: CallContext): Promise<unknown> {
    if (!this.has(method)) throw new AppError('UNKNOWN_METHOD', `未知的操作“${method}”`);
    const def = this.contract[method]!;
    const impl = this.impls[method]!;
    const recoveryOpen = cc.core.recovery !== null && impl.inRecovery === true;
    if (!recoveryOpen) this.authorize(method, impl.access, cc.session);
    const parsed = def.input.safeParse(rawInput === undefined || rawInput === null ? {} : rawInput);
    if (!parsed.success) {
      const fields = issuesToFields(parsed.error.issues);
      const first = Object.values(fields)[0] ?? '输入有误';
      throw new AppError('VALIDATION', Object.keys(fields).length > 1 ? `${first}（共 ${Object.keys(fields).length} 处需要修改）` : first, fields);
    }
    const session = cc.session;
    const actor: Actor = session
      ? { userId: session.userId, username: session.username, role: session.role }
      : { userId: null, username: 'anonymous', role: 'system' };
    const ctx: HandlerCtx = {
      ...cc,
      get store() {
        return cc.core.store;
      },
      actor,
      router: this,
    };
    const out = await impl.handler(ctx, parsed.data);
    const checked = def.output.safeParse(out);
    if (!checked.success) throw new Error(`${method} 的返回值不符合约定：${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
    return checked.data;
  }

  private authorize(method: string, access: Access, session: Session | null): void {
    if (access === 'public') return;
    if (!session) throw new AppError('UNAUTHENTICATED', '登录已过期或尚未登录，请重新登录');
    if (session.mustChangePassword && !PASSWORD_CHANGE_ONLY.has(method)) throw new AppError('FORBIDDEN', '请先修改初始密码');
    if (access === 'any') return;
    if (!access.includes(session.role)) {
      throw new AppError('FORBIDDEN', `您的角色（${ROLE_LABELS[session.role]}）无权执行“${this.title(method)}”`);
    }
  }
}
