/**
 * From one criterion (tiêu chí) and one parsed value to points. Pure and total: every input,
 * however wrong, gives a finite number of points and at most one issue to report. Nothing here
 * throws, because one bad cell must never stop the ranking of a whole cluster.
 */
import type { Criterion, TargetFormula } from '../model/criteria';
import type { ScoreValue, TargetResult } from '../model/scores';

/** Problems found while turning a value into points; the caller turns them into findings. */
export type PointsIssueCode = 'invalid-value' | 'above-max' | 'below-zero';

export interface PointsIssue {
  readonly code: PointsIssueCode;
  /** What the value should have been, for the message: e.g. "số điểm", "Đạt / Không đạt". */
  readonly expected?: string;
  /** The cap that was exceeded, for 'above-max'. */
  readonly max?: number;
}

export interface PointsResult {
  /** Finite and never negative (penalties are returned as positive points to subtract). */
  readonly points: number;
  /**
   * False when the value cannot be used at all (wrong kind, not finite, negative target): the
   * caller treats the score as missing. Out-of-range numbers are usable: clamped and reported.
   */
  readonly usable: boolean;
  readonly issue?: PointsIssue;
}

/**
 * Equality of point totals at a fixed precision: 0.1 + 0.2 must tie with 0.3. Quantising (rather
 * than comparing with a tolerance) keeps the comparison transitive, which sorting needs.
 */
export const POINT_PRECISION = 1e9;

export function quantize(x: number): number {
  return Math.round(x * POINT_PRECISION);
}

export function comparePoints(a: number, b: number): number {
  return quantize(a) - quantize(b);
}

/**
 * Points are kept in integer hundredths (0,01 điểm): every criterion's points are rounded once,
 * half up, and every sum after that is an integer sum, so no binary residue (59.550000000000004)
 * reaches a cell, a band edge or a tie. The half-up test forgives the noise of the product
 * (1.005 × 100 is 100.49999999999999 in binary, and must round to 101).
 */
export function toHundredths(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const h = x * 100;
  const f = Math.floor(h);
  return h - f >= 0.5 - 1e-7 ? f + 1 : f;
}

/** Points from integer hundredths: 5955 is 59.55, the double nearest the decimal. */
export function fromHundredths(h: number): number {
  return h / 100;
}

/** A number of points rounded to the hundredth, as written to a cell. */
export function roundPoints(x: number): number {
  return fromHundredths(toHundredths(x));
}

/** Floor that forgives floating-point noise: 28.999999999999996 is 29. */
export function floorPrecise(x: number): number {
  return Math.floor(x + 1e-9);
}

/** The description of what a criterion of this kind expects, used in messages. */
export function expectedValueText(criterion: Criterion): string {
  switch (criterion.type) {
    case 'passFail':
      return 'Đạt / Không đạt';
    case 'perOccurrence':
      return 'số lần (số nguyên không âm)';
    case 'target':
      return 'chỉ tiêu và kết quả thực hiện';
    case 'bonus':
      return 'số điểm thưởng';
    case 'penalty':
      return 'số điểm trừ';
    case 'scored':
    default:
      return 'số điểm';
  }
}

function isTargetResult(value: ScoreValue): value is TargetResult {
  return typeof value === 'object';
}

function invalid(criterion: Criterion): PointsResult {
  return {
    points: 0,
    usable: false,
    issue: { code: 'invalid-value', expected: expectedValueText(criterion) },
  };
}

/** A plain number of points in 0..max (scored, bonus, penalty): clamped and reported outside. */
function pointsInRange(criterion: Criterion, value: number): PointsResult {
  const max = criterion.maxPoints;
  if (value < 0) return { points: 0, usable: true, issue: { code: 'below-zero' } };
  if (comparePoints(value, max) > 0) {
    return { points: max, usable: true, issue: { code: 'above-max', max } };
  }
  return { points: value, usable: true };
}

/**
 * The ratio actual / target of a target-based criterion (định lượng), never negative.
 * A target of 0 means nothing was required: met in full (ratio 1), with no extra above it.
 * A negative target cannot be met or missed: unusable. A negative actual counts as 0, reported.
 */
export interface TargetRatio {
  readonly ratio: number;
  readonly usable: boolean;
  readonly issue?: PointsIssue;
}

export function targetRatio(criterion: Criterion, value: ScoreValue): TargetRatio {
  if (!isTargetResult(value)) return toRatio(invalid(criterion));
  const { target, actual } = value;
  if (!Number.isFinite(target) || !Number.isFinite(actual) || target < 0) {
    return toRatio(invalid(criterion));
  }
  if (actual < 0) return { ratio: 0, usable: true, issue: { code: 'below-zero' } };
  if (target === 0) return { ratio: 1, usable: true };
  return { ratio: clampRatio(actual / target), usable: true };
}

/**
 * A result a million times its target is a typing error in any real plan; capping there keeps a
 * tiny target with a huge result (whose quotient overflows to Infinity) finite and at the top.
 */
const MAX_RATIO = 1e6;

function clampRatio(ratio: number): number {
  if (ratio === Infinity) return MAX_RATIO;
  if (!Number.isFinite(ratio) || ratio <= 0) return 0;
  return Math.min(ratio, MAX_RATIO);
}

function toRatio(result: PointsResult): TargetRatio {
  return result.issue
    ? { ratio: 0, usable: result.usable, issue: result.issue }
    : { ratio: 0, usable: result.usable };
}

/**
 * Points of a target-based criterion from its ratio.
 * - proportional: max × min(ratio, 1)
 * - proportionalWithExtra: as proportional, plus (ratio − 1) × 100 × extraPerPercent above the
 *   target, pro rata (12,5 % above gives 12,5 × the points per percent), capped at extraCap
 * - leaderRelative: max × ratio / bestRatio; with no positive best ratio every unit gets 0
 * Rounded to the hundredth, as every criterion's points.
 */
export function targetPoints(
  maxPoints: number,
  formula: TargetFormula,
  ratio: number,
  bestRatio?: number,
): number {
  return roundPoints(rawTargetPoints(maxPoints, formula, ratio, bestRatio));
}

function rawTargetPoints(
  maxPoints: number,
  formula: TargetFormula,
  ratio: number,
  bestRatio: number | undefined,
): number {
  const r = clampRatio(ratio);
  switch (formula.kind) {
    case 'leaderRelative': {
      const best = bestRatio === undefined ? r : bestRatio;
      if (!(best > 0) || !Number.isFinite(best)) return 0;
      return maxPoints * Math.min(r / best, 1);
    }
    case 'proportionalWithExtra': {
      const base = maxPoints * Math.min(r, 1);
      if (comparePoints(r, 1) <= 0) return base;
      // Pro rata, not by full percents (issue 14, rule 6): the points are rounded to the hundredth
      // by the caller like every criterion's points.
      const extra = (r - 1) * 100 * formula.extraPerPercent;
      return base + Math.min(extra, formula.extraCap);
    }
    case 'proportional':
    default:
      return maxPoints * Math.min(r, 1);
  }
}

/** The formula of a target criterion; proportional when the registry left it out. */
export function formulaOf(criterion: Criterion): TargetFormula {
  return criterion.targetFormula ?? { kind: 'proportional' };
}

/**
 * Points of one value for one criterion. For a leader-relative target criterion the best ratio
 * among the units must be given (computeScores finds it in a first pass); without it the unit is
 * its own leader. Penalty points are returned positive.
 */
export function criterionPoints(
  criterion: Criterion,
  value: ScoreValue,
  context: { readonly bestRatio?: number } = {},
): PointsResult {
  switch (criterion.type) {
    case 'passFail':
      if (typeof value !== 'boolean') return invalid(criterion);
      return { points: value ? criterion.maxPoints : 0, usable: true };
    case 'perOccurrence': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return invalid(criterion);
      if (value < 0) return { points: 0, usable: true, issue: { code: 'below-zero' } };
      if (!Number.isInteger(value)) return invalid(criterion);
      // A registry that leaves the points per occurrence out means one point each.
      const raw = value * (criterion.pointsPerOccurrence ?? 1);
      // Exceeding the cap is what the cap is for: not an error, so no issue.
      return { points: Math.min(raw, criterion.maxPoints), usable: true };
    }
    case 'target': {
      const r = targetRatio(criterion, value);
      if (!r.usable) return { points: 0, usable: false, ...(r.issue ? { issue: r.issue } : {}) };
      const points = targetPoints(
        criterion.maxPoints,
        formulaOf(criterion),
        r.ratio,
        context.bestRatio,
      );
      return r.issue ? { points, usable: true, issue: r.issue } : { points, usable: true };
    }
    case 'scored':
    case 'bonus':
    case 'penalty':
    default:
      if (typeof value !== 'number' || !Number.isFinite(value)) return invalid(criterion);
      return pointsInRange(criterion, value);
  }
}
