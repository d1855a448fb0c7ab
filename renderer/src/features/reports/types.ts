import type { Contract } from '../../../../shared/contract';
import type { In, Out } from '../../../../shared/contract/define';

export type Catalog = Out<Contract['reports.catalog']>;
export type ReportInfo = Catalog['reports'][number];
export type Preview = Out<Contract['reports.preview']>;
export type PreviewSheet = Preview['sheets'][number];
export type Params = In<Contract['reports.preview']>['params'];
export type HistoryRow = Out<Contract['reports.history']>['rows'][number];
export type Regenerated = Out<Contract['reports.regenerated']>;
