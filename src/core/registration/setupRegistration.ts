/**
 * Set-up's part for Đăng ký thi đua: the blocks (planRegistration.ts) and their protections from
 * the roles table. The sheet (codes, names, headers, rows kept for units no longer listed) is
 * for owner and head; each unit's block of entry columns for that unit and the head.
 */
import type { RoleGrants } from '../roles';
import { SHEET_NAMES } from '../layout/sheets';
import type { Unit } from '../model/unit';
import { ownRowRuns } from '../setup/protectionPlan';
import { protection } from '../setup/protections';
import type { FormatGrid } from '../setup/formatPlan';
import type { PlannedProtection, SetupReport, SheetOp } from '../setup/types';
import { planRegistration, type RegistrationTable } from './planRegistration';

export interface RegistrationSetupContext {
  readonly heads: readonly string[];
  readonly grants: RoleGrants;
  readonly report: SetupReport;
  /** Đơn vị was read: without it every typed row would look like a stray, so nothing moves. */
  readonly registryOk: boolean;
}

export interface RegistrationSetup {
  readonly ops: SheetOp[];
  readonly needRows: number;
  readonly protections: PlannedProtection[];
}

function unitsLabel(units: readonly string[]): string {
  return units.length <= 3
    ? units.join(', ')
    : `${units.slice(0, 3).join(', ')} và ${String(units.length - 3)} đơn vị khác`;
}

export function planRegistrationSheet(
  name: string,
  grid: readonly (readonly unknown[])[],
  formats: FormatGrid | undefined,
  table: RegistrationTable & { readonly headerRow: number },
  units: readonly Unit[],
  ctx: RegistrationSetupContext,
): RegistrationSetup {
  const whole = (): RegistrationSetup => ({
    ops: [],
    needRows: table.headerRow,
    protections: [
      protection(
        'sheet',
        `trang "${name}": chỉ chủ sở hữu và Cụm trưởng được sửa`,
        ctx.heads,
        undefined,
      ),
    ],
  });
  if (!ctx.registryOk) {
    ctx.report.notes.push(`${name}: không đọc được trang Đơn vị; giữ nguyên.`);
    return whole();
  }
  const planned = planRegistration(grid, formats, table, units);
  const hadData = grid.length >= table.dataRow;
  if (planned.changed && hadData && planned.moved > 0) {
    ctx.report.updated.push(
      `${name}: lập lại khối dòng của từng đơn vị (${String(planned.moved)} dòng đã nhập được chuyển theo đơn vị, giữ nguyên thứ tự).`,
    );
  }
  if (planned.migrated.length > 0) {
    ctx.report.updated.push(
      `${name}: chuyển danh hiệu tập thể đã đăng ký ở cột «Danh hiệu đăng ký» của trang "${SHEET_NAMES.units}" sang khối của ${String(planned.migrated.length)} đơn vị (${unitsLabel(planned.migrated)}).`,
    );
  }
  if (planned.strays.numRows > 0) {
    const { row, numRows } = planned.strays;
    ctx.report.problems.push(
      `${name}: ${String(numRows)} dòng đăng ký có mã đơn vị không còn trong trang "${SHEET_NAMES.units}" được giữ nguyên ở dòng ${String(row)}–${String(row + numRows - 1)} (chỉ Chủ sở hữu và Cụm trưởng sửa được); hãy sửa mã đơn vị hoặc xoá dòng nếu không cần.`,
    );
  }
  const blocks = planned.blocks;
  const first = blocks[0]?.row ?? table.dataRow;
  const rows = blocks.reduce((n, b) => n + b.numRows, 0);
  const open = rows > 0 && planned.entryColumns > 0;
  const protections: PlannedProtection[] = [
    protection(
      'sheet',
      `trang "${name}": mã, tên đơn vị và tiêu đề chỉ chủ sở hữu và Cụm trưởng được sửa; mỗi đơn vị có khối dòng riêng`,
      ctx.heads,
      undefined,
      open
        ? [
            {
              row: first,
              column: planned.entryColumn,
              numRows: rows,
              numColumns: planned.entryColumns,
            },
          ]
        : [],
    ),
  ];
  if (open) {
    const runs = ownRowRuns(
      SHEET_NAMES.registration,
      blocks.flatMap((b) =>
        Array.from({ length: b.numRows }, (_, i) => ({ row: b.row + i, code: b.unitCode })),
      ),
      units,
      ctx.grants,
    );
    for (const run of runs) {
      protections.push(
        protection('range', `"${name}" – khối của ${unitsLabel(run.units)}`, run.editors, {
          row: run.row,
          column: planned.entryColumn,
          numRows: run.numRows,
          numColumns: planned.entryColumns,
        }),
      );
    }
  }
  return { ops: planned.ops, needRows: planned.needRows, protections };
}
