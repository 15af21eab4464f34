/**
 * Vietnamese formatting for sheets and documents, without Intl or toLocaleString (their output
 * depends on the ICU data of the runtime). Dates and document numbers follow Decree
 * 30/2020/NĐ-CP on clerical work (Nghị định 30/2020/NĐ-CP về công tác văn thư), Appendix I.
 */
import type { CalendarDate } from '../parse/date';
import { isValidCalendarDate } from '../parse/date';
import { normalizeText } from '../text/normalize';

function pad2(n: number): string {
  return n < 10 ? `0${String(n)}` : String(n);
}

function assertDate(d: CalendarDate): void {
  if (!isValidCalendarDate(d)) {
    throw new RangeError(
      `not a calendar date: ${String(d.year)}-${String(d.month)}-${String(d.day)}`,
    );
  }
}

/**
 * "ngày 05 tháng 01 năm 2020", "ngày 15 tháng 3 năm 2023".
 * Decree 30/2020/NĐ-CP, Appendix I, Part I, Section II (place and date of issue): "các số thể
 * hiện ngày, tháng, năm dùng chữ số Ả Rập; đối với những số thể hiện ngày nhỏ hơn 10 và tháng
 * 1, 2 phải ghi thêm số 0 phía trước" — days 1–9 and months 1–2 get a leading zero; months 3–12
 * do not (a "1" written in front of 01/02 could forge 11/12; there is no month 13–19).
 */
export function formatDayMonthYear(d: CalendarDate): string {
  assertDate(d);
  const month = d.month <= 2 ? pad2(d.month) : String(d.month);
  return `ngày ${pad2(d.day)} tháng ${month} năm ${String(d.year)}`;
}

/** "Hà Nội, ngày 05 tháng 01 năm 2020": the place-and-date line under the national motto. */
export function formatPlaceDate(place: string, d: CalendarDate): string {
  return `${normalizeText(place)}, ${formatDayMonthYear(d)}`;
}

/**
 * "Số: 05/QĐ-UBND". Decree 30/2020, Appendix I: document numbers under 10 get a leading zero.
 * Throws RangeError for anything but a positive integer: a document cannot be number 0 or 2,5.
 */
export function formatDocumentNumber(n: number, symbol: string): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`document number must be a positive integer, got ${String(n)}`);
  }
  return `Số: ${pad2(n)}/${normalizeText(symbol)}`;
}

/** "05/01/2020": the short numeric form; both day and month padded so columns line up. */
export function formatShortDate(d: CalendarDate): string {
  assertDate(d);
  return `${pad2(d.day)}/${pad2(d.month)}/${String(d.year)}`;
}

/** Decimal digits of a non-negative finite number, without exponent: 1e21 → "1000…0". */
function plainDigits(x: number): { int: string; frac: string } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) return { int: '0', frac: '' };
  const mantissaInt = match[1] ?? '0';
  const digits = mantissaInt + (match[2] ?? '');
  const point = mantissaInt.length + Number(match[3] ?? '0');
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '0';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  return { int: int.replace(/^0+(?=\d)/, ''), frac: frac.replace(/0+$/, '') };
}

/** Adds one unit in the last place of a string of decimal digits: "199" → "200", "99" → "100". */
function incrementDigits(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === '9') {
      chars[i] = '0';
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
  }
  return `1${chars.join('')}`;
}

function clampDecimals(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(20, Math.max(0, Math.trunc(value)));
}

export type NumberFormatOptions = {
  /** At most this many decimals, rounded half away from zero; default: as many as needed. */
  readonly decimals?: number;
  /** At least this many decimals, padded with zeros; default 0. */
  readonly minDecimals?: number;
};

/**
 * Vietnamese number format: decimal comma, dot thousands ("1.234,5", "9,5", "100", "-3").
 * Rounding works on the shortest decimal representation of n (the one String(n) gives), so
 * 1.005 with 2 decimals is "1,01" as a person expects, not "1,00" as toFixed gives.
 * Non-finite input is returned as String(n) ("NaN", "Infinity") rather than throwing, since it
 * is used when rendering messages about bad values. parseNumber(formatNumberVi(x)) === x for
 * every finite x when no decimals option rounds it.
 */
export function formatNumberVi(n: number, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(n)) return String(n);
  const minDecimals = clampDecimals(options.minDecimals, 0);
  const decimals = Math.max(minDecimals, clampDecimals(options.decimals, Infinity));
  let { int, frac } = plainDigits(Math.abs(n));
  if (frac.length > decimals) {
    const roundUp = (frac[decimals] ?? '0') >= '5';
    const kept = int + frac.slice(0, decimals);
    const rounded = roundUp ? incrementDigits(kept) : kept;
    int = rounded.slice(0, rounded.length - decimals) || '0';
    frac = rounded.slice(rounded.length - decimals);
  }
  frac = frac.replace(/0+$/, '');
  if (frac.length < minDecimals) frac += '0'.repeat(minDecimals - frac.length);
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, '.');
  const isZero = /^0*$/.test(int + frac);
  const sign = n < 0 && !isZero ? '-' : '';
  return sign + grouped + (frac ? `,${frac}` : '');
}

/**
 * 0.6667 → "66,7 %": a ratio shown as a percentage, with a space before the sign as Vietnamese
 * typography writes it. decimals is a maximum (trailing zeros dropped: 0.5 → "50 %").
 */
export function formatPercentVi(ratio: number, decimals = 1): string {
  return `${formatNumberVi(ratio * 100, { decimals })} %`;
}

/**
 * Vietnamese upper case for titles and certificate names ("đống đa" → "ĐỐNG ĐA"). toUpperCase
 * is locale-independent and maps every precomposed Vietnamese letter and đ → Đ; NFC before and
 * after keeps decomposed input from leaving combining marks on the wrong side.
 */
export function upperVi(s: string): string {
  return s.normalize('NFC').toUpperCase().normalize('NFC');
}

/** U+00A0: a space no line may break at. */
export const NBSP = '\u00a0';

/**
 * Words a certificate line must not split, compared without case: the classifications and titles
 * printed on certificates and the words of the decision line. Vietnamese writes a word of two
 * syllables with a space between them, so "Xuất sắc" broken after "Xuất" reads as two words.
 * A closed list on purpose: binding every pair of syllables would leave nowhere to break.
 */
export const KEEP_TOGETHER_WORDS: readonly string[] = [
  'Quyết định',
  'Xuất sắc',
  'Trung bình',
  'Hoàn thành',
  'nhiệm vụ',
  'tiên tiến',
  'thi đua',
  'Lao động',
  'Tập thể',
  'Chiến sĩ',
  'Bằng khen',
  'Giấy khen',
  'sổ vàng',
  'xếp hạng',
  'xếp loại',
];

/** Words a number is held to when they follow it: "95 điểm", "05 tháng", "2 năm", "50 %". */
const UNIT_WORDS: ReadonlySet<string> = new Set([
  'ngày',
  'tháng',
  'năm',
  'điểm',
  '%',
  'lần',
  'người',
  'đồng',
  'nghìn',
  'triệu',
  'tỷ',
  'giờ',
]);

/** A number as typed: digits with their grouping and decimal marks ("2.505", "9,5"). */
const NUMBER = /^\(?\p{N}[\p{N}.,]*$/u;
const HAS_LETTER = /\p{L}/u;
const EDGE_PUNCTUATION = /^[\p{P}]+|[\p{P}]+$/gu;

const KEEP_PATTERNS: readonly RegExp[] = KEEP_TOGETHER_WORDS.map(
  (w) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])${w
        .normalize('NFC')
        .split(' ')
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join(' +')}(?![\\p{L}\\p{N}])`,
      'giu',
    ),
);

/**
 * Puts non-breaking spaces where Vietnamese typography keeps words on one line (the rule applied
 * to every value merged into a certificate, and by the {{…|lien}} formatter):
 * 1. a word and the number after it: "số 635/QĐ-UBND", "ngày 05", "năm 2023", "hạng 1/6";
 * 2. a number and the unit word after it (UNIT_WORDS): "05 tháng", "95 điểm", "50 %";
 * so the date "ngày 05 tháng 01 năm 2023" is one unbreakable group;
 * 3. the two syllables of the words in KEEP_TOGETHER_WORDS: "Xuất sắc", "Quyết định".
 * Only single ordinary spaces are replaced; line breaks and the text itself are untouched.
 */
export function keepTogetherVi(s: string): string {
  const tokens = s.normalize('NFC').split(' ');
  let out = tokens[0] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    const before = tokens[i - 1] ?? '';
    const after = tokens[i] ?? '';
    const bareAfter = after.replace(EDGE_PUNCTUATION, '').toLowerCase();
    // A comma or full stop ends the phrase: "điểm, 2 năm" may break after the comma.
    const open = !/\p{P}$/u.test(before);
    const wordThenNumber = open && HAS_LETTER.test(before) && /^\(?\p{N}/u.test(after);
    const numberThenUnit = open && NUMBER.test(before) && UNIT_WORDS.has(bareAfter);
    const glue = before !== '' && after !== '' && (wordThenNumber || numberThenUnit);
    out += (glue ? NBSP : ' ') + after;
  }
  for (const pattern of KEEP_PATTERNS) {
    out = out.replace(pattern, (m) => m.replace(/ +/g, NBSP));
  }
  return out;
}
