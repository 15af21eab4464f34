/**
 * Nhật ký: appends audit rows and installs the installable edit trigger that writes them.
 * Each row is one Sheet.appendRow: Google appends it atomically after the last row with content,
 * so two triggers firing together never overwrite each other's row (a getLastRow + setValues
 * pair could), and no lock wait can make an audit row get lost.
 */
import { auditRow, type AuditEntry } from '../../core/edit/audit';
import { headerValues } from '../../core/layout/columns';
import { AUDIT_LAYOUT } from '../../core/layout/tables';
import { toSheetLiteralsIn } from '../../core/sheetLiteral';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The handler of the installable edit trigger (an entry point exported by src/main.ts). */
export const AUDIT_HANDLER = 'onEditAudit';

/** Nhật ký, created with its header row when set-up has not made it (or it was deleted). */
export function auditSheet(workbook: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = workbook.getSheetByName(AUDIT_LAYOUT.sheet);
  if (existing !== null) return existing;
  const sheet = workbook.insertSheet(AUDIT_LAYOUT.sheet);
  sheet.appendRow(headerValues(AUDIT_LAYOUT));
  // Formats before any row is appended: old and new values stay the text the user typed
  // ("9,5", "05/01") instead of being read as numbers or dates.
  const rows = sheet.getMaxRows() - AUDIT_LAYOUT.headerRow;
  if (rows > 0) {
    sheet
      .getRange(AUDIT_LAYOUT.firstDataRow, 1, rows, AUDIT_LAYOUT.columns.length)
      .setNumberFormats(
        Array.from({ length: rows }, () => AUDIT_LAYOUT.columns.map((c) => c.numberFormat)),
      );
  }
  sheet.setFrozenRows(AUDIT_LAYOUT.frozenRows);
  return sheet;
}

/** Rows formatted ahead whenever Nhật ký fills up (one more setNumberFormats a thousand rows). */
const AUDIT_ROWS_AHEAD = 1000;

/**
 * One row, one append. Old and new values go as typed: the value columns are plain text, where
 * Sheets parses nothing (no formula, no "9,5" turned into 9.5) and a literal prefix would stay in
 * the text; the other columns get the prefix when a value could read as a formula. When the rows
 * set-up formatted are used up, the next thousand are added and formatted first, so an appended
 * row never lands in an unformatted one.
 */
export function appendAudit(workbook: Spreadsheet, entry: AuditEntry): void {
  const sheet = auditSheet(workbook);
  const formats = AUDIT_LAYOUT.columns.map((c) => c.numberFormat);
  const maxRows = sheet.getMaxRows();
  if (sheet.getLastRow() >= maxRows) {
    sheet.insertRowsAfter(maxRows, AUDIT_ROWS_AHEAD);
    sheet
      .getRange(maxRows + 1, 1, AUDIT_ROWS_AHEAD, formats.length)
      .setNumberFormats(Array.from({ length: AUDIT_ROWS_AHEAD }, () => formats));
  }
  const [row] = toSheetLiteralsIn([auditRow(entry)], [formats]);
  if (row !== undefined) sheet.appendRow(row);
}

/** Creates the audit trigger unless this user already has one for this spreadsheet. */
export function ensureAuditTrigger(workbook: Spreadsheet): 'created' | 'exists' {
  const id = workbook.getId();
  const exists = ScriptApp.getProjectTriggers().some(
    (t) => t.getHandlerFunction() === AUDIT_HANDLER && t.getTriggerSourceId() === id,
  );
  if (exists) return 'exists';
  ScriptApp.newTrigger(AUDIT_HANDLER).forSpreadsheet(workbook).onEdit().create();
  return 'created';
}
