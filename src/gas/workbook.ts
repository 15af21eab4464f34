/**
 * Batched sheet I/O: each sheet is read with one getValues of its data range and each block is
 * written with one setValues (Google's best-practices page: read and write whole ranges).
 */
import type { WorkbookGrids } from '../core/validation/workbook';
import type { SheetName } from '../core/layout/sheets';
import { toSheetLiterals } from '../core/sheetLiteral';
import { readsTypedPercents, withTypedPercents } from '../core/readers/typedPercent';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export function activeWorkbook(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/**
 * The whole used area of a sheet, as getValues returns it ([] for an empty sheet). Given the
 * sheet's name, on score sheets and Cấu hình a number shown as a percentage comes back as the
 * "90%" the user typed (one more read, of the number formats): see core/readers/typedPercent.
 * Callers that read no score or percentage (a flag, a template id) leave the name out.
 */
export function readGrid(sheet: Sheet, typedPercentsOf?: SheetName): unknown[][] {
  // getDataRange of an empty sheet is A1, so this is [['']] there: readers skip blank rows.
  const range = sheet.getDataRange();
  return typedPercentsOf === undefined
    ? range.getValues()
    : readRangeValues(range, typedPercentsOf);
}

/** getValues of a range, with typed percentages given back on the sheets that need them. */
export function readRangeValues(range: Range, sheetName: string): unknown[][] {
  const values = range.getValues();
  return readsTypedPercents(sheetName)
    ? withTypedPercents(values, range.getNumberFormats())
    : values;
}

/** One read per named sheet that exists; missing sheets are simply absent from the result. */
export function readGrids(workbook: Spreadsheet, names: readonly SheetName[]): WorkbookGrids {
  const grids: WorkbookGrids = {};
  for (const name of names) {
    const sheet = workbook.getSheetByName(name);
    if (sheet) grids[name] = readGrid(sheet, name);
  }
  return grids;
}

/** Pads ragged rows with '' so setValues gets the rectangle it requires. */
export function rectangular(rows: readonly (readonly unknown[])[]): unknown[][] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return rows.map((row) => {
    const copy = [...row];
    while (copy.length < width) copy.push('');
    return copy;
  });
}

/**
 * Writes a block of values whose top-left cell is (row, column), in one call. Strings are
 * written as literals so text typed by a user never becomes a formula.
 */
export function writeBlock(
  sheet: Sheet,
  row: number,
  column: number,
  rows: readonly (readonly unknown[])[],
): void {
  if (rows.length === 0) return;
  const block = toSheetLiterals(rectangular(rows));
  const width = block[0]?.length ?? 0;
  if (width === 0) return;
  sheet.getRange(row, column, block.length, width).setValues(block);
}

/** The sheet, created if missing, with at least the rows and columns a block needs. */
export function sheetWithRoom(
  workbook: Spreadsheet,
  name: string,
  rows: number,
  columns: number,
): Sheet {
  const sheet = workbook.getSheetByName(name) ?? workbook.insertSheet(name);
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  return sheet;
}
