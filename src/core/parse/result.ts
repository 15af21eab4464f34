import type { FindingCode } from '../findings';

/**
 * The outcome of reading one cell. 'empty' is separate from 'invalid' because a blank cell is
 * often allowed (a score not entered yet) while a wrong value never is.
 */
export type Parsed<T> =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly value: T }
  | {
      readonly kind: 'invalid';
      readonly code: FindingCode;
      /** Short Vietnamese explanation, e.g. "không phải là số". */
      readonly reason: string;
    };

export const EMPTY: { readonly kind: 'empty' } = { kind: 'empty' };

export function ok<T>(value: T): Parsed<T> {
  return { kind: 'ok', value };
}

export function invalid<T>(code: FindingCode, reason: string): Parsed<T> {
  return { kind: 'invalid', code, reason };
}

/** Realm-independent Date check: values from Sheets may come from another JS realm (node:vm). */
export function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * The epoch milliseconds of a Date from any realm, or NaN. Date.prototype.getTime works across
 * realms; it throws on objects that only pretend to be Dates via Symbol.toStringTag.
 */
export function dateTime(value: Date): number {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return NaN;
  }
}
