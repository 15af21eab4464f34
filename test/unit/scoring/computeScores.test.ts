import fc from 'fast-check';
import type { CriteriaTree } from '../../../src/core/model/criteria';
import type { ScoreEntry, ScoreValue } from '../../../src/core/model/scores';
import { ClusterSettingsSchema, type ClusterSettingsInput } from '../../../src/core/model/settings';
import { UnitSchema } from '../../../src/core/model/unit';
import { computeScores } from '../../../src/core/scoring/computeScores';
import {
  sampleEntries,
  sampleExpected,
  sampleLocate,
  sampleSelfEntries,
  sampleSettings,
  sampleTree,
  sampleUnits,
} from '../../fixtures-core/sampleCluster';

function byUnit<T extends { unit: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((s) => [s.unit, s]));
}

describe('computeScores on the sample cluster (hand-computed in the fixture)', () => {
  const { scores, findings } = computeScores({
    settings: sampleSettings,
    units: sampleUnits,
    tree: sampleTree,
    entries: sampleEntries,
    locate: sampleLocate,
  });
  const s = byUnit(scores);

  it('totals, group subtotals and the target-based criterion', () => {
    expect(findings).toEqual([]);
    for (const [unit, total] of Object.entries(sampleExpected.totals)) {
      expect(s.get(unit)!.total).toBeCloseTo(total, 9);
      expect(s.get(unit)!.maxTotal).toBe(100);
      expect(s.get(unit)!.groupSubtotals.get('I')).toBeCloseTo(
        sampleExpected.groupI[unit as 'BD'],
        9,
      );
      expect(s.get(unit)!.groupSubtotals.get('II')).toBeCloseTo(
        sampleExpected.groupII[unit as 'BD'],
        9,
      );
      expect(s.get(unit)!.points.get('3')).toBeCloseTo(sampleExpected.criterion3[unit as 'BD'], 9);
      expect(s.get(unit)!.complete).toBe(true);
    }
  });

  it('verified scores replace self scores', () => {
    expect(s.get('HM')!.points.get('1')).toBe(28);
    expect(s.get('HM')!.sources.get('1')).toBe('verified');
    expect(s.get('DD')!.points.get('4')).toBe(0);
    expect(s.get('BD')!.sources.get('1')).toBe('self');
  });

  it('sub-criteria sum into their parent; bonus and penalty apart', () => {
    expect(s.get('BD')!.points.get('2')).toBe(14);
    expect(s.get('BD')!.sources.get('2')).toBe('subCriteria');
    expect(s.get('HM')!.bonus).toBe(1);
    expect(s.get('HM')!.penalty).toBe(1);
    expect(s.get('LB')!.penalty).toBe(3);
    // Bonus and penalty are not in the group subtotals.
    expect(s.get('LB')!.groupSubtotals.get('IV')).toBe(0);
    // Issue 14, rule 7: the leaves units score count (2.2, 3 and 4), not the parent 2 (14/15);
    // top-level criteria only gave 2.
    expect(s.get('BD')!.criteriaAtMax).toBe(3);
  });

  it('keeps the units in input order and is independent of entry order', () => {
    expect(scores.map((x) => x.unit)).toEqual(sampleUnits.map((u) => u.code));
    const reversed = computeScores({
      settings: sampleSettings,
      units: sampleUnits,
      tree: sampleTree,
      entries: sampleEntries.slice().reverse(),
    });
    expect(reversed.scores.map((x) => x.total)).toEqual(scores.map((x) => x.total));
  });
});

describe('missing scores', () => {
  const withoutLb6 = sampleSelfEntries.filter((e) => !(e.unit === 'LB' && e.criterion === '6'));

  it('reports a blank at its cell and marks the unit incomplete, with a total of what it has', () => {
    const { scores, findings } = computeScores({
      settings: sampleSettings,
      units: sampleUnits,
      tree: sampleTree,
      entries: withoutLb6,
      locate: sampleLocate,
    });
    const lb = byUnit(scores).get('LB')!;
    expect(lb.complete).toBe(false);
    expect(lb.missing).toEqual(['6']);
    expect(lb.total).toBeCloseTo(67.5 - 7, 9);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ sheet: 'Tự chấm', cell: 'I9', code: 'score-missing' });
    expect(findings[0]!.message).toContain('Long Biên');
  });

  it("counts as 0 and stays complete under the 'zero' policy", () => {
    const settings = { ...sampleSettings, missingScorePolicy: 'zero' as const };
    const { scores, findings } = computeScores({
      settings,
      units: sampleUnits,
      tree: sampleTree,
      entries: withoutLb6,
      locate: sampleLocate,
    });
    const lb = byUnit(scores).get('LB')!;
    expect(lb.complete).toBe(true);
    expect(lb.missing).toEqual(['6']);
    expect(lb.total).toBeCloseTo(60.5, 9);
    expect(findings.map((f) => f.code)).toEqual(['score-missing']);
  });

  it('a blank bonus or penalty is 0, not missing', () => {
    const { scores } = computeScores({
      settings: sampleSettings,
      units: sampleUnits,
      tree: sampleTree,
      entries: sampleSelfEntries.filter((e) => e.criterion !== '7' && e.criterion !== '8'),
    });
    expect(scores.every((x) => x.complete && x.bonus === 0 && x.penalty === 0)).toBe(true);
  });

  it('a missing sub-criterion makes the unit incomplete; the parent own entry is ignored', () => {
    const entries: ScoreEntry[] = [
      ...sampleSelfEntries.filter((e) => !(e.unit === 'BD' && e.criterion === '2.2')),
      { unit: 'BD', criterion: '2', source: 'verified', value: 15 },
    ];
    const bd = byUnit(
      computeScores({ settings: sampleSettings, units: sampleUnits, tree: sampleTree, entries })
        .scores,
    ).get('BD')!;
    expect(bd.missing).toEqual(['2.2']);
    expect(bd.points.get('2')).toBe(9);
  });
});

describe('problems in entries are findings, never exceptions', () => {
  it('unknown unit, unknown criterion, wrong kind, above max, duplicate', () => {
    const at = (cell: string) => ({ sheet: 'Tự chấm', cell });
    const entries: ScoreEntry[] = [
      ...sampleEntries,
      { unit: 'XX', criterion: '1', source: 'self', value: 5, at: at('C20') },
      { unit: 'BD', criterion: '99', source: 'self', value: 5, at: at('Z4') },
      { unit: 'HK', criterion: '5', source: 'verified', value: true, at: at('H6') },
      { unit: 'HBT', criterion: '5', source: 'verified', value: 25, at: at('H8') },
      { unit: 'BD', criterion: '1', source: 'self', value: 30, at: at('C40') },
    ];
    const { scores, findings } = computeScores({
      settings: sampleSettings,
      units: sampleUnits,
      tree: sampleTree,
      entries,
    });
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['unknown-unit', 'C20'],
      ['unknown-criterion', 'Z4'],
      ['invalid-value', 'H6'],
      ['above-max', 'H8'],
      ['duplicate-code', 'C40'],
    ]);
    const s = byUnit(scores);
    // The unusable verified value leaves the self score in force; the clamped one counts at max.
    expect(s.get('HK')!.points.get('5')).toBe(17);
    expect(s.get('HBT')!.points.get('5')).toBe(20);
    // The first self score of BD on criterion 1 stays.
    expect(s.get('BD')!.points.get('1')).toBe(27);
    expect(findings[3]!.message).toContain('vượt điểm tối đa 20');
  });

  it('arbitrary entries never make computeScores throw, and totals stay finite', () => {
    const codes = ['BD', 'HM', 'XX', '1', '2', '2.1', '3', '4', '7', '8', '??'];
    const value: fc.Arbitrary<ScoreValue> = fc.oneof(
      fc.double(),
      fc.boolean(),
      fc.record({ target: fc.double(), actual: fc.double() }),
    );
    const entry: fc.Arbitrary<ScoreEntry> = fc.record({
      unit: fc.constantFrom(...codes),
      criterion: fc.constantFrom(...codes),
      source: fc.constantFrom('self' as const, 'verified' as const, 'cross' as const),
      scorer: fc.option(fc.constantFrom(...codes), { nil: undefined }),
      value,
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 60 }),
        fc.boolean(),
        fc.constantFrom('mean', 'trimmedMean'),
        (entries, cross, method) => {
          const settings = ClusterSettingsSchema.parse({
            clusterName: 'C',
            year: 2024,
            useCrossScores: cross,
            crossAggregation: method === 'mean' ? { method } : { method, drop: 1 },
          });
          const { scores } = computeScores({
            settings,
            units: sampleUnits,
            tree: sampleTree,
            entries,
            locate: sampleLocate,
          });
          return scores.every((x) => Number.isFinite(x.total) && x.total <= 100 + 3 + 5 + 1e-9);
        },
      ),
    );
  });
});

describe('cross scores (chấm chéo)', () => {
  const tree: CriteriaTree = {
    groups: [{ code: 'I', name: 'Nhóm I', maxPoints: 10 }],
    criteria: [
      {
        code: '1',
        group: 'I',
        text: 'Tiêu chí 1',
        type: 'scored',
        maxPoints: 10,
        evidenceRequired: false,
      },
    ],
  };
  const units = ['A', 'B', 'C', 'D', 'E', 'F'].map((code) =>
    UnitSchema.parse({ code, name: `Đơn vị ${code}` }),
  );
  const cross = (scorer: string, value: number): ScoreEntry => ({
    unit: 'A',
    criterion: '1',
    source: 'cross',
    scorer,
    value,
  });
  const entries: ScoreEntry[] = [
    { unit: 'A', criterion: '1', source: 'self', value: 10 },
    cross('B', 6),
    cross('C', 8),
    cross('D', 9),
    cross('E', 10),
    cross('F', 2),
  ];
  const run = (input: ClusterSettingsInput, list = entries) =>
    computeScores({
      settings: ClusterSettingsSchema.parse(input),
      units: units.slice(0, 1).concat(units.slice(1)),
      tree,
      entries: list,
    }).scores[0]!;

  it('are ignored unless useCrossScores', () => {
    expect(run({ clusterName: 'C', year: 2024 }).total).toBe(10);
  });

  it('replace the self score by their mean or trimmed mean', () => {
    expect(run({ clusterName: 'C', year: 2024, useCrossScores: true }).total).toBe(7);
    const trimmed = run({
      clusterName: 'C',
      year: 2024,
      useCrossScores: true,
      crossAggregation: { method: 'trimmedMean', drop: 1 },
    });
    // Drops 2 and 10: (6 + 8 + 9) / 3 = 7,666…, kept to the hundredth (issue 14, rule 9).
    expect(trimmed.total).toBe(7.67);
    expect(trimmed.sources.get('1')).toBe('cross');
    expect(trimmed.crossScoresUsed).toBe(5);
  });

  it('a verified score beats cross scores; a scorer counts once; outsiders do not count', () => {
    const settings = { clusterName: 'C', year: 2024, useCrossScores: true };
    expect(
      run(settings, [...entries, { unit: 'A', criterion: '1', source: 'verified', value: 4 }])
        .total,
    ).toBe(4);
    expect(run(settings, [...entries, cross('B', 10)]).total).toBe(7);
    expect(run(settings, [...entries, cross('ZZ', 10)]).total).toBe(7);
  });
});

describe('scales and groups', () => {
  it('a 1000-point scale is not rounded, and sums tie at a fixed precision', () => {
    const tree: CriteriaTree = {
      groups: [{ code: 'A', name: 'A', maxPoints: 1000 }],
      criteria: [
        {
          code: 'a',
          group: 'A',
          text: 'a',
          type: 'scored',
          maxPoints: 500,
          evidenceRequired: false,
        },
        {
          code: 'b',
          group: 'A',
          text: 'b',
          type: 'scored',
          maxPoints: 500,
          evidenceRequired: false,
        },
      ],
    };
    const units = [UnitSchema.parse({ code: 'U', name: 'U' })];
    const entries: ScoreEntry[] = [
      { unit: 'U', criterion: 'a', source: 'self', value: 487.35 },
      { unit: 'U', criterion: 'b', source: 'self', value: 499.99 },
    ];
    const [u] = computeScores({ settings: sampleSettings, units, tree, entries }).scores;
    expect(u!.maxTotal).toBe(1000);
    expect(u!.total).toBeCloseTo(987.34, 9);
  });

  // Issue 14, rule 8: a group's maximum works the same for every kind of group, and the choice
  // is a check that warns (Kiểm tra dữ liệu), never a cap: this group used to be capped at 3.
  it('Điểm tối đa của nhóm chỉ để kiểm tra, không cắt điểm: nhóm điểm thưởng cũng vậy', () => {
    const tree: CriteriaTree = {
      groups: [
        { code: 'A', name: 'A', maxPoints: 10 },
        { code: 'T', name: 'Điểm thưởng', maxPoints: 3 },
      ],
      criteria: [
        {
          code: 'a',
          group: 'A',
          text: 'a',
          type: 'scored',
          maxPoints: 10,
          evidenceRequired: false,
        },
        {
          code: 't1',
          group: 'T',
          text: 't1',
          type: 'bonus',
          maxPoints: 2,
          evidenceRequired: false,
        },
        {
          code: 't2',
          group: 'T',
          text: 't2',
          type: 'bonus',
          maxPoints: 2,
          evidenceRequired: false,
        },
      ],
    };
    const units = [UnitSchema.parse({ code: 'U', name: 'U' })];
    const entries: ScoreEntry[] = [
      { unit: 'U', criterion: 'a', source: 'self', value: 8 },
      { unit: 'U', criterion: 't1', source: 'self', value: 2 },
      { unit: 'U', criterion: 't2', source: 'self', value: 2 },
    ];
    const [u] = computeScores({ settings: sampleSettings, units, tree, entries }).scores;
    // Each item is capped at its own maximum (2), the group's 3 is not a cap.
    expect(u!.bonus).toBe(4);
    expect(u!.total).toBe(12);
  });

  it('leader-relative points need the best ratio of all units', () => {
    const tree: CriteriaTree = {
      groups: [{ code: 'A', name: 'A', maxPoints: 20 }],
      criteria: [
        {
          code: 'k',
          group: 'A',
          text: 'k',
          type: 'target',
          maxPoints: 20,
          targetFormula: { kind: 'leaderRelative' },
          evidenceRequired: false,
        },
      ],
    };
    const units = ['U', 'V', 'W'].map((code) => UnitSchema.parse({ code, name: code }));
    const entries: ScoreEntry[] = [
      { unit: 'U', criterion: 'k', source: 'self', value: { target: 100, actual: 150 } },
      { unit: 'V', criterion: 'k', source: 'self', value: { target: 200, actual: 150 } },
      { unit: 'W', criterion: 'k', source: 'self', value: { target: 0, actual: 0 } },
    ];
    const totals = computeScores({ settings: sampleSettings, units, tree, entries }).scores.map(
      (x) => x.total,
    );
    // Ratios 1.5, 0.75 and 1 (a target of 0 is met): 20, 10, 13.33 (to the hundredth).
    expect(totals[0]).toBe(20);
    expect(totals[1]).toBe(10);
    expect(totals[2]).toBe(13.33);
  });
});
