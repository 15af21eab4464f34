/**
 * .xlsx import and export of a SpreadsheetModel through exceljs, so the demo leaves a workbook a
 * person can open and tests can start from a prepared one.
 *
 * Kept: values (dates as date serials with their number format), formulas (with the cached value
 * when there is one), number formats, notes, fills, bold/italic/colour, horizontal alignment,
 * wrap, data validations (list, range, number and date criteria, checkboxes as a TRUE/FALSE
 * list), frozen rows/columns, column widths, hidden sheets, tab colours, named ranges, sheet
 * protection (as the sheet's protection flag, with unprotected ranges as unlocked cells) and
 * conditional formats of the number/text/formula kinds.
 * Not kept (no .xlsx or exceljs equivalent): range protections and protection editor lists,
 * charts, the sheets' row/column counts beyond their content (Sheets' 1000 × 26 is restored).
 */

import ExcelJS from 'exceljs';
import { HostRuntime } from '../runtime';
import { columnToLetters, parseA1 } from './a1';
import { isDateFormat } from './format';
import {
  CellData,
  ConditionalRuleSpec,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  GridRef,
  SheetModel,
  SpreadsheetModel,
  ValidationArg,
  ValidationSpec,
  gridFromA1,
} from './model';

const EPOCH_1899 = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;
/** ASSUMPTION: one Excel width unit ≈ 7 px (Calibri 11), Sheets' widths are in pixels. */
const PX_PER_CHAR = 7;

export interface LoadXlsxOptions {
  owner?: string;
  editors?: string[];
  name?: string;
  locale?: string;
  timeZone?: string;
  id?: string;
}

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

function fromArgb(value: string | undefined): string | undefined {
  if (!value || value.length < 6) return undefined;
  return `#${value.slice(-6).toLowerCase()}`;
}

function sheetRef(ref: GridRef): string {
  const name = `'${ref.sheet.name.replace(/'/g, "''")}'`;
  const a = `$${columnToLetters(ref.col)}$${ref.row}`;
  const b = `$${columnToLetters(ref.col + ref.numCols - 1)}$${ref.row + ref.numRows - 1}`;
  return `${name}!${a}:${b}`;
}

function numArg(a: ValidationArg | undefined): number {
  return typeof a === 'number' ? a : Number(a);
}

function dateSerialArg(a: ValidationArg | undefined): number {
  if (typeof a === 'object' && a !== null && 'dateMs' in a) return a.dateMs / DAY_MS + 25569;
  return numArg(a);
}

const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  BETWEEN: 'between',
  NOT_BETWEEN: 'notBetween',
  EQUAL_TO: 'equal',
  NOT_EQUAL_TO: 'notEqual',
  GREATER_THAN: 'greaterThan',
  GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  LESS_THAN: 'lessThan',
  LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

function toExcelValidation(dv: ValidationSpec): ExcelJS.DataValidation | null {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: dv.allowInvalid ? 'warning' : 'stop',
    ...(dv.helpText ? { prompt: dv.helpText, showInputMessage: true } : {}),
  };
  const a = dv.args;
  if (dv.criteria === 'VALUE_IN_LIST') {
    const list = (Array.isArray(a[0]) ? a[0] : []).join(',');
    return { ...base, type: 'list', formulae: [`"${list}"`] };
  }
  if (dv.criteria === 'CHECKBOX') return { ...base, type: 'list', formulae: ['"TRUE,FALSE"'] };
  if (dv.criteria === 'VALUE_IN_RANGE') {
    const src = a[0];
    if (typeof src !== 'object' || src === null || !('sheet' in src)) return null;
    return { ...base, type: 'list', formulae: [sheetRef(src)] };
  }
  if (dv.criteria === 'CUSTOM_FORMULA') {
    return {
      ...base,
      type: 'custom',
      formulae: [(typeof a[0] === 'string' ? a[0] : '').replace(/^=/, '')],
    };
  }
  const num = /^NUMBER_(.+)$/.exec(dv.criteria);
  if (num?.[1] && NUMBER_OPERATORS[num[1]]) {
    return {
      ...base,
      type: 'decimal',
      operator: NUMBER_OPERATORS[num[1]],
      formulae: a.map(numArg),
    };
  }
  if (dv.criteria === 'DATE_IS_VALID_DATE') {
    return { ...base, type: 'date', operator: 'greaterThan', formulae: [0] };
  }
  const date = /^DATE_(.+)$/.exec(dv.criteria);
  if (date?.[1]) {
    const op: Record<string, ExcelJS.DataValidationOperator> = {
      AFTER: 'greaterThan',
      BEFORE: 'lessThan',
      BETWEEN: 'between',
      NOT_BETWEEN: 'notBetween',
      EQUAL_TO: 'equal',
      ON_OR_AFTER: 'greaterThanOrEqual',
      ON_OR_BEFORE: 'lessThanOrEqual',
    };
    const operator = op[date[1]];
    if (operator) return { ...base, type: 'date', operator, formulae: a.map(dateSerialArg) };
  }
  return null;
}

function fromExcelValidation(
  dv: ExcelJS.DataValidation,
  model: SpreadsheetModel,
  sheet: SheetModel,
): ValidationSpec | null {
  const common = {
    allowInvalid:
      dv.errorStyle === 'warning' ||
      dv.errorStyle === 'information' ||
      dv.showErrorMessage === false,
    helpText: dv.prompt ?? null,
  };
  const f0: unknown = dv.formulae[0];
  if (dv.type === 'list') {
    const text = typeof f0 === 'string' ? f0 : '';
    if (text.startsWith('"')) {
      const items = text.slice(1, -1).split(',');
      if (items.join(',') === 'TRUE,FALSE') return { ...common, criteria: 'CHECKBOX', args: [] };
      return { ...common, criteria: 'VALUE_IN_LIST', args: [items, true] };
    }
    const parsed = parseA1(text.replace(/\$/g, ''));
    const target = parsed?.sheetName !== undefined ? model.sheet(parsed.sheetName) : sheet;
    if (!parsed || !target) return null;
    return { ...common, criteria: 'VALUE_IN_RANGE', args: [gridFromA1(target, parsed), true] };
  }
  if (dv.type === 'custom')
    return { ...common, criteria: 'CUSTOM_FORMULA', args: [`=${String(f0)}`] };
  const name = Object.entries(NUMBER_OPERATORS).find(
    ([, op]) => op === (dv.operator ?? 'between'),
  )?.[0];
  if ((dv.type === 'decimal' || dv.type === 'whole') && name) {
    return { ...common, criteria: `NUMBER_${name}`, args: dv.formulae.map((x) => Number(x)) };
  }
  if (dv.type === 'date') return { ...common, criteria: 'DATE_IS_VALID_DATE', args: [] };
  return null;
}

const CF_OPERATORS: Record<string, string> = {
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
};

function cfStyle(rule: ConditionalRuleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (rule.background) {
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.background) } };
  }
  const font: Partial<ExcelJS.Font> = {};
  if (rule.fontColor) font.color = { argb: argb(rule.fontColor) };
  if (rule.bold !== null) font.bold = rule.bold;
  if (rule.italic !== null) font.italic = rule.italic;
  if (Object.keys(font).length) style.font = font;
  return style;
}

function toExcelRule(rule: ConditionalRuleSpec): ExcelJS.ConditionalFormattingRule | null {
  const style = cfStyle(rule);
  const c = rule.criteria ?? '';
  if (CF_OPERATORS[c]) {
    return {
      type: 'cellIs',
      operator: CF_OPERATORS[c] as ExcelJS.CellIsOperators,
      formulae: rule.args.map((x) => Number(x)),
      style,
      priority: 1,
    };
  }
  if (c === 'TEXT_EQUAL_TO') {
    const text = typeof rule.args[0] === 'string' ? rule.args[0] : '';
    return {
      type: 'cellIs',
      operator: 'equal',
      formulae: [`"${text.replace(/"/g, '""')}"`],
      style,
      priority: 1,
    };
  }
  if (c === 'CUSTOM_FORMULA') {
    const formula = typeof rule.args[0] === 'string' ? rule.args[0] : '';
    return { type: 'expression', formulae: [formula.replace(/^=/, '')], style, priority: 1 };
  }
  return null;
}

/** Writes the model to an .xlsx file. */
export async function saveXlsx(model: SpreadsheetModel, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.title = model.name;
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views:
        sheet.frozenRows || sheet.frozenCols
          ? [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows }]
          : [],
      ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
    });
    for (const [col, px] of sheet.columnWidths) ws.getColumn(col).width = px / PX_PER_CHAR;
    sheet.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell) writeCell(ws.getCell(r + 1, c + 1), cell, model);
      });
    });
    for (const rule of sheet.conditionalRules) {
      const excel = toExcelRule(rule);
      if (!excel) continue;
      for (const ref of rule.ranges) {
        ws.addConditionalFormatting({
          ref: SpreadsheetModel.a1({ ...ref, wholeColumns: undefined, wholeRows: undefined }),
          rules: [excel],
        });
      }
    }
    const sheetProtection = model.protections.find(
      (p) => p.type === 'SHEET' && p.range.sheet === sheet,
    );
    if (sheetProtection) {
      for (const u of sheetProtection.unprotected) {
        for (let r = u.row; r < u.row + u.numRows; r++) {
          for (let c = u.col; c < u.col + u.numCols; c++)
            ws.getCell(r, c).protection = { locked: false };
        }
      }
      await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
    }
  }
  for (const n of model.namedRanges) wb.definedNames.add(sheetRef(n.range), n.name);
  await wb.xlsx.writeFile(file);
}

function writeCell(xc: ExcelJS.Cell, cell: CellData, model: SpreadsheetModel): void {
  const dateLike = typeof cell.v === 'number' && isDateFormat(cell.fmt);
  const value: ExcelJS.CellValue =
    dateLike && typeof cell.v === 'number'
      ? new Date(EPOCH_1899 + Math.round(cell.v * DAY_MS))
      : cell.v === ''
        ? null
        : cell.v;
  if (cell.f !== undefined) {
    const result = cell.v !== '' ? cell.v : model.formulaEvaluator(cell.f);
    const formulaValue: ExcelJS.CellFormulaValue = {
      formula: cell.f.slice(1),
      result,
      date1904: false,
    };
    xc.value = formulaValue;
  } else xc.value = value;
  if (cell.fmt !== undefined) xc.numFmt = cell.fmt;
  if (cell.note) xc.note = cell.note;
  if (cell.bg) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.bg) } };
  if (cell.fw || cell.fc || cell.fst) {
    xc.font = {
      ...(cell.fw ? { bold: true } : {}),
      ...(cell.fst ? { italic: true } : {}),
      ...(cell.fc ? { color: { argb: argb(cell.fc) } } : {}),
    };
  }
  if (cell.ha || cell.wrap) {
    xc.alignment = {
      ...(cell.ha ? { horizontal: cell.ha as ExcelJS.Alignment['horizontal'] } : {}),
      ...(cell.wrap ? { wrapText: true } : {}),
    };
  }
  if (cell.dv) {
    const dv = toExcelValidation(cell.dv);
    if (dv) xc.dataValidation = dv;
  }
}

function readCellValue(v: ExcelJS.CellValue): { v: CellData['v']; f?: string; date?: boolean } {
  if (v === null || v === undefined) return { v: '' };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { v };
  if (v instanceof Date) return { v: (v.getTime() - EPOCH_1899) / DAY_MS, date: true };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const fv = v as ExcelJS.CellFormulaValue;
      const inner = fv.result === undefined ? { v: '' as const } : readCellValue(fv.result);
      return { v: inner.v, f: `=${fv.formula}` };
    }
    if ('richText' in v) return { v: v.richText.map((t) => t.text).join('') };
    if ('text' in v && 'hyperlink' in v) return { v: v.text };
    if ('error' in v) return { v: v.error };
  }
  return { v: '' };
}

function noteText(note: ExcelJS.Cell['note']): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  return note.texts?.map((t) => t.text).join('') ?? undefined;
}

/** Reads an .xlsx file into a new model owned by `options.owner` (default rt.owner). */
export async function loadXlsx(
  rt: HostRuntime,
  file: string,
  options: LoadXlsxOptions = {},
): Promise<SpreadsheetModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const model = new SpreadsheetModel({
    owner: options.owner ?? rt.owner,
    editors: options.editors,
    name: options.name ?? (wb.title || undefined),
    locale: options.locale,
    timeZone: options.timeZone,
    id: options.id,
    now: () => rt.nowMs,
    empty: true,
  });
  const pending: Array<() => void> = [];
  wb.eachSheet((ws) => {
    const sheet = model.addSheet(
      ws.name,
      undefined,
      Math.max(DEFAULT_ROWS, ws.rowCount),
      Math.max(DEFAULT_COLUMNS, ws.columnCount),
    );
    sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    const tab = fromArgb(ws.properties.tabColor?.argb);
    if (tab) sheet.tabColor = tab;
    const view = (ws.views as ExcelJS.WorksheetView[] | null)?.[0];
    if (view?.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenCols = view.xSplit ?? 0;
    }
    ((ws.columns as ExcelJS.Column[] | null) ?? []).forEach((col, i) => {
      if (col.width) sheet.columnWidths.set(i + 1, Math.round(col.width * PX_PER_CHAR));
    });
    const unlocked: Array<{ row: number; col: number }> = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (xc, c) => {
        const read = readCellValue(xc.value);
        const cell: CellData = { v: read.v };
        if (read.f) cell.f = read.f;
        const fmt = xc.numFmt;
        if (fmt && fmt !== 'General') cell.fmt = fmt;
        if (read.date && !isDateFormat(cell.fmt)) cell.fmt = 'dd/MM/yyyy';
        const note = noteText(xc.note);
        if (note) cell.note = note;
        const fill = xc.fill;
        if (fill?.type === 'pattern' && fill.pattern === 'solid') {
          const bg = fromArgb(fill.fgColor?.argb);
          if (bg) cell.bg = bg;
        }
        if (xc.font?.bold) cell.fw = 'bold';
        if (xc.font?.italic) cell.fst = 'italic';
        const fc = fromArgb(xc.font?.color?.argb);
        if (fc) cell.fc = fc;
        if (xc.alignment?.horizontal) cell.ha = xc.alignment.horizontal;
        if (xc.alignment?.wrapText) cell.wrap = true;
        if (xc.protection?.locked === false) unlocked.push({ row: r, col: c });
        const empty = cell.v === '' && Object.keys(cell).length === 1;
        if (!empty) {
          const row0 = sheet.rows[r - 1] ?? [];
          row0[c - 1] = cell;
          sheet.rows[r - 1] = row0;
        }
      });
    });
    // Validations live apart from cell values (a validated cell may be empty), one per address.
    const validations = (
      ws as unknown as {
        dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
      }
    ).dataValidations.model;
    for (const [address, dv] of Object.entries(validations)) {
      const at = parseA1(address);
      if (!dv?.type || at?.startRow === undefined || at.startCol === undefined) continue;
      const { startRow, startCol } = at;
      pending.push(() => {
        const spec = fromExcelValidation(dv, model, sheet);
        if (spec) sheet.ensure(startRow, startCol).dv = spec;
      });
    }
    sheet.touch();
    const protectedSheet = (ws as unknown as { sheetProtection?: { sheet?: boolean } })
      .sheetProtection;
    if (protectedSheet?.sheet) {
      model.protections.push({
        id: model.newProtectionId(),
        type: 'SHEET',
        range: { sheet, row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols },
        description: '',
        editors: null,
        warningOnly: false,
        domainEdit: false,
        unprotected: unlocked.map((u) => ({
          sheet,
          row: u.row,
          col: u.col,
          numRows: 1,
          numCols: 1,
        })),
        rangeName: null,
        creator: model.owner,
      });
    }
  });
  // Validations may point at sheets read later; names too.
  for (const f of pending) f();
  for (const dn of wb.definedNames.model) {
    const range = dn.ranges[0];
    if (!range) continue;
    const parsed = parseA1(range.replace(/\$/g, ''));
    const sheet = parsed?.sheetName !== undefined ? model.sheet(parsed.sheetName) : undefined;
    if (parsed && sheet)
      model.namedRanges.push({ name: dn.name, range: gridFromA1(sheet, parsed) });
  }
  model.activeSheet = model.sheets.find((s) => !s.hidden) ?? model.sheets[0] ?? null;
  return model;
}
