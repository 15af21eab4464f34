/**
 * An independent oracle of "Tính xếp hạng" for the fuzzed workbook, written from the rules of
 * HUONG_DAN.md ("Quy tắc tính điểm và xếp hạng") for the sample cluster's criteria and the default
 * settings the campaign starts from (cross scores on, mean of scorers, missing scores reported,
 * bands 95/85/70 %, tie-break: fewer penalty, more criteria at max, competition ranking, 1 flag
 * for Xuất sắc, 2 Bằng khen for Xuất sắc or Tốt). It imports nothing from src: every rule is
 * restated here from the guide, so a defect in the product's scoring cannot hide in both.
 *
 * It answers only where those rules are unambiguous: when Cấu hình, Đơn vị, Tiêu chí and the
 * score tables' headers are as set-up left them and every score cell holds a clean value (a number
 * within 0..max, "Đạt"/"Không đạt" for the pass/fail criterion, a whole number of occurrences).
 * Anything else (a word in a score cell, a date, a changed setting) makes it abstain; the campaign
 * counts how often it could judge.
 */
import type { SpreadsheetModel } from '../../local/host/spreadsheet/model';

type Kind = 'scored' | 'passFail' | 'proportional' | 'times' | 'bonus' | 'penalty';
interface Crit {
  readonly code: string;
  readonly kind: Kind;
  readonly max: number;
  readonly group?: 'I' | 'II';
  readonly per?: number;
}

/** The sample's criteria (sample/cluster1.ts), as the guide's rule names them. */
const CRITERIA: readonly Crit[] = [
  { code: '1', kind: 'scored', max: 20, group: 'I' },
  { code: '2', kind: 'passFail', max: 10, group: 'I' },
  { code: '3', kind: 'proportional', max: 20, group: 'I' },
  { code: '4', kind: 'times', max: 10, group: 'I', per: 2 },
  { code: '5', kind: 'scored', max: 15, group: 'II' },
  { code: '6', kind: 'scored', max: 10, group: 'II' },
  { code: '7', kind: 'scored', max: 5, group: 'II' },
  { code: '8', kind: 'scored', max: 10, group: 'II' },
  { code: 'T1', kind: 'bonus', max: 5 },
  { code: 'T2', kind: 'penalty', max: 5 },
];
const MAX_TOTAL = 100;

export interface OracleRow {
  readonly unit: string;
  /** '' for a unit left unranked for a missing score. */
  readonly rank: number | '';
  /** Hundredths. */
  readonly groupI: number;
  readonly groupII: number;
  readonly bonus: number;
  readonly penalty: number;
  readonly total: number;
  readonly classification: string;
  /** undefined: the oracle does not judge proposals here (a tie for the flag). */
  readonly proposal?: string;
}

export type OracleAnswer =
  | { readonly judged: true; readonly rows: readonly OracleRow[] }
  | { readonly judged: false; readonly why: string };

/** A source's entry for one criterion: a number of points, absent, or unjudgeable. */
type Entry = { kind: 'points'; value: number } | { kind: 'absent' } | { kind: 'unclean' };

const ABSENT: Entry = { kind: 'absent' };
const UNCLEAN: Entry = { kind: 'unclean' };

/** Half-up to hundredths, as integers (the guide: each criterion rounded once, 0,005 up). */
const hundredths = (x: number): number => Math.floor(x * 100 + 0.5 + 1e-9);

function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

/** Points of a single cell of a scored, bonus or penalty criterion. */
function numberEntry(v: unknown, max: number): Entry {
  if (isBlank(v)) return ABSENT;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) return UNCLEAN;
  return { kind: 'points', value: v };
}

function entryOf(c: Crit, cells: readonly unknown[]): Entry {
  const [a, b] = cells;
  switch (c.kind) {
    case 'scored':
    case 'bonus':
    case 'penalty':
      return numberEntry(a, c.max);
    case 'passFail':
      if (isBlank(a)) return ABSENT;
      if (a === 'Đạt') return { kind: 'points', value: c.max };
      if (a === 'Không đạt') return { kind: 'points', value: 0 };
      return UNCLEAN;
    case 'times': {
      if (isBlank(a)) return ABSENT;
      if (typeof a !== 'number' || !Number.isInteger(a) || a < 0) return UNCLEAN;
      return { kind: 'points', value: Math.min(a * (c.per ?? 1), c.max) };
    }
    case 'proportional': {
      if (isBlank(a) && isBlank(b)) return ABSENT;
      if (typeof a !== 'number' || typeof b !== 'number' || a < 0 || b < 0) return UNCLEAN;
      // Chỉ tiêu 0 là đã đạt (tỷ lệ 1); điểm tối đa × tỷ lệ, không quá điểm tối đa.
      const ratio = a === 0 ? 1 : b / a;
      return { kind: 'points', value: c.max * Math.min(ratio, 1) };
    }
  }
}

export interface OracleInputs {
  readonly self: unknown[][];
  readonly verified: unknown[][];
  readonly cross: unknown[][];
}

/** The three score sheets' grids (getValues types), or why they cannot be read. */
export function readInputs(model: SpreadsheetModel): OracleInputs | string {
  const grid = (name: string, rows: number, cols: number): unknown[][] | undefined =>
    model.sheet(name) ? model.valuesAt(`'${name}'!A1:${letter(cols)}${String(rows)}`) : undefined;
  const self = grid('Tự chấm', 20, 16);
  const verified = grid('Thẩm định', 20, 16);
  const cross = grid('Chấm chéo', 320, 8);
  if (!self || !verified || !cross) return 'a score sheet is missing';
  return { self, verified, cross };
}

const letter = (n: number): string => String.fromCharCode(64 + n);

/** The matrix's columns by header ("1", "3 - Chỉ tiêu", …) and rows by unit code. */
const MATRIX_HEADERS = [
  '1',
  '2',
  '3 - Chỉ tiêu',
  '3 - Thực hiện',
  '4',
  '5',
  '6',
  '7',
  '8',
  'T1',
  'T2',
];

function matrixCells(grid: unknown[][], units: readonly string[]): Map<string, unknown[]> | string {
  const header = grid[0] ?? [];
  if (header[0] !== 'Mã đơn vị') return 'matrix header changed';
  const expected = MATRIX_HEADERS.join('|');
  if (header.slice(2, 2 + MATRIX_HEADERS.length).join('|') !== expected)
    return 'matrix criteria columns changed';
  if (!isBlank(header[2 + MATRIX_HEADERS.length])) return 'extra matrix column';
  const out = new Map<string, unknown[]>();
  const codes = grid.slice(2).map((r) => r[0]);
  const present = codes.filter((c) => !isBlank(c));
  if (present.join('|') !== units.join('|')) return 'matrix unit rows changed';
  grid.slice(2, 2 + units.length).forEach((row, i) => {
    out.set(units[i] ?? '', row.slice(2, 2 + MATRIX_HEADERS.length));
  });
  // Anything typed below or beside the table is outside the oracle's rules.
  for (const row of grid.slice(2 + units.length))
    if (row.some((v) => !isBlank(v))) return 'data below the matrix';
  return out;
}

function cellsOf(row: readonly unknown[], c: Crit): unknown[] {
  const i = MATRIX_HEADERS.indexOf(c.code === '3' ? '3 - Chỉ tiêu' : c.code);
  return c.kind === 'proportional' ? [row[i], row[i + 1]] : [row[i]];
}

/**
 * Ranks the workbook by the guide's rules; `units` are the sample's unit codes in Đơn vị's order
 * (the caller has checked Đơn vị is unchanged).
 */
export function oracleRanking(inputs: OracleInputs, units: readonly string[]): OracleAnswer {
  const self = matrixCells(inputs.self, units);
  if (typeof self === 'string') return { judged: false, why: `Tự chấm: ${self}` };
  const verified = matrixCells(inputs.verified, units);
  if (typeof verified === 'string') return { judged: false, why: `Thẩm định: ${verified}` };
  // Chấm chéo: scorer, unit, criterion, score, target, actual.
  const cross = new Map<string, Entry[]>();
  const crossHeader = (inputs.cross[0] ?? []).slice(0, 6).join('|');
  if (crossHeader !== 'Đơn vị chấm|Đơn vị được chấm|Mã tiêu chí|Điểm|Chỉ tiêu|Thực hiện')
    return { judged: false, why: 'Chấm chéo header changed' };
  for (const row of inputs.cross.slice(1)) {
    const [scorer, unit, code, score, target, actual, extra] = row;
    if (!isBlank(extra)) return { judged: false, why: 'Chấm chéo: data beside the table' };
    if (isBlank(scorer) && isBlank(unit) && isBlank(code)) {
      if ([score, target, actual].some((v) => !isBlank(v)))
        return { judged: false, why: 'Chấm chéo: score without its codes' };
      continue;
    }
    const c = CRITERIA.find((x) => x.code === String(code));
    if (!c || !units.includes(String(unit)) || !units.includes(String(scorer)) || scorer === unit)
      return { judged: false, why: 'Chấm chéo: codes changed' };
    const cells = c.kind === 'proportional' ? [target, actual] : [score];
    const other = c.kind === 'proportional' ? [score] : [target, actual];
    if (other.some((v) => !isBlank(v))) return { judged: false, why: 'Chấm chéo: wrong column' };
    const e = entryOf(c, cells);
    if (e.kind === 'unclean') return { judged: false, why: 'Chấm chéo: unclean score' };
    if (e.kind === 'points') {
      const k = `${String(unit)}|${c.code}`;
      cross.set(k, [...(cross.get(k) ?? []), e]);
    }
  }

  interface Scored {
    unit: string;
    points: Map<string, number>;
    missing: boolean;
    groupI: number;
    groupII: number;
    bonus: number;
    penalty: number;
    total: number;
    atMax: number;
  }
  const scored: Scored[] = [];
  for (const unit of units) {
    const points = new Map<string, number>();
    let missing = false;
    for (const c of CRITERIA) {
      const v = entryOf(c, cellsOf(verified.get(unit) ?? [], c));
      const s = entryOf(c, cellsOf(self.get(unit) ?? [], c));
      if (v.kind === 'unclean' || s.kind === 'unclean')
        return { judged: false, why: `${unit}/${c.code}: unclean score` };
      const crossed = cross.get(`${unit}|${c.code}`) ?? [];
      // Điểm thẩm định nếu có; nếu không, điểm chấm chéo (trung bình); nếu không, tự chấm.
      let value: number | undefined;
      if (v.kind === 'points') value = v.value;
      else if (crossed.length > 0)
        value =
          crossed.reduce((a, e) => a + (e.kind === 'points' ? e.value : 0), 0) / crossed.length;
      else if (s.kind === 'points') value = s.value;
      if (value === undefined) {
        if (c.kind === 'bonus' || c.kind === 'penalty') value = 0;
        else missing = true;
      }
      points.set(c.code, hundredths(value ?? 0));
    }
    const sum = (g: 'I' | 'II'): number =>
      CRITERIA.filter((c) => c.group === g).reduce((a, c) => a + (points.get(c.code) ?? 0), 0);
    const groupI = sum('I');
    const groupII = sum('II');
    const bonus = points.get('T1') ?? 0;
    const penalty = points.get('T2') ?? 0;
    const atMax = CRITERIA.filter(
      (c) => c.group !== undefined && points.get(c.code) === c.max * 100,
    ).length;
    scored.push({
      unit,
      points,
      missing,
      groupI,
      groupII,
      bonus,
      penalty,
      total: groupI + groupII + bonus - penalty,
      atMax,
    });
  }

  const classify = (total: number): string =>
    total * 100 >= 95 * MAX_TOTAL * 100
      ? 'Xuất sắc'
      : total * 100 >= 85 * MAX_TOTAL * 100
        ? 'Tốt'
        : total * 100 >= 70 * MAX_TOTAL * 100
          ? 'Khá'
          : 'Trung bình';
  // Sort key: total, then fewer penalty, then more criteria at max; equal on all: same rank.
  const better = (a: Scored, b: Scored): number =>
    b.total - a.total || a.penalty - b.penalty || b.atMax - a.atMax;
  const ranked = scored.filter((s) => !s.missing).sort(better);
  const rankOf = new Map<string, number>();
  ranked.forEach((s, i) => {
    const prev = ranked[i - 1];
    rankOf.set(s.unit, prev && better(prev, s) === 0 ? (rankOf.get(prev.unit) ?? 0) : i + 1);
  });

  // Proposals: the flag first among Xuất sắc, then 2 Bằng khen among Xuất sắc or Tốt; a tie
  // that does not fit the places left sends the tied units to a vote and ends the form's list.
  const proposals = new Map<string, string>();
  const judge = { proposals: true };
  const fill = (form: string, places: number, allowed: readonly string[]): void => {
    let left = places;
    const eligible = ranked.filter(
      (s) => !proposals.has(s.unit) && allowed.includes(classify(s.total)),
    );
    let i = 0;
    while (i < eligible.length && left > 0) {
      const rank = rankOf.get(eligible[i]?.unit ?? '');
      const group = eligible.filter((s) => rankOf.get(s.unit) === rank);
      if (group.length > left) {
        if (form === 'Cờ thi đua') judge.proposals = false;
        for (const s of group) proposals.set(s.unit, '');
        return;
      }
      for (const s of group) proposals.set(s.unit, form);
      left -= group.length;
      i += group.length;
    }
  };
  fill('Cờ thi đua', 1, ['Xuất sắc']);
  if (judge.proposals) fill('Bằng khen', 2, ['Xuất sắc', 'Tốt']);

  return {
    judged: true,
    rows: scored.map((s) => ({
      unit: s.unit,
      rank: s.missing ? '' : (rankOf.get(s.unit) ?? ''),
      groupI: s.groupI,
      groupII: s.groupII,
      bonus: s.bonus,
      penalty: s.penalty,
      total: s.total,
      classification: s.missing ? `${classify(s.total)} (tạm tính)` : classify(s.total),
      proposal: judge.proposals ? (proposals.get(s.unit) ?? '') : undefined,
    })),
  };
}
