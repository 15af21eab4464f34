/**
 * Which number format set-up gives a data cell. The layout's format goes only to EMPTY cells: a
 * cell that already holds a value keeps the format it has, because a new format changes what the
 * value is or shows (a date under plain text shows its serial number, a number under plain text
 * stops being summed, a code under a number format loses its leading zeros). Set-up reads each
 * area's formats with its values, decides here, and writes one grid of formats per area.
 */
import type { SheetOp } from './types';

type Grid = readonly (readonly unknown[])[];
export type FormatGrid = readonly (readonly string[])[];

/** Something is in the cell: any value but '' (or missing), or a formula. */
export function holdsValue(value: unknown, formula = ''): boolean {
  return formula !== '' || (value !== '' && value !== null && value !== undefined);
}

/**
 * The format a cell gets: the layout's when it is empty; its current one when it holds a value.
 * When the current format is unknown (the state was read without formats), the layout's.
 */
export function cellFormat(
  value: unknown,
  formula: string,
  current: string | undefined,
  layout: string,
): string {
  return holdsValue(value, formula) && current !== undefined && current !== '' ? current : layout;
}

/** What the planner knows of one area of a sheet, as read before set-up (0-based grids). */
export interface AreaState {
  readonly values: Grid;
  readonly formulas?: readonly (readonly string[])[] | undefined;
  readonly formats?: FormatGrid | undefined;
}

/**
 * Formats for rows row..row+numRows-1 and columns column..column+numColumns-1 (1-based). `layoutOf`
 * gives a column's layout format, or undefined for a column set-up does not own (a user's own
 * column), whose cells keep their current format (the layout's fallback is then 'General').
 */
export function areaFormats(
  state: AreaState,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
  layoutOf: (column: number, row: number) => string | undefined,
): string[][] {
  const out: string[][] = [];
  for (let r = row; r < row + numRows; r++) {
    const line: string[] = [];
    for (let c = column; c < column + numColumns; c++) {
      const value = state.values[r - 1]?.[c - 1];
      const formula = state.formulas?.[r - 1]?.[c - 1] ?? '';
      const current = state.formats?.[r - 1]?.[c - 1];
      const layout = layoutOf(c, r);
      line.push(
        layout === undefined ? (current ?? 'General') : cellFormat(value, formula, current, layout),
      );
    }
    out.push(line);
  }
  return out;
}

/**
 * The format operations of a table's data area (rows from `dataRow` to the end of the sheet):
 * one grid over the rows read (dataRow..values.length), where filled cells keep their format,
 * then the layout's formats from the first row past the data to the end of the sheet, one range
 * per run of adjacent columns with the same format. The calls depend on the columns, not the rows.
 */
export function tableFormatOps(
  state: AreaState,
  dataRow: number,
  width: number,
  layoutOf: (column: number) => string | undefined,
): SheetOp[] {
  const ops: SheetOp[] = [];
  const lastRead = state.values.length;
  if (lastRead >= dataRow && width > 0) {
    ops.push({
      op: 'formatGrid',
      row: dataRow,
      column: 1,
      formats: areaFormats(state, dataRow, 1, lastRead - dataRow + 1, width, layoutOf),
    });
  }
  const below = Math.max(dataRow, lastRead + 1);
  let c = 1;
  while (c <= width) {
    const format = layoutOf(c);
    if (format === undefined) {
      c++;
      continue;
    }
    let end = c;
    while (end + 1 <= width && layoutOf(end + 1) === format) end++;
    ops.push({
      op: 'format',
      range: { row: below, column: c, numRows: 'toEnd', numColumns: end - c + 1 },
      format,
    });
    c = end + 1;
  }
  return ops;
}
