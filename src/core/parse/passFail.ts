/**
 * Pass/fail criteria ("Đạt" / "Không đạt"). People mark them many ways: the word, "x" or a tick,
 * "Có"/"Không", TRUE/FALSE from a checkbox, 1/0. Words are matched without case and without
 * diacritics ("dat", "khong dat") because many keyboards type them plain; no Vietnamese word
 * that means anything else folds to one of these in a pass/fail column.
 */
import { EMPTY, invalid, ok } from './result';
import type { Parsed } from './result';
import { nameKey } from '../text/normalize';

const PASS: ReadonlySet<string> = new Set(['dat', 'x', '✓', '✔', '☑', 'co', '1', 'true']);
const FAIL: ReadonlySet<string> = new Set([
  'khong dat',
  'chua dat',
  'khong',
  '-',
  '0',
  'false',
  '✗',
  '✘',
]);

const REASON = 'không phải là "Đạt" hoặc "Không đạt"';

/** Reads a pass/fail mark; never throws. A blank cell is 'empty', not a fail. */
export function parsePassFail(value: unknown): Parsed<boolean> {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'boolean') return ok(value);
  if (typeof value === 'number') {
    if (value === 1) return ok(true);
    if (value === 0) return ok(false);
    return invalid('not-pass-fail', REASON);
  }
  if (typeof value !== 'string') return invalid('not-pass-fail', REASON);
  const key = nameKey(value, { ignoreDiacritics: true });
  if (key === '') return EMPTY;
  if (PASS.has(key)) return ok(true);
  if (FAIL.has(key)) return ok(false);
  return invalid('not-pass-fail', REASON);
}
