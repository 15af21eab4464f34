import { finding, type Finding } from '../findings';
import { formatNumberVi } from '../format/vietnamese';
import { readAwards } from '../awards/readAwards';
import { registeredTitleMisfit, typeCellMisfits } from '../awards/formFit';
import {
  CRITERION_TYPE_LABELS,
  CriterionTypeSchema,
  type CriteriaTree,
  type Criterion,
} from '../model/criteria';
import type { ClusterSettings } from '../model/settings';
import { UNIT_ROLE_LABELS, UnitRoleSchema, type Unit } from '../model/unit';
import { cellA1 } from '../a1';
import { columnPosition, headerValues, type TableLayout } from '../layout/columns';
import { BALLOT_MARK_LABELS, TARGET_FORMULA_LABELS, YES_NO_LABELS } from '../layout/labels';
import { entryCriteria, matrixLayout, type MatrixLayout } from '../layout/matrix';
import { SETTING_ROWS, SETTINGS_TABLE } from '../layout/settings';
import { SHEET_NAMES, isScoreSheet } from '../layout/sheets';
import {
  AWARDS_LAYOUT,
  CRITERIA_LAYOUT,
  CROSS_SCORES_LAYOUT,
  UNITS_LAYOUT,
  VOTES_LAYOUT,
  type AwardColumnKey,
} from '../layout/tables';
import { parseEmail, parseText } from '../parse/text';
import { isBlank, isBlankRow, labelKey, matchLabel } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { criterionIndex, resolve, unitIndex, type Resolved } from '../readers/lookup';
import { locateMatrix, type LocatedMatrixColumn } from '../readers/scoreMatrix';
import { readSettingValue } from '../readers/settings';
import { clearedScoreChecker } from './clearedScore';
import { describeUnit, lazy } from './shared';
import { checkNumber, checkScoreEntry, checkTargetPart, findingOf } from '../readers/values';

/** The block an onEdit event reports: its top-left cell (1-based) and the new values. */
export interface EditedBlock {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly unknown[])[];
}

export interface EditContext {
  readonly units: readonly Unit[];
  readonly tree: CriteriaTree;
  readonly settings?: ClusterSettings;
  /** The score matrices' layout as set up; computed from the tree when absent. */
  readonly matrix?: MatrixLayout;
  /**
   * The edited sheet's header row as it is now (one row, so the cost does not grow with the
   * sheet): columns are then found by header text; without it, by their set-up position.
   */
  readonly headerRow?: readonly unknown[];
  /**
   * The edited rows in full width from column A, one per row of the block, when the adapter
   * has them: checks that depend on another cell of the row (the criterion of a cross score,
   * the label of a setting) use them.
   */
  readonly rows?: readonly (readonly unknown[])[];
  /**
   * Khen thưởng: the year of a row with neither a year nor a decision date (Cấu hình's year);
   * settings.year when absent.
   */
  readonly defaultYear?: number;
  /**
   * Tiêu chí: what readCriteria finds in the whole sheet as it is after the edit, when the
   * adapter read it; an edited cell is then judged in the reader's own words ("Kiểm tra dữ
   * liệu" and the ranking say the same), including what depends on the row (a maximum is
   * required, and must be above 0, on a criterion row only).
   */
  readonly criteriaFindings?: readonly Finding[];
  /** Cấu hình's "Khi thiếu điểm": 'report' marks a cleared score cell as the ranking lists it. */
  readonly missingScorePolicy?: 'report' | 'zero';
  /** Thẩm định's header and edited rows, for whether a cleared self score is really missing. */
  readonly verifiedRows?: {
    readonly headerRows: readonly (readonly unknown[])[];
    /** The rows at the edited rows' numbers, in full width from column A. */
    readonly rows: readonly (readonly unknown[])[];
  };
}

export interface CellVerdict {
  readonly cell: string;
  readonly ok: boolean;
  readonly finding?: Finding;
}

/** Checks one cell: row and column are 1-based, `row0` the block-relative row for context.rows. */
type CellChecker = (
  row: number,
  column: number,
  value: unknown,
  rowValues: readonly unknown[] | undefined,
) => Finding | undefined;

/** Column keys by 1-based column: from the current header row when given, else set-up positions. */
function tableColumns<K extends string>(
  layout: TableLayout<K>,
  headerRow: readonly unknown[] | undefined,
): Map<number, K> {
  const byColumn = new Map<number, K>();
  if (headerRow !== undefined) {
    const grid: unknown[][] = [];
    grid[layout.headerRow - 1] = [...headerRow];
    for (let r = 0; r < layout.headerRow - 1; r++) grid[r] = [];
    const located = locateTable(grid, layout);
    located.columns.forEach((c0, key) => byColumn.set(c0 + 1, key));
    return byColumn;
  }
  for (const spec of layout.columns) byColumn.set(columnPosition(layout, spec.key), spec.key);
  return byColumn;
}

function columnOfKey<K extends string>(columns: Map<number, K>, key: K): number | undefined {
  for (const [c, k] of columns) if (k === key) return c;
  return undefined;
}

function unitFinding(
  sheet: string,
  cell: string,
  value: unknown,
  found: Resolved<Unit>,
  required: boolean,
): Finding | undefined {
  if (found.kind === 'found') return undefined;
  if (found.kind === 'empty')
    return required
      ? finding(sheet, cell, 'required-missing', value, { field: 'đơn vị' })
      : undefined;
  return finding(sheet, cell, 'unknown-unit', value, found.hint ? { hint: found.hint } : {});
}

/** Same column role: what a located column holds against a set-up column. */
function sameRole(k: LocatedMatrixColumn, role: MatrixLayout['columns'][number]['role']): boolean {
  if (k.kind !== role.kind) return false;
  if (k.kind === 'score' && role.kind === 'score') return k.criterion.code === role.criterion;
  if (k.kind === 'targetPart' && role.kind === 'targetPart')
    return k.criterion.code === role.criterion && k.part === role.part;
  return true;
}

/** What the max-points cell of a column must hold, in words. */
function maxCellText(maxCell: string | number): string {
  if (typeof maxCell === 'number')
    return `${formatNumberVi(maxCell)} (lấy từ trang "${SHEET_NAMES.criteria}")`;
  return maxCell === '' ? 'để trống ô này' : `"${maxCell}"`;
}

function matrixChecker(sheet: string, context: EditContext, firstRow: number): CellChecker {
  const layout = lazy(() => context.matrix ?? matrixLayout([], context.tree));
  // Columns found by header, as the ranking reads them (a moved or inserted column included).
  const byHeader = lazy(() =>
    context.headerRow === undefined
      ? undefined
      : locateMatrix([context.headerRow], sheet, context.tree),
  );
  const located = lazy((): Map<number, LocatedMatrixColumn> => {
    const byColumn = new Map<number, LocatedMatrixColumn>();
    const found = byHeader();
    if (found !== undefined) {
      found.columns.forEach((k, c0) => byColumn.set(c0 + 1, k));
      return byColumn;
    }
    const criteria = new Map(context.tree.criteria.map((c) => [c.code, c]));
    for (const spec of layout().columns) {
      const role = spec.role;
      if (role.kind === 'unitCode' || role.kind === 'unitName')
        byColumn.set(spec.column, { kind: role.kind });
      else {
        const criterion = criteria.get(role.criterion);
        if (criterion === undefined) continue;
        byColumn.set(
          spec.column,
          role.kind === 'score'
            ? { kind: 'score', criterion }
            : { kind: 'targetPart', criterion, part: role.part },
        );
      }
    }
    return byColumn;
  });
  /** The set-up column this sheet column holds: by header when known, else by position. */
  const specAt = (column: number): MatrixLayout['columns'][number] | undefined => {
    if (byHeader() === undefined) return layout().columns[column - 1];
    const k = located().get(column);
    return k === undefined ? undefined : layout().columns.find((c) => sameRole(k, c.role));
  };
  const units = lazy(() => unitIndex(context.units));
  const cleared = clearedScoreChecker(sheet, context, firstRow, located);
  return (row, column, value, rowValues) => {
    const cell = cellA1(row, column);
    const m = layout();
    if (row === m.headerRow) {
      // The ranking's own words about this header cell (renamed, unknown, repeated, missing).
      const found = byHeader();
      if (found !== undefined) return found.findings.find((f) => f.cell === cell);
      const spec = m.columns[column - 1];
      if (spec !== undefined && labelKey(value) !== labelKey(spec.header)) {
        return finding(sheet, cell, 'header-renamed', value, { expected: spec.header });
      }
      return undefined;
    }
    if (row === m.maxPointsRow) {
      const spec = specAt(column);
      if (spec !== undefined && String(value) !== String(spec.maxCell)) {
        return finding(sheet, cell, 'invalid-value', value, {
          expected: maxCellText(spec.maxCell),
        });
      }
      return undefined;
    }
    if (row < m.firstDataRow) return undefined;
    const k = located().get(column);
    if (k === undefined) return undefined;
    if (k.kind === 'unitCode' || k.kind === 'unitName') {
      return unitFinding(sheet, cell, value, resolve(units(), value, describeUnit), false);
    }
    if (k.kind === 'score' && cleared !== undefined && isBlank(value))
      return cleared(row, cell, k.criterion, rowValues);
    const checked =
      k.kind === 'score' ? checkScoreEntry(k.criterion, value) : checkTargetPart(k.part, value);
    return checked.kind === 'bad' ? findingOf(sheet, cell, value, checked) : undefined;
  };
}

function crossChecker(context: EditContext): CellChecker {
  const sheet = CROSS_SCORES_LAYOUT.sheet;
  const columns = tableColumns(CROSS_SCORES_LAYOUT, context.headerRow);
  const units = lazy(() => unitIndex(context.units));
  const entries = lazy(() => criterionIndex(entryCriteria(context.tree)));
  const criterionCol = columnOfKey(columns, 'criterion');
  return (row, column, value, rowValues) => {
    if (row <= CROSS_SCORES_LAYOUT.headerRow) return undefined;
    const cell = cellA1(row, column);
    const key = columns.get(column);
    switch (key) {
      case 'scorer':
      case 'unit':
        return unitFinding(sheet, cell, value, resolve(units(), value, describeUnit), false);
      case 'criterion': {
        const found = resolve(entries(), value, (c: Criterion) => c.code);
        return found.kind === 'none'
          ? finding(sheet, cell, 'unknown-criterion', value, found.hint ? { hint: found.hint } : {})
          : undefined;
      }
      case 'score':
      case 'target':
      case 'actual': {
        const criterionValue =
          criterionCol !== undefined && rowValues !== undefined
            ? rowValues[criterionCol - 1]
            : undefined;
        const found =
          criterionValue === undefined
            ? undefined
            : resolve(entries(), criterionValue, (c: Criterion) => c.code);
        const criterion = found?.kind === 'found' ? found.item : undefined;
        if (key !== 'score') {
          const part = checkTargetPart(key, value);
          return part.kind === 'bad' ? findingOf(sheet, cell, value, part) : undefined;
        }
        if (isBlank(value)) return undefined;
        const checked =
          criterion !== undefined
            ? checkScoreEntry(criterion, value)
            : checkNumber(value, { min: 0 });
        return checked.kind === 'bad' ? findingOf(sheet, cell, value, checked) : undefined;
      }
      default:
        return undefined;
    }
  };
}

function unitsChecker(context: EditContext): CellChecker {
  const sheet = UNITS_LAYOUT.sheet;
  const columns = tableColumns(UNITS_LAYOUT, context.headerRow);
  const roles = UnitRoleSchema.options.map((r) => UNIT_ROLE_LABELS[r]);
  return (row, column, value, rowValues) => {
    if (row <= UNITS_LAYOUT.headerRow) return undefined;
    const cell = cellA1(row, column);
    switch (columns.get(column)) {
      case 'code':
      case 'name': {
        const text = parseText(value);
        if (text.kind === 'invalid') return finding(sheet, cell, text.code, value);
        if (text.kind === 'empty' && rowValues !== undefined && !isBlankRow(rowValues)) {
          return finding(sheet, cell, 'required-missing', value, {
            field: columns.get(column) === 'code' ? 'mã đơn vị' : 'tên đơn vị',
          });
        }
        return undefined;
      }
      case 'role':
        return matchLabel(value, roles) === undefined
          ? finding(sheet, cell, 'invalid-value', value, { expected: roles.join(', ') })
          : undefined;
      case 'email':
        return parseEmail(value).kind === 'invalid'
          ? finding(sheet, cell, 'invalid-email', value)
          : undefined;
      case 'registeredTitle': {
        const text = parseText(value);
        if (text.kind === 'invalid') return finding(sheet, cell, text.code, value);
        const misfit = text.kind === 'ok' ? registeredTitleMisfit(text.value) : undefined;
        return misfit === undefined
          ? undefined
          : finding(sheet, cell, 'invalid-value', value, { expected: misfit }, 'warning');
      }
      default: {
        const text = parseText(value);
        return text.kind === 'invalid' ? finding(sheet, cell, text.code, value) : undefined;
      }
    }
  };
}

function criteriaChecker(context: EditContext): CellChecker {
  const sheet = CRITERIA_LAYOUT.sheet;
  const columns = tableColumns(CRITERIA_LAYOUT, context.headerRow);
  const types = CriterionTypeSchema.options.map((t) => CRITERION_TYPE_LABELS[t]);
  const formulas = Object.values(TARGET_FORMULA_LABELS);
  const codes = lazy(() => criterionIndex(context.tree.criteria));
  const read = context.criteriaFindings;
  const byCell = lazy((): Map<string, Finding> => {
    const out = new Map<string, Finding>();
    for (const f of read ?? []) if (!out.has(f.cell)) out.set(f.cell, f);
    return out;
  });
  const list = (cell: string, value: unknown, labels: readonly string[]): Finding | undefined =>
    matchLabel(value, labels) === undefined
      ? finding(sheet, cell, 'invalid-value', value, { expected: labels.join(', ') })
      : undefined;
  return (row, column, value) => {
    if (row <= CRITERIA_LAYOUT.headerRow) return undefined;
    const cell = cellA1(row, column);
    if (read !== undefined) return byCell().get(cell);
    const key = columns.get(column);
    switch (key) {
      case 'type':
        return list(cell, value, types);
      case 'targetFormula':
        return list(cell, value, formulas);
      case 'evidenceRequired':
        return list(cell, value, YES_NO_LABELS);
      case 'maxPoints':
      case 'pointsPerOccurrence':
      case 'extraPerPercent':
      case 'extraCap': {
        const checked = checkNumber(value, { min: 0 });
        return checked.kind === 'bad' ? findingOf(sheet, cell, value, checked) : undefined;
      }
      case 'parent': {
        const found = resolve(codes(), value, (c: Criterion) => c.code);
        return found.kind === 'none' ? finding(sheet, cell, 'unknown-criterion', value) : undefined;
      }
      default: {
        const text = parseText(value);
        return text.kind === 'invalid' ? finding(sheet, cell, text.code, value) : undefined;
      }
    }
  };
}

function settingsChecker(context: EditContext): CellChecker {
  const sheet = SETTINGS_TABLE.sheet;
  const columns = tableColumns(SETTINGS_TABLE, context.headerRow);
  const valueCol = columnOfKey(columns, 'value');
  const labelCol = columnOfKey(columns, 'label');
  const byLabel = new Map(SETTING_ROWS.map((r) => [labelKey(r.label), r]));
  return (row, column, value, rowValues) => {
    if (row <= SETTINGS_TABLE.headerRow || column !== valueCol) return undefined;
    const label =
      labelCol !== undefined && rowValues !== undefined ? rowValues[labelCol - 1] : undefined;
    const setting =
      label !== undefined
        ? byLabel.get(labelKey(label))
        : SETTING_ROWS[row - SETTINGS_TABLE.firstDataRow];
    if (setting === undefined) return undefined;
    const cell = cellA1(row, column);
    const read = readSettingValue(setting, value);
    if (read.kind === 'bad') return finding(sheet, cell, read.code, value, read.details);
    if (read.kind === 'empty' && setting.required)
      return finding(sheet, cell, 'required-missing', value, { field: setting.label });
    return undefined;
  };
}

function votesChecker(context: EditContext): CellChecker {
  const sheet = VOTES_LAYOUT.sheet;
  const columns = tableColumns(VOTES_LAYOUT, context.headerRow);
  const units = lazy(() => unitIndex(context.units));
  const marks = Object.values(BALLOT_MARK_LABELS);
  return (row, column, value) => {
    if (row <= VOTES_LAYOUT.headerRow) return undefined;
    const cell = cellA1(row, column);
    switch (columns.get(column)) {
      case 'voter':
        return unitFinding(sheet, cell, value, resolve(units(), value, describeUnit), false);
      case 'mark':
        return matchLabel(value, marks) === undefined
          ? finding(sheet, cell, 'invalid-value', value, {
              expected: `${marks.join(' hoặc ')}, hoặc để trống`,
            })
          : undefined;
      default:
        return undefined;
    }
  };
}

/** Khen thưởng's columns the certificate job writes; a user's value there is marked, not read. */
const AWARD_PROGRAM_COLUMNS: ReadonlySet<AwardColumnKey> = new Set(
  AWARDS_LAYOUT.columns.filter((c) => c.entry === 'computed').map((c) => c.key),
);

/** Codes readAwards gives that need more than the edited rows (whole column or header). */
const AWARD_CODES_NOT_CHECKED_ON_EDIT: ReadonlySet<string> = new Set([
  'duplicate-code',
  'header-missing',
  'header-renamed',
]);

function awardProgramFinding(cell: string, key: AwardColumnKey, value: unknown): Finding {
  const sheet = AWARDS_LAYOUT.sheet;
  const header = AWARDS_LAYOUT.columns.find((c) => c.key === key)?.header ?? key;
  const base = finding(sheet, cell, 'invalid-value', value, {}, 'warning');
  const message =
    `Trang "${sheet}", ô ${cell}: cột "${header}" do chương trình ghi khi tạo giấy khen, ` +
    `bằng khen, không nhập tay. Giá trị "${base.value}" vẫn được giữ nguyên; hãy xóa nó ` +
    'hoặc hoàn tác (Ctrl+Z), vì chương trình dựa vào cột này để không tạo thiếu hay tạo trùng.';
  return { ...base, message: message.normalize('NFC') };
}

/**
 * Khen thưởng is checked by readAwards itself, so a cell is judged exactly as "Kiểm tra dữ
 * liệu" and the certificate job judge it: the edited rows (full width when the adapter read
 * them, the edited values laid over them) are placed at their own row numbers under the header
 * row, and the findings of the edited cells are kept. A layout column missing from the header is
 * appended past the data, so nothing read from it lands on another column's cell. Duplicates
 * need the whole register and are left to "Kiểm tra dữ liệu".
 */
function awardsChecker(edit: EditedBlock, context: EditContext): CellChecker {
  const headerRowNumber = AWARDS_LAYOUT.headerRow;
  const columns = tableColumns(AWARDS_LAYOUT, context.headerRow);
  const byCell = lazy((): Map<string, Finding> => {
    const header: unknown[] = [...(context.headerRow ?? headerValues(AWARDS_LAYOUT))];
    const blockWidth = edit.values.reduce((w, r) => Math.max(w, r.length), 0);
    const rowsWidth = (context.rows ?? []).reduce((w, r) => Math.max(w, r.length), 0);
    const width = Math.max(header.length, edit.column - 1 + blockWidth, rowsWidth);
    while (header.length < width) header.push('');
    const located = new Set(columns.values());
    for (const spec of AWARDS_LAYOUT.columns) if (!located.has(spec.key)) header.push(spec.header);

    const grid: unknown[][] = [];
    grid[headerRowNumber - 1] = header;
    edit.values.forEach((values, i) => {
      const row = edit.row + i;
      if (row <= headerRowNumber) return;
      const full: unknown[] = [...(context.rows?.[i] ?? [])].slice(0, width);
      while (full.length < edit.column - 1) full.push('');
      values.forEach((v, j) => (full[edit.column - 1 + j] = v));
      grid[row - 1] = full;
    });
    const defaultYear = context.defaultYear ?? context.settings?.year;
    const read = readAwards(grid, defaultYear === undefined ? {} : { defaultYear });
    const out = new Map<string, Finding>();
    for (const f of read.findings) {
      if (AWARD_CODES_NOT_CHECKED_ON_EDIT.has(f.code) || out.has(f.cell)) continue;
      out.set(f.cell, f);
    }
    const typeColumn = columnOfKey(columns, 'recipientType');
    const formColumn = columnOfKey(columns, 'form');
    if (typeColumn !== undefined && formColumn !== undefined) {
      const rows = {
        first: Math.max(edit.row, headerRowNumber + 1),
        last: edit.row + edit.values.length - 1,
      };
      for (const f of typeCellMisfits(grid, rows, typeColumn, formColumn))
        if (!out.has(f.cell)) out.set(f.cell, f);
    }
    return out;
  });
  return (row, column, value) => {
    if (row <= headerRowNumber) return undefined;
    const key = columns.get(column);
    if (key === undefined) return undefined;
    const cell = cellA1(row, column);
    if (AWARD_PROGRAM_COLUMNS.has(key))
      return isBlank(value) ? undefined : awardProgramFinding(cell, key, value);
    return byCell().get(cell);
  };
}

function checkerFor(edit: EditedBlock, context: EditContext): CellChecker | undefined {
  const sheet = edit.sheet;
  switch (sheet) {
    case SHEET_NAMES.selfScores:
    case SHEET_NAMES.verifiedScores:
      return matrixChecker(sheet, context, edit.row);
    case SHEET_NAMES.crossScores:
      return crossChecker(context);
    case SHEET_NAMES.units:
      return unitsChecker(context);
    case SHEET_NAMES.criteria:
      return criteriaChecker(context);
    case SHEET_NAMES.settings:
      return settingsChecker(context);
    case SHEET_NAMES.votes:
      return votesChecker(context);
    case SHEET_NAMES.awards:
      return awardsChecker(edit, context);
    default:
      return undefined;
  }
}

/**
 * Checks the cells of one edit, for the onEdit trigger: one verdict per cell of the block, in
 * row-major order, so the adapter can mark bad cells and unmark corrected ones in one batch.
 * Work grows with the block (plus the unit and criteria lists when a reference is checked),
 * never with the sheet. When scoring is closed every cell of a score sheet is refused.
 */
export function checkEditedCells(edit: EditedBlock, context: EditContext): CellVerdict[] {
  const verdicts: CellVerdict[] = [];
  const closed = context.settings?.scoringClosed === true && isScoreSheet(edit.sheet);
  const check = closed ? undefined : checkerFor(edit, context);
  edit.values.forEach((rowValues, i) => {
    const row = edit.row + i;
    const fullRow = context.rows?.[i];
    (Array.isArray(rowValues) ? rowValues : []).forEach((value: unknown, j: number) => {
      const column = edit.column + j;
      const cell = cellA1(row, column);
      let problem: Finding | undefined;
      if (closed) problem = finding(edit.sheet, cell, 'closed-period', value);
      else if (check) problem = check(row, column, value, fullRow);
      verdicts.push(
        problem === undefined ? { cell, ok: true } : { cell, ok: false, finding: problem },
      );
    });
  });
  return verdicts;
}
