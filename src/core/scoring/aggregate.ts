/**
 * How several cross scores (chấm chéo) of one unit and criterion become one.
 */
import type { CrossAggregation } from '../model/settings';

/**
 * Mean of values[from..to), clamped to the range of those values: (0.1 + 0.1 + 0.1) / 3 is
 * 0.10000000000000002 in floating point, and a mean above every score would look like a bug.
 */
function meanOfRange(values: readonly number[], from: number, to: number): number | undefined {
  if (to <= from) return undefined;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = values[i] ?? 0;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Math.min(max, Math.max(min, sum / (to - from)));
}

export function mean(values: readonly number[]): number | undefined {
  return meanOfRange(values, 0, values.length);
}

function dropCount(drop: number, n: number): number {
  const d = Math.max(0, Math.floor(drop));
  // Only when at least 2·drop + 1 values are there, so that something is left after trimming;
  // otherwise the plain mean, because dropping more than half the scorers would hand the score
  // to one of them.
  return d > 0 && n >= 2 * d + 1 ? d : 0;
}

/** Mean after dropping the `drop` highest and `drop` lowest values (see dropCount). */
export function trimmedMean(values: readonly number[], drop: number): number | undefined {
  const d = dropCount(drop, values.length);
  if (d === 0) return mean(values);
  const sorted = values.slice().sort((a, b) => a - b);
  return meanOfRange(sorted, d, sorted.length - d);
}

export function aggregateCross(
  values: readonly number[],
  aggregation: CrossAggregation,
): number | undefined {
  return aggregation.method === 'trimmedMean'
    ? trimmedMean(values, aggregation.drop)
    : mean(values);
}

/** The usual trimmed mean (drop one each side) in one pass, without sorting. */
function meanWithoutExtremes(values: readonly number[]): number {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let secondMin = Infinity;
  let secondMax = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) {
      secondMin = min;
      min = v;
    } else if (v < secondMin) secondMin = v;
    if (v > max) {
      secondMax = max;
      max = v;
    } else if (v > secondMax) secondMax = v;
  }
  // Clamped to the values kept, as meanOfRange does.
  return Math.min(secondMax, Math.max(secondMin, (sum - min - max) / (values.length - 2)));
}

/** As aggregateCross, but may reorder `values`: for a scratch buffer in a hot loop. */
export function aggregateCrossInPlace(
  values: number[],
  aggregation: CrossAggregation,
): number | undefined {
  if (aggregation.method !== 'trimmedMean') return mean(values);
  const d = dropCount(aggregation.drop, values.length);
  if (d === 0) return mean(values);
  if (d === 1) return meanWithoutExtremes(values);
  values.sort((a, b) => a - b);
  return meanOfRange(values, d, values.length - d);
}
