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
import { parseAuditTriggerRecord } from '../../core/edit/audit';
import { emailKey } from '../../core/text/normalize';

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

/** Document property recording the workbook's one audit trigger: {"uid", "creator"}. */
export const AUDIT_TRIGGER_PROPERTY = 'thidua.auditTrigger';

export type AuditTriggerRecord = { readonly uid: string; readonly creator: string };

export function readAuditTriggerRecord(): AuditTriggerRecord | null {
  return parseAuditTriggerRecord(
    PropertiesService.getDocumentProperties().getProperty(AUDIT_TRIGGER_PROPERTY),
  );
}

export function recordAuditTrigger(record: AuditTriggerRecord): void {
  PropertiesService.getDocumentProperties().setProperty(
    AUDIT_TRIGGER_PROPERTY,
    JSON.stringify(record),
  );
}

export type AuditTriggerState =
  | { readonly kind: 'created' }
  | { readonly kind: 'exists' }
  /** Recorded as created by someone else: their trigger is not in this user's list, so unseen. */
  | { readonly kind: 'elsewhere'; readonly creator: string };

/**
 * One audit trigger per workbook, whoever turned it on. getProjectTriggers() lists only the
 * current user's triggers, so the record in document properties is what tells whether the log is
 * on: a head closing scoring after the owner turned the log on must not add a second trigger
 * (each would append every edit). Called under the document lock, so two clicks cannot both
 * create one. This user's own strays (not the recorded uid) are deleted.
 */
export function ensureAuditTrigger(workbook: Spreadsheet, me: string): AuditTriggerState {
  const id = workbook.getId();
  const mine = ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === AUDIT_HANDLER && t.getTriggerSourceId() === id,
  );
  const record = readAuditTriggerRecord();
  let state: AuditTriggerState;
  let keep: string;
  if (record !== null && mine.some((t) => t.getUniqueId() === record.uid)) {
    state = { kind: 'exists' };
    keep = record.uid;
  } else if (record !== null && emailKey(record.creator) !== emailKey(me)) {
    // Someone else's trigger: this user can neither see nor delete it; trust the record.
    state = { kind: 'elsewhere', creator: record.creator };
    keep = record.uid;
  } else if (record === null && mine[0] !== undefined) {
    // Made before triggers were recorded: adopt it.
    keep = mine[0].getUniqueId();
    recordAuditTrigger({ uid: keep, creator: me });
    state = { kind: 'exists' };
  } else {
    // No record, or this user's recorded trigger is gone (deleted in the editor).
    const trigger = ScriptApp.newTrigger(AUDIT_HANDLER).forSpreadsheet(workbook).onEdit().create();
    keep = trigger.getUniqueId();
    recordAuditTrigger({ uid: keep, creator: me });
    state = { kind: 'created' };
  }
  for (const t of mine) if (t.getUniqueId() !== keep) ScriptApp.deleteTrigger(t);
  return state;
}
