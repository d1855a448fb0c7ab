import { useState } from 'react';
import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { call } from '../../api/client';
import { ImportWizard } from '../../components/ImportWizard';
import { navigate } from '../../app/router';
import { formatFen } from '../../../../shared/money';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import type { RouteProps } from '../types';
import { BookPage, money, useBook } from './common';
import { t } from '../../i18n';

type Preview = Out<Contract['ledger.vouchers.importPreview']>;

function VoucherImport() {
  const { book } = useBook();
  const [map2007, setMap2007] = useState(false);
  if (book.status !== 'active') return <Alert color="orange">{t('账套尚未启用：请先录入期初余额并启用。')}</Alert>;
  return (
    <Stack>
      <Text size="sm">
        {t('按常见财务软件导出的格式导入：日期、凭证字、凭证号、摘要、科目编码、科目名称、借方金额、贷方金额，可选“成员”（姓名或编号）和“附件数”。同一期间、凭证字、凭证号的行合为一张凭证；导入后为草稿，由他人审核后记账。有任何一行错误时不导入。')}
      </Text>
      <Checkbox label={t('按 2007 年制度转换科目编码（旧 522 管理费用 → 523；211、141、142 按科目名称拆分）')} checked={map2007} onChange={(e) => setMap2007(e.currentTarget.checked)} />
      <ImportWizard<Preview['rows'][number], Preview>
        columns={[
          { title: t('日期'), render: (r) => r.date },
          { title: t('原凭证号'), render: (r) => r.voucher },
          { title: t('导入后'), render: (r) => r.newVoucher },
          { title: t('摘要'), render: (r) => r.summary },
          { title: t('科目'), render: (r) => `${r.accountCode} ${r.accountName}` },
          { title: t('成员'), render: (r) => r.member },
          { title: t('借方'), render: (r) => money(r.debitFen) },
          { title: t('贷方'), render: (r) => money(r.creditFen) },
          { title: t('说明'), render: (r) => r.note },
        ]}
        summary={(p) => <Text size="sm">{t('共 {r} 行、{v} 张凭证，借方 {d}，贷方 {c}', { r: p.totalRows, v: p.vouchers, d: formatFen(p.debitFen), c: formatFen(p.creditFen) })}</Text>}
        preview={(u) => call('ledger.vouchers.importPreview', { ...u, bookId: book.id, map2007 })}
        commit={(u) => call('ledger.vouchers.importCommit', { ...u, bookId: book.id, map2007 })}
        onDone={() => navigate(`/ledger/${book.id}/vouchers`)}
      />
    </Stack>
  );
}

export function ImportPage({ params }: RouteProps) {
  return (
    <BookPage bookId={Number(params.bookId)} tab="import" title="导入凭证">
      <VoucherImport />
    </BookPage>
  );
}
