/**
 * Finds an old score matrix on its sheet when its header rows may be damaged (a block pasted over
 * them, a header cell cleared, rows or columns inserted, deleted or sorted): which row holds the
 * criterion headers, which row the maxima, which column the unit codes and names, and which
 * criterion each old column belongs to.
 *
 * Why not the header row alone: a paste over the header row used to leave no header to match, so
 * every score, even in rows the paste never touched, lost its column and became an orphan. Each
 * piece of the matrix is therefore found by whatever survives, strongest evidence first:
 * - the header row by the criterion codes and unit-column labels still written in it (text only:
 *   a pasted number is never taken for a criterion code), else the row above "Điểm tối đa", else
 *   set-up's own position (row 1);
 * - the unit-code column by its label, else by the unit codes of Đơn vị found in it;
 * - each column by its header; a column whose header was overwritten or cleared by the
 *   expected layout (Tiêu chí's order) between the surviving headers on either side, and only
 *   when both sides agree (a column inserted or deleted in between makes them disagree, and then
 *   the column's values are kept aside rather than guessed).
 */
import type { MatrixLayout } from '../layout/matrix';
import { MATRIX_UNIT_CODE_HEADER, MATRIX_UNIT_NAME_HEADER } from '../layout/matrix';
import { MAX_POINTS_ROW_LABEL } from '../layout/labels';
import { cellAt, columnCount, isBlank, labelKey } from '../readers/cells';
import { HEADER_SCAN_ROWS } from '../readers/headers';
import { parseNumber } from '../parse/number';
import { parsePassFail } from '../parse/passFail';
import { valueToText } from '../parse/text';
import { nameKey } from '../text/normalize';

export type Grid = readonly (readonly unknown[])[];

/** How an old column's header cell was read. */
export type HeaderState =
  /** The header names a column of the layout. */
  | 'intact'
  /**
   * Overwritten (a number, a date, a pass/fail mark, a unit's code or name) or cleared: the
   * layout says which column it was.
   */
  | 'damaged'
  /** A header the layout no longer has (a removed criterion, a column the user added). */
  | 'unknown'
  /** A second column with the same header: the first one keeps the place. */
  | 'duplicate';

export interface MatrixPlacement {
  /** False when nothing on the sheet looks like a matrix (no header, no unit code, no maxima). */
  readonly found: boolean;
  /** 0-based row of the criterion headers; -1 when that row is gone (deleted). */
  readonly headerRow: number;
  /** 0-based row of the maxima; -1 when there is none. */
  readonly maxRow: number;
  readonly codeColumn: number;
  /** -1 when no column holds the units' names. */
  readonly nameColumn: number;
  /** Old 0-based column → 0-based column of the layout, for every column that has a place. */
  readonly columnIndex: ReadonlyMap<number, number>;
  /** State of each old column's header (unit columns left out). */
  readonly headerState: ReadonlyMap<number, HeaderState>;
}

const CODE_KEYS = [MATRIX_UNIT_CODE_HEADER, 'Mã'].map(labelKey);
const NAME_KEYS = [MATRIX_UNIT_NAME_HEADER, 'Tên đơn vị'].map(labelKey);
export const MAX_KEY = labelKey(MAX_POINTS_ROW_LABEL);

export function cellText(value: unknown): string {
  return isBlank(value) ? '' : valueToText(value).trim();
}

/** Same content as a cell the program writes: numbers by value, text by label. */
export function sameProgramCell(a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  const na = parseNumber(a);
  const nb = parseNumber(b);
  if (na.kind === 'ok' && nb.kind === 'ok') return na.value === nb.value;
  return labelKey(a) === labelKey(b);
}

export function locateMatrix(grid: Grid, layout: MatrixLayout): MatrixPlacement {
  const width = columnCount(grid);
  // Damaged sheets are searched cell by cell: each distinct text is folded once (nameKey costs
  // about 10 µs, and 5,000 units × 20 columns are 100,000 cells).
  const folded = new Map<string, string>();
  const key = (s: string): string => {
    let k = folded.get(s);
    if (k === undefined) {
      k = nameKey(s);
      folded.set(s, k);
    }
    return k;
  };
  const codeKeys = new Map(layout.unitRows.map((u) => [nameKey(u.code), u]));
  const isUnitCode = (v: unknown): boolean => {
    const t = cellText(v);
    return t !== '' && codeKeys.has(key(t));
  };
  const headerIndex = new Map<string, number>();
  layout.columns.forEach((c, i) => {
    if (i >= 2) headerIndex.set(labelKey(c.header), i);
  });
  /** A header as set-up writes it: text. A number in the header row is a pasted value. */
  const textLabel = (v: unknown): string => (typeof v === 'string' ? labelKey(v) : '');

  // 1. The header row: most surviving labels among the first rows, else anywhere (a table sorted
  // with its header rows inside the sort range).
  let headerRow = -2; // -2: not found yet
  const scan = (from: number, to: number): void => {
    let best = 0;
    for (let r = from; r < to; r++) {
      let n = 0;
      for (let c = 0; c < width; c++) {
        const label = textLabel(cellAt(grid, r, c));
        if (
          label !== '' &&
          (headerIndex.has(label) || CODE_KEYS.includes(label) || NAME_KEYS.includes(label))
        )
          n++;
      }
      if (n > best) {
        best = n;
        headerRow = r;
      }
    }
  };
  scan(0, Math.min(HEADER_SCAN_ROWS, grid.length));
  if (headerRow === -2) scan(HEADER_SCAN_ROWS, grid.length);
  let maxRow = -1;
  let maxLabelColumn = -1;
  for (let r = 0; r < grid.length && maxRow < 0; r++) {
    for (let c = 0; c < width; c++) {
      const v = cellAt(grid, r, c);
      if (r !== headerRow && typeof v === 'string' && labelKey(v) === MAX_KEY) {
        maxRow = r;
        maxLabelColumn = c;
        break;
      }
    }
  }
  if (headerRow === -2 && maxRow >= 0 && maxRow < HEADER_SCAN_ROWS) headerRow = maxRow - 1;

  // 2. The unit-code column: its label, else where Đơn vị's codes are, else the maxima's label.
  let codeColumn = -1;
  if (headerRow >= 0) {
    for (let c = 0; c < width && codeColumn < 0; c++) {
      if (CODE_KEYS.includes(textLabel(cellAt(grid, headerRow, c)))) codeColumn = c;
    }
  }
  if (codeColumn < 0) {
    let most = 0;
    for (let c = 0; c < width; c++) {
      let n = 0;
      for (let r = 0; r < grid.length; r++) if (isUnitCode(cellAt(grid, r, c))) n++;
      if (n > most) {
        most = n;
        codeColumn = c;
      }
    }
  }
  if (codeColumn < 0) codeColumn = maxLabelColumn;
  if (codeColumn < 0 && headerRow === -2) {
    return {
      found: false,
      headerRow: -1,
      maxRow: -1,
      codeColumn: -1,
      nameColumn: -1,
      columnIndex: new Map(),
      headerState: new Map(),
    };
  }
  if (codeColumn < 0) codeColumn = layout.columns.findIndex((c) => c.role.kind === 'unitCode');

  // A unit's code in a header row is a pasted row when the unit's own row is further down.
  const unitRowHere = (r: number): boolean => {
    const code = cellText(cellAt(grid, r, codeColumn));
    if (!isUnitCode(code)) return false;
    for (let below = r + 1; below < grid.length; below++) {
      if (key(cellText(cellAt(grid, below, codeColumn))) === key(code)) return false;
    }
    return true;
  };
  // No label and no maxima survive: set-up's own position (row 1), unless row 1 is a unit's
  // only row (the header rows were deleted rather than overwritten).
  if (headerRow === -2) headerRow = unitRowHere(0) ? -1 : layout.headerRow - 1;
  if (maxRow < 0 && headerRow >= 0 && headerRow + 1 < grid.length && !unitRowHere(headerRow + 1))
    maxRow = headerRow + 1;

  // 3. The unit-name column: its label, else the column holding each row's unit name.
  let nameColumn = -1;
  if (headerRow >= 0) {
    for (let c = 0; c < width && nameColumn < 0; c++) {
      if (c !== codeColumn && NAME_KEYS.includes(textLabel(cellAt(grid, headerRow, c))))
        nameColumn = c;
    }
  }
  if (nameColumn < 0) {
    let most = 0;
    const nameOfRow = grid.map((_, r) => {
      const unit = codeKeys.get(key(cellText(cellAt(grid, r, codeColumn))));
      return unit === undefined ? undefined : key(unit.name);
    });
    for (let c = 0; c < width; c++) {
      if (c === codeColumn) continue;
      let n = 0;
      for (let r = 0; r < grid.length; r++) {
        const name = nameOfRow[r];
        const v = cellAt(grid, r, c);
        if (name !== undefined && typeof v === 'string' && key(v.trim()) === name) n++;
      }
      if (n > most) {
        most = n;
        nameColumn = c;
      }
    }
  }

  // 4. Columns: surviving headers are anchors; overwritten ones take the layout's order.
  const unitNames = new Set(layout.unitRows.map((u) => key(u.name)));
  const looksOverwritten = (v: unknown): boolean => {
    if (isBlank(v)) return true;
    if (typeof v !== 'string') return true;
    const t = cellText(v);
    // Text that reads as a number stays a header: criterion codes are often "1", "2"…
    return parsePassFail(t).kind === 'ok' || codeKeys.has(key(t)) || unitNames.has(key(t));
  };
  const maxAt = (c: number): unknown => (maxRow >= 0 ? cellAt(grid, maxRow, c) : '');
  // The maxima row says which criterion a column is: its maximum (blank over the second column
  // of a target pair). Without that row it confirms nothing.
  const maxConfirms = (c: number, index: number): boolean =>
    maxRow >= 0 && sameProgramCell(maxAt(c), layout.headerRows[1]?.[index]);

  const columnIndex = new Map<number, number>();
  const headerState = new Map<number, HeaderState>();
  const claimed = new Set<number>();
  const anchors: { column: number; index: number }[] = [{ column: codeColumn, index: 0 }];
  if (nameColumn >= 0) anchors.push({ column: nameColumn, index: 1 });
  const header = (c: number): unknown => (headerRow >= 0 ? cellAt(grid, headerRow, c) : '');
  for (let c = 0; c < width; c++) {
    if (c === codeColumn || c === nameColumn) continue;
    const v = header(c);
    const index = isBlank(v) ? undefined : headerIndex.get(labelKey(v));
    // A number matching a code counts only when the maxima row agrees: a pasted 5 over the
    // header of criterion "2" is not criterion "5".
    const intact = index !== undefined && (typeof v === 'string' || maxConfirms(c, index));
    if (intact) {
      if (claimed.has(index)) {
        headerState.set(c, 'duplicate');
        continue;
      }
      claimed.add(index);
      columnIndex.set(c, index);
      anchors.push({ column: c, index });
      headerState.set(c, 'intact');
    } else {
      headerState.set(c, looksOverwritten(v) ? 'damaged' : 'unknown');
    }
  }
  anchors.sort((a, b) => a.column - b.column);
  const nLayout = layout.columns.length;
  for (const [c, state] of headerState) {
    if (state !== 'damaged') continue;
    let left: { column: number; index: number } | undefined;
    let right: { column: number; index: number } | undefined;
    for (const a of anchors) {
      if (a.column < c) left = a;
      else if (a.column > c && right === undefined) right = a;
    }
    const fromLeft = left === undefined ? undefined : left.index + (c - left.column);
    const fromRight = right === undefined ? undefined : right.index - (right.column - c);
    let index: number | undefined;
    if (fromLeft !== undefined && fromRight !== undefined) {
      index = fromLeft === fromRight ? fromLeft : undefined;
    } else {
      index = fromLeft ?? fromRight;
      // A cleared header with a surviving neighbour on one side only: trust it when the
      // maxima row still says which criterion the column is. With neither row left, the layout's
      // order from the unit columns is all there is.
      const evidence = headerRow >= 0 || maxRow >= 0;
      if (index !== undefined && isBlank(header(c)) && evidence && !maxConfirms(c, index))
        index = undefined;
    }
    if (index === undefined || index < 2 || index >= nLayout || claimed.has(index)) continue;
    claimed.add(index);
    columnIndex.set(c, index);
  }
  return { found: true, headerRow, maxRow, codeColumn, nameColumn, columnIndex, headerState };
}

/**
 * The maxima a matrix's intact columns show, by layout column. Set-up writes the same maxima
 * row on Tự chấm and Thẩm định, so a value that one matrix shows under a criterion and the other
 * shows too is a maximum set-up wrote before Tiêu chí changed, not a score pasted over the row.
 */
export function matrixMaxima(grid: Grid, layout: MatrixLayout): Map<number, unknown> {
  const out = new Map<number, unknown>();
  const at = locateMatrix(grid, layout);
  if (!at.found || at.maxRow < 0) return out;
  for (const [c, index] of at.columnIndex) {
    const v = cellAt(grid, at.maxRow, c);
    if (at.headerState.get(c) === 'intact' && !isBlank(v)) out.set(index, v);
  }
  return out;
}
