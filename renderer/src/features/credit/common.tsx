import { Badge } from '@mantine/core';
import type { Contract } from '../../../../shared/contract';
import type { Out } from '../../../../shared/contract/define';
import { formatFen, parseYuan } from '../../../../shared/money';
import { APP_STATUS_COLORS, APP_STATUS_LABELS, type AppStatus, type Grade } from '../../../../shared/credit';
import { t } from '../../i18n';

export type Profile = Out<Contract['credit.profile.get']>;
export type Rating = Out<Contract['credit.rate']>;
export type Product = Out<Contract['credit.products.list']>[number];
export type App = Out<Contract['credit.applications.get']>;
export type AppRow = Out<Contract['credit.applications.list']>['rows'][number];
export type Model = Out<Contract['credit.model.get']>;

const GRADE_COLORS: Record<Grade, string> = { AAA: 'green', AA: 'teal', A: 'blue', B: 'orange', C: 'red' };
/** Badges hold two to six characters; never cut them to an ellipsis in a narrow cell. */
const NO_CLIP = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

export function GradeBadge({ grade, size = 'md' }: { grade: Grade | null | undefined; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  if (!grade)
    return (
      <Badge color="gray" variant="light" size={size} styles={NO_CLIP}>
        {t('无有效评级')}
      </Badge>
    );
  return (
    <Badge color={GRADE_COLORS[grade]} variant="filled" size={size} data-testid="grade" styles={NO_CLIP}>
      {grade}
    </Badge>
  );
}

export function AppStatusBadge({ status }: { status: AppStatus }) {
  return (
    <Badge color={APP_STATUS_COLORS[status]} variant="light" data-testid="app-status" styles={NO_CLIP}>
      {t(APP_STATUS_LABELS[status])}
    </Badge>
  );
}

/** Amounts the role may not see come as null: shown as a dash, never as zero. */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatFen(fen));

/** Validation for a money field typed in yuan ("12,000.50"). */
export const moneyError = (label: string, required = true) => (v: string) => {
  if (!v.trim()) return required ? t('请填写{label}', { label: t(label) }) : null;
  const f = parseYuan(v);
  return f === null || f < 0 ? t('{label}应为不超过两位小数的非负金额', { label: t(label) }) : null;
};

export const toFen = (v: string): number => parseYuan(v || '0') ?? 0;

/** Percent with two decimals ("3.95") to basis points (395). */
export function rateToBp(v: string): number | null {
  const m = /^\s*(\d{1,2})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(v);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const subjectPath = (kind: 'org' | 'household', id: number) => `/credit/profile/${kind}/${id}`;
export const registryPath = (kind: 'org' | 'household', id: number) => (kind === 'org' ? `/members/orgs/${id}` : `/members/households/${id}`);
