/**
 * Rebuilds a score matrix (Tự chấm, Thẩm định) for the current units and criteria while keeping
 * every entered score: each value moves with its (unit code, column header). A value that has no
 * place any more (its unit or criterion is gone, or it sat outside the table) becomes an orphan,
 * to be kept in the "Điểm không còn khớp" sheet and reported; it is never dropped.
 */
import type { MatrixLayout } from '../layout/matrix';
import { NUMBER_FORMATS } from '../layout/columns';
import { cellAt, columnCount, labelKey } from '../readers/cells';
import { cellA1, columnLetter } from '../a1';
import { nameKey } from '../text/normalize';
import { cellText, locateMatrix, sameProgramCell } from './matrixLocate';
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
  /** Cells pasted over the header rows, kept aside as orphans before the headers are restored. */
  readonly headerCellsKept: number;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if ((a === '' || a === null || a === undefined) && (b === '' || b === null || b === undefined))
    return true;
  return a === b;
}

const OUTSIDE = 'Ô nằm ngoài bảng điểm';
const OVER_HEADER =
  'Ô ở dòng tiêu đề bị ghi đè (dán nhầm lên tiêu đề); tiêu đề đã được ghi lại theo trang Tiêu chí';
const OVER_MAX =
  'Ô ở dòng Điểm tối đa khác điểm tối đa của tiêu chí (có thể bị dán đè); dòng đã được ghi lại theo trang Tiêu chí';

export function rebuildMatrix(
  sheet: string,
  oldValues: readonly (readonly unknown[])[],
  oldFormulas: readonly (readonly string[])[] | undefined,
  layout: MatrixLayout,
  oldFormats?: FormatGrid,
  /** The other matrix's maxima (matrixMaxima): tells a stale maximum from a pasted score. */
  peerMaxima: ReadonlyMap<number, unknown> = new Map(),
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

  const orphans: OrphanScore[] = [];
  const oldCodes: string[] = [];
  const oldHeaders: string[] = [];
  let moved = 0;
  let headerCellsKept = 0;
  const formulaAt = (r: number, c: number): string => oldFormulas?.[r]?.[c] ?? '';
  // Anything a user typed counts, a lone space included: it is carried over verbatim, never lost.
  const filled = (r: number, c: number): boolean => {
    const v = cellAt(oldValues, r, c);
    return (v !== '' && v !== null && v !== undefined) || formulaAt(r, c) !== '';
  };

  const at = locateMatrix(oldValues, layout);
  const oldWidth = columnCount(oldValues);
  const oldHeaderText = (c: number): string =>
    at.headerRow < 0 ? '' : cellText(cellAt(oldValues, at.headerRow, c));
  /** The column's name in an orphan row: its criterion when it has a place, else its header. */
  const columnName = (c: number): string => {
    const index = c === at.codeColumn ? 0 : c === at.nameColumn ? 1 : at.columnIndex.get(c);
    if (index !== undefined) return layout.columns[index]?.header ?? '';
    const state = at.headerState.get(c);
    return (
      (state === 'unknown' || state === 'duplicate' ? oldHeaderText(c) : '') ||
      `Cột ${columnLetter(c + 1)}`
    );
  };
  const orphan = (r: number, c: number, code: string, name: string, reason: string): void => {
    orphans.push({
      sheet,
      unitCode: code,
      unitName: name,
      column: columnName(c),
      value: cellAt(oldValues, r, c),
      formula: formulaAt(r, c),
      format: formatAt(r, c) ?? '',
      cell: cellA1(r + 1, c + 1),
      reason,
    });
  };
  /** The unit a damaged header row names in its code cell (a pasted unit row), if any. */
  const unitOfRow = (r: number): { code: string; name: string } => {
    const code = cellText(cellAt(oldValues, r, at.codeColumn));
    const row = rowByCode.get(nameKey(code));
    const unit = row === undefined ? undefined : layout.unitRows[row - layout.firstDataRow + 1];
    return unit === undefined ? { code: '', name: '' } : { code: unit.code, name: unit.name };
  };
  /** Keeps aside what a paste left in a program row (headers or maxima) unless it is the program's. */
  const programRow = (r: number, expected: readonly unknown[], reason: string): void => {
    const unit = unitOfRow(r);
    const isHeader = r === at.headerRow;
    for (let c = 0; c < oldWidth; c++) {
      if (!filled(r, c)) continue;
      const index = c === at.codeColumn ? 0 : c === at.nameColumn ? 1 : at.columnIndex.get(c);
      const v = cellAt(oldValues, r, c);
      if (index !== undefined) {
        // A header is text: a pasted number equal to a criterion code is still a pasted value.
        const same = isHeader
          ? at.headerState.get(c) === 'intact' ||
            (typeof v === 'string' && sameProgramCell(v, expected[index]))
          : sameProgramCell(v, expected[index]) ||
            (index >= 2 &&
              at.headerState.get(c) === 'intact' &&
              peerMaxima.has(index) &&
              sameProgramCell(v, peerMaxima.get(index)));
        if (formulaAt(r, c) === '' && same) continue;
      } else {
        // A column the layout no longer has keeps its old header and maximum quietly (its
        // scores are kept aside below); only what was pasted over them is kept here.
        const state = at.headerState.get(c);
        if (state === 'unknown' || state === 'duplicate') continue;
      }
      headerCellsKept++;
      orphan(r, c, unit.code, unit.name, reason);
    }
  };

  if (!at.found) {
    // No matrix there: anything on the sheet is kept as an orphan rather than overwritten.
    for (let r = 0; r < oldValues.length; r++) {
      for (let c = 0; c < oldWidth; c++) {
        if (filled(r, c)) orphan(r, c, '', '', OUTSIDE);
      }
    }
  } else {
    const { headerRow: h0, maxRow, codeColumn: codeC, nameColumn: nameC } = at;
    for (let c = 0; c < oldWidth; c++) {
      if (c === codeC || c === nameC) continue;
      const index = at.columnIndex.get(c);
      const header = index === undefined ? oldHeaderText(c) : (layout.columns[index]?.header ?? '');
      if (index !== undefined || at.headerState.get(c) === 'unknown') oldHeaders.push(header);
    }
    if (h0 >= 0) programRow(h0, layout.headerRows[0] ?? [], OVER_HEADER);
    if (maxRow >= 0) programRow(maxRow, layout.headerRows[1] ?? [], OVER_MAX);
    const placed = new Set<string>();
    for (let r = 0; r < oldValues.length; r++) {
      if (r === h0 || r === maxRow) continue;
      const code = cellText(cellAt(oldValues, r, codeC));
      const newRow = code === '' ? undefined : rowByCode.get(nameKey(code));
      if (r < h0 && newRow === undefined) {
        for (let c = 0; c < oldWidth; c++) if (filled(r, c)) orphan(r, c, '', '', OUTSIDE);
        continue;
      }
      const name = nameC >= 0 ? cellText(cellAt(oldValues, r, nameC)) : '';
      if (code !== '') oldCodes.push(code);
      for (let c = 0; c < oldWidth; c++) {
        if (c === codeC || c === nameC || !filled(r, c)) continue;
        const newCol = at.columnIndex.get(c);
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
          const state = at.headerState.get(c);
          const header = oldHeaderText(c);
          orphan(
            r,
            c,
            code,
            name,
            state === 'duplicate'
              ? `Cột "${header}" trùng tiêu đề với một cột trước nó`
              : state === 'unknown'
                ? `Cột "${header}" không còn ứng với tiêu chí nào trong trang Tiêu chí`
                : header === ''
                  ? 'Cột không có tiêu đề'
                  : 'Tiêu đề cột bị ghi đè và không xác định được cột thuộc tiêu chí nào',
          );
          continue;
        }
        const key = `${newRow}:${newCol}`;
        if (placed.has(key)) {
          orphan(r, c, code, name, `Đơn vị "${code}" có hơn một dòng trong bảng điểm`);
          continue;
        }
        placed.add(key);
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
  // Key sets, not list scans: a list scan per unit made set-up quadratic (5,000 units took
  // minutes of nameKey calls, past Apps Script's 6-minute limit).
  const missing = (
    list: readonly string[],
    from: readonly string[],
    key: (s: string) => string,
  ): string[] => {
    const keys = new Set(from.map(key));
    return list.filter((v) => !keys.has(key(v)));
  };
  const byCode = (s: string): string => nameKey(s);
  return {
    grid,
    formulas,
    formats,
    writeRows,
    writeColumns,
    changed,
    orphans,
    unitsAdded: !at.found ? [] : missing(newCodes, oldCodes, byCode),
    unitsRemoved: missing(oldCodes, newCodes, byCode),
    columnsAdded: !at.found ? [] : missing(newHeaders, oldHeaders, labelKey),
    columnsRemoved: missing(oldHeaders, newHeaders, labelKey),
    moved,
    headerCellsKept,
  };
}

/** Number formats of the rebuilt matrix: text headers, maxima as scores, each column's format. */
export function matrixFormats(layout: MatrixLayout): string[][] {
  const header = layout.columns.map(() => NUMBER_FORMATS.text);
  const max = layout.columns.map((c, i) => (i < 2 ? NUMBER_FORMATS.text : NUMBER_FORMATS.score));
  const rows = layout.unitRows.map(() => layout.columns.map((c) => c.numberFormat));
  return [header, max, ...rows];
}
