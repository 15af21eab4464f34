/**
 * Chấm chéo as set-up lays it out when Cấu hình uses cross scores: one block per scorer (every
 * other unit × every criterion that takes an entry), with the scorer, unit and criterion codes
 * written by the program, so a scorer types only the score columns and one protection per block
 * keeps each scorer to its own rows. Rows users already typed move into their block; a typed row
 * that fits no block (its unit or criterion is gone, a unit scoring itself, a second copy) goes to
 * the orphan store, like a matrix's scores: nothing typed is dropped.
 */
import type { CriteriaTree } from '../model/criteria';
import type { Unit } from '../model/unit';
import { entryCriteria } from '../layout/matrix';
import { CROSS_SCORES_LAYOUT } from '../layout/tables';
import { NUMBER_FORMATS } from '../layout/columns';
import { cellAt, isBlank, rowAt } from '../readers/cells';
import { cellA1, columnLetter } from '../a1';
import { valueToText } from '../parse/text';
import { nameKey } from '../text/normalize';
import { cellOut } from './cellsOut';
import { cellFormat, type FormatGrid } from './formatPlan';
import type { OrphanScore } from './matrixRebuild';
import type { SheetOp } from './types';

/**
 * Blocks beyond this many rows are not laid out: a spreadsheet holds at most 10 million cells
 * (Google's limit), and 5,000 units × 4,999 × 8 criteria would be 200 million rows.
 */
export const MAX_CROSS_ROWS = 200_000;

export interface CrossBlock {
  readonly scorer: string;
  /** 1-based first row and number of rows. */
  readonly row: number;
  readonly numRows: number;
}

export interface CrossScoresPlan {
  readonly ops: SheetOp[];
  readonly needRows: number;
  readonly blocks: readonly CrossBlock[];
  /** 1-based first column and number of columns the scorer types into. */
  readonly entryColumn: number;
  readonly entryColumns: number;
  readonly orphans: OrphanScore[];
  readonly changed: boolean;
  readonly moved: number;
}

export interface CrossTable {
  readonly positions: ReadonlyMap<string, number>;
  readonly dataRow: number;
  readonly width: number;
}

function text(value: unknown): string {
  return isBlank(value) ? '' : valueToText(value).trim();
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (isBlank(a) && isBlank(b)) || a === b;
}

/** The block rows, scorer by scorer in Đơn vị's order: [scorer, unit, criterion]. */
export function crossBlockRows(units: readonly Unit[], tree: CriteriaTree): string[][] {
  const criteria = entryCriteria(tree);
  const rows: string[][] = [];
  for (const scorer of units)
    for (const unit of units) {
      if (unit === scorer) continue;
      for (const c of criteria) rows.push([scorer.code, unit.code, c.code]);
    }
  return rows;
}

export function crossRowCount(units: readonly Unit[], tree: CriteriaTree): number {
  return units.length * Math.max(0, units.length - 1) * entryCriteria(tree).length;
}

export function planCrossScores(
  grid: readonly (readonly unknown[])[],
  formats: FormatGrid | undefined,
  table: CrossTable,
  units: readonly Unit[],
  tree: CriteriaTree,
): CrossScoresPlan {
  const col = (key: string): number => table.positions.get(key) ?? 0;
  const keyCols = [col('scorer'), col('unit'), col('criterion')];
  const width = table.width;
  const entryCols: number[] = [];
  for (let c = 1; c <= width; c++) if (!keyCols.includes(c)) entryCols.push(c);
  const layoutFormat = new Map<number, string>();
  for (const spec of CROSS_SCORES_LAYOUT.columns) {
    const c = table.positions.get(spec.key);
    if (c !== undefined) layoutFormat.set(c, spec.numberFormat);
  }
  const d0 = table.dataRow - 1;
  const blockRows = crossBlockRows(units, tree);
  const rowOfKey = new Map<string, number>();
  const keyOf = (s: string, u: string, c: string): string =>
    `${nameKey(s)}\u0000${nameKey(u)}\u0000${nameKey(c)}`;
  blockRows.forEach(([s, u, c], i) => rowOfKey.set(keyOf(s ?? '', u ?? '', c ?? ''), i));

  // The new data area: key cells from the program, entry cells moved from the typed rows.
  const values: unknown[][] = blockRows.map((k) => {
    const line = new Array<unknown>(width).fill('');
    keyCols.forEach((c, i) => {
      if (c > 0) line[c - 1] = k[i] ?? '';
    });
    return line;
  });
  const fmts: string[][] = blockRows.map(() =>
    Array.from({ length: width }, (_, c) => layoutFormat.get(c + 1) ?? NUMBER_FORMATS.text),
  );
  const orphans: OrphanScore[] = [];
  const taken = new Set<number>();
  let moved = 0;
  const header = (c: number): string =>
    CROSS_SCORES_LAYOUT.columns.find((s) => table.positions.get(s.key) === c)?.header ??
    `Cột ${columnLetter(c)}`;
  for (let r = d0; r < grid.length; r++) {
    const row = rowAt(grid, r);
    const filled = entryCols.filter((c) => !isBlank(cellAt(grid, r, c - 1)));
    if (filled.length === 0) continue; // key cells only: the program writes them again
    const [s, u, c] = keyCols.map((k) => (k > 0 ? text(row[k - 1]) : ''));
    const at = rowOfKey.get(keyOf(s ?? '', u ?? '', c ?? ''));
    const reason =
      at === undefined
        ? s !== '' && s === u
          ? 'Đơn vị tự chấm chéo chính mình'
          : 'Đơn vị chấm, đơn vị được chấm hoặc tiêu chí không còn khớp'
        : taken.has(at)
          ? 'Trùng đơn vị chấm, đơn vị được chấm và tiêu chí với một dòng khác'
          : '';
    if (reason !== '') {
      for (const cc of filled) {
        orphans.push({
          sheet: CROSS_SCORES_LAYOUT.sheet,
          unitCode: s ?? '',
          unitName: `chấm ${u ?? ''} – tiêu chí ${c ?? ''}`,
          column: header(cc),
          value: cellAt(grid, r, cc - 1),
          formula: '',
          format: formats?.[r]?.[cc - 1] ?? '',
          cell: cellA1(r + 1, cc),
          reason,
        });
      }
      continue;
    }
    const i = at as number;
    taken.add(i);
    if (i !== r - d0) moved += filled.length;
    const line = values[i] as unknown[];
    const fl = fmts[i] as string[];
    for (const cc of filled) {
      const v = cellAt(grid, r, cc - 1);
      line[cc - 1] = v;
      fl[cc - 1] = cellFormat(v, '', formats?.[r]?.[cc - 1], fl[cc - 1] ?? '');
    }
  }

  // Old rows below the blocks are cleared (their typed values were moved or kept as orphans).
  const writeRows = Math.max(blockRows.length, grid.length - d0);
  let changed = false;
  for (let r = 0; r < writeRows && !changed; r++) {
    for (let c = 0; c < width; c++) {
      if (!same(values[r]?.[c] ?? '', cellAt(grid, d0 + r, c))) {
        changed = true;
        break;
      }
    }
  }
  const ops: SheetOp[] = [];
  if (changed && writeRows > 0) {
    const allFormats = Array.from(
      { length: writeRows },
      (_, r) =>
        fmts[r] ??
        Array.from({ length: width }, (_, c) => layoutFormat.get(c + 1) ?? NUMBER_FORMATS.text),
    );
    ops.push({ op: 'formatGrid', row: table.dataRow, column: 1, formats: allFormats });
    ops.push({
      op: 'values',
      row: table.dataRow,
      column: 1,
      values: Array.from({ length: writeRows }, (_, r) =>
        Array.from({ length: width }, (_, c) =>
          cellOut(values[r]?.[c] ?? '', allFormats[r]?.[c] ?? ''),
        ),
      ),
    });
  }
  const blocks: CrossBlock[] = [];
  const per = Math.max(0, units.length - 1) * entryCriteria(tree).length;
  if (per > 0) {
    units.forEach((u, i) =>
      blocks.push({ scorer: u.code, row: table.dataRow + i * per, numRows: per }),
    );
  }
  const first = Math.min(...entryCols);
  const last = Math.max(...entryCols);
  return {
    ops,
    needRows: table.dataRow - 1 + writeRows,
    blocks,
    entryColumn: entryCols.length === 0 ? width : first,
    entryColumns: entryCols.length === 0 ? 0 : last - first + 1,
    orphans,
    changed,
    moved,
  };
}
