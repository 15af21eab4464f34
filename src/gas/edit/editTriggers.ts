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
import { auditEntryOfEdit } from '../../core/edit/audit';
import {
  checkEdit,
  editNeeds,
  editToast,
  isCheckedSheet,
  scoringState,
} from '../../core/edit/editCheck';
import { planMarks } from '../../core/edit/marks';
import { togglePermission } from '../../core/edit/scoringLock';
import { readUnits } from '../../core/readers/units';
import { SHEET_NAMES, isScoreSheet } from '../../core/layout/sheets';
import { runLocked } from '../lock';
import { MENU } from '../menuDefinition';
import { TOAST_TITLE, alertUser } from '../notify';
import { flagRankingStale } from '../ranking/stale';
import { isRankingInput } from '../../core/ranking/rankingSheet';
import { activeWorkbook, readGrid } from '../workbook';
import { appendAudit, auditSheet, ensureAuditTrigger } from './auditLog';

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

function gridOf(workbook: Spreadsheet, name: string): unknown[][] | undefined {
  const sheet = workbook.getSheetByName(name);
  return sheet === null ? undefined : readGrid(sheet);
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
  const values = range.getValues();
  const width = values[0]?.length ?? 1;

  let headerRows: unknown[][] | undefined;
  let rows: unknown[][] | undefined;
  if (needs.headerRows > 0 || needs.fullRows) {
    const lastColumn = Math.max(sheet.getLastColumn(), column + width - 1);
    if (needs.headerRows > 0)
      headerRows = sheet.getRange(1, 1, needs.headerRows, lastColumn).getValues();
    if (needs.fullRows) rows = sheet.getRange(row, 1, values.length, lastColumn).getValues();
  }
  const check = checkEdit({
    sheet: name,
    row,
    column,
    values,
    ...(event.oldValue === undefined ? {} : { oldValue: event.oldValue }),
    ...(headerRows === undefined ? {} : { headerRows }),
    ...(rows === undefined ? {} : { rows }),
    ...optionalGrid('settingsGrid', needs.settings, () => gridOf(workbook, SHEET_NAMES.settings)),
    ...optionalGrid('unitsGrid', needs.units, () => gridOf(workbook, SHEET_NAMES.units)),
    ...optionalGrid('criteriaGrid', needs.criteria, () => gridOf(workbook, SHEET_NAMES.criteria)),
    // Who typed matters only where no protection can keep a unit to its own rows.
    ...(name === SHEET_NAMES.crossScores
      ? {
          editorEmail: event.user?.getEmail() ?? '',
          ownerEmail: workbook.getOwner()?.getEmail() ?? '',
        }
      : {}),
  });

  const plan = planMarks(check.verdicts, range.getNotes(), range.getBackgrounds());
  if (plan.changed) {
    range.setNotes(plan.notes);
    range.setBackgrounds(plan.backgrounds);
  }
  const message = editToast(check);
  if (message !== undefined) workbook.toast(message, TOAST_TITLE, EDIT_TOAST_SECONDS);
  if (isRankingInput(name)) flagStale(workbook);
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

export function onEditAudit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const event = e as EditEvent;
  const range = event.range;
  const name = range.getSheet().getName();
  const workbook = event.source;
  const numRows = range.getNumRows();
  const numColumns = range.getNumColumns();
  const single = numRows === 1 && numColumns === 1;
  let refused = false;
  if (isScoreSheet(name)) {
    const settings = gridOf(workbook, SHEET_NAMES.settings);
    refused = settings !== undefined && scoringState(settings).closed;
  }
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
    event.user?.getEmail() ?? '',
    new Date(),
  );
  appendAudit(workbook, entry);
  // This trigger runs with its creator's rights, so it can flag a ranking the editor could not.
  if (isRankingInput(name)) flagStale(workbook);
}

export function menuEnableAudit(): void {
  const caption = menuCaption('menuEnableAudit');
  runLocked(caption, () => {
    const workbook = activeWorkbook();
    const permission = togglePermission(
      Session.getActiveUser().getEmail(),
      workbook.getOwner()?.getEmail() ?? '',
      readUnits(gridOf(workbook, SHEET_NAMES.units) ?? []).value,
      'bật ghi nhật ký thay đổi',
    );
    if (!permission.allowed) {
      alertUser(permission.reason ?? '', caption);
      return;
    }
    const result = ensureAuditTrigger(workbook);
    auditSheet(workbook);
    alertUser(
      result === 'created'
        ? `Đã bật ghi nhật ký thay đổi. Từ nay mỗi lần sửa ô được ghi vào trang "${SHEET_NAMES.audit}": ` +
            'thời gian, người sửa, trang, ô, giá trị cũ → giá trị mới.'
        : `Ghi nhật ký thay đổi đã được bật từ trước; không tạo thêm. Xem trang "${SHEET_NAMES.audit}".`,
      caption,
    );
  });
}
