/**
 * The menu check of the roles table: before a menu action takes the lock or writes anything, the
 * person who clicked (Session.getActiveUser: in a menu run the clicker has authorised the script,
 * so Google shows their e-mail) is matched against the owner (Spreadsheet.getOwner) and the units
 * of Đơn vị. A refusal is a Vietnamese alert naming who may.
 */
import { actionPermission, type ActionKey, type Membership } from '../core/roles';
import { SHEET_NAMES } from '../core/layout/sheets';
import { readUnits } from '../core/readers/units';
import { captionOf } from './menuDefinition';
import { alertUser } from './notify';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Caller {
  /** The clicker's e-mail ('' when Google hides it). */
  readonly email: string;
  readonly membership: Membership;
}

/** Who is at the keyboard and who the file's owner and units are: three reads. */
export function readCaller(workbook: Spreadsheet): Caller {
  const email = Session.getActiveUser().getEmail().trim();
  // getOwner is null for a file in a shared drive: then nobody is the owner by e-mail.
  const owner = workbook.getOwner()?.getEmail() ?? '';
  const sheet = workbook.getSheetByName(SHEET_NAMES.units);
  const units = sheet === null ? [] : readUnits(sheet.getDataRange().getValues()).value;
  return { email, membership: { owner, units } };
}

/**
 * True when the clicker may run `action`; otherwise tells them who may and returns false.
 * Call it first in a menu function, before runLocked and before any write.
 */
export function requirePermission(
  action: ActionKey,
  workbook: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): boolean {
  return checkCaller(action, readCaller(workbook)).allowed;
}

/** requirePermission with the caller already read (set-up reuses it). */
export function checkCaller(action: ActionKey, caller: Caller): { allowed: boolean } {
  const caption = captionOf(action);
  const permission = actionPermission(action, caption, caller.email, caller.membership);
  if (!permission.allowed) alertUser(permission.reason ?? '', caption);
  return { allowed: permission.allowed };
}
