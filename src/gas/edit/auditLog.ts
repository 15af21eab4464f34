/**
 * Nhật ký: appends audit rows and installs the installable edit trigger that writes them.
 * Each row is one Sheet.appendRow: Google appends it atomically after the last row with content,
 * so two triggers firing together never overwrite each other's row (a getLastRow + setValues
 * pair could), and no lock wait can make an audit row get lost.
 */
import { auditRow, type AuditEntry } from '../../core/edit/audit';
import { headerValues } from '../../core/layout/columns';
import { AUDIT_LAYOUT } from '../../core/layout/tables';
import { toSheetLiterals } from '../../core/sheetLiteral';

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

/** One row, one write; user text is written as literal text, never as a formula. */
export function appendAudit(workbook: Spreadsheet, entry: AuditEntry): void {
  const [row] = toSheetLiterals([auditRow(entry)]);
  if (row !== undefined) auditSheet(workbook).appendRow(row);
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
