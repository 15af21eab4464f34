/**
 * Edit triggers.
 *
 * onEdit is a simple trigger: 30 seconds, no service that needs authorisation, runs as the person
 * typing. It checks only the edited block with a fixed number of service calls whatever the sheet
 * size (the block, the sheet's header rows, the edited rows when a check needs another cell of the
 * row, and the small Cấu hình / Tiêu chí / Đơn vị sheets when the check needs them), marks bad
 * cells with one setNotes and one setBackgrounds over the block, and never changes a value.
 *
 * onEditAudit is the installable edit trigger ("Bật ghi nhật ký thay đổi"): it runs with the
 * authority of whoever created it, so it can append to Nhật ký even when the editor may not.
 */
import {
  auditEntryOfEdit,
  auditTriggerMessage,
  auditWhoText,
  unitOfEditedRows,
} from '../../core/edit/audit';
import {
  checkEdit,
  clearsSelfScore,
  editNeeds,
  editToast,
  isCheckedSheet,
  scoringState,
} from '../../core/edit/editCheck';
import { planMarks } from '../../core/edit/marks';
import { readUnits } from '../../core/readers/units';
import { SHEET_NAMES, isScoreSheet, type SheetName } from '../../core/layout/sheets';
import { LOCK_WAIT_MS, runLocked } from '../lock';
import { MENU } from '../menuDefinition';
import { TOAST_TITLE, alertUser } from '../notify';
import { flagRankingStale } from '../ranking/stale';
import { isRankingInput } from '../../core/ranking/rankingSheet';
import { settingRowAffectsRanking } from '../../core/ranking/rankWorkbook';
import { activeWorkbook, readGrid, readRangeValues } from '../workbook';
import {
  appendAudit,
  auditSheet,
  ensureAuditTrigger,
  readAuditTriggerRecord,
  recordAuditTrigger,
} from './auditLog';
import { requirePermission } from '../permissions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The edit event as Apps Script really sends it: oldValue and value only for single cells. */
type EditEvent = Omit<GoogleAppsScript.Events.SheetsOnEdit, 'oldValue' | 'value' | 'user'> & {
  readonly oldValue?: string;
  readonly value?: string;
  readonly user?: GoogleAppsScript.Base.User;
};

/** How long the toast about a bad cell stays, in seconds. */
const EDIT_TOAST_SECONDS = 10;

/** The menu caption of an entry point, for lock and alert titles. */
export function menuCaption(functionName: string): string {
  for (const item of MENU.items) {
    if (item !== 'separator' && item.functionName === functionName) return item.caption;
  }
  return MENU.title;
}

/** A sheet's grid; `typedPercents` when its percentages must read as typed (readGrid). */
function gridOf(
  workbook: Spreadsheet,
  name: SheetName,
  typedPercents = false,
): unknown[][] | undefined {
  const sheet = workbook.getSheetByName(name);
  if (sheet === null) return undefined;
  return typedPercents ? readGrid(sheet, name) : readGrid(sheet);
}

/** The ranking is stale once an input changed; a protected status cell must not stop the check. */
function flagStale(workbook: Spreadsheet): void {
  try {
    flagRankingStale(workbook);
  } catch (error) {
    console.log(`Không đánh dấu được xếp hạng cũ: ${String(error)}`);
  }
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const event = e as EditEvent;
  const range = event.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  if (!isCheckedSheet(name)) return;
  const column = range.getColumn();
  const needs = editNeeds(name, column);
  if (needs === undefined) return;
  const workbook = event.source;
  const row = range.getRow();
  const values = readRangeValues(range, name);
  const width = values[0]?.length ?? 1;

  // A cleared self score is checked against its unit and Thẩm định's same cell (read only then).
  const cleared = clearsSelfScore(name, values);
  const fullRows = needs.fullRows || cleared;
  let headerRows: unknown[][] | undefined;
  let rows: unknown[][] | undefined;
  if (needs.headerRows > 0 || fullRows) {
    const lastColumn = Math.max(sheet.getLastColumn(), column + width - 1);
    if (needs.headerRows > 0)
      headerRows = sheet.getRange(1, 1, needs.headerRows, lastColumn).getValues();
    if (fullRows) rows = sheet.getRange(row, 1, values.length, lastColumn).getValues();
  }
  const verifiedRows = cleared ? readVerifiedRows(workbook, row, values.length) : undefined;
  const check = checkEdit({
    sheet: name,
    row,
    column,
    values,
    ...(event.oldValue === undefined ? {} : { oldValue: event.oldValue }),
    ...(headerRows === undefined ? {} : { headerRows }),
    ...(rows === undefined ? {} : { rows }),
    // The settings are read in full (a typed "95%" as such) only when a cleared score needs them.
    ...optionalGrid('settingsGrid', needs.settings, () =>
      gridOf(workbook, SHEET_NAMES.settings, cleared),
    ),
    ...optionalGrid('unitsGrid', needs.units || cleared, () => gridOf(workbook, SHEET_NAMES.units)),
    ...(verifiedRows === undefined ? {} : { verifiedRows }),
    ...optionalGrid('criteriaGrid', needs.criteria, () => gridOf(workbook, SHEET_NAMES.criteria)),
  });

  const plan = planMarks(check.verdicts, range.getNotes(), range.getBackgrounds());
  if (plan.changed) {
    range.setNotes(plan.notes);
    range.setBackgrounds(plan.backgrounds);
  }
  const message = editToast(check);
  if (message !== undefined) workbook.toast(message, TOAST_TITLE, EDIT_TOAST_SECONDS);
  if (editChangesRanking(name, rows)) flagStale(workbook);
}

/** Thẩm định's two header rows and its rows at the edited rows' numbers; undefined without it. */
function readVerifiedRows(
  workbook: Spreadsheet,
  row: number,
  count: number,
): { headerRows: unknown[][]; rows: unknown[][] } | undefined {
  const sheet = workbook.getSheetByName(SHEET_NAMES.verifiedScores);
  if (sheet === null) return undefined;
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const lastRow = sheet.getLastRow();
  const headerRows = sheet.getRange(1, 1, 2, lastColumn).getValues();
  // Rows past the sheet's last row are blank: nothing to read there.
  const rows =
    row > lastRow
      ? []
      : sheet.getRange(row, 1, Math.min(count, lastRow - row + 1), lastColumn).getValues();
  return { headerRows, rows };
}

/**
 * Only an edit that can change a ranking flags it stale (issue 10, Build 7): on Cấu hình, rows
 * that say where documents go (templates, folder, certificate mode) are left out, as they are
 * of the ranking's fingerprint. `rows` are the edited rows in full; unknown rows count.
 */
function editChangesRanking(name: string, rows: readonly unknown[][] | undefined): boolean {
  if (!isRankingInput(name)) return false;
  if (name !== SHEET_NAMES.settings || rows === undefined) return true;
  return rows.some((row) => settingRowAffectsRanking(row));
}

function optionalGrid<K extends string>(
  key: K,
  needed: boolean,
  read: () => unknown[][] | undefined,
): Partial<Record<K, unknown[][]>> {
  if (!needed) return {};
  const grid = read();
  return grid === undefined ? {} : ({ [key]: grid } as Record<K, unknown[][]>);
}

/**
 * Whether this firing is the workbook's one recorded audit trigger. A stray duplicate (someone
 * else's older trigger, or one made before triggers were recorded) logs nothing. With no record
 * yet, the first trigger to fire records itself, under the document lock so two duplicates firing
 * on the same edit cannot both win.
 */
function isRecordedAuditTrigger(uid: string | undefined): boolean {
  if (uid === undefined || uid === '') return false;
  const record = readAuditTriggerRecord();
  if (record !== null) return record.uid === uid;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return false;
  try {
    const again = readAuditTriggerRecord();
    if (again !== null) return again.uid === uid;
    recordAuditTrigger({ uid, creator: Session.getEffectiveUser().getEmail() });
    return true;
  } finally {
    lock.releaseLock();
  }
}

export function onEditAudit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const event = e as EditEvent & { readonly triggerUid?: string };
  if (!isRecordedAuditTrigger(event.triggerUid)) return;
  const range = event.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  const workbook = event.source;
  const numRows = range.getNumRows();
  const numColumns = range.getNumColumns();
  const single = numRows === 1 && numColumns === 1;
  const settings = isScoreSheet(name) ? gridOf(workbook, SHEET_NAMES.settings) : undefined;
  const refused = settings !== undefined && scoringState(settings).closed;
  // Blank for anyone outside the creator's Workspace domain (always for consumer accounts).
  const user = event.user?.getEmail() ?? '';
  const entry = auditEntryOfEdit(
    {
      sheet: name,
      a1: range.getA1Notation(),
      numRows,
      numColumns,
      ...(event.oldValue === undefined ? {} : { oldValue: event.oldValue }),
      ...(event.value === undefined ? {} : { value: event.value }),
      ...(single ? {} : { values: range.getValues() }),
      refused,
    },
    user,
    new Date(),
  );
  const who = user.trim() === '' ? whoCouldEdit(workbook, sheet, range, refused) : undefined;
  appendAudit(workbook, who === undefined ? entry : { ...entry, who });
  // This trigger runs with its creator's rights, so it can flag a ranking the editor could not.
  const settingsRows =
    name === SHEET_NAMES.settings
      ? sheet.getRange(range.getRow(), 1, numRows, sheet.getLastColumn()).getValues()
      : undefined;
  if (editChangesRanking(name, settingsRows)) flagStale(workbook);
}

/** Where the editor is hidden: whose row it was, and so who could have typed there. */
function whoCouldEdit(
  workbook: Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  closed: boolean,
): string {
  const name = sheet.getName();
  if (!UNIT_ROW_SHEETS.includes(name)) return auditWhoText(name, undefined, closed);
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const headerRows = sheet.getRange(1, 1, 2, lastColumn).getValues();
  const rows = sheet.getRange(range.getRow(), 1, range.getNumRows(), lastColumn).getValues();
  const units = readUnits(gridOf(workbook, SHEET_NAMES.units) ?? []).value;
  const unit = unitOfEditedRows(name, range.getRow(), headerRows, rows, units);
  return auditWhoText(name, unit, closed);
}

/** Sheets whose rows belong to a unit (Tự chấm, Thẩm định, Chấm chéo blocks, ballots). */
const UNIT_ROW_SHEETS: readonly string[] = [
  SHEET_NAMES.selfScores,
  SHEET_NAMES.verifiedScores,
  SHEET_NAMES.crossScores,
  SHEET_NAMES.votes,
];

export function menuEnableAudit(): void {
  if (!requirePermission('enableAudit')) return;
  const caption = menuCaption('menuEnableAudit');
  runLocked(caption, () => {
    const workbook = activeWorkbook();
    // A menu run: the person who clicked has authorised the script, so Google names them.
    const me = Session.getActiveUser().getEmail();
    const result = ensureAuditTrigger(workbook, me);
    auditSheet(workbook);
    alertUser(auditTriggerMessage(result), caption);
  });
}
