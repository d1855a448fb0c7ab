/**
 * Schema builders that carry the field's Chinese label, so that every validation message
 * names the field the clerk must fix ("联系电话格式不正确") instead of a generic type error.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };

export const text = (label: string, max = 200) =>
  z
    .string({ error: `${label}不能为空` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过${max}个字` });

export const optText = (label: string, max = 500) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .default('');

export const int = (label: string, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(min, { error: `${label}不能小于${min}` })
    .max(max, { error: `${label}不能大于${max}` });

export const id = (label: string) => z.number({ error: `请选择${label}` }).int({ error: `${label}无效` }).positive({ error: `请选择${label}` });

/** Money in fen: integers only, never floats. */
export const fen = (label: string) =>
  z
    .number({ error: `${label}必须是金额` })
    .int({ error: `${label}必须精确到分` })
    .min(-9_000_000_000_000_00, { error: `${label}超出范围` })
    .max(9_000_000_000_000_00, { error: `${label}超出范围` });

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const date = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isValidDate, { error: `${label}不是有效日期（格式 YYYY-MM-DD）` });

export const optDate = (label: string) =>
  z
    .string()
    .refine((s) => s === '' || isValidDate(s), { error: `${label}不是有效日期（格式 YYYY-MM-DD）` })
    .default('');

export const period = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `${label}格式应为 YYYY-MM` });

export const page = z.object({
  offset: int('起始行').default(0),
  limit: int('每页行数', 1, 5000).default(50),
});

/** Turns zod's issues into the app's field map: path "a.0.b" -> first message for it. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}
