/**
 * Closing and reopening scoring ("Khóa / mở chấm điểm"), decided here from plain data: who may
 * toggle, the new state's label, and how each per-unit row protection of the score sheets
 * changes. A protection belongs to a unit when every non-blank row it covers is that unit's row
 * (column A's code in a matrix, the scorer in Chấm chéo); protections of headers and computed
 * areas belong to no unit and are left as they are both ways.
 */
import type { Unit } from '../model/unit';
import { SCORING_STATE_CHOICES } from '../layout/settings';
import { SHEET_NAMES, type SheetName } from '../layout/sheets';
import { CROSS_SCORES_LAYOUT } from '../layout/tables';
import { matrixLayout } from '../layout/matrix';
import { cellAt, isBlank } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { resolve, unitIndex } from '../readers/lookup';
import { emailKey } from '../text/normalize';
import { DEFAULT_GRANTS, areaEditorEmails, areaRule, type RoleGrants } from '../roles';

/** The label written into Cấu hình's "Chấm điểm" cell for a state. */
export function scoringStateLabel(closed: boolean): string {
  const choice = SCORING_STATE_CHOICES.find((c) => c.value === closed);
  return choice?.label ?? (closed ? 'Đã khóa' : 'Đang mở');
}

/** A protected range on a score sheet, as the adapter read it. */
export interface ProtectionInfo {
  readonly sheet: string;
  /** 1-based first row and number of rows of the protected range. */
  readonly row: number;
  readonly numRows: number;
  readonly editors: readonly string[];
}

export interface ProtectionChange {
  /** Index into the list given to planProtectionChanges. */
  readonly index: number;
  readonly unit: string;
  readonly remove: string[];
  readonly add: string[];
}

/**
 * The units whose rows a protected range covers: undefined when it covers a row that is no unit's
 * (headers, computed areas). Set-up shares one Thẩm định protection between neighbouring rows
 * whose editor lists are equal, so a range may cover several units.
 */
export function unitsOfRows(
  sheet: string,
  grid: readonly unknown[],
  row: number,
  numRows: number,
  units: readonly Unit[],
): Unit[] | undefined {
  let column0: number;
  let firstDataRow: number;
  if (sheet === SHEET_NAMES.crossScores) {
    const located = locateTable(grid, CROSS_SCORES_LAYOUT);
    const scorer = located.columns.get('scorer');
    if (scorer === undefined) return undefined;
    column0 = scorer;
    firstDataRow = located.headerRow0 + 2;
  } else if (sheet === SHEET_NAMES.selfScores || sheet === SHEET_NAMES.verifiedScores) {
    column0 = 0;
    firstDataRow = matrixLayout([], { groups: [], criteria: [] }).firstDataRow;
  } else {
    return undefined;
  }
  if (row < firstDataRow) return undefined;
  const index = unitIndex(units);
  const found = new Map<string, Unit>();
  for (let r = row; r < row + numRows && r <= grid.length; r++) {
    const value = cellAt(grid, r - 1, column0);
    if (isBlank(value)) continue;
    const unit = resolve(index, value, (u: Unit) => u.code);
    if (unit.kind !== 'found') return undefined;
    found.set(unit.item.code, unit.item);
  }
  return found.size === 0 ? undefined : [...found.values()];
}

/** The unit whose rows a protected range covers, if it covers one unit's rows only. */
export function unitOfRows(
  sheet: string,
  grid: readonly unknown[],
  row: number,
  numRows: number,
  units: readonly Unit[],
): Unit | undefined {
  const covered = unitsOfRows(sheet, grid, row, numRows, units);
  return covered?.length === 1 ? covered[0] : undefined;
}

/**
 * Who the roles table lets type a protected run of unit rows while scoring is open: for one unit,
 * its area's editors; for a shared Thẩm định run, those allowed on every row of it (a unit never
 * verifies itself).
 */
function openEditors(
  sheet: string,
  covered: readonly Unit[],
  units: readonly Unit[],
  grants: RoleGrants,
): string[] {
  const rule = areaRule(sheet as SheetName);
  const lists = covered.map((u) => areaEditorEmails(rule, units, grants, u));
  const [first = [], ...rest] = lists;
  return first.filter((e) => rest.every((list) => list.includes(e)));
}

/**
 * Closing: each unit row protection keeps only `keep` (owner and heads) as editors. Reopening:
 * each gets back exactly who the roles table lets type it, from Đơn vị as it is now (a changed
 * e-mail is honoured; a deputy never gets its own Thẩm định row back).
 */
export function planProtectionChanges(
  protections: readonly ProtectionInfo[],
  grids: Readonly<Record<string, readonly unknown[]>>,
  units: readonly Unit[],
  keep: readonly string[],
  closing: boolean,
  grants: RoleGrants = DEFAULT_GRANTS,
): ProtectionChange[] {
  const keepKeys = new Set(keep.map(emailKey).filter((e) => e !== ''));
  const changes: ProtectionChange[] = [];
  protections.forEach((p, index) => {
    const grid = grids[p.sheet];
    if (grid === undefined) return;
    const covered = unitsOfRows(p.sheet, grid, p.row, p.numRows, units);
    if (covered === undefined) return;
    // Only Thẩm định shares a protection between units; elsewhere a shared run is not the product's.
    if (covered.length > 1 && p.sheet !== SHEET_NAMES.verifiedScores) return;
    const label = covered.map((u) => u.code).join(', ');
    const current = new Set(p.editors.map(emailKey));
    if (closing) {
      const remove = p.editors.filter((e) => !keepKeys.has(emailKey(e)));
      if (remove.length > 0) changes.push({ index, unit: label, remove, add: [] });
      return;
    }
    const add = openEditors(p.sheet, covered, units, grants).filter((e) => !current.has(e));
    if (add.length > 0) changes.push({ index, unit: label, remove: [], add });
  });
  return changes;
}

/** The Vietnamese confirmation asked before toggling. */
export function toggleQuestion(closing: boolean): string {
  return closing
    ? 'Khóa chấm điểm? Sau khi khóa, các đơn vị không sửa được dòng điểm của mình ở các trang ' +
        `"${SHEET_NAMES.selfScores}", "${SHEET_NAMES.verifiedScores}"; mọi sửa đổi điểm sau đó ` +
        `(kể cả ở trang "${SHEET_NAMES.crossScores}") bị đánh dấu từ chối và ghi vào trang ` +
        `"${SHEET_NAMES.audit}".`
    : 'Mở lại chấm điểm? Mỗi đơn vị được sửa lại dòng điểm của mình.';
}

/** A unit row protection the current user may not edit, so may neither read nor change. */
export interface BlockedProtection {
  readonly sheet: string;
  readonly row: number;
  readonly numRows: number;
}

/**
 * Vietnamese lines for the protections left as they were because the current user cannot edit
 * them: Google shows a protection's editors only to those who can edit it (Protection.getEditors
 * reference), so a head named after set-up ran (a rotated head) meets protections still listing
 * the old head. Only the owner, or the owner running set-up, can put them right. Protections of no
 * unit (headers, computed areas) are not the toggle's business and are not listed.
 */
export function blockedProtectionLines(
  blocked: readonly BlockedProtection[],
  grids: Readonly<Record<string, readonly unknown[]>>,
  units: readonly Unit[],
): string[] {
  const bySheet = new Map<string, string[]>();
  for (const b of blocked) {
    const grid = grids[b.sheet];
    if (grid === undefined) continue;
    const unit = unitOfRows(b.sheet, grid, b.row, b.numRows, units);
    if (unit === undefined) continue;
    const list = bySheet.get(b.sheet) ?? [];
    list.push(unit.code);
    bySheet.set(b.sheet, list);
  }
  return [...bySheet].map(
    ([sheet, codes]) => `Trang "${sheet}", dòng của đơn vị ${[...new Set(codes)].join(', ')}`,
  );
}

/** The part of the alert about protections the user could not change; '' when none. */
export function blockedProtectionsNote(lines: readonly string[], closing: boolean): string {
  if (lines.length === 0) return '';
  return (
    `\n\nChưa ${closing ? 'khóa' : 'mở lại'} được ${lines.length} nhóm vùng bảo vệ vì tài khoản của ` +
    'bạn không có trong danh sách người sửa của chúng (Google chỉ cho người sửa được một vùng bảo ' +
    'vệ xem và đổi danh sách đó; có thể vùng vẫn ghi Cụm trưởng cũ):\n- ' +
    lines.join('\n- ') +
    `\nHãy nhờ chủ sở hữu bảng tính chạy «Khởi tạo / cập nhật bảng tính» (cập nhật Cụm trưởng theo trang "${SHEET_NAMES.units}") ` +
    'rồi chọn lại «Khóa / mở chấm điểm».'
  );
}

/** What the toggle did, for the alert and Nhật ký. */
export function toggleSummary(closing: boolean, changedProtections: number): string {
  return closing
    ? `Đã khóa chấm điểm. ${changedProtections} vùng bảo vệ chỉ còn chủ sở hữu và Cụm trưởng được sửa; ` +
        `sửa đổi sau đó sẽ bị đánh dấu và ghi vào trang "${SHEET_NAMES.audit}".`
    : `Đã mở lại chấm điểm. ${changedProtections} vùng bảo vệ được trả lại quyền sửa cho đơn vị.`;
}
