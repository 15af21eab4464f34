/**
 * Range: https://developers.google.com/apps-script/reference/spreadsheet/range
 */
import { assertType, AssertNoExtraMethods, FakeOf } from '../strict';
import { parseA1 } from './a1';
import {
  asText,
  Ctx,
  currentUser,
  guardFileEdit,
  fail,
  paramError,
  requireNumber,
  requireString,
  unwrap,
} from './core';
import { cellTextFailure } from './limits';
import {
  CellData,
  GridRef,
  MESSAGES,
  ProtectionSpec,
  SheetModel,
  SpreadsheetModel,
  StoredWrite,
  ValidationSpec,
  gridFromA1,
} from './model';

type Real = GoogleAppsScript.Spreadsheet.Range;

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
};

/** Sheets reports colours as lowercase #rrggbb. */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}

/** Checks a rectangle against the sheet, with Apps Script's messages. */
export function checkBounds(
  ctx: Ctx,
  sheet: SheetModel,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): void {
  if (row < 1) throw fail(ctx, 'The starting row of the range is too small.');
  if (col < 1) throw fail(ctx, 'The starting column of the range is too small.');
  if (numRows < 1) throw fail(ctx, 'The number of rows in the range must be at least 1.');
  if (numCols < 1) throw fail(ctx, 'The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
    throw fail(ctx, MESSAGES.outsideSheet);
  }
}

/** Sheet.getRange's four overloads: (row, column[, numRows[, numColumns]]) or (a1Notation). */
export function rangeFromArgs(
  ctx: Ctx,
  sheet: SheetModel,
  args: unknown[],
  method: string,
): GridRef {
  if (typeof args[0] === 'string' && args.length === 1) {
    return rangeFromA1(ctx, args[0], sheet);
  }
  const count = Math.max(2, args.length);
  if (args.length < 2 || args.length > 4) throw paramError(ctx, method, args);
  requireNumber(ctx, method, args, count);
  const [row, col, numRows = 1, numCols = 1] = (args as number[]).map(Math.trunc);
  checkBounds(ctx, sheet, row as number, col as number, numRows, numCols);
  return { sheet, row: row as number, col: col as number, numRows, numCols };
}

/** A1 notation, with an optional sheet prefix; "Range not found" when it does not parse. */
export function rangeFromA1(ctx: Ctx, a1: string, defaultSheet: SheetModel | null): GridRef {
  const parsed = parseA1(a1);
  if (!parsed) throw fail(ctx, MESSAGES.rangeNotFound);
  // ASSUMPTION: a sheet prefix in Sheet.getRange selects that sheet (as Spreadsheet.getRange does).
  const sheet =
    parsed.sheetName !== undefined
      ? ctx.model.sheet(parsed.sheetName)
      : (defaultSheet ?? ctx.model.activeSheet);
  if (!sheet) throw fail(ctx, MESSAGES.rangeNotFound);
  const ref = gridFromA1(sheet, parsed);
  if (ref.numRows < 1 || ref.numCols < 1) throw fail(ctx, MESSAGES.rangeNotFound);
  checkBounds(ctx, sheet, ref.row, ref.col, ref.numRows, ref.numCols);
  return ref;
}

function sameDims(ctx: Ctx, ref: GridRef, data: unknown, method: string): unknown[][] {
  if (!Array.isArray(data)) throw paramError(ctx, method, [data]);
  if (data.length !== ref.numRows) {
    throw fail(
      ctx,
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${ref.numRows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row)) throw paramError(ctx, method, [data]);
    if (row.length !== ref.numCols) {
      throw fail(
        ctx,
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${ref.numCols}.`,
      );
    }
  }
  return data as unknown[][];
}

/** Text formatting, not number formats (Range.clearFormat keeps number formats). */
function clearTextFormat(cell: CellData): void {
  delete cell.bg;
  delete cell.fw;
  delete cell.fc;
  delete cell.fst;
  delete cell.ha;
  delete cell.wrap;
}

export class FakeRange implements FakeOf<Real> {
  private readonly ctx: Ctx;
  private readonly ref: GridRef;

  constructor(ctx: Ctx, ref: GridRef) {
    this.ctx = ctx;
    this.ref = ref;
  }

  private get size(): number {
    return this.ref.numRows * this.ref.numCols;
  }

  private get model(): SpreadsheetModel {
    return this.ctx.model;
  }

  private call(method: string, units = 0): void {
    this.ctx.rt.call(`Range.${method}`, units);
  }

  /** Every edit by the script runs as the execution's user and honours protections. */
  private guardEdit(): void {
    guardFileEdit(this.ctx);
    if (this.model.firstForbiddenCell(currentUser(this.ctx), this.ref)) {
      throw fail(this.ctx, MESSAGES.protectedCell);
    }
  }

  private read<T>(fn: (cell: CellData | undefined) => T): T[][] {
    return this.model.readGrid(this.ref, fn);
  }

  private forEachCell(fn: (cell: CellData, i: number, j: number) => void): void {
    const { sheet, row, col, numRows, numCols } = this.ref;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) fn(sheet.ensure(row + i, col + j), i, j);
    }
    sheet.touch();
  }

  /** Clears cells that exist without creating new ones. */
  private forExisting(fn: (cell: CellData) => void): void {
    forExistingCells(this.ref, fn);
  }

  private writeValues(grid: unknown[][]): void {
    this.guardEdit();
    const { sheet, row, col } = this.ref;
    const writes: StoredWrite[][] = grid.map((line, i) =>
      line.map((v, j) => this.model.toStored(v, sheet.cell(row + i, col + j))),
    );
    const tooLong = cellTextFailure(writes);
    if (tooLong) throw fail(this.ctx, tooLong);
    const bad = this.model.validationFailure(this.ref, writes);
    if (bad) throw fail(this.ctx, MESSAGES.validation(bad));
    this.model.commit(this.ref, writes);
  }

  private fill<T>(value: T): T[][] {
    return Array.from({ length: this.ref.numRows }, () =>
      new Array<T>(this.ref.numCols).fill(value),
    );
  }

  private top(): CellData | undefined {
    return this.ref.sheet.cell(this.ref.row, this.ref.col);
  }

  private offsetRange(
    rowOffset: number,
    colOffset: number,
    numRows: number,
    numCols: number,
  ): object {
    const { sheet, row, col } = this.ref;
    checkBounds(this.ctx, sheet, row + rowOffset, col + colOffset, numRows, numCols);
    return this.ctx.views.range({
      sheet,
      row: row + rowOffset,
      col: col + colOffset,
      numRows,
      numCols,
    });
  }

  // ------------------------------------------------------------ geometry

  getA1Notation(): string {
    this.call('getA1Notation');
    return SpreadsheetModel.a1(this.ref);
  }
  getRow(): number {
    this.call('getRow');
    return this.ref.row;
  }
  getRowIndex(): number {
    this.call('getRowIndex');
    return this.ref.row;
  }
  getColumn(): number {
    this.call('getColumn');
    return this.ref.col;
  }
  getNumRows(): number {
    this.call('getNumRows');
    return this.ref.numRows;
  }
  getNumColumns(): number {
    this.call('getNumColumns');
    return this.ref.numCols;
  }
  getHeight(): number {
    this.call('getHeight');
    return this.ref.numRows;
  }
  getWidth(): number {
    this.call('getWidth');
    return this.ref.numCols;
  }
  /** "Returns the end row position" of the range itself, not of the sheet's content. */
  getLastRow(): number {
    this.call('getLastRow');
    return this.ref.row + this.ref.numRows - 1;
  }
  getLastColumn(): number {
    this.call('getLastColumn');
    return this.ref.col + this.ref.numCols - 1;
  }
  getSheet(): object {
    this.call('getSheet');
    return this.ctx.views.sheet(this.ref.sheet);
  }
  getGridId(): number {
    this.call('getGridId');
    return this.ref.sheet.sheetId;
  }
  offset(...args: Array<number | undefined>): object {
    this.call('offset');
    if (args.length < 2 || args.length > 4) throw paramError(this.ctx, 'Range.offset', args);
    requireNumber(this.ctx, 'Range.offset', args, args.length);
    const [rowOffset = 0, columnOffset = 0, numRows, numColumns] = args;
    return this.offsetRange(
      Math.trunc(rowOffset),
      Math.trunc(columnOffset),
      Math.trunc(numRows ?? this.ref.numRows),
      Math.trunc(numColumns ?? this.ref.numCols),
    );
  }
  getCell(row: number, column: number): object {
    this.call('getCell');
    requireNumber(this.ctx, 'Range.getCell', [row, column], 2);
    if (row < 1 || column < 1 || row > this.ref.numRows || column > this.ref.numCols) {
      throw fail(this.ctx, 'Cell reference out of range');
    }
    return this.offsetRange(row - 1, column - 1, 1, 1);
  }
  activate(): this {
    this.call('activate');
    this.model.activeSheet = this.ref.sheet;
    this.model.activeRange = { ...this.ref };
    return this;
  }
  canEdit(): boolean {
    this.call('canEdit');
    return this.model.canEditArea(currentUser(this.ctx), this.ref);
  }
  isBlank(): boolean {
    this.call('isBlank', this.size);
    return this.read((c) => !c || (c.v === '' && c.f === undefined)).every((r) => r.every(Boolean));
  }

  // ------------------------------------------------------------ values

  getValue(): unknown {
    this.call('getValue', 1);
    return this.model.readValue(this.top(), (ms) => this.ctx.rt.scriptDate(ms));
  }
  getValues(): unknown[][] {
    this.call('getValues', this.size);
    return this.read((c) => this.model.readValue(c, (ms) => this.ctx.rt.scriptDate(ms)));
  }
  getDisplayValue(): string {
    this.call('getDisplayValue', 1);
    return this.model.readDisplay(this.top());
  }
  getDisplayValues(): string[][] {
    this.call('getDisplayValues', this.size);
    return this.read((c) => this.model.readDisplay(c));
  }
  getFormula(): string {
    this.call('getFormula', 1);
    return this.top()?.f ?? '';
  }
  getFormulas(): string[][] {
    this.call('getFormulas', this.size);
    return this.read((c) => c?.f ?? '');
  }
  /** Sets every cell of the range; strings are parsed like typed input. */
  setValue(value: unknown): this {
    this.call('setValue', this.size);
    this.writeValues(this.fill(value));
    return this;
  }
  setValues(values: unknown[][]): this {
    this.call('setValues', this.size);
    this.writeValues(sameDims(this.ctx, this.ref, values, 'Range.setValues'));
    return this;
  }
  setFormula(formula: string): this {
    this.call('setFormula', this.size);
    requireString(this.ctx, 'Range.setFormula', [formula]);
    this.writeValues(this.fill(formula.startsWith('=') ? formula : `=${formula}`));
    return this;
  }
  setFormulas(formulas: string[][]): this {
    this.call('setFormulas', this.size);
    const grid = sameDims(this.ctx, this.ref, formulas, 'Range.setFormulas');
    this.guardEdit();
    const writes = grid.map((line) =>
      line.map((f): StoredWrite => {
        const text = asText(f);
        if (text === '') return { v: '' };
        return { v: '', f: text.startsWith('=') ? text : `=${text}` };
      }),
    );
    const tooLong = cellTextFailure(writes);
    if (tooLong) throw fail(this.ctx, tooLong);
    this.model.commit(this.ref, writes);
    return this;
  }

  // ------------------------------------------------------------ clearing

  /**
   * clear(): "Clears the range of contents and formats." With options, "as specified with the
   * given advanced options. By default all data is cleared" (notes and validations included).
   * ASSUMPTION: notes count as the "comments" of commentsOnly.
   */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): this {
    this.call('clear', this.size);
    this.guardEdit();
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    const contents = options === undefined || !any || !!o.contentsOnly;
    const formats = options === undefined || !any || !!o.formatOnly;
    const notes = options !== undefined && (!any || !!o.commentsOnly);
    const validations = options !== undefined && (!any || !!o.validationsOnly);
    this.forExisting((cell) => {
      if (contents) {
        cell.v = '';
        delete cell.f;
      }
      if (formats) {
        clearTextFormat(cell);
        delete cell.fmt;
      }
      if (notes) delete cell.note;
      if (validations) delete cell.dv;
    });
    return this;
  }
  /** "Clears the content of the range, leaving the formatting intact." */
  clearContent(): this {
    this.call('clearContent', this.size);
    this.guardEdit();
    clearContentOf(this.ref);
    return this;
  }
  /** "...does not reset any number formatting rules." */
  clearFormat(): this {
    this.call('clearFormat', this.size);
    this.guardEdit();
    this.forExisting((cell) => {
      clearTextFormat(cell);
    });
    return this;
  }
  clearNote(): this {
    this.call('clearNote', this.size);
    this.guardEdit();
    this.forExisting((cell) => delete cell.note);
    return this;
  }
  clearDataValidations(): this {
    this.call('clearDataValidations', this.size);
    this.guardEdit();
    this.forExisting((cell) => delete cell.dv);
    return this;
  }

  // ------------------------------------------------------------ formats

  getNumberFormat(): string {
    this.call('getNumberFormat', 1);
    // ASSUMPTION: an unformatted cell reports "General" (older runtimes said "0.###############").
    return this.top()?.fmt ?? 'General';
  }
  getNumberFormats(): string[][] {
    this.call('getNumberFormats', this.size);
    return this.read((c) => c?.fmt ?? 'General');
  }
  setNumberFormat(numberFormat: string): this {
    this.call('setNumberFormat', this.size);
    requireString(this.ctx, 'Range.setNumberFormat', [numberFormat]);
    this.guardEdit();
    this.forEachCell((cell) => {
      cell.fmt = numberFormat;
    });
    return this;
  }
  setNumberFormats(numberFormats: string[][]): this {
    this.call('setNumberFormats', this.size);
    const grid = sameDims(this.ctx, this.ref, numberFormats, 'Range.setNumberFormats');
    this.guardEdit();
    this.forEachCell((cell, i, j) => {
      cell.fmt = String(grid[i]?.[j]);
    });
    return this;
  }
  getBackground(): string {
    this.call('getBackground', 1);
    return this.top()?.bg ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    this.call('getBackgrounds', this.size);
    return this.read((c) => c?.bg ?? '#ffffff');
  }
  /** A null colour resets the background. */
  setBackground(color: string | null): this {
    this.call('setBackground', this.size);
    this.guardEdit();
    this.forEachCell((cell) => {
      setOrDelete(cell, 'bg', color === null ? null : normalizeColor(color));
    });
    return this;
  }
  setBackgrounds(color: Array<Array<string | null>>): this {
    this.call('setBackgrounds', this.size);
    const grid = sameDims(this.ctx, this.ref, color, 'Range.setBackgrounds');
    this.guardEdit();
    this.forEachCell((cell, i, j) => {
      const c = grid[i]?.[j];
      setOrDelete(cell, 'bg', typeof c === 'string' && c !== '' ? normalizeColor(c) : null);
    });
    return this;
  }
  getFontWeight(): string {
    this.call('getFontWeight', 1);
    return this.top()?.fw ?? 'normal';
  }
  getFontWeights(): string[][] {
    this.call('getFontWeights', this.size);
    return this.read((c) => c?.fw ?? 'normal');
  }
  setFontWeight(fontWeight: 'normal' | 'bold' | null): this {
    this.call('setFontWeight', this.size);
    this.guardEdit();
    this.forEachCell((cell) => {
      setOrDelete(cell, 'fw', fontWeight === 'bold' ? 'bold' : null);
    });
    return this;
  }
  setFontWeights(fontWeights: Array<Array<'normal' | 'bold' | null>>): this {
    this.call('setFontWeights', this.size);
    const grid = sameDims(this.ctx, this.ref, fontWeights, 'Range.setFontWeights');
    this.guardEdit();
    this.forEachCell((cell, i, j) => {
      setOrDelete(cell, 'fw', grid[i]?.[j] === 'bold' ? 'bold' : null);
    });
    return this;
  }
  setFontColor(color: string | null): this {
    this.call('setFontColor', this.size);
    this.guardEdit();
    this.forEachCell((cell) => {
      setOrDelete(cell, 'fc', color === null ? null : normalizeColor(color));
    });
    return this;
  }
  setFontColors(colors: unknown[][]): this {
    this.call('setFontColors', this.size);
    const grid = sameDims(this.ctx, this.ref, colors, 'Range.setFontColors');
    this.guardEdit();
    this.forEachCell((cell, i, j) => {
      const c = grid[i]?.[j];
      setOrDelete(cell, 'fc', typeof c === 'string' && c !== '' ? normalizeColor(c) : null);
    });
    return this;
  }
  getFontStyle(): string {
    this.call('getFontStyle', 1);
    return this.top()?.fst ?? 'normal';
  }
  getFontStyles(): string[][] {
    this.call('getFontStyles', this.size);
    return this.read((c) => c?.fst ?? 'normal');
  }
  setFontStyle(fontStyle: 'normal' | 'italic' | null): this {
    this.call('setFontStyle', this.size);
    this.guardEdit();
    this.forEachCell((cell) => {
      setOrDelete(cell, 'fst', fontStyle === 'italic' ? 'italic' : null);
    });
    return this;
  }
  getHorizontalAlignment(): string {
    this.call('getHorizontalAlignment', 1);
    return this.top()?.ha ?? 'general';
  }
  getHorizontalAlignments(): string[][] {
    this.call('getHorizontalAlignments', this.size);
    return this.read((c) => c?.ha ?? 'general');
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): this {
    this.call('setHorizontalAlignment', this.size);
    this.guardEdit();
    this.forEachCell((cell) => {
      setOrDelete(cell, 'ha', alignment === null || alignment === 'normal' ? null : alignment);
    });
    return this;
  }
  getWrap(): boolean {
    this.call('getWrap', 1);
    return this.top()?.wrap ?? false;
  }
  getWraps(): boolean[][] {
    this.call('getWraps', this.size);
    return this.read((c) => c?.wrap ?? false);
  }
  setWrap(isWrapEnabled: unknown): this {
    this.call('setWrap', this.size);
    this.guardEdit();
    this.forEachCell((cell) => {
      cell.wrap = Boolean(isWrapEnabled);
    });
    return this;
  }

  // ------------------------------------------------------------ notes

  getNote(): string {
    this.call('getNote', 1);
    return this.top()?.note ?? '';
  }
  getNotes(): string[][] {
    this.call('getNotes', this.size);
    return this.read((c) => c?.note ?? '');
  }
  /** A null or empty note removes it. */
  setNote(note: unknown): this {
    this.call('setNote', this.size);
    this.guardEdit();
    this.forEachCell((cell) => {
      setOrDelete(
        cell,
        'note',
        note === null || note === undefined || note === '' ? null : asText(note),
      );
    });
    return this;
  }
  setNotes(notes: Array<Array<string | null>>): this {
    this.call('setNotes', this.size);
    const grid = sameDims(this.ctx, this.ref, notes, 'Range.setNotes');
    this.guardEdit();
    this.forEachCell((cell, i, j) => {
      const n = grid[i]?.[j];
      setOrDelete(cell, 'note', n === null || n === undefined || n === '' ? null : asText(n));
    });
    return this;
  }

  // ------------------------------------------------------------ validation and protection

  getDataValidation(): object | null {
    this.call('getDataValidation', 1);
    const dv = this.top()?.dv;
    return dv ? this.ctx.views.validation(dv) : null;
  }
  getDataValidations(): Array<Array<object | null>> {
    this.call('getDataValidations', this.size);
    return this.read((c) => (c?.dv ? this.ctx.views.validation(c.dv) : null));
  }
  /** null removes the rule. */
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): this {
    this.call('setDataValidation', this.size);
    const spec =
      rule === null
        ? null
        : unwrap<ValidationSpec>(this.ctx, 'DataValidation', rule, 'Range.setDataValidation', [
            rule,
          ]);
    this.guardEdit();
    this.forEachCell((cell) => {
      setOrDelete(cell, 'dv', spec);
    });
    return this;
  }
  setDataValidations(
    rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>>,
  ): this {
    this.call('setDataValidations', this.size);
    const grid = sameDims(this.ctx, this.ref, rules, 'Range.setDataValidations');
    const specs = grid.map((line) =>
      line.map((r) =>
        r === null
          ? null
          : unwrap<ValidationSpec>(this.ctx, 'DataValidation', r, 'Range.setDataValidations', [
              rules,
            ]),
      ),
    );
    this.guardEdit();
    this.forEachCell((cell, i, j) => {
      setOrDelete(cell, 'dv', specs[i]?.[j] ?? null);
    });
    return this;
  }
  /**
   * "Until the script actually changes the list of editors for the range ... the permissions
   * mirror those of the spreadsheet itself" (Range.protect reference).
   */
  // ------------------------------------------------------------ sort

  /**
   * Sorts the range's rows. `sortSpecObj` is a column number, `{column, ascending}`, or an array
   * of those, later ones breaking ties; the numbers are the sheet's columns, not the range's
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj: on
   * A1:C7, `sort(2)` sorts by column B). Whole cells move with their row (value, formula, format,
   * note, validation), as a user's "Sort range" does.
   * ASSUMPTIONS (not on the reference page; Sheets' sort as observed): numbers and dates before
   * text, text before booleans, text compared without case; blank cells last in either order;
   * equal keys keep their order; formulas move as they are (relative references not rewritten);
   * a column outside the range fails with the message below.
   */
  sort(sortSpecObj: unknown): this {
    this.call('sort', this.size);
    const list: unknown[] = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj];
    const specs = list.map((s) => {
      const spec =
        typeof s === 'number'
          ? { column: s, ascending: true }
          : typeof s === 'object' &&
              s !== null &&
              typeof (s as { column?: unknown }).column === 'number'
            ? {
                column: (s as { column: number }).column,
                ascending: (s as { ascending?: unknown }).ascending !== false,
              }
            : undefined;
      if (spec === undefined) throw paramError(this.ctx, 'Range.sort', [sortSpecObj]);
      if (spec.column < this.ref.col || spec.column >= this.ref.col + this.ref.numCols) {
        throw fail(this.ctx, SORT_COLUMN_OUTSIDE);
      }
      return spec;
    });
    if (list.length === 0) throw paramError(this.ctx, 'Range.sort', [sortSpecObj]);
    this.guardEdit();
    const { sheet, row, col, numRows, numCols } = this.ref;
    const lines = Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numCols }, (_, j) => sheet.cell(row + i, col + j)),
    );
    const order = lines.map((_, i) => i);
    order.sort((a, b) => {
      for (const { column, ascending } of specs) {
        const x = lines[a]?.[column - col];
        const y = lines[b]?.[column - col];
        const d = compareForSort(x, y, ascending);
        if (d !== 0) return d;
      }
      return 0;
    });
    const sorted = order.map((i) => lines[i] as (CellData | undefined)[]);
    sorted.forEach((line, i) => {
      const target = sheet.rows[row - 1 + i] ?? [];
      sheet.rows[row - 1 + i] = target;
      line.forEach((cell, j) => {
        target[col - 1 + j] = cell;
      });
    });
    sheet.touch();
    return this;
  }

  protect(): object {
    this.call('protect');
    const spec: ProtectionSpec = {
      id: this.model.newProtectionId(),
      type: 'RANGE',
      range: { ...this.ref },
      description: '',
      editors: null,
      warningOnly: false,
      domainEdit: false,
      unprotected: [],
      rangeName: null,
      creator: currentUser(this.ctx),
    };
    this.model.protections.push(spec);
    return this.ctx.views.protection(spec);
  }
}

/** ASSUMPTION: the wording of Sheets' refusal of a sort column outside the range. */
export const SORT_COLUMN_OUTSIDE = 'The sort column must be within the range.';

/** Rank of a value's type in Sheets' sort: numbers and dates, text, booleans; blanks apart. */
function sortRank(v: unknown): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

function compareForSort(
  a: CellData | undefined,
  b: CellData | undefined,
  ascending: boolean,
): number {
  const x = a === undefined ? '' : a.v;
  const y = b === undefined ? '' : b.v;
  const blankX = x === '';
  const blankY = y === '';
  if (blankX || blankY) return blankX === blankY ? 0 : blankX ? 1 : -1; // blanks last, always
  const rank = sortRank(x) - sortRank(y);
  let d: number;
  if (rank !== 0) d = rank;
  else if (typeof x === 'number' && typeof y === 'number') d = x - y;
  else if (typeof x === 'string' && typeof y === 'string')
    d = x.localeCompare(y, undefined, { sensitivity: 'base' });
  else d = Number(x) - Number(y);
  return ascending ? d : -d;
}

/** The cells of `ref` that hold anything; absent cells are already empty. */
function forExistingCells(ref: GridRef, fn: (cell: CellData) => void): void {
  const { sheet, row, col, numRows, numCols } = ref;
  for (let i = 0; i < numRows; i++) {
    const line = sheet.rows[row - 1 + i];
    if (!line) continue;
    for (let j = 0; j < numCols; j++) {
      const cell = line[col - 1 + j];
      if (cell) fn(cell);
    }
  }
  sheet.touch();
}

/** Values and formulas gone, formats kept (Range.clearContent, RangeList.clearContent). */
export function clearContentOf(ref: GridRef): void {
  forExistingCells(ref, (cell) => {
    cell.v = '';
    delete cell.f;
  });
}

function setOrDelete<K extends keyof CellData>(
  cell: CellData,
  key: K,
  value: CellData[K] | null,
): void {
  if (value === null || value === undefined) {
    delete cell[key];
  } else cell[key] = value;
}

const _rangeHasNoExtras: true = assertType<AssertNoExtraMethods<FakeRange, Real>>();
