/**
 * Every writer takes the document lock with a bounded wait, so two clicks never interleave their
 * writes; the second caller is told, in Vietnamese, that another action is running.
 */
import { alertUser, errorMessage } from './notify';
import { activeWorkbook } from './workbook';
import type { ActionKey } from '../core/roles';
import { requirePermission } from './permissions';

/** How long a second caller waits for the first to finish before being told to retry. */
export const LOCK_WAIT_MS = 10_000;

export function busyMessage(action: string): string {
  return `«${action}»: một thao tác khác đang chạy trên bảng tính này. Vui lòng chờ ít phút rồi thử lại.`;
}

/** Runs `work` holding the document lock; returns undefined (after telling the user) if busy. */
export function withDocumentLock<T>(action: string, work: () => T): T | undefined {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    alertUser(busyMessage(action));
    return undefined;
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs `work` under the document lock; anything it throws (a protected range, a quota) is told to
 * the user in Vietnamese instead of a bare script error.
 */
export function runLocked(caption: string, work: () => void): void {
  withDocumentLock(caption, () => {
    try {
      work();
    } catch (error) {
      alertUser(`«${caption}» không hoàn thành: ${errorMessage(error)}`, caption);
    }
  });
}

/**
 * A menu action: the roles table's check for `action` (when given) first, before the lock and
 * any write; then runLocked on the active workbook.
 */
export function runMenuAction(
  caption: string,
  work: (workbook: GoogleAppsScript.Spreadsheet.Spreadsheet) => void,
  action?: ActionKey,
): void {
  if (action !== undefined && !requirePermission(action, activeWorkbook())) return;
  runLocked(caption, () => {
    work(activeWorkbook());
  });
}
