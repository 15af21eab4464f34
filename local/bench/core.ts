/**
 * Benchmark of the pure ranking core: 5,000 units × 50 criteria × 10 cross scorers, the largest
 * cluster DESIGN §7 names. The goal is computeRanking under one second on a 2-core machine.
 * Run: npx tsx local/bench/core.ts [units] [criteria] [scorers]
 * (the package is CommonJS, so a dynamic import sees the exports under `default`:
 * npx tsx -e "import('./local/bench/core.ts').then(m=>console.log(m.default.benchCore()))").
 */
import type { CriteriaTree, Criterion } from '../../src/core/model/criteria';
import type { ScoreEntry } from '../../src/core/model/scores';
import { ClusterSettingsSchema } from '../../src/core/model/settings';
import { UnitSchema, type Unit } from '../../src/core/model/unit';
import { computeRanking } from '../../src/core/ranking/computeRanking';

/** Deterministic pseudo-random numbers (mulberry32), so every bench run uses the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchData {
  readonly units: Unit[];
  readonly tree: CriteriaTree;
  readonly entries: ScoreEntry[];
}

export function generateCluster(
  unitCount: number,
  criterionCount: number,
  scorers: number,
): BenchData {
  const random = rng(20240101);
  const units = Array.from({ length: unitCount }, (_, i) =>
    UnitSchema.parse({
      code: `U${String(i + 1).padStart(5, '0')}`,
      name: `Đơn vị ${String(i + 1)}`,
    }),
  );
  const criteria: Criterion[] = Array.from({ length: criterionCount }, (_, i) => {
    const code = String(i + 1);
    const group = i < criterionCount / 2 ? 'I' : 'II';
    // One in ten is target-based, one bonus and one penalty: every code path is timed.
    if (i === criterionCount - 2) {
      return {
        code,
        group: 'III',
        text: `Điểm thưởng ${code}`,
        type: 'bonus',
        maxPoints: 5,
        evidenceRequired: false,
      };
    }
    if (i === criterionCount - 1) {
      return {
        code,
        group: 'IV',
        text: `Điểm trừ ${code}`,
        type: 'penalty',
        maxPoints: 5,
        evidenceRequired: false,
      };
    }
    if (i % 10 === 3) {
      return {
        code,
        group,
        text: `Tiêu chí định lượng ${code}`,
        type: 'target',
        maxPoints: 20,
        targetFormula: i % 20 === 3 ? { kind: 'leaderRelative' } : { kind: 'proportional' },
        evidenceRequired: false,
      };
    }
    return {
      code,
      group,
      text: `Tiêu chí ${code}`,
      type: 'scored',
      maxPoints: 20,
      evidenceRequired: false,
    };
  });
  const tree: CriteriaTree = {
    groups: [
      { code: 'I', name: 'Nhóm I', maxPoints: 0 },
      { code: 'II', name: 'Nhóm II', maxPoints: 0 },
      { code: 'III', name: 'Điểm thưởng', maxPoints: 5 },
      { code: 'IV', name: 'Điểm trừ', maxPoints: 5 },
    ],
    criteria,
  };
  const entries: ScoreEntry[] = [];
  units.forEach(({ code: unit }, u) => {
    for (const c of criteria) {
      const value = (): ScoreEntry['value'] =>
        c.type === 'target'
          ? { target: 100, actual: Math.round(60 + random() * 60) }
          : Math.round(random() * c.maxPoints * 4) / 4;
      entries.push({ unit, criterion: c.code, source: 'self', value: value() });
      for (let s = 1; s <= scorers; s++) {
        const scorer = units[(u + s) % unitCount]?.code ?? unit;
        entries.push({ unit, criterion: c.code, source: 'cross', scorer, value: value() });
      }
    }
  });
  return { units, tree, entries };
}

export function benchCore(
  unitCount = 5000,
  criterionCount = 50,
  scorers = 10,
): { label: string; ms: number }[] {
  const t0 = performance.now();
  const data = generateCluster(unitCount, criterionCount, scorers);
  const t1 = performance.now();
  const settings = ClusterSettingsSchema.parse({
    clusterName: 'Cụm thử tải',
    year: 2024,
    useCrossScores: true,
    crossAggregation: { method: 'trimmedMean', drop: 1 },
  });
  const result = computeRanking({ settings, ...data });
  const t2 = performance.now();
  const size = `${String(unitCount)} đơn vị × ${String(criterionCount)} tiêu chí × ${String(scorers)} chấm chéo`;
  return [
    { label: `generate ${String(data.entries.length)} entries (${size})`, ms: Math.round(t1 - t0) },
    { label: `computeRanking, ${String(result.rows.length)} rows`, ms: Math.round(t2 - t1) },
  ];
}

// Run directly: print the figures.
if (/bench[\\/]core\.ts$/.test(process.argv[1] ?? '')) {
  const [units, criteria, scorers] = process.argv.slice(2).map(Number);
  for (const { label, ms } of benchCore(units || 5000, criteria || 50, scorers || 10)) {
    console.log(`${label}: ${String(ms)} ms`);
  }
}
