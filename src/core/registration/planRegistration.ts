/**
 * Đăng ký thi đua as set-up lays it out: one block of rows per unit in Đơn vị's order, each row
 * carrying the unit's code and name (written by the program), so one protection per block keeps
 * each unit to its own rows. A re-run moves every typed row into its unit's block in the order it
 * was typed (blank rows between them too), grows a block that has fewer than
 * REGISTRATION_SPARE_ROWS blank rows below its last typed row, and keeps
 * rows whose code names no unit at the end of the sheet as they were: nothing typed is dropped or
 * moved to another unit. Đơn vị's old «Danh hiệu đăng ký» is carried into a block that has no
 * collective title yet.
 */
import { NUMBER_FORMATS } from '../layout/columns';
import {
  REGISTRATION_LAYOUT,
  REGISTRATION_MIN_BLOCK_ROWS,
  REGISTRATION_SPARE_ROWS,
  type RegistrationColumnKey,
} from '../layout/registrationTables';
import type { Unit } from '../model/unit';
import { valueToText } from '../parse/text';
import { cellAt, isBlank } from '../readers/cells';
import { nameKey } from '../text/normalize';
import { cellOut } from '../setup/cellsOut';
import { cellFormat, type FormatGrid } from '../setup/formatPlan';
import type { SheetOp } from '../setup/types';

export interface RegistrationBlock {
  readonly unitCode: string;
  /** 1-based first row and number of rows. */
  readonly row: number;
  readonly numRows: number;
}

export interface RegistrationTable {
  readonly positions: ReadonlyMap<string, number>;
  readonly dataRow: number;
  readonly width: number;
}

export interface RegistrationPlan {
  readonly ops: SheetOp[];
  readonly needRows: number;
  readonly blocks: readonly RegistrationBlock[];
  /** 1-based first column and number of columns units type into (0 columns: none). */
  readonly entryColumn: number;
  readonly entryColumns: number;
  /** Rows kept after the blocks because their code names no unit: 1-based first row, count. */
  readonly strays: { readonly row: number; readonly numRows: number };
  /** Units whose collective title came from Đơn vị's «Danh hiệu đăng ký». */
  readonly migrated: readonly string[];
  /** Typed rows that changed row. */
  readonly moved: number;
  readonly changed: boolean;
}

const KEY_COLUMNS: readonly RegistrationColumnKey[] = ['unitCode', 'unitName'];

function text(value: unknown): string {
  return isBlank(value) ? '' : valueToText(value).trim();
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (isBlank(a) && isBlank(b)) || a === b;
}

/** Rows a block gets when its last typed row is its `used`-th: always a few blank ones below. */
export function blockRows(used: number): number {
  return Math.max(REGISTRATION_MIN_BLOCK_ROWS, used + REGISTRATION_SPARE_ROWS);
}

/**
 * The rows a unit's block takes, in sheet order. Blank rows are kept between typed rows of one run
 * of consecutive rows (the block as the unit left it); a run elsewhere (a row the head typed below,
 * a block split by an inserted row) joins without its leading and trailing blank rows.
 */
export function blockSequence(
  rows: readonly number[],
  isTyped: (row: number) => boolean,
): number[] {
  const runs: number[][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[last.length - 1] === r - 1) last.push(r);
    else runs.push([r]);
  }
  const out: number[] = [];
  runs.forEach((run, i) => {
    let first = 0;
    let end = run.length;
    if (i > 0) while (first < end && !isTyped(run[first] as number)) first++;
    while (end > first && !isTyped(run[end - 1] as number)) end--;
    out.push(...run.slice(first, end));
  });
  return out;
}

export function planRegistration(
  grid: readonly (readonly unknown[])[],
  formats: FormatGrid | undefined,
  table: RegistrationTable,
  units: readonly Pick<Unit, 'code' | 'name' | 'registeredTitle'>[],
): RegistrationPlan {
  const col = (key: RegistrationColumnKey): number => table.positions.get(key) ?? 0;
  const keyCols = KEY_COLUMNS.map(col);
  const width = table.width;
  const entryCols: number[] = [];
  for (let c = 1; c <= width; c++) if (!keyCols.includes(c)) entryCols.push(c);
  const layoutFormat = new Map<number, string>();
  for (const spec of REGISTRATION_LAYOUT.columns) {
    const c = table.positions.get(spec.key);
    if (c !== undefined) layoutFormat.set(c, spec.numberFormat);
  }
  const blankFormats = (): string[] =>
    Array.from({ length: width }, (_, c) => layoutFormat.get(c + 1) ?? NUMBER_FORMATS.text);
  const d0 = table.dataRow - 1;

  // Each unit's rows in sheet order, blank ones between typed ones included so a block that did
  // not change stays as it is; typed rows (any entry cell filled) of no known unit are strays.
  const unitOf = new Map(units.map((u) => [nameKey(u.code), u]));
  const rowsOf = new Map<string, number[]>();
  const strays: number[] = [];
  const isTyped = (r: number): boolean => entryCols.some((c) => !isBlank(cellAt(grid, r, c - 1)));
  for (let r = d0; r < grid.length; r++) {
    const unit = unitOf.get(nameKey(text(cellAt(grid, r, col('unitCode') - 1))));
    if (unit !== undefined) rowsOf.set(unit.code, [...(rowsOf.get(unit.code) ?? []), r]);
    else if (isTyped(r)) strays.push(r);
  }

  const values: unknown[][] = [];
  const fmts: string[][] = [];
  const blocks: RegistrationBlock[] = [];
  const migrated: string[] = [];
  let moved = 0;
  const copyRow = (r: number, keys?: readonly unknown[]): void => {
    const at = values.length;
    if (r !== d0 + at && isTyped(r)) moved++;
    values.push(
      Array.from({ length: width }, (_, c) => {
        const k = keys === undefined ? -1 : keyCols.indexOf(c + 1);
        return k >= 0 ? (keys?.[k] ?? '') : cellAt(grid, r, c);
      }),
    );
    fmts.push(
      blankFormats().map((f, c) => {
        const k = keys === undefined ? -1 : keyCols.indexOf(c + 1);
        return k >= 0 ? f : cellFormat(cellAt(grid, r, c), '', formats?.[r]?.[c], f);
      }),
    );
  };
  for (const unit of units) {
    const keys = [unit.code, unit.name];
    const rows = blockSequence(rowsOf.get(unit.code) ?? [], isTyped);
    const first = values.length;
    for (const r of rows) copyRow(r, keys);
    const n = blockRows(rows.length);
    for (let i = rows.length; i < n; i++) {
      values.push(
        Array.from({ length: width }, (_, c) => {
          const k = keyCols.indexOf(c + 1);
          return k >= 0 ? keys[k] : '';
        }),
      );
      fmts.push(blankFormats());
    }
    const titleCol = col('collectiveTitle');
    const fromUnits = unit.registeredTitle.trim();
    if (
      titleCol > 0 &&
      fromUnits !== '' &&
      rows.every((r) => isBlank(cellAt(grid, r, titleCol - 1)))
    ) {
      (values[first] as unknown[])[titleCol - 1] = fromUnits;
      migrated.push(unit.code);
    }
    blocks.push({ unitCode: unit.code, row: table.dataRow + first, numRows: n });
  }
  const strayRow = table.dataRow + values.length;
  for (const r of strays) copyRow(r);

  // Old rows below the new area are cleared: their typed values moved up with their unit.
  const writeRows = Math.max(values.length, grid.length - d0);
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
  if (changed && writeRows > 0 && width > 0) {
    const allFormats = Array.from({ length: writeRows }, (_, r) => fmts[r] ?? blankFormats());
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
  const first = Math.min(...entryCols);
  const last = Math.max(...entryCols);
  return {
    ops,
    needRows: d0 + writeRows,
    blocks,
    entryColumn: entryCols.length === 0 ? width : first,
    entryColumns: entryCols.length === 0 ? 0 : last - first + 1,
    strays: { row: strayRow, numRows: strays.length },
    migrated,
    moved,
    changed,
  };
}
