import { useState, type ReactNode } from 'react';
import { Alert, Button, FileInput, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { toUpload } from './files';
import { useAction } from '../api/hooks';
import { t } from '../i18n';

export interface PreviewRow {
  line: number;
  error: string;
}

export interface ImportWizardProps<R extends PreviewRow, P extends { rows: R[]; errors: number }> {
  accept?: string;
  columns: { title: string; render(row: R): ReactNode }[];
  /** Extra figures shown above the table, e.g. "12 new townships". */
  summary?(preview: P): ReactNode;
  preview(upload: { name: string; base64: string }): Promise<P>;
  commit(upload: { name: string; base64: string }): Promise<unknown>;
  onDone(): void;
  template?: ReactNode;
}

/**
 * Choose a file, see every row with its problems, then import all or nothing. The commit button
 * stays disabled while any row has an error, and the server re-checks everything on commit.
 */
export function ImportWizard<R extends PreviewRow, P extends { rows: R[]; errors: number }>(props: ImportWizardProps<R, P>) {
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const { busy, run } = useAction();

  const choose = async (f: File | null) => {
    setFile(f);
    setPreview(null);
    setUpload(null);
    if (!f) return;
    const u = await toUpload(f);
    setUpload(u);
    const p = await run(() => props.preview(u));
    if (p) {
      setPreview(p);
      setOnlyErrors(p.errors > 0);
    }
  };
  const commit = async () => {
    if (!upload) return;
    if (await run(() => props.commit(upload), { ok: t('导入完成') })) props.onDone();
  };
  const rows = preview ? (onlyErrors ? preview.rows.filter((r) => r.error) : preview.rows) : [];
  return (
    <Stack>
      <Group align="end">
        <FileInput
          style={{ flex: 1 }}
          label={t('选择文件（.xlsx 或 .csv，CSV 可为 UTF-8 或 GB18030）')}
          accept={props.accept ?? '.xlsx,.csv'}
          value={file}
          onChange={choose}
          clearable
          data-testid="import-file"
        />
        {props.template}
      </Group>
      {busy && !preview && <Text size="sm">{t('正在读取并检查每一行…')}</Text>}
      {preview && (
        <>
          <Group>
            <Text size="sm">{t('共 {n} 行', { n: preview.rows.length })}</Text>
            {props.summary?.(preview)}
            <Switch size="xs" label={t('只看有错误的行')} checked={onlyErrors} onChange={(e) => setOnlyErrors(e.currentTarget.checked)} />
          </Group>
          {preview.errors > 0 ? (
            <Alert color="red" data-testid="import-errors">
              {t('{n} 行有错误。请在文件中改正后重新选择；有错误时不会导入任何一行。', { n: preview.errors })}
            </Alert>
          ) : (
            <Alert color="green">{t('全部行检查通过，可以导入。')}</Alert>
          )}
          <Table.ScrollContainer minWidth={500} mah={360}>
            <Table fz="sm" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>{t('行号')}</Table.Th>
                  {props.columns.map((c) => (
                    <Table.Th key={c.title}>{c.title}</Table.Th>
                  ))}
                  <Table.Th>{t('问题')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, 500).map((r) => (
                  <Table.Tr key={r.line} bg={r.error ? 'var(--mantine-color-red-light)' : undefined}>
                    <Table.Td>{r.line}</Table.Td>
                    {props.columns.map((c) => (
                      <Table.Td key={c.title}>{c.render(r)}</Table.Td>
                    ))}
                    <Table.Td c="red">{r.error}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length > 500 && <Text size="xs">{t('只显示前 500 行')}</Text>}
          <Button onClick={commit} loading={busy} disabled={preview.errors > 0}>
            {t('导入全部 {n} 行', { n: preview.rows.length })}
          </Button>
        </>
      )}
    </Stack>
  );
}
