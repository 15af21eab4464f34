/**
 * «Tạo năm mới»: what the next year keeps and what starts empty, decided here.
 * Kept: Cấu hình (its year advanced), Đơn vị (roles rotated as the user says), Tiêu chí, Lịch sử,
 * Đối chiếu lịch sử, Hướng dẫn, Vị trí in phôi, Nhật ký. Emptied: the scores of Tự chấm and Thẩm
 * định (unit codes and names, headers and maxima stay), the rows of Chấm chéo, Bình xét and Khen
 * thưởng below their headers, and the program's Xếp hạng and Thống kê khen thưởng.
 */
import { SHEET_NAMES } from '../layout/sheets';
import { AWARDS_LAYOUT, CROSS_SCORES_LAYOUT, UNITS_LAYOUT, VOTES_LAYOUT } from '../layout/tables';
import { MATRIX_UNIT_CODE_HEADER, MATRIX_UNIT_NAME_HEADER } from '../layout/matrix';
import { MAX_POINTS_ROW_LABEL } from '../layout/labels';
import { UNIT_ROLE_LABELS, type UnitRole } from '../model/unit';
import { labelKey, cellAt } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { nameKey } from '../text/normalize';

type Grid = readonly (readonly unknown[])[];

/** A block to empty (values only; formats, validation and protections stay). 1-based. */
export interface ClearBlock {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface RoleRotation {
  readonly head?: string;
  readonly deputies: readonly string[];
}

/**
 * "HM; DD, HK": the head's unit code, then after ";" the deputies' codes. Blank: roles unchanged.
 * Codes are compared as typed codes are everywhere (case and spacing do not matter).
 */
export function parseRoleRotation(
  text: string,
  unitCodes: readonly string[],
): { ok: true; rotation?: RoleRotation } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true };
  const [headPart = '', deputyPart = '', ...rest] = trimmed.split(';');
  if (rest.length > 0)
    return { ok: false, message: 'Chỉ gõ một dấu «;» giữa mã Cụm trưởng và mã các Cụm phó.' };
  const byKey = new Map(unitCodes.map((c) => [nameKey(c), c]));
  const unknown: string[] = [];
  const find = (t: string): string | undefined => {
    const code = byKey.get(nameKey(t));
    if (code === undefined) unknown.push(t.trim());
    return code;
  };
  const head = headPart.trim() === '' ? undefined : find(headPart);
  const deputies = deputyPart
    .split(',')
    .filter((t) => t.trim() !== '')
    .map(find)
    .filter((c): c is string => c !== undefined);
  if (unknown.length > 0)
    return {
      ok: false,
      message: `Không có đơn vị mã ${unknown.map((u) => `«${u}»`).join(', ')} trong trang "${SHEET_NAMES.units}" (các mã: ${unitCodes.join(', ')}).`,
    };
  if (head === undefined)
    return { ok: false, message: 'Hãy gõ mã đơn vị Cụm trưởng năm sau trước dấu «;».' };
  if (deputies.includes(head))
    return { ok: false, message: `Đơn vị ${head} không thể vừa là Cụm trưởng vừa là Cụm phó.` };
  return { ok: true, rotation: { head, deputies } };
}

/** The Vai trò column of Đơn vị for next year: one write of the column's data rows. */
export function rotatedRoleColumn(
  grid: Grid,
  rotation: RoleRotation,
): { row: number; column: number; values: string[][] } | undefined {
  const located = locateTable<string>(grid, UNITS_LAYOUT);
  const codeCol = located.columns.get('code');
  const roleCol = located.columns.get('role');
  if (codeCol === undefined || roleCol === undefined) return undefined;
  const first = located.headerRow0 + 1;
  const values: string[][] = [];
  for (let r = first; r < grid.length; r++) {
    const code = cellAt(grid, r, codeCol);
    const key = typeof code === 'string' || typeof code === 'number' ? nameKey(String(code)) : '';
    const current = cellAt(grid, r, roleCol);
    let role: UnitRole | undefined;
    if (key !== '') {
      if (rotation.head !== undefined && key === nameKey(rotation.head)) role = 'head';
      else if (rotation.deputies.some((d) => nameKey(d) === key)) role = 'deputy';
      else role = 'member';
    }
    values.push([
      role === undefined ? (typeof current === 'string' ? current : '') : UNIT_ROLE_LABELS[role],
    ]);
  }
  if (values.length === 0) return undefined;
  return { row: first + 1, column: roleCol + 1, values };
}

/** The score cells of a matrix: every column but the unit's code and name, below the maxima. */
export function matrixScoreBlocks(sheet: string, grid: Grid): ClearBlock[] {
  const codeKey = labelKey(MATRIX_UNIT_CODE_HEADER);
  const nameKeys = [labelKey(MATRIX_UNIT_NAME_HEADER), labelKey('Tên đơn vị')];
  const maxKey = labelKey(MAX_POINTS_ROW_LABEL);
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const codeCol = row.findIndex((v) => labelKey(v) === codeKey);
    if (codeCol < 0) continue;
    const nameCol = row.findIndex((v) => nameKeys.includes(labelKey(v)));
    const next = grid[r + 1] ?? [];
    const firstData = next.some((v) => labelKey(v) === maxKey) ? r + 2 : r + 1;
    const width = Math.max(0, ...grid.map((g) => g.length));
    const numRows = grid.length - firstData;
    if (numRows <= 0) return [];
    const blocks: ClearBlock[] = [];
    let start = -1;
    for (let c = 0; c <= width; c++) {
      const keep = c === codeCol || c === nameCol || c === width;
      if (!keep && start < 0) start = c;
      if (keep && start >= 0) {
        blocks.push({
          sheet,
          row: firstData + 1,
          column: start + 1,
          numRows,
          numColumns: c - start,
        });
        start = -1;
      }
    }
    return blocks;
  }
  return [];
}

/** Rows below a table's header, all columns. */
function tableRows(sheet: string, grid: Grid, headerRow: number): ClearBlock[] {
  const numRows = grid.length - headerRow;
  const numColumns = Math.max(0, ...grid.map((g) => g.length));
  if (numRows <= 0 || numColumns === 0) return [];
  return [{ sheet, row: headerRow + 1, column: 1, numRows, numColumns }];
}

/** Everything the new year empties, from one read of each sheet (absent sheets: nothing). */
export function newYearClears(grids: Readonly<Record<string, Grid | undefined>>): ClearBlock[] {
  const out: ClearBlock[] = [];
  const g = (name: string): Grid | undefined => grids[name];
  for (const name of [SHEET_NAMES.selfScores, SHEET_NAMES.verifiedScores]) {
    const grid = g(name);
    if (grid) out.push(...matrixScoreBlocks(name, grid));
  }
  const tables = [
    [SHEET_NAMES.crossScores, CROSS_SCORES_LAYOUT],
    [SHEET_NAMES.votes, VOTES_LAYOUT],
    [SHEET_NAMES.awards, AWARDS_LAYOUT],
  ] as const;
  for (const [name, layout] of tables) {
    const grid = g(name);
    if (!grid) continue;
    const located = locateTable<string>(grid, layout);
    out.push(...tableRows(name, grid, located.headerRow0 + 1));
  }
  for (const name of [SHEET_NAMES.ranking, SHEET_NAMES.awardStatistics]) {
    const grid = g(name);
    if (grid) out.push(...tableRows(name, grid, 0));
  }
  return out;
}

/** "Thi đua 2022" → "Thi đua 2023"; a name without the year gets " – năm 2023". */
export function nextYearName(name: string, year: number): string {
  const y = String(year);
  return name.includes(y)
    ? name.split(y).join(String(year + 1))
    : `${name} – năm ${String(year + 1)}`;
}
