/**
 * Random clusters ranked twice: by the product (computeRanking) and by a second, deliberately
 * simple reading of the guide's rules ("Quy tắc tính điểm và xếp hạng", HUONG_DAN.md), written
 * here in integer hundredths without importing the core's scoring code. They must agree on every
 * rank, total, class, proposal and vote (issue 14).
 */
import fc from 'fast-check';
import { computeRanking } from '../../../src/core/ranking/computeRanking';
import { ClusterSettingsSchema, type ClusterSettingsInput } from '../../../src/core/model/settings';
import type { CriteriaTree } from '../../../src/core/model/criteria';
import type { ScoreEntry } from '../../../src/core/model/scores';
import { UnitSchema } from '../../../src/core/model/unit';

const CLASSES = ['Xuất sắc', 'Tốt', 'Khá', 'Trung bình'] as const;
const EDGES = [95, 85, 70]; // percent of the maximum

interface Cluster {
  /** Max points of the scored criteria, in hundredths; then one bonus (max 5) and one penalty (max 5). */
  maxH: number[];
  /** Per unit: scored values in hundredths (undefined: blank), bonus and penalty in hundredths. */
  units: { scored: (number | undefined)[]; bonus: number; penalty: number }[];
  flagCount: number;
  flagClass: number;
  certCount: number;
  certClasses: number[];
  chain: 'default' | 'none';
  policy: 'report' | 'zero';
}

const cluster: fc.Arbitrary<Cluster> = fc
  .record({
    maxH: fc.array(fc.constantFrom(500, 1000, 2000, 2500), { minLength: 1, maxLength: 4 }),
    n: fc.integer({ min: 1, max: 8 }),
    flagCount: fc.integer({ min: 0, max: 2 }),
    flagClass: fc.integer({ min: 0, max: 2 }),
    certCount: fc.integer({ min: 0, max: 3 }),
    certClasses: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
    chain: fc.constantFrom('default' as const, 'none' as const),
    policy: fc.constantFrom('report' as const, 'zero' as const),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 64, maxLength: 64 }),
  })
  .map(({ maxH, n, seed, ...rest }) => {
    let k = 0;
    const next = (): number => seed[k++ % seed.length] ?? 0;
    const units = Array.from({ length: n }, () => ({
      // Scores drawn from few values so that ties, band edges and the maximum are frequent.
      scored: maxH.map((m) => {
        const r = next();
        if (r < 40) return undefined;
        return [m, m, Math.round(m * 0.95), Math.round(m * 0.85), Math.round(m * 0.7), r % m][
          r % 6
        ];
      }),
      bonus: [0, 0, 50, 100][next() % 4] ?? 0,
      penalty: [0, 0, 0, 100][next() % 4] ?? 0,
    }));
    return { maxH, units, ...rest };
  });

interface Expected {
  unit: string;
  rank: number | '';
  totalH: number;
  cls: string;
  proposal: string;
  vote: string;
}

/** The guide's rules, one by one, in hundredths. */
function byTheGuide(c: Cluster): Expected[] {
  const maxTotalH = c.maxH.reduce((s, m) => s + m, 0);
  const units = c.units.map((u, i) => {
    const missing = u.scored.some((v) => v === undefined);
    const scored = u.scored.reduce<number>((s, v) => s + (v ?? 0), 0);
    const totalH = scored + u.bonus - u.penalty;
    // Band reached when total ≥ edge % of the maximum.
    let level = EDGES.findIndex((e) => totalH * 100 >= e * maxTotalH);
    if (level < 0) level = 3;
    const atMax = u.scored.filter((v, j) => v !== undefined && v >= (c.maxH[j] ?? 0)).length;
    return { code: `U${String(i)}`, totalH, level, missing, atMax, penalty: u.penalty };
  });
  const ranked = units.filter((u) => !(c.policy === 'report' && u.missing));
  const better = (a: (typeof units)[0], b: (typeof units)[0]): number => {
    if (a.totalH !== b.totalH) return b.totalH - a.totalH;
    if (c.chain === 'none') return 0;
    if (a.penalty !== b.penalty) return a.penalty - b.penalty;
    return b.atMax - a.atMax;
  };
  const rankOf = new Map<string, number>();
  for (const u of ranked) rankOf.set(u.code, 1 + ranked.filter((o) => better(o, u) < 0).length);

  // Forms: places filled in rank order among eligible units; a minimum class; ties at the last
  // place go to the vote, and the places are never lost.
  const proposal = new Map<string, string>();
  const vote = new Map<string, string>();
  const certMin = Math.max(...c.certClasses);
  const flagOk = (u: (typeof units)[0]): boolean => u.level <= c.flagClass;
  const certOk = (u: (typeof units)[0]): boolean => u.level <= certMin;
  const byRank = (list: typeof units): (typeof units)[] => {
    const ranks = [...new Set(list.map((u) => rankOf.get(u.code) ?? 0))].sort((a, b) => a - b);
    return ranks.map((r) => list.filter((u) => rankOf.get(u.code) === r));
  };
  let flags = c.flagCount;
  let tied: typeof units = [];
  let tiedFlags = 0;
  for (const group of byRank(ranked.filter(flagOk))) {
    if (flags === 0) break;
    if (group.length <= flags) {
      for (const u of group) proposal.set(u.code, 'Cờ thi đua');
      flags -= group.length;
    } else {
      tied = group;
      tiedFlags = flags;
      flags = 0;
      for (const u of group) vote.set(u.code, 'Cờ thi đua');
    }
  }
  let certs = c.certCount;
  const winners = Math.max(0, tiedFlags - tied.filter((u) => !certOk(u)).length);
  for (const group of byRank(ranked.filter((u) => !proposal.has(u.code) && certOk(u)))) {
    if (certs === 0) break;
    const need = group.length - (group.some((u) => tied.includes(u)) ? winners : 0);
    if (need <= certs) {
      for (const u of group) proposal.set(u.code, 'Bằng khen');
      certs -= need;
    } else {
      for (const u of group) if (!vote.has(u.code)) vote.set(u.code, 'Bằng khen');
      certs = 0;
    }
  }
  return units.map((u) => ({
    unit: u.code,
    rank: rankOf.get(u.code) ?? '',
    totalH: u.totalH,
    cls: CLASSES[u.level] ?? '',
    proposal: proposal.get(u.code) ?? '',
    vote: vote.get(u.code) ?? '',
  }));
}

function byTheProduct(c: Cluster): Expected[] {
  const tree: CriteriaTree = {
    groups: [
      { code: 'I', name: 'Nhóm I', maxPoints: c.maxH.reduce((s, m) => s + m, 0) / 100 },
      { code: 'II', name: 'Thưởng, trừ', maxPoints: 0 },
    ],
    criteria: [
      ...c.maxH.map((m, j) => ({
        code: `K${String(j)}`,
        group: 'I',
        text: 'k',
        type: 'scored' as const,
        maxPoints: m / 100,
        evidenceRequired: false,
      })),
      { code: 'T', group: 'II', text: 't', type: 'bonus', maxPoints: 5, evidenceRequired: false },
      { code: 'P', group: 'II', text: 'p', type: 'penalty', maxPoints: 5, evidenceRequired: false },
    ],
  };
  const units = c.units.map((_, i) =>
    UnitSchema.parse({ code: `U${String(i)}`, name: `Đơn vị ${String(i)}` }),
  );
  const entries: ScoreEntry[] = [];
  c.units.forEach((u, i) => {
    const unit = `U${String(i)}`;
    u.scored.forEach((v, j) => {
      if (v !== undefined)
        entries.push({ unit, criterion: `K${String(j)}`, source: 'self', value: v / 100 });
    });
    if (u.bonus > 0) entries.push({ unit, criterion: 'T', source: 'self', value: u.bonus / 100 });
    if (u.penalty > 0)
      entries.push({ unit, criterion: 'P', source: 'self', value: u.penalty / 100 });
  });
  const input: ClusterSettingsInput = {
    clusterName: 'C',
    year: 2025,
    missingScorePolicy: c.policy,
    quotas: {
      flag: { count: c.flagCount, requiredClassification: CLASSES[c.flagClass] },
      certificate: {
        count: c.certCount,
        allowedClassifications: c.certClasses.map((k) => CLASSES[k] ?? ''),
      },
    },
    ...(c.chain === 'none' ? { tieBreak: [] } : {}),
  };
  const result = computeRanking({
    settings: ClusterSettingsSchema.parse(input),
    units,
    tree,
    entries,
  });
  return result.rows
    .map((r) => ({
      unit: r.unitCode,
      rank: r.rank === 0 ? ('' as const) : r.rank,
      // The product's total must be the decimal it stands for (no residue such as
      // 59.550000000000004): exactly the double nearest to its number of hundredths.
      totalH: r.total === Math.round(r.total * 100) / 100 ? Math.round(r.total * 100) : NaN,
      cls: r.classification,
      proposal: r.proposal,
      vote: r.voteNeededFor,
    }))
    .sort((a, b) => Number(a.unit.slice(1)) - Number(b.unit.slice(1)));
}

describe('the ranking agrees with a simple reading of the guide (random clusters)', () => {
  it('ranks, totals, classes, proposals and votes', () => {
    fc.assert(
      fc.property(cluster, (c) => {
        expect(byTheProduct(c)).toEqual(byTheGuide(c));
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});
