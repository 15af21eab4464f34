import { finding, type Finding } from '../findings';
import { registeredTitleMisfit } from '../awards/formFit';
import { UNIT_ROLE_LABELS, UnitRoleSchema, type Unit, type UnitRole } from '../model/unit';
import { UNITS_LAYOUT, type UnitColumnKey } from '../layout/tables';
import { parseEmail, parseText } from '../parse/text';
import { nameKey } from '../text/normalize';
import { a1, cellAt, isBlankRow, matchLabel, rowAt, type ReadResult } from './cells';
import { locateTable } from './headers';
import { duplicateTracker } from './duplicates';

const SHEET = UNITS_LAYOUT.sheet;
const ROLES: readonly UnitRole[] = UnitRoleSchema.options;
const ROLE_LABELS = ROLES.map((r) => UNIT_ROLE_LABELS[r]);

/**
 * Reads Đơn vị. A row without code or name is reported and left out; a repeated code (compared
 * without case) is reported and the later row left out, so every code names one unit. A bad
 * role or e-mail is reported and that field left at its default.
 */
export function readUnits(grid: readonly unknown[]): ReadResult<Unit[]> {
  const located = locateTable<UnitColumnKey>(grid, UNITS_LAYOUT);
  const findings: Finding[] = [...located.findings];
  const units: Unit[] = [];
  const codes = duplicateTracker(SHEET);
  const names = duplicateTracker(SHEET);
  const heads = duplicateTracker(SHEET);
  const col = (key: UnitColumnKey): number => located.columns.get(key) ?? -1;

  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    if (isBlankRow(rowAt(grid, r))) continue;
    const at = (key: UnitColumnKey): { cell: string; value: unknown } => ({
      cell: a1(r, Math.max(col(key), 0)),
      value: cellAt(grid, r, col(key)),
    });
    const text = (key: UnitColumnKey, field: string, required: boolean): string | undefined => {
      if (col(key) < 0) return undefined;
      const { cell, value } = at(key);
      const parsed = parseText(value);
      if (parsed.kind === 'ok') return parsed.value;
      if (parsed.kind === 'invalid') {
        findings.push(finding(SHEET, cell, parsed.code, value, { expected: field }));
      } else if (required) {
        findings.push(finding(SHEET, cell, 'required-missing', value, { field }));
      }
      return undefined;
    };

    const code = text('code', 'mã đơn vị', true);
    const name = text('name', 'tên đơn vị', true);
    const type = text('type', 'loại đơn vị', false) ?? '';
    const headName = text('headName', 'họ tên thủ trưởng', false) ?? '';
    const headTitle = text('headTitle', 'chức vụ thủ trưởng', false) ?? '';
    const registeredTitle = text('registeredTitle', 'danh hiệu đăng ký', false) ?? '';
    // A unit registers for a collective's emulation title; a form of commendation or a
    // person's title there is kept as typed (the pledge prints it) and reported.
    const misfit = registeredTitleMisfit(registeredTitle);
    if (misfit !== undefined) {
      const { cell, value } = at('registeredTitle');
      findings.push(finding(SHEET, cell, 'invalid-value', value, { expected: misfit }, 'warning'));
    }
    const fullName = text('fullName', 'tên đầy đủ', false) ?? '';

    let role: UnitRole = 'member';
    if (col('role') >= 0) {
      const { cell, value } = at('role');
      const index = matchLabel(value, ROLE_LABELS);
      const matched = index === undefined ? undefined : ROLES[index];
      if (matched !== undefined) role = matched;
      else if (index === undefined) {
        findings.push(
          finding(SHEET, cell, 'invalid-value', value, { expected: ROLE_LABELS.join(', ') }),
        );
      }
    }

    let email = '';
    if (col('email') >= 0) {
      const { cell, value } = at('email');
      const parsed = parseEmail(value);
      if (parsed.kind === 'ok') email = parsed.value;
      else if (parsed.kind === 'invalid')
        findings.push(finding(SHEET, cell, 'invalid-email', value));
    }

    if (code === undefined || name === undefined) continue;
    const codeCell = at('code').cell;
    const firstCode = codes.seen(nameKey(code), codeCell, code);
    if (firstCode !== undefined) {
      findings.push(finding(SHEET, codeCell, 'duplicate-code', code, { firstCell: firstCode }));
      continue;
    }
    // Two units of one name make every lookup by that name ambiguous: report, keep both.
    const nameCell = at('name').cell;
    const firstName = names.seen(nameKey(name), nameCell, name);
    if (firstName !== undefined) {
      findings.push(
        finding(SHEET, nameCell, 'duplicate-code', name, { firstCell: firstName }, 'warning'),
      );
    }
    // A cluster has one head: the roles table, protections and the pledge read only one.
    if (role === 'head') {
      const { cell, value } = at('role');
      const firstHead = heads.seen('head', cell, value);
      if (firstHead !== undefined) findings.push(twoHeads(cell, value, firstHead));
    }

    units.push({ code, name, type, role, headName, headTitle, email, registeredTitle, fullName });
  }
  findings.push(...codes.firstOccurrenceFindings());
  findings.push(...names.firstOccurrenceFindings('warning'));
  for (const r of heads.repeated()) findings.push(twoHeads(r.cell, r.value, r.later.join(', ')));
  return { value: units, findings };
}

function twoHeads(cell: string, value: unknown, others: string): Finding {
  return finding(SHEET, cell, 'invalid-value', value, {
    expected: `chỉ một đơn vị là ${UNIT_ROLE_LABELS.head} (${UNIT_ROLE_LABELS.head} cũng ở ô ${others})`,
  });
}
