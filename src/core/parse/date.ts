/**
 * Dates as Vietnamese offices write them: day first ("05/01/2020" is 5 January), or spelled out
 * as in documents ("ngày 05 tháng 01 năm 2020"), or ISO ("2020-01-05"), or a Date from a cell.
 */
import { EMPTY, dateTime, invalid, isDateObject, ok } from './result';
import type { Parsed } from './result';
import { foldCase, normalizeText } from '../text/normalize';

export type CalendarDate = { readonly year: number; readonly month: number; readonly day: number };

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975). */
export const VIETNAM_OFFSET_MINUTES = 420;

export type ParseDateOptions = {
  /** UTC offset in which a Date value's calendar day is read; default +420 (UTC+7). */
  readonly offsetMinutes?: number;
};

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Proleptic Gregorian date with a four-digit year (1000–9999): what a sheet can sensibly hold. */
export function isValidCalendarDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.year >= 1000 &&
    d.year <= 9999 &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/** Negative, zero or positive, by year, then month, then day. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const REASON = 'không phải là ngày hợp lệ';

function fromParts(year: number, month: number, day: number): Parsed<CalendarDate> {
  const date = { year, month, day };
  return isValidCalendarDate(date) ? ok(date) : invalid('invalid-date', REASON);
}

/** 05/01/2020, 5/1/2020, 05-01-2020, 05.01.2020: day, month, four-digit year, one separator. */
const DAY_FIRST = /^(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** "ngày 05 tháng 01 năm 2020", with or without "ngày", any case (after folding). */
const SPELLED = /^(?:ngày\s)?(\d{1,2}),?\s?tháng\s(\d{1,2}),?\s?năm\s(\d{4})$/;

/**
 * Reads a calendar date; never throws. Two-digit years are refused ("5/1/20" could be 1920 or
 * 2020), as is month-first order (12/31/2020 is invalid, not 31 December): in a Vietnamese
 * sheet a day-first reading is the only one people mean, and guessing would rewrite data.
 * Numbers (spreadsheet serial days) are refused too: Sheets hands date cells over as Dates.
 */
export function parseDate(value: unknown, options: ParseDateOptions = {}): Parsed<CalendarDate> {
  if (value === null || value === undefined) return EMPTY;
  if (isDateObject(value)) {
    const time = dateTime(value);
    const offset = options.offsetMinutes ?? VIETNAM_OFFSET_MINUTES;
    if (!Number.isFinite(time) || !Number.isFinite(offset)) return invalid('invalid-date', REASON);
    const shifted = new Date(time + offset * 60000);
    if (!Number.isFinite(shifted.getTime())) return invalid('invalid-date', REASON);
    return fromParts(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }
  if (typeof value !== 'string') return invalid('invalid-date', REASON);
  const text = foldCase(normalizeText(value));
  if (text === '') return EMPTY;
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return fromParts(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]));
  const spelled = SPELLED.exec(text);
  if (spelled) return fromParts(Number(spelled[3]), Number(spelled[2]), Number(spelled[1]));
  const iso = ISO.exec(text);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return invalid('invalid-date', REASON);
}
