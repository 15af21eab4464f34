/**
 * The years' tables (issue 13). Kept apart from tables.ts, which holds one year's sheets.
 */
import { AWARD_LEVEL_LABELS, RECIPIENT_TYPE_LABELS, REGISTER_FORM_CHOICES } from '../model/award';
import { RATING_LABELS } from '../model/history';
import { NUMBER_FORMATS as F, type TableLayout } from './columns';
import { SHEET_NAMES } from './sheets';

/**
 * Lịch sử thi đua, khen thưởng: one row per subject, year and item (a title, a form, a rating
 * or an initiative). Users type or import rows; "Ghi lịch sử" adds the register's decided rows
 * and fills Nguồn and Mã hồ sơ.
 */
export const HISTORY_LAYOUT = {
  sheet: SHEET_NAMES.history,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 3,
  columns: [
    {
      key: 'year',
      header: 'Năm',
      width: 70,
      numberFormat: F.integer,
      required: true,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 1900, max: 2200, integer: true },
      note: 'Năm của thành tích hoặc của xếp loại.',
    },
    {
      key: 'subjectType',
      header: 'Tập thể / Cá nhân',
      aliases: ['Đối tượng'],
      width: 110,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(RECIPIENT_TYPE_LABELS) },
    },
    {
      key: 'name',
      header: 'Tên tập thể / Họ tên',
      aliases: ['Họ tên', 'Họ và tên', 'Tên tập thể'],
      width: 240,
      numberFormat: F.text,
      required: true,
      entry: 'user',
    },
    {
      key: 'unit',
      header: 'Đơn vị',
      aliases: ['Đơn vị công tác'],
      width: 220,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Cá nhân: nơi công tác. Tập thể: đơn vị cấp trên (để trống nếu là chính đơn vị).',
    },
    {
      key: 'item',
      header: 'Danh hiệu, hình thức khen thưởng hoặc xếp loại',
      aliases: ['Danh hiệu', 'Hình thức khen thưởng', 'Xếp loại'],
      width: 260,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: {
        kind: 'list',
        values: [...REGISTER_FORM_CHOICES, ...Object.values(RATING_LABELS), 'Sáng kiến'],
        allowOther: true,
      },
      note: 'Danh hiệu thi đua, hình thức khen thưởng, mức xếp loại (ví dụ: Hoàn thành xuất sắc nhiệm vụ, HTXSNV) hoặc «Sáng kiến …».',
    },
    {
      key: 'level',
      header: 'Cấp khen',
      width: 190,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(AWARD_LEVEL_LABELS) },
      note: 'Để trống cho xếp loại và sáng kiến.',
    },
    {
      key: 'decisionNumber',
      header: 'Số quyết định',
      width: 130,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
    {
      key: 'decisionDate',
      header: 'Ngày quyết định',
      width: 110,
      numberFormat: F.date,
      required: false,
      entry: 'user',
      validation: { kind: 'date' },
    },
    {
      key: 'note',
      header: 'Ghi chú',
      width: 240,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
    {
      key: 'source',
      header: 'Nguồn',
      width: 180,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
      note: 'Do chương trình ghi: sổ khen thưởng của năm, hoặc tệp đã nhập.',
    },
    {
      key: 'registerKey',
      header: 'Mã hồ sơ',
      width: 150,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
      note: 'Mã của dòng sổ khen thưởng đã ghi vào lịch sử: ghi lại lần nữa không thêm dòng.',
    },
  ],
} as const satisfies TableLayout;
export type HistoryColumnKey = (typeof HISTORY_LAYOUT.columns)[number]['key'];
