import { DataTable, type DataTableColumn, type DataTableProps, type DataTableSortStatus } from 'mantine-datatable';
import { t } from '../i18n';

export interface DataListProps<T> {
  records: T[] | undefined;
  columns: DataTableColumn<T>[];
  total: number;
  page: number;
  pageSize: number;
  onPage(page: number): void;
  fetching?: boolean;
  sort?: DataTableSortStatus<T>;
  onSort?(s: DataTableSortStatus<T>): void;
  onRowClick?(record: T): void;
  idAccessor?: keyof T | ((r: T) => string | number);
  height?: number | string;
}

/** Server-paged list with the house defaults: Chinese texts, striped rows, row click to open. */
export function DataList<T>(p: DataListProps<T>) {
  // mantine-datatable types pagination and sorting as all-or-nothing unions; they are all given here.
  const props = {
    withTableBorder: true,
    striped: true,
    highlightOnHover: true,
    minHeight: 160,
    height: p.height,
    records: p.records ?? [],
    columns: p.columns,
    totalRecords: p.total,
    recordsPerPage: p.pageSize,
    page: p.page,
    onPageChange: p.onPage,
    fetching: p.fetching,
    sortStatus: p.sort,
    onSortStatusChange: p.onSort,
    onRowClick: p.onRowClick ? ({ record }: { record: T }) => p.onRowClick!(record) : undefined,
    idAccessor: p.idAccessor ?? 'id',
    noRecordsText: t('没有记录'),
    loadingText: t('加载中…'),
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) => t('第 {from}-{to} 条，共 {total} 条', { from, to, total: totalRecords }),
  } as unknown as DataTableProps<T>;
  return <DataTable<T> {...props} />;
}
