/**
 * The on-edit check of Đăng ký thi đua: the edited rows read as the registration reader reads the
 * sheet, each edited cell marked with the finding at that cell (a title of the wrong kind, a person
 * named twice among the edited rows, a code of no unit). Only the edited rows are read, so a
 * duplicate with a row elsewhere in the block is «Kiểm tra dữ liệu»'s to find.
 */
import { cellA1 } from '../a1';
import type { Unit } from '../model/unit';
import { parseText } from '../parse/text';
import { REGISTRATION_LAYOUT } from '../layout/registrationTables';
import { locateTable } from '../readers/headers';
import type { CellVerdict } from '../validation/edit';
import { readRegistration } from './readRegistration';

export interface RegistrationEdit {
  /** Top-left cell of the edited block, 1-based. */
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly unknown[])[];
  /** The sheet's first row (its headers). */
  readonly headerRow?: readonly unknown[];
  /** The edited rows in full, as the sheet holds them after the edit. */
  readonly rows?: readonly (readonly unknown[])[];
  /** Đơn vị's units; undefined when Đơn vị could not be read (codes are then not judged). */
  readonly units?: readonly Pick<Unit, 'code'>[];
}

export function checkRegistrationEdit(edit: RegistrationEdit): CellVerdict[] {
  const header = edit.headerRow ?? REGISTRATION_LAYOUT.columns.map((c) => c.header);
  const rows =
    edit.rows ??
    edit.values.map((line) => [...new Array<unknown>(edit.column - 1).fill(''), ...line]);
  // The edited rows at their own row numbers, the header on top: findings name the real cells.
  const grid: unknown[][] = [[...header]];
  for (let r = 2; r < edit.row; r++) grid.push([]);
  rows.forEach((line) => grid.push([...line]));
  const codeColumn = locateTable(grid, REGISTRATION_LAYOUT).columns.get('unitCode') ?? 0;
  const units =
    edit.units ??
    rows
      .map((line) => parseText(line[codeColumn]))
      .flatMap((p) => (p.kind === 'ok' ? [{ code: p.value }] : []));
  const findings = edit.row > 1 ? readRegistration(grid, units).findings : [];
  const byCell = new Map(findings.map((f) => [f.cell, f]));
  const verdicts: CellVerdict[] = [];
  edit.values.forEach((line, i) => {
    line.forEach((_, j) => {
      const cell = cellA1(edit.row + i, edit.column + j);
      const found = byCell.get(cell);
      verdicts.push(found === undefined ? { cell, ok: true } : { cell, ok: false, finding: found });
    });
  });
  return verdicts;
}
