import { z, optText, int, id, date, text } from '../zod';
import { defineMethods } from './define';
import { SYSTEM_SETTINGS } from './settings';
import { empty, ok, fileUpload, fileDownload } from './common';

const backupInfo = z.object({ name: z.string(), size: z.number(), createdAt: z.string(), kind: z.enum(['auto', 'manual', 'pre-migrate', 'pre-restore', 'other']) });

const township = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  sort: z.number(),
  villages: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
});

/** Progress of a long job (batch export); methods that start one return `jobStarted`. */
export const jobStatus = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number(),
  message: z.string(),
  error: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  file: z.object({ name: z.string(), size: z.number() }).nullable(),
});
export const jobStarted = z.object({ jobId: z.string() });

export const searchHit = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  id: z.number(),
  title: z.string(),
  subtitle: z.string(),
  route: z.string(),
});

export const adminContract = defineMethods({
  'audit.list': {
    title: '查看审计日志',
    input: z.object({
      username: optText('用户', 32),
      method: optText('操作', 64),
      entity: optText('对象', 64),
      entityId: optText('对象编号', 32),
      from: date('开始日期').or(z.literal('')).default(''),
      to: date('结束日期').or(z.literal('')).default(''),
      offset: int('起始行').default(0),
      limit: int('每页行数', 1, 500).default(50),
    }),
    output: z.object({
      total: z.number(),
      rows: z.array(
        z.object({ id: z.number(), at: z.string(), username: z.string(), method: z.string(), entity: z.string(), entityIds: z.string(), summary: z.string() }),
      ),
    }),
  },
  'audit.verify': {
    title: '校验审计日志',
    input: empty,
    output: z.object({ ok: z.boolean(), checked: z.number(), firstBroken: z.object({ id: z.number(), reason: z.string() }).nullable() }),
  },

  'settings.get': { title: '查看设置', input: empty, output: SYSTEM_SETTINGS },
  'settings.update': { title: '修改设置', input: SYSTEM_SETTINGS.partial(), output: SYSTEM_SETTINGS },

  'geo.list': { title: '查看乡镇村', input: empty, output: z.array(township) },
  'geo.saveTownship': {
    title: '保存乡镇',
    input: z.object({ id: z.number().int().positive().optional(), name: text('乡镇名称', 30), kind: z.enum(['镇', '乡', '街道']).default('镇'), sort: int('排序').default(0) }),
    output: township,
  },
  'geo.saveVillage': {
    title: '保存村社区',
    input: z.object({ id: z.number().int().positive().optional(), townshipId: id('乡镇'), name: text('村（社区）名称', 30), kind: z.enum(['村', '社区']).default('村') }),
    output: township,
  },
  'geo.importPreview': {
    title: '预览乡镇村导入',
    input: fileUpload,
    output: z.object({
      rows: z.array(z.object({ line: z.number(), township: z.string(), village: z.string(), status: z.enum(['new', 'exists', 'error']), error: z.string() })),
      errors: z.number(),
      newTownships: z.number(),
      newVillages: z.number(),
    }),
  },
  'geo.importCommit': { title: '导入乡镇村', input: fileUpload, output: z.object({ townships: z.number(), villages: z.number() }) },

  'backup.list': { title: '查看备份', input: empty, output: z.array(backupInfo) },
  'backup.create': { title: '立即备份', input: empty, output: backupInfo },
  'backup.download': { title: '下载备份', input: z.object({ name: text('备份文件', 200) }), output: fileDownload },
  'backup.restore': { title: '从文件恢复', input: fileUpload, output: z.object({ restoredFrom: z.string(), safetyCopy: z.string() }) },
  'backup.restoreExisting': { title: '从备份列表恢复', input: z.object({ name: text('备份文件', 200) }), output: z.object({ restoredFrom: z.string(), safetyCopy: z.string() }) },

  'system.info': {
    title: '系统信息',
    input: empty,
    output: z.object({
      appVersion: z.string(),
      mode: z.string(),
      dataDir: z.string(),
      dbBytes: z.number(),
      schemaVersion: z.number(),
      startedAt: z.string(),
      node: z.string(),
      updates: z.object({ supported: z.boolean(), url: z.string() }),
    }),
  },
  'updates.check': {
    title: '检查更新',
    input: empty,
    output: z.object({ status: z.enum(['unsupported', 'no-url', 'none', 'available', 'downloaded', 'error']), version: z.string(), message: z.string() }),
  },
  'updates.download': { title: '下载更新', input: empty, output: z.object({ status: z.string(), message: z.string() }) },
  'updates.install': { title: '重启并安装更新', input: empty, output: ok },

  'jobs.status': { title: '查看任务进度', input: z.object({ id: text('任务', 32) }), output: jobStatus },
  'jobs.cancel': { title: '取消任务', input: z.object({ id: text('任务', 32) }), output: jobStatus },
  'jobs.download': { title: '下载任务结果', input: z.object({ id: text('任务', 32) }), output: fileDownload },
  'search.global': { title: '全局搜索', input: z.object({ q: z.string().trim().max(50).default(''), limit: int('条数', 1, 50).default(20) }), output: z.array(searchHit) },
  'demo.load': { title: '载入演示数据', input: empty, output: z.object({ summary: z.record(z.string(), z.number()) }) },
});
