/**
 * Thống kê qua các năm: written whole by «Thống kê qua các năm» (two title rows, then one block per
 * year: awards by level × collective / individual as seed 003 reports them, titles and forms
 * apart; then the years side by side, which the chart draws), protected.
 */
import { NUMBER_FORMATS as F, type TableLayout } from './columns';
import { SHEET_NAMES } from './sheets';

export const YEAR_STATISTICS_LAYOUT = {
  sheet: SHEET_NAMES.yearStatistics,
  headerRow: 3,
  firstDataRow: 4,
  frozenRows: 3,
  frozenColumns: 0,
  columns: [
    {
      key: 'year',
      header: 'Năm',
      width: 70,
      numberFormat: F.integer,
      required: true,
      entry: 'computed',
    },
    {
      key: 'item',
      header: 'Cấp khen, loại khen thưởng',
      width: 260,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
    {
      key: 'collective',
      header: 'Tập thể',
      width: 90,
      numberFormat: F.integer,
      required: true,
      entry: 'computed',
    },
    {
      key: 'individual',
      header: 'Cá nhân',
      width: 90,
      numberFormat: F.integer,
      required: true,
      entry: 'computed',
    },
    {
      key: 'total',
      header: 'Tổng cộng',
      width: 90,
      numberFormat: F.integer,
      required: true,
      entry: 'computed',
    },
    {
      key: 'source',
      header: 'Nguồn số liệu',
      width: 420,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
  ],
} as const satisfies TableLayout;
export type YearStatisticsColumnKey = (typeof YEAR_STATISTICS_LAYOUT.columns)[number]['key'];
