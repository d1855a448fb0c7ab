import { Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { PreviewSheet } from './types';

/** The cells a merge hides (all but its top-left), so the HTML table leaves them out as Excel does. */
function covered(sheet: PreviewSheet): Set<string> {
  const out = new Set<string>();
  for (const m of sheet.merges)
    for (let r = m.row; r < m.row + (m.rowSpan ?? 1); r++) for (let c = m.col; c < m.col + (m.colSpan ?? 1); c++) if (r !== m.row || c !== m.col) out.add(`${r}:${c}`);
  return out;
}

const BORDER = '1px solid var(--mantine-color-gray-5)';

/** One table of a report exactly as exported: title, meta lines, merged header and body cells, footer. */
function SheetPreview({ sheet }: { sheet: PreviewSheet }) {
  const hidden = covered(sheet);
  const spans = new Map(sheet.merges.map((m) => [`${m.row}:${m.col}`, m]));
  const headerRows = Math.max(0, ...sheet.header.map((h) => h.r + h.rs));
  const strong = new Set(sheet.strong);
  return (
    <Paper withBorder p="md" data-testid="report-sheet">
      <Stack gap={4}>
        <Title order={4} ta="center">
          {sheet.title}
        </Title>
        {sheet.meta.map((m) => (
          <Text key={m} size="sm">
            {m}
          </Text>
        ))}
        <ScrollArea>
          <Table fz="sm" style={{ borderCollapse: 'collapse' }} withTableBorder withColumnBorders>
            <Table.Thead>
              {Array.from({ length: headerRows }, (_, r) => (
                <Table.Tr key={r} bg="var(--mantine-color-teal-0)">
                  {sheet.header
                    .filter((h) => h.r === r)
                    .map((h) => (
                      <Table.Th key={h.c} rowSpan={h.rs} colSpan={h.cs} ta="center" style={{ border: BORDER, whiteSpace: 'nowrap' }}>
                        {h.text}
                      </Table.Th>
                    ))}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {sheet.rows.map((row, r) => (
                <Table.Tr key={r} fw={strong.has(r) ? 700 : undefined}>
                  {row.map((cell, c) =>
                    hidden.has(`${r}:${c}`) ? null : (
                      <Table.Td key={c} rowSpan={spans.get(`${r}:${c}`)?.rowSpan} colSpan={spans.get(`${r}:${c}`)?.colSpan} ta={sheet.numeric[c] ? 'right' : undefined} style={{ border: BORDER, maxWidth: 360, minWidth: cell.length > 24 ? 220 : undefined }}>
                        {cell}
                      </Table.Td>
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {sheet.footer.map((f) => (
          <Text key={f} size="sm">
            {f}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

export function PreviewTables({ sheets }: { sheets: PreviewSheet[] }) {
  return (
    <Stack gap="md">
      {sheets.map((s, i) => (
        <SheetPreview key={`${i}-${s.name}`} sheet={s} />
      ))}
    </Stack>
  );
}
