import { finding, type Finding } from '../findings';
import type { CriteriaTree } from '../model/criteria';
import type { ClusterSettings } from '../model/settings';
import type { Ballot } from '../model/ballot';
import type { ScoreEntry } from '../model/scores';
import type { Unit } from '../model/unit';
import { tryParseA1 } from '../a1';
import { SHEET_NAMES, sheetOrderIndex, type SheetName } from '../layout/sheets';
import { readSettings } from '../readers/settings';
import { readUnits } from '../readers/units';
import { countsTowardsGroupMax, readCriteria } from '../readers/criteria';
import { readScoreMatrix, splitTargetHeader } from '../readers/scoreMatrix';
import { readCrossScores } from '../readers/crossScores';
import { readBallots } from '../readers/ballots';
import { readAwards } from '../awards/readAwards';
import { oldColumnConflicts, readRegistration } from '../registration/readRegistration';
import { nameKey } from '../text/normalize';

export type WorkbookGrids = Partial<Record<SheetName, readonly unknown[]>>;

/** Everything the workbook's sheets say, read once, with every finding. */
export interface WorkbookReadout {
  readonly settings: ClusterSettings | undefined;
  readonly units: Unit[];
  readonly tree: CriteriaTree;
  readonly selfScores: ScoreEntry[];
  readonly verifiedScores: ScoreEntry[];
  readonly crossScores: ScoreEntry[];
  readonly ballots: Ballot[];
  /** Sorted by sheet order, then row, then column. */
  readonly findings: Finding[];
}

export interface WorkbookOptions {
  /** Who is up for the vote in Bình xét; the cluster's unit codes when absent. */
  readonly nominees?: readonly string[];
}

/** Sheets without which nothing else can be checked. */
const REQUIRED_SHEETS: readonly SheetName[] = [
  SHEET_NAMES.settings,
  SHEET_NAMES.units,
  SHEET_NAMES.criteria,
];

/** The menu item that restores deleted or renamed sheets and their headers. */
export const SETUP_CAPTION = 'Khởi tạo / cập nhật bảng tính';

/** A sheet not found by its name: deleted or renamed, which set-up repairs. */
export function missingSheetFinding(sheet: SheetName): Finding {
  return {
    sheet,
    cell: 'A1',
    code: 'required-missing',
    value: '',
    message: `Không thấy trang "${sheet}" (trang đã bị xóa hoặc đổi tên): hãy chọn Thi đua › «${SETUP_CAPTION}» để khôi phục.`,
    severity: 'error',
  };
}

/** Two maxima are equal when they differ by less than this (they are typed with 2 decimals). */
const POINTS_EPSILON = 1e-6;

function position(cell: string): { row: number; column: number } {
  const range = tryParseA1(cell);
  return range === null ? { row: 0, column: 0 } : { row: range.row, column: range.column };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sheet order (as in the workbook), then row, then column, then code: a stable reading order. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySheet = sheetOrderIndex(a.sheet) - sheetOrderIndex(b.sheet);
  if (bySheet !== 0) return bySheet;
  if (a.sheet !== b.sheet) return compareStrings(a.sheet, b.sheet);
  const pa = position(a.cell);
  const pb = position(b.cell);
  return pa.row - pb.row || pa.column - pb.column || compareStrings(a.code, b.code);
}

/**
 * One finding per sheet, cell and code, in reading order: two sources never count it twice. A
 * cell already reported for its value (not a number, above the maximum…) is not reported again
 * as "chưa có điểm": the ranking sees no score there, but the user has one problem to fix.
 */
export function mergeFindings(...lists: readonly (readonly Finding[])[]): Finding[] {
  const seen = new Set<string>();
  const reportedCells = new Set<string>();
  for (const list of lists) {
    for (const f of list)
      if (f.code !== 'score-missing') reportedCells.add(`${f.sheet}\u0000${f.cell}`);
  }
  const out: Finding[] = [];
  for (const list of lists) {
    for (const f of list) {
      const key = `${f.sheet}\u0000${f.cell}\u0000${f.code}`;
      if (seen.has(key)) continue;
      if (f.code === 'score-missing' && reportedCells.has(`${f.sheet}\u0000${f.cell}`)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out.sort(compareFindings);
}

/** Group maxima against their criteria, and parents against their sub-criteria (warnings). */
function treeConsistency(
  tree: CriteriaTree,
  sources: ReturnType<typeof readCriteria>['sources'],
): Finding[] {
  const findings: Finding[] = [];
  const sheet = SHEET_NAMES.criteria;
  for (const g of tree.groups) {
    const cell = sources.groupMaxCell.get(g.code);
    if (!sources.groupMaxGiven.has(g.code) || cell === undefined) continue;
    // A criterion of the group is left out for its own error: that finding says it.
    if (sources.excludedGroups.has(nameKey(g.code))) continue;
    const sum = tree.criteria
      .filter((c) => c.group === g.code && c.parent === undefined && countsTowardsGroupMax(c.type))
      .reduce((s, c) => s + c.maxPoints, 0);
    if (Math.abs(sum - g.maxPoints) > POINTS_EPSILON) {
      findings.push(
        finding(sheet, cell, 'group-max-mismatch', g.maxPoints, {
          group: `${g.code}. ${g.name}`,
          sum,
          max: g.maxPoints,
        }),
      );
    }
  }
  for (const parent of tree.criteria) {
    const children = tree.criteria.filter((c) => c.parent === parent.code);
    if (children.length === 0) continue;
    const sum = children
      .filter((c) => countsTowardsGroupMax(c.type))
      .reduce((s, c) => s + c.maxPoints, 0);
    const cell = sources.criterionMaxCell.get(parent.code);
    if (cell !== undefined && Math.abs(sum - parent.maxPoints) > POINTS_EPSILON) {
      findings.push(
        finding(sheet, cell, 'group-max-mismatch', parent.maxPoints, {
          group: `tiêu chí ${parent.code}`,
          sum,
          max: parent.maxPoints,
        }),
      );
    }
  }
  return findings;
}

/**
 * Reads every sheet given and checks it and its references to other sheets. Sheets that
 * depend on others (scores on units and criteria, ballots on units) are read only when those
 * are given, so a missing sheet gives one finding, not one per row.
 */
export function readWorkbook(grids: WorkbookGrids, options: WorkbookOptions = {}): WorkbookReadout {
  const findings: Finding[] = [];
  for (const sheet of REQUIRED_SHEETS) {
    if (grids[sheet] === undefined) findings.push(missingSheetFinding(sheet));
  }

  const settingsGrid = grids[SHEET_NAMES.settings];
  const settingsRead = settingsGrid === undefined ? undefined : readSettings(settingsGrid);
  if (settingsRead) findings.push(...settingsRead.findings);

  const unitsGrid = grids[SHEET_NAMES.units];
  const unitsRead = unitsGrid === undefined ? undefined : readUnits(unitsGrid);
  if (unitsRead) findings.push(...unitsRead.findings);
  const units = unitsRead?.value ?? [];

  const criteriaGrid = grids[SHEET_NAMES.criteria];
  const criteriaRead = criteriaGrid === undefined ? undefined : readCriteria(criteriaGrid);
  if (criteriaRead) {
    findings.push(...criteriaRead.findings);
    findings.push(...treeConsistency(criteriaRead.value, criteriaRead.sources));
  }
  const tree = criteriaRead?.value ?? { groups: [], criteria: [] };

  // Tie-break keys must name groups that exist.
  const tieBreakCell = settingsRead?.cells.get('tieBreak');
  if (settingsRead?.value && criteriaRead && tieBreakCell !== undefined) {
    const groupKeys = new Set(tree.groups.map((g) => nameKey(g.code)));
    for (const key of settingsRead.value.tieBreak) {
      if (key.kind === 'groupSubtotal' && !groupKeys.has(nameKey(key.group))) {
        findings.push(
          finding(SHEET_NAMES.settings, tieBreakCell, 'invalid-value', key.group, {
            expected: `mã nhóm tiêu chí có trong trang "${SHEET_NAMES.criteria}"`,
          }),
        );
      }
    }
  }

  const canScore = unitsRead !== undefined && criteriaRead !== undefined;
  const excluded = criteriaRead?.sources.excluded ?? new Set<string>();
  const scoreFindings = (found: readonly Finding[]): Finding[] =>
    found.filter((f) => !namesExcludedCriterion(f, excluded));
  const matrix = (sheet: SheetName, source: 'self' | 'verified'): ScoreEntry[] => {
    const grid = grids[sheet];
    if (grid === undefined || !canScore) return [];
    const read = readScoreMatrix(grid, { sheet, source, units, tree });
    findings.push(...scoreFindings(read.findings));
    return read.value;
  };
  const selfScores = matrix(SHEET_NAMES.selfScores, 'self');
  const verifiedScores = matrix(SHEET_NAMES.verifiedScores, 'verified');

  let crossScores: ScoreEntry[] = [];
  const crossGrid = grids[SHEET_NAMES.crossScores];
  if (crossGrid !== undefined && canScore) {
    const read = readCrossScores(crossGrid, { units, tree });
    findings.push(...scoreFindings(read.findings));
    crossScores = read.value;
  }

  let ballots: Ballot[] = [];
  const votesGrid = grids[SHEET_NAMES.votes];
  if (votesGrid !== undefined && unitsRead !== undefined) {
    // Without a list of nominees, the cluster's units are the candidates.
    const nominees = options.nominees ?? units.map((u) => u.code);
    const read = readBallots(votesGrid, { units, nominees });
    findings.push(...read.findings);
    ballots = read.value;
  }

  // Đăng ký thi đua names units of Đơn vị: read only when Đơn vị was.
  const registrationGrid = grids[SHEET_NAMES.registration];
  if (registrationGrid !== undefined && unitsRead !== undefined) {
    const registration = readRegistration(registrationGrid, units);
    findings.push(...registration.findings);
    if (unitsGrid !== undefined) findings.push(...oldColumnConflicts(unitsGrid, registration));
  }

  // The award register stands alone: its rows name people and units outside the cluster.
  const awardsGrid = grids[SHEET_NAMES.awards];
  if (awardsGrid !== undefined) {
    const year = settingsRead?.value?.year;
    findings.push(
      ...readAwards(awardsGrid, year === undefined ? {} : { defaultYear: year }).findings,
    );
  }

  findings.sort(compareFindings);
  return {
    settings: settingsRead?.value,
    units,
    tree,
    selfScores,
    verifiedScores,
    crossScores,
    ballots,
    findings,
  };
}

/**
 * An "unknown criterion" that names a criterion Tiêu chí left out for an error on its own row
 * (a maximum of 0, …): the criterion's finding already says it and that it is not counted, so
 * its columns and cross-score rows are skipped with it, not reported as the user's error again.
 */
function namesExcludedCriterion(f: Finding, excluded: ReadonlySet<string>): boolean {
  if (f.code !== 'unknown-criterion' || excluded.size === 0) return false;
  if (excluded.has(nameKey(f.value))) return true;
  const split = splitTargetHeader(f.value);
  return split !== undefined && excluded.has(nameKey(split.code));
}

/** Every problem in the workbook ("Kiểm tra dữ liệu"), sorted by sheet order then cell. */
export function validateWorkbook(grids: WorkbookGrids, options: WorkbookOptions = {}): Finding[] {
  return readWorkbook(grids, options).findings;
}
