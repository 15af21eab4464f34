/**
 * Spreadsheet: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 * SpreadsheetApp: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
 */
import { assertType, AssertNoExtraMethods, FakeOf } from '../strict';
import {
  asText,
  BooleanCriteria,
  BorderStyle,
  Ctx,
  DataValidationCriteria,
  Dimension,
  ProtectionType,
  WrapStrategy,
  currentUser,
  enumName,
  fail,
  paramError,
  requireString,
  unwrap,
} from './core';
import { growthFailure } from './limits';
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  GridRef,
  NamedRangeSpec,
  SheetModel,
  SpreadsheetModel,
} from './model';
import { rangeFromA1 } from './range';
import { requireScope } from '../services/common';
import { OPEN_ACCESS_DENIED, SPREADSHEETS_SCOPE, idFromSpreadsheetUrl } from './world';
import { checkSheetName, copySheetContent } from './sheet';

type RealSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type RealApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type RealUser = GoogleAppsScript.Base.User;

export class FakeUser implements FakeOf<RealUser> {
  private readonly ctx: Ctx;
  private readonly email: string;
  constructor(ctx: Ctx, email: string) {
    this.ctx = ctx;
    this.email = email;
  }
  getEmail(): string {
    this.ctx.rt.call('User.getEmail');
    return this.email;
  }
  getUserLoginId(): string {
    this.ctx.rt.call('User.getUserLoginId');
    return this.email;
  }
}
const _userHasNoExtras: true = assertType<AssertNoExtraMethods<FakeUser, RealUser>>();

/**
 * Sheets' rules for range names (Sheets help "Name a range", support.google.com/docs/answer/63175):
 * letters, numbers and underscores; not starting with a number; not "true"/"false"; no spaces or
 * punctuation; 1-250 characters; not A1 or R1C1 syntax.
 */
export function isValidRangeName(name: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name)) return false;
  if (/^(true|false)$/i.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  if (/^R\d*C\d*$/i.test(name)) return false;
  return true;
}

export const FILE_EDIT_DENIED = 'You do not have permission to edit this spreadsheet.';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** ASSUMPTION: wording of the named-range errors (Apps Script does not document them). */
export const NAMED_RANGE_MESSAGES = {
  invalid: (name: string): string => `The name "${name}" is not a valid named range name.`,
  duplicate: (name: string): string => `A named range with the name "${name}" already exists.`,
  missing: (name: string): string => `The named range "${name}" does not exist.`,
};

export class FakeSpreadsheet implements FakeOf<RealSpreadsheet> {
  private readonly ctx: Ctx;

  constructor(ctx: Ctx) {
    this.ctx = ctx;
  }

  private get model(): SpreadsheetModel {
    return this.ctx.model;
  }

  private call(method: string, units = 0): void {
    this.ctx.rt.call(`Spreadsheet.${method}`, units);
  }

  private active(): SheetModel {
    const s = this.model.activeSheet ?? this.model.sheets[0];
    if (!s) throw fail(this.ctx, 'The spreadsheet has no sheets.');
    return s;
  }

  getId(): string {
    this.call('getId');
    return this.model.id;
  }
  getName(): string {
    this.call('getName');
    return this.model.name;
  }
  rename(newName: string): void {
    this.call('rename');
    this.model.name = requireString(this.ctx, 'Spreadsheet.rename', [newName]);
  }
  getUrl(): string {
    this.call('getUrl');
    return this.model.url;
  }
  getSpreadsheetLocale(): string {
    this.call('getSpreadsheetLocale');
    return this.model.locale;
  }
  /**
   * The locale and time zone are settings of the file (Sheets help "Change a spreadsheet's
   * locale", https://support.google.com/docs/answer/58515): only someone who may edit the file
   * changes them. ASSUMPTION: the wording of the refusal.
   */
  private guardFileEdit(): void {
    if (!this.model.canEditFile(currentUser(this.ctx))) throw fail(this.ctx, FILE_EDIT_DENIED);
  }
  setSpreadsheetLocale(locale: string): void {
    this.call('setSpreadsheetLocale');
    const value = requireString(this.ctx, 'Spreadsheet.setSpreadsheetLocale', [locale]);
    this.guardFileEdit();
    this.model.locale = value;
  }
  getSpreadsheetTimeZone(): string {
    this.call('getSpreadsheetTimeZone');
    return this.model.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.call('setSpreadsheetTimeZone');
    const value = requireString(this.ctx, 'Spreadsheet.setSpreadsheetTimeZone', [timezone]);
    this.guardFileEdit();
    // ASSUMPTION: an unknown IANA zone is refused (the reference takes "the time zone, specified
    // in 'long' format"); wording assumed.
    if (!isTimeZone(value)) throw fail(this.ctx, `Invalid argument: ${value}`);
    this.model.timeZone = value;
  }
  getOwner(): object | null {
    this.call('getOwner');
    return this.ctx.views.user(this.model.owner);
  }
  /** The owner and every editor. */
  getEditors(): object[] {
    this.call('getEditors');
    return [...this.model.allEditors()].map((e) => this.ctx.views.user(e));
  }
  addEditor(emailAddress: unknown): this {
    this.call('addEditor');
    this.model.editors.add(emailOf(this.ctx, emailAddress, 'Spreadsheet.addEditor'));
    return this;
  }
  addEditors(emailAddresses: unknown[]): this {
    this.call('addEditors');
    if (!Array.isArray(emailAddresses))
      throw paramError(this.ctx, 'Spreadsheet.addEditors', [emailAddresses]);
    for (const e of emailAddresses)
      this.model.editors.add(emailOf(this.ctx, e, 'Spreadsheet.addEditors'));
    return this;
  }
  removeEditor(emailAddress: unknown): this {
    this.call('removeEditor');
    this.model.editors.delete(emailOf(this.ctx, emailAddress, 'Spreadsheet.removeEditor'));
    return this;
  }
  /** Recorded for tests in `model.toasts`. */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: number | null): void {
    this.call('toast');
    this.model.toasts.push({
      msg: asText(msg),
      title: asText(title),
      timeoutSeconds: timeoutSeconds ?? null,
      atMs: this.ctx.rt.nowMs,
      user: currentUser(this.ctx),
    });
  }

  // ------------------------------------------------------------ sheets

  getSheets(): object[] {
    this.call('getSheets');
    return this.model.sheets.map((s) => this.ctx.views.sheet(s));
  }
  getNumSheets(): number {
    this.call('getNumSheets');
    return this.model.sheets.length;
  }
  /** Exact name; null when absent. */
  getSheetByName(name: string): object | null {
    this.call('getSheetByName');
    requireString(this.ctx, 'Spreadsheet.getSheetByName', [name]);
    const s = this.model.sheet(name);
    return s ? this.ctx.views.sheet(s) : null;
  }
  getSheetById(id: number): object | null {
    this.call('getSheetById');
    const s = this.model.sheets.find((x) => x.sheetId === id);
    return s ? this.ctx.views.sheet(s) : null;
  }
  /**
   * insertSheet([sheetName][, sheetIndex][, options]): the index is 0-based, the new sheet
   * becomes the active sheet, a taken name throws Apps Script's message.
   */
  insertSheet(a?: unknown, b?: unknown, c?: unknown): object {
    this.call('insertSheet');
    const args = [a, b, c].filter((x) => x !== undefined);
    let name: string | undefined;
    let index: number | undefined;
    let options: { template?: unknown } | undefined;
    for (const arg of args) {
      if (
        typeof arg === 'string' &&
        name === undefined &&
        index === undefined &&
        options === undefined
      )
        name = arg;
      else if (typeof arg === 'number' && index === undefined && options === undefined) index = arg;
      else if (typeof arg === 'object' && arg !== null && options === undefined) options = arg;
      else throw paramError(this.ctx, 'Spreadsheet.insertSheet', args);
    }
    if (name !== undefined) checkSheetName(this.ctx, name);
    if (index !== undefined && (index < 0 || index > this.model.sheets.length)) {
      throw fail(this.ctx, 'The sheet index is out of range.');
    }
    if (name === undefined) {
      let n = this.model.sheets.length + 1;
      while (this.model.nameTaken(this.model.defaultSheetName(n))) n++;
      name = this.model.defaultSheetName(n);
    }
    const from =
      options?.template === undefined
        ? undefined
        : unwrap<SheetModel>(this.ctx, 'Sheet', options.template, 'Spreadsheet.insertSheet', args);
    const cells = from ? from.maxRows * from.maxCols : DEFAULT_ROWS * DEFAULT_COLUMNS;
    const grow = growthFailure(this.model, cells);
    if (grow) throw fail(this.ctx, grow);
    const sheet = this.model.addSheet(name, index);
    if (from) copySheetContent(from, sheet);
    this.model.activeSheet = sheet;
    this.model.activeRange = null;
    return this.ctx.views.sheet(sheet);
  }
  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    this.call('deleteSheet');
    const s = unwrap<SheetModel>(this.ctx, 'Sheet', sheet, 'Spreadsheet.deleteSheet', [sheet]);
    if (!this.model.sheets.includes(s)) throw fail(this.ctx, 'The sheet has already been deleted.');
    // ASSUMPTION: wording; Sheets refuses to delete the only (visible) sheet.
    if (this.model.sheets.filter((x) => x !== s && !x.hidden).length === 0) {
      throw fail(this.ctx, "You can't remove all the sheets in a document.");
    }
    this.model.removeSheet(s);
  }
  getActiveSheet(): object {
    this.call('getActiveSheet');
    return this.ctx.views.sheet(this.active());
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, _restoreSelection?: boolean): object {
    this.call('setActiveSheet');
    const s = unwrap<SheetModel>(this.ctx, 'Sheet', sheet, 'Spreadsheet.setActiveSheet', [sheet]);
    this.model.activeSheet = s;
    this.model.activeRange = null;
    return this.ctx.views.sheet(s);
  }

  // ------------------------------------------------------------ ranges

  /** A1 notation, optionally with a quoted sheet name; the active sheet otherwise. */
  getRange(a1Notation: string): object {
    this.call('getRange');
    const a1 = requireString(this.ctx, 'Spreadsheet.getRange', [a1Notation]);
    return this.ctx.views.range(rangeFromA1(this.ctx, a1, this.active()));
  }
  getActiveRange(): object | null {
    this.call('getActiveRange');
    const r = this.model.activeRange;
    if (r) return this.ctx.views.range(r);
    return this.ctx.views.range({ sheet: this.active(), row: 1, col: 1, numRows: 1, numCols: 1 });
  }
  setActiveSelection(range: unknown): object {
    this.call('setActiveSelection');
    const ref =
      typeof range === 'string'
        ? rangeFromA1(this.ctx, range, this.active())
        : unwrap<GridRef>(this.ctx, 'Range', range, 'Spreadsheet.setActiveSelection', [range]);
    this.model.activeSheet = ref.sheet;
    this.model.activeRange = { ...ref };
    return this.ctx.views.range(ref);
  }
  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): object {
    this.call('setActiveRange');
    const ref = unwrap<GridRef>(this.ctx, 'Range', range, 'Spreadsheet.setActiveRange', [range]);
    this.model.activeSheet = ref.sheet;
    this.model.activeRange = { ...ref };
    return this.ctx.views.range(ref);
  }

  // ------------------------------------------------------------ named ranges

  setNamedRange(name: string, range: GoogleAppsScript.Spreadsheet.Range): void {
    this.call('setNamedRange');
    requireString(this.ctx, 'Spreadsheet.setNamedRange', [name, range]);
    const ref = unwrap<GridRef>(this.ctx, 'Range', range, 'Spreadsheet.setNamedRange', [
      name,
      range,
    ]);
    if (!isValidRangeName(name)) throw fail(this.ctx, NAMED_RANGE_MESSAGES.invalid(name));
    if (this.model.namedRanges.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
      throw fail(this.ctx, NAMED_RANGE_MESSAGES.duplicate(name));
    }
    this.model.namedRanges.push({ name, range: { ...ref } });
  }
  getRangeByName(name: string): object | null {
    this.call('getRangeByName');
    requireString(this.ctx, 'Spreadsheet.getRangeByName', [name]);
    const n = this.model.namedRange(name);
    return n ? this.ctx.views.range(n.range) : null;
  }
  getNamedRanges(): object[] {
    this.call('getNamedRanges');
    return this.model.namedRanges.map((n: NamedRangeSpec) => this.ctx.views.namedRange(n));
  }
  removeNamedRange(name: string): void {
    this.call('removeNamedRange');
    requireString(this.ctx, 'Spreadsheet.removeNamedRange', [name]);
    const i = this.model.namedRanges.findIndex((n) => n.name === name);
    if (i < 0) throw fail(this.ctx, NAMED_RANGE_MESSAGES.missing(name));
    this.model.namedRanges.splice(i, 1);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): object[] {
    this.call('getProtections');
    const kind = enumName(this.ctx, 'ProtectionType', type, 'Spreadsheet.getProtections', [type]);
    return this.model.protections
      .filter((p) => p.type === kind)
      .map((p) => this.ctx.views.protection(p));
  }
}

const _spreadsheetHasNoExtras: true =
  assertType<AssertNoExtraMethods<FakeSpreadsheet, RealSpreadsheet>>();

export class FakeSpreadsheetApp implements FakeOf<RealApp> {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = WrapStrategy;
  readonly BorderStyle = BorderStyle;
  readonly Dimension = Dimension;
  private readonly ctx: Ctx;

  constructor(ctx: Ctx) {
    this.ctx = ctx;
  }

  private call(method: string): void {
    this.ctx.rt.call(`SpreadsheetApp.${method}`);
  }

  private activeSheet(): SheetModel {
    const s = this.ctx.model.activeSheet ?? this.ctx.model.sheets[0];
    if (!s) throw fail(this.ctx, 'The spreadsheet has no sheets.');
    return s;
  }

  getActive(): object {
    this.call('getActive');
    return this.ctx.views.spreadsheet();
  }
  getActiveSpreadsheet(): object {
    this.call('getActiveSpreadsheet');
    return this.ctx.views.spreadsheet();
  }
  getActiveSheet(): object {
    this.call('getActiveSheet');
    return this.ctx.views.sheet(this.activeSheet());
  }
  getActiveRange(): object {
    this.call('getActiveRange');
    const r = this.ctx.model.activeRange;
    return this.ctx.views.range(
      r ?? { sheet: this.activeSheet(), row: 1, col: 1, numRows: 1, numCols: 1 },
    );
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, _restoreSelection?: boolean): object {
    this.call('setActiveSheet');
    const s = unwrap<SheetModel>(this.ctx, 'Sheet', sheet, 'SpreadsheetApp.setActiveSheet', [
      sheet,
    ]);
    this.ctx.model.activeSheet = s;
    this.ctx.model.activeRange = null;
    return this.ctx.views.sheet(s);
  }
  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): object {
    this.call('setActiveRange');
    const ref = unwrap<GridRef>(this.ctx, 'Range', range, 'SpreadsheetApp.setActiveRange', [range]);
    this.ctx.model.activeSheet = ref.sheet;
    this.ctx.model.activeRange = { ...ref };
    return this.ctx.views.range(ref);
  }
  openById(id: string): object {
    this.call('openById');
    requireScope(this.ctx.rt, 'SpreadsheetApp.openById', SPREADSHEETS_SCOPE);
    return this.openFile(typeof id === 'string' ? id : '', 'openById');
  }
  openByUrl(url: string): object {
    this.call('openByUrl');
    requireScope(this.ctx.rt, 'SpreadsheetApp.openByUrl', SPREADSHEETS_SCOPE);
    const id = typeof url === 'string' ? idFromSpreadsheetUrl(url) : undefined;
    if (id === undefined) throw fail(this.ctx, 'Invalid argument: url');
    return this.openFile(id, 'openByUrl');
  }
  /** See ./world.ts for who may open what, and the messages. */
  private openFile(id: string, method: string): object {
    const unexpected = (): Error =>
      fail(
        this.ctx,
        `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
      );
    const world = this.ctx.world;
    if (world === undefined) {
      if (id !== this.ctx.model.id) throw unexpected();
      return this.ctx.views.spreadsheet();
    }
    const verdict = world.verdict(id, currentUser(this.ctx));
    if (verdict === 'missing') throw unexpected();
    if (verdict === 'denied') throw fail(this.ctx, OPEN_ACCESS_DENIED);
    const model = world.get(id);
    if (model === undefined || model === this.ctx.model || this.ctx.openOther === undefined)
      return this.ctx.views.spreadsheet();
    return this.ctx.openOther(model);
  }
  /** Sends buffered writes; the runtime charges the round trip. */
  flush(): void {
    this.call('flush');
  }
  /** Not available to time-driven triggers. */
  getUi(): unknown {
    this.call('getUi');
    if (this.ctx.rt.current?.kind === 'timeBased') {
      throw fail(this.ctx, 'Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return this.ctx.getUi();
  }
  newDataValidation(): object {
    this.call('newDataValidation');
    return this.ctx.views.validationBuilder();
  }
  newConditionalFormatRule(): object {
    this.call('newConditionalFormatRule');
    return this.ctx.views.conditionalRuleBuilder();
  }
}

const _appHasNoExtras: true = assertType<AssertNoExtraMethods<FakeSpreadsheetApp, RealApp>>();

function emailOf(ctx: Ctx, v: unknown, method: string): string {
  if (typeof v === 'string') return v;
  return unwrap<string>(ctx, 'User', v, method, [v]);
}

export { emailOf };
