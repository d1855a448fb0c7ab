import type { Impls, HandlerCtx } from './router';
import type { deskContract } from '../../shared/contract/desk';
import { AppError } from '../../shared/errors';
import { getSettings, updateSettings } from '../core/settings/settings';
import { lanAddresses } from '../server/tls';

function hostStatus(ctx: HandlerCtx) {
  const cfg = getSettings(ctx.store);
  const s = ctx.core.host?.status() ?? { enabled: cfg.hostEnabled, running: false, url: '', fingerprint: '', startedAt: '', error: '' };
  return { ...s, addresses: lanAddresses(), port: cfg.hostPort, address: cfg.hostAddress, desks: ctx.core.sessions.list().length };
}

const notClient = () => {
  throw new AppError('REFUSED', '本机不是客户端模式：它使用自己的数据库');
};

export const deskHandlers: Impls<typeof deskContract> = {
  'host.status': { access: ['admin', 'manager'], handler: (ctx) => hostStatus(ctx) },
  'host.configure': {
    access: ['admin'],
    handler: async (ctx, input) => {
      if (!ctx.core.host) throw new AppError('REFUSED', '此运行方式不支持主机模式');
      updateSettings(ctx.store, ctx.actor, { hostEnabled: input.enabled, hostAddress: input.address, hostPort: input.port });
      const applied = await ctx.core.host.apply();
      if (applied.error) throw new AppError('REFUSED', applied.error, { port: applied.error });
      return hostStatus(ctx);
    },
  },
  'sessions.list': {
    access: ['admin'],
    handler: (ctx) =>
      ctx.core.sessions.list().map((s) => ({
        id: s.id,
        username: s.username,
        displayName: s.displayName,
        role: s.role,
        origin: s.origin,
        createdAt: new Date(s.createdAt).toISOString(),
        lastSeen: new Date(s.lastSeen).toISOString(),
        current: s.id === ctx.session?.id,
      })),
  },
  'sessions.end': {
    access: ['admin'],
    handler: (ctx, input) => {
      if (input.id === ctx.session?.id) throw new AppError('REFUSED', '不能结束自己当前的会话，请用“退出登录”');
      const ended = ctx.core.sessions.endById(input.id);
      if (!ended) throw new AppError('NOT_FOUND', '该会话已结束');
      ctx.store.write(ctx.actor, 'sessions.end', (audit) => audit.record({ entity: 'user', ids: [ended.userId], summary: { origin: ended.origin } }));
      return { ok: true as const };
    },
  },
  'sync.changes': { access: 'any', handler: (ctx, input) => ctx.core.changes.since(input.since) },
  'client.status': { access: 'public', handler: notClient },
  'client.probe': { access: 'public', handler: notClient },
  'client.connect': { access: 'public', handler: notClient },
  'client.disconnect': { access: 'public', handler: notClient },
};
