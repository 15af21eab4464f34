/**
 * Set-up as a pure decision: from what the workbook holds now and the one layout definition, the
 * list of sheet operations, protections and named ranges that make the workbook match the
 * layout, plus the Vietnamese report. Nothing a user typed is overwritten: headers are written only
 * where they are missing, settings only appended, and a score matrix is rebuilt by moving every
 * entered value with its unit and column (values without a place are kept as orphans). Number
 * formats go to empty cells only: a cell holding a value keeps its format (formatPlan.ts), so a
 * date stays a date and "9,5" typed as text stays text, also when a score moves.
 */
import { SHEET_NAMES, SHEET_ORDER, type SheetKey } from '../layout/sheets';
import { NUMBER_FORMATS, headerValues, type TableLayout } from '../layout/columns';
import {
  AUDIT_LAYOUT,
  AWARDS_LAYOUT,
  PREPRINTED_LAYOUT,
  AWARD_STATISTICS_LAYOUT,
  CRITERIA_LAYOUT,
  CROSS_SCORES_LAYOUT,
  UNITS_LAYOUT,
  VOTES_LAYOUT,
  rankingLayout,
} from '../layout/tables';
import { SETTING_ROWS, SETTINGS_TABLE } from '../layout/settings';
import { YEAR_STATISTICS_LAYOUT } from '../layout/yearStatisticsTable';
import { settingsGrid } from '../layout/settingsGrid';
import { GUIDE_LINES } from '../layout/guide';
import { HISTORY_LAYOUT } from '../layout/historyTables';
import { entryCriteria, matrixLayout, type MatrixLayout } from '../layout/matrix';
import { ClusterSettingsSchema } from '../model/settings';
import type { CriteriaTree } from '../model/criteria';
import type { Unit } from '../model/unit';
import { readUnits } from '../readers/units';
import { readCriteria } from '../readers/criteria';
import { locateTable } from '../readers/headers';
import { cellAt, columnCount, isBlankRow, labelKey, rowAt } from '../readers/cells';
import { cellOut } from './cellsOut';
import { rebuildMatrix, type OrphanScore } from './matrixRebuild';
import { matrixMaxima } from './matrixLocate';
import { resolveSheet, type Resolution } from './resolveSheets';
import { planValidation, type ColumnSource } from './validationPlan';
import { cellFormat, tableFormatOps, type FormatGrid } from './formatPlan';
import type {
  PlannedNamedRange,
  PlannedProtection,
  PlannedRange,
  PlannedValidation,
  SetupCurrent,
  SetupPlan,
  SetupReport,
  SetupSheetKey,
  SheetOp,
  SheetPlan,
  SheetSnapshot,
} from './types';
import { emailKey } from '../text/normalize';
import { DEFAULT_GRANTS, type RoleGrants } from '../roles';
import { readRoleGrants, readSettings } from '../readers/settings';
import { ownRowRuns, runnerKeptOn, verifiedRowRuns, type RowRun } from './protectionPlan';
import { emptySetupReport } from './summary';
import { preprintedDefaultGrid } from '../certificates/preprintedDefaults';
import { ELIGIBILITY_LAYOUT, RULES_LAYOUT } from '../layout/rulesTables';
import { DEFAULT_RULES } from '../eligibility/defaultRules';
import { ruleSheetRows } from '../eligibility/rulesSheet';

/** The one-table sheets set-up lays out with planTable. */
const TABLE_KEYS = [
  'units',
  'criteria',
  'crossScores',
  'votes',
  'awards',
  'preprinted',
  'registration',
  'history',
  'rules',
  'audit',
] as const;
import { MAX_CROSS_ROWS, crossRowCount, planCrossScores } from './crossScoresPlan';
import { REGISTRATION_LAYOUT } from '../layout/registrationTables';
import { planRegistrationSheet } from '../registration/setupRegistration';
import {
  protection,
  protectionLabel,
  reconcileProtections,
  uniqueSorted,
  withRunner,
} from './protections';

export {
  BALLOT_PROTECTION_PREFIX,
  PROTECTION_PREFIX,
  protectionEditorsText,
  protectionLabel,
} from './protections';
export const SHEET_IDS_PROPERTY = 'thidua.setup.sheetIds';
export const LAST_SETUP_PROPERTY = 'thidua.setup.lastRun';

export const ORPHAN_SHEET_NAME = 'Điểm không còn khớp';
export const ORPHAN_HEADERS: readonly string[] = [
  'Thời điểm chuyển',
  'Trang tính',
  'Mã đơn vị',
  'Tên đơn vị',
  'Cột cũ',
  'Ô cũ',
  'Giá trị',
  'Lý do',
];
const ORPHAN_FORMATS: readonly string[] = [
  NUMBER_FORMATS.dateTime,
  NUMBER_FORMATS.text,
  NUMBER_FORMATS.text,
  NUMBER_FORMATS.text,
  NUMBER_FORMATS.text,
  NUMBER_FORMATS.text,
  '',
  NUMBER_FORMATS.text,
];
const ORPHAN_WIDTHS: readonly number[] = [150, 110, 90, 160, 140, 70, 110, 380];

/** Named ranges of the main data areas (ASCII names: Sheets restricts range names). */
export const NAMED_RANGES = {
  settingsValues: 'thidua_CauHinh',
  units: 'thidua_DonVi',
  unitCodes: 'thidua_DonVi_Ma',
  criteria: 'thidua_TieuChi',
  criterionCodes: 'thidua_TieuChi_Ma',
  selfScores: 'thidua_TuCham',
  verifiedScores: 'thidua_ThamDinh',
  crossScores: 'thidua_ChamCheo',
  votes: 'thidua_BinhXet',
  audit: 'thidua_NhatKy',
  awards: 'thidua_KhenThuong',
  preprinted: 'thidua_ViTriInPhoi',
  registration: 'thidua_DangKyThiDua',
  rules: 'thidua_QuyTac',
} as const;

/** Default cluster name of a new workbook. */
export const DEFAULT_CLUSTER_NAME = 'Cụm thi đua';

/** The named range over each table's data rows (the history has none). */
const TABLE_RANGE_NAMES: Partial<Record<SetupSheetKey, string>> = {
  units: NAMED_RANGES.units,
  criteria: NAMED_RANGES.criteria,
  votes: NAMED_RANGES.votes,
  awards: NAMED_RANGES.awards,
  preprinted: NAMED_RANGES.preprinted,
  rules: NAMED_RANGES.rules,
  audit: NAMED_RANGES.audit,
};

const TABLES: Partial<Record<SheetKey, TableLayout>> = {
  units: UNITS_LAYOUT,
  criteria: CRITERIA_LAYOUT,
  crossScores: CROSS_SCORES_LAYOUT,
  votes: VOTES_LAYOUT,
  awards: AWARDS_LAYOUT,
  preprinted: PREPRINTED_LAYOUT,
  registration: REGISTRATION_LAYOUT,
  history: HISTORY_LAYOUT,
  rules: RULES_LAYOUT,
  audit: AUDIT_LAYOUT,
};

export function setupSheetName(key: SetupSheetKey): string {
  return key === 'orphans' ? ORPHAN_SHEET_NAME : SHEET_NAMES[key];
}

const SETUP_KEYS: readonly SetupSheetKey[] = [
  ...SHEET_ORDER.map(
    (name) =>
      (Object.keys(SHEET_NAMES) as SheetKey[]).find((k) => SHEET_NAMES[k] === name) as SheetKey,
  ),
  'orphans',
];

// ------------------------------------------------------------------ small helpers

type Grid = readonly (readonly unknown[])[];

function isBlankGrid(grid: Grid | undefined): boolean {
  if (grid === undefined) return true;
  for (let r = 0; r < grid.length; r++) if (!isBlankRow(rowAt(grid, r))) return false;
  return true;
}

/** Last 1-based row holding anything (0 when blank). */
function lastFilledRow(grid: Grid): number {
  for (let r = grid.length - 1; r >= 0; r--) if (!isBlankRow(rowAt(grid, r))) return r + 1;
  return 0;
}

function range(
  row: number,
  column: number,
  numRows: number | 'toEnd',
  numColumns: number,
): PlannedRange {
  return { row, column, numRows, numColumns };
}

function tableFits(grid: Grid, layout: TableLayout): boolean {
  const located = locateTable(grid, layout);
  const first = layout.columns[0]?.key;
  return (
    first !== undefined &&
    located.columns.has(first) &&
    located.columns.size >= Math.ceil(layout.columns.length / 2)
  );
}

function rowHasHeaders(grid: Grid, headers: readonly string[]): boolean {
  const keys = headers.map(labelKey);
  for (let r = 0; r < Math.min(5, grid.length); r++) {
    const row = rowAt(grid, r).map(labelKey);
    if (keys.every((k) => row.includes(k))) return true;
  }
  return false;
}

function fitsSheet(key: SetupSheetKey, sheet: SheetSnapshot): boolean {
  const grid = sheet.values ?? [];
  if (isBlankGrid(grid)) return true;
  switch (key) {
    case 'guide':
      return labelKey(cellAt(grid, 0, 0)) === labelKey(GUIDE_LINES[0]);
    case 'settings':
      return rowHasHeaders(grid, headerValues(SETTINGS_TABLE).slice(0, 2));
    case 'selfScores':
    case 'verifiedScores':
      return rowHasHeaders(grid, ['Mã đơn vị']);
    case 'ranking':
      return rowHasHeaders(grid, ['Hạng', 'Mã đơn vị']);
    case 'awardStatistics':
      return rowHasHeaders(grid, headerValues(AWARD_STATISTICS_LAYOUT).slice(0, 2));
    case 'eligibility':
      return rowHasHeaders(grid, headerValues(ELIGIBILITY_LAYOUT).slice(0, 2));
    case 'yearStatistics':
      return rowHasHeaders(grid, headerValues(YEAR_STATISTICS_LAYOUT).slice(0, 2));
    case 'orphans':
      return rowHasHeaders(grid, ORPHAN_HEADERS.slice(1, 3));
    default: {
      const layout = TABLES[key];
      return layout !== undefined && tableFits(grid, layout);
    }
  }
}

// ------------------------------------------------------------------ the plan

interface Context {
  readonly current: SetupCurrent;
  readonly report: SetupReport;
  readonly heads: readonly string[];
  readonly source: ColumnSource;
  readonly grants: RoleGrants;
}

interface TablePart {
  readonly ops: SheetOp[];
  readonly positions: Map<string, number>;
  readonly headerRow: number;
  readonly dataRow: number;
  readonly width: number;
}

/**
 * A one-table sheet: headers written when the sheet is blank, missing columns added at the right
 * (never over a user's column), then each column's format, validation and header note.
 */
function planTable(
  layout: TableLayout,
  grid: Grid,
  formats: FormatGrid | undefined,
  fresh: boolean,
  ctx: Context,
  sourceFor: ColumnSource,
): TablePart {
  const ops: SheetOp[] = [];
  const positions = new Map<string, number>();
  let headerRow = layout.headerRow;
  const name = layout.sheet;
  if (isBlankGrid(grid)) {
    layout.columns.forEach((c, i) => positions.set(c.key, i + 1));
    ops.push({
      op: 'format',
      range: range(headerRow, 1, 1, layout.columns.length),
      format: NUMBER_FORMATS.text,
    });
    ops.push({ op: 'values', row: headerRow, column: 1, values: [headerValues(layout)] });
  } else {
    const located = locateTable(grid, layout);
    headerRow = located.headerRow0 + 1;
    located.columns.forEach((c0, key) => positions.set(key, c0 + 1));
    let next = columnCount(grid) + 1;
    const added: string[] = [];
    for (const spec of layout.columns) {
      if (positions.has(spec.key)) continue;
      positions.set(spec.key, next);
      ops.push({ op: 'format', range: range(headerRow, next, 1, 1), format: NUMBER_FORMATS.text });
      ops.push({ op: 'values', row: headerRow, column: next, values: [[spec.header]] });
      ops.push({ op: 'widths', column: next, count: 1, width: spec.width });
      added.push(spec.header);
      next++;
    }
    if (added.length > 0) {
      ctx.report.updated.push(`${name}: thêm cột ${added.map((h) => `"${h}"`).join(', ')}.`);
    }
  }
  const dataRow = headerRow + 1;
  const width = Math.max(0, ...positions.values());
  // Layout formats for empty cells only; cells holding a value keep theirs (formatPlan.ts).
  const formatOf = new Map<number, string>();
  for (const spec of layout.columns) {
    const column = positions.get(spec.key);
    if (column !== undefined) formatOf.set(column, spec.numberFormat);
  }
  ops.push(...tableFormatOps({ values: grid, formats }, dataRow, width, (c) => formatOf.get(c)));
  for (const spec of layout.columns) {
    const column = positions.get(spec.key);
    if (column === undefined) continue;
    if (spec.validation !== undefined) {
      const rule = planValidation(spec.validation, sourceFor);
      if (rule !== undefined)
        ops.push({ op: 'validation', range: range(dataRow, column, 'toEnd', 1), rule });
    }
    if (spec.note !== undefined) {
      ops.push({ op: 'notes', row: headerRow, column, notes: [[spec.note]] });
    }
    if (fresh) ops.push({ op: 'widths', column, count: 1, width: spec.width });
  }
  if (fresh) ops.push({ op: 'frozen', rows: headerRow, columns: layout.frozenColumns });
  return { ops, positions, headerRow, dataRow, width };
}

/** Runs of equal widths, so widths take one call per run rather than per column. */
function widthRuns(widths: readonly number[]): SheetOp[] {
  const ops: SheetOp[] = [];
  let start = 0;
  for (let i = 1; i <= widths.length; i++) {
    if (i === widths.length || widths[i] !== widths[start]) {
      ops.push({
        op: 'widths',
        column: start + 1,
        count: i - start,
        width: widths[start] as number,
      });
      start = i;
    }
  }
  return ops;
}

function planSettings(
  grid: Grid,
  numberFormats: FormatGrid | undefined,
  year: number,
  ctx: Context,
): { ops: SheetOp[]; rows: number[] } {
  const defaults = settingsGrid(
    ClusterSettingsSchema.parse({ clusterName: DEFAULT_CLUSTER_NAME, year }),
  );
  const ops: SheetOp[] = [];
  const valueRows: number[] = [];
  let labelCol = 1;
  let valueCol = 2;
  let noteCol = 3;
  const rowOfKey = new Map<string, number>();
  let appendAt: number;
  if (isBlankGrid(grid)) {
    appendAt = 1;
    SETTING_ROWS.forEach((row, i) => rowOfKey.set(row.key, i + 2));
  } else {
    const located = locateTable(grid, SETTINGS_TABLE);
    labelCol = (located.columns.get('label') ?? 0) + 1;
    valueCol = (located.columns.get('value') ?? 1) + 1;
    noteCol = (located.columns.get('note') ?? 2) + 1;
    const byLabel = new Map(SETTING_ROWS.map((r) => [labelKey(r.label), r.key]));
    for (let r = located.headerRow0 + 1; r < grid.length; r++) {
      const key = byLabel.get(labelKey(cellAt(grid, r, labelCol - 1)));
      if (key !== undefined && !rowOfKey.has(key)) rowOfKey.set(key, r + 1);
    }
    appendAt = lastFilledRow(grid) + 1;
  }
  // Rows missing from the sheet are appended with their defaults; present rows keep their value.
  const missing = SETTING_ROWS.map((row, i) => ({ row, i })).filter(
    ({ row }) => !rowOfKey.has(row.key),
  );
  if (isBlankGrid(grid)) {
    const values = defaults.map((line, r) =>
      line.map((v, c) =>
        cellOut(v, c === 1 && r > 0 ? (SETTING_ROWS[r - 1]?.numberFormat ?? '@') : '@'),
      ),
    );
    const formats = defaults.map((_, r) =>
      [0, 1, 2].map((c) => (c === 1 && r > 0 ? (SETTING_ROWS[r - 1]?.numberFormat ?? '@') : '@')),
    );
    ops.push({ op: 'formatGrid', row: 1, column: 1, formats });
    ops.push({ op: 'values', row: 1, column: 1, values });
  } else if (missing.length > 0) {
    const width = Math.max(labelCol, valueCol, noteCol);
    const lines: unknown[][] = [];
    const formats: string[][] = [];
    missing.forEach(({ row, i }, n) => {
      const line = new Array<unknown>(width).fill('');
      const fmt = new Array<string>(width).fill(NUMBER_FORMATS.text);
      const d = defaults[i + 1] ?? [];
      fmt[valueCol - 1] = row.numberFormat;
      line[labelCol - 1] = d[0] ?? row.label;
      line[valueCol - 1] = cellOut(d[1] ?? '', row.numberFormat);
      line[noteCol - 1] = d[2] ?? row.note;
      lines.push(line);
      formats.push(fmt);
      rowOfKey.set(row.key, appendAt + n);
    });
    ops.push({ op: 'formatGrid', row: appendAt, column: 1, formats });
    ops.push({ op: 'values', row: appendAt, column: 1, values: lines });
    ctx.report.updated.push(
      `${SHEET_NAMES.settings}: thêm ${missing.length} dòng cấu hình (${missing.map((m) => m.row.label).join('; ')}) với giá trị mặc định.`,
    );
  }
  // Each value cell's format and validation. Rows already on the sheet get their formats as one
  // grid per run of consecutive rows, where a value already typed keeps its format (a plan date
  // typed as a date stays a date); rows between them that are not settings are not touched.
  const perRow = SETTING_ROWS.map((row) => ({ row, at: rowOfKey.get(row.key) as number })).sort(
    (a, b) => a.at - b.at,
  );
  if (!isBlankGrid(grid)) {
    const present = perRow.filter(({ at }) => at < appendAt);
    let run: string[][] = [];
    let runStart = 0;
    present.forEach(({ row, at }, i) => {
      if (run.length === 0) runStart = at;
      run.push([
        cellFormat(
          cellAt(grid, at - 1, valueCol - 1),
          '',
          numberFormats?.[at - 1]?.[valueCol - 1],
          row.numberFormat,
        ),
      ]);
      if (present[i + 1]?.at !== at + 1) {
        ops.push({ op: 'formatGrid', row: runStart, column: valueCol, formats: run });
        run = [];
      }
    });
  }
  for (const { row, at } of perRow) {
    valueRows.push(at);
    if (row.validation !== undefined) {
      const rule = planValidation(row.validation, ctx.source);
      if (rule !== undefined)
        ops.push({ op: 'validation', range: range(at, valueCol, 1, 1), rule });
    }
  }
  return { ops, rows: valueRows };
}

/** The orphan row's formats: the kept value carries the format it had in the matrix. */
function orphanFormats(o: OrphanScore): string[] {
  return ORPHAN_FORMATS.map((f) => (f === '' ? o.format || NUMBER_FORMATS.number : f));
}

function orphanRows(orphans: readonly OrphanScore[], now: Date): unknown[][] {
  return orphans.map((o) =>
    [
      now,
      o.sheet,
      o.unitCode,
      o.unitName,
      o.column,
      o.cell,
      o.value,
      o.formula === '' ? o.reason : `${o.reason} (công thức cũ: ${o.formula})`,
    ].map((v, i) => cellOut(v, orphanFormats(o)[i] ?? '')),
  );
}

export function planSetup(current: SetupCurrent): SetupPlan {
  const report: SetupReport = emptySetupReport();

  // 1. Which sheet is which.
  const resolutions = new Map<SetupSheetKey, Resolution>();
  const claimed = new Set<number>();
  for (const key of SETUP_KEYS) {
    const storedId = current.storedIds[key];
    if (storedId !== undefined && current.sheets.some((s) => s.id === storedId))
      claimed.add(storedId);
  }
  for (const key of SETUP_KEYS) {
    const mine = current.storedIds[key];
    const others = new Set([...claimed].filter((id) => id !== mine));
    const r = resolveSheet({
      key,
      name: setupSheetName(key),
      sheets: current.sheets,
      storedId: mine,
      fits: (s) => fitsSheet(key, s),
      claimed: others,
    });
    resolutions.set(key, r);
    if (r.kind === 'ok' || r.kind === 'renamed' || r.kind === 'adopt') claimed.add(r.sheet.id);
  }
  const snapshotOf = (key: SetupSheetKey): SheetSnapshot | undefined => {
    const r = resolutions.get(key);
    return r !== undefined && (r.kind === 'ok' || r.kind === 'renamed' || r.kind === 'adopt')
      ? r.sheet
      : undefined;
  };
  const usable = (key: SetupSheetKey): boolean => resolutions.get(key)?.kind !== 'conflict';
  const gridOf = (key: SetupSheetKey): Grid => snapshotOf(key)?.values ?? [];
  const formatsOf = (key: SetupSheetKey): FormatGrid | undefined => snapshotOf(key)?.numberFormats;
  /** Set up by us before: keep the user's widths and frozen panes. */
  const fresh = (key: SetupSheetKey): boolean => {
    const k = resolutions.get(key)?.kind;
    return !(k === 'ok' || k === 'renamed');
  };

  for (const key of SETUP_KEYS) {
    const r = resolutions.get(key) as Resolution;
    const name = setupSheetName(key);
    if (r.kind === 'conflict') report.problems.push(r.reason);
    else if (r.kind === 'renamed') {
      report.restored.push(
        `Trang "${r.from}" là trang "${name}" đã bị đổi tên: đã đặt lại tên "${name}" (dữ liệu giữ nguyên).`,
      );
    } else if (r.kind === 'adopt' && r.afterDelete) {
      report.adopted.push(
        `Trang "${name}" trước đây đã bị xoá; dùng trang "${name}" hiện có vì tiêu đề khớp.`,
      );
    } else if (r.kind === 'adopt' && !isBlankGrid(r.sheet.values)) {
      report.adopted.push(`Dùng trang "${name}" có sẵn (tiêu đề khớp, dữ liệu giữ nguyên).`);
    }
  }

  // 2. The registry: units and criteria as the sheets say now.
  const units: Unit[] = usable('units') ? readUnits(gridOf('units')).value : [];
  const tree: CriteriaTree = usable('criteria')
    ? readCriteria(gridOf('criteria')).value
    : { groups: [], criteria: [] };
  const heads = uniqueSorted(units.filter((u) => u.role === 'head').map((u) => u.email));
  if (heads.length === 0) {
    report.notes.push(
      'Chưa có Cụm trưởng có thư điện tử trong trang Đơn vị: các vùng được bảo vệ chỉ chủ sở hữu bảng tính sửa được.',
    );
  }

  // Column positions of the tables, for validations that list another sheet's column.
  const tableParts = new Map<SheetKey, TablePart>();
  const positionsOf = (
    key: SetupSheetKey,
  ): { row: number; columns: ReadonlyMap<string, number> } | undefined => {
    const part = tableParts.get(key as SheetKey);
    if (part !== undefined) return { row: part.dataRow, columns: part.positions };
    return undefined;
  };
  const source: ColumnSource = (sheet, columnKey) => {
    if (!usable(sheet)) return undefined;
    const p = positionsOf(sheet);
    const column = p?.columns.get(columnKey);
    return p === undefined || column === undefined ? undefined : { row: p.row, column };
  };
  const settingsGrid0 = usable('settings') ? gridOf('settings') : [];
  const grants: RoleGrants = isBlankGrid(settingsGrid0)
    ? DEFAULT_GRANTS
    : readRoleGrants(settingsGrid0);
  const useCross = readSettings(settingsGrid0).value?.useCrossScores ?? false;
  const ctx: Context = { current, report, heads, source, grants };
  // Tables first: their column positions feed validations that list another sheet's column (the
  // criteria sheet lists its own codes), so positions come from a first pass without validations.
  const firstPass: Context = { ...ctx, report: { ...report, updated: [] } };
  for (const key of TABLE_KEYS) {
    if (!usable(key)) continue;
    const layout = TABLES[key] as TableLayout;
    tableParts.set(
      key,
      planTable(layout, gridOf(key), formatsOf(key), fresh(key), firstPass, () => undefined),
    );
  }
  for (const key of TABLE_KEYS) {
    if (!usable(key)) continue;
    tableParts.set(
      key,
      planTable(TABLES[key] as TableLayout, gridOf(key), formatsOf(key), fresh(key), ctx, source),
    );
  }

  const plans: SheetPlan[] = [];
  const namedRanges: PlannedNamedRange[] = [];
  const allOrphans: OrphanScore[] = [];
  const orphanStoreOk = usable('orphans');

  const sheetProtection = (
    name: string,
    editors: readonly string[],
    unprotected: readonly PlannedRange[] = [],
  ): PlannedProtection =>
    protection(
      'sheet',
      editors.length === 0
        ? `trang "${name}": chỉ chủ sở hữu bảng tính được sửa`
        : `trang "${name}": chỉ chủ sở hữu và Cụm trưởng được sửa`,
      editors,
      undefined,
      unprotected,
    );

  const pushPlan = (
    key: SetupSheetKey,
    ops: SheetOp[],
    needRows: number,
    needColumns: number,
    desired: PlannedProtection[],
  ): void => {
    const r = resolutions.get(key) as Resolution;
    const name = setupSheetName(key);
    const snapshot = snapshotOf(key);
    const source =
      r.kind === 'create'
        ? { kind: 'create' as const, after: previousKey(key) }
        : r.kind === 'renamed'
          ? { kind: 'existing' as const, id: r.sheet.id, renameFrom: r.from }
          : { kind: 'existing' as const, id: (snapshot as SheetSnapshot).id };
    const { remove, add } = reconcileProtections(
      snapshot,
      name,
      desired.map((d) => withRunner(d, current)),
      report,
    );
    plans.push({
      key,
      name,
      source,
      needRows,
      needColumns,
      ops,
      removeProtections: remove,
      addProtections: add,
    });
    if (r.kind === 'create') {
      (r.deleted ? report.recreated : report.created).push(
        r.deleted ? `Trang "${name}" đã bị xoá: đã tạo lại.` : `Tạo trang "${name}".`,
      );
    }
  };
  const previousKey = (key: SetupSheetKey): SetupSheetKey | null => {
    const i = SETUP_KEYS.indexOf(key);
    for (let j = i - 1; j >= 0; j--) {
      const k = SETUP_KEYS[j] as SetupSheetKey;
      if (usable(k) && (snapshotOf(k) !== undefined || plans.some((p) => p.key === k))) return k;
    }
    return null;
  };

  // 3. Sheet by sheet, in tab order.
  for (const key of SETUP_KEYS) {
    if (!usable(key)) continue;
    const name = setupSheetName(key);
    const grid = gridOf(key);
    switch (key) {
      case 'guide': {
        const ops: SheetOp[] = [];
        const same = GUIDE_LINES.every((line, i) => cellAt(grid, i, 0) === line);
        if (!same) {
          ops.push({
            op: 'format',
            range: range(1, 1, GUIDE_LINES.length, 1),
            format: NUMBER_FORMATS.text,
          });
          ops.push({ op: 'values', row: 1, column: 1, values: GUIDE_LINES.map((l) => [l]) });
          if (!isBlankGrid(grid) && !fresh(key))
            report.updated.push(`${name}: cập nhật nội dung hướng dẫn.`);
        }
        if (fresh(key)) {
          ops.push({ op: 'widths', column: 1, count: 1, width: 900 });
          ops.push({ op: 'frozen', rows: 1, columns: 0 });
        }
        pushPlan(key, ops, GUIDE_LINES.length, 1, [sheetProtection(name, heads)]);
        break;
      }
      case 'settings': {
        const { ops, rows } = planSettings(grid, formatsOf(key), current.year, ctx);
        if (fresh(key)) {
          ops.push(...widthRuns(SETTINGS_TABLE.columns.map((c) => c.width)));
          ops.push({
            op: 'frozen',
            rows: SETTINGS_TABLE.frozenRows,
            columns: SETTINGS_TABLE.frozenColumns,
          });
        }
        const first = Math.min(...rows);
        const last = Math.max(...rows);
        const valueCol = isBlankGrid(grid)
          ? 2
          : (locateTable(grid, SETTINGS_TABLE).columns.get('value') ?? 1) + 1;
        namedRanges.push({
          name: NAMED_RANGES.settingsValues,
          sheet: key,
          range: range(first, valueCol, last - first + 1, 1),
        });
        pushPlan(key, ops, last, 3, [sheetProtection(name, heads)]);
        break;
      }
      case 'registration': {
        const part = tableParts.get(key) as TablePart;
        const planned = planRegistrationSheet(name, grid, formatsOf(key), part, units, {
          heads: ctx.heads,
          grants: ctx.grants,
          report: ctx.report,
          registryOk: usable('units'),
        });
        namedRanges.push({
          name: NAMED_RANGES.registration,
          sheet: key,
          range: range(part.dataRow, 1, 'toEnd', part.width),
        });
        pushPlan(
          key,
          [...part.ops, ...planned.ops],
          Math.max(part.headerRow, planned.needRows),
          part.width,
          planned.protections,
        );
        break;
      }
      case 'units':
      case 'criteria':
      case 'crossScores':
      case 'votes':
      case 'awards':
      case 'preprinted':
      case 'history':
      case 'rules':
      case 'audit': {
        const part = tableParts.get(key) as TablePart;
        if (key === 'crossScores') {
          const cross = planCross(name, grid, formatsOf(key), part, units, tree, useCross, ctx, {
            orphanStoreOk,
            registryOk: usable('units') && usable('criteria'),
          });
          allOrphans.push(...cross.orphans);
          namedRanges.push({
            name: NAMED_RANGES.crossScores,
            sheet: key,
            range: range(part.dataRow, 1, 'toEnd', part.width),
          });
          pushPlan(
            key,
            [...part.ops, ...cross.ops],
            Math.max(part.headerRow, cross.needRows),
            part.width,
            cross.protections,
          );
          break;
        }
        const desired: PlannedProtection[] =
          key === 'units' ||
          key === 'criteria' ||
          key === 'audit' ||
          key === 'awards' ||
          key === 'preprinted' ||
          key === 'history' ||
          key === 'rules'
            ? [sheetProtection(name, heads)]
            : [
                protection(
                  'range',
                  `dòng tiêu đề trang "${name}"`,
                  heads,
                  range(part.headerRow, 1, part.headerRow, part.width),
                ),
              ];
        const area = range(part.dataRow, 1, 'toEnd', part.width);
        const named = TABLE_RANGE_NAMES[key];
        if (named !== undefined) namedRanges.push({ name: named, sheet: key, range: area });
        const codeCol = part.positions.get('code');
        if ((key === 'units' || key === 'criteria') && codeCol !== undefined) {
          namedRanges.push({
            name: key === 'units' ? NAMED_RANGES.unitCodes : NAMED_RANGES.criterionCodes,
            sheet: key,
            range: range(part.dataRow, codeCol, 'toEnd', 1),
          });
        }
        // A blank Vị trí in phôi gets the default positions (never over rows a user typed).
        // A blank Quy tắc khen thưởng gets the shipped rules once; rows a user typed stay.
        const defaults = !isBlankGrid(grid)
          ? []
          : key === 'preprinted'
            ? preprintedDefaultGrid(part.positions)
            : key === 'rules'
              ? ruleSheetRows(DEFAULT_RULES, part.positions)
              : [];
        const ops =
          defaults.length > 0
            ? [
                ...part.ops,
                { op: 'values' as const, row: part.dataRow, column: 1, values: defaults },
              ]
            : part.ops;
        pushPlan(key, ops, part.headerRow + defaults.length, part.width, desired);
        break;
      }
      case 'selfScores':
      case 'verifiedScores': {
        const planned = planMatrix(
          key,
          name,
          grid,
          snapshotOf(key)?.formulas,
          formatsOf(key),
          units,
          tree,
          usable('units') && usable('criteria'),
          orphanStoreOk,
          ctx,
          gridOf(key === 'selfScores' ? 'verifiedScores' : 'selfScores'),
        );
        allOrphans.push(...planned.orphans);
        if (planned.namedRange !== undefined) {
          namedRanges.push({
            name: key === 'selfScores' ? NAMED_RANGES.selfScores : NAMED_RANGES.verifiedScores,
            sheet: key,
            range: planned.namedRange,
          });
        }
        pushPlan(key, planned.ops, planned.needRows, planned.needColumns, planned.protections);
        break;
      }
      case 'ranking': {
        const layout = rankingLayout(tree);
        const ops: SheetOp[] = [];
        if (isBlankGrid(grid)) {
          ops.push({
            op: 'format',
            range: range(1, 1, 1, layout.columns.length),
            format: NUMBER_FORMATS.text,
          });
          ops.push({ op: 'values', row: 1, column: 1, values: [headerValues(layout)] });
        }
        if (fresh(key)) {
          ops.push(...widthRuns(layout.columns.map((c) => c.width)));
          ops.push({ op: 'frozen', rows: layout.frozenRows, columns: layout.frozenColumns });
        }
        pushPlan(key, ops, 1, layout.columns.length, [sheetProtection(name, heads)]);
        break;
      }
      case 'awardStatistics':
      case 'eligibility':
      case 'yearStatistics': {
        const layout =
          key === 'eligibility'
            ? ELIGIBILITY_LAYOUT
            : key === 'yearStatistics'
              ? YEAR_STATISTICS_LAYOUT
              : AWARD_STATISTICS_LAYOUT;
        const ops: SheetOp[] = [];
        if (isBlankGrid(grid)) {
          ops.push({
            op: 'format',
            range: range(layout.headerRow, 1, 1, layout.columns.length),
            format: NUMBER_FORMATS.text,
          });
          ops.push({
            op: 'values',
            row: layout.headerRow,
            column: 1,
            values: [headerValues(layout)],
          });
        }
        if (fresh(key)) {
          ops.push(...widthRuns(layout.columns.map((c) => c.width)));
          ops.push({ op: 'frozen', rows: layout.frozenRows, columns: layout.frozenColumns });
        }
        pushPlan(key, ops, layout.headerRow, layout.columns.length, [sheetProtection(name, heads)]);
        break;
      }
      case 'orphans': {
        const exists = snapshotOf(key) !== undefined;
        if (!exists && allOrphans.length === 0) break;
        const ops: SheetOp[] = [];
        let at = lastFilledRow(grid) + 1;
        if (!exists || isBlankGrid(grid)) {
          ops.push({
            op: 'format',
            range: range(1, 1, 1, ORPHAN_HEADERS.length),
            format: NUMBER_FORMATS.text,
          });
          ops.push({ op: 'values', row: 1, column: 1, values: [[...ORPHAN_HEADERS]] });
          ops.push(...widthRuns(ORPHAN_WIDTHS));
          ops.push({ op: 'frozen', rows: 1, columns: 0 });
          at = 2;
        }
        if (allOrphans.length > 0) {
          ops.push({
            op: 'formatGrid',
            row: at,
            column: 1,
            formats: allOrphans.map(orphanFormats),
          });
          ops.push({
            op: 'values',
            row: at,
            column: 1,
            values: orphanRows(allOrphans, current.now),
          });
          report.problems.push(
            `${allOrphans.length} điểm đã nhập không còn khớp đơn vị hoặc tiêu chí nào; đã chuyển sang trang "${name}" (dòng ${at}–${at + allOrphans.length - 1}), không xoá: ` +
              allOrphans
                .slice(0, 10)
                .map((o) => `${o.sheet}!${o.cell} (${o.unitCode || '?'} / ${o.column})`)
                .join('; ') +
              (allOrphans.length > 10 ? '; …' : '') +
              '.',
          );
        }
        pushPlan(key, ops, Math.max(1, at + allOrphans.length - 1), ORPHAN_HEADERS.length, [
          sheetProtection(name, heads),
        ]);
        break;
      }
    }
  }

  // Units that cannot edit their own rows, and why.
  if (units.length > 0 && usable('units')) {
    const without = units.filter((u) => u.email.trim() === '').map((u) => u.code);
    if (without.length > 0) {
      report.notes.push(
        `Đơn vị chưa có thư điện tử trong trang Đơn vị, nên dòng điểm của họ chỉ chủ sở hữu và Cụm trưởng sửa được: ${without.join(', ')}.`,
      );
    }
    const editors = new Set(current.editors.map(emailKey));
    if (editors.size > 0) {
      const unshared = units
        .filter((u) => u.email.trim() !== '' && !editors.has(emailKey(u.email)))
        .map((u) => `${u.code} (${u.email})`);
      if (unshared.length > 0) {
        report.notes.push(
          `Thư điện tử chưa được chia sẻ quyền chỉnh sửa bảng tính (hãy bấm Chia sẻ để họ nhập được điểm): ${unshared.join(', ')}.`,
        );
      }
    }
  }

  // Google keeps whoever runs set-up on every protection they make (Protection reference).
  const kept = runnerKeptOn(
    current.runner ?? '',
    current.owner ?? '',
    plans.flatMap((p) =>
      p.addProtections.map((d) => ({ editors: d.editors, label: protectionLabel(d.description) })),
    ),
  );
  if (kept.length > 0) {
    report.problems.push(
      `Bạn (${current.runner ?? ''}) không phải chủ sở hữu nên Google giữ tên bạn trong mọi vùng bảo vệ bạn tạo, kể cả ${kept.length} vùng bạn không được sửa theo bảng phân quyền: ` +
        kept.slice(0, 5).join('; ') +
        (kept.length > 5 ? '; …' : '') +
        `. Hãy nhờ chủ sở hữu bảng tính${current.owner ? ` (${current.owner})` : ''} chạy lại «Khởi tạo / cập nhật bảng tính».`,
    );
  }

  const keepIds: Partial<Record<SetupSheetKey, number>> = {};
  for (const key of SETUP_KEYS) {
    const s = snapshotOf(key);
    if (s !== undefined) keepIds[key] = s.id;
  }
  return { sheets: plans, namedRanges, keepIds, report };
}

interface PlannedMatrix {
  readonly ops: SheetOp[];
  readonly needRows: number;
  readonly needColumns: number;
  readonly protections: PlannedProtection[];
  readonly orphans: OrphanScore[];
  readonly namedRange?: PlannedRange;
}

function runProtections(
  name: string,
  runs: readonly RowRun[],
  column: number,
  numColumns: number,
): PlannedProtection[] {
  return runs.map((run) =>
    protection(
      'range',
      `"${name}" – dòng của ${run.units.length <= 3 ? run.units.join(', ') : `${run.units.slice(0, 3).join(', ')} và ${run.units.length - 3} đơn vị khác`}`,
      run.editors,
      range(run.row, column, run.numRows, numColumns),
    ),
  );
}

/**
 * A matrix: the sheet (headers, maxima, unit columns) for owner and head; the score cells of the
 * unit rows are left to row protections. Tự chấm: each unit its own row. Thẩm định: the verifiers
 * of the roles table, never the unit verified; rows with equal lists next to each other share one.
 */
function matrixProtections(
  key: 'selfScores' | 'verifiedScores',
  name: string,
  layout: MatrixLayout,
  units: readonly Unit[],
  ctx: Context,
): PlannedProtection[] {
  const width = layout.columns.length;
  const n = layout.unitRows.length;
  if (width <= 2 || n === 0) {
    return [
      protection(
        'sheet',
        `trang "${name}": chỉ chủ sở hữu và Cụm trưởng được sửa`,
        ctx.heads,
        undefined,
      ),
    ];
  }
  const rows = layout.unitRows.map((u) => ({ row: u.row, code: u.code }));
  const runs =
    key === 'verifiedScores'
      ? verifiedRowRuns(rows, units, ctx.grants)
      : ownRowRuns(SHEET_NAMES.selfScores, rows, units, ctx.grants);
  const scores = range(layout.firstDataRow, 3, n, width - 2);
  return [
    protection(
      'sheet',
      key === 'verifiedScores'
        ? `trang "${name}": tiêu đề, điểm tối đa và cột đơn vị chỉ chủ sở hữu và Cụm trưởng được sửa; điểm thẩm định theo vùng riêng (không đơn vị nào thẩm định chính mình)`
        : `trang "${name}": tiêu đề, điểm tối đa và cột đơn vị chỉ chủ sở hữu và Cụm trưởng được sửa; mỗi dòng đơn vị có bảo vệ riêng`,
      ctx.heads,
      undefined,
      [scores],
    ),
    ...runProtections(name, runs, 3, width - 2),
  ];
}

interface PlannedCross {
  readonly ops: SheetOp[];
  readonly needRows: number;
  readonly protections: PlannedProtection[];
  readonly orphans: OrphanScore[];
}

/**
 * Chấm chéo: with cross scores in use, one block per scorer (crossScoresPlan.ts), each block's
 * score columns editable by its scorer and the head; the codes and everything else by owner and
 * head. Without cross scores (Cấu hình), or too many units for blocks, the sheet is kept as it is
 * and only owner and head edit it.
 */
function planCross(
  name: string,
  grid: Grid,
  formats: FormatGrid | undefined,
  part: TablePart,
  units: readonly Unit[],
  tree: CriteriaTree,
  useCross: boolean,
  ctx: Context,
  ok: { readonly orphanStoreOk: boolean; readonly registryOk: boolean },
): PlannedCross {
  const whole = (why: string): PlannedCross => {
    if (why !== '') ctx.report.notes.push(why);
    return {
      ops: [],
      needRows: part.headerRow,
      protections: [
        protection(
          'sheet',
          `trang "${name}": chỉ chủ sở hữu và Cụm trưởng được sửa`,
          ctx.heads,
          undefined,
        ),
      ],
      orphans: [],
    };
  };
  if (!useCross) return whole('');
  if (!ok.registryOk)
    return whole(`${name}: không đọc được trang Đơn vị hoặc Tiêu chí; giữ nguyên.`);
  const count = crossRowCount(units, tree);
  if (count > MAX_CROSS_ROWS) {
    ctx.report.problems.push(
      `${name}: ${units.length} đơn vị × ${units.length - 1} đơn vị được chấm × tiêu chí = ${count} dòng, quá giới hạn ${MAX_CROSS_ROWS} dòng của một trang; chưa lập khối chấm chéo. Trang chỉ chủ sở hữu và Cụm trưởng sửa được.`,
    );
    return whole('');
  }
  const planned = planCrossScores(grid, formats, part, units, tree);
  if (planned.orphans.length > 0 && !ok.orphanStoreOk) {
    ctx.report.problems.push(
      `${name}: có ${planned.orphans.length} điểm không còn khớp nhưng không ghi được vào trang "${ORPHAN_SHEET_NAME}"; giữ nguyên trang.`,
    );
    return whole('');
  }
  if (planned.changed && !isBlankGrid(grid.slice(part.dataRow - 1))) {
    ctx.report.updated.push(
      `${name}: lập lại khối chấm chéo của từng đơn vị${planned.moved > 0 ? ` (${planned.moved} điểm đã nhập được chuyển theo đơn vị chấm, đơn vị được chấm và tiêu chí)` : ''}.`,
    );
  }
  // Runs over block indexes: consecutive scorers with equal lists (no e-mail: head only) share one.
  const runs = ownRowRuns(
    SHEET_NAMES.crossScores,
    planned.blocks.map((b, i) => ({ row: i, code: b.scorer })),
    units,
    ctx.grants,
  );
  const per = planned.blocks[0]?.numRows ?? 0;
  const first = planned.blocks[0]?.row ?? part.dataRow;
  const open = per > 0 && planned.entryColumns > 0;
  const protections: PlannedProtection[] = [
    protection(
      'sheet',
      `trang "${name}": mã đơn vị, tiêu chí và tiêu đề chỉ chủ sở hữu và Cụm trưởng được sửa; mỗi đơn vị chấm có khối riêng`,
      ctx.heads,
      undefined,
      open
        ? [range(first, planned.entryColumn, per * planned.blocks.length, planned.entryColumns)]
        : [],
    ),
  ];
  if (open) {
    const blockRuns = runs.map((run) => ({
      ...run,
      row: first + run.row * per,
      numRows: run.numRows * per,
    }));
    protections.push(...runProtections(name, blockRuns, planned.entryColumn, planned.entryColumns));
  }
  return {
    ops: planned.ops,
    needRows: planned.needRows,
    protections,
    orphans: planned.orphans,
  };
}

function planMatrix(
  key: 'selfScores' | 'verifiedScores',
  name: string,
  grid: Grid,
  formulas: readonly (readonly string[])[] | undefined,
  numberFormats: FormatGrid | undefined,
  units: readonly Unit[],
  tree: CriteriaTree,
  registryOk: boolean,
  orphanStoreOk: boolean,
  ctx: Context,
  /** The other score matrix as it is: its maxima row tells a stale maximum from a pasted score. */
  peerGrid: Grid,
): PlannedMatrix {
  const keepAsIs = (why: string): PlannedMatrix => {
    ctx.report.problems.push(`${name}: ${why} Bảng điểm được giữ nguyên.`);
    return { ops: [], needRows: 1, needColumns: 1, protections: [], orphans: [] };
  };
  const hasData = !isBlankGrid(grid);
  if (!registryOk) return keepAsIs('không đọc được trang Đơn vị hoặc Tiêu chí.');
  if (hasData && units.length === 0)
    return keepAsIs('trang Đơn vị chưa có đơn vị nào nên chưa dựng lại bảng điểm.');
  if (hasData && entryCriteria(tree).length === 0) {
    return keepAsIs('trang Tiêu chí chưa có tiêu chí nào nên chưa dựng lại bảng điểm.');
  }
  const layout = matrixLayout(units, tree);
  const rebuilt = rebuildMatrix(
    name,
    grid,
    formulas,
    layout,
    numberFormats,
    matrixMaxima(peerGrid, layout),
  );
  if (rebuilt.orphans.length > 0 && !orphanStoreOk) {
    return keepAsIs(
      `có ${rebuilt.orphans.length} điểm không còn khớp nhưng không ghi được vào trang "${ORPHAN_SHEET_NAME}".`,
    );
  }
  const width = layout.columns.length;
  // Layout formats for the program's cells and empty score cells; kept scores keep their own.
  const formats = rebuilt.formats;
  // Only what differs is written: a head who runs set-up may not write the head's own Thẩm
  // định row (the roles table keeps every unit off its own verified row), so a routine re-run
  // must leave the matrix's cells alone.
  const formatsDiffer = formats.some((row, r) =>
    row.some((f, c) => f !== (numberFormats?.[r]?.[c] ?? '')),
  );
  const ops: SheetOp[] = formatsDiffer ? [{ op: 'formatGrid', row: 1, column: 1, formats }] : [];
  if (rebuilt.changed) {
    const values = Array.from({ length: rebuilt.writeRows }, (_, r) =>
      Array.from({ length: rebuilt.writeColumns }, (_, c) =>
        r < rebuilt.grid.length && c < width
          ? cellOut(rebuilt.grid[r]?.[c], formats[r]?.[c] ?? '', rebuilt.formulas[r]?.[c] ?? '')
          : '',
      ),
    );
    ops.push({ op: 'values', row: 1, column: 1, values });
    const parts: string[] = [];
    if (rebuilt.unitsAdded.length > 0) parts.push(`thêm đơn vị ${rebuilt.unitsAdded.join(', ')}`);
    if (rebuilt.unitsRemoved.length > 0) parts.push(`bỏ đơn vị ${rebuilt.unitsRemoved.join(', ')}`);
    if (rebuilt.columnsAdded.length > 0) parts.push(`thêm cột ${rebuilt.columnsAdded.join(', ')}`);
    if (rebuilt.columnsRemoved.length > 0)
      parts.push(`bỏ cột ${rebuilt.columnsRemoved.join(', ')}`);
    if (rebuilt.headerCellsKept > 0)
      parts.push(
        `khôi phục dòng tiêu đề và điểm tối đa; ${rebuilt.headerCellsKept} ô dán đè lên đó được giữ ở trang "${ORPHAN_SHEET_NAME}"`,
      );
    if (rebuilt.moved > 0)
      parts.push(`${rebuilt.moved} điểm đã nhập được chuyển theo đơn vị và tiêu chí`);
    if (hasData)
      ctx.report.updated.push(
        `${name}: dựng lại bảng điểm${parts.length > 0 ? ` (${parts.join('; ')})` : ''}.`,
      );
  }
  ops.push({
    op: 'notes',
    row: 1,
    column: 1,
    notes: [Array.from({ length: rebuilt.writeColumns }, (_, c) => layout.columns[c]?.note ?? '')],
  });
  if (rebuilt.writeRows >= layout.firstDataRow && (rebuilt.changed || !hasData)) {
    const rules: (PlannedValidation | null)[][] = [];
    const byColumn = layout.columns.map((c) =>
      c.validation === undefined ? null : (planValidation(c.validation, ctx.source) ?? null),
    );
    for (let r = layout.firstDataRow; r <= rebuilt.writeRows; r++) {
      const isUnit = r - layout.firstDataRow < layout.unitRows.length;
      rules.push(
        Array.from({ length: rebuilt.writeColumns }, (_, c) =>
          isUnit ? (byColumn[c] ?? null) : null,
        ),
      );
    }
    ops.push({ op: 'validationGrid', row: layout.firstDataRow, column: 1, rules });
  }
  ops.push(...widthRuns(layout.columns.map((c) => c.width)));
  ops.push({ op: 'frozen', rows: layout.frozenRows, columns: layout.frozenColumns });
  const n = layout.unitRows.length;
  return {
    ops,
    needRows: rebuilt.writeRows,
    needColumns: rebuilt.writeColumns,
    protections: matrixProtections(key, name, layout, units, ctx),
    orphans: rebuilt.orphans,
    ...(n > 0 && width > 2 ? { namedRange: range(layout.firstDataRow, 3, n, width - 2) } : {}),
  };
}
