/**
 * Quy tắc khen thưởng (eligibility rules as data) and Điều kiện khen thưởng (the hints written
 * per proposal). Kept apart from tables.ts, which holds one year's sheets.
 */
import { AWARD_LEVEL_LABELS, RECIPIENT_TYPE_LABELS } from '../model/award';
import { NUMBER_FORMATS as F, type TableLayout } from './columns';
import { SHEET_NAMES } from './sheets';

/** What a rule row checks (Loại điều kiện), as users pick it. */
export const CONDITION_KIND_LABELS = {
  consecutive: 'Số năm liên tục',
  initiatives: 'Số sáng kiến',
  ratioCap: 'Tỷ lệ tối đa',
  oneForm: 'Một thành tích một hình thức',
} as const;
export type ConditionKind = keyof typeof CONDITION_KIND_LABELS;

export const SWITCH_LABELS = { on: 'Bật', off: 'Tắt' } as const;
export const RULE_YES_NO_LABELS = { yes: 'Có', no: 'Không' } as const;
export const VERIFICATION_LABELS = {
  verified: 'Đã đối chiếu văn bản',
  unverified: 'Chưa đối chiếu văn bản',
} as const;

/**
 * One rule per row. Rows of the same "Nhóm thay thế" for the same title are alternatives: a
 * proposal meets the group when it meets any one of them (Bằng khen: 2 years of Chiến sĩ thi
 * đua cơ sở, or 2 years of HTXSNV with 2 initiatives).
 */
export const RULES_LAYOUT = {
  sheet: SHEET_NAMES.rules,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 3,
  columns: [
    {
      key: 'id',
      header: 'Mã quy tắc',
      width: 110,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      note: 'Mã ngắn, không trùng; hiện ở trang Điều kiện khen thưởng.',
    },
    {
      key: 'enabled',
      header: 'Áp dụng',
      width: 80,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(SWITCH_LABELS) },
      note: 'Bật: dùng khi kiểm tra điều kiện. Tắt: giữ quy tắc nhưng không dùng.',
    },
    {
      key: 'award',
      header: 'Danh hiệu / hình thức khen thưởng',
      width: 230,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Danh hiệu hoặc hình thức được đề nghị mà quy tắc xét. Để trống với «Một thành tích một hình thức»: mọi hình thức khen thưởng.',
    },
    {
      key: 'subjectType',
      header: 'Tập thể / Cá nhân',
      width: 110,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(RECIPIENT_TYPE_LABELS) },
    },
    {
      key: 'level',
      header: 'Cấp khen',
      width: 190,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(AWARD_LEVEL_LABELS) },
      note: 'Để trống: mọi cấp khen.',
    },
    {
      key: 'kind',
      header: 'Loại điều kiện',
      width: 200,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(CONDITION_KIND_LABELS) },
    },
    {
      key: 'item',
      header: 'Danh hiệu / xếp loại cần có',
      width: 230,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Số năm liên tục: danh hiệu hoặc xếp loại phải có mỗi năm (ví dụ HTXSNV). Tỷ lệ tối đa: danh hiệu làm mẫu số (ví dụ Lao động tiên tiến).',
    },
    {
      key: 'years',
      header: 'Số năm',
      width: 70,
      numberFormat: F.integer,
      required: false,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 1, max: 50, integer: true },
      note: 'Số năm liên tục; với «Số sáng kiến»: số năm tính sáng kiến (mặc định 1).',
    },
    {
      key: 'currentYear',
      header: 'Tính cả năm đề nghị',
      width: 110,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(RULE_YES_NO_LABELS) },
      note: 'Có: các năm tính đến hết năm đề nghị. Không: đến hết năm trước đó. Mặc định: Có.',
    },
    {
      key: 'initiatives',
      header: 'Số sáng kiến',
      width: 90,
      numberFormat: F.integer,
      required: false,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 0, max: 100, integer: true },
      note: 'Số sáng kiến cần có trong các năm đó (dòng «Sáng kiến …» ở trang Lịch sử).',
    },
    {
      key: 'percent',
      header: 'Tỷ lệ tối đa (%)',
      width: 100,
      numberFormat: F.number,
      required: false,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 0, max: 100 },
    },
    {
      key: 'group',
      header: 'Nhóm thay thế',
      width: 100,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Các dòng cùng danh hiệu và cùng nhóm là các phương án thay thế nhau: đạt một phương án là đủ.',
    },
    {
      key: 'legalText',
      header: 'Văn bản',
      width: 230,
      numberFormat: F.text,
      required: true,
      entry: 'user',
    },
    {
      key: 'article',
      header: 'Điều, khoản',
      width: 150,
      numberFormat: F.text,
      required: true,
      entry: 'user',
    },
    {
      key: 'from',
      header: 'Hiệu lực từ',
      width: 100,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Ngày (dd/mm/yyyy). Đề nghị của năm nào xét theo quy tắc có hiệu lực ngày 31/12 năm đó (hoặc ngày quyết định nếu có).',
    },
    {
      key: 'until',
      header: 'Hiệu lực đến',
      width: 100,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Để trống: còn hiệu lực.',
    },
    {
      key: 'verification',
      header: 'Đối chiếu',
      width: 170,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(VERIFICATION_LABELS) },
    },
    {
      key: 'source',
      header: 'Nguồn đối chiếu',
      width: 300,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
    {
      key: 'note',
      header: 'Ghi chú',
      width: 300,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
  ],
} as const satisfies TableLayout;
export type RuleColumnKey = (typeof RULES_LAYOUT.columns)[number]['key'];

/** Điều kiện khen thưởng: written whole by «Kiểm tra điều kiện khen thưởng», protected. */
export const ELIGIBILITY_LAYOUT = {
  sheet: SHEET_NAMES.eligibility,
  headerRow: 3,
  firstDataRow: 4,
  frozenRows: 3,
  frozenColumns: 0,
  columns: [
    {
      key: 'row',
      header: 'Dòng sổ',
      width: 70,
      numberFormat: F.integer,
      required: true,
      entry: 'computed',
    },
    {
      key: 'year',
      header: 'Năm',
      width: 60,
      numberFormat: F.integer,
      required: true,
      entry: 'computed',
    },
    {
      key: 'subjectType',
      header: 'Tập thể / Cá nhân',
      width: 100,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
    {
      key: 'name',
      header: 'Tên tập thể / Họ tên',
      width: 220,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
    {
      key: 'unit',
      header: 'Đơn vị',
      width: 180,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
    {
      key: 'award',
      header: 'Danh hiệu / hình thức đề nghị',
      width: 220,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
    {
      key: 'level',
      header: 'Cấp khen',
      width: 150,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
    {
      key: 'result',
      header: 'Kết quả',
      width: 160,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
    {
      key: 'lacking',
      header: 'Điều kiện còn thiếu',
      width: 480,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
    {
      key: 'rules',
      header: 'Quy tắc đã xét',
      width: 160,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
  ],
} as const satisfies TableLayout;
export type EligibilityColumnKey = (typeof ELIGIBILITY_LAYOUT.columns)[number]['key'];
