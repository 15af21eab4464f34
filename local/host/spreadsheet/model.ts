/**
 * The data behind the Sheets fakes. The fakes handed to the script are views over this model;
 * tests, the loader, the .xlsx import/export and the demo read and fill it directly, without
 * counting service calls.
 */
import { ANONYMOUS_USER } from '../accounts';
import { isDate } from '../runtime';
import { A1Ref, columnToLetters, formatA1, parseA1, quoteSheetName } from './a1';
import {
  CellValue,
  displayValue,
  isDateFormat,
  localeInfo,
  msToSerial,
  parseTypedInput,
  serialToMs,
} from './format';
import { cellTextFailure } from './limits';

export type { CellValue } from './format';

export interface CellData {
  /** Stored value; '' is an empty cell. Dates are day serials with a date number format. */
  v: CellValue;
  /** Formula text starting with "=", when the cell holds a formula. */
  f?: string;
  /** Number format; undefined is Sheets' automatic ("General") format. */
  fmt?: string;
  note?: string;
  bg?: string;
  fw?: 'bold';
  fc?: string;
  fst?: 'italic';
  ha?: string;
  wrap?: boolean;
  dv?: ValidationSpec;
}

/** A rectangle on a sheet, 1-based. Whole-row/column flags only shape getA1Notation(). */
export interface GridRef {
  sheet: SheetModel;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  wholeRows?: boolean;
  wholeColumns?: boolean;
}

/** A Date criterion value kept realm-neutral until it crosses back into the script. */
export interface DateArg {
  dateMs: number;
}

export type ValidationArg = string | number | boolean | null | string[] | GridRef | DateArg;

export interface ValidationSpec {
  /** DataValidationCriteria name, e.g. "VALUE_IN_LIST". */
  criteria: string;
  args: ValidationArg[];
  /** Apps Script: "The default for a new data validation rule is true" (DataValidationBuilder). */
  allowInvalid: boolean;
  helpText: string | null;
}

export type ProtectionKind = 'RANGE' | 'SHEET';

export interface ProtectionSpec {
  id: number;
  type: ProtectionKind;
  range: GridRef;
  description: string;
  /** null: "the permissions mirror those of the spreadsheet itself" until the list is changed. */
  editors: Set<string> | null;
  warningOnly: boolean;
  domainEdit: boolean;
  unprotected: GridRef[];
  rangeName: string | null;
  creator: string;
}

export interface ConditionalRuleSpec {
  /** BooleanCriteria name, e.g. "NUMBER_GREATER_THAN_OR_EQUAL_TO". */
  criteria: string | null;
  args: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  ranges: GridRef[];
}

export interface ChartSpec {
  id: number | null;
  /** Charts.ChartType name, e.g. "COLUMN". */
  chartType: string;
  ranges: GridRef[];
  anchorRow: number;
  anchorCol: number;
  offsetX: number;
  offsetY: number;
  options: Map<string, unknown>;
}

export interface NamedRangeSpec {
  name: string;
  range: GridRef;
}

export interface ToastRecord {
  msg: string;
  title: string;
  timeoutSeconds: number | null;
  atMs: number;
  user: string;
}

/** The range the Sheets UI (or the loader) hands back for an edited area. */
export interface ModelViews {
  range(ref: GridRef): unknown;
}

export interface UserEditResult {
  accepted: boolean;
  /** Why the edit was refused, in the words the Sheets UI uses. */
  reason?: string;
  code?: 'protected' | 'validation' | 'noAccess' | 'tooLong';
  range: unknown;
  /** As Apps Script's edit event: strings, only for single-cell edits, undefined when empty. */
  oldValue?: string;
  value?: string;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
/**
 * A spreadsheet's locale and time zone are the file's own, its creator's by default (Sheets help,
 * https://support.google.com/docs/answer/58515). The host's creator is a consumer account with
 * Google's US defaults unless the options say otherwise.
 */
export const DEFAULT_LOCALE = 'en_US';
export const DEFAULT_TIME_ZONE = 'America/Los_Angeles';
/** The user of an anonymous link edit (one account model for every fake): never in a domain. */
export { ANONYMOUS_USER } from '../accounts';

export const MESSAGES = {
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  validation: (a1: string): string =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  sheetExists: (name: string): string =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
} as const;

export class SheetModel {
  name: string;
  readonly sheetId: number;
  maxRows: number;
  maxCols: number;
  hidden = false;
  tabColor: string | null = null;
  frozenRows = 0;
  frozenCols = 0;
  readonly columnWidths = new Map<number, number>();
  /** rows[r-1][c-1]; sparse. */
  rows: Array<Array<CellData | undefined> | undefined> = [];
  conditionalRules: ConditionalRuleSpec[] = [];
  charts: ChartSpec[] = [];
  private version = 0;
  private extentVersion = -1;
  private extent = { lastRow: 0, lastCol: 0 };

  constructor(name: string, sheetId: number, maxRows = DEFAULT_ROWS, maxCols = DEFAULT_COLUMNS) {
    this.name = name;
    this.sheetId = sheetId;
    this.maxRows = maxRows;
    this.maxCols = maxCols;
  }

  cell(row: number, col: number): CellData | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  ensure(row: number, col: number): CellData {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = { v: '' };
      r[col - 1] = c;
    }
    return c;
  }

  touch(): void {
    this.version++;
  }

  /** Last row and column holding a value or formula (0 when the sheet is empty). */
  contentExtent(): { lastRow: number; lastCol: number } {
    if (this.extentVersion === this.version) return this.extent;
    let lastRow = 0;
    let lastCol = 0;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= 0; c--) {
        const cell = row[c];
        if (cell && (cell.v !== '' || cell.f !== undefined)) {
          lastRow = r + 1;
          if (c + 1 > lastCol) lastCol = c + 1;
          break;
        }
      }
    }
    this.extent = { lastRow, lastCol };
    this.extentVersion = this.version;
    return this.extent;
  }
}

export interface SpreadsheetModelOptions {
  id?: string;
  name?: string;
  /** The file's locale; default the creator's, a consumer account's {@link DEFAULT_LOCALE}. */
  locale?: string;
  /** The file's time zone; default the creator's, {@link DEFAULT_TIME_ZONE}. */
  timeZone?: string;
  owner: string;
  editors?: string[];
  /**
   * The Google Workspace domain the file belongs to (its owner's); undefined for a consumer
   * (gmail.com) owner, the default. Domain-wide protection rights exist only with one.
   */
  workspaceDomain?: string;
  /** ASSUMPTION: a new vi_VN spreadsheet's first sheet is "Trang tính1" ("Sheet1" in English). */
  firstSheetName?: string;
  /** Current virtual time, for "today" in typed dates and toast timestamps. */
  now?: () => number;
  /** No first sheet (the xlsx loader adds its own). */
  empty?: boolean;
}

/**
 * Formulas are stored but not evaluated. What a formula cell reads as (getValues/getDisplayValues)
 * is decided here; tests detect user text turned into a formula through getFormulas() or
 * `model.cellAt(...).f`. Default: a few constant forms are evaluated, everything else reads as
 * the error marker "#NAME?" (an unevaluated formula is never mistaken for text the user typed).
 */
export type FormulaEvaluator = (formula: string) => CellValue;

export const defaultFormulaEvaluator: FormulaEvaluator = (formula) => {
  const body = formula.slice(1).trim();
  const hyperlink = /^HYPERLINK\(\s*"([^"]*)"\s*(?:[,;]\s*"([^"]*)"\s*)?\)$/i.exec(body);
  if (hyperlink) return hyperlink[2] ?? hyperlink[1] ?? '';
  const str = /^"([^"]*)"$/.exec(body);
  if (str) return str[1] ?? '';
  if (/^-?\d+(\.\d+)?$/.test(body)) return Number(body);
  return '#NAME?';
};

let idCounter = 0;

export class SpreadsheetModel {
  readonly id: string;
  name: string;
  locale: string;
  timeZone: string;
  readonly owner: string;
  readonly editors: Set<string>;
  readonly workspaceDomain: string | undefined;
  readonly sheets: SheetModel[] = [];
  readonly namedRanges: NamedRangeSpec[] = [];
  readonly protections: ProtectionSpec[] = [];
  readonly toasts: ToastRecord[] = [];
  activeSheet: SheetModel | null = null;
  activeRange: GridRef | null = null;
  formulaEvaluator: FormulaEvaluator = defaultFormulaEvaluator;
  views: ModelViews | null = null;
  readonly now: () => number;
  private nextSheetSeed = 0;
  private nextProtectionId = 1;
  private nextChartId = 1;

  constructor(options: SpreadsheetModelOptions) {
    idCounter++;
    this.id =
      options.id ?? `1thidua${String(idCounter).padStart(4, '0')}LocalHostSpreadsheet0000000000`;
    this.name = options.name ?? 'Bảng tính không có tiêu đề';
    this.locale = options.locale ?? DEFAULT_LOCALE;
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    this.owner = options.owner;
    this.editors = new Set(options.editors ?? []);
    const domain = options.workspaceDomain?.trim().toLowerCase();
    this.workspaceDomain = domain ? domain : undefined;
    this.now = options.now ?? ((): number => Date.now());
    if (!options.empty) this.addSheet(options.firstSheetName ?? this.defaultSheetName(1));
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  defaultSheetName(n: number): string {
    return `${this.locale.startsWith('vi') ? 'Trang tính' : 'Sheet'}${n}`;
  }

  /** Sheet ids: 0 for the first, then large pseudo-random integers like real gids. */
  newSheetId(): number {
    const seed = this.nextSheetSeed++;
    if (seed === 0) return 0;
    return 100000000 + ((seed * 7919 * 104729) % 1900000000);
  }

  newProtectionId(): number {
    return this.nextProtectionId++;
  }

  newChartId(): number {
    return this.nextChartId++;
  }

  /** Sheet names are unique without regard to case (Sheets refuses "sheet1" next to "Sheet1"). */
  nameTaken(name: string, except?: SheetModel): boolean {
    const lower = name.toLowerCase();
    return this.sheets.some((s) => s !== except && s.name.toLowerCase() === lower);
  }

  /** Host-side: add a sheet (loader, tests). Throws Apps Script's message on a taken name. */
  addSheet(name: string, index?: number, rows = DEFAULT_ROWS, cols = DEFAULT_COLUMNS): SheetModel {
    if (this.nameTaken(name)) throw new Error(MESSAGES.sheetExists(name));
    const sheet = new SheetModel(name, this.newSheetId(), rows, cols);
    const at =
      index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  /**
   * Removes a sheet with what hangs on it (its protections and named ranges), as Sheets does when
   * a tab is deleted, by the script (Spreadsheet.deleteSheet) or by a user from the tab menu.
   */
  removeSheet(sheet: SheetModel): void {
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
    removeWhere(this.protections, (p) => p.range.sheet === sheet);
    removeWhere(this.namedRanges, (n) => n.range.sheet === sheet);
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheets[0] ?? null;
      this.activeRange = null;
    }
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Resolves "Sheet!A1:B2" (or A1 on the active sheet) to a GridRef; null when unknown. */
  resolveA1(a1: string, defaultSheet?: SheetModel): GridRef | null {
    const ref = parseA1(a1);
    if (!ref) return null;
    const sheet =
      ref.sheetName !== undefined
        ? this.sheet(ref.sheetName)
        : (defaultSheet ?? this.activeSheet ?? this.sheets[0]);
    if (!sheet) return null;
    return gridFromA1(sheet, ref);
  }

  private requireRef(a1WithSheet: string): GridRef {
    const ref = this.resolveA1(a1WithSheet);
    if (!ref) throw new Error(`thidua host: no such range ${a1WithSheet}`);
    return ref;
  }

  /** Stored cell data at a single cell, without counting a call (undefined when never touched). */
  cellAt(a1WithSheet: string): CellData | undefined {
    const ref = this.requireRef(a1WithSheet);
    return ref.sheet.cell(ref.row, ref.col);
  }

  /** The value the script's getValue() would see, with Dates as host-realm Dates. */
  valueAt(a1WithSheet: string): unknown {
    const ref = this.requireRef(a1WithSheet);
    return this.readValue(ref.sheet.cell(ref.row, ref.col), (ms) => new Date(ms));
  }

  /** The display string getDisplayValue() would show. */
  displayAt(a1WithSheet: string): string {
    const ref = this.requireRef(a1WithSheet);
    return this.readDisplay(ref.sheet.cell(ref.row, ref.col));
  }

  /** A rectangle of values as getValues() would return them (host-realm Dates). */
  valuesAt(a1WithSheet: string): unknown[][] {
    const ref = this.requireRef(a1WithSheet);
    return this.readGrid(ref, (cell) => this.readValue(cell, (ms) => new Date(ms)));
  }

  displaysAt(a1WithSheet: string): string[][] {
    const ref = this.requireRef(a1WithSheet);
    return this.readGrid(ref, (cell) => this.readDisplay(cell));
  }

  /** Protections whose area covers the cell (sheet protections minus their unprotected ranges). */
  protectionsAt(a1WithSheet: string): ProtectionSpec[] {
    const ref = this.requireRef(a1WithSheet);
    return this.protections.filter((p) => protectsCell(p, ref.sheet, ref.row, ref.col));
  }

  namedRange(name: string): NamedRangeSpec | undefined {
    return this.namedRanges.find((n) => n.name === name);
  }

  readGrid<T>(ref: GridRef, read: (cell: CellData | undefined) => T): T[][] {
    const out: T[][] = new Array<T[]>(ref.numRows);
    for (let i = 0; i < ref.numRows; i++) {
      const row = ref.sheet.rows[ref.row - 1 + i];
      const line: T[] = new Array<T>(ref.numCols);
      for (let j = 0; j < ref.numCols; j++) line[j] = read(row?.[ref.col - 1 + j]);
      out[i] = line;
    }
    return out;
  }

  /** A formula's cached result (from .xlsx) or the evaluator's answer; the value otherwise. */
  formulaValue(cell: CellData): CellValue {
    if (cell.f === undefined || cell.v !== '') return cell.v;
    return this.formulaEvaluator(cell.f);
  }

  /** A cell's value as getValues() types it: number, string, boolean, Date or ''. */
  readValue(cell: CellData | undefined, makeDate: (ms: number) => Date): unknown {
    if (!cell) return '';
    const v = this.formulaValue(cell);
    if (typeof v === 'number' && cell.fmt !== undefined && isDateFormat(cell.fmt)) {
      return makeDate(serialToMs(v, this.timeZone));
    }
    return v;
  }

  readDisplay(cell: CellData | undefined): string {
    if (!cell) return '';
    const v = this.formulaValue(cell);
    return displayValue(v, cell.fmt, this.locale);
  }

  /** Converts what a script or a user writes into what the cell stores (typed-input rules). */
  toStored(input: unknown, cell: CellData | undefined): StoredWrite {
    if (input === null || input === undefined) return { v: '' };
    if (typeof input === 'string') {
      const parsed = parseTypedInput(
        input,
        this.locale,
        cell?.fmt,
        new Date(this.now()).getUTCFullYear(),
      );
      if (parsed.kind === 'formula') return { v: '', f: parsed.formula };
      const out: StoredWrite = { v: parsed.value };
      if (parsed.format !== undefined) {
        const current = cell?.fmt;
        if (parsed.isDate ? !isDateFormat(current) : current === undefined) out.fmt = parsed.format;
      }
      return out;
    }
    if (typeof input === 'number') {
      return Number.isFinite(input) ? { v: input } : { v: String(input) };
    }
    if (typeof input === 'boolean') return { v: input };
    if (isDate(input)) {
      const ms = input.getTime();
      if (Number.isNaN(ms)) return { v: '' };
      const out: StoredWrite = { v: msToSerial(ms, this.timeZone) };
      // ASSUMPTION: a Date written to a cell without a date format gets the locale's date-time format.
      if (!isDateFormat(cell?.fmt)) out.fmt = localeInfo(this.locale).dateTime;
      return out;
    }
    // Objects reach Sheets as their string form (Apps Script converts unknown objects to text).
    return { v: (input as { toString(): string }).toString() };
  }

  /** First cell (row-major) where a rejecting validation refuses the write, as A1; else null. */
  validationFailure(ref: GridRef, writes: StoredWrite[][]): string | null {
    for (let i = 0; i < ref.numRows; i++) {
      const row = ref.sheet.rows[ref.row - 1 + i];
      if (!row) continue;
      for (let j = 0; j < ref.numCols; j++) {
        const cell = row[ref.col - 1 + j];
        const dv = cell?.dv;
        if (!dv || dv.allowInvalid) continue;
        const w = writes[i]?.[j];
        if (!w || w.f !== undefined || w.v === '') continue;
        if (!this.satisfies(dv, w.v, w.fmt ?? cell.fmt)) {
          return `${columnToLetters(ref.col + j)}${ref.row + i}`;
        }
      }
    }
    return null;
  }

  /** Evaluates a data validation criterion against a stored value. */
  satisfies(dv: ValidationSpec, v: CellValue, fmt: string | undefined): boolean {
    const num = typeof v === 'number' ? v : null;
    const a = dv.args;
    const n = (k: number): number => Number(a[k]);
    const text = displayValue(v, fmt, this.locale);
    switch (dv.criteria) {
      case 'VALUE_IN_LIST': {
        const list = Array.isArray(a[0]) ? a[0] : [];
        return list.some((item) => item === text || item === String(v));
      }
      case 'VALUE_IN_RANGE': {
        const src = a[0] as GridRef | undefined;
        if (!src || !('sheet' in src)) return false;
        const shown = this.readGrid(src, (c) => this.readDisplay(c));
        return shown.some((line) => line.some((s) => s !== '' && s === text));
      }
      case 'NUMBER_BETWEEN':
        return num !== null && num >= Math.min(n(0), n(1)) && num <= Math.max(n(0), n(1));
      case 'NUMBER_NOT_BETWEEN':
        return num !== null && (num < Math.min(n(0), n(1)) || num > Math.max(n(0), n(1)));
      case 'NUMBER_EQUAL_TO':
        return num === n(0);
      case 'NUMBER_NOT_EQUAL_TO':
        return num !== null && num !== n(0);
      case 'NUMBER_GREATER_THAN':
        return num !== null && num > n(0);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return num !== null && num >= n(0);
      case 'NUMBER_LESS_THAN':
        return num !== null && num < n(0);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return num !== null && num <= n(0);
      case 'CHECKBOX':
        if (a.length === 0) return typeof v === 'boolean';
        return a.some((x) => x === v || (typeof x !== 'object' && String(x) === text));
      case 'DATE_IS_VALID_DATE':
        return num !== null && isDateFormat(fmt);
      case 'TEXT_CONTAINS':
        return text.includes(argText(a[0]));
      case 'TEXT_DOES_NOT_CONTAIN':
        return !text.includes(argText(a[0]));
      case 'TEXT_EQUAL_TO':
        return text === argText(a[0]);
      case 'TEXT_IS_VALID_EMAIL':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
      case 'TEXT_IS_VALID_URL':
        return /^https?:\/\/\S+$/i.test(text);
      default:
        // Date ranges and custom formulas are not evaluated by the host: accept.
        return true;
    }
  }

  /** True when `user` may edit every cell of `ref` (owner always; warning-only never blocks). */
  canEditArea(user: string, ref: GridRef): boolean {
    return this.firstForbiddenCell(user, ref) === null;
  }

  firstForbiddenCell(user: string, ref: GridRef): { row: number; col: number } | null {
    if (user === this.owner) return null;
    for (const p of this.protections) {
      if (p.range.sheet !== ref.sheet || p.warningOnly) continue;
      if (this.protectionAllows(p, user)) continue;
      const r1 = Math.max(ref.row, p.range.row);
      const r2 = Math.min(ref.row + ref.numRows, p.range.row + p.range.numRows) - 1;
      const c1 = Math.max(ref.col, p.range.col);
      const c2 = Math.min(ref.col + ref.numCols, p.range.col + p.range.numCols) - 1;
      if (r1 > r2 || c1 > c2) continue;
      if (p.unprotected.length === 0) return { row: r1, col: c1 };
      for (let r = r1; r <= r2; r++) {
        for (let c = c1; c <= c2; c++) {
          if (!p.unprotected.some((u) => contains(u, r, c))) return { row: r, col: c };
        }
      }
    }
    return null;
  }

  /**
   * "The spreadsheet owner is always able to edit protected ranges and sheets" (Protection.canEdit);
   * domain edit means "all users in the Google Workspace domain that owns the spreadsheet"
   * (Protection.setDomainEdit): the file's domain, not the owner's e-mail domain.
   */
  protectionAllows(p: ProtectionSpec, user: string): boolean {
    if (user === this.owner) return true;
    const editors = p.editors ?? this.allEditors();
    if (editors.has(user)) return true;
    return p.domainEdit && this.inWorkspaceDomain(user);
  }

  inWorkspaceDomain(user: string): boolean {
    return (
      this.workspaceDomain !== undefined &&
      user !== ANONYMOUS_USER &&
      domainOf(user) === this.workspaceDomain
    );
  }

  /** Owner plus spreadsheet editors. */
  allEditors(): Set<string> {
    return new Set([this.owner, ...this.editors]);
  }

  /** Whether `user` may edit the file at all (owner or editor). */
  canEditFile(user: string): boolean {
    return user === this.owner || this.editors.has(user);
  }

  /** Writes stored values into a rectangle; callers have checked protection and validation. */
  commit(ref: GridRef, writes: StoredWrite[][]): void {
    for (let i = 0; i < ref.numRows; i++) {
      const line = writes[i] as StoredWrite[];
      for (let j = 0; j < ref.numCols; j++) {
        const w = line[j] as StoredWrite;
        const existing = ref.sheet.cell(ref.row + i, ref.col + j);
        if (!existing && w.v === '' && w.f === undefined && w.fmt === undefined) continue;
        const cell = existing ?? ref.sheet.ensure(ref.row + i, ref.col + j);
        cell.v = w.v;
        if (w.f !== undefined) cell.f = w.f;
        else delete cell.f;
        if (w.fmt !== undefined) cell.fmt = w.fmt;
      }
    }
    ref.sheet.touch();
  }

  /**
   * Applies an edit the way the Sheets UI would for `user`: refused (nothing changes) when a
   * protection forbids it or a rejecting data validation fails; otherwise typed strings are
   * parsed like typed input. Not a script service call.
   */
  userEdit(user: string, a1WithSheet: string, values: unknown): UserEditResult {
    const ref = this.requireRef(a1WithSheet);
    const grid: unknown[][] = Array.isArray(values)
      ? (values as unknown[][])
      : Array.from({ length: ref.numRows }, () => new Array<unknown>(ref.numCols).fill(values));
    if (
      grid.length !== ref.numRows ||
      grid.some((r) => !Array.isArray(r) || r.length !== ref.numCols)
    ) {
      throw new Error(`thidua host: userEdit values do not match ${a1WithSheet}`);
    }
    const range = this.views ? this.views.range(ref) : ref;
    const single = ref.numRows === 1 && ref.numCols === 1;
    const result: UserEditResult = { accepted: false, range };
    if (!this.canEditFile(user)) {
      return {
        ...result,
        code: 'noAccess',
        reason: 'You need permission to edit this spreadsheet.',
      };
    }
    if (this.firstForbiddenCell(user, ref)) {
      return { ...result, code: 'protected', reason: MESSAGES.protectedCell };
    }
    const writes = grid.map((line, i) =>
      line.map((v, j) => this.toStored(v, ref.sheet.cell(ref.row + i, ref.col + j))),
    );
    const tooLong = cellTextFailure(writes);
    if (tooLong) return { ...result, code: 'tooLong', reason: tooLong };
    const bad = this.validationFailure(ref, writes);
    if (bad) {
      const badRef = this.resolveA1(bad, ref.sheet) as GridRef;
      const help = ref.sheet.cell(badRef.row, badRef.col)?.dv?.helpText;
      return {
        ...result,
        code: 'validation',
        reason: help ?? `Invalid: ${MESSAGES.validation(bad)}`,
      };
    }
    const before = single ? eventString(ref.sheet.cell(ref.row, ref.col)) : undefined;
    this.commit(ref, writes);
    const out: UserEditResult = { accepted: true, range };
    if (single) {
      const after = eventString(ref.sheet.cell(ref.row, ref.col));
      if (before !== undefined) out.oldValue = before;
      if (after !== undefined) out.value = after;
    }
    return out;
  }

  /** Moves protections, named ranges and rules when rows are inserted (delta>0) or deleted. */
  shiftRows(sheet: SheetModel, at: number, delta: number): void {
    for (const g of this.gridRefsOn(sheet)) shiftSpan(g, 'row', 'numRows', at, delta);
  }

  shiftColumns(sheet: SheetModel, at: number, delta: number): void {
    for (const g of this.gridRefsOn(sheet)) shiftSpan(g, 'col', 'numCols', at, delta);
  }

  private gridRefsOn(sheet: SheetModel): GridRef[] {
    const out: GridRef[] = [];
    for (const p of this.protections) {
      if (p.range.sheet === sheet) out.push(p.range);
      out.push(...p.unprotected.filter((u) => u.sheet === sheet));
    }
    for (const n of this.namedRanges) if (n.range.sheet === sheet) out.push(n.range);
    for (const r of sheet.conditionalRules) out.push(...r.ranges);
    return out;
  }

  /** A1 of a GridRef with its sheet, e.g. "'Tự chấm'!C5:J24". */
  static a1(ref: GridRef, withSheet = false): string {
    const body = formatA1(ref.row, ref.col, ref.numRows, ref.numCols, {
      wholeColumns: ref.wholeColumns,
      wholeRows: ref.wholeRows,
    });
    if (!withSheet) return body;
    return `${quoteSheetName(ref.sheet.name)}!${body}`;
  }
}

export interface StoredWrite {
  v: CellValue;
  f?: string;
  fmt?: string;
}

function shiftSpan(
  g: GridRef,
  start: 'row' | 'col',
  size: 'numRows' | 'numCols',
  at: number,
  delta: number,
): void {
  const s = g[start];
  const e = s + g[size] - 1;
  if (delta > 0) {
    if (at <= s) g[start] = s + delta;
    else if (at <= e) g[size] += delta;
    return;
  }
  const delFrom = at;
  const delTo = at - delta - 1;
  const overlap = Math.max(0, Math.min(e, delTo) - Math.max(s, delFrom) + 1);
  if (delTo < s) g[start] = s + delta;
  else if (delFrom <= s) g[start] = delFrom;
  g[size] = Math.max(1, g[size] - overlap);
}

function argText(a: ValidationArg | undefined): string {
  return typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean' ? String(a) : '';
}

function eventString(cell: CellData | undefined): string | undefined {
  if (!cell || (cell.v === '' && cell.f === undefined)) return undefined;
  const v = cell.v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

export function contains(g: GridRef, row: number, col: number): boolean {
  return row >= g.row && row < g.row + g.numRows && col >= g.col && col < g.col + g.numCols;
}

export function protectsCell(
  p: ProtectionSpec,
  sheet: SheetModel,
  row: number,
  col: number,
): boolean {
  if (p.range.sheet !== sheet || !contains(p.range, row, col)) return false;
  return !p.unprotected.some((u) => contains(u, row, col));
}

/** Turns a parsed A1 into a rectangle, clamping open ends to the sheet's size. */
export function gridFromA1(sheet: SheetModel, ref: A1Ref): GridRef {
  const wholeColumns = ref.startRow === undefined && ref.endRow === undefined;
  const wholeRows = ref.startCol === undefined && ref.endCol === undefined;
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? sheet.maxRows;
  const endCol = ref.endCol ?? sheet.maxCols;
  return {
    sheet,
    row,
    col,
    numRows: endRow - row + 1,
    numCols: endCol - col + 1,
    wholeColumns: wholeColumns || undefined,
    wholeRows: wholeRows || undefined,
  };
}

function removeWhere<T>(list: T[], pred: (x: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (pred(list[i] as T)) list.splice(i, 1);
}
