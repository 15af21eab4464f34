/**
 * A1 notation helpers. Rows and columns are 1-based, as in SpreadsheetApp's getRange(row, column,
 * numRows, numColumns), so callers never translate between two conventions.
 */

/** A rectangle of cells: top-left corner (1-based) and size. */
export type A1Range = {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
};

function assertPositiveInteger(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${what} must be a positive integer, got ${String(value)}`);
  }
}

/** 1 → "A", 26 → "Z", 27 → "AA", 703 → "AAA" (bijective base 26: there is no zero digit). */
export function columnLetter(index1: number): string {
  assertPositiveInteger(index1, 'column index');
  let n = index1;
  let letters = '';
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = (n - 1 - remainder) / 26;
  }
  return letters;
}

/** "A" → 1, "aa" → 27. Throws RangeError on anything but ASCII letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) {
    throw new RangeError(`not a column name: "${letters}"`);
  }
  let index = 0;
  for (const ch of letters.toUpperCase()) {
    index = index * 26 + (ch.charCodeAt(0) - 64);
  }
  return index;
}

/** (5, 3) → "C5". */
export function cellA1(row1: number, col1: number): string {
  assertPositiveInteger(row1, 'row');
  return columnLetter(col1) + String(row1);
}

/** (1, 1, 1, 8) → "A1:H1"; a single cell is written without a colon ("C5"). */
export function rangeA1(row1: number, col1: number, numRows: number, numCols: number): string {
  assertPositiveInteger(numRows, 'number of rows');
  assertPositiveInteger(numCols, 'number of columns');
  const start = cellA1(row1, col1);
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${cellA1(row1 + numRows - 1, col1 + numCols - 1)}`;
}

const CELL_PATTERN = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/;

function parseCell(text: string): { row: number; column: number } | null {
  const match = CELL_PATTERN.exec(text);
  if (!match || match[1] === undefined || match[2] === undefined) return null;
  return { row: Number(match[2]), column: columnIndex(match[1]) };
}

/**
 * Parses "C5", "$C$5", "A1:H1", "H1:A1" (corners in any order) and an optional sheet prefix
 * ("'Tự chấm'!C5"). Returns null instead of throwing, for input that came from users.
 * Whole columns or rows ("C:C", "5:5") are not supported: their size depends on the sheet.
 */
export function tryParseA1(a1: string): A1Range | null {
  let text = a1.trim();
  const bang = text.lastIndexOf('!');
  if (bang >= 0) text = text.slice(bang + 1);
  const parts = text.split(':');
  if (parts.length > 2) return null;
  const first = parseCell(parts[0] ?? '');
  const second = parts.length === 2 ? parseCell(parts[1] ?? '') : first;
  if (!first || !second) return null;
  const top = Math.min(first.row, second.row);
  const left = Math.min(first.column, second.column);
  return {
    row: top,
    column: left,
    numRows: Math.max(first.row, second.row) - top + 1,
    numColumns: Math.max(first.column, second.column) - left + 1,
  };
}

/** Like tryParseA1 but throws RangeError: for A1 strings written by the program itself. */
export function parseA1(a1: string): A1Range {
  const range = tryParseA1(a1);
  if (!range) throw new RangeError(`not an A1 cell or range: "${a1}"`);
  return range;
}

/**
 * Quotes a sheet name for use in A1 references and formulas: "'Tự chấm'", "'Q1 2023'",
 * "'Don''t'" (inner quotes doubled, as Sheets does). Plain ASCII identifiers that cannot be
 * mistaken for a cell ("Units") stay bare; "A1" and "R1C1" look like cells and get quoted.
 */
export function quoteSheetName(name: string): string {
  const looksLikeCell = /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^R[0-9]*C[0-9]*$/i.test(name);
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !looksLikeCell) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** ("Tự chấm", "C5") → "'Tự chấm'!C5". */
export function sheetRangeA1(sheetName: string, a1: string): string {
  return `${quoteSheetName(sheetName)}!${a1}`;
}
