/**
 * Ranking (xếp hạng): units by total, then the cluster's tie-break chain (tiêu chí phụ khi bằng
 * điểm), then a shared rank. The output order never depends on the input order.
 */
import type { ClusterSettings, TieBreakKey } from '../model/settings';
import { comparePoints } from '../scoring/criterionPoints';
import type { UnitScore } from '../scoring/computeScores';
import { compareVietnamese } from '../text/collation';

export interface Ranked<T> {
  readonly item: T;
  readonly rank: number;
}

/**
 * Sorts by `compare` (negative: a ranks before b) and numbers the result. `order` only decides
 * the output order of items that `compare` finds equal; it never changes a rank.
 */
function rankWith<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  order: ((a: T, b: T) => number) | undefined,
  dense: boolean,
): Ranked<T>[] {
  const sorted = items.slice().sort((a, b) => {
    const c = compare(a, b);
    return c !== 0 || order === undefined ? c : order(a, b);
  });
  const out: Ranked<T>[] = [];
  let rank = 0;
  let distinct = 0;
  let prev: { item: T } | undefined;
  sorted.forEach((item, i) => {
    if (prev === undefined || compare(prev.item, item) !== 0) {
      distinct++;
      rank = dense ? distinct : i + 1;
    }
    out.push({ item, rank });
    prev = { item };
  });
  return out;
}

/** Standard competition ranking: 1, 2, 2, 4. */
export function competitionRank<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  order?: (a: T, b: T) => number,
): Ranked<T>[] {
  return rankWith(items, compare, order, false);
}

/** Dense ranking: 1, 2, 2, 3. */
export function denseRank<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  order?: (a: T, b: T) => number,
): Ranked<T>[] {
  return rankWith(items, compare, order, true);
}

/** Compares two units on one tie-break key: negative when a goes first. */
export function compareOnKey(key: TieBreakKey, a: UnitScore, b: UnitScore): number {
  switch (key.kind) {
    case 'groupSubtotal':
      return comparePoints(
        b.groupSubtotals.get(key.group) ?? 0,
        a.groupSubtotals.get(key.group) ?? 0,
      );
    case 'fewerPenalty':
      return comparePoints(a.penalty, b.penalty);
    case 'moreCriteriaAtMax':
      return b.criteriaAtMax - a.criteriaAtMax;
    case 'moreBonus':
      return comparePoints(b.bonus, a.bonus);
    default:
      return 0;
  }
}

/** Why a unit went above (`higher`) or below (`lower`) a unit with the same total. */
export function tieBreakPhrase(key: TieBreakKey, higher: boolean): string {
  switch (key.kind) {
    case 'groupSubtotal':
      return `điểm nhóm tiêu chí ${key.group} ${higher ? 'cao' : 'thấp'} hơn`;
    case 'fewerPenalty':
      return `${higher ? 'ít' : 'nhiều'} điểm trừ hơn`;
    case 'moreCriteriaAtMax':
      return `${higher ? 'nhiều' : 'ít'} tiêu chí đạt điểm tối đa hơn`;
    case 'moreBonus':
      return `${higher ? 'nhiều' : 'ít'} điểm thưởng hơn`;
    default:
      return '';
  }
}

export interface RankedUnit {
  readonly score: UnitScore;
  readonly rank: number;
  /**
   * The key that separated this unit from a unit with the same total (the one just above it,
   * else the one just below); undefined when no unit has the same total or the chain left the
   * tie standing.
   */
  readonly tieBreak?: TieBreakKey;
  /** How many other units share this rank. */
  readonly sharedCount: number;
  /** For the report, e.g. "Bằng điểm với Long Biên, xếp trên do ít điểm trừ hơn"; '' if no tie. */
  readonly tieNote: string;
}

/** The same total at the fixed precision of comparePoints. */
function sameTotal(a: UnitScore, b: UnitScore): boolean {
  return comparePoints(a.total, b.total) === 0;
}

function firstDifferingKey(
  chain: readonly TieBreakKey[],
  a: UnitScore,
  b: UnitScore,
): TieBreakKey | undefined {
  for (const key of chain) if (compareOnKey(key, a, b) !== 0) return key;
  return undefined;
}

/** At most a few names: a whole cluster tied at 0 must not make every note list everyone. */
const MAX_NAMES_IN_NOTE = 3;

function sharedNames(
  ranked: readonly Ranked<UnitScore>[],
  from: number,
  to: number,
  self: number,
): string {
  const names: string[] = [];
  for (let j = from; j < to && names.length < MAX_NAMES_IN_NOTE; j++) {
    const r = ranked[j];
    if (j !== self && r) names.push(r.item.name);
  }
  const others = to - from - 1 - names.length;
  return others > 0 ? `${names.join(', ')} và ${String(others)} đơn vị khác` : names.join(', ');
}

function byName(a: UnitScore, b: UnitScore): number {
  const c = compareVietnamese(a.name, b.name);
  if (c !== 0) return c;
  return a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0;
}

export function rankUnits(
  scores: readonly UnitScore[],
  settings: Pick<ClusterSettings, 'tieBreak' | 'rankingMethod'>,
): RankedUnit[] {
  const chain = settings.tieBreak;
  const compare = (a: UnitScore, b: UnitScore): number => {
    const byTotal = comparePoints(b.total, a.total);
    if (byTotal !== 0) return byTotal;
    for (const key of chain) {
      const c = compareOnKey(key, a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
  const ranked =
    settings.rankingMethod === 'dense'
      ? denseRank(scores, compare, byName)
      : competitionRank(scores, compare, byName);

  // Units that share a rank are contiguous: find each run once instead of scanning per unit.
  const runAt: { start: number; end: number }[] = [];
  let run = { start: 0, end: 0 };
  ranked.forEach((r, i) => {
    if (i === 0 || ranked[i - 1]?.rank !== r.rank) run = { start: i, end: i };
    run.end = i + 1;
    runAt.push(run);
  });

  return ranked.map(({ item, rank }, i) => {
    const prev = ranked[i - 1];
    const next = ranked[i + 1];
    const { start, end } = runAt[i] ?? { start: i, end: i + 1 };
    const sharedCount = end - start - 1;
    let tieBreak: TieBreakKey | undefined;
    let below: { name: string; phrase: string } | undefined;
    let above: { name: string; phrase: string } | undefined;
    if (prev && prev.rank !== rank && sameTotal(prev.item, item)) {
      const key = firstDifferingKey(chain, prev.item, item);
      if (key) {
        tieBreak = key;
        below = { name: prev.item.name, phrase: tieBreakPhrase(key, false) };
      }
    }
    if (next && next.rank !== rank && sameTotal(next.item, item)) {
      const key = firstDifferingKey(chain, item, next.item);
      if (key) {
        tieBreak = tieBreak ?? key;
        above = { name: next.item.name, phrase: tieBreakPhrase(key, true) };
      }
    }
    const sharedText =
      `đồng hạng với ${sharedNames(ranked, start, end, i)}` +
      (chain.length > 0 ? ' (các tiêu chí phụ cũng bằng nhau)' : '');
    let tieNote = '';
    const only = above ?? below;
    if (sharedCount === 0 && only && (above === undefined || below === undefined)) {
      // The common case reads as the report phrases it: "Bằng điểm với X, xếp trên do …".
      tieNote = `Bằng điểm với ${only.name}, xếp ${above ? 'trên' : 'dưới'} do ${only.phrase}`;
    } else {
      const parts: string[] = [];
      if (below) parts.push(`xếp dưới ${below.name} do ${below.phrase}`);
      if (above) parts.push(`xếp trên ${above.name} do ${above.phrase}`);
      if (sharedCount > 0) parts.push(sharedText);
      if (parts.length > 0) tieNote = `Bằng điểm, ${parts.join('; ')}`;
    }
    return {
      score: item,
      rank,
      ...(tieBreak ? { tieBreak } : {}),
      sharedCount,
      tieNote,
    };
  });
}
