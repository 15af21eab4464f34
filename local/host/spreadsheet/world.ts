/**
 * Several spreadsheets in one host: the bound one and the others the running account can reach
 * through Drive sharing (last year's workbook, a copy made by File.makeCopy). SpreadsheetApp's
 * openById / openByUrl look files up here; Drive decides who may open them, as in Google, where
 * sharing a Sheet is sharing its Drive file.
 *
 * Behaviours and their sources:
 * - openById / openByUrl need the `spreadsheets` scope; `spreadsheets.currentonly` covers only the
 *   bound file (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String),
 *   "Authorization" lists https://www.googleapis.com/auth/spreadsheets; the currentonly scope is
 *   "View and manage spreadsheets that this application has been installed in",
 *   https://developers.google.com/apps-script/concepts/scopes). Refused with Apps Script's
 *   "You do not have permission to call SpreadsheetApp.openById. Required permissions: …".
 * - A file the user may not read: "You do not have permission to access the requested document."
 *   (Apps Script's wording, widely quoted, e.g. Stack Overflow 27744380).
 * - An id nobody has: "Unexpected error while getting the method or property openById on object
 *   SpreadsheetApp." (the wording the host already used for a foreign id).
 * - openByUrl takes the id from "/spreadsheets/d/<id>"; ASSUMPTION: any other text is refused
 *   with the "Invalid argument: url" message.
 */
import type { SpreadsheetModel } from './model';

export const OPEN_ACCESS_DENIED = 'You do not have permission to access the requested document.';
export const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
export const SPREADSHEETS_CURRENTONLY_SCOPE =
  'https://www.googleapis.com/auth/spreadsheets.currentonly';

export type OpenVerdict = 'ok' | 'denied' | 'missing';

export class SpreadsheetWorld {
  readonly models = new Map<string, SpreadsheetModel>();
  /** Who may read a file: Drive's sharing, wired in by the host (default: owner and editors). */
  canRead: (model: SpreadsheetModel, user: string) => boolean = (m, u) => m.canEditFile(u);

  /** Who may write a file: Drive's sharing (default: owner and editors). */
  canEdit: (model: SpreadsheetModel, user: string) => boolean = (m, u) => m.canEditFile(u);

  add(model: SpreadsheetModel): SpreadsheetModel {
    this.models.set(model.id, model);
    return model;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.models.get(id);
  }

  verdict(id: string, user: string): OpenVerdict {
    const model = this.models.get(id);
    if (model === undefined) return 'missing';
    return this.canRead(model, user) ? 'ok' : 'denied';
  }
}

/** The id in a Sheets URL ("https://docs.google.com/spreadsheets/d/<id>/edit#gid=0"). */
export function idFromSpreadsheetUrl(url: string): string | undefined {
  const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url);
  return m?.[1];
}
