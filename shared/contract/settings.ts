import { z, optText, int } from '../zod';

export const LANGUAGES = ['zh-CN', 'en'] as const;

/** Centre-wide settings; each has a default so a fresh database works before anyone edits them. */
export const SYSTEM_SETTINGS = z.object({
  centreName: optText('服务中心名称', 100).default('云阳县为农服务中心'),
  county: optText('所在区县', 50).default('重庆市云阳县'),
  backupKeep: int('自动备份保留份数', 1, 365).default(14),
  updateUrl: z
    .string()
    .trim()
    .refine((s) => s === '' || /^https?:\/\/\S+$/.test(s), { error: '更新地址须以 http:// 或 https:// 开头' })
    .default(''),
  loginMaxFailures: int('连续失败锁定次数', 3, 20).default(5),
  loginLockMinutes: int('锁定分钟数', 1, 1440).default(15),
  sessionIdleMinutes: int('空闲自动退出分钟数', 5, 1440).default(480),
  /** Host mode: serve the other desks of the centre over HTTPS on the office network. */
  hostEnabled: z.boolean().default(false),
  hostAddress: z
    .string()
    .trim()
    .refine((s) => s === '' || /^(\d{1,3}\.){3}\d{1,3}$|^[A-Za-z0-9.-]+$/.test(s), { error: '主机地址应为 IP 地址，如 192.168.1.10' })
    .default(''),
  hostPort: int('主机端口', 1024, 65535).default(5731),
});

export type SystemSettings = z.output<typeof SYSTEM_SETTINGS>;
