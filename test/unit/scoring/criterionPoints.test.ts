import fc from 'fast-check';
import type { Criterion } from '../../../src/core/model/criteria';
import {
  aggregateCross,
  aggregateCrossInPlace,
  mean,
  trimmedMean,
} from '../../../src/core/scoring/aggregate';
import {
  comparePoints,
  criterionPoints,
  targetPoints,
} from '../../../src/core/scoring/criterionPoints';

function criterion(partial: Partial<Criterion> & Pick<Criterion, 'type'>): Criterion {
  return {
    code: 'X',
    group: 'I',
    text: 'Tiêu chí',
    maxPoints: 10,
    evidenceRequired: false,
    ...partial,
  };
}

describe('criterionPoints by type', () => {
  it('scored: as entered, clamped and reported outside 0..max', () => {
    const c = criterion({ type: 'scored', maxPoints: 10 });
    expect(criterionPoints(c, 9.5)).toEqual({ points: 9.5, usable: true });
    expect(criterionPoints(c, 12)).toEqual({
      points: 10,
      usable: true,
      issue: { code: 'above-max', max: 10 },
    });
    expect(criterionPoints(c, -1)).toEqual({
      points: 0,
      usable: true,
      issue: { code: 'below-zero' },
    });
    // 0.1 + 0.2 is not above a max of 0.3 at the fixed precision.
    expect(
      criterionPoints(criterion({ type: 'scored', maxPoints: 0.3 }), 0.1 + 0.2).issue,
    ).toBeUndefined();
  });

  it('reports a value of the wrong kind instead of throwing', () => {
    const scored = criterionPoints(criterion({ type: 'scored' }), true);
    expect(scored).toMatchObject({ points: 0, usable: false, issue: { code: 'invalid-value' } });
    const passFail = criterionPoints(criterion({ type: 'passFail' }), 10);
    expect(passFail).toMatchObject({
      usable: false,
      issue: { code: 'invalid-value', expected: 'Đạt / Không đạt' },
    });
    const target = criterionPoints(criterion({ type: 'target' }), 5);
    expect(target).toMatchObject({ usable: false, issue: { code: 'invalid-value' } });
    expect(criterionPoints(criterion({ type: 'bonus' }), { target: 1, actual: 1 }).usable).toBe(
      false,
    );
    expect(criterionPoints(criterion({ type: 'scored' }), Number.NaN).usable).toBe(false);
    expect(criterionPoints(criterion({ type: 'scored' }), Infinity).usable).toBe(false);
  });

  it('passFail: max when passed, 0 when failed', () => {
    const c = criterion({ type: 'passFail', maxPoints: 10 });
    expect(criterionPoints(c, true).points).toBe(10);
    expect(criterionPoints(c, false)).toEqual({ points: 0, usable: true });
  });

  it('perOccurrence: occurrences × points, capped without complaint; fractions are invalid', () => {
    const c = criterion({ type: 'perOccurrence', maxPoints: 5, pointsPerOccurrence: 2 });
    expect(criterionPoints(c, 2)).toEqual({ points: 4, usable: true });
    expect(criterionPoints(c, 7)).toEqual({ points: 5, usable: true });
    expect(criterionPoints(c, 1.5).usable).toBe(false);
    expect(criterionPoints(c, -1).issue?.code).toBe('below-zero');
    expect(criterionPoints(criterion({ type: 'perOccurrence', maxPoints: 5 }), 3).points).toBe(3);
  });

  it('bonus and penalty are capped at their max and returned positive', () => {
    expect(criterionPoints(criterion({ type: 'bonus', maxPoints: 5 }), 7).points).toBe(5);
    expect(criterionPoints(criterion({ type: 'penalty', maxPoints: 5 }), 3).points).toBe(3);
    expect(criterionPoints(criterion({ type: 'penalty', maxPoints: 5 }), -3).issue?.code).toBe(
      'below-zero',
    );
  });
});

describe('target-based criteria (định lượng)', () => {
  const proportional = criterion({
    type: 'target',
    maxPoints: 15,
    targetFormula: { kind: 'proportional' },
  });
  const extra = criterion({
    type: 'target',
    maxPoints: 15,
    targetFormula: { kind: 'proportionalWithExtra', extraPerPercent: 0.5, extraCap: 3 },
  });

  it('proportional: below, at and above target', () => {
    expect(criterionPoints(proportional, { target: 900, actual: 720 }).points).toBe(12);
    expect(criterionPoints(proportional, { target: 500, actual: 500 }).points).toBe(15);
    expect(criterionPoints(proportional, { target: 500, actual: 800 }).points).toBe(15);
  });

  // Issue 14, rule 6: the extra is pro rata and exact, (actual ÷ target − 1) × 100 × points per
  // 1 %, capped; it used to count full percents only (100,9 % gave no extra).
  it('Vượt chỉ tiêu được cộng theo tỷ lệ: (thực hiện ÷ chỉ tiêu − 1) × 100 × điểm mỗi 1 %, không quá mức trần', () => {
    expect(criterionPoints(extra, { target: 900, actual: 720 }).points).toBe(12);
    expect(criterionPoints(extra, { target: 500, actual: 500 }).points).toBe(15);
    // 105 %: (1.05 - 1) * 100 is 5.000000000000004 in floating point; the points are exact.
    expect(criterionPoints(extra, { target: 800, actual: 840 }).points).toBe(17.5);
    // 100,9 %: 0,9 × 0,5 = 0,45 points, pro rata.
    expect(criterionPoints(extra, { target: 1000, actual: 1009 }).points).toBe(15.45);
    // 107 %: 3,5 capped at 3; 129 %: 14,5 capped at 3.
    expect(criterionPoints(extra, { target: 100, actual: 107 }).points).toBe(18);
    expect(criterionPoints(extra, { target: 100, actual: 129 }).points).toBe(18);
    const fine = criterion({
      type: 'target',
      maxPoints: 10,
      targetFormula: { kind: 'proportionalWithExtra', extraPerPercent: 0.1, extraCap: 100 },
    });
    // 129/100 - 1 = 0.29000000000000004: the points are still exactly 12,9, no residue.
    expect(criterionPoints(fine, { target: 100, actual: 129 }).points).toBe(12.9);
  });

  it('target 0 is met in full; negative target is invalid; negative actual is 0 and reported', () => {
    expect(criterionPoints(extra, { target: 0, actual: 0 })).toEqual({ points: 15, usable: true });
    expect(criterionPoints(extra, { target: 0, actual: 50 }).points).toBe(15);
    expect(criterionPoints(extra, { target: -5, actual: 3 })).toMatchObject({
      points: 0,
      usable: false,
      issue: { code: 'invalid-value' },
    });
    expect(criterionPoints(extra, { target: 100, actual: -3 })).toEqual({
      points: 0,
      usable: true,
      issue: { code: 'below-zero' },
    });
  });

  it('leader-relative: max × ratio / best ratio', () => {
    const leader = criterion({
      type: 'target',
      maxPoints: 20,
      targetFormula: { kind: 'leaderRelative' },
    });
    expect(criterionPoints(leader, { target: 100, actual: 60 }, { bestRatio: 1.2 }).points).toBe(
      10,
    );
    expect(criterionPoints(leader, { target: 100, actual: 120 }, { bestRatio: 1.2 }).points).toBe(
      20,
    );
    // Without a best ratio the unit is its own leader.
    expect(criterionPoints(leader, { target: 100, actual: 60 }).points).toBe(20);
    // Nobody achieved anything: 0 for all, not NaN.
    expect(criterionPoints(leader, { target: 100, actual: 0 }, { bestRatio: 0 }).points).toBe(0);
  });

  it('a quotient that overflows still scores at the top', () => {
    expect(criterionPoints(extra, { target: 1e-300, actual: 1e300 }).points).toBe(18);
    const leader = criterion({
      type: 'target',
      maxPoints: 20,
      targetFormula: { kind: 'leaderRelative' },
    });
    expect(
      criterionPoints(leader, { target: 1e-300, actual: 1e300 }, { bestRatio: Infinity }).points,
    ).toBe(0);
  });

  it('never returns NaN, a negative or an infinite number', () => {
    const kinds = fc.constantFrom<Criterion['targetFormula']>(
      { kind: 'proportional' },
      { kind: 'proportionalWithExtra', extraPerPercent: 0.5, extraCap: 3 },
      { kind: 'leaderRelative' },
    );
    fc.assert(
      fc.property(
        kinds,
        fc.double({ noNaN: false }),
        fc.double({ noNaN: false }),
        fc.option(fc.double({ noNaN: false })),
        (formula, target, actual, best) => {
          const c = criterion({ type: 'target', maxPoints: 15, targetFormula: formula });
          const ctx = best === null ? {} : { bestRatio: best };
          const p = criterionPoints(c, { target, actual }, ctx).points;
          return Number.isFinite(p) && p >= 0 && p <= 18 + 1e-9;
        },
      ),
    );
  });

  it('targetPoints is monotone in the ratio', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const f = { kind: 'proportionalWithExtra', extraPerPercent: 0.5, extraCap: 3 } as const;
          return comparePoints(targetPoints(15, f, lo), targetPoints(15, f, hi)) <= 0;
        },
      ),
    );
  });
});

describe('cross score aggregation', () => {
  it('mean and trimmed mean', () => {
    expect(mean([])).toBeUndefined();
    expect(mean([8, 9, 10])).toBe(9);
    // Drops 2 and 10: mean of 8, 9, 9.
    expect(trimmedMean([10, 8, 2, 9, 9], 1)).toBeCloseTo(26 / 3, 12);
  });

  it('falls back to the plain mean when fewer than 2·drop + 1 scores remain', () => {
    expect(trimmedMean([2, 10], 1)).toBe(6);
    expect(trimmedMean([1, 2, 3, 10], 2)).toBe(4);
    expect(trimmedMean([1, 2, 3, 4, 100], 2)).toBe(3);
    expect(aggregateCross([1, 5, 9], { method: 'trimmedMean', drop: 1 })).toBe(5);
    expect(aggregateCross([1, 5, 9, 100], { method: 'mean' })).toBe(28.75);
  });

  it('trimmed mean lies between the minimum and the maximum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 5 }),
        (values, drop) => {
          const m = trimmedMean(values, drop)!;
          return m >= Math.min(...values) && m <= Math.max(...values);
        },
      ),
    );
  });

  it('the in-place aggregation used by computeScores agrees with the plain one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 4000 }).map((x) => x / 4),
          { maxLength: 15 },
        ),
        fc.integer({ min: 1, max: 3 }),
        (values, drop) => {
          const agg = { method: 'trimmedMean' as const, drop };
          const expected = aggregateCross(values, agg);
          const actual = aggregateCrossInPlace(values.slice(), agg);
          if (expected === undefined) return actual === undefined;
          return Math.abs(actual! - expected) < 1e-9;
        },
      ),
    );
  });
});
