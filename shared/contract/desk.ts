import { z, text, int } from '../zod';
import { defineMethods } from './define';
import { empty, ok } from './common';

export const clientStatus = z.object({ hostUrl: z.string(), fingerprint: z.string(), connected: z.boolean(), error: z.string() });

const hostStatus = z.object({
  enabled: z.boolean(),
  running: z.boolean(),
  url: z.string(),
  fingerprint: z.string(),
  startedAt: z.string(),
  error: z.string(),
  addresses: z.array(z.string()),
  port: z.number(),
  address: z.string(),
  desks: z.number(),
});

const sessionOut = z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.string(), origin: z.string(), createdAt: z.string(), lastSeen: z.string(), current: z.boolean() });

/** Several desks on one set of books: host mode, sessions, live refresh, and the client's link to its host. */
export const deskContract = defineMethods({
  'host.status': { title: '查看主机状态', input: empty, output: hostStatus },
  'host.configure': {
    title: '设置主机模式',
    input: z.object({ enabled: z.boolean(), address: z.string().trim().default(''), port: int('主机端口', 1024, 65535).default(5731) }),
    output: hostStatus,
  },
  'sessions.list': { title: '查看在线桌面', input: empty, output: z.array(sessionOut) },
  'sessions.end': { title: '结束会话', input: z.object({ id: text('会话', 32) }), output: ok },
  'sync.changes': { title: '查询数据变化', input: z.object({ since: z.number().int().default(-1) }), output: z.object({ seq: z.number(), topics: z.array(z.string()) }) },

  'client.status': { title: '查看主机连接', input: empty, output: clientStatus },
  'client.probe': {
    title: '读取主机证书',
    input: z.object({ url: text('主机地址', 200) }),
    output: z.object({ url: z.string(), fingerprint: z.string(), subject: z.string() }),
  },
  'client.connect': { title: '连接主机', input: z.object({ url: text('主机地址', 200), fingerprint: text('证书指纹', 200) }), output: clientStatus },
  'client.disconnect': { title: '断开主机', input: empty, output: ok },
});
