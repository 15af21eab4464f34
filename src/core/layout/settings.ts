import { NUMBER_FORMATS as F, type ColumnValidation, type TableLayout } from './columns';
import { SHEET_NAMES } from './sheets';
import { AWARD_LEVEL_LABELS, AwardLevelSchema } from '../model/award';
import type { ClusterSettings, TieBreakKey } from '../model/settings';
import { legalBasisLines, legalBasisLinesForYear } from '../documents/legalBases';
import { DOSSIER_SETTING_ROWS } from './dossierSettings';

/**
 * Cấu hình is a key/value sheet: a header row, then one row per setting with its Vietnamese
 * label, the value and a note. Rows are found by label, so users may reorder or add rows.
 */
export const SETTINGS_TABLE = {
  sheet: SHEET_NAMES.settings,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 1,
  columns: [
    {
      key: 'label',
      header: 'Nội dung',
      width: 300,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
    },
    {
      key: 'value',
      header: 'Giá trị',
      width: 320,
      numberFormat: F.text,
      required: true,
      entry: 'user',
    },
    {
      key: 'note',
      header: 'Ghi chú',
      width: 420,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
  ],
} as const satisfies TableLayout;
export type SettingsColumnKey = (typeof SETTINGS_TABLE.columns)[number]['key'];

/** JSON-like values a choice maps to. */
export type SettingChoiceValue =
  string | number | boolean | { readonly [key: string]: SettingChoiceValue };

export interface SettingChoice {
  readonly label: string;
  readonly value: SettingChoiceValue;
}

/**
 * How a setting's cell is read:
 * - percent: a number of percent (95 or "95%"), stored as a share (0.95)
 * - labelList: labels separated by ";" or line breaks
 * - tieBreak: a readable chain of TIE_BREAK_LABELS separated by ";" or line breaks
 * - lines: one item per line of the cell (items may hold ";", as legal bases do)
 */
export type SettingValueKind =
  | { readonly kind: 'text' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'decimal'; readonly min: number; readonly max: number }
  | { readonly kind: 'percent' }
  | { readonly kind: 'date' }
  | { readonly kind: 'choice'; readonly choices: readonly SettingChoice[] }
  | { readonly kind: 'labelList' }
  | { readonly kind: 'tieBreak' }
  | { readonly kind: 'lines' };

/**
 * Where a setting goes in ClusterSettings: a property path, or the minimum share of one
 * classification band (the bands are assembled from their rows, in row order of this list).
 */
export type SettingTarget = { readonly path: readonly string[] } | { readonly band: string };

export interface SettingRow {
  readonly key: string;
  readonly label: string;
  readonly note: string;
  /** Required rows must exist and hold a value; others fall back to the model's default. */
  readonly required: boolean;
  readonly value: SettingValueKind;
  readonly target: SettingTarget;
  readonly numberFormat: string;
  readonly validation?: ColumnValidation;
  /** What set-up writes when the settings hold no value for the row (rows outside ClusterSettings). */
  readonly fallback?: string;
  /** What set-up writes when the value is blank, worked out from the other settings (the year). */
  readonly prefill?: (settings: ClusterSettings) => string;
  /**
   * The row belongs to one year (a number, date or document link of that year's plan, pledge,
   * vote or dossier): «Tạo năm mới» empties it for the next.
   */
  readonly perYear?: true;
}

/** Readable names of the tie-break keys; a group subtotal is "Điểm nhóm <mã nhóm> cao hơn". */
export const TIE_BREAK_LABELS: Record<Exclude<TieBreakKey['kind'], 'groupSubtotal'>, string> = {
  fewerPenalty: 'Ít điểm trừ hơn',
  moreCriteriaAtMax: 'Nhiều tiêu chí đạt điểm tối đa hơn',
  moreBonus: 'Nhiều điểm thưởng hơn',
};
export const TIE_BREAK_GROUP_PREFIX = 'Điểm nhóm';
export const TIE_BREAK_GROUP_SUFFIX = 'cao hơn';

export function tieBreakLabel(key: TieBreakKey): string {
  return key.kind === 'groupSubtotal'
    ? `${TIE_BREAK_GROUP_PREFIX} ${key.group} ${TIE_BREAK_GROUP_SUFFIX}`
    : TIE_BREAK_LABELS[key.kind];
}

/** Separator of list-valued settings as written by the program. */
export const LIST_SEPARATOR = '; ';
/** Line separator of 'lines' settings (Sheets: Ctrl+Enter in a cell). */
export const LINE_SEPARATOR = '\n';

/** The legal bases of the texts in force on the signing day, else on the year's first day. */
export function defaultLegalBases(
  settings: Pick<ClusterSettings, 'year' | 'signingDate'>,
): string[] {
  return settings.signingDate === undefined
    ? legalBasisLinesForYear(settings.year)
    : legalBasisLines(settings.signingDate);
}

const choice = (choices: readonly SettingChoice[]): SettingValueKind => ({
  kind: 'choice',
  choices,
});
const listOf = (choices: readonly SettingChoice[]): ColumnValidation => ({
  kind: 'list',
  values: choices.map((c) => c.label),
});
const percentValidation: ColumnValidation = { kind: 'numberBetween', min: 0, max: 100 };

export const SCORING_STATE_CHOICES: readonly SettingChoice[] = [
  { label: 'Đang mở', value: false },
  { label: 'Đã khóa', value: true },
];
const YES_NO_CHOICES: readonly SettingChoice[] = [
  { label: 'Có', value: true },
  { label: 'Không', value: false },
];
export const CERTIFICATE_MODE_CHOICES: readonly SettingChoice[] = [
  { label: 'Từng người', value: 'perRecipient' },
  { label: 'Gộp', value: 'combined' },
];
export const CERTIFICATE_PRINT_CHOICES: readonly SettingChoice[] = [
  { label: 'Mẫu đầy đủ', value: 'template' },
  { label: 'In trên phôi', value: 'preprinted' },
];
const RANKING_METHOD_CHOICES: readonly SettingChoice[] = [
  { label: 'Đồng hạng, bỏ hạng kế tiếp (1, 2, 2, 4)', value: 'competition' },
  { label: 'Đồng hạng, không bỏ hạng (1, 2, 2, 3)', value: 'dense' },
];
const CROSS_AGGREGATION_CHOICES: readonly SettingChoice[] = [
  { label: 'Trung bình cộng', value: { method: 'mean' } },
  {
    label: 'Bỏ điểm cao nhất và thấp nhất, lấy trung bình',
    value: { method: 'trimmedMean', drop: 1 },
  },
];
const MISSING_SCORE_CHOICES: readonly SettingChoice[] = [
  { label: 'Báo thiếu, không xếp hạng', value: 'report' },
  { label: 'Tính 0 điểm', value: 'zero' },
];
const VOTE_COMPARISON_CHOICES: readonly SettingChoice[] = [
  { label: 'Trên tỷ lệ', value: 'greaterThan' },
  { label: 'Từ tỷ lệ trở lên', value: 'atLeast' },
];
const VOTE_BASE_CHOICES: readonly SettingChoice[] = [
  { label: 'Tổng số thành viên', value: 'members' },
  { label: 'Số phiếu hợp lệ', value: 'validBallots' },
];

const text = { kind: 'text' } as const;
const percent = { kind: 'percent' } as const;

const AWARD_LEVEL_CHOICES: readonly SettingChoice[] = AwardLevelSchema.options.map((l) => ({
  label: AWARD_LEVEL_LABELS[l],
  value: l,
}));

/** "Cơ quan tặng <level>" and "Địa danh <level>": who awards at a level other than one's own. */
function levelRows(
  prefix: 'state' | 'province' | 'base',
  level: string,
  bodyExample: string,
  placeExample: string,
): SettingRow[] {
  return [
    {
      key: `${prefix}Issuer`,
      label: `Cơ quan tặng ${level}`,
      note: `In ở đầu giấy khen, bằng khen ${level} khi dòng sổ để trống, ví dụ: ${bodyExample}. Để trống ở cấp của cơ quan mình: dùng «Cơ quan ban hành văn bản».`,
      required: false,
      value: text,
      target: { path: [`${prefix}Issuer`] },
      numberFormat: F.text,
    },
    {
      key: `${prefix}Place`,
      label: `Địa danh ${level}`,
      note: `Dòng ngày tháng của giấy khen, bằng khen ${level}, ví dụ: ${placeExample}.`,
      required: false,
      value: text,
      target: { path: [`${prefix}Place`] },
      numberFormat: F.text,
    },
  ];
}

/** Every setting row, in the order set-up writes them. */
export const SETTING_ROWS: readonly SettingRow[] = [
  {
    key: 'clusterName',
    label: 'Tên cụm, khối thi đua',
    note: 'Ví dụ: Cụm thi đua số 1.',
    required: true,
    value: text,
    target: { path: ['clusterName'] },
    numberFormat: F.text,
  },
  {
    key: 'year',
    label: 'Năm thi đua',
    note: 'Ví dụ: 2023.',
    required: true,
    value: { kind: 'integer', min: 2000, max: 2200 },
    target: { path: ['year'] },
    numberFormat: F.integer,
    validation: { kind: 'numberBetween', min: 2000, max: 2200, integer: true },
  },
  {
    key: 'issuingBody',
    label: 'Cơ quan ban hành văn bản',
    note: 'In hoa ở đầu văn bản, ví dụ: UBND QUẬN HAI BÀ TRƯNG.',
    required: false,
    value: text,
    target: { path: ['issuingBody'] },
    numberFormat: F.text,
  },
  {
    key: 'place',
    label: 'Địa danh',
    note: 'Dùng ở dòng ngày tháng, ví dụ: Hà Nội.',
    required: false,
    value: text,
    target: { path: ['place'] },
    numberFormat: F.text,
  },
  {
    key: 'planNumber',
    perYear: true,
    label: 'Số kế hoạch',
    note: 'Ví dụ: 20/KH-UBND.',
    required: false,
    value: text,
    target: { path: ['planNumber'] },
    numberFormat: F.text,
  },
  {
    key: 'planDate',
    perYear: true,
    label: 'Ngày kế hoạch',
    note: 'Ngày/tháng/năm, ví dụ: 19/01/2023.',
    required: false,
    value: { kind: 'date' },
    target: { path: ['planDate'] },
    numberFormat: F.text,
  },
  {
    key: 'bandExcellent',
    label: 'Ngưỡng xếp loại Xuất sắc (%)',
    note: 'Tỷ lệ tổng điểm trên điểm tối đa, ví dụ: 95 hoặc 95%.',
    required: false,
    value: percent,
    target: { band: 'Xuất sắc' },
    numberFormat: F.number,
    validation: percentValidation,
  },
  {
    key: 'bandGood',
    label: 'Ngưỡng xếp loại Tốt (%)',
    note: 'Ví dụ: 85.',
    required: false,
    value: percent,
    target: { band: 'Tốt' },
    numberFormat: F.number,
    validation: percentValidation,
  },
  {
    key: 'bandFair',
    label: 'Ngưỡng xếp loại Khá (%)',
    note: 'Ví dụ: 70. Dưới ngưỡng này là xếp loại còn lại.',
    required: false,
    value: percent,
    target: { band: 'Khá' },
    numberFormat: F.number,
    validation: percentValidation,
  },
  {
    key: 'fallbackClassification',
    label: 'Xếp loại dưới ngưỡng Khá',
    note: 'Ví dụ: Trung bình.',
    required: false,
    value: text,
    target: { path: ['fallbackClassification'] },
    numberFormat: F.text,
  },
  {
    key: 'flagCount',
    label: 'Số Cờ thi đua được đề nghị',
    note: 'Thường là 1 đơn vị mỗi cụm.',
    required: false,
    value: { kind: 'integer', min: 0, max: 1000 },
    target: { path: ['quotas', 'flag', 'count'] },
    numberFormat: F.integer,
    validation: { kind: 'numberBetween', min: 0, integer: true },
  },
  {
    key: 'flagClassification',
    label: 'Xếp loại cần đạt để đề nghị Cờ thi đua',
    note: 'Mức tối thiểu: ví dụ Tốt nghĩa là Tốt trở lên. Suất Cờ xét theo thứ tự xếp hạng trong các đơn vị đủ xếp loại.',
    required: false,
    value: text,
    target: { path: ['quotas', 'flag', 'requiredClassification'] },
    numberFormat: F.text,
  },
  {
    key: 'certificateCount',
    label: 'Số Bằng khen được đề nghị',
    note: 'Số đơn vị tiếp theo được đề nghị Bằng khen. Để trống nếu tính theo tỷ lệ.',
    required: false,
    value: { kind: 'integer', min: 0, max: 100000 },
    target: { path: ['quotas', 'certificate', 'count'] },
    numberFormat: F.integer,
    validation: { kind: 'numberBetween', min: 0, integer: true },
  },
  {
    key: 'certificateShare',
    label: 'Tỷ lệ Bằng khen (%)',
    note: 'Tỷ lệ trên số thành viên, làm tròn xuống. Để trống nếu tính theo số lượng.',
    required: false,
    value: percent,
    target: { path: ['quotas', 'certificate', 'share'] },
    numberFormat: F.number,
    validation: percentValidation,
  },
  {
    key: 'certificateClassifications',
    label: 'Xếp loại được đề nghị Bằng khen',
    note: 'Các xếp loại, cách nhau bằng dấu chấm phẩy, ví dụ: Xuất sắc; Tốt. Xếp loại thấp nhất là mức tối thiểu; đơn vị chưa đạt không chiếm suất.',
    required: false,
    value: { kind: 'labelList' },
    target: { path: ['quotas', 'certificate', 'allowedClassifications'] },
    numberFormat: F.text,
  },
  {
    key: 'tieBreak',
    label: 'Thứ tự ưu tiên khi bằng điểm',
    note:
      'Cách nhau bằng dấu chấm phẩy, chọn trong: ' +
      [
        ...Object.values(TIE_BREAK_LABELS),
        `${TIE_BREAK_GROUP_PREFIX} I ${TIE_BREAK_GROUP_SUFFIX}`,
      ].join(LIST_SEPARATOR) +
      '. Để trống hoặc Không: không dùng tiêu chí phụ, bằng điểm thì đồng hạng và bỏ phiếu nếu tranh suất. "Nhiều tiêu chí đạt điểm tối đa" đếm tiêu chí lá.',
    required: false,
    value: { kind: 'tieBreak' },
    target: { path: ['tieBreak'] },
    numberFormat: F.text,
  },
  {
    key: 'rankingMethod',
    label: 'Cách xếp hạng khi đồng hạng',
    note: '',
    required: false,
    value: choice(RANKING_METHOD_CHOICES),
    target: { path: ['rankingMethod'] },
    numberFormat: F.text,
    validation: listOf(RANKING_METHOD_CHOICES),
  },
  {
    key: 'useCrossScores',
    label: 'Dùng điểm chấm chéo',
    note: 'Có: ở từng ô, điểm thẩm định nếu có, nếu không thì điểm chấm chéo, nếu không thì điểm tự chấm.',
    required: false,
    value: choice(YES_NO_CHOICES),
    target: { path: ['useCrossScores'] },
    numberFormat: F.text,
    validation: listOf(YES_NO_CHOICES),
  },
  {
    key: 'crossAggregation',
    label: 'Cách tổng hợp điểm chấm chéo',
    note: 'Trung bình cộng điểm của các người chấm (Đạt = điểm tối đa). Bỏ cao nhất, thấp nhất chỉ khi có từ 3 điểm trở lên.',
    required: false,
    value: choice(CROSS_AGGREGATION_CHOICES),
    target: { path: ['crossAggregation'] },
    numberFormat: F.text,
    validation: listOf(CROSS_AGGREGATION_CHOICES),
  },
  {
    key: 'missingScorePolicy',
    label: 'Khi thiếu điểm',
    note: 'Báo thiếu: đơn vị thiếu điểm không xếp hạng, không đề nghị, không chiếm suất, ghi riêng cuối bảng. Tính 0 điểm: ô trống là 0, xếp hạng bình thường.',
    required: false,
    value: choice(MISSING_SCORE_CHOICES),
    target: { path: ['missingScorePolicy'] },
    numberFormat: F.text,
    validation: listOf(MISSING_SCORE_CHOICES),
  },
  {
    key: 'scoringClosed',
    label: 'Chấm điểm',
    note: 'Đã khóa: mọi sửa đổi điểm sau đó bị từ chối và ghi lại.',
    required: false,
    value: choice(SCORING_STATE_CHOICES),
    target: { path: ['scoringClosed'] },
    numberFormat: F.text,
    validation: listOf(SCORING_STATE_CHOICES),
  },
  {
    key: 'deputiesVerify',
    label: 'Cụm phó được thẩm định',
    note: 'Có: Cụm phó nhập điểm thẩm định cùng Cụm trưởng (không thẩm định đơn vị mình). Chạy lại Khởi tạo / cập nhật bảng tính sau khi đổi.',
    required: false,
    value: choice(YES_NO_CHOICES),
    // Not part of ClusterSettings: read with readRoleGrants (src/core/roles.ts RoleGrants).
    target: { path: ['deputiesVerify'] },
    fallback: 'Có',
    numberFormat: F.text,
    validation: listOf(YES_NO_CHOICES),
  },
  {
    key: 'voteShare',
    label: 'Ngưỡng bình xét (%)',
    note: 'Ví dụ: 50 (trên 50% số thành viên đồng ý).',
    required: false,
    value: percent,
    target: { path: ['vote', 'share'] },
    numberFormat: F.number,
    validation: percentValidation,
  },
  {
    key: 'voteComparison',
    label: 'Điều kiện đạt ngưỡng bình xét',
    note: '',
    required: false,
    value: choice(VOTE_COMPARISON_CHOICES),
    target: { path: ['vote', 'comparison'] },
    numberFormat: F.text,
    validation: listOf(VOTE_COMPARISON_CHOICES),
  },
  {
    key: 'voteBase',
    label: 'Tỷ lệ bình xét tính trên',
    note: '',
    required: false,
    value: choice(VOTE_BASE_CHOICES),
    target: { path: ['vote', 'base'] },
    numberFormat: F.text,
    validation: listOf(VOTE_BASE_CHOICES),
  },
  {
    key: 'voteQuorum',
    label: 'Tỷ lệ thành viên tham gia bỏ phiếu tối thiểu (%)',
    note: 'Để trống hoặc 0 nếu không yêu cầu.',
    required: false,
    value: percent,
    target: { path: ['vote', 'quorumShare'] },
    numberFormat: F.number,
    validation: percentValidation,
  },
  // Documents: appended last, so workbooks set up before they existed keep their row order.
  {
    key: 'jointPledgeTemplate',
    label: 'Mẫu giao ước chung',
    note: 'Mã hoặc đường dẫn Google Docs của mẫu. Để trống: chương trình tạo mẫu mặc định.',
    required: false,
    value: text,
    target: { path: ['jointPledgeTemplate'] },
    numberFormat: F.text,
  },
  {
    key: 'unitPledgeTemplate',
    label: 'Mẫu giao ước từng đơn vị',
    note: 'Mã hoặc đường dẫn Google Docs của mẫu. Để trống: chương trình tạo mẫu mặc định.',
    required: false,
    value: text,
    target: { path: ['unitPledgeTemplate'] },
    numberFormat: F.text,
  },
  {
    key: 'meritCertificateTemplate',
    label: 'Mẫu Giấy khen',
    note: 'Mã hoặc đường dẫn Google Docs của mẫu. Để trống: chương trình tạo mẫu mặc định.',
    required: false,
    value: text,
    target: { path: ['meritCertificateTemplate'] },
    numberFormat: F.text,
  },
  {
    key: 'honorCertificateTemplate',
    label: 'Mẫu Bằng khen',
    note: 'Mã hoặc đường dẫn Google Docs của mẫu. Để trống: chương trình tạo mẫu mặc định.',
    required: false,
    value: text,
    target: { path: ['honorCertificateTemplate'] },
    numberFormat: F.text,
  },
  {
    key: 'flagCertificateTemplate',
    label: 'Mẫu Cờ thi đua',
    note: 'Giấy đi kèm Cờ thi đua. Mã hoặc đường dẫn Google Docs của mẫu. Để trống: chương trình tạo mẫu mặc định.',
    required: false,
    value: text,
    target: { path: ['flagCertificateTemplate'] },
    numberFormat: F.text,
  },
  {
    key: 'titleCertificateTemplate',
    label: 'Mẫu Giấy chứng nhận danh hiệu thi đua',
    note: 'Chiến sĩ thi đua, Lao động tiên tiến, Tập thể lao động xuất sắc, Tập thể lao động tiên tiến … Mã hoặc đường dẫn Google Docs của mẫu. Để trống: chương trình tạo mẫu mặc định.',
    required: false,
    value: text,
    target: { path: ['titleCertificateTemplate'] },
    numberFormat: F.text,
  },
  {
    key: 'documentsFolder',
    // The program's folder is named for the year ("Văn bản thi đua 2022"): next year starts its own.
    perYear: true,
    label: 'Thư mục lưu văn bản',
    note: 'Mã hoặc đường dẫn thư mục Google Drive. Để trống: thư mục "Văn bản thi đua <năm>" cạnh bảng tính.',
    required: false,
    value: text,
    target: { path: ['documentsFolder'] },
    numberFormat: F.text,
  },
  {
    key: 'unitPledges',
    label: 'Tạo giao ước từng đơn vị',
    note: 'Có: «Tạo bản giao ước» tạo thêm một bản đăng ký giao ước cho mỗi đơn vị.',
    required: false,
    value: choice(YES_NO_CHOICES),
    target: { path: ['unitPledges'] },
    numberFormat: F.text,
    validation: listOf(YES_NO_CHOICES),
  },
  {
    key: 'pledgeDocLink',
    perYear: true,
    label: 'Bản giao ước (Doc)',
    note: 'Chương trình ghi sau mỗi lần «Tạo bản giao ước»; lần tạo sau thay bản này (bản cũ vào thùng rác).',
    required: false,
    value: text,
    target: { path: ['pledgeDocLink'] },
    numberFormat: F.text,
  },
  {
    key: 'pledgePdfLink',
    perYear: true,
    label: 'Bản giao ước (PDF)',
    note: 'Chương trình ghi sau mỗi lần «Tạo bản giao ước».',
    required: false,
    value: text,
    target: { path: ['pledgePdfLink'] },
    numberFormat: F.text,
  },
  // Certificates ("Tạo giấy khen / bằng khen", src/gas/certificates).
  {
    key: 'certificateMode',
    label: 'Cách tạo giấy khen, bằng khen',
    note: 'Từng người: mỗi người một Google Doc và một PDF (có thể gửi thư). Gộp: mỗi tệp in nhiều giấy, mỗi giấy một trang (ít tệp, nhanh, hợp hạn mức 250 văn bản/ngày của tài khoản thường).',
    required: false,
    value: choice(CERTIFICATE_MODE_CHOICES),
    target: { path: ['certificateMode'] },
    numberFormat: F.text,
    validation: listOf(CERTIFICATE_MODE_CHOICES),
  },
  {
    key: 'certificatesPerFile',
    label: 'Số giấy mỗi tệp in (cách Gộp)',
    note: 'Mặc định 100.',
    required: false,
    value: { kind: 'integer', min: 1, max: 500 },
    target: { path: ['certificatesPerFile'] },
    numberFormat: F.integer,
    validation: { kind: 'numberBetween', min: 1, max: 500, integer: true },
  },
  {
    key: 'certificateEmail',
    label: 'Gửi giấy khen qua thư điện tử',
    note: 'Có: gửi PDF của từng người tới địa chỉ ở cột Thư điện tử (cách Từng người), trong hạn mức gửi thư còn lại của ngày.',
    required: false,
    value: choice(YES_NO_CHOICES),
    target: { path: ['certificateEmail'] },
    numberFormat: F.text,
    validation: listOf(YES_NO_CHOICES),
  },
  // The nomination meeting ("Kiểm phiếu bình xét", src/core/votes/places.ts).
  {
    key: 'voteAttendance',
    perYear: true,
    label: 'Số thành viên có mặt khi bình xét',
    note: 'Để trống: tính bằng số phiếu thu vào. Cuộc bỏ phiếu hợp lệ khi số có mặt đạt tỷ lệ tham gia tối thiểu và số phiếu thu vào không nhiều hơn số có mặt.',
    required: false,
    value: { kind: 'integer', min: 0, max: 100000 },
    target: { path: ['vote', 'attendance'] },
    numberFormat: F.integer,
    validation: { kind: 'numberBetween', min: 0, max: 100000, integer: true },
  },
  {
    key: 'secretVote',
    label: 'Bỏ phiếu kín bằng Google Form',
    note: 'Có: «Tạo phiếu bình xét» tạo một Google Form không thu địa chỉ thư, mỗi tài khoản trả lời một lần; «Kiểm phiếu bình xét» đóng biểu mẫu rồi đếm phiếu. Không ai, kể cả chủ sở hữu, biết ai bỏ phiếu thế nào.',
    required: false,
    value: choice(YES_NO_CHOICES),
    target: { path: ['secretVote'] },
    numberFormat: F.text,
    validation: listOf(YES_NO_CHOICES),
  },
  // Who awards at each level (src/core/certificates/issuer.ts): appended last, so workbooks set up
  // before them keep their row order.
  {
    key: 'ownAwardLevel',
    label: 'Cấp khen của cơ quan ban hành',
    note: 'Giấy khen, bằng khen ở cấp này in «Cơ quan ban hành văn bản», «Địa danh» và người ký dưới đây khi dòng sổ để trống. Ví dụ: Cơ sở (UBND quận, xã).',
    required: false,
    value: choice(AWARD_LEVEL_CHOICES),
    target: { path: ['ownAwardLevel'] },
    numberFormat: F.text,
    validation: listOf(AWARD_LEVEL_CHOICES),
  },
  {
    key: 'signerTitle',
    label: 'Chức vụ người ký',
    note: 'Ở cấp khen của cơ quan mình, khi dòng sổ để trống. Ví dụ: CHỦ TỊCH.',
    required: false,
    value: text,
    target: { path: ['signerTitle'] },
    numberFormat: F.text,
  },
  {
    key: 'signerName',
    label: 'Người ký',
    note: 'Họ tên người ký, ở cấp khen của cơ quan mình khi dòng sổ để trống.',
    required: false,
    value: text,
    target: { path: ['signerName'] },
    numberFormat: F.text,
  },
  ...levelRows('state', 'cấp Nhà nước', 'THỦ TƯỚNG CHÍNH PHỦ', 'Hà Nội'),
  ...levelRows(
    'province',
    'cấp bộ, ngành, tỉnh / thành phố',
    'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    'Hà Nội',
  ),
  ...levelRows('base', 'cấp cơ sở', 'ỦY BAN NHÂN DÂN QUẬN THANH XUÂN', 'Thanh Xuân'),
  // The pledge's head and signatures (Decree 30/2020/NĐ-CP, Appendix I): appended last, so
  // workbooks set up before them keep their row order.
  {
    key: 'pledgeNumber',
    perYear: true,
    label: 'Số giao ước',
    note: 'Số văn thư cấp, ví dụ: 01 (số dưới 10 in thêm số 0 phía trước). Để trống: chừa chỗ để ghi tay khi vào sổ.',
    required: false,
    value: text,
    target: { path: ['pledgeNumber'] },
    numberFormat: F.text,
  },
  {
    key: 'pledgeSymbol',
    label: 'Ký hiệu giao ước',
    note: 'Viết tắt tên loại văn bản và tên cụm, ví dụ: GƯTĐ-CTĐ1. Để trống: GƯTĐ. In thành "Số: 01/GƯTĐ-CTĐ1".',
    required: false,
    value: text,
    target: { path: ['pledgeSymbol'] },
    numberFormat: F.text,
  },
  {
    key: 'signingDate',
    perYear: true,
    label: 'Ngày ký giao ước',
    note: 'Ngày/tháng/năm ký, ví dụ: 22/02/2022; in ở dòng địa danh, ngày tháng. Để trống: in "ngày … tháng … năm" để ghi tay.',
    required: false,
    value: { kind: 'date' },
    target: { path: ['signingDate'] },
    numberFormat: F.text,
  },
  {
    key: 'legalBases',
    label: 'Căn cứ ban hành giao ước',
    note: 'Mỗi dòng một căn cứ (xuống dòng trong ô: Ctrl+Enter). Khởi tạo điền sẵn Luật và Nghị định về thi đua, khen thưởng có hiệu lực vào ngày ký (hoặc đầu năm thi đua); để trống: chương trình dùng các văn bản đó. Căn cứ kế hoạch và quy chế của cụm được in thêm sau các dòng này.',
    required: false,
    value: { kind: 'lines' },
    target: { path: ['legalBases'] },
    numberFormat: F.text,
    prefill: (settings) => defaultLegalBases(settings).join(LINE_SEPARATOR),
  },
  {
    key: 'witnessTitle',
    label: 'Chức vụ người chứng kiến',
    note: 'Đại diện cơ quan chủ quản (dòng "Cơ quan ban hành văn bản") chứng kiến việc ký, ví dụ: Phó Chủ tịch Thường trực. Để trống cả chức vụ và họ tên: giao ước không có phần chứng kiến.',
    required: false,
    value: text,
    target: { path: ['witnessTitle'] },
    numberFormat: F.text,
  },
  {
    key: 'witnessName',
    label: 'Họ tên người chứng kiến',
    note: 'In dưới chữ ký của người chứng kiến.',
    required: false,
    value: text,
    target: { path: ['witnessName'] },
    numberFormat: F.text,
  },
  // Pre-printed paper (src/core/certificates/preprinted.ts).
  {
    key: 'certificatePrint',
    label: 'In giấy khen, bằng khen',
    note: `Mẫu đầy đủ: in cả quốc hiệu, tiêu ngữ, tên hình thức theo mẫu. In trên phôi: chỉ in các trường ở trang "${SHEET_NAMES.preprinted}" vào đúng vị trí trên giấy đã in sẵn (phôi).`,
    required: false,
    value: choice(CERTIFICATE_PRINT_CHOICES),
    target: { path: ['certificatePrint'] },
    numberFormat: F.text,
    validation: listOf(CERTIFICATE_PRINT_CHOICES),
  },
  {
    key: 'preprintedOffsetX',
    label: 'Lệch ngang khi in phôi (mm)',
    note: 'Cộng vào mọi vị trí ngang: số dương dịch chữ sang phải, số âm sang trái. Đọc độ lệch trên trang căn chỉnh phôi.',
    required: false,
    value: { kind: 'decimal', min: -50, max: 50 },
    target: { path: ['preprintedOffsetX'] },
    numberFormat: F.number,
    validation: { kind: 'numberBetween', min: -50, max: 50 },
  },
  {
    key: 'preprintedOffsetY',
    label: 'Lệch dọc khi in phôi (mm)',
    note: 'Cộng vào mọi vị trí dọc: số dương dịch chữ xuống, số âm lên.',
    required: false,
    value: { kind: 'decimal', min: -50, max: 50 },
    target: { path: ['preprintedOffsetY'] },
    numberFormat: F.number,
    validation: { kind: 'numberBetween', min: -50, max: 50 },
  },
  // The year-end dossier («Lập hồ sơ bình xét», src/gas/docs/dossierAction.ts): appended last,
  // so workbooks set up before them keep their row order.
  ...DOSSIER_SETTING_ROWS,
];

/**
 * The joint pledge's head and signatures (Decree 30/2020/NĐ-CP, Appendix I: number and symbol,
 * date, legal bases; the witness). Appended after every other row, so workbooks set up before
 * them keep their row order.
 */
/** Deep equality of JSON-like values (choices in the settings sheet). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
