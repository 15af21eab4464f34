import { CRITERION_TYPE_LABELS } from '../model/criteria';
import { UNIT_ROLE_LABELS } from '../model/unit';
import { AWARD_LEVEL_LABELS, DEFAULT_AWARD_FORMS, RECIPIENT_TYPE_LABELS } from '../model/award';
import { NUMBER_FORMATS as F, type ColumnSpec, type TableLayout } from './columns';
import { SHEET_NAMES } from './sheets';
import {
  BALLOT_MARK_LABELS,
  SPOILED_LABEL,
  TARGET_FORMULA_LABELS,
  TARGET_PART_LABELS,
  YES_NO_LABELS,
} from './labels';

/** Đơn vị: one row per member unit. */
export const UNITS_LAYOUT = {
  sheet: SHEET_NAMES.units,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 2,
  columns: [
    {
      key: 'code',
      header: 'Mã đơn vị',
      aliases: ['Mã'],
      width: 110,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      note: 'Mã ngắn, không trùng nhau, ví dụ: BD, HM.',
    },
    {
      key: 'name',
      header: 'Tên đơn vị',
      aliases: ['Đơn vị'],
      width: 220,
      numberFormat: F.text,
      required: true,
      entry: 'user',
    },
    {
      key: 'type',
      header: 'Loại đơn vị',
      width: 120,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Ví dụ: Quận, Xã, Phường, Sở.',
    },
    {
      key: 'role',
      header: 'Vai trò',
      width: 120,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(UNIT_ROLE_LABELS) },
      note: 'Để trống: Thành viên.',
    },
    {
      key: 'headName',
      header: 'Họ tên thủ trưởng',
      width: 180,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
    {
      key: 'headTitle',
      header: 'Chức vụ thủ trưởng',
      width: 160,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
    {
      key: 'email',
      header: 'Thư điện tử',
      aliases: ['Email', 'E-mail'],
      width: 200,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'email' },
    },
    {
      key: 'registeredTitle',
      header: 'Danh hiệu đăng ký',
      width: 180,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: DEFAULT_AWARD_FORMS, allowOther: true },
    },
    {
      key: 'fullName',
      header: 'Tên đầy đủ',
      aliases: ['Tên đầy đủ của đơn vị'],
      width: 280,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Tên in trên văn bản và giấy khen, ví dụ: Ủy ban MTTQ Việt Nam quận Ba Đình. Để trống: dùng Tên đơn vị.',
    },
  ],
} as const satisfies TableLayout;
export type UnitColumnKey = (typeof UNITS_LAYOUT.columns)[number]['key'];

/**
 * Tiêu chí: the criteria tree, one row each. A row with a group code and no criterion code
 * declares the group (its name and maximum); criterion rows name their group, and a
 * sub-criterion names its parent.
 */
export const CRITERIA_LAYOUT = {
  sheet: SHEET_NAMES.criteria,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 3,
  columns: [
    {
      key: 'groupCode',
      header: 'Mã nhóm',
      width: 80,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      note: 'Ví dụ: I, II. Dòng chỉ có mã nhóm (không có mã tiêu chí) khai báo nhóm và điểm tối đa của nhóm.',
    },
    {
      key: 'groupName',
      header: 'Tên nhóm',
      width: 200,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
    {
      key: 'code',
      header: 'Mã tiêu chí',
      width: 90,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      note: 'Ví dụ: I.1, I.1.a. Không trùng nhau.',
    },
    {
      key: 'parent',
      header: 'Tiêu chí cha',
      aliases: ['Mã tiêu chí cha'],
      width: 90,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: {
        kind: 'listFromColumn',
        sheet: SHEET_NAMES.criteria,
        column: 'code',
        allowOther: true,
      },
      note: 'Chỉ điền cho tiêu chí con: mã của tiêu chí mà điểm của nó cộng vào.',
    },
    {
      key: 'text',
      header: 'Nội dung tiêu chí',
      aliases: ['Nội dung', 'Tiêu chí'],
      width: 420,
      numberFormat: F.text,
      required: true,
      entry: 'user',
    },
    {
      key: 'type',
      header: 'Cách chấm',
      aliases: ['Loại tiêu chí', 'Loại'],
      width: 130,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(CRITERION_TYPE_LABELS) },
    },
    {
      key: 'maxPoints',
      header: 'Điểm tối đa',
      aliases: ['Điểm chuẩn'],
      width: 90,
      numberFormat: F.score,
      required: true,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 0 },
      note: 'Với tiêu chí theo lần, điểm thưởng, điểm trừ: mức tối đa.',
    },
    {
      key: 'pointsPerOccurrence',
      header: 'Điểm mỗi lần',
      width: 90,
      numberFormat: F.score,
      required: false,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 0 },
      note: 'Chỉ cho tiêu chí chấm theo lần.',
    },
    {
      key: 'targetFormula',
      header: 'Cách tính định lượng',
      width: 190,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(TARGET_FORMULA_LABELS) },
      note: 'Chỉ cho tiêu chí định lượng. Để trống: Tỷ lệ thuận.',
    },
    {
      key: 'extraPerPercent',
      header: 'Điểm cộng mỗi 1% vượt',
      width: 110,
      numberFormat: F.score,
      required: false,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 0 },
    },
    {
      key: 'extraCap',
      header: 'Điểm cộng vượt tối đa',
      width: 110,
      numberFormat: F.score,
      required: false,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 0 },
    },
    {
      key: 'evidenceRequired',
      header: 'Cần minh chứng',
      width: 100,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: YES_NO_LABELS },
    },
  ],
} as const satisfies TableLayout;
export type CriteriaColumnKey = (typeof CRITERIA_LAYOUT.columns)[number]['key'];

/**
 * Chấm chéo: one row per scorer, scored unit and criterion. Target-based criteria take target
 * and actual instead of a score.
 */
export const CROSS_SCORES_LAYOUT = {
  sheet: SHEET_NAMES.crossScores,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 0,
  columns: [
    {
      key: 'scorer',
      header: 'Đơn vị chấm',
      width: 180,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'listFromColumn', sheet: SHEET_NAMES.units, column: 'code' },
    },
    {
      key: 'unit',
      header: 'Đơn vị được chấm',
      width: 180,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'listFromColumn', sheet: SHEET_NAMES.units, column: 'code' },
    },
    {
      key: 'criterion',
      header: 'Mã tiêu chí',
      aliases: ['Tiêu chí'],
      width: 100,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'listFromColumn', sheet: SHEET_NAMES.criteria, column: 'code' },
    },
    {
      key: 'score',
      header: 'Điểm',
      width: 90,
      numberFormat: F.score,
      required: true,
      entry: 'user',
      note: 'Với tiêu chí Đạt / Không đạt: ghi Đạt hoặc Không đạt. Với tiêu chí theo lần: số lần.',
    },
    {
      key: 'target',
      header: TARGET_PART_LABELS.target,
      width: 90,
      numberFormat: F.number,
      required: false,
      entry: 'user',
      note: 'Chỉ cho tiêu chí định lượng.',
    },
    {
      key: 'actual',
      header: TARGET_PART_LABELS.actual,
      width: 90,
      numberFormat: F.number,
      required: false,
      entry: 'user',
      note: 'Chỉ cho tiêu chí định lượng.',
    },
    {
      key: 'comment',
      header: 'Ghi chú',
      width: 240,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
  ],
} as const satisfies TableLayout;
export type CrossScoreColumnKey = (typeof CROSS_SCORES_LAYOUT.columns)[number]['key'];

/** Bình xét: one row per ballot and nominee. */
export const VOTES_LAYOUT = {
  sheet: SHEET_NAMES.votes,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 0,
  columns: [
    {
      key: 'voter',
      header: 'Đơn vị bỏ phiếu',
      width: 180,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'listFromColumn', sheet: SHEET_NAMES.units, column: 'code' },
    },
    {
      key: 'nominee',
      header: 'Đề nghị khen thưởng',
      aliases: ['Người được đề nghị', 'Đơn vị được đề nghị'],
      width: 220,
      numberFormat: F.text,
      required: true,
      entry: 'user',
    },
    {
      key: 'mark',
      header: 'Ý kiến',
      width: 130,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(BALLOT_MARK_LABELS) },
      note: 'Để trống nếu không ghi ý kiến.',
    },
    {
      key: 'spoiled',
      header: 'Phiếu không hợp lệ',
      width: 130,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: [SPOILED_LABEL] },
      note: 'Ghi "Không hợp lệ" (hoặc x) nếu phiếu của đơn vị này không hợp lệ.',
    },
  ],
} as const satisfies TableLayout;
export type VoteColumnKey = (typeof VOTES_LAYOUT.columns)[number]['key'];

/** Nhật ký: the audit trail, appended by the program only. */
export const AUDIT_LAYOUT = {
  sheet: SHEET_NAMES.audit,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 0,
  columns: [
    {
      key: 'time',
      header: 'Thời gian',
      width: 150,
      numberFormat: F.dateTime,
      required: true,
      entry: 'computed',
    },
    {
      key: 'user',
      header: 'Người sửa',
      width: 200,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
    {
      key: 'sheet',
      header: 'Trang tính',
      width: 120,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
    {
      key: 'cell',
      header: 'Ô',
      width: 70,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
    {
      key: 'oldValue',
      header: 'Giá trị cũ',
      width: 140,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
    {
      key: 'newValue',
      header: 'Giá trị mới',
      width: 140,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
    {
      key: 'action',
      header: 'Thao tác',
      width: 200,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
  ],
} as const satisfies TableLayout;
export type AuditColumnKey = (typeof AUDIT_LAYOUT.columns)[number]['key'];

/** Key of the ranking column holding one group's subtotal. */
export function groupSubtotalKey(groupCode: string): string {
  return `group:${groupCode}`;
}

/**
 * Xếp hạng: written by the ranking action, protected. Group subtotal columns depend on the
 * criteria tree, so this is a function. Set-up writes its header row; the ranking action writes
 * the same columns (rankingSheetValues) with these formats.
 */
export function rankingLayout(tree: {
  readonly groups: readonly { readonly code: string; readonly name: string }[];
}): TableLayout {
  const computed = (
    key: string,
    header: string,
    width: number,
    numberFormat: string,
    note?: string,
  ): ColumnSpec => ({
    key,
    header,
    width,
    numberFormat,
    required: true,
    entry: 'computed',
    ...(note === undefined ? {} : { note }),
  });
  return {
    sheet: SHEET_NAMES.ranking,
    headerRow: 1,
    firstDataRow: 2,
    frozenRows: 1,
    frozenColumns: 3,
    columns: [
      computed('rank', 'Hạng', 60, F.integer),
      computed('unitCode', 'Mã đơn vị', 100, F.text),
      computed('unitName', 'Tên đơn vị', 220, F.text),
      ...tree.groups.map((g) =>
        computed(groupSubtotalKey(g.code), `Nhóm ${g.code}`, 90, F.score, g.name),
      ),
      computed('bonus', 'Điểm thưởng', 90, F.score),
      computed('penalty', 'Điểm trừ', 90, F.score),
      computed('total', 'Tổng điểm', 90, F.score),
      computed('maxTotal', 'Điểm tối đa', 90, F.score),
      computed('share', 'Tỷ lệ', 80, F.percent),
      computed('classification', 'Xếp loại', 110, F.text),
      computed('proposal', 'Đề nghị khen thưởng', 160, F.text),
      computed('reason', 'Lý do', 320, F.text),
      computed('tieNote', 'Ghi chú bằng điểm', 240, F.text),
    ],
  };
}

/**
 * Khen thưởng: the award register (sổ khen thưởng), one row per recipient and award. Users type
 * or paste the first columns; the last four are the program's: the certificate job writes
 * Trạng thái, Liên kết and Lỗi, and Mã hồ sơ is the row's stable key (src/core/awards/key.ts),
 * written once by the program and never changed, so a certificate is never made twice.
 */
export const AWARDS_LAYOUT = {
  sheet: SHEET_NAMES.awards,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 2,
  columns: [
    {
      key: 'recipientType',
      header: 'Tập thể / Cá nhân',
      aliases: ['Đối tượng', 'Loại đối tượng'],
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
      note: 'Tập thể: tên đầy đủ, ví dụ: Trường THCS Nhân Chính. Cá nhân: họ và tên, ví dụ: Nguyễn Thị Lan.',
    },
    {
      key: 'position',
      header: 'Chức vụ',
      aliases: ['Chức danh'],
      width: 160,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Chỉ cho cá nhân.',
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
      key: 'form',
      header: 'Hình thức khen thưởng',
      aliases: ['Hình thức', 'Danh hiệu'],
      width: 200,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'list', values: DEFAULT_AWARD_FORMS, allowOther: true },
      note: 'Chọn trong danh sách hoặc gõ hình thức khác, ví dụ: Huân chương Lao động hạng Ba.',
    },
    {
      key: 'level',
      header: 'Cấp khen',
      width: 190,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(AWARD_LEVEL_LABELS) },
    },
    {
      key: 'achievement',
      header: 'Thành tích',
      aliases: ['Nội dung thành tích'],
      width: 320,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
    {
      key: 'decisionNumber',
      header: 'Số quyết định',
      width: 130,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Ví dụ: 163/QĐ-UBND.',
    },
    {
      key: 'decisionDate',
      header: 'Ngày quyết định',
      width: 110,
      numberFormat: F.date,
      required: false,
      entry: 'user',
      validation: { kind: 'date' },
      note: 'Ngày/tháng/năm, ví dụ: 19/01/2023.',
    },
    {
      key: 'signerTitle',
      header: 'Chức vụ người ký',
      width: 220,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Ví dụ: CHỦ TỊCH hoặc KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.',
    },
    {
      key: 'signerName',
      header: 'Người ký',
      aliases: ['Họ tên người ký'],
      width: 170,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
    {
      key: 'registerNumber',
      header: 'Số sổ vàng',
      aliases: ['Số vào sổ'],
      width: 100,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
    {
      key: 'year',
      header: 'Năm',
      width: 70,
      numberFormat: F.integer,
      required: false,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 1900, max: 2200, integer: true },
      note: 'Năm của thành tích. Để trống: năm của ngày quyết định, hoặc năm trong trang Cấu hình.',
    },
    {
      key: 'email',
      header: 'Thư điện tử',
      aliases: ['Email', 'E-mail'],
      width: 200,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'email' },
      note: 'Để gửi bản PDF cho người được khen (không bắt buộc).',
    },
    {
      key: 'status',
      header: 'Trạng thái',
      width: 110,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
    {
      key: 'link',
      header: 'Liên kết',
      width: 200,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
    {
      key: 'error',
      header: 'Lỗi',
      width: 240,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
    {
      key: 'key',
      header: 'Mã hồ sơ',
      width: 150,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
      note: 'Do chương trình ghi, không sửa: mỗi mã ứng với đúng một giấy khen / bằng khen.',
    },
  ],
} as const satisfies TableLayout;
export type AwardColumnKey = (typeof AWARDS_LAYOUT.columns)[number]['key'];

/**
 * Thống kê khen thưởng: written whole by "Thống kê khen thưởng" (two title rows, then one table
 * of sections: by level, by level and form, by year, by unit), protected.
 */
export const AWARD_STATISTICS_LAYOUT = {
  sheet: SHEET_NAMES.awardStatistics,
  headerRow: 3,
  firstDataRow: 4,
  frozenRows: 3,
  frozenColumns: 0,
  columns: [
    {
      key: 'section',
      header: 'Thống kê theo',
      width: 170,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
    {
      key: 'item',
      header: 'Mục',
      width: 300,
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
  ],
} as const satisfies TableLayout;
export type AwardStatisticsColumnKey = (typeof AWARD_STATISTICS_LAYOUT.columns)[number]['key'];

/** Alignment labels of Vị trí in phôi. */
export const PREPRINTED_ALIGN_LABELS = { left: 'Trái', center: 'Giữa', right: 'Phải' } as const;

/**
 * Vị trí in phôi: where each field of a certificate prints on pre-printed paper (phôi), one row
 * per field and form, in millimetres from the top-left corner of the sheet of paper. The job
 * (src/core/certificates/preprinted.ts) places the text's box there; set-up writes the defaults.
 */
export const PREPRINTED_LAYOUT = {
  sheet: SHEET_NAMES.preprinted,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 2,
  columns: [
    {
      key: 'form',
      header: 'Mẫu',
      width: 110,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      validation: { kind: 'list', values: ['Giấy khen', 'Bằng khen'], allowOther: true },
      note: 'Hình thức khen thưởng in trên phôi này: Giấy khen hoặc Bằng khen.',
    },
    {
      key: 'content',
      header: 'Nội dung in',
      width: 300,
      numberFormat: F.text,
      required: true,
      entry: 'user',
      note: 'Chữ in ra, với trường trong ngoặc nhọn như mẫu giấy khen, ví dụ: {{ten}}, Quyết định số {{so_qd}}, {{ngay_qd|ngay}}.',
    },
    {
      key: 'print',
      header: 'In',
      width: 60,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: YES_NO_LABELS },
      note: 'Không: giữ vị trí nhưng không in trường này. Để trống: Có.',
    },
    {
      key: 'x',
      header: 'Cách mép trái (mm)',
      width: 90,
      numberFormat: F.number,
      required: true,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 0, max: 297 },
      note: 'Từ mép trái tờ giấy tới mép trái ô chữ, tính bằng mi-li-mét.',
    },
    {
      key: 'y',
      header: 'Cách mép trên (mm)',
      width: 90,
      numberFormat: F.number,
      required: true,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 0, max: 297 },
      note: 'Từ mép trên tờ giấy tới đỉnh dòng chữ đầu tiên, tính bằng mi-li-mét.',
    },
    {
      key: 'width',
      header: 'Rộng (mm)',
      width: 80,
      numberFormat: F.number,
      required: true,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 1, max: 297 },
      note: 'Chữ dài hơn bề rộng này xuống dòng.',
    },
    {
      key: 'height',
      header: 'Cao (mm)',
      width: 80,
      numberFormat: F.number,
      required: true,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 1, max: 297 },
      note: 'Chiều cao dành cho trường (đủ cho số dòng chữ dài nhất). Chữ dài hơn sẽ đẩy các trường bên dưới xuống.',
    },
    {
      key: 'align',
      header: 'Canh lề',
      width: 80,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: Object.values(PREPRINTED_ALIGN_LABELS) },
      note: 'Trái, Giữa hoặc Phải trong bề rộng của ô. Để trống: Giữa.',
    },
    {
      key: 'font',
      header: 'Phông chữ',
      width: 130,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Để trống: Times New Roman.',
    },
    {
      key: 'size',
      header: 'Cỡ chữ',
      width: 70,
      numberFormat: F.number,
      required: false,
      entry: 'user',
      validation: { kind: 'numberBetween', min: 6, max: 72 },
      note: 'Điểm (pt). Để trống: 14.',
    },
    {
      key: 'bold',
      header: 'Đậm',
      width: 60,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: YES_NO_LABELS },
    },
    {
      key: 'italic',
      header: 'Nghiêng',
      width: 70,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: YES_NO_LABELS },
    },
  ],
} as const satisfies TableLayout;
export type PreprintedColumnKey = (typeof PREPRINTED_LAYOUT.columns)[number]['key'];
