import { useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ActionIcon, Alert, Button, Group, Kbd, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { formatFen, parseYuan, upperAmount } from '../../../../shared/money';
import { accountKeys, matchesAccount, useBook, type Account } from './common';
import { Lookup, SuggestInput, type LookupOption } from './Lookup';
import { TradePopover, qtyMilli } from './TradePopover';
import { t } from '../../i18n';

export interface EditorRow {
  key: number;
  summary: string;
  accountId: number;
  memberId: number;
  debit: string;
  credit: string;
  product: string;
  qty: string;
  unit: string;
}

export interface EditorValue {
  id?: number;
  version?: number;
  date: string;
  kind: '记' | '收' | '付' | '转';
  attachments: number;
  rows: EditorRow[];
}

let nextKey = 1;
export const blankRow = (summary = ''): EditorRow => ({ key: nextKey++, summary, accountId: 0, memberId: 0, debit: '', credit: '', product: '', qty: '', unit: '' });

const COLS = ['summary', 'account', 'member', 'debit', 'credit'] as const;
type Col = (typeof COLS)[number];

const fenOf = (s: string) => (s.trim() === '' ? 0 : parseYuan(s));
const isBlank = (r: EditorRow) => !r.summary.trim() && !r.accountId && !r.debit.trim() && !r.credit.trim();

/**
 * The voucher entry grid, built for the keyboard: Enter moves through 摘要 → 科目 → 成员 (only on member
 * accounts) → 借方 → 贷方 → next line; = or F9 in an amount cell fills the amount that balances the voucher;
 * Ctrl+S saves; Ctrl+Delete removes the line. Totals and the uppercase amount follow as you type, and an
 * unbalanced voucher cannot be saved.
 */
export function VoucherEditor({ initial, onSaved, onCancel }: { initial: EditorValue; onSaved(v: { id: number; kind: string; number: number }, isNew: boolean): void; onCancel?(): void }) {
  const { book, accounts, members } = useBook();
  const [value, setValue] = useState<EditorValue>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusRow, setFocusRow] = useState(0);
  const refs = useRef(new Map<string, HTMLInputElement | null>());
  const summaries = useCall('ledger.vouchers.summaries', { bookId: book.id });
  const { busy, run } = useAction();

  const leafAccounts = useMemo(() => accounts.filter((a) => a.leaf && a.active), [accounts]);
  const keys = useMemo(() => accountKeys(accounts), [accounts]);
  const byId = useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts]);
  const accountOptions = useMemo<LookupOption[]>(() => leafAccounts.map((a) => ({ value: a.id, label: `${a.code} ${a.fullName}`, key: keys.get(a.id)!, hint: a.memberDim ? t('按成员核算') : undefined })), [leafAccounts, keys]);
  const matchAccount = useMemo(() => (o: LookupOption, q: string) => matchesAccount(byId.get(o.value)!, o.key, q), [byId]);
  const memberOptions = useMemo<LookupOption[]>(
    () => members.map((m) => ({ value: m.id, label: m.name, key: `${m.id} ${m.name} ${m.pyInitials}`.toLowerCase(), hint: m.leftOn ? t('已于 {d} 退社', { d: m.leftOn }) : m.address })),
    [members],
  );

  const rows = value.rows;
  // Synchronous so that a cell a keystroke creates (a new line, the member cell) exists before the next
  // keystroke arrives; a fast typist would otherwise type into the cell being left.
  const setRows = (f: (rows: EditorRow[]) => EditorRow[]) => flushSync(() => setValue((v) => ({ ...v, rows: f(v.rows) })));
  const patch = (i: number, p: Partial<EditorRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const account = (r: EditorRow): Account | undefined => byId.get(r.accountId);

  const totals = useMemo(() => {
    let d = 0;
    let c = 0;
    let bad = false;
    for (const r of rows) {
      const x = fenOf(r.debit);
      const y = fenOf(r.credit);
      if (x === null || y === null) bad = true;
      d += x ?? 0;
      c += y ?? 0;
    }
    return { d, c, bad };
  }, [rows]);
  const filled = rows.filter((r) => !isBlank(r));
  const balanced = !totals.bad && totals.d === totals.c && totals.d !== 0 && filled.length >= 2;

  const focus = (row: number, col: Col) => {
    const el = refs.current.get(`${row}:${col}`);
    el?.focus();
    el?.select?.();
  };
  const bind = (row: number, col: Col) => (el: HTMLInputElement | null) => {
    refs.current.set(`${row}:${col}`, el);
  };

  /** The next cell after `col` on line `i`: member only on member accounts, credit only when no debit. */
  const advance = (i: number, col: Col) => {
    const r = rows[i]!;
    if (col === 'summary') return focus(i, 'account');
    if (col === 'account') return focus(i, account(r)?.memberDim ? 'member' : 'debit');
    if (col === 'member') return focus(i, 'debit');
    if (col === 'debit' && fenOf(r.debit)) return nextLine(i);
    if (col === 'debit') return focus(i, 'credit');
    return nextLine(i);
  };
  const nextLine = (i: number) => {
    if (i === rows.length - 1) setRows((rs) => [...rs, blankRow(rs[i]?.summary ?? '')]);
    else if (!rows[i + 1]!.summary) patch(i + 1, { summary: rows[i]!.summary });
    focus(i + 1, 'summary');
  };

  /** = or F9: put the difference that balances the voucher into this cell and clear the other side. */
  const fillBalance = (i: number, side: 'debit' | 'credit') => {
    const r = rows[i]!;
    const own = (fenOf(side === 'debit' ? r.debit : r.credit) ?? 0) - 0;
    const needed = side === 'debit' ? totals.c - (totals.d - own) - (fenOf(r.credit) ?? 0) : totals.d - (totals.c - own) - (fenOf(r.debit) ?? 0);
    if (needed === 0) return;
    patch(i, side === 'debit' ? { debit: formatFen(needed, { thousands: false }), credit: '' } : { credit: formatFen(needed, { thousands: false }), debit: '' });
  };

  const amountKeys = (i: number, side: 'debit' | 'credit') => (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === '=' || e.key === 'F9') {
      e.preventDefault();
      fillBalance(i, side);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const text = side === 'debit' ? rows[i]!.debit : rows[i]!.credit;
      const fen = fenOf(text);
      if (fen !== null && text.trim()) patch(i, { [side]: formatFen(fen, { thousands: false }) });
      if (side === 'debit' && fen) nextLine(i);
      else advance(i, side);
    }
  };

  const removeRow = (i: number) => {
    setRows((rs) => (rs.length <= 2 ? rs.map((r, j) => (j === i ? blankRow() : r)) : rs.filter((_, j) => j !== i)));
    focus(Math.max(0, i - 1), 'summary');
  };

  const save = async () => {
    if (!balanced || busy) return;
    const used = rows.map((r, i) => ({ r, i })).filter(({ r }) => !isBlank(r));
    const lines = used.map(({ r }) => ({
      summary: r.summary,
      accountId: r.accountId,
      memberId: account(r)?.memberDim ? r.memberId : 0,
      debitFen: fenOf(r.debit) ?? 0,
      creditFen: fenOf(r.credit) ?? 0,
      product: account(r)?.memberDim ? r.product : '',
      qtyMilli: account(r)?.memberDim ? qtyMilli(r.qty) || 0 : 0,
      unit: account(r)?.memberDim ? r.unit : '',
    }));
    const saved = await run(() => call('ledger.vouchers.save', { id: value.id, version: value.version, bookId: book.id, date: value.date, kind: value.kind, attachments: value.attachments, lines }), {
      ok: value.id ? t('凭证已保存') : undefined,
      setErrors: (fields) => {
        // Server errors name lines by their position among the lines sent; map them back to grid rows.
        const mapped: Record<string, string> = {};
        for (const [k, v] of Object.entries(fields)) {
          const m = /^lines\.(\d+)\.(\w+)$/.exec(k);
          mapped[m ? `${used[Number(m[1])]?.i ?? 0}.${m[2]}` : k] = v;
        }
        setErrors(mapped);
      },
    });
    if (!saved) return;
    setErrors({});
    onSaved(saved, !value.id);
    if (!value.id) {
      flushSync(() => setValue({ date: value.date, kind: value.kind, attachments: 0, rows: [blankRow(), blankRow(), blankRow(), blankRow()] }));
      focus(0, 'summary');
    }
  };

  useHotkeys(
    [
      ['mod+S', () => void save()],
      ['mod+Delete', () => removeRow(focusRow)],
    ],
    [],
  );

  const err = (i: number, f: string) => errors[`${i}.${f}`];
  const kinds = book.voucherKinds === 'general' ? ['记'] : ['收', '付', '转'];
  const diff = totals.d - totals.c;

  return (
    <Stack gap="sm">
      <Group align="end" gap="md">
        <TextInput
          label={t('凭证日期')}
          w={150}
          autoFocus={!value.id}
          value={value.date}
          placeholder="YYYY-MM-DD"
          error={errors.date}
          onChange={(e) => setValue((v) => ({ ...v, date: e.currentTarget.value }))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              (refs.current.get('head:kind') ?? refs.current.get('head:att'))?.focus();
            }
          }}
        />
        {kinds.length > 1 ? (
          <Select
            label={t('凭证字')}
            w={90}
            data={kinds}
            value={value.kind}
            allowDeselect={false}
            error={errors.kind}
            ref={(el) => {
              refs.current.set('head:kind', el);
            }}
            onChange={(k) => k && setValue((v) => ({ ...v, kind: k as EditorValue['kind'] }))}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.defaultPrevented) {
                e.preventDefault();
                refs.current.get('head:att')?.focus();
              }
            }}
          />
        ) : (
          <TextInput label={t('凭证字')} w={70} value={value.kind} readOnly tabIndex={-1} />
        )}
        <TextInput
          label={t('附件张数')}
          w={90}
          inputMode="numeric"
          value={String(value.attachments)}
          error={errors.attachments}
          ref={(el) => {
            refs.current.set('head:att', el);
          }}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            const n = Number(e.currentTarget.value.replace(/\D/g, '').slice(0, 3) || 0);
            setValue((v) => ({ ...v, attachments: n }));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              focus(0, 'summary');
            }
          }}
        />
        <Text size="sm" c="dimmed" pb={6}>
          {value.id ? '' : t('凭证号在保存时按期间连续编排')}
        </Text>
      </Group>
      <Group gap="md" data-testid="voucher-keys">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">Enter</Kbd> {t('下一格')} · <Kbd size="xs">=</Kbd> {t('或')} <Kbd size="xs">F9</Kbd> {t('填入平衡金额')} · <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">S</Kbd> {t('保存')} ·{' '}
          <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Delete</Kbd> {t('删除本行')} · {t('科目可输入编码、名称或拼音首字母')}
        </Text>
      </Group>
      <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>#</Table.Th>
            <Table.Th w="24%">{t('摘要')}</Table.Th>
            <Table.Th>{t('会计科目')}</Table.Th>
            <Table.Th w="15%">{t('成员')}</Table.Th>
            <Table.Th w="13%">{t('借方金额')}</Table.Th>
            <Table.Th w="13%">{t('贷方金额')}</Table.Th>
            <Table.Th w={60} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => {
            const a = account(r);
            return (
              <Table.Tr key={r.key} onFocusCapture={() => setFocusRow(i)}>
                <Table.Td c="dimmed">{i + 1}</Table.Td>
                <Table.Td>
                  <SuggestInput
                    ariaLabel={t('第 {n} 行摘要', { n: i + 1 })}
                    value={r.summary}
                    suggestions={summaries.data ?? []}
                    error={err(i, 'summary')}
                    onChange={(s) => patch(i, { summary: s })}
                    onAdvance={() => advance(i, 'summary')}
                    inputRef={bind(i, 'summary')}
                  />
                </Table.Td>
                <Table.Td>
                  <Lookup
                    ariaLabel={t('第 {n} 行科目', { n: i + 1 })}
                    options={accountOptions}
                    match={matchAccount}
                    value={r.accountId}
                    error={err(i, 'accountId')}
                    placeholder={t('编码/名称/拼音')}
                    onChange={(id) => patch(i, { accountId: id, memberId: byId.get(id)?.memberDim ? r.memberId : 0 })}
                    onAdvance={(id) => focus(i, byId.get(id)?.memberDim ? 'member' : 'debit')}
                    inputRef={bind(i, 'account')}
                  />
                </Table.Td>
                <Table.Td>
                  {a?.memberDim ? (
                    <Group gap={2} wrap="nowrap">
                      <Lookup
                        ariaLabel={t('第 {n} 行成员', { n: i + 1 })}
                        options={memberOptions}
                        value={r.memberId}
                        error={err(i, 'memberId')}
                        placeholder={t('姓名/拼音')}
                        onChange={(id) => patch(i, { memberId: id })}
                        onAdvance={() => advance(i, 'member')}
                        inputRef={bind(i, 'member')}
                      />
                      <TradePopover row={r} onChange={(p) => patch(i, p)} />
                    </Group>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {err(i, 'memberId') ?? ''}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    ref={bind(i, 'debit')}
                    aria-label={t('第 {n} 行借方金额', { n: i + 1 })}
                    styles={{ input: { textAlign: 'right' } }}
                    value={r.debit}
                    error={err(i, 'debitFen') ?? (fenOf(r.debit) === null ? t('金额格式不对') : undefined)}
                    onChange={(e) => patch(i, { debit: e.currentTarget.value.replace(/[=]/g, '') })}
                    onKeyDown={amountKeys(i, 'debit')}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    ref={bind(i, 'credit')}
                    aria-label={t('第 {n} 行贷方金额', { n: i + 1 })}
                    styles={{ input: { textAlign: 'right' } }}
                    value={r.credit}
                    error={err(i, 'creditFen') ?? (fenOf(r.credit) === null ? t('金额格式不对') : undefined)}
                    onChange={(e) => patch(i, { credit: e.currentTarget.value.replace(/[=]/g, '') })}
                    onKeyDown={amountKeys(i, 'credit')}
                  />
                </Table.Td>
                <Table.Td>
                  <Tooltip label={t('删除本行（Ctrl+Delete）')}>
                    <ActionIcon variant="subtle" color="gray" tabIndex={-1} aria-label={t('删除第 {n} 行', { n: i + 1 })} onClick={() => removeRow(i)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td />
            <Table.Td colSpan={3}>
              <Text size="sm" fw={600} data-testid="voucher-upper">
                {t('合计')}：{totals.d === totals.c && totals.d !== 0 ? upperAmount(totals.d) : ''}
              </Text>
            </Table.Td>
            <Table.Td ta="right" fw={600} data-testid="voucher-debit-total">
              {formatFen(totals.d)}
            </Table.Td>
            <Table.Td ta="right" fw={600} data-testid="voucher-credit-total">
              {formatFen(totals.c)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {errors.lines && <Alert color="red">{errors.lines}</Alert>}
      <Group justify="space-between">
        <Text size="sm" c={diff === 0 ? 'dimmed' : 'red'} data-testid="voucher-diff">
          {diff === 0 ? (totals.d ? t('借贷平衡') : '') : t('借贷差额 {d}，不平衡的凭证不能保存', { d: formatFen(diff) })}
        </Text>
        <Group>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('取消')}
            </Button>
          )}
          <Button onClick={() => void save()} disabled={!balanced} loading={busy}>
            {t('保存（Ctrl+S）')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
