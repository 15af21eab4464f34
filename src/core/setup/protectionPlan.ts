/**
 * Who is on which protection, from the roles table (src/core/roles.ts), as plain data. Rows that
 * share an editor list and sit next to each other share one protection: Sheets has no batch call
 * for protections, so every protection costs a handful of round trips, and a cluster's ordinary
 * members all verify-list the same people. Only the rows of verifiers themselves (head, deputies)
 * need their own, since no unit verifies itself.
 */
import type { Unit } from '../model/unit';
import { areaEditorEmails, areaRule, type RoleGrants } from '../roles';
import { SHEET_NAMES, type SheetName } from '../layout/sheets';
import { emailKey } from '../text/normalize';

/** A run of consecutive sheet rows protected together, with its editors besides the owner. */
export interface RowRun {
  /** 1-based first row. */
  readonly row: number;
  readonly numRows: number;
  /** Sorted, lower case. */
  readonly editors: readonly string[];
  /** Units whose rows the run covers, in row order (for descriptions and reports). */
  readonly units: readonly string[];
}

/** Merges rows (in any order) into runs of consecutive rows with equal editor lists. */
export function rowRuns(
  rows: readonly {
    readonly row: number;
    readonly unit: string;
    readonly editors: readonly string[];
  }[],
  mergeUnits = true,
): RowRun[] {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const runs: { row: number; numRows: number; editors: readonly string[]; units: string[] }[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (
      last !== undefined &&
      last.row + last.numRows === r.row &&
      last.editors.join(',') === r.editors.join(',') &&
      (mergeUnits || last.units[0] === r.unit)
    ) {
      last.numRows++;
      if (!last.units.includes(r.unit)) last.units.push(r.unit);
    } else {
      runs.push({ row: r.row, numRows: 1, editors: r.editors, units: [r.unit] });
    }
  }
  return runs;
}

/** Each row's editors by the roles table's rule for `sheet`, in runs of equal lists. */
function areaRowRuns(
  sheet: SheetName,
  rows: readonly { readonly row: number; readonly code: string }[],
  units: readonly Unit[],
  grants: RoleGrants,
  shareAcrossUnits: boolean,
): RowRun[] {
  const rule = areaRule(sheet);
  const byCode = new Map(units.map((u) => [u.code, u]));
  return rowRuns(
    rows.map((r) => ({
      row: r.row,
      unit: r.code,
      editors: areaEditorEmails(rule, units, grants, byCode.get(r.code)),
    })),
    shareAcrossUnits,
  );
}

/** Thẩm định: each unit's row lists the verifiers except that unit (never itself). */
export function verifiedRowRuns(
  rows: readonly { readonly row: number; readonly code: string }[],
  units: readonly Unit[],
  grants: RoleGrants,
): RowRun[] {
  return areaRowRuns(SHEET_NAMES.verifiedScores, rows, units, grants, true);
}

/**
 * Tự chấm, Chấm chéo, Bình xét, Đăng ký thi đua: each unit's rows list the unit and the head. Two units never share
 * a protection, so "Khóa / mở chấm điểm" can still tell whose rows a protection covers.
 */
export function ownRowRuns(
  sheet:
    | typeof SHEET_NAMES.selfScores
    | typeof SHEET_NAMES.crossScores
    | typeof SHEET_NAMES.votes
    | typeof SHEET_NAMES.registration,
  rows: readonly { readonly row: number; readonly code: string }[],
  units: readonly Unit[],
  grants: RoleGrants,
): RowRun[] {
  return areaRowRuns(sheet, rows, units, grants, false);
}

/** "a@x, b@y" or "chỉ chủ sở hữu" for a protection's description. */
export function describeEditors(editors: readonly string[]): string {
  return editors.length === 0 ? 'chỉ chủ sở hữu' : editors.join(', ');
}

/**
 * Google keeps the person running set-up on every protection they make. When that is not the
 * owner, each planned protection that should not list them is named here, so the summary can say
 * who should run set-up instead. `labels` are the protections' descriptions.
 */
export function runnerKeptOn(
  runner: string,
  owner: string,
  planned: readonly { readonly editors: readonly string[]; readonly label: string }[],
): string[] {
  const me = emailKey(runner);
  if (me === '' || me === emailKey(owner)) return [];
  return planned.filter((p) => !p.editors.includes(me)).map((p) => p.label);
}
