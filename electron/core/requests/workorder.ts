import type { Actor, Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { formatFen, upperAmount } from '../../../shared/money';
import { PRIORITY_LABELS } from '../../../shared/contract/requestFields';
import { renderPdf } from '../reports/pdf';
import { getSettings } from '../settings/settings';
import { listProviders } from './providers';
import { getRequest } from './detail';
import { fmtMu } from './dispatch';
import { localDate } from './rules';

const cell = (text: string, opts: Record<string, unknown> = {}) => ({ text, ...opts });
const money = (fen: number) => cell(formatFen(fen), { alignment: 'right' });

/**
 * The 派工单 handed to the provider and shown to the farmer: who, where, which links on how many mu,
 * when, at what price, the subsidy under the rule in force, and what the farmer pays.
 */
export async function workOrderPdf(store: Store, actor: Actor, id: number): Promise<{ name: string; mime: string; base64: string }> {
  const r = getRequest(store, actor, id);
  if (!r.production) throw new AppError('REFUSED', `申请 ${r.code} 不是生产服务，没有派工单`);
  if (!r.provider) throw new AppError('REFUSED', `申请 ${r.code} 尚未派单，不能打印派工单`);
  const provider = listProviders(store).find((p) => p.id === r.provider!.id);
  const q = r.quote;
  const label = (t: string) => cell(t, { bold: true, fillColor: '#f2f2f2' });
  const body = [
    ['环节', '面积（亩）', '单价（元/亩）', '服务费（元）', '补助（元）', '农户应付（元）'].map((h) => cell(h, { bold: true, fillColor: '#e8f5ef', alignment: 'center' })),
    ...q.lines.map((l) => [cell(l.link), cell(fmtMu(l.areaMu100), { alignment: 'right' }), money(l.priceFen ?? 0), money(l.feeFen), money(l.subsidyFen), money(l.dueFen)]),
    [cell('合计', { bold: true }), cell(`${fmtMu(q.muTimes100)} 亩次`, { alignment: 'right' }), cell(''), money(q.feeFen), money(q.subsidyFen), money(q.dueFen)],
  ];
  const dates = r.wishedFrom || r.wishedTo ? `${r.wishedFrom || '—'} 至 ${r.wishedTo || '—'}` : '尽快';
  const pdf = await renderPdf({
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { fontSize: 10 },
    content: [
      { text: getSettings(store).centreName, alignment: 'center', fontSize: 11 },
      { text: '农业生产服务派工单', alignment: 'center', fontSize: 18, bold: true, margin: [0, 4, 0, 8] },
      { columns: [{ text: `单号：${r.code}` }, { text: `派单日期：${localDate(store.now())}`, alignment: 'right' }], margin: [0, 0, 0, 6] },
      {
        table: {
          widths: [70, '*', 70, '*'],
          body: [
            [label('农户（主体）'), cell(r.party.name), label('联系电话'), cell(r.party.phone)],
            [label('服务类别'), cell(r.kind), label('作物'), cell(r.crop)],
            [label('地块位置'), { text: [r.township, r.village, r.location].filter(Boolean).join(' '), colSpan: 3 }, '', ''],
            [label('作业面积'), cell(`${fmtMu(r.areaMu100)} 亩`), label('期望日期'), cell(dates)],
            [label('服务主体'), cell(r.provider.name), label('联系人'), cell([r.provider.contactName, r.provider.phone].filter(Boolean).join(' '))],
            [label('机械'), { text: provider?.machines.map((m) => `${m.name}×${m.count}`).join('、') || '—', colSpan: 3 }, '', ''],
            [label('优先级'), cell(PRIORITY_LABELS[r.priority] ?? ''), label('经办人'), cell(r.handler)],
            ...(r.contract ? [[label('托管合同'), { text: r.contract.code, colSpan: 3 }, '', '']] : []),
            ...(r.outsideReason ? [[label('跨范围原因'), { text: r.outsideReason, colSpan: 3 }, '', '']] : []),
            ...(r.notes ? [[label('备注'), { text: r.notes, colSpan: 3 }, '', '']] : []),
          ],
        },
        margin: [0, 0, 0, 10],
      },
      { table: { headerRows: 1, widths: ['*', 60, 70, 70, 60, 75], body }, margin: [0, 0, 0, 6] },
      { text: `农户应付金额（大写）：${upperAmount(q.dueFen)}`, bold: true, margin: [0, 2, 0, 2] },
      { text: `补助口径：${q.subsidyRule}。实际金额以作业后登记的面积为准。`, fontSize: 9, color: '#555555', margin: [0, 0, 0, 20] },
      { columns: [{ text: '派单人：' }, { text: '服务主体签收：' }, { text: '农户确认：' }] },
      { columns: [{ text: '日期：' }, { text: '日期：' }, { text: '日期：' }], margin: [0, 16, 0, 0] },
    ],
  });
  store.write(actor, 'workOrders.print', (audit) => audit.record({ entity: 'service_request', ids: [r.id], summary: { code: r.code } }));
  return { name: `派工单_${r.code}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
}
