/**
 * Sheet: https://developers.google.com/apps-script/reference/spreadsheet/sheet
 */
import { assertType, AssertNoExtraMethods, FakeOf } from '../strict';
import {
  Ctx,
  currentUser,
  guardFileEdit,
  enumName,
  fail,
  paramError,
  requireNumber,
  requireString,
  unwrap,
} from './core';
import { cellTextFailure, growthFailure } from './limits';
import {
  CellData,
  ChartSpec,
  ConditionalRuleSpec,
  DEFAULT_COLUMN_WIDTH,
  GridRef,
  MESSAGES,
  ProtectionSpec,
  SheetModel,
  SpreadsheetModel,
  StoredWrite,
} from './model';
import { normalizeColor, rangeFromArgs, rangeFromA1 } from './range';

type Real = GoogleAppsScript.Spreadsheet.Sheet;

/** ASSUMPTION: Sheets caps sheet names at 100 characters; the exact message is not documented. */
export function checkSheetName(ctx: Ctx, name: string, except?: SheetModel): void {
  if (name.trim() === '') throw fail(ctx, 'Sheet name cannot be empty.');
  if (name.length > 100) throw fail(ctx, 'Sheet name is too long (maximum 100 characters).');
  if (ctx.model.nameTaken(name, except)) throw fail(ctx, MESSAGES.sheetExists(name));
}

export class FakeSheet implements FakeOf<Real> {
  private readonly ctx: Ctx;
  private readonly sheet: SheetModel;

  constructor(ctx: Ctx, sheet: SheetModel) {
    this.ctx = ctx;
    this.sheet = sheet;
  }

  private get model(): SpreadsheetModel {
    return this.ctx.model;
  }

  private call(method: string, units = 0): void {
    this.ctx.rt.call(`Sheet.${method}`, units);
  }

  private whole(): GridRef {
    return {
      sheet: this.sheet,
      row: 1,
      col: 1,
      numRows: this.sheet.maxRows,
      numCols: this.sheet.maxCols,
    };
  }

  private guard(ref: GridRef): void {
    guardFileEdit(this.ctx);
    if (this.model.firstForbiddenCell(currentUser(this.ctx), ref)) {
      throw fail(this.ctx, MESSAGES.protectedCell);
    }
  }

  private forExisting(fn: (cell: CellData) => void): void {
    for (const row of this.sheet.rows) {
      if (!row) continue;
      for (const cell of row) if (cell) fn(cell);
    }
    this.sheet.touch();
  }

  // ------------------------------------------------------------ identity

  getName(): string {
    this.call('getName');
    return this.sheet.name;
  }
  getSheetName(): string {
    this.call('getSheetName');
    return this.sheet.name;
  }
  /** A taken name throws 'A sheet with the name "X" already exists. Please enter another name.' */
  setName(name: string): this {
    this.call('setName');
    requireString(this.ctx, 'Sheet.setName', [name]);
    if (name === this.sheet.name) return this;
    checkSheetName(this.ctx, name, this.sheet);
    this.sheet.name = name;
    return this;
  }
  getSheetId(): number {
    this.call('getSheetId');
    return this.sheet.sheetId;
  }
  /** 1-based position among the spreadsheet's sheets. */
  getIndex(): number {
    this.call('getIndex');
    return this.model.sheets.indexOf(this.sheet) + 1;
  }
  getParent(): object {
    this.call('getParent');
    return this.ctx.views.spreadsheet();
  }
  activate(): this {
    this.call('activate');
    this.model.activeSheet = this.sheet;
    this.model.activeRange = null;
    return this;
  }
  getMaxRows(): number {
    this.call('getMaxRows');
    return this.sheet.maxRows;
  }
  getMaxColumns(): number {
    this.call('getMaxColumns');
    return this.sheet.maxCols;
  }
  /** Last row with content; 0 for an empty sheet. */
  getLastRow(): number {
    this.call('getLastRow');
    return this.sheet.contentExtent().lastRow;
  }
  getLastColumn(): number {
    this.call('getLastColumn');
    return this.sheet.contentExtent().lastCol;
  }

  // ------------------------------------------------------------ ranges

  getRange(...args: Array<number | string | undefined>): object {
    this.call('getRange');
    return this.ctx.views.range(rangeFromArgs(this.ctx, this.sheet, args, 'Sheet.getRange'));
  }
  /**
   * "Returns the RangeList collection representing the ranges in the same sheet specified by a
   * non-empty list of A1 notations or R1C1 notations."
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String))
   * An empty list, a non-string, or a range on another sheet is refused (stricter reading).
   */
  getRangeList(a1Notations: string[]): object {
    this.call('getRangeList');
    const args = [a1Notations];
    if (
      !Array.isArray(a1Notations) ||
      a1Notations.length === 0 ||
      a1Notations.some((a) => typeof a !== 'string')
    )
      throw paramError(this.ctx, 'Sheet.getRangeList', args);
    const refs = a1Notations.map((a1) => rangeFromA1(this.ctx, a1, this.sheet));
    if (refs.some((r) => r.sheet !== this.sheet))
      throw paramError(this.ctx, 'Sheet.getRangeList', args);
    return this.ctx.views.rangeList(refs);
  }
  /** From A1 to the last row and column with content; A1 alone for an empty sheet. */
  getDataRange(): object {
    const { lastRow, lastCol } = this.sheet.contentExtent();
    this.call('getDataRange', lastRow * lastCol);
    return this.ctx.views.range({
      sheet: this.sheet,
      row: 1,
      col: 1,
      numRows: Math.max(1, lastRow),
      numCols: Math.max(1, lastCol),
    });
  }
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const args = [startRow, startColumn, numRows, numColumns];
    this.call('getSheetValues', Math.max(0, numRows * numColumns));
    requireNumber(this.ctx, 'Sheet.getSheetValues', args, 4);
    const { lastRow, lastCol } = this.sheet.contentExtent();
    // -1 means "to the last row/column with content" for this method.
    const nr = numRows === -1 ? lastRow - startRow + 1 : numRows;
    const nc = numColumns === -1 ? lastCol - startColumn + 1 : numColumns;
    const ref = rangeFromArgs(
      this.ctx,
      this.sheet,
      [startRow, startColumn, nr, nc],
      'Sheet.getSheetValues',
    );
    return this.model.readGrid(ref, (cell) =>
      this.model.readValue(cell, (ms) => this.ctx.rt.scriptDate(ms)),
    );
  }
  setActiveSelection(range: unknown): object {
    this.call('setActiveSelection');
    const ref =
      typeof range === 'string'
        ? rangeFromA1(this.ctx, range, this.sheet)
        : unwrap<GridRef>(this.ctx, 'Range', range, 'Sheet.setActiveSelection', [range]);
    this.model.activeSheet = ref.sheet;
    this.model.activeRange = { ...ref };
    return this.ctx.views.range(ref);
  }
  getActiveRange(): object | null {
    this.call('getActiveRange');
    const r = this.model.activeRange;
    return r && r.sheet === this.sheet ? this.ctx.views.range(r) : null;
  }
  getNamedRanges(): object[] {
    this.call('getNamedRanges');
    return this.model.namedRanges
      .filter((n) => n.range.sheet === this.sheet)
      .map((n) => this.ctx.views.namedRange(n));
  }

  // ------------------------------------------------------------ rows and columns

  /** Appends after the last row with content, growing the sheet when needed. */
  appendRow(rowContents: unknown[]): this {
    this.call('appendRow', Array.isArray(rowContents) ? rowContents.length : 0);
    if (!Array.isArray(rowContents)) throw paramError(this.ctx, 'Sheet.appendRow', [rowContents]);
    if (rowContents.length === 0) return this;
    const row = this.sheet.contentExtent().lastRow + 1;
    const ref: GridRef = {
      sheet: this.sheet,
      row,
      col: 1,
      numRows: 1,
      numCols: rowContents.length,
    };
    this.guard(ref);
    const writes: StoredWrite[][] = [
      rowContents.map((v, j) => this.model.toStored(v, this.sheet.cell(row, j + 1))),
    ];
    const tooLong = cellTextFailure(writes);
    if (tooLong) throw fail(this.ctx, tooLong);
    const bad = this.model.validationFailure(ref, writes);
    if (bad) throw fail(this.ctx, MESSAGES.validation(bad));
    const rows = Math.max(row, this.sheet.maxRows);
    const cols = Math.max(rowContents.length, this.sheet.maxCols);
    const grow = growthFailure(
      this.model,
      rows * cols - this.sheet.maxRows * this.sheet.maxCols,
      cols,
    );
    if (grow) throw fail(this.ctx, grow);
    this.sheet.maxRows = rows;
    this.sheet.maxCols = cols;
    this.model.commit(ref, writes);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.call('insertRowsAfter');
    this.insertRows_(afterPosition + 1, howMany, 'Sheet.insertRowsAfter');
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.call('insertRowsBefore');
    this.insertRows_(beforePosition, howMany, 'Sheet.insertRowsBefore');
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    this.call('insertRowAfter');
    this.insertRows_(afterPosition + 1, 1, 'Sheet.insertRowAfter');
    return this;
  }
  insertRowBefore(beforePosition: number): this {
    this.call('insertRowBefore');
    this.insertRows_(beforePosition, 1, 'Sheet.insertRowBefore');
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.call('insertColumnsAfter');
    this.insertColumns_(afterPosition + 1, howMany, 'Sheet.insertColumnsAfter');
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.call('insertColumnsBefore');
    this.insertColumns_(beforePosition, howMany, 'Sheet.insertColumnsBefore');
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    this.call('insertColumnAfter');
    this.insertColumns_(afterPosition + 1, 1, 'Sheet.insertColumnAfter');
    return this;
  }
  insertColumnBefore(beforePosition: number): this {
    this.call('insertColumnBefore');
    this.insertColumns_(beforePosition, 1, 'Sheet.insertColumnBefore');
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.call('deleteRows');
    this.deleteRows_(rowPosition, howMany, 'Sheet.deleteRows');
  }
  deleteRow(rowPosition: number): this {
    this.call('deleteRow');
    this.deleteRows_(rowPosition, 1, 'Sheet.deleteRow');
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.call('deleteColumns');
    this.deleteColumns_(columnPosition, howMany, 'Sheet.deleteColumns');
  }
  deleteColumn(columnPosition: number): this {
    this.call('deleteColumn');
    this.deleteColumns_(columnPosition, 1, 'Sheet.deleteColumn');
    return this;
  }

  /** Inserts so that the first new row has 1-based index `at`. */
  private insertRows_(at: number, howMany: number, method: string): void {
    requireNumber(this.ctx, method, [at, howMany], 2);
    if (at < 1 || at > this.sheet.maxRows + 1 || howMany < 1) {
      throw fail(this.ctx, 'Those rows are out of bounds.');
    }
    const grow = growthFailure(this.model, howMany * this.sheet.maxCols);
    if (grow) throw fail(this.ctx, grow);
    insertBlanks(this.sheet.rows, at - 1, howMany);
    this.sheet.maxRows += howMany;
    this.model.shiftRows(this.sheet, at, howMany);
    this.sheet.touch();
  }

  private insertColumns_(at: number, howMany: number, method: string): void {
    requireNumber(this.ctx, method, [at, howMany], 2);
    if (at < 1 || at > this.sheet.maxCols + 1 || howMany < 1) {
      throw fail(this.ctx, 'Those columns are out of bounds.');
    }
    const grow = growthFailure(
      this.model,
      howMany * this.sheet.maxRows,
      this.sheet.maxCols + howMany,
    );
    if (grow) throw fail(this.ctx, grow);
    for (const row of this.sheet.rows) {
      if (row) insertBlanks(row, at - 1, howMany);
    }
    const widths = [...this.sheet.columnWidths.entries()];
    this.sheet.columnWidths.clear();
    for (const [c, w] of widths) this.sheet.columnWidths.set(c >= at ? c + howMany : c, w);
    this.sheet.maxCols += howMany;
    this.model.shiftColumns(this.sheet, at, howMany);
    this.sheet.touch();
  }

  /** "Those rows are out of bounds." / "Sorry, it is not possible to delete all non-frozen rows." */
  private deleteRows_(at: number, howMany: number, method: string): void {
    requireNumber(this.ctx, method, [at, howMany], 2);
    if (at < 1 || howMany < 1 || at + howMany - 1 > this.sheet.maxRows) {
      throw fail(this.ctx, 'Those rows are out of bounds.');
    }
    if (this.sheet.maxRows - howMany < Math.max(1, this.sheet.frozenRows + 1)) {
      throw fail(this.ctx, 'Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.guard({
      sheet: this.sheet,
      row: at,
      col: 1,
      numRows: howMany,
      numCols: this.sheet.maxCols,
    });
    this.sheet.rows.splice(at - 1, howMany);
    this.sheet.maxRows -= howMany;
    this.model.shiftRows(this.sheet, at, -howMany);
    this.sheet.touch();
  }

  private deleteColumns_(at: number, howMany: number, method: string): void {
    requireNumber(this.ctx, method, [at, howMany], 2);
    if (at < 1 || howMany < 1 || at + howMany - 1 > this.sheet.maxCols) {
      throw fail(this.ctx, 'Those columns are out of bounds.');
    }
    if (this.sheet.maxCols - howMany < Math.max(1, this.sheet.frozenCols + 1)) {
      throw fail(this.ctx, 'Sorry, it is not possible to delete all non-frozen columns.');
    }
    this.guard({
      sheet: this.sheet,
      row: 1,
      col: at,
      numRows: this.sheet.maxRows,
      numCols: howMany,
    });
    for (const row of this.sheet.rows) if (row) row.splice(at - 1, howMany);
    const widths = [...this.sheet.columnWidths.entries()];
    this.sheet.columnWidths.clear();
    for (const [c, w] of widths) {
      if (c < at) this.sheet.columnWidths.set(c, w);
      else if (c >= at + howMany) this.sheet.columnWidths.set(c - howMany, w);
    }
    this.sheet.maxCols -= howMany;
    this.model.shiftColumns(this.sheet, at, -howMany);
    this.sheet.touch();
  }

  // ------------------------------------------------------------ layout

  setFrozenRows(rows: number): void {
    this.call('setFrozenRows');
    requireNumber(this.ctx, 'Sheet.setFrozenRows', [rows], 1);
    if (rows < 0 || rows > this.sheet.maxRows)
      throw fail(this.ctx, 'Those rows are out of bounds.');
    this.sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.call('getFrozenRows');
    return this.sheet.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.call('setFrozenColumns');
    requireNumber(this.ctx, 'Sheet.setFrozenColumns', [columns], 1);
    if (columns < 0 || columns > this.sheet.maxCols) {
      throw fail(this.ctx, 'Those columns are out of bounds.');
    }
    this.sheet.frozenCols = columns;
  }
  getFrozenColumns(): number {
    this.call('getFrozenColumns');
    return this.sheet.frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.call('setColumnWidth');
    requireNumber(this.ctx, 'Sheet.setColumnWidth', [columnPosition, width], 2);
    if (columnPosition < 1 || columnPosition > this.sheet.maxCols) {
      throw fail(this.ctx, 'Those columns are out of bounds.');
    }
    this.sheet.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.call('setColumnWidths');
    requireNumber(this.ctx, 'Sheet.setColumnWidths', [startColumn, numColumns, width], 3);
    if (startColumn < 1 || startColumn + numColumns - 1 > this.sheet.maxCols) {
      throw fail(this.ctx, 'Those columns are out of bounds.');
    }
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.sheet.columnWidths.set(c, width);
    return this;
  }
  /** ASSUMPTION: 100 px default width (Sheets' default column width). */
  getColumnWidth(columnPosition: number): number {
    this.call('getColumnWidth');
    return this.sheet.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  hideSheet(): this {
    this.call('hideSheet');
    const visible = this.model.sheets.filter((s) => !s.hidden && s !== this.sheet);
    if (visible.length === 0) throw fail(this.ctx, "You can't hide all the sheets in a document.");
    this.sheet.hidden = true;
    return this;
  }
  showSheet(): this {
    this.call('showSheet');
    this.sheet.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    this.call('isSheetHidden');
    return this.sheet.hidden;
  }
  setTabColor(color: string | null): this {
    this.call('setTabColor');
    this.sheet.tabColor = color === null ? null : normalizeColor(color);
    return this;
  }
  getTabColor(): string | null {
    this.call('getTabColor');
    return this.sheet.tabColor;
  }

  // ------------------------------------------------------------ clearing

  /** "Clears the sheet of content and formatting information." */
  clear(options?: { formatOnly?: unknown; contentsOnly?: unknown }): this {
    this.call('clear');
    this.guard(this.whole());
    const only = {
      contents: Boolean(options?.contentsOnly),
      formats: Boolean(options?.formatOnly),
    };
    const any = only.contents || only.formats;
    const contents = !any || only.contents;
    const formats = !any || only.formats;
    this.forExisting((cell) => {
      if (contents) {
        cell.v = '';
        delete cell.f;
      }
      if (formats) clearTextFormat(cell, true);
    });
    return this;
  }
  /** "Clears the sheet of contents, while preserving formatting information." */
  clearContents(): this {
    this.call('clearContents');
    this.guard(this.whole());
    this.forExisting((cell) => {
      cell.v = '';
      delete cell.f;
    });
    return this;
  }
  /**
   * "Clears the sheet of formatting, while preserving contents."
   * ASSUMPTION: number formats survive, as Range.clearFormat documents for ranges.
   */
  clearFormats(): this {
    this.call('clearFormats');
    this.guard(this.whole());
    this.forExisting((cell) => {
      clearTextFormat(cell, false);
    });
    return this;
  }
  clearNotes(): this {
    this.call('clearNotes');
    this.guard(this.whole());
    this.forExisting((cell) => delete cell.note);
    return this;
  }

  // ------------------------------------------------------------ protection

  /** ASSUMPTION: protecting an already protected sheet returns the existing protection. */
  protect(): object {
    this.call('protect');
    const existing = this.model.protections.find(
      (p) => p.type === 'SHEET' && p.range.sheet === this.sheet,
    );
    if (existing) return this.ctx.views.protection(existing);
    const spec: ProtectionSpec = {
      id: this.model.newProtectionId(),
      type: 'SHEET',
      range: this.whole(),
      description: '',
      editors: null,
      warningOnly: false,
      domainEdit: false,
      unprotected: [],
      rangeName: null,
      creator: currentUser(this.ctx),
    };
    // The sheet protection follows the sheet's size as rows are added.
    Object.defineProperty(spec, 'range', {
      get: () => this.whole(),
      set: () => undefined,
      enumerable: true,
    });
    this.model.protections.push(spec);
    return this.ctx.views.protection(spec);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): object[] {
    this.call('getProtections');
    const kind = enumName(this.ctx, 'ProtectionType', type, 'Sheet.getProtections', [type]);
    return this.model.protections
      .filter((p) => p.type === kind && p.range.sheet === this.sheet)
      .map((p) => this.ctx.views.protection(p));
  }

  // ------------------------------------------------------------ conditional formats

  getConditionalFormatRules(): object[] {
    this.call('getConditionalFormatRules');
    return this.sheet.conditionalRules.map((r) => this.ctx.views.conditionalRule(r));
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.call('setConditionalFormatRules');
    if (!Array.isArray(rules))
      throw paramError(this.ctx, 'Sheet.setConditionalFormatRules', [rules]);
    const specs = rules.map((r) =>
      unwrap<ConditionalRuleSpec>(
        this.ctx,
        'ConditionalFormatRule',
        r,
        'Sheet.setConditionalFormatRules',
        [rules],
      ),
    );
    this.sheet.conditionalRules = specs.map((s) => ({
      ...s,
      ranges: s.ranges.map((g) => ({ ...g })),
    }));
  }
  clearConditionalFormatRules(): void {
    this.call('clearConditionalFormatRules');
    this.sheet.conditionalRules = [];
  }

  // ------------------------------------------------------------ charts

  newChart(): object {
    this.call('newChart');
    return this.ctx.views.chartBuilder(this.sheet);
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.call('insertChart');
    const spec = unwrap<ChartSpec>(this.ctx, 'EmbeddedChart', chart, 'Sheet.insertChart', [chart]);
    if (spec.id !== null && this.sheet.charts.some((c) => c.id === spec.id)) {
      throw fail(this.ctx, 'The chart is already in the sheet.');
    }
    this.sheet.charts.push({
      ...spec,
      id: spec.id ?? this.model.newChartId(),
      options: new Map(spec.options),
    });
  }
  getCharts(): object[] {
    this.call('getCharts');
    return this.sheet.charts.map((c) => this.ctx.views.chart(c, this.sheet));
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.call('removeChart');
    const spec = unwrap<ChartSpec>(this.ctx, 'EmbeddedChart', chart, 'Sheet.removeChart', [chart]);
    const i = this.sheet.charts.findIndex((c) => c.id !== null && c.id === spec.id);
    if (i >= 0) this.sheet.charts.splice(i, 1);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.call('updateChart');
    const spec = unwrap<ChartSpec>(this.ctx, 'EmbeddedChart', chart, 'Sheet.updateChart', [chart]);
    const i = this.sheet.charts.findIndex((c) => c.id !== null && c.id === spec.id);
    if (i < 0) throw fail(this.ctx, 'The chart does not exist in this sheet.');
    this.sheet.charts[i] = { ...spec, options: new Map(spec.options) };
  }
}

function clearTextFormat(cell: CellData, numberFormatToo: boolean): void {
  delete cell.bg;
  delete cell.fw;
  delete cell.fc;
  delete cell.fst;
  delete cell.ha;
  delete cell.wrap;
  if (numberFormatToo) delete cell.fmt;
}

/**
 * Shifts a sparse array's items from `index` on by `count` holes. No spread: a large insert
 * (hundreds of thousands of rows) would pass the engine's argument limit.
 */
function insertBlanks(items: unknown[], index: number, count: number): void {
  if (index >= items.length) return;
  const tail = items.splice(index);
  items.length = index + count;
  for (const item of tail) items.push(item);
}

/** Used by Spreadsheet.insertSheet's template option. */
export function copySheetContent(from: SheetModel, to: SheetModel): void {
  to.rows = from.rows.map((row) => row?.map((cell) => (cell ? { ...cell } : undefined)));
  to.maxRows = from.maxRows;
  to.maxCols = from.maxCols;
  to.frozenRows = from.frozenRows;
  to.frozenCols = from.frozenCols;
  for (const [c, w] of from.columnWidths) to.columnWidths.set(c, w);
  to.touch();
}

const _sheetHasNoExtras: true = assertType<AssertNoExtraMethods<FakeSheet, Real>>();
