/**
 * Findings: problems in what users typed, each naming its sheet and cell in Vietnamese
 * (DESIGN §3 Validation, §7 Reliability). One message table keyed by code keeps the wording
 * consistent across on-edit checks and the "Kiểm tra dữ liệu" report.
 */
import * as z from 'zod/mini';
import { formatNumberVi, formatShortDate } from './format/vietnamese';
import { parseDate } from './parse/date';
import { isDateObject } from './parse/result';
import { valueToText } from './parse/text';

export const FindingCode = z.enum([
  'header-missing',
  'header-renamed',
  'duplicate-code',
  'unknown-unit',
  'unknown-criterion',
  'not-a-number',
  'above-max',
  'below-zero',
  'not-pass-fail',
  'invalid-date',
  'required-missing',
  'group-max-mismatch',
  'closed-period',
  'score-missing',
  'invalid-value',
  'invalid-email',
  'zero-max',
  'percent-not-allowed',
  'unknown-form',
  'row-above-header',
]);
export type FindingCode = z.infer<typeof FindingCode>;

export const FindingSeverity = z.enum(['error', 'warning']);
export type FindingSeverity = z.infer<typeof FindingSeverity>;

/** A1 cell or range, "$" allowed: "C5", "A1:H1". */
const A1_PATTERN = /^\$?[A-Z]{1,3}\$?[1-9][0-9]*(?::\$?[A-Z]{1,3}\$?[1-9][0-9]*)?$/;

export const FindingSchema = z.object({
  sheet: z.string().check(z.minLength(1)),
  cell: z.string().check(z.regex(A1_PATTERN)),
  code: FindingCode,
  /** What the user typed, as text (shortened by shortenEcho when long); '' for an empty cell. */
  value: z.string(),
  /** Vietnamese, naming the sheet and the cell. */
  message: z.string().check(z.minLength(1)),
  severity: FindingSeverity,
});
export type Finding = z.infer<typeof FindingSchema>;

export type FindingDetails = Readonly<Record<string, string | number>>;

/**
 * Severity when the caller does not say: a renamed header still lets the column be found, a
 * group whose criteria do not add up still lets units be scored, and a missing score is
 * expected while scoring is open; everything else blocks a correct result.
 */
export const DEFAULT_SEVERITY: { readonly [C in FindingCode]: FindingSeverity } = {
  'header-missing': 'error',
  'header-renamed': 'warning',
  'duplicate-code': 'error',
  'unknown-unit': 'error',
  'unknown-criterion': 'error',
  'not-a-number': 'error',
  'above-max': 'error',
  'below-zero': 'error',
  'not-pass-fail': 'error',
  'invalid-date': 'error',
  'required-missing': 'error',
  'group-max-mismatch': 'warning',
  'closed-period': 'error',
  'score-missing': 'warning',
  'invalid-value': 'error',
  'invalid-email': 'error',
  'zero-max': 'error',
  'percent-not-allowed': 'error',
  // The register's form column takes forms outside the list (a Huân chương); only the
  // certificate action, which prints none of them, needs the warning.
  'unknown-form': 'warning',
  // The row is still read (a sort moved it); only its place is unusual.
  'row-above-header': 'warning',
};

/**
 * A cell value as the user saw it in a Vietnamese sheet: numbers with a decimal comma ("9,5"),
 * dates as dd/mm/yyyy in Vietnam time, strings exactly as typed (NFC). Never throws.
 */
export function renderCellValue(value: unknown): string {
  if (typeof value === 'number') return formatNumberVi(value);
  if (isDateObject(value)) {
    const date = parseDate(value);
    return date.kind === 'ok' ? formatShortDate(date.value) : valueToText(value);
  }
  return valueToText(value);
}

/** Sheets refuses a cell of more than 50,000 characters (DESIGN §4): writing more throws. */
export const CELL_CHARACTER_LIMIT = 50_000;

/** How much of a typed value a message, report or log quotes. */
export const ECHO_CHARACTERS = 100;

/**
 * A typed value as the product quotes it back: whole when short, else its first `max` characters
 * and the full length ("abc… (60.000 ký tự)"). The one place that decides it, so no report row,
 * note, toast or log cell built around a user's value can outgrow a cell.
 */
export function shortenEcho(text: string, max: number = ECHO_CHARACTERS): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max).join('')}… (${formatNumberVi(chars.length)} ký tự)`;
}

/** renderCellValue, shortened for quoting: what messages and reports show of a cell. */
export function echoCellValue(value: unknown, max: number = ECHO_CHARACTERS): string {
  return shortenEcho(renderCellValue(value), max);
}

type MessageContext = {
  /** The rendered value. */
  readonly value: string;
  readonly details: FindingDetails;
};

function detail(c: MessageContext, name: string): string | undefined {
  const v = c.details[name];
  if (v === undefined) return undefined;
  return typeof v === 'number' ? formatNumberVi(v) : v;
}

/** "abc" in quotes, or "ô trống" for an empty cell, so a message never shows "". */
function quoted(text: string): string {
  return text === '' ? 'ô trống' : `"${text}"`;
}

/** The value, or details.score when the caller parsed it (e.g. "9,5" → 9.5 → "9,5"). */
function score(c: MessageContext): string {
  return detail(c, 'score') ?? c.value;
}

function optional(prefix: string, text: string | undefined, suffix = ''): string {
  return text === undefined ? '' : `${prefix}${text}${suffix}`;
}

/**
 * Message bodies, after `Trang "…", ô …: `. Details each code reads:
 * header-missing {expected}, header-renamed {expected}, duplicate-code {firstCell},
 * unknown-unit / unknown-criterion {hint}, above-max {max, score}, below-zero {score},
 * required-missing {field}, group-max-mismatch {sum, max, group}, closed-period {closedOn},
 * score-missing {unit, criterion}, invalid-value {expected}, percent-not-allowed {expected},
 * unknown-form {forms}, row-above-header {headerRow}. All optional.
 */
const MESSAGES: { readonly [C in FindingCode]: (c: MessageContext) => string } = {
  'header-missing': (c) => {
    const expected = detail(c, 'expected');
    return expected === undefined ? 'thiếu dòng tiêu đề.' : `thiếu cột "${expected}".`;
  },
  'header-renamed': (c) =>
    `tiêu đề ${quoted(c.value)} đã bị sửa` +
    optional('; tiêu đề đúng là "', detail(c, 'expected'), '"') +
    '.',
  'duplicate-code': (c) =>
    `mã ${quoted(c.value)} bị trùng` + optional(' với ô ', detail(c, 'firstCell')) + '.',
  'unknown-unit': (c) =>
    `không tìm thấy đơn vị ${quoted(c.value)} trong danh sách đơn vị.` +
    optional(' ', detail(c, 'hint')),
  'unknown-criterion': (c) =>
    `không tìm thấy tiêu chí ${quoted(c.value)} trong danh sách tiêu chí.` +
    optional(' ', detail(c, 'hint')),
  'not-a-number': (c) => `${quoted(c.value)} không phải là số.`,
  'above-max': (c) => `điểm ${score(c)} vượt điểm tối đa` + optional(' ', detail(c, 'max')) + '.',
  'below-zero': (c) => `điểm ${score(c)} nhỏ hơn 0.`,
  'not-pass-fail': (c) => `${quoted(c.value)} không phải là "Đạt" hoặc "Không đạt".`,
  'invalid-date': (c) =>
    `${quoted(c.value)} không phải là ngày hợp lệ (nhập theo ngày/tháng/năm, ví dụ 05/01/2020).`,
  'required-missing': (c) => `chưa nhập ${detail(c, 'field') ?? 'dữ liệu bắt buộc'}.`,
  'group-max-mismatch': (c) =>
    'tổng điểm tối đa của các tiêu chí' +
    optional(' trong nhóm "', detail(c, 'group'), '"') +
    optional(' là ', detail(c, 'sum')) +
    ', khác điểm tối đa của nhóm' +
    optional(' là ', detail(c, 'max')) +
    '.',
  'closed-period': (c) =>
    'đã khóa chấm điểm' +
    optional(' từ ', detail(c, 'closedOn')) +
    `, không nhận thay đổi thành ${quoted(c.value)}.`,
  'score-missing': (c) =>
    'chưa có điểm' +
    optional(' của đơn vị "', detail(c, 'unit'), '"') +
    optional(' cho tiêu chí "', detail(c, 'criterion'), '"') +
    '.',
  'invalid-value': (c) =>
    `giá trị ${quoted(c.value)} không hợp lệ` + optional('; cần ', detail(c, 'expected')) + '.',
  'invalid-email': (c) => `${quoted(c.value)} không phải là địa chỉ email hợp lệ.`,
  'zero-max': () =>
    'điểm tối đa của tiêu chí là 0; nhập điểm tối đa lớn hơn 0. Đến khi sửa, tiêu chí này ' +
    'không được tính: điểm đã chấm cho nó được giữ nguyên nhưng không cộng vào tổng.',
  'percent-not-allowed': (c) => {
    const expected = detail(c, 'expected');
    return expected === undefined
      ? `${quoted(c.value)}: ô này không nhận %, nhập số.`
      : `${quoted(c.value)}: ô điểm không nhận %, nhập ${expected}, ví dụ ${
          expected === 'số lần' ? '3' : '9,5'
        } (nếu ô vẫn hiện dấu %, chọn Định dạng › Số › Tự động rồi nhập lại).`;
  },
  'unknown-form': (c) =>
    `hình thức ${quoted(c.value)} không có trong danh sách` +
    optional(' (', detail(c, 'forms'), ')') +
    '. Nếu gõ nhầm, hãy chọn lại trong danh sách; nếu đúng là hình thức khác, dòng vẫn được ' +
    'thống kê nhưng chương trình không in giấy cho hình thức này.',
  'row-above-header': (c) =>
    'dòng này nằm trên dòng tiêu đề' +
    optional(' (dòng ', detail(c, 'headerRow'), ')') +
    ', có lẽ vì bảng được sắp xếp cả dòng tiêu đề. Chương trình vẫn đọc đây là một dòng của ' +
    'bảng; hãy đưa dòng tiêu đề về trên cùng (Hoàn tác, hoặc cắt và dán lại) rồi sắp xếp từ dòng dưới tiêu đề.',
};

/** `Trang "Tự chấm", ô C5: ` — "vùng" for a range, so the wording fits the reference. */
function location(sheet: string, cell: string): string {
  return `Trang "${sheet}", ${cell.includes(':') ? 'vùng' : 'ô'} ${cell}: `;
}

/** The standard Vietnamese message of a code, naming the sheet and cell. */
export function findingMessage(
  sheet: string,
  cell: string,
  code: FindingCode,
  value: unknown,
  details: FindingDetails = {},
): string {
  const body = MESSAGES[code]({ value: echoCellValue(value), details });
  return (location(sheet, cell) + body).normalize('NFC');
}

/**
 * Builds a Finding with the standard message. value is the raw cell value (what getValues
 * returned), rendered as text here so that the report shows what the user typed.
 */
export function finding(
  sheet: string,
  cell: string,
  code: FindingCode,
  value: unknown,
  details?: FindingDetails,
  severity: FindingSeverity = DEFAULT_SEVERITY[code],
): Finding {
  return {
    sheet,
    cell,
    code,
    value: echoCellValue(value),
    message: findingMessage(sheet, cell, code, value, details),
    severity,
  };
}
