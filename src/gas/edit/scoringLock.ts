/**
 * "Khóa / mở chấm điểm": the cluster head (or the owner) closes scoring and reopens it.
 * Closing writes "Đã khóa" into Cấu hình's "Chấm điểm" cell, takes the unit editors off each
 * unit's row protection in Tự chấm / Thẩm định / Chấm chéo (only owner and head remain), and makes
 * sure the audit trigger exists so edits that still get through are logged. Reopening writes
 * "Đang mở" and gives each unit's row back to the unit's e-mail as Đơn vị lists it now.
 * Protection has no batch API, so that part costs a few calls per unit row protection.
 */
import { AUDIT_ACTIONS } from '../../core/edit/audit';
import { scoringState } from '../../core/edit/editCheck';
import {
  planProtectionChanges,
  scoringStateLabel,
  toggleQuestion,
  blockedProtectionLines,
  blockedProtectionsNote,
  toggleSummary,
  type BlockedProtection,
  type ProtectionInfo,
} from '../../core/edit/scoringLock';
import { SCORE_SHEETS, SHEET_NAMES } from '../../core/layout/sheets';
import { emailsWithRole } from '../../core/roles';
import { readRoleGrants } from '../../core/readers/settings';
import { runLocked } from '../lock';
import { alertUser, toast } from '../notify';
import { activeWorkbook, readGrid } from '../workbook';
import { appendAudit, ensureAuditTrigger } from './auditLog';
import { menuCaption } from './editTriggers';
import { checkCaller, readCaller } from '../permissions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

const SETUP_HINT = 'Hãy chạy Thi đua › Khởi tạo / cập nhật bảng tính.';

function gridOf(workbook: Spreadsheet, name: string): unknown[][] | undefined {
  const sheet = workbook.getSheetByName(name);
  return sheet === null ? undefined : readGrid(sheet);
}

/**
 * Every range protection of the score sheets, with what the planner needs to know of it. A
 * protection this user cannot edit refuses getEditors() and every change, so it is set aside
 * (canEdit() first) and reported, and the rest still go ahead.
 */
function readProtections(workbook: Spreadsheet): {
  infos: ProtectionInfo[];
  objects: Protection[];
  blocked: BlockedProtection[];
  grids: Record<string, unknown[][]>;
} {
  const infos: ProtectionInfo[] = [];
  const objects: Protection[] = [];
  const blocked: BlockedProtection[] = [];
  const grids: Record<string, unknown[][]> = {};
  for (const name of SCORE_SHEETS) {
    const sheet = workbook.getSheetByName(name);
    if (sheet === null) continue;
    grids[name] = readGrid(sheet);
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      const range = p.getRange();
      const where = { sheet: name, row: range.getRow(), numRows: range.getNumRows() };
      if (!p.canEdit()) {
        blocked.push(where);
        continue;
      }
      infos.push({ ...where, editors: p.getEditors().map((u) => u.getEmail()) });
      objects.push(p);
    }
  }
  return { infos, objects, blocked, grids };
}

export function menuToggleScoring(): void {
  const workbook = activeWorkbook();
  // One read of who clicked, the owner and the units: the roles check and the plan both use it.
  const caller = readCaller(workbook);
  if (!checkCaller('toggleScoring', caller).allowed) return;
  const caption = menuCaption('menuToggleScoring');
  const settingsGrid = gridOf(workbook, SHEET_NAMES.settings);
  const state = settingsGrid === undefined ? undefined : scoringState(settingsGrid);
  if (state?.cell === undefined) {
    alertUser(
      `Không tìm thấy dòng "Chấm điểm" trong trang "${SHEET_NAMES.settings}". ${SETUP_HINT}`,
      caption,
    );
    return;
  }
  const { units, owner } = caller.membership;
  const me = caller.email;

  const closing = !state.closed;
  const ui = SpreadsheetApp.getUi();
  if (ui.alert(caption, toggleQuestion(closing), ui.ButtonSet.YES_NO) !== ui.Button.YES) {
    toast('Đã hủy: trạng thái chấm điểm không thay đổi.');
    return;
  }

  // The question is asked before taking the lock, so nobody waits on a dialog left open.
  runLocked(caption, () => {
    const settingsSheet = workbook.getSheetByName(SHEET_NAMES.settings);
    const now = settingsSheet === null ? undefined : scoringState(readGrid(settingsSheet));
    if (settingsSheet === null || now?.cell === undefined || now.closed !== state.closed) {
      alertUser(
        'Trạng thái chấm điểm vừa được thay đổi bởi một thao tác khác; không làm gì thêm. ' +
          'Hãy xem lại trang "Cấu hình" rồi thử lại nếu cần.',
        caption,
      );
      return;
    }
    const { infos, objects, blocked, grids } = readProtections(workbook);
    const keep = [owner, me, ...emailsWithRole(units, 'head')];
    const grants = readRoleGrants(readGrid(settingsSheet));
    const changes = planProtectionChanges(infos, grids, units, keep, closing, grants);

    const oldLabel = scoringStateLabel(!closing);
    const newLabel = scoringStateLabel(closing);
    settingsSheet.getRange(now.cell).setValue(newLabel);
    for (const change of changes) {
      const protection = objects[change.index];
      if (protection === undefined) continue;
      if (change.remove.length > 0) protection.removeEditors(change.remove);
      if (change.add.length > 0) protection.addEditors(change.add);
    }
    // Edits that still get through while closed (owner, head) are logged by the audit trigger.
    if (closing) ensureAuditTrigger(workbook, me);
    const summary =
      toggleSummary(closing, changes.length) +
      blockedProtectionsNote(blockedProtectionLines(blocked, grids, units), closing);
    appendAudit(workbook, {
      time: new Date(),
      user: me,
      sheet: SHEET_NAMES.settings,
      cell: now.cell,
      oldValue: oldLabel,
      newValue: newLabel,
      action: `${closing ? AUDIT_ACTIONS.closeScoring : AUDIT_ACTIONS.openScoring}: ${summary}`,
    });
    alertUser(summary, caption);
  });
}
