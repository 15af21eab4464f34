/**
 * Documented size limits of a Google Sheets file, enforced by the fakes so that a product that
 * could reach them fails here as it would in Google.
 *
 * "Files you can store in Google Drive" (https://support.google.com/drive/answer/37603):
 * spreadsheets have "up to 10 million cells or 18,278 columns (column ZZZ)"; a cell holds at
 * most 50,000 characters.
 */
import type { SpreadsheetModel, StoredWrite } from './model';

export const CELL_CHARACTER_LIMIT = 50000;
export const WORKBOOK_CELL_LIMIT = 10000000;
/** Column ZZZ. */
export const COLUMN_LIMIT = 18278;

/**
 * The first two are the errors Sheets and Apps Script are widely reported to give (the help page
 * states the limits, not the wording). ASSUMPTION: the wording of the column-limit error.
 */
export const LIMIT_MESSAGES = {
  cellText: `Your input contains more than the maximum of ${CELL_CHARACTER_LIMIT} characters in a single cell.`,
  workbookCells: `This action would increase the number of cells in the workbook above the limit of ${WORKBOOK_CELL_LIMIT} cells.`,
  columns: `This action would increase the number of columns in the sheet above the limit of ${COLUMN_LIMIT} columns.`,
} as const;

/** True when one write puts more text in a cell (as a value or a formula) than a cell holds. */
export function tooLongForCell(w: StoredWrite): boolean {
  return (
    (typeof w.v === 'string' && w.v.length > CELL_CHARACTER_LIMIT) ||
    (w.f !== undefined && w.f.length > CELL_CHARACTER_LIMIT)
  );
}

/** The cell-text error when any write of a grid is too long; null otherwise. */
export function cellTextFailure(writes: readonly (readonly StoredWrite[])[]): string | null {
  for (const line of writes)
    for (const w of line) if (tooLongForCell(w)) return LIMIT_MESSAGES.cellText;
  return null;
}

/** Cells of the grid of every sheet: Sheets counts the grid, empty cells included. */
export function workbookCells(model: SpreadsheetModel): number {
  let n = 0;
  for (const s of model.sheets) n += s.maxRows * s.maxCols;
  return n;
}

/** The error when adding `cells` grid cells (and reaching `columns` on a sheet) is refused. */
export function growthFailure(model: SpreadsheetModel, cells: number, columns = 0): string | null {
  if (columns > COLUMN_LIMIT) return LIMIT_MESSAGES.columns;
  if (cells > 0 && workbookCells(model) + cells > WORKBOOK_CELL_LIMIT) {
    return LIMIT_MESSAGES.workbookCells;
  }
  return null;
}
