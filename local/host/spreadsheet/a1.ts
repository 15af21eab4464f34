/**
 * A1 notation as Apps Script reads and writes it.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
 * https://developers.google.com/sheets/api/guides/concepts#cell (A1 notation forms)
 */

/** A parsed A1 reference; row/column bounds are 1-based and inclusive, `undefined` means open. */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export function columnToLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Quotes a sheet name the way Sheets does when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { col?: number; row?: number } | null {
  const m = PART.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  const out: { col?: number; row?: number } = {};
  if (m[1]) out.col = lettersToColumn(m[1]);
  if (m[2]) {
    const row = Number(m[2]);
    if (row < 1) return null;
    out.row = row;
  }
  return out;
}

/** Parses "C5", "A1:H20", "A:A", "2:2", "A2:B", "'Tự chấm'!C5:J24"; null when malformed. */
export function parseA1(input: string): A1Ref | null {
  let text = input.trim();
  const ref: A1Ref = {};
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    let name = text.slice(0, bang);
    if (name.startsWith("'")) {
      if (!name.endsWith("'") || name.length < 2) return null;
      name = name.slice(1, -1).replace(/''/g, "'");
    }
    if (!name) return null;
    ref.sheetName = name;
    text = text.slice(bang + 1);
  }
  const pieces = text.split(':');
  if (pieces.length > 2 || !pieces[0]) return null;
  const a = parsePart(pieces[0]);
  if (!a) return null;
  if (pieces.length === 1) {
    if (a.col === undefined || a.row === undefined) return null;
    return { ...ref, startRow: a.row, startCol: a.col, endRow: a.row, endCol: a.col };
  }
  const b = parsePart(pieces[1] ?? '');
  if (!b) return null;
  const aRowOnly = a.col === undefined;
  const bRowOnly = b.col === undefined;
  // "1:2" rows only; "A:B", "A1:B2", half-open "A2:B" and "A:B5" otherwise.
  if (aRowOnly !== bRowOnly) return null;
  if (aRowOnly) {
    const lo = Math.min(a.row as number, b.row as number);
    const hi = Math.max(a.row as number, b.row as number);
    return { ...ref, startRow: lo, endRow: hi };
  }
  const c1 = Math.min(a.col as number, b.col as number);
  const c2 = Math.max(a.col as number, b.col as number);
  if (a.row !== undefined && b.row !== undefined) {
    return {
      ...ref,
      startRow: Math.min(a.row, b.row),
      endRow: Math.max(a.row, b.row),
      startCol: c1,
      endCol: c2,
    };
  }
  return {
    ...ref,
    startRow: a.row ?? (b.row === undefined ? undefined : 1),
    endRow: b.row,
    startCol: c1,
    endCol: c2,
  };
}

/** Renders a rectangle; whole columns/rows keep Sheets' short forms. */
export function formatA1(
  row: number,
  col: number,
  numRows: number,
  numCols: number,
  opts: { wholeColumns?: boolean; wholeRows?: boolean } = {},
): string {
  const endRow = row + numRows - 1;
  const endCol = col + numCols - 1;
  if (opts.wholeColumns) return `${columnToLetters(col)}:${columnToLetters(endCol)}`;
  if (opts.wholeRows) return `${row}:${endRow}`;
  const start = `${columnToLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnToLetters(endCol)}${endRow}`;
}
