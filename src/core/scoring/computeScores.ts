/**
 * Totals per unit (tổng điểm) from every score entered. Entries are indexed once by
 * (unit, criterion) in flat arrays, so the work grows with the number of entries and never with
 * units × entries: 5,000 units × 50 criteria × 10 cross scorers must score in well under a second.
 */
import { finding, type Finding, type FindingCode, type FindingDetails } from '../findings';
import type { CriteriaTree, Criterion } from '../model/criteria';
import type { ScoreEntry, ScoreValue } from '../model/scores';
import type { ClusterSettings } from '../model/settings';
import type { Unit } from '../model/unit';
import { aggregateCrossInPlace } from './aggregate';
import {
  criterionPoints,
  formulaOf,
  fromHundredths,
  toHundredths,
  targetPoints,
  targetRatio,
  type PointsIssue,
} from './criterionPoints';

export interface ScoreLocation {
  readonly sheet: string;
  readonly cell: string;
}

/** Where the score of a unit for a criterion is entered, to point a 'score-missing' finding at. */
export type Locate = (unit: string, criterion: string) => ScoreLocation | undefined;

export interface ComputeScoresInput {
  readonly settings: ClusterSettings;
  readonly units: readonly Unit[];
  readonly tree: CriteriaTree;
  readonly entries: readonly ScoreEntry[];
  readonly locate?: Locate;
}

/** Which scores a criterion's points came from. */
export type PointsSource = 'verified' | 'cross' | 'self' | 'subCriteria' | 'missing' | 'none';

export interface UnitScore {
  /** Unit code. */
  readonly unit: string;
  readonly name: string;
  /** Points of every criterion by code (sub-criteria and parents too); penalty points positive. */
  readonly points: ReadonlyMap<string, number>;
  readonly sources: ReadonlyMap<string, PointsSource>;
  /** Sum of the top-level scored criteria (not bonus, not penalty) of each group, by group code. */
  readonly groupSubtotals: ReadonlyMap<string, number>;
  /** Bonus points, each item capped at its own maximum (điểm thưởng). */
  readonly bonus: number;
  /** Penalty points, each item capped at its own maximum (điểm trừ), positive. */
  readonly penalty: number;
  /** Scored criteria + bonus − penalty, exact to the hundredth (see toHundredths). */
  readonly total: number;
  /** Sum of max points of the top-level criteria that are neither bonus nor penalty. */
  readonly maxTotal: number;
  /** Scored leaf criteria (sub-criteria, not their parents) at their maximum: a tie-break key. */
  readonly criteriaAtMax: number;
  /** False when a score is missing and the policy is not to count it as 0. */
  readonly complete: boolean;
  /** Codes of the criteria with no usable score, in the order of the criteria tree. */
  readonly missing: readonly string[];
  /** How many cross scores were used, summed over criteria (0 when cross scores are off). */
  readonly crossScoresUsed: number;
}

export interface ComputeScoresResult {
  readonly scores: UnitScore[];
  readonly findings: Finding[];
}

/** The shape of the criteria tree that scoring needs, computed once. */
export interface TreeIndex {
  readonly criteria: readonly Criterion[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Children of each criterion (indices), in tree order; empty for a leaf. */
  readonly children: readonly (readonly number[])[];
  /** Top-level criteria (indices) in tree order. */
  readonly topLevel: readonly number[];
  /** Every reachable criterion, children before their parent. */
  readonly postOrder: readonly number[];
  /** Leaves that must be scored (reachable, no children, not bonus or penalty). */
  readonly requiredLeaf: readonly boolean[];
  readonly maxTotal: number;
  /** Group codes in tree order, then any code used by a criterion but not declared. */
  readonly groupCodes: readonly string[];
}

/**
 * A sub-criterion whose parent does not exist is scored as top-level rather than lost; a cycle of
 * parents (a registry error the validation reports) is not reachable and counts for nothing.
 */
export function indexTree(tree: CriteriaTree): TreeIndex {
  const criteria: Criterion[] = [];
  const indexOf = new Map<string, number>();
  for (const c of tree.criteria) {
    // The first definition of a code wins; validation reports the duplicate.
    if (indexOf.has(c.code)) continue;
    indexOf.set(c.code, criteria.length);
    criteria.push(c);
  }
  const children: number[][] = criteria.map(() => []);
  const topLevel: number[] = [];
  criteria.forEach((c, i) => {
    const p = c.parent === undefined ? undefined : indexOf.get(c.parent);
    if (p === undefined || p === i) topLevel.push(i);
    else children[p]?.push(i);
  });
  const postOrder: number[] = [];
  const visited = new Array<boolean>(criteria.length).fill(false);
  // Iterative DFS: a deep (malformed) tree must not overflow the stack.
  for (const root of topLevel) {
    const stack: { i: number; next: number }[] = [{ i: root, next: 0 }];
    visited[root] = true;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const kids = children[top.i] ?? NO_CHILDREN;
      if (top.next < kids.length) {
        const k = kids[top.next++];
        if (k !== undefined && !visited[k]) {
          visited[k] = true;
          stack.push({ i: k, next: 0 });
        }
      } else {
        postOrder.push(top.i);
        stack.pop();
      }
    }
  }
  const requiredLeaf = criteria.map(
    (c, i) =>
      visited[i] === true &&
      (children[i] ?? NO_CHILDREN).length === 0 &&
      c.type !== 'bonus' &&
      c.type !== 'penalty' &&
      !underBonusOrPenalty(criteria, indexOf, i),
  );
  const groupCodes: string[] = [];
  const seenGroups = new Set<string>();
  for (const g of tree.groups) {
    if (!seenGroups.has(g.code)) {
      seenGroups.add(g.code);
      groupCodes.push(g.code);
    }
  }
  /*
   * A group's maximum never changes points, for any kind of group (issue 14, rule 8): it is a
   * check, and Kiểm tra dữ liệu warns when its criteria do not add up to it. Capping would take
   * away the over-achievement extra of a target criterion (allowed above the criterion's
   * maximum), and a maximum the registry derives from the criteria would cap it silently.
   */
  let maxTotalH = 0;
  for (const i of topLevel) {
    const c = criteria[i];
    if (!c) continue;
    if (!seenGroups.has(c.group)) {
      seenGroups.add(c.group);
      groupCodes.push(c.group);
    }
    if (c.type !== 'bonus' && c.type !== 'penalty') maxTotalH += toHundredths(c.maxPoints);
  }
  const maxTotal = fromHundredths(maxTotalH);
  return {
    criteria,
    indexOf,
    children,
    topLevel,
    postOrder,
    requiredLeaf,
    maxTotal,
    groupCodes,
  };
}

/** Bonus and penalty items are claimed, not required: a blank one is 0, not missing. */
function underBonusOrPenalty(
  criteria: readonly Criterion[],
  indexOf: ReadonlyMap<string, number>,
  i: number,
): boolean {
  let c = criteria[i];
  for (let guard = 0; c !== undefined && guard <= criteria.length; guard++) {
    if (c.type === 'bonus' || c.type === 'penalty') return true;
    const p: number | undefined = c.parent === undefined ? undefined : indexOf.get(c.parent);
    c = p === undefined ? undefined : criteria[p];
  }
  return false;
}

/** A leader-relative target criterion aggregates ratios, every other criterion points. */
function isLeaderRelative(c: Criterion): boolean {
  return c.type === 'target' && formulaOf(c).kind === 'leaderRelative';
}

interface Measured {
  readonly measure: number;
  readonly usable: boolean;
  readonly issue?: PointsIssue;
}

function measureOf(c: Criterion, value: ScoreValue): Measured {
  if (isLeaderRelative(c)) {
    const r = targetRatio(c, value);
    return { measure: r.ratio, usable: r.usable, ...(r.issue ? { issue: r.issue } : {}) };
  }
  const p = criterionPoints(c, value);
  return { measure: p.points, usable: p.usable, ...(p.issue ? { issue: p.issue } : {}) };
}

const NO_CHILDREN: readonly number[] = [];

const NO_LOCATION: ScoreLocation = { sheet: '', cell: '' };

function displayValue(value: ScoreValue): string | number | boolean {
  if (typeof value === 'object') {
    return `${String(value.target)} / ${String(value.actual)}`;
  }
  return value;
}

const TARGET_OTHER = 0;
const TARGET_FORMULA = 1;
const TARGET_LEADER = 2;

const SOURCE_NONE = 0;
const SOURCE_VERIFIED = 1;
const SOURCE_CROSS = 2;
const SOURCE_SELF = 3;
const SOURCE_NAMES: readonly PointsSource[] = ['missing', 'verified', 'cross', 'self'];

export function computeScores(input: ComputeScoresInput): ComputeScoresResult {
  const { settings, units, tree, entries, locate } = input;
  const findings: Finding[] = [];
  const t = indexTree(tree);
  const nC = t.criteria.length;

  const unitIndex = new Map<string, number>();
  const unitList: Unit[] = [];
  for (const u of units) {
    if (unitIndex.has(u.code)) continue;
    unitIndex.set(u.code, unitList.length);
    unitList.push(u);
  }
  const nU = unitList.length;
  const slots = nU * nC;

  const where = (e: ScoreEntry): ScoreLocation =>
    e.at ?? (locate ? locate(e.unit, e.criterion) : undefined) ?? NO_LOCATION;
  const report = (
    loc: ScoreLocation,
    code: FindingCode,
    value: unknown,
    details?: FindingDetails,
  ): void => {
    findings.push(finding(loc.sheet, loc.cell, code, value, details));
  };

  // Per slot: the measure of the first verified and self entry; cross entries chained through
  // `crossNext` (a linked list in flat arrays keeps memory flat at millions of entries).
  const verified = new Float64Array(slots);
  const self = new Float64Array(slots);
  const hasVerified = new Uint8Array(slots);
  const hasSelf = new Uint8Array(slots);
  const hadEntry = new Uint8Array(slots);
  const crossHead = new Int32Array(slots).fill(-1);
  const crossCount = new Int32Array(slots);
  const crossNext = new Int32Array(entries.length).fill(-1);
  const crossMeasure = new Float64Array(entries.length);
  const crossUsable = new Uint8Array(entries.length);
  const crossScorer = new Int32Array(entries.length).fill(-1);
  // First entry per slot and source (and per scorer for cross scores), to report duplicates.
  const firstVerified = new Int32Array(slots).fill(-1);
  const firstSelf = new Int32Array(slots).fill(-1);
  // A slot with many cross scores gets a map of its scorers; a short chain is simply walked.
  const scorerMaps = new Map<number, Map<number, number>>();
  const duplicate = (e: ScoreEntry, first: number): void => {
    const firstAt = entries[first]?.at;
    report(
      where(e),
      'duplicate-code',
      e.unit,
      firstAt ? { firstCell: `${firstAt.sheet}!${firstAt.cell}` } : {},
    );
  };
  const hasScorerMap = new Uint8Array(slots);
  const firstByScorer = (slot: number, scorer: number): number => {
    if (hasScorerMap[slot] === 1) return scorerMaps.get(slot)?.get(scorer) ?? -1;
    for (let k = crossHead[slot] ?? -1; k >= 0; k = crossNext[k] ?? -1) {
      if (crossScorer[k] === scorer) return k;
    }
    return -1;
  };
  // Plain numbers within range and well-formed target results are by far the most common
  // values: they take a path that allocates nothing.
  const plainNumeric = t.criteria.map(
    (c) => c.type === 'scored' || c.type === 'bonus' || c.type === 'penalty',
  );
  const kindOf = t.criteria.map((c) =>
    c.type !== 'target' ? TARGET_OTHER : isLeaderRelative(c) ? TARGET_LEADER : TARGET_FORMULA,
  );

  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    if (!e) continue;
    const u = unitIndex.get(e.unit);
    if (u === undefined) {
      report(where(e), 'unknown-unit', e.unit);
      continue;
    }
    const c = t.indexOf.get(e.criterion);
    if (c === undefined) {
      report(where(e), 'unknown-criterion', e.criterion);
      continue;
    }
    // A parent with sub-criteria is the sum of them; its own cell is usually a subtotal formula.
    if ((t.children[c] ?? NO_CHILDREN).length > 0) continue;
    const criterion = t.criteria[c];
    if (!criterion) continue;
    const slot = u * nC + c;
    hadEntry[slot] = 1;
    // One score per unit, criterion and source (and scorer): the first counts, a later one is
    // reported rather than silently replacing it or being silently ignored.
    let scorer = -1;
    if (e.source === 'verified' || e.source === 'self') {
      const firsts = e.source === 'verified' ? firstVerified : firstSelf;
      if ((firsts[slot] ?? -1) >= 0) {
        duplicate(e, firsts[slot] ?? -1);
        continue;
      }
      firsts[slot] = k;
    } else if (e.scorer !== undefined) {
      const s = unitIndex.get(e.scorer);
      if (s === undefined) {
        // A score by someone outside the cluster does not count.
        report(where(e), 'unknown-unit', e.scorer);
        continue;
      }
      const first = firstByScorer(slot, s);
      if (first >= 0) {
        duplicate(e, first);
        continue;
      }
      scorer = s;
    }
    const v = e.value;
    let value: number;
    let usable: boolean;
    if (plainNumeric[c] && typeof v === 'number' && v >= 0 && v <= criterion.maxPoints) {
      value = v;
      usable = true;
    } else if (
      kindOf[c] !== TARGET_OTHER &&
      typeof v === 'object' &&
      v.target > 0 &&
      v.actual >= 0 &&
      v.actual / v.target <= 1e6
    ) {
      // A well-formed target result: the same numbers as measureOf, without its objects.
      const ratio = v.actual / v.target;
      value =
        kindOf[c] === TARGET_LEADER
          ? ratio
          : targetPoints(criterion.maxPoints, formulaOf(criterion), ratio);
      usable = true;
    } else {
      const m = measureOf(criterion, v);
      if (m.issue) report(where(e), m.issue.code, displayValue(v), issueDetails(m.issue, v));
      value = m.measure;
      usable = m.usable;
    }
    if (e.source === 'verified') {
      if (!usable) continue;
      hasVerified[slot] = 1;
      verified[slot] = value;
    } else if (e.source === 'self') {
      if (!usable) continue;
      hasSelf[slot] = 1;
      self[slot] = value;
    } else {
      // Unusable cross entries stay in the chain so that a scorer's second entry is still a
      // duplicate; aggregation skips them.
      crossMeasure[k] = value;
      crossUsable[k] = usable ? 1 : 0;
      crossScorer[k] = scorer;
      crossNext[k] = crossHead[slot] ?? -1;
      crossHead[slot] = k;
      const n = (crossCount[slot] ?? 0) + 1;
      crossCount[slot] = n;
      if (scorer >= 0) {
        if (hasScorerMap[slot] === 1) {
          scorerMaps.get(slot)?.set(scorer, k);
        } else if (n > 16) {
          const built = new Map<number, number>();
          for (let j = crossHead[slot] ?? -1; j >= 0; j = crossNext[j] ?? -1) {
            const sj = crossScorer[j] ?? -1;
            if (sj >= 0) built.set(sj, j);
          }
          scorerMaps.set(slot, built);
          hasScorerMap[slot] = 1;
        }
      }
    }
  }

  // Pass 1: the effective measure of every required or claimed leaf, and the best ratio of each
  // leader-relative criterion, which pass 2 needs.
  const measure = new Float64Array(slots);
  const source = new Uint8Array(slots);
  const crossUsed = new Int32Array(nU);
  const bestRatio = new Float64Array(nC);
  const crossBuffer: number[] = [];
  /** Fills crossBuffer with the usable cross measures of a slot; returns how many. */
  const crossOf = (slot: number): number => {
    crossBuffer.length = 0;
    for (let k = crossHead[slot] ?? -1; k >= 0; k = crossNext[k] ?? -1) {
      if (crossUsable[k] === 1) crossBuffer.push(crossMeasure[k] ?? 0);
    }
    return crossBuffer.length;
  };
  for (let u = 0; u < nU; u++) {
    for (let c = 0; c < nC; c++) {
      if ((t.children[c] ?? NO_CHILDREN).length > 0) continue;
      const slot = u * nC + c;
      if (hasVerified[slot] === 1) {
        measure[slot] = verified[slot] ?? 0;
        source[slot] = SOURCE_VERIFIED;
      } else if (settings.useCrossScores && crossOf(slot) > 0) {
        measure[slot] = aggregateCrossInPlace(crossBuffer, settings.crossAggregation) ?? 0;
        source[slot] = SOURCE_CROSS;
        crossUsed[u] = (crossUsed[u] ?? 0) + crossBuffer.length;
      } else if (hasSelf[slot] === 1) {
        measure[slot] = self[slot] ?? 0;
        source[slot] = SOURCE_SELF;
      } else {
        continue;
      }
      const criterion = t.criteria[c];
      if (criterion && isLeaderRelative(criterion) && (measure[slot] ?? 0) > (bestRatio[c] ?? 0)) {
        bestRatio[c] = measure[slot] ?? 0;
      }
    }
  }

  // Pass 2: points, sub-criteria summed into parents, totals. Everything from here on is in
  // integer hundredths (toHundredths): each leaf's points are rounded once, and sums are exact.
  const scores: UnitScore[] = [];
  const zeroMissing = settings.missingScorePolicy === 'zero';
  const pts = new Float64Array(nC);
  const maxH = t.criteria.map((c) => toHundredths(c.maxPoints));
  for (let u = 0; u < nU; u++) {
    const unit = unitList[u];
    if (!unit) continue;
    const points = new Map<string, number>();
    const sources = new Map<string, PointsSource>();
    const missing: string[] = [];
    let criteriaAtMax = 0;
    for (const c of t.postOrder) {
      const criterion = t.criteria[c];
      if (!criterion) continue;
      const kids = t.children[c] ?? NO_CHILDREN;
      const slot = u * nC + c;
      let p: number;
      if (kids.length > 0) {
        let sum = 0;
        for (const k of kids) sum += pts[k] ?? 0;
        p = Math.min(sum, maxH[c] ?? 0);
        sources.set(criterion.code, 'subCriteria');
      } else if (source[slot] !== SOURCE_NONE) {
        p = toHundredths(
          isLeaderRelative(criterion)
            ? targetPoints(
                criterion.maxPoints,
                formulaOf(criterion),
                measure[slot] ?? 0,
                bestRatio[c] ?? 0,
              )
            : (measure[slot] ?? 0),
        );
        sources.set(criterion.code, SOURCE_NAMES[source[slot] ?? 0] ?? 'missing');
      } else {
        p = 0;
        if (t.requiredLeaf[c]) {
          missing.push(criterion.code);
          sources.set(criterion.code, 'missing');
          // An unusable value was reported already; a blank one is reported here, at the cell
          // where it belongs. Without a cell there is nothing to point at: `missing` carries it.
          const loc =
            hadEntry[slot] === 0 && locate ? locate(unit.code, criterion.code) : undefined;
          if (loc) report(loc, 'score-missing', '', { unit: unit.name, criterion: criterion.code });
        } else {
          sources.set(criterion.code, 'none');
        }
      }
      // "Nhiều tiêu chí đạt điểm tối đa hơn" counts the leaves units score (issue 14, rule 7):
      // a criterion split into sub-criteria counts each of them, not itself.
      if (t.requiredLeaf[c] && (maxH[c] ?? 0) > 0 && p >= (maxH[c] ?? 0)) criteriaAtMax++;
      pts[c] = p;
      points.set(criterion.code, fromHundredths(p));
    }

    const scoredByGroup = new Map<string, number>();
    for (const g of t.groupCodes) scoredByGroup.set(g, 0);
    const bonusByGroup = new Map<string, number>();
    const penaltyByGroup = new Map<string, number>();
    for (const c of t.topLevel) {
      const criterion = t.criteria[c];
      if (!criterion) continue;
      const p = pts[c] ?? 0;
      const byGroup =
        criterion.type === 'bonus'
          ? bonusByGroup
          : criterion.type === 'penalty'
            ? penaltyByGroup
            : scoredByGroup;
      byGroup.set(criterion.group, (byGroup.get(criterion.group) ?? 0) + p);
    }
    const groupSubtotals = new Map<string, number>();
    let scored = 0;
    for (const [g, v] of scoredByGroup) {
      scored += v;
      groupSubtotals.set(g, fromHundredths(v));
    }
    const bonus = sumOf(bonusByGroup);
    const penalty = sumOf(penaltyByGroup);
    scores.push({
      unit: unit.code,
      name: unit.name,
      points,
      sources,
      groupSubtotals,
      bonus: fromHundredths(bonus),
      penalty: fromHundredths(penalty),
      total: fromHundredths(scored + bonus - penalty),
      maxTotal: t.maxTotal,
      criteriaAtMax,
      complete: missing.length === 0 || zeroMissing,
      missing,
      crossScoresUsed: crossUsed[u] ?? 0,
    });
  }
  return { scores, findings };
}

function sumOf(byGroup: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const v of byGroup.values()) sum += v;
  return sum;
}

function issueDetails(issue: PointsIssue, value: ScoreValue): FindingDetails {
  const details: Record<string, string | number> = {};
  if (issue.max !== undefined) details.max = issue.max;
  if (issue.expected !== undefined) details.expected = issue.expected;
  if (typeof value === 'number') details.score = value;
  else if (typeof value === 'object') details.score = value.actual;
  return details;
}
