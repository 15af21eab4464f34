/**
 * A copy of a spreadsheet, as Drive's File.makeCopy (or Spreadsheet.copy) makes one: every sheet
 * with its values, formulas, formats, notes, validation, conditional formats, charts, frozen
 * rows and widths; named ranges and protections. The copy is a new file with a new id, owned by
 * the person who copied it, shared with nobody ("Make a copy" in Sheets help,
 * https://support.google.com/docs/answer/49114: "the copy is owned by you"; File.makeCopy,
 * https://developers.google.com/apps-script/reference/drive/file#makeCopy(String)).
 * ASSUMPTION: protections are copied with their editor lists (Google does not document it; the
 * copier, as owner, can edit everything anyway).
 */
import {
  SheetModel,
  SpreadsheetModel,
  type CellData,
  type GridRef,
  type ValidationArg,
  type ValidationSpec,
} from './model';

export interface CopyOptions {
  id?: string;
  name: string;
  owner: string;
  now: () => number;
}

export function copySpreadsheetModel(
  source: SpreadsheetModel,
  options: CopyOptions,
): SpreadsheetModel {
  const copy = new SpreadsheetModel({
    id: options.id,
    name: options.name,
    owner: options.owner,
    locale: source.locale,
    timeZone: source.timeZone,
    workspaceDomain: source.workspaceDomain,
    now: options.now,
    empty: true,
  });
  copy.formulaEvaluator = source.formulaEvaluator;
  const sheets = new Map<SheetModel, SheetModel>();
  for (const s of source.sheets) {
    // ASSUMPTION: the copy's sheets get their own ids (the project never stores a gid).
    sheets.set(s, copy.addSheet(s.name, undefined, s.maxRows, s.maxCols));
  }
  const ref = (r: GridRef): GridRef => ({ ...r, sheet: sheets.get(r.sheet) ?? r.sheet });
  const arg = (a: ValidationArg): ValidationArg =>
    a !== null && typeof a === 'object' && 'sheet' in a ? ref(a) : Array.isArray(a) ? [...a] : a;
  const dv = (v: ValidationSpec): ValidationSpec => ({ ...v, args: v.args.map(arg) });
  for (const [s, t] of sheets) {
    t.hidden = s.hidden;
    t.tabColor = s.tabColor;
    t.frozenRows = s.frozenRows;
    t.frozenCols = s.frozenCols;
    for (const [c, w] of s.columnWidths) t.columnWidths.set(c, w);
    t.rows = s.rows.map((row) =>
      row?.map((cell): CellData | undefined =>
        cell === undefined ? undefined : { ...cell, ...(cell.dv ? { dv: dv(cell.dv) } : {}) },
      ),
    );
    t.conditionalRules = s.conditionalRules.map((r) => ({
      ...r,
      args: [...r.args],
      ranges: r.ranges.map(ref),
    }));
    t.charts = s.charts.map((c) => ({
      ...c,
      ranges: c.ranges.map(ref),
      options: new Map(c.options),
    }));
    t.touch();
  }
  for (const n of source.namedRanges) copy.namedRanges.push({ name: n.name, range: ref(n.range) });
  for (const p of source.protections) {
    copy.protections.push({
      ...p,
      id: copy.newProtectionId(),
      range: ref(p.range),
      unprotected: p.unprotected.map(ref),
      editors: p.editors === null ? null : new Set(p.editors),
      creator: options.owner,
    });
  }
  copy.activeSheet =
    (source.activeSheet && sheets.get(source.activeSheet)) ?? copy.sheets[0] ?? null;
  return copy;
}
