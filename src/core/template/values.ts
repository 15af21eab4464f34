/**
 * Data a template is merged with, how a placeholder's path is looked up in it, and the
 * formatters ({{date|ngay}}, {{name|hoa}}, {{score|so:2}} …). Pure: no Apps Script globals,
 * no Intl (its output depends on the runtime's ICU data).
 */
import type { CalendarDate } from '../parse/date';
import { isValidCalendarDate, parseDate } from '../parse/date';
import { parseNumber } from '../parse/number';
import { dateTime, isDateObject } from '../parse/result';
import {
  formatDayMonthYear,
  formatNumberVi,
  formatPlaceDate,
  formatShortDate,
  keepTogetherVi,
  upperVi,
} from '../format/vietnamese';

export type TemplateScalar = string | number | boolean | Date | null | undefined;
/** A record's fields may hold scalars, nested records ({{unit.name}}) or lists ({{#items}}). */
export type TemplateValue = TemplateScalar | TemplateRecord | readonly TemplateValue[];
export interface TemplateRecord {
  readonly [field: string]: TemplateValue;
}

/** One level of the lookup stack: the merge data, then one frame per enclosing {{#list}}. */
export type Frame = { readonly scope: TemplateValue; readonly index: number | null };

export type Resolved =
  { readonly kind: 'value'; readonly value: TemplateValue } | { readonly kind: 'unknown' };

export const INDEX_FIELD = '@index';

export function isRecord(value: unknown): value is TemplateRecord {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !isDateObject(value)
  );
}

function hasOwn(record: TemplateRecord, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * Mustache-style lookup: the first segment is searched from the innermost list item outwards,
 * the rest descends from where it was found (no falling back to an outer scope half way, which
 * would silently print a different record's field). A key that is present with an empty value
 * is a value (reported as missing), a key that is absent is unknown.
 */
export function resolvePath(frames: readonly Frame[], path: readonly string[]): Resolved {
  const [head, ...rest] = path;
  if (head === undefined) return { kind: 'unknown' };
  if (head === INDEX_FIELD) {
    for (let i = frames.length - 1; i >= 0; i--) {
      const index = frames[i]?.index;
      if (index !== null && index !== undefined) return { kind: 'value', value: index + 1 };
    }
    return { kind: 'unknown' };
  }
  for (let i = frames.length - 1; i >= 0; i--) {
    const scope = frames[i]?.scope;
    if (!isRecord(scope) || !hasOwn(scope, head)) continue;
    let current: TemplateValue = scope[head];
    for (const segment of rest) {
      if (current === null || current === undefined) return { kind: 'value', value: undefined };
      if (!isRecord(current) || !hasOwn(current, segment)) return { kind: 'unknown' };
      current = current[segment];
    }
    return { kind: 'value', value: current };
  }
  return { kind: 'unknown' };
}

/** Nothing to print: absent, blank text, NaN, an invalid Date. */
export function isEmptyValue(value: TemplateValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  if (isDateObject(value)) return !Number.isFinite(dateTime(value));
  return false;
}

/**
 * {{#if}} truth: non-blank text, a non-zero number, true, a valid Date, a non-empty list, a
 * record with at least one field. "0" and "FALSE" as text are true: they are text a person typed.
 */
export function isTruthy(value: TemplateValue): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (Array.isArray(value)) return value.length > 0;
  if (isEmptyValue(value)) return false;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

/** A CalendarDate record, a Date (read in Vietnam time) or a date typed as text. */
export function toCalendarDate(value: TemplateValue): CalendarDate | null {
  if (isRecord(value)) {
    const { year, month, day } = value;
    if (typeof year === 'number' && typeof month === 'number' && typeof day === 'number') {
      const date = { year, month, day };
      return isValidCalendarDate(date) ? date : null;
    }
    return null;
  }
  if (typeof value === 'string' || isDateObject(value)) {
    const parsed = parseDate(value);
    return parsed.kind === 'ok' ? parsed.value : null;
  }
  return null;
}

function toNumber(value: TemplateValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const parsed = parseNumber(value);
    return parsed.kind === 'ok' ? parsed.value : null;
  }
  return null;
}

/** Text a formatter or the default rendering produced, or why the value cannot be printed. */
export type Formatted = { readonly ok: true; readonly text: string } | FormatFailure;
export type FormatFailure = {
  readonly ok: false;
  /** Vietnamese, e.g. "không phải là ngày". */
  readonly reason: string;
};

const text = (t: string): Formatted => ({ ok: true, text: t });
const fail = (reason: string): Formatted => ({ ok: false, reason });

/**
 * A value without a formatter: text as typed (NFC), integers as digits, other numbers with a
 * decimal comma, dates as
 * dd/mm/yyyy, booleans as "Có"/"Không". Records and lists cannot be printed.
 */
export function defaultText(value: TemplateValue): Formatted {
  if (value === null || value === undefined) return text('');
  if (typeof value === 'string') return text(value.normalize('NFC'));
  // Integers print plainly (a year is "2023", not "2.023"); {{n|so}} groups thousands.
  if (typeof value === 'number') {
    return text(Number.isSafeInteger(value) ? String(value) : formatNumberVi(value));
  }
  if (typeof value === 'boolean') return text(value ? 'Có' : 'Không');
  if (isDateObject(value)) {
    const date = toCalendarDate(value);
    return date === null ? fail('không phải là ngày hợp lệ') : text(formatShortDate(date));
  }
  if (Array.isArray(value)) return fail('là một danh sách, hãy dùng {{#…}} … {{/…}}');
  const date = toCalendarDate(value);
  if (date !== null) return text(formatShortDate(date));
  return fail('là một nhóm trường, hãy ghi rõ trường con (ví dụ {{a.b}})');
}

export type ArgumentKind = 'none' | 'decimals' | 'text';

export type FormatterSpec = {
  readonly arg: ArgumentKind;
  /** Shown in error messages listing what exists. */
  readonly example: string;
  readonly apply: (value: TemplateValue, arg: string | undefined) => Formatted;
};

function dateFormatter(format: (d: CalendarDate) => string): FormatterSpec['apply'] {
  return (value) => {
    const date = toCalendarDate(value);
    return date === null ? fail('không phải là ngày') : text(format(date));
  };
}

/**
 * The formatters, by the Vietnamese word a template writer types. Each takes the raw value
 * (the first in a chain) or the previous formatter's text.
 */
export const FORMATTERS: { readonly [name: string]: FormatterSpec } = {
  /** "ngày 05 tháng 01 năm 2020" (Decree 30/2020 padding). */
  ngay: { arg: 'none', example: '{{ngay_ky|ngay}}', apply: dateFormatter(formatDayMonthYear) },
  /** "05/01/2020". */
  ngayngan: { arg: 'none', example: '{{ngay_ky|ngayngan}}', apply: dateFormatter(formatShortDate) },
  /** "Hà Nội, ngày 05 tháng 01 năm 2020": the place is written in the tag. */
  noingay: {
    arg: 'text',
    example: '{{ngay_ky|noingay:Hà Nội}}',
    apply: (value, place) => {
      const date = toCalendarDate(value);
      return date === null ? fail('không phải là ngày') : text(formatPlaceDate(place ?? '', date));
    },
  },
  /** Vietnamese upper case: "đống đa" → "ĐỐNG ĐA". */
  hoa: {
    arg: 'none',
    example: '{{ten|hoa}}',
    apply: (value) => {
      const plain = defaultText(value);
      return plain.ok ? text(upperVi(plain.text)) : plain;
    },
  },
  /**
   * Non-breaking spaces where Vietnamese keeps words on one line (keepTogetherVi):
   * {{ngay_qd|ngay|lien}} prints "ngày 05 tháng 01 năm 2023" as one unbreakable group.
   */
  lien: {
    arg: 'none',
    example: '{{ngay_qd|ngay|lien}}',
    apply: (value) => {
      const plain = defaultText(value);
      return plain.ok ? text(keepTogetherVi(plain.text)) : plain;
    },
  },
  /** Decimal comma; "so:2" gives exactly two decimals ("9,50"), "so" as many as needed. */
  so: {
    arg: 'decimals',
    example: '{{diem|so:2}}',
    apply: (value, arg) => {
      const n = toNumber(value);
      if (n === null) return fail('không phải là số');
      const decimals = arg === undefined ? undefined : Number(arg);
      return text(
        formatNumberVi(n, decimals === undefined ? {} : { decimals, minDecimals: decimals }),
      );
    },
  },
  /** A document number as Decree 30/2020 writes it: under 10 padded, "5" → "05". */
  so_vb: {
    arg: 'none',
    example: '{{so_qd|so_vb}}',
    apply: (value) => {
      const n = toNumber(value);
      if (n === null || !Number.isInteger(n) || n < 1) {
        return fail('không phải là số văn bản (số nguyên dương)');
      }
      return text(n < 10 ? `0${String(n)}` : String(n));
    },
  },
};

export type FormatterCall = { readonly name: string; readonly arg: string | undefined };

/** Applies a chain; the first formatter sees the raw value, later ones the previous text. */
export function formatValue(value: TemplateValue, formatters: readonly FormatterCall[]): Formatted {
  if (formatters.length === 0) return defaultText(value);
  let current: TemplateValue = value;
  let result: Formatted = defaultText(value);
  for (const call of formatters) {
    const spec = FORMATTERS[call.name];
    if (spec === undefined) return fail(`không có định dạng "${call.name}"`);
    result = spec.apply(current, call.arg);
    if (!result.ok) return result;
    current = result.text;
  }
  return result;
}
