import fc from 'fast-check';
import type { TieBreakKey } from '../../../src/core/model/settings';
import { classify } from '../../../src/core/ranking/classify';
import { competitionRank, denseRank, rankUnits } from '../../../src/core/ranking/rank';
import type { UnitScore } from '../../../src/core/scoring/computeScores';
import { DEFAULT_CLASSIFICATION_BANDS } from '../../../src/core/model/settings';

function unit(code: string, total: number, extra: Partial<UnitScore> = {}): UnitScore {
  return {
    unit: code,
    name: code,
    points: new Map(),
    sources: new Map(),
    groupSubtotals: new Map(),
    bonus: 0,
    penalty: 0,
    total,
    maxTotal: 100,
    criteriaAtMax: 0,
    complete: true,
    missing: [],
    crossScoresUsed: 0,
    ...extra,
  };
}

const competition = { tieBreak: [] as TieBreakKey[], rankingMethod: 'competition' as const };

describe('generic ranks', () => {
  const desc = (a: number, b: number) => b - a;
  it('competition ranking is 1, 2, 2, 4; dense is 1, 2, 2, 3', () => {
    expect(competitionRank([90, 80, 80, 70], desc).map((r) => r.rank)).toEqual([1, 2, 2, 4]);
    expect(denseRank([90, 80, 80, 70], desc).map((r) => r.rank)).toEqual([1, 2, 2, 3]);
    expect(competitionRank([], desc)).toEqual([]);
  });

  it('equal keys share a rank and the next rank skips by the size of the tie', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }), (xs) => {
        const ranked = competitionRank(xs, desc);
        return ranked.every((r, i) => {
          const better = xs.filter((x) => x > r.item).length;
          const prev = ranked[i - 1];
          return r.rank === better + 1 && (!prev || prev.item !== r.item || prev.rank === r.rank);
        });
      }),
    );
  });
});

describe('rankUnits', () => {
  it('ties on total share a rank, in Vietnamese order of names; 0.1 + 0.2 ties with 0.3', () => {
    const ranked = rankUnits(
      [
        { ...unit('D', 0.3), name: 'Đống Đa' },
        { ...unit('B', 0.1 + 0.2), name: 'Ba Đình' },
        { ...unit('H', 0.3), name: 'Hoàn Kiếm' },
        { ...unit('Z', 0.5), name: 'Long Biên' },
      ],
      competition,
    );
    expect(ranked.map((r) => [r.score.name, r.rank])).toEqual([
      ['Long Biên', 1],
      ['Ba Đình', 2],
      ['Đống Đa', 2],
      ['Hoàn Kiếm', 2],
    ]);
    expect(ranked[1]!.sharedCount).toBe(2);
    expect(ranked[1]!.tieNote).toBe('Bằng điểm, đồng hạng với Đống Đa, Hoàn Kiếm');
    expect(ranked[0]!.tieNote).toBe('');
  });

  it('applies the tie-break chain in order and says which key decided', () => {
    const chain: TieBreakKey[] = [
      { kind: 'groupSubtotal', group: 'I' },
      { kind: 'fewerPenalty' },
      { kind: 'moreCriteriaAtMax' },
      { kind: 'moreBonus' },
    ];
    const g = (v: number) => new Map([['I', v]]);
    const ranked = rankUnits(
      [
        unit('A', 90, { groupSubtotals: g(50), penalty: 1 }),
        unit('B', 90, { groupSubtotals: g(50), penalty: 0 }),
        unit('C', 90, { groupSubtotals: g(55), penalty: 2 }),
        unit('D', 90, { groupSubtotals: g(50), penalty: 1, criteriaAtMax: 3 }),
        unit('E', 90, { groupSubtotals: g(50), penalty: 1, criteriaAtMax: 3, bonus: 1 }),
      ],
      { tieBreak: chain, rankingMethod: 'competition' },
    );
    expect(ranked.map((r) => [r.score.unit, r.rank])).toEqual([
      ['C', 1],
      ['B', 2],
      ['E', 3],
      ['D', 4],
      ['A', 5],
    ]);
    expect(ranked.map((r) => r.tieBreak?.kind)).toEqual([
      'groupSubtotal',
      'groupSubtotal',
      'fewerPenalty',
      'moreBonus',
      'moreCriteriaAtMax',
    ]);
    expect(ranked[0]!.tieNote).toBe('Bằng điểm với B, xếp trên do điểm nhóm tiêu chí I cao hơn');
    expect(ranked[1]!.tieNote).toBe(
      'Bằng điểm, xếp dưới C do điểm nhóm tiêu chí I thấp hơn; xếp trên E do ít điểm trừ hơn',
    );
    expect(ranked[4]!.tieNote).toBe('Bằng điểm với D, xếp dưới do ít tiêu chí đạt điểm tối đa hơn');
  });

  it('dense ranking when configured', () => {
    const ranked = rankUnits([unit('A', 9), unit('B', 9), unit('C', 8)], {
      tieBreak: [],
      rankingMethod: 'dense',
    });
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 2]);
  });

  const units = fc
    .array(
      fc.record({
        total: fc.integer({ min: 0, max: 20 }).map((x) => x / 2),
        penalty: fc.integer({ min: 0, max: 2 }),
        criteriaAtMax: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 25 },
    )
    .map((rows) => rows.map((r, i) => unit(`U${String(i).padStart(2, '0')}`, r.total, r)));
  const settings = {
    tieBreak: [{ kind: 'fewerPenalty' }, { kind: 'moreCriteriaAtMax' }] as TieBreakKey[],
    rankingMethod: 'competition' as const,
  };

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(
        units.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
          ),
        ),
        ([list, shuffled]) => {
          const a = rankUnits(list, settings).map((r) => [r.score.unit, r.rank, r.tieNote]);
          const b = rankUnits(shuffled, settings).map((r) => [r.score.unit, r.rank, r.tieNote]);
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('raising one unit total never worsens its rank', () => {
    fc.assert(
      fc.property(
        units.filter((l) => l.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 20 }),
        (list, pick, raise) => {
          const i = pick % list.length;
          const before = rankUnits(list, settings).find(
            (r) => r.score.unit === list[i]!.unit,
          )!.rank;
          const raised = list.map((u, j) => (j === i ? { ...u, total: u.total + raise / 2 } : u));
          const after = rankUnits(raised, settings).find(
            (r) => r.score.unit === list[i]!.unit,
          )!.rank;
          return after <= before;
        },
      ),
    );
  });

  it('ranks are competition ranks of the full key', () => {
    fc.assert(
      fc.property(units, (list) => {
        const ranked = rankUnits(list, settings);
        const key = (u: UnitScore) => [-u.total, u.penalty, -u.criteriaAtMax].join('|');
        return ranked.every((r) => {
          const better = ranked.filter((o) => {
            const [a, b] = [o.score, r.score];
            return (
              a.total > b.total ||
              (a.total === b.total &&
                (a.penalty < b.penalty ||
                  (a.penalty === b.penalty && a.criteriaAtMax > b.criteriaAtMax)))
            );
          }).length;
          const same = ranked.filter((o) => key(o.score) === key(r.score)).length;
          return r.rank === better + 1 && r.sharedCount === same - 1;
        });
      }),
    );
  });
});

describe('classify', () => {
  const settings = {
    classificationBands: DEFAULT_CLASSIFICATION_BANDS,
    fallbackClassification: 'Trung bình',
  };

  it('default bands at and around their thresholds', () => {
    expect(classify(95, 100, settings).label).toBe('Xuất sắc');
    expect(classify(94.99, 100, settings).label).toBe('Tốt');
    expect(classify(85, 100, settings).label).toBe('Tốt');
    expect(classify(70, 100, settings).label).toBe('Khá');
    expect(classify(69.9, 100, settings).label).toBe('Trung bình');
    expect(classify(950, 1000, settings).label).toBe('Xuất sắc');
    // A total that floating-point sums leave a hair under 95 still reaches the band.
    expect(classify(94.99999999999999, 100, settings).label).toBe('Xuất sắc');
    expect(classify(5, 0, settings)).toMatchObject({ label: 'Trung bình', share: 0 });
  });

  it('bands may be given in any order', () => {
    const shuffled = {
      ...settings,
      classificationBands: DEFAULT_CLASSIFICATION_BANDS.slice().reverse(),
    };
    expect(classify(96, 100, shuffled).label).toBe('Xuất sắc');
    expect(classify(86, 100, shuffled).label).toBe('Tốt');
    expect(classify(71, 100, shuffled).label).toBe('Khá');
  });

  it('is monotone in the total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            label: fc.string({ minLength: 1 }),
            minShare: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 5 },
        ),
        fc.double({ min: -10, max: 200, noNaN: true }),
        fc.double({ min: -10, max: 200, noNaN: true }),
        (bands, a, b) => {
          const s = { classificationBands: bands, fallbackClassification: 'Trung bình' };
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return classify(hi, 100, s).level <= classify(lo, 100, s).level;
        },
      ),
    );
  });
});
