/**
 * Rebuilds a score matrix (Tự chấm, Thẩm định) for the current units and criteria while keeping
 * every entered score: each value moves with its (unit code, column header). A value that has no
 * place any more (its unit or criterion is gone, or it sat outside the table) becomes an orphan,
 * to be kept in the "Điểm không còn khớp" sheet and reported; it is never dropped.
 */
import type { MatrixLayout } from '../layout/matrix';
import { MATRIX_UNIT_CODE_HEADER, MATRIX_UNIT_NAME_HEADER } from '../layout/matrix';
import { MAX_POINTS_ROW_LABEL } from '../layout/labels';
import { NUMBER_FORMATS } from '../layout/columns';
import { cellAt, columnCount, isBlank, labelKey, rowAt } from '../readers/cells';
import { HEADER_SCAN_ROWS } from '../readers/headers';
import { cellA1, columnLetter } from '../a1';
import { valueToText } from '../parse/text';
import { nameKey } from '../text/normalize';
import { cellFormat, type FormatGrid } from './formatPlan';

export interface OrphanScore {
  readonly sheet: string;
  readonly unitCode: string;
  readonly unitName: string;
  /** The column's header where the value was, or "Cột F" when it had none. */
  readonly column: string;
  readonly value: unknown;
  readonly formula: string;
  /** The cell's number format where the value was ('' when not read), kept with the value. */
  readonly format: string;
  /** A1 cell where the value was. */
  readonly cell: string;
  readonly reason: string;
}

export interface MatrixRebuild {
  /** The matrix as it must be: header rows then one row per unit (values, formulas kept). */
  readonly grid: unknown[][];
  /** Formulas at the same positions ('' for plain values). */
  readonly formulas: string[][];
  /**
   * Number formats at the same positions: the layout's for the program's cells (headers, maxima,
   * unit columns) and empty score cells; a kept score carries the format it had, so "9,5" typed
   * as text stays text and a number stays a number wherever it moves.
   */
  readonly formats: string[][];
  /** Rows × columns to write so that old cells outside the new matrix are cleared. */
  readonly writeRows: number;
  readonly writeColumns: number;
  /** False when what is on the sheet already equals the rebuilt matrix. */
  readonly changed: boolean;
  readonly orphans: OrphanScore[];
  readonly unitsAdded: string[];
  readonly unitsRemoved: string[];
  readonly columnsAdded: string[];
  readonly columnsRemoved: string[];
  /** How many entered values now sit in a different cell than before. */
  readonly moved: number;
}

const CODE_KEYS = [MATRIX_UNIT_CODE_HEADER, 'Mã'].map(labelKey);
const NAME_KEYS = [MATRIX_UNIT_NAME_HEADER, 'Tên đơn vị'].map(labelKey);
const MAX_KEY = labelKey(MAX_POINTS_ROW_LABEL);

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if ((a === '' || a === null || a === undefined) && (b === '' || b === null || b === undefined))
    return true;
  return a === b;
}

function text(value: unknown): string {
  return isBlank(value) ? '' : valueToText(value).trim();
}

/** The old matrix's header row and unit columns, found by their headers. */
function locate(grid: readonly unknown[]): { h0: number; codeC: number; nameC: number } | null {
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, grid.length); r++) {
    const row = rowAt(grid, r);
    const codeC = row.findIndex((v) => CODE_KEYS.includes(labelKey(v)));
    if (codeC >= 0) {
      const nameC = row.findIndex((v, c) => c !== codeC && NAME_KEYS.includes(labelKey(v)));
      return { h0: r, codeC, nameC };
    }
  }
  return null;
}

export function rebuildMatrix(
  sheet: string,
  oldValues: readonly (readonly unknown[])[],
  oldFormulas: readonly (readonly string[])[] | undefined,
  layout: MatrixLayout,
  oldFormats?: FormatGrid,
): MatrixRebuild {
  const width = layout.columns.length;
  const grid: unknown[][] = [
    ...layout.headerRows.map((r) => [...r]),
    ...layout.unitRows.map((u) => [u.code, u.name, ...new Array<unknown>(width - 2).fill('')]),
  ];
  const formulas: string[][] = grid.map((r) => r.map(() => ''));
  const formats = matrixFormats(layout);
  const formatAt = (r: number, c: number): string | undefined => oldFormats?.[r]?.[c];
  const rowByCode = new Map(layout.unitRows.map((u) => [nameKey(u.code), u.row - 1]));
  const colByHeader = new Map<string, number>();
  layout.columns.forEach((c, i) => {
    if (i >= 2) colByHeader.set(labelKey(c.header), i);
  });

  const orphans: OrphanScore[] = [];
  const oldCodes: string[] = [];
  const oldHeaders: string[] = [];
  let moved = 0;
  const formulaAt = (r: number, c: number): string => oldFormulas?.[r]?.[c] ?? '';
  const filled = (r: number, c: number): boolean =>
    !isBlank(cellAt(oldValues, r, c)) || formulaAt(r, c) !== '';

  const located = locate(oldValues);
  const oldWidth = columnCount(oldValues);
  const headerOf = (c: number): string =>
    located === null ? '' : text(cellAt(oldValues, located.h0, c));
  const orphan = (r: number, c: number, code: string, name: string, reason: string): void => {
    orphans.push({
      sheet,
      unitCode: code,
      unitName: name,
      column: headerOf(c) || `Cột ${columnLetter(c + 1)}`,
      value: cellAt(oldValues, r, c),
      formula: formulaAt(r, c),
      format: formatAt(r, c) ?? '',
      cell: cellA1(r + 1, c + 1),
      reason,
    });
  };

  if (located === null) {
    // No matrix there: anything on the sheet is kept as an orphan rather than overwritten.
    for (let r = 0; r < oldValues.length; r++) {
      for (let c = 0; c < oldWidth; c++) {
        if (filled(r, c)) orphan(r, c, '', '', 'Ô nằm ngoài bảng điểm');
      }
    }
  } else {
    const { h0, codeC, nameC } = located;
    for (let c = 0; c < oldWidth; c++) {
      if (c !== codeC && c !== nameC && headerOf(c) !== '') oldHeaders.push(headerOf(c));
    }
    for (let r = 0; r < h0; r++) {
      for (let c = 0; c < oldWidth; c++) {
        if (filled(r, c)) orphan(r, c, '', '', 'Ô nằm ngoài bảng điểm');
      }
    }
    const placed = new Set<string>();
    for (let r = h0 + 1; r < oldValues.length; r++) {
      const code = text(cellAt(oldValues, r, codeC));
      if (labelKey(code) === MAX_KEY) continue; // the program's max-points row
      const name = nameC >= 0 ? text(cellAt(oldValues, r, nameC)) : '';
      if (code !== '') oldCodes.push(code);
      const newRow = code === '' ? undefined : rowByCode.get(nameKey(code));
      for (let c = 0; c < oldWidth; c++) {
        if (c === codeC || c === nameC || !filled(r, c)) continue;
        const header = headerOf(c);
        const newCol = header === '' ? undefined : colByHeader.get(labelKey(header));
        if (newRow === undefined) {
          orphan(
            r,
            c,
            code,
            name,
            code === ''
              ? 'Dòng không có mã đơn vị'
              : `Đơn vị "${code}" không còn trong trang Đơn vị`,
          );
          continue;
        }
        if (newCol === undefined) {
          orphan(
            r,
            c,
            code,
            name,
            header === ''
              ? 'Cột không có tiêu đề'
              : `Cột "${header}" không còn ứng với tiêu chí nào trong trang Tiêu chí`,
          );
          continue;
        }
        const at = `${newRow}:${newCol}`;
        if (placed.has(at)) {
          orphan(r, c, code, name, `Đơn vị "${code}" có hơn một dòng trong bảng điểm`);
          continue;
        }
        placed.add(at);
        const target = grid[newRow] as unknown[];
        target[newCol] = cellAt(oldValues, r, c);
        (formulas[newRow] as string[])[newCol] = formulaAt(r, c);
        const formatRow = formats[newRow] as string[];
        formatRow[newCol] = cellFormat(
          cellAt(oldValues, r, c),
          formulaAt(r, c),
          formatAt(r, c),
          formatRow[newCol] ?? '',
        );
        if (newRow !== r || newCol !== c) moved++;
      }
    }
  }

  const writeRows = Math.max(grid.length, oldValues.length);
  const writeColumns = Math.max(width, oldWidth);
  let changed = false;
  for (let r = 0; r < writeRows && !changed; r++) {
    for (let c = 0; c < writeColumns; c++) {
      const want = grid[r]?.[c] ?? '';
      const wantF = formulas[r]?.[c] ?? '';
      if (
        wantF !== formulaAt(r, c) ||
        (wantF === '' && !sameValue(want, cellAt(oldValues, r, c)))
      ) {
        changed = true;
        break;
      }
    }
  }

  const newCodes = layout.unitRows.map((u) => u.code);
  const newHeaders = layout.columns.slice(2).map((c) => c.header);
  const hasKey = (list: readonly string[], v: string, key: (s: string) => string): boolean =>
    list.some((x) => key(x) === key(v));
  const byCode = (s: string): string => nameKey(s);
  return {
    grid,
    formulas,
    formats,
    writeRows,
    writeColumns,
    changed,
    orphans,
    unitsAdded: located === null ? [] : newCodes.filter((c) => !hasKey(oldCodes, c, byCode)),
    unitsRemoved: oldCodes.filter((c) => !hasKey(newCodes, c, byCode)),
    columnsAdded:
      located === null ? [] : newHeaders.filter((h) => !hasKey(oldHeaders, h, labelKey)),
    columnsRemoved: oldHeaders.filter((h) => !hasKey(newHeaders, h, labelKey)),
    moved,
  };
}

/** Number formats of the rebuilt matrix: text headers, maxima as scores, each column's format. */
export function matrixFormats(layout: MatrixLayout): string[][] {
  const header = layout.columns.map(() => NUMBER_FORMATS.text);
  const max = layout.columns.map((c, i) => (i < 2 ? NUMBER_FORMATS.text : NUMBER_FORMATS.score));
  const rows = layout.unitRows.map(() => layout.columns.map((c) => c.numberFormat));
  return [header, max, ...rows];
}
