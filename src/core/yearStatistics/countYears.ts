/**
 * "Thống kê qua các năm": the awards of every year, from Lịch sử thi đua, khen thưởng and, for
 * what the history does not hold yet, from this year's register (Khen thưởng). Each year is
 * counted by the one-year statistics (awards/statistics.ts countAwards), so levels, recipient
 * types, and titles apart from forms mean the same in both sheets.
 *
 * Decisions:
 * - A register row recorded into history carries its key (Mã hồ sơ) there: it is counted once,
 *   from the history, whatever the register says now.
 * - Ratings (HTXSNV …) and initiatives are history but not awards: they are left out and counted
 *   apart, so the sheet can say so.
 * - A title or form in history without its level cannot be put in the level table: it is left
 *   out and its cell named, never guessed.
 */
import { countAwards, type AwardStatistics, type CountedAward } from '../awards/statistics';
import type { AwardLevel } from '../model/award';
import { historyItemKind, type HistoryEntry } from '../model/history';

/** What the counting needs of a history entry (HistoryRow has it). */
export type CountedHistoryEntry = Pick<
  HistoryEntry,
  'year' | 'subjectType' | 'name' | 'unit' | 'item' | 'level' | 'registerKey'
> & {
  /** 1-based sheet row, to name the cell of an entry left out. */
  readonly row?: number;
};

/** What the counting needs of a register row (AwardRow has it). */
export type CountedRegisterRow = CountedAward & { readonly key: string };

export interface YearSources {
  /** History entries counted as awards. */
  readonly history: number;
  /** Register rows counted (not yet in history). */
  readonly register: number;
  /** Register rows of this year already in history by their key: counted from history only. */
  readonly registerInHistory: number;
}

export interface YearCount {
  readonly year: number;
  readonly stats: AwardStatistics;
  readonly sources: YearSources;
}

export interface YearStatistics {
  /** Every year the history or the register holds, in order, zeros included. */
  readonly years: readonly YearCount[];
  /** History entries that are not awards. */
  readonly ratings: number;
  readonly initiatives: number;
  /** Sheet rows of titles and forms in history with no level (left out). */
  readonly withoutLevel: readonly number[];
}

const keyOf = (key: string): string => key.trim().toUpperCase();

export function countYears(input: {
  readonly history: readonly CountedHistoryEntry[];
  readonly register: readonly CountedRegisterRow[];
}): YearStatistics {
  const recorded = new Set(input.history.map((e) => keyOf(e.registerKey)).filter((k) => k !== ''));
  const awards = new Map<number, CountedAward[]>();
  const sources = new Map<
    number,
    { history: number; register: number; registerInHistory: number }
  >();
  const yearOf = (year: number) => {
    let s = sources.get(year);
    if (s === undefined) {
      s = { history: 0, register: 0, registerInHistory: 0 };
      sources.set(year, s);
      awards.set(year, []);
    }
    return { sources: s, awards: awards.get(year) as CountedAward[] };
  };
  let ratings = 0;
  let initiatives = 0;
  const withoutLevel: number[] = [];

  for (const e of input.history) {
    const y = yearOf(e.year);
    const kind = historyItemKind(e.item);
    if (kind === 'rating') ratings++;
    else if (kind === 'initiative') initiatives++;
    else if (e.level === undefined) {
      if (e.row !== undefined) withoutLevel.push(e.row);
    } else {
      y.awards.push(countedOf(e, e.level));
      y.sources.history++;
    }
  }
  for (const r of input.register) {
    const y = yearOf(r.year);
    if (recorded.has(keyOf(r.key))) {
      y.sources.registerInHistory++;
      continue;
    }
    y.awards.push(r);
    y.sources.register++;
  }
  return {
    years: [...sources.keys()]
      .sort((a, b) => a - b)
      .map((year) => ({
        year,
        stats: countAwards(awards.get(year) ?? []),
        sources: { ...(sources.get(year) as YearSources) },
      })),
    ratings,
    initiatives,
    withoutLevel: withoutLevel.sort((a, b) => a - b),
  };
}

function countedOf(e: CountedHistoryEntry, level: AwardLevel): CountedAward {
  return {
    recipientType: e.subjectType,
    level,
    form: e.item,
    year: e.year,
    unit: e.unit,
    name: e.name,
  };
}
