/**
 * Executes a set-up plan: sheets created or renamed first (validations refer to other sheets),
 * then each sheet's operations in order, each one batched call over a whole range, then named
 * ranges and protections. No reads are interleaved with the writes beyond sheet sizes.
 */
import {
  PROTECTION_PREFIX,
  protectionEditorsText,
  protectionLabel,
  type PlannedProtection,
  type PlannedRange,
  type PlannedValidation,
  type SetupPlan,
  type SetupSheetKey,
  type SheetOp,
  type SheetPlan,
} from '../../core/setup';
import type { SetupState } from './readSetupState';
import { emailKey } from '../../core/text/normalize';
import { errorMessage } from '../notify';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export interface ApplyResult {
  /** Sheet ids of every product sheet after set-up. */
  readonly ids: Partial<Record<SetupSheetKey, number>>;
  readonly protectionsAdded: number;
  readonly protectionsRemoved: number;
  readonly protectionsKept: number;
  /** Vietnamese: protections that could not be replaced or made, and who must run set-up. */
  readonly messages: string[];
}

class SheetSizes {
  private readonly rows = new Map<Sheet, number>();

  maxRows(sheet: Sheet): number {
    let n = this.rows.get(sheet);
    if (n === undefined) {
      n = sheet.getMaxRows();
      this.rows.set(sheet, n);
    }
    return n;
  }

  /** Grows the sheet so the plan's blocks fit (setValues outside the grid throws). */
  ensure(sheet: Sheet, needRows: number, needColumns: number): void {
    const rows = this.maxRows(sheet);
    if (needRows > rows) {
      sheet.insertRowsAfter(rows, needRows - rows);
      this.rows.set(sheet, needRows);
    }
    const columns = sheet.getMaxColumns();
    if (needColumns > columns) sheet.insertColumnsAfter(columns, needColumns - columns);
  }
}

function rangeOf(sheet: Sheet, r: PlannedRange, sizes: SheetSizes): Range {
  const numRows = r.numRows === 'toEnd' ? Math.max(1, sizes.maxRows(sheet) - r.row + 1) : r.numRows;
  return sheet.getRange(r.row, r.column, numRows, r.numColumns);
}

/**
 * The cells of existing sheets a plan would write that the person running it may not edit (the
 * roles table keeps a head off the head's own Thẩm định row; a protection may still list only an
 * old head). Checked before anything is written, so a set-up that cannot finish changes nothing.
 * Only needed for someone other than the owner, who may edit everything: a few calls a sheet.
 */
export function blockedWrites(plan: SetupPlan, state: SetupState): string[] {
  const blocked: string[] = [];
  for (const p of plan.sheets) {
    if (p.source.kind !== 'existing') continue;
    const sheet = state.sheetsById.get(p.source.id);
    if (sheet === undefined) continue;
    const maxRows = sheet.getMaxRows();
    const maxColumns = sheet.getMaxColumns();
    for (const op of p.ops) {
      let area: { row: number; column: number; numRows: number; numColumns: number } | undefined;
      if (op.op === 'values') area = gridArea(op.row, op.column, op.values);
      else if (op.op === 'formatGrid') area = gridArea(op.row, op.column, op.formats);
      else if (op.op === 'notes') area = gridArea(op.row, op.column, op.notes);
      else if (op.op === 'validationGrid') area = gridArea(op.row, op.column, op.rules);
      if (area === undefined || area.row > maxRows || area.column > maxColumns) continue;
      const range = sheet.getRange(
        area.row,
        area.column,
        Math.min(area.numRows, maxRows - area.row + 1),
        Math.min(area.numColumns, maxColumns - area.column + 1),
      );
      if (!range.canEdit()) blocked.push(`"${p.name}"!${range.getA1Notation()}`);
    }
  }
  return blocked;
}

function gridArea(
  row: number,
  column: number,
  grid: readonly (readonly unknown[])[],
): { row: number; column: number; numRows: number; numColumns: number } | undefined {
  const numColumns = grid[0]?.length ?? 0;
  return grid.length === 0 || numColumns === 0
    ? undefined
    : { row, column, numRows: grid.length, numColumns };
}

export function applySetup(ss: Spreadsheet, plan: SetupPlan, state: SetupState): ApplyResult {
  const sizes = new SheetSizes();
  const sheetOf = new Map<SetupSheetKey, Sheet>();
  const ids: Partial<Record<SetupSheetKey, number>> = { ...plan.keepIds };

  // 1. Sheets: rename back, or create in tab order.
  for (const p of plan.sheets) {
    if (p.source.kind === 'existing') {
      const sheet = state.sheetsById.get(p.source.id);
      if (sheet === undefined) continue;
      if (p.source.renameFrom !== undefined) sheet.setName(p.name);
      sheetOf.set(p.key, sheet);
    } else {
      const after = p.source.after === null ? undefined : sheetOf.get(p.source.after);
      // getIndex is 1-based; insertSheet takes a 0-based position, so this is right after it.
      const index = after === undefined ? 0 : after.getIndex();
      const sheet = ss.insertSheet(p.name, index);
      sheetOf.set(p.key, sheet);
      ids[p.key] = sheet.getSheetId();
    }
  }

  // 2. Contents, formats, notes, validations, widths, frozen panes.
  const rules = new Map<string, DataValidation>();
  const ruleFor = (rule: PlannedValidation): DataValidation | null => {
    const key = JSON.stringify(rule);
    const cached = rules.get(key);
    if (cached !== undefined) return cached;
    const builder = SpreadsheetApp.newDataValidation();
    switch (rule.kind) {
      case 'list':
        builder.requireValueInList([...rule.values], true);
        break;
      case 'range': {
        const source = sheetOf.get(rule.sheet);
        if (source === undefined) return null;
        builder.requireValueInRange(
          rangeOf(
            source,
            { row: rule.row, column: rule.column, numRows: 'toEnd', numColumns: 1 },
            sizes,
          ),
          true,
        );
        break;
      }
      case 'number':
        if (rule.max === undefined) builder.requireNumberGreaterThanOrEqualTo(rule.min);
        else builder.requireNumberBetween(rule.min, rule.max);
        break;
      case 'email':
        builder.requireTextIsEmail();
        break;
      case 'date':
        builder.requireDate();
        break;
    }
    // Warn, never refuse: what a user typed is kept and marked by the edit check.
    const built = builder.setAllowInvalid(true).setHelpText(rule.helpText).build();
    rules.set(key, built);
    return built;
  };
  const run = (sheet: Sheet, op: SheetOp): void => {
    switch (op.op) {
      case 'format':
        // "Below the data, to the end" is nothing when the data reaches the sheet's last row.
        if (op.range.numRows === 'toEnd' && op.range.row > sizes.maxRows(sheet)) break;
        rangeOf(sheet, op.range, sizes).setNumberFormat(op.format);
        break;
      case 'formatGrid':
        if (op.formats.length === 0) break;
        sheet
          .getRange(op.row, op.column, op.formats.length, op.formats[0]?.length ?? 0)
          .setNumberFormats(op.formats.map((r) => [...r]));
        break;
      case 'values':
        if (op.values.length === 0) break;
        sheet
          .getRange(op.row, op.column, op.values.length, op.values[0]?.length ?? 0)
          .setValues(op.values.map((r) => [...r]));
        break;
      case 'notes':
        sheet
          .getRange(op.row, op.column, op.notes.length, op.notes[0]?.length ?? 0)
          .setNotes(op.notes.map((r) => [...r]));
        break;
      case 'validation': {
        const rule = ruleFor(op.rule);
        if (rule !== null) rangeOf(sheet, op.range, sizes).setDataValidation(rule);
        break;
      }
      case 'validationGrid':
        if (op.rules.length === 0) break;
        sheet
          .getRange(op.row, op.column, op.rules.length, op.rules[0]?.length ?? 0)
          .setDataValidations(op.rules.map((r) => r.map((x) => (x === null ? null : ruleFor(x)))));
        break;
      case 'widths':
        if (op.count === 1) sheet.setColumnWidth(op.column, op.width);
        else sheet.setColumnWidths(op.column, op.count, op.width);
        break;
      case 'frozen':
        sheet.setFrozenRows(op.rows);
        sheet.setFrozenColumns(op.columns);
        break;
    }
  };
  for (const p of plan.sheets) {
    const sheet = sheetOf.get(p.key);
    if (sheet === undefined) continue;
    sizes.ensure(sheet, p.needRows, p.needColumns);
    for (const op of p.ops) run(sheet, op);
  }

  // 3. Named ranges: moved when they exist, added otherwise (setNamedRange refuses a taken name).
  const existingNamed = new Map(ss.getNamedRanges().map((n) => [n.getName(), n]));
  for (const n of plan.namedRanges) {
    const sheet = sheetOf.get(n.sheet);
    if (sheet === undefined) continue;
    const target = rangeOf(sheet, n.range, sizes);
    const existing = existingNamed.get(n.name);
    if (existing !== undefined) existing.setRange(target);
    else ss.setNamedRange(n.name, target);
  }

  // 4. Protections: the product's own replaced when what they say changed; users' never touched.
  const counts = applyProtections(plan.sheets, sheetOf, state, sizes);
  return { ids, ...counts };
}

function applyProtections(
  plans: readonly SheetPlan[],
  sheetOf: ReadonlyMap<SetupSheetKey, Sheet>,
  state: SetupState,
  sizes: SheetSizes,
): {
  protectionsAdded: number;
  protectionsRemoved: number;
  protectionsKept: number;
  messages: string[];
} {
  let added = 0;
  let removed = 0;
  let kept = 0;
  let domainEdit: boolean | undefined;
  const runner = emailKey(state.current.runner ?? '');
  const owner = emailKey(state.current.owner ?? '');
  // Neither the owner nor the person running set-up can be taken off a protection
  // (Protection.removeEditors reference): they are left out of the list rather than asked for.
  const others = state.current.editors.filter((e) => e !== runner && e !== owner);
  // With nobody else to remove, the list is still set explicitly (removing the runner is a no-op):
  // a protection whose editors were never changed keeps following the file's sharing, so anyone
  // shared later could edit it.
  const toRemove = others.length > 0 ? others : [runner || owner].filter((e) => e !== '');
  const stuck: string[] = [];
  const failed: string[] = [];
  for (const p of plans) {
    const sheet = sheetOf.get(p.key);
    if (sheet === undefined) continue;
    const existing =
      p.source.kind === 'existing' ? (state.protectionsById.get(p.source.id) ?? []) : [];
    const snapshot = state.current.sheets.find(
      (s) => p.source.kind === 'existing' && s.id === p.source.id,
    );
    const productCount = (snapshot?.protections ?? []).filter((x) =>
      x.description.startsWith(PROTECTION_PREFIX),
    ).length;
    for (const i of p.removeProtections) {
      try {
        existing[i]?.remove();
        removed++;
      } catch {
        // Only those who may edit a protection may remove it: a new head is not on the
        // protections an earlier set-up made for the old head. The description says who is.
        const description = snapshot?.protections?.[i]?.description ?? '';
        stuck.push(
          `${protectionLabel(description)} (vẫn cho phép: ${protectionEditorsText(description) || 'không rõ'})`,
        );
      }
    }
    kept += productCount - p.removeProtections.length;
    // Range protections first: their ranges are the sheet protection's unprotected areas.
    const ordered = [...p.addProtections].sort(
      (a, b) => (a.type === 'range' ? 0 : 1) - (b.type === 'range' ? 0 : 1),
    );
    const rangeByA1 = new Map<string, Range>();
    const key = (r: PlannedRange): string =>
      `${r.row}:${r.column}:${String(r.numRows)}:${r.numColumns}`;
    for (const d of ordered) {
      try {
        let protection: GoogleAppsScript.Spreadsheet.Protection;
        if (d.type === 'range' && d.range !== undefined) {
          const range = rangeOf(sheet, d.range, sizes);
          rangeByA1.set(key(d.range), range);
          protection = range.protect();
        } else {
          protection = sheet.protect();
        }
        configure(protection, d, toRemove, runner);
        // setDomainEdit throws on a file outside a Workspace domain: only where it can be on.
        if (domainEdit === undefined) domainEdit = protection.canDomainEdit();
        if (domainEdit) protection.setDomainEdit(false);
        if (d.type === 'sheet' && d.unprotected.length > 0) {
          protection.setUnprotectedRanges(
            d.unprotected.map((r) => rangeByA1.get(key(r)) ?? rangeOf(sheet, r, sizes)),
          );
        }
        added++;
      } catch (error) {
        failed.push(`${protectionLabel(d.description)}: ${errorMessage(error)}`);
      }
    }
  }
  const messages: string[] = [];
  const who = owner === '' ? 'Chủ sở hữu bảng tính' : `Chủ sở hữu bảng tính (${owner})`;
  if (stuck.length > 0) {
    messages.push(
      `Tài khoản của bạn${runner === '' ? '' : ` (${runner})`} không có tên trong ${stuck.length} vùng bảo vệ do lần khởi tạo trước tạo (thường vì Cụm trưởng đã đổi), nên Google không cho thay: ` +
        stuck.slice(0, 8).join('; ') +
        (stuck.length > 8 ? '; …' : '') +
        `. ${who} cần chạy lại «Khởi tạo / cập nhật bảng tính» để cập nhật các vùng này.`,
    );
  }
  if (failed.length > 0) {
    messages.push(
      `Chưa đặt được ${failed.length} vùng bảo vệ: ${failed.slice(0, 5).join('; ')}${failed.length > 5 ? '; …' : ''}. ${who} hãy chạy lại «Khởi tạo / cập nhật bảng tính».`,
    );
  }
  return {
    protectionsAdded: added,
    protectionsRemoved: removed,
    protectionsKept: kept,
    messages,
  };
}

/**
 * Google's order (https://developers.google.com/apps-script/reference/spreadsheet/protection):
 * add the current user first ("if the user's edit permission comes from a group, the script
 * throws an exception upon removing the group"), remove every other editor, then add the allowed.
 */
function configure(
  protection: GoogleAppsScript.Spreadsheet.Protection,
  d: PlannedProtection,
  others: readonly string[],
  runner: string,
): void {
  protection.setDescription(d.description);
  if (runner !== '') protection.addEditor(runner);
  if (others.length > 0) protection.removeEditors([...others]);
  if (d.editors.length > 0) protection.addEditors([...d.editors]);
}
