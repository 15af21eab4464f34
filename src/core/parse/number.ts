/**
 * Numbers typed into a Vietnamese sheet. Vietnamese writes a decimal comma and dot thousands
 * ("1.234,5"), but people also paste English-formatted numbers ("1,234.5") and type "9.5".
 *
 * Decisions on ambiguous strings (the separator that occurs last and once is the decimal one):
 * - "9,5" → 9.5; "1,234" → 1.234: a single comma is always a decimal comma.
 * - "9.5" → 9.5; "1.234" → 1234; "12.345" → 12345: a single dot is a thousands separator only
 *   when it follows 1–3 digits (not starting with 0) and is followed by exactly 3 digits, the
 *   vi-VN grouping that Sheets itself displays; otherwise it is a decimal point ("0.125",
 *   "1234.567", "9.50" are decimals). Scores with 3 decimals are rare; thousands are common.
 * - "1.234.567", "1,234,567", "1 234 567": repeated separators group thousands and every group
 *   after the first must have exactly 3 digits ("9,5,3" is not a number).
 * - Both "." and ",": the last one is the decimal separator ("1.234,5" and "1,234.5").
 * - Spaces (any Unicode space) may group thousands, with "," or "." as decimal: "1 234,5".
 * - A sign "-", "+" or "−" (U+2212) may lead; exponents, currency and units are refused.
 * - "95%" is 0.95 with allowPercent, otherwise invalid ('percent-not-allowed'): a score column
 *   holding "95%" is a typo that must be shown, not a value to reinterpret. Sheets stores a typed
 *   "95%" as 0.95 in a percent format; readers see it as "95%" again (readers/typedPercent.ts).
 */
import { EMPTY, invalid, ok } from './result';
import type { Parsed } from './result';
import { normalizeText } from '../text/normalize';

export type ParseNumberOptions = {
  /** Accept a trailing "%" and divide by 100 ("95%" → 0.95). */
  readonly allowPercent?: boolean;
};

const NOT_A_NUMBER = 'không phải là số';

/** Splits an integer part on a group separator; null unless groups are 1–3 then 3,3,… digits. */
function ungroup(intPart: string, separator: string): string | null {
  const groups = intPart.split(separator);
  const [first, ...rest] = groups;
  if (first === undefined || !/^\d{1,3}$/.test(first)) return null;
  if (!rest.every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/** The value of an unsigned number string, or null. */
function parseUnsigned(body: string): number | null {
  if (!/^[\d., ]+$/.test(body) || !/\d/.test(body)) return null;
  const hasSpace = body.includes(' ');
  const commas = body.split(',').length - 1;
  const dots = body.split('.').length - 1;
  let decimal = '';
  let group = hasSpace ? ' ' : '';
  if (commas > 0 && dots > 0) {
    if (hasSpace) return null;
    decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    group = decimal === ',' ? '.' : ',';
  } else if (commas > 0) {
    if (commas === 1) decimal = ',';
    else if (hasSpace) return null;
    else group = ',';
  } else if (dots > 0) {
    if (dots > 1) {
      if (hasSpace) return null;
      group = '.';
    } else if (!hasSpace && /^[1-9]\d{0,2}\.\d{3}$/.test(body)) {
      group = '.';
    } else {
      decimal = '.';
    }
  }
  let intPart = body;
  let fracPart = '';
  if (decimal !== '') {
    const at = body.indexOf(decimal);
    if (at !== body.lastIndexOf(decimal)) return null;
    intPart = body.slice(0, at);
    fracPart = body.slice(at + 1);
    if (!/^\d+$/.test(fracPart)) return null;
  }
  let intDigits: string | null = intPart;
  if (group !== '') intDigits = ungroup(intPart, group);
  else if (!/^\d*$/.test(intPart)) intDigits = null;
  if (intDigits === null) return null;
  if (intDigits === '' && fracPart === '') return null;
  const result = Number(`${intDigits || '0'}.${fracPart || '0'}`);
  return Number.isFinite(result) ? result : null;
}

/** Reads a number from a cell value; never throws. */
export function parseNumber(value: unknown, options: ParseNumberOptions = {}): Parsed<number> {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? ok(value) : invalid('not-a-number', NOT_A_NUMBER);
  }
  if (typeof value !== 'string') return invalid('not-a-number', NOT_A_NUMBER);
  let text = normalizeText(value);
  if (text === '') return EMPTY;
  let percent = false;
  if (text.endsWith('%')) {
    if (!options.allowPercent) return invalid('percent-not-allowed', 'có dấu %, cần nhập số');
    percent = true;
    text = text.slice(0, -1).trimEnd();
  }
  let sign = 1;
  const first = text.charAt(0);
  if (first === '-' || first === '\u2212' || first === '+') {
    sign = first === '+' ? 1 : -1;
    text = text.slice(1);
  }
  const magnitude = parseUnsigned(text);
  if (magnitude === null) return invalid('not-a-number', NOT_A_NUMBER);
  // "+ 0" turns -0 into 0: "-0" typed in a sheet means zero, and -0 prints oddly elsewhere.
  const signed = sign * magnitude + 0;
  return ok(percent ? signed / 100 : signed);
}
