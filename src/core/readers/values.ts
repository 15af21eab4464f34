/**
 * Checks of single cells against what a column expects. Shared by the readers (whole sheets)
 * and checkEditedCells (one edited block), so both say the same about the same value.
 */
import { finding, type Finding, type FindingCode, type FindingDetails } from '../findings';
import type { Criterion } from '../model/criteria';
import { parseNumber } from '../parse/number';
import { parsePassFail } from '../parse/passFail';
import type { TargetPart } from '../layout/labels';

export type CellCheck<T> =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'bad'; readonly code: FindingCode; readonly details?: FindingDetails };

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** What the number is, for 'invalid-value' messages ("số lần", "năm"). */
  readonly what?: string;
  /** Accept "95%" as 0.95 (a target and its result may both be percentages). */
  readonly allowPercent?: boolean;
  /** What a score cell takes instead of a percentage, for 'percent-not-allowed' messages. */
  readonly scoreUnit?: string;
}

/** A number within bounds: below `min` (0 in practice) is 'below-zero', above `max` 'above-max'. */
export function checkNumber(raw: unknown, rule: NumberRule = {}): CellCheck<number> {
  const parsed = parseNumber(raw, rule.allowPercent === true ? { allowPercent: true } : {});
  if (parsed.kind === 'empty') return parsed;
  if (parsed.kind === 'invalid') {
    return parsed.code === 'percent-not-allowed' && rule.scoreUnit !== undefined
      ? { kind: 'bad', code: parsed.code, details: { expected: rule.scoreUnit } }
      : { kind: 'bad', code: parsed.code };
  }
  const n = parsed.value;
  if (rule.min !== undefined && n < rule.min) {
    return rule.min === 0
      ? { kind: 'bad', code: 'below-zero', details: { score: n } }
      : { kind: 'bad', code: 'invalid-value', details: { expected: `số từ ${rule.min} trở lên` } };
  }
  if (rule.max !== undefined && n > rule.max) {
    return { kind: 'bad', code: 'above-max', details: { max: rule.max, score: n } };
  }
  if (rule.integer && !Number.isInteger(n)) {
    return {
      kind: 'bad',
      code: 'invalid-value',
      details: { expected: `${rule.what ?? 'số'} là số nguyên` },
    };
  }
  return { kind: 'ok', value: n };
}

/** The one entry of a non-target criterion: points, occurrences, or a pass/fail mark. */
export function checkScoreEntry(criterion: Criterion, raw: unknown): CellCheck<number | boolean> {
  switch (criterion.type) {
    case 'passFail': {
      const parsed = parsePassFail(raw);
      if (parsed.kind === 'invalid') return { kind: 'bad', code: 'not-pass-fail' };
      return parsed;
    }
    case 'perOccurrence':
      return checkNumber(raw, { min: 0, integer: true, what: 'số lần', scoreUnit: 'số lần' });
    case 'target':
      return {
        kind: 'bad',
        code: 'invalid-value',
        details: { expected: 'chỉ tiêu và kết quả thực hiện ở hai cột riêng' },
      };
    default:
      return checkNumber(raw, { min: 0, max: criterion.maxPoints, scoreUnit: 'số điểm' });
  }
}

/** One half of a target-based entry: the target must be above 0 (it is divided by). */
export function checkTargetPart(part: TargetPart, raw: unknown): CellCheck<number> {
  const checked = checkNumber(raw, { min: 0, allowPercent: true });
  if (part === 'target' && checked.kind === 'ok' && checked.value === 0) {
    return { kind: 'bad', code: 'invalid-value', details: { expected: 'chỉ tiêu lớn hơn 0' } };
  }
  return checked;
}

/** The finding for a bad check, naming the cell. */
export function findingOf(
  sheet: string,
  cell: string,
  raw: unknown,
  check: { readonly code: FindingCode; readonly details?: FindingDetails },
): Finding {
  return finding(sheet, cell, check.code, raw, check.details);
}
