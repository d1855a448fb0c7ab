import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Grid, Group, NavLink, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf, IconFileTypeCsv, IconEye } from '@tabler/icons-react';
import { call } from '../../api/client';
import { notifyOk, useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { JobProgress } from '../../components/JobProgress';
import { downloadFile } from '../../components/files';
import { queryParams, usePath } from '../../app/router';
import { PERIOD_KIND_LABELS, type PeriodKind, type ReportFormat } from '../../../../shared/reports';
import { t } from '../../i18n';
import { PreviewTables } from './PreviewTables';
import { defaultPeriod, kindOf, periodOptions } from './periods';
import type { Catalog, Params, ReportInfo } from './types';

/** The signature lines: typed once, kept while switching reports, remembered by the server on export. */
interface Names {
  unit: string;
  preparer: string;
  reviewer: string;
  preparedOn: string;
}

interface Choice {
  kind: PeriodKind;
  period: string;
  scope: string;
}

type FormState = Choice & Names;

const FORMATS: { format: ReportFormat; label: string; batchLabel: string; icon: typeof IconFileSpreadsheet }[] = [
  { format: 'xlsx', label: '导出 Excel', batchLabel: '批量导出 Excel（每个{part}一张工作表）', icon: IconFileSpreadsheet },
  { format: 'pdf', label: '导出 PDF', batchLabel: '批量导出 PDF（每个{part}一个文件，zip 打包）', icon: IconFileTypePdf },
  { format: 'csv', label: '导出 CSV', batchLabel: '批量导出 CSV（每个{part}一个文件，zip 打包）', icon: IconFileTypeCsv },
];

function firstPeriod(report: ReportInfo, kind: PeriodKind, today: string): string {
  return report.suggested[kind] ?? defaultPeriod(kind, today);
}

/** Starting choices: a history row's parameters (再次导出), else the last finished period. */
function initialChoice(cat: Catalog, report: ReportInfo, q: URLSearchParams): Choice {
  const period = q.get('period');
  const kind = period && report.periods.includes(kindOf(period)) ? kindOf(period) : report.periods[0]!;
  return { kind, period: period && kind === kindOf(period) ? period : firstPeriod(report, kind, cat.today), scope: q.get('scope') ?? '' };
}

function initialNames(cat: Catalog, q: URLSearchParams): Names {
  return { unit: q.get('unit') ?? cat.prefs.unit, preparer: q.get('preparer') ?? cat.prefs.preparer, reviewer: q.get('reviewer') ?? cat.prefs.reviewer, preparedOn: cat.today };
}

function toParams(f: FormState): Params {
  return { period: f.period, scope: f.scope, unit: f.unit, preparer: f.preparer, reviewer: f.reviewer, preparedOn: f.preparedOn };
}

function ReportForm({ cat, report, query, names, setNames }: { cat: Catalog; report: ReportInfo; query: URLSearchParams; names: Names; setNames(n: Names): void }) {
  const [choice, setChoice] = useState<Choice>(() => initialChoice(cat, report, query));
  const form: FormState = { ...choice, ...names };
  const [shown, setShown] = useState<Params>(() => toParams(form));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [jobId, setJobId] = useState<string | null>(null);
  const { busy, run } = useAction();
  const set = (patch: Partial<FormState>) => {
    const { kind, period, scope, ...rest } = patch;
    if (kind !== undefined || period !== undefined || scope !== undefined) setChoice((c) => ({ kind: kind ?? c.kind, period: period ?? c.period, scope: scope ?? c.scope }));
    if (Object.keys(rest).length > 0) setNames({ ...names, ...rest });
  };
  // The server names fields inside the parameters "params.unit"; the form knows them as "unit".
  const fieldErrors = (f: Record<string, string>) => setErrors(Object.fromEntries(Object.entries(f).map(([k, v]) => [k.replace(/^params\./, ''), v])));
  // Period and scope change what is counted: the preview follows them at once; names show on the next 预览.
  useEffect(() => setShown((s) => ({ ...s, period: form.period, scope: form.scope })), [form.period, form.scope]);
  const preview = useCall('reports.preview', { key: report.key, params: shown });
  const periods = useMemo(() => periodOptions(form.kind, cat.today), [form.kind, cat.today]);

  const doExport = async (format: ReportFormat) => {
    setErrors({});
    const params = toParams(form);
    if (report.batch) {
      const r = await run(() => call('reports.exportBatch', { key: report.key, params, format }), { setErrors: fieldErrors });
      if (r) setJobId(r.jobId);
      return;
    }
    const r = await run(() => call('reports.export', { key: report.key, params, format }), { setErrors: fieldErrors });
    if (r) {
      downloadFile(r);
      notifyOk(t('已导出并记入上报记录：{name}', { name: r.name }));
    }
  };

  return (
    <Stack>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setShown(toParams(form));
            preview.reload();
          }}
        >
          <Stack gap="sm">
            <Title order={4}>{report.title}</Title>
            <Group align="end" wrap="wrap">
              {report.periods.length > 1 && (
                <SegmentedControl
                  aria-label={t('报告期类型')}
                  value={form.kind}
                  onChange={(v) => set({ kind: v as PeriodKind, period: firstPeriod(report, v as PeriodKind, cat.today) })}
                  data={report.periods.map((k) => ({ value: k, label: t(PERIOD_KIND_LABELS[k]) }))}
                />
              )}
              <Select label={t('报告期')} w={180} data={periods} value={form.period} onChange={(v) => v && set({ period: v })} error={errors.period} allowDeselect={false} searchable />
              {report.scopes.length > 0 && (
                <Select
                  label={t('范围')}
                  w={320}
                  data={report.scopes}
                  value={form.scope || report.scopes[0]!.value}
                  onChange={(v) => set({ scope: v ?? '' })}
                  error={errors.scope}
                  allowDeselect={false}
                  searchable
                />
              )}
            </Group>
            <Group align="end" wrap="wrap">
              <TextInput label={t('填报单位')} w={280} required value={form.unit} error={errors.unit} onChange={(e) => set({ unit: e.currentTarget.value })} />
              <TextInput label={t('制表人')} w={140} error={errors.preparer} value={form.preparer} onChange={(e) => set({ preparer: e.currentTarget.value })} />
              <TextInput label={t('审核人')} w={140} error={errors.reviewer} value={form.reviewer} onChange={(e) => set({ reviewer: e.currentTarget.value })} />
              <TextInput label={t('制表日期')} type="date" w={170} error={errors.preparedOn} value={form.preparedOn} onChange={(e) => set({ preparedOn: e.currentTarget.value })} />
            </Group>
            <Group>
              <Button type="submit" variant="default" leftSection={<IconEye size={16} />}>
                {t('预览')}
              </Button>
              {FORMATS.map((f) => (
                <Button key={f.format} leftSection={<f.icon size={16} />} loading={busy} onClick={() => void doExport(f.format)} variant={f.format === 'xlsx' ? 'filled' : 'light'}>
                  {report.batch ? t(f.batchLabel, { part: report.batch }) : t(f.label)}
                </Button>
              ))}
            </Group>
            <Text size="xs" c="dimmed">
              {t('每次导出都会记入上报记录（导出人、时间、参数、文件和校验值），以后可重新生成核对或再次下载原件。')}
            </Text>
          </Stack>
        </form>
      </Paper>
      <Loading error={preview.error} loading={preview.loading && !preview.data} />
      {preview.data && (
        <Stack gap="sm" data-testid="report-preview" style={{ opacity: preview.loading ? 0.6 : 1 }}>
          <Alert color="blue" title={t('数据口径')}>
            {preview.data.basis}
            {preview.data.partLabel && (
              <Text size="sm" mt={4}>
                {t('共 {n} 个{part}，下面预览第一个：{name}', { n: preview.data.parts.length, part: preview.data.partLabel, name: preview.data.shown })}
              </Text>
            )}
          </Alert>
          <PreviewTables sheets={preview.data.sheets} />
        </Stack>
      )}
      <JobProgress jobId={jobId} onClose={() => setJobId(null)} />
    </Stack>
  );
}

/** 报表中心: choose a report, its period, scope and signatures, preview it as exported, export and record it. */
export function ReportsPage() {
  const path = usePath();
  const query = queryParams(path);
  const cat = useCall('reports.catalog', {});
  const [key, setKey] = useState(query.get('key') ?? '');
  const [names, setNames] = useState<Names | null>(null);
  useEffect(() => {
    if (cat.data && !names) setNames(initialNames(cat.data, query));
  }, [cat.data, names, query]);
  const reports = cat.data?.reports ?? [];
  const report = reports.find((r) => r.key === key) ?? reports[0];
  const groups = [...new Set(reports.map((r) => r.capability))];
  return (
    <Page title={t('报表中心')}>
      <Loading error={cat.error} loading={cat.loading && !cat.data} />
      {cat.data && reports.length === 0 && <Alert color="gray">{t('您的角色没有可导出的报表。')}</Alert>}
      {cat.data && report && names && (
        <Grid>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Paper withBorder p="xs">
              <nav aria-label={t('报表列表')}>
                {groups.map((g) => (
                  <Stack key={g} gap={0} mb="xs">
                    <Text size="xs" c="dimmed" fw={600} px="sm" py={4}>
                      {t(g)}
                    </Text>
                    {reports
                      .filter((r) => r.capability === g)
                      .map((r) => (
                        <NavLink key={r.key} label={r.title} active={r.key === report.key} onClick={() => setKey(r.key)} component="button" />
                      ))}
                  </Stack>
                ))}
              </nav>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <ReportForm key={report.key} cat={cat.data} report={report} query={report.key === query.get('key') ? query : new URLSearchParams()} names={names} setNames={setNames} />
          </Grid.Col>
        </Grid>
      )}
    </Page>
  );
}
