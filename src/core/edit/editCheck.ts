/**
 * What the simple onEdit trigger reads and decides, kept pure. The adapter asks editNeeds what to
 * read (a fixed list per sheet, so the number of service calls never grows with the sheet), reads
 * it, and hands it to checkEdit, which returns one verdict per edited cell.
 *
 * Closed period: an edit to a score sheet while Cấu hình says "Chấm điểm: Đã khóa" is refused.
 * Protections tighten when the head closes scoring, so Sheets blocks most such edits itself; what
 * still gets through (the owner, the head, a protection a user widened) is marked here with the
 * value before the edit, and logged by the audit trigger. The typed value is never erased.
 *
 * Who typed is never read here: in a simple trigger Google leaves the editor's e-mail blank for
 * everyone but the owner (DESIGN §4). Keeping each unit to its own rows (Tự chấm row, Chấm chéo
 * block, ballot) is the protections' job, which Sheets applies to the real person typing.
 */
import { ECHO_CHARACTERS, finding, type Finding } from '../findings';
import { eventValueText } from './audit';
import { cellA1, parseA1 } from '../a1';
import { SETTING_ROWS } from '../layout/settings';
import { SHEET_NAMES, isScoreSheet, type SheetName } from '../layout/sheets';
import { CRITERIA_LAYOUT } from '../layout/tables';
import { matrixLayout } from '../layout/matrix';
import { cellAt, isBlank } from '../readers/cells';
import { readCriteria } from '../readers/criteria';
import { readSettings, readSettingValue } from '../readers/settings';
import { readUnits } from '../readers/units';
import { checkEditedCells, type CellVerdict, type EditContext } from '../validation/edit';
import { checkRegistrationEdit } from '../registration/editRegistration';

/**
 * Sheets whose edits are checked as they are typed and by "Kiểm tra dữ liệu" (the input sheets;
 * which of them make a ranking stale is isRankingInput's business).
 */
export const CHECKED_SHEETS: readonly SheetName[] = [
  SHEET_NAMES.settings,
  SHEET_NAMES.units,
  SHEET_NAMES.criteria,
  SHEET_NAMES.selfScores,
  SHEET_NAMES.verifiedScores,
  SHEET_NAMES.crossScores,
  SHEET_NAMES.votes,
  SHEET_NAMES.awards,
  SHEET_NAMES.registration,
];

export function isCheckedSheet(sheet: string): sheet is SheetName {
  return (CHECKED_SHEETS as readonly string[]).includes(sheet);
}

/** What the check of an edit on a sheet needs read; every item is one read whatever its size. */
export interface EditNeeds {
  /** Cấu hình in full (a few dozen rows): for the closed period. */
  readonly settings: boolean;
  /** Đơn vị in full: only when the edit touches a unit reference. */
  readonly units: boolean;
  /** Tiêu chí in full: for score types and maxima. */
  readonly criteria: boolean;
  /** How many rows from the top of the edited sheet hold its headers (0: none needed). */
  readonly headerRows: number;
  /** Whether the edited rows are needed from column A (checks that look at another cell). */
  readonly fullRows: boolean;
}

/** Matrix columns A and B hold the unit's code and name. */
const MATRIX_UNIT_COLUMNS = 2;

export function editNeeds(sheet: string, column: number): EditNeeds | undefined {
  switch (sheet) {
    case SHEET_NAMES.selfScores:
    case SHEET_NAMES.verifiedScores:
      return {
        settings: true,
        units: column <= MATRIX_UNIT_COLUMNS,
        criteria: true,
        headerRows: 2,
        fullRows: false,
      };
    case SHEET_NAMES.crossScores:
      return { settings: true, units: true, criteria: true, headerRows: 1, fullRows: true };
    case SHEET_NAMES.units:
    case SHEET_NAMES.settings:
      return { settings: false, units: false, criteria: false, headerRows: 1, fullRows: true };
    case SHEET_NAMES.criteria:
      // The criteria sheet is read in full anyway (the tree), which gives headers and rows.
      return { settings: false, units: false, criteria: true, headerRows: 0, fullRows: false };
    case SHEET_NAMES.votes:
      return { settings: false, units: true, criteria: false, headerRows: 1, fullRows: false };
    case SHEET_NAMES.awards:
      // Settings for the default year of a row without one; full rows because the name is
      // required only in a row holding something, and the year may come from the decision date.
      return { settings: true, units: false, criteria: false, headerRows: 1, fullRows: true };
    case SHEET_NAMES.registration:
      // Đơn vị for the codes, full rows because a title is judged with its row's unit.
      return { settings: false, units: true, criteria: false, headerRows: 1, fullRows: true };
    default:
      return undefined;
  }
}

export interface EditInput {
  readonly sheet: string;
  /** Top-left cell of the edited block, 1-based. */
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly unknown[])[];
  /** The edit event's oldValue (single-cell edits only). */
  readonly oldValue?: string;
  /** The top rows of the edited sheet, as editNeeds asked. */
  readonly headerRows?: readonly (readonly unknown[])[];
  /** The edited rows from column A. */
  readonly rows?: readonly (readonly unknown[])[];
  readonly settingsGrid?: readonly unknown[];
  readonly unitsGrid?: readonly unknown[];
  readonly criteriaGrid?: readonly unknown[];
  /** Thẩm định's top rows and its rows at the edited rows' numbers (clearedScoreCheck). */
  readonly verifiedRows?: {
    readonly headerRows: readonly (readonly unknown[])[];
    readonly rows: readonly (readonly unknown[])[];
  };
}

/**
 * Whether an edit clears a self score, so the adapter also reads what the check of a cleared
 * cell needs (the unit list, the edited rows, Thẩm định's same rows). Only then: a usual edit
 * costs no more reads than before.
 */
export function clearsSelfScore(sheet: string, values: readonly (readonly unknown[])[]): boolean {
  return sheet === SHEET_NAMES.selfScores && values.some((row) => row.some((v) => isBlank(v)));
}

export interface EditCheck {
  /** One verdict per cell, row-major. */
  readonly verdicts: CellVerdict[];
  /** The edit was made to a score sheet while scoring is closed. */
  readonly closed: boolean;
  readonly findings: Finding[];
}

/** The "Chấm điểm" setting: its value cell (A1) and whether it says closed. */
export function scoringState(settingsGrid: readonly unknown[]): {
  readonly cell: string | undefined;
  readonly raw: unknown;
  readonly closed: boolean;
} {
  const { cell, raw, read } = settingAt(settingsGrid, 'scoringClosed');
  return { cell, raw, closed: read?.kind === 'ok' && read.value === true };
}

/**
 * One setting read from its own cell, so that another bad setting (which makes readSettings give
 * no value) does not hide it.
 */
function settingAt(
  settingsGrid: readonly unknown[],
  key: string,
): {
  readonly cell: string | undefined;
  readonly raw: unknown;
  readonly read: ReturnType<typeof readSettingValue> | undefined;
} {
  const cell = readSettings(settingsGrid).cells.get(key);
  const row = SETTING_ROWS.find((r) => r.key === key);
  if (cell === undefined || row === undefined) return { cell, raw: '', read: undefined };
  const at = parseA1(cell);
  const raw = cellAt(settingsGrid, at.row - 1, at.column - 1);
  return { cell, raw, read: readSettingValue(row, raw) };
}

/** Cấu hình's year, when it holds a valid one: the year of a register row without its own. */
export function settingsYear(settingsGrid: readonly unknown[]): number | undefined {
  const { read } = settingAt(settingsGrid, 'year');
  return read?.kind === 'ok' && typeof read.value === 'number' ? read.value : undefined;
}

function quoted(text: string): string {
  return text === '' ? 'ô trống' : `"${text}"`;
}

function closedVerdicts(input: EditInput): CellVerdict[] {
  const single = input.values.length === 1 && input.values[0]?.length === 1;
  const verdicts: CellVerdict[] = [];
  input.values.forEach((rowValues, i) => {
    rowValues.forEach((value, j) => {
      const cell = cellA1(input.row + i, input.column + j);
      const base = finding(input.sheet, cell, 'closed-period', value);
      const before =
        single && input.oldValue !== undefined
          ? ` Giá trị trước khi sửa: ${quoted(eventValueText(input.oldValue, ECHO_CHARACTERS))}.`
          : '';
      const message =
        `${base.message}${before} Thay đổi đã được ghi nhận là bị từ chối: ` +
        'hãy trả lại giá trị cũ hoặc báo Cụm trưởng.';
      verdicts.push({ cell, ok: false, finding: { ...base, message } });
    });
  });
  return verdicts;
}

/**
 * Checks an edit from what editNeeds said to read. Never throws on what users typed: a sheet
 * that cannot be read gives empty lists, and checkEditedCells reports cells against them.
 */
export function checkEdit(input: EditInput): EditCheck {
  const closed =
    isScoreSheet(input.sheet) &&
    input.settingsGrid !== undefined &&
    scoringState(input.settingsGrid).closed;
  if (closed) {
    const verdicts = closedVerdicts(input);
    return { verdicts, closed, findings: collect(verdicts) };
  }
  if (input.sheet === SHEET_NAMES.registration) {
    const headerRow = asRow(input.headerRows?.[0]);
    const verdicts = checkRegistrationEdit({
      row: input.row,
      column: input.column,
      values: input.values,
      ...(headerRow === undefined ? {} : { headerRow }),
      ...(input.rows === undefined ? {} : { rows: input.rows }),
      ...(input.unitsGrid === undefined ? {} : { units: readUnits(input.unitsGrid).value }),
    });
    return { verdicts, closed, findings: collect(verdicts) };
  }
  const criteriaGrid = input.criteriaGrid;
  const criteriaRead = criteriaGrid === undefined ? undefined : readCriteria(criteriaGrid);
  const tree = criteriaRead?.value ?? { groups: [], criteria: [] };
  const units = input.unitsGrid === undefined ? [] : readUnits(input.unitsGrid).value;
  const headerRowIndex =
    input.sheet === SHEET_NAMES.selfScores || input.sheet === SHEET_NAMES.verifiedScores
      ? matrixLayout([], tree).headerRow - 1
      : 0;
  const headerRow =
    input.sheet === SHEET_NAMES.criteria
      ? asRow(criteriaGrid?.[CRITERIA_LAYOUT.headerRow - 1])
      : asRow(input.headerRows?.[headerRowIndex]);
  const rows =
    input.sheet === SHEET_NAMES.criteria && criteriaGrid !== undefined
      ? input.values.map((_, i) => asRow(criteriaGrid[input.row - 1 + i]) ?? [])
      : input.rows;
  const defaultYear =
    input.sheet === SHEET_NAMES.awards && input.settingsGrid !== undefined
      ? settingsYear(input.settingsGrid)
      : undefined;
  // A cleared self score is what the ranking lists as missing under "Báo thiếu, không xếp
  // hạng". With cross scores in use a blank cell may be filled from Chấm chéo, which onEdit
  // does not read: the cell is then left to "Kiểm tra dữ liệu" and the ranking.
  const settings =
    clearsSelfScore(input.sheet, input.values) && input.settingsGrid !== undefined
      ? readSettings(input.settingsGrid).value
      : undefined;
  const markCleared =
    settings !== undefined && settings.missingScorePolicy === 'report' && !settings.useCrossScores;
  const context: EditContext = {
    units,
    tree,
    ...(defaultYear === undefined ? {} : { defaultYear }),
    ...(headerRow === undefined ? {} : { headerRow }),
    ...(rows === undefined ? {} : { rows }),
    ...(input.sheet === SHEET_NAMES.criteria && criteriaRead !== undefined
      ? { criteriaFindings: criteriaRead.findings }
      : {}),
    ...(markCleared ? { missingScorePolicy: 'report' as const } : {}),
    ...(markCleared && input.verifiedRows !== undefined
      ? { verifiedRows: input.verifiedRows }
      : {}),
  };
  const checked = checkEditedCells(
    { sheet: input.sheet, row: input.row, column: input.column, values: input.values },
    context,
  );
  return { verdicts: checked, closed, findings: collect(checked) };
}

function asRow(row: unknown): readonly unknown[] | undefined {
  return Array.isArray(row) ? (row as unknown[]) : undefined;
}

function collect(verdicts: readonly CellVerdict[]): Finding[] {
  const out: Finding[] = [];
  for (const v of verdicts) if (!v.ok && v.finding !== undefined) out.push(v.finding);
  return out;
}

/** One short Vietnamese line for a toast after an edit with bad cells. */
export function editToast(check: EditCheck): string | undefined {
  const first = check.findings[0];
  if (first === undefined) return undefined;
  const more = check.findings.length - 1;
  return more > 0 ? `${first.message} (và ${more} ô khác cần xem lại)` : first.message;
}
