/**
 * «Tạo năm mới»: what the next year keeps and what starts empty, decided here.
 * Kept: Cấu hình (its year advanced, the year's own numbers, dates and document links emptied),
 * Đơn vị (roles rotated as the user says), Tiêu chí, Lịch sử, Đối chiếu lịch sử, Quy tắc khen
 * thưởng, Thống kê qua các năm, Hướng dẫn, Vị trí in phôi, Nhật ký. Emptied: the scores of Tự chấm
 * and Thẩm định (unit codes and names, headers and maxima stay), what units typed in Đăng ký thi
 * đua (the blocks stay), the rows of Chấm chéo, Bình xét and Khen thưởng below their headers, and
 * the program's Xếp hạng, Thống kê khen thưởng and Điều kiện khen thưởng.
 */
import { SHEET_NAMES } from '../layout/sheets';
import { AWARDS_LAYOUT, CROSS_SCORES_LAYOUT, UNITS_LAYOUT, VOTES_LAYOUT } from '../layout/tables';
import { REGISTRATION_LAYOUT, type RegistrationColumnKey } from '../layout/registrationTables';
import { MATRIX_UNIT_CODE_HEADER, MATRIX_UNIT_NAME_HEADER } from '../layout/matrix';
import { MAX_POINTS_ROW_LABEL } from '../layout/labels';
import { UNIT_ROLE_LABELS, type UnitRole } from '../model/unit';
import { labelKey, cellAt, isBlank } from '../readers/cells';
import { readSettings } from '../readers/settings';
import { defaultLegalBases, LINE_SEPARATOR, SETTING_ROWS } from '../layout/settings';
import { parseA1 } from '../a1';
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

/**
 * What the units typed in Đăng ký thi đua (titles, people, notes): each year's registration is
 * its own. The blocks' unit codes and names stay, so each unit finds its rows and protection.
 */
function registrationBlocks(grid: Grid): ClearBlock[] {
  const located = locateTable<RegistrationColumnKey>(grid, REGISTRATION_LAYOUT);
  const first = located.headerRow0 + 1;
  const numRows = grid.length - first;
  if (numRows <= 0) return [];
  const columns = REGISTRATION_LAYOUT.columns
    .filter((c) => c.entry === 'user')
    .map((c) => located.columns.get(c.key))
    .filter((c): c is number => c !== undefined)
    .sort((a, b) => a - b);
  const blocks: ClearBlock[] = [];
  for (const c of columns) {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && last.column + last.numColumns === c + 1)
      blocks[blocks.length - 1] = { ...last, numColumns: last.numColumns + 1 };
    else
      blocks.push({
        sheet: SHEET_NAMES.registration,
        row: first + 1,
        column: c + 1,
        numRows,
        numColumns: 1,
      });
  }
  return blocks;
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
  const registration = g(SHEET_NAMES.registration);
  if (registration) out.push(...registrationBlocks(registration));
  for (const name of [SHEET_NAMES.ranking, SHEET_NAMES.awardStatistics, SHEET_NAMES.eligibility]) {
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

/**
 * Cấu hình rows that belong to one year and start empty in the next (SettingRow.perYear): the
 * numbers and dates of the year's plan, pledge and dossier, the attendance of its vote, and the
 * links the program wrote to its documents. A link carried over would make the new year's first «Tạo bản giao ước» or «Lập
 * hồ sơ bình xét» replace, and so trash, last year's documents; a date carried over would date
 * next year's documents last year.
 */
export const YEAR_SETTING_KEYS: readonly string[] = SETTING_ROWS.filter((r) => r.perYear).map(
  (r) => r.key,
);

export interface SettingWrite {
  /** A1 cell of Cấu hình. */
  readonly cell: string;
  readonly value: string | number;
}

export interface NewYearSettings {
  readonly writes: readonly SettingWrite[];
  /** Labels of the rows emptied because they held this year's values. */
  readonly emptied: readonly string[];
  /** Căn cứ rewritten for the texts in force next year (it held this year's defaults). */
  readonly legalBasesRenewed: boolean;
  /** Căn cứ kept as the user wrote it: they should check it against next year's texts. */
  readonly legalBasesKept: boolean;
}

/**
 * Cấu hình for next year, from one read of the sheet: the year advanced, the year's own rows
 * emptied, and the "Căn cứ" lines renewed when they are still this year's defaults (a list the
 * user edited is kept and flagged, never rewritten).
 */
export function newYearSettings(grid: Grid): NewYearSettings | undefined {
  const read = readSettings(grid);
  const settings = read.value;
  const yearCell = read.cells.get('year');
  if (settings === undefined || yearCell === undefined) return undefined;
  const raw = (cell: string): unknown => {
    const { row, column } = parseA1(cell);
    return cellAt(grid, row - 1, column - 1);
  };
  const writes: SettingWrite[] = [{ cell: yearCell, value: settings.year + 1 }];
  const emptied: string[] = [];
  for (const key of YEAR_SETTING_KEYS) {
    const cell = read.cells.get(key);
    if (cell === undefined || isBlank(raw(cell))) continue;
    writes.push({ cell, value: '' });
    const label = SETTING_ROWS.find((r) => r.key === key)?.label;
    if (label !== undefined) emptied.push(label);
  }
  let legalBasesRenewed = false;
  let legalBasesKept = false;
  const basesCell = read.cells.get('legalBases');
  if (basesCell !== undefined) {
    const current = settings.legalBases;
    const thisYear = defaultLegalBases(settings);
    const untouched =
      current.length === 0 ||
      (current.length === thisYear.length && current.every((l, i) => l === thisYear[i]));
    const nextYear = defaultLegalBases({ year: settings.year + 1, signingDate: undefined });
    if (untouched && !isBlank(raw(basesCell))) {
      writes.push({ cell: basesCell, value: nextYear.join(LINE_SEPARATOR) });
      legalBasesRenewed = true;
    } else if (!untouched) legalBasesKept = true;
  }
  return { writes, emptied, legalBasesRenewed, legalBasesKept };
}
