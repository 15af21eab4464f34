/**
 * Reads Đăng ký thi đua: each unit's collective title and its people with the individual title
 * each aims for. Rows belong to the unit their code names (set-up writes it); a typed row whose
 * code names no unit of Đơn vị is reported and left out. A title of the wrong kind (a person's
 * title in the collective column, a collective's in the individual one, a form of commendation)
 * is reported at its cell and kept as typed, so nothing the unit wrote is lost.
 */
import { recipientMisfit, registeredTitleMisfit } from '../awards/formFit';
import { finding, type Finding } from '../findings';
import { REGISTRATION_LAYOUT, type RegistrationColumnKey } from '../layout/registrationTables';
import { awardFormSpec } from '../model/award';
import type { Unit } from '../model/unit';
import { parseText } from '../parse/text';
import { nameKey } from '../text/normalize';
import { a1, cellAt, isBlank, rowAt } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { UNITS_LAYOUT, type UnitColumnKey } from '../layout/tables';

const SHEET = REGISTRATION_LAYOUT.sheet;

export interface RegisteredCollective {
  readonly unitCode: string;
  readonly title: string;
  /** A1 of the title's cell. */
  readonly cell: string;
}

export interface RegisteredIndividual {
  readonly unitCode: string;
  readonly name: string;
  readonly position: string;
  /** '' when the person is listed without a title yet. */
  readonly title: string;
  /** 1-based sheet row. */
  readonly row: number;
}

export interface RegistrationReadout {
  /** By unit code (as Đơn vị spells it): the first collective title of the unit's rows. */
  readonly collectives: ReadonlyMap<string, RegisteredCollective>;
  /** In sheet order. */
  readonly individuals: readonly RegisteredIndividual[];
  readonly findings: Finding[];
}

function text(value: unknown): string {
  const parsed = parseText(value);
  return parsed.kind === 'ok' ? parsed.value : '';
}

/**
 * Why an individual's title is not one (a collective's title or a form of commendation such as
 * Bằng khen); undefined when it is one or the catalogue does not know it.
 */
export function individualTitleMisfit(title: string, otherCell: string): string | undefined {
  const spec = awardFormSpec(title);
  if (spec === undefined) return undefined;
  if (spec.kind === 'form')
    return `danh hiệu thi đua của cá nhân ("${spec.name}" là hình thức khen thưởng, không phải danh hiệu thi đua)`;
  return recipientMisfit(title, 'individual', otherCell);
}

export function readRegistration(
  grid: readonly unknown[],
  units: readonly Pick<Unit, 'code'>[],
): RegistrationReadout {
  const located = locateTable<RegistrationColumnKey>(grid, REGISTRATION_LAYOUT);
  const findings: Finding[] = [...located.findings];
  const col = (key: RegistrationColumnKey): number => located.columns.get(key) ?? -1;
  const codeOf = new Map(units.map((u) => [nameKey(u.code), u.code]));
  const collectives = new Map<string, RegisteredCollective>();
  const individuals: RegisteredIndividual[] = [];
  const people = new Map<string, string>();
  const entryColumns = (['collectiveTitle', 'personName', 'position', 'individualTitle'] as const)
    .map(col)
    .filter((c) => c >= 0);

  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    if (rowAt(grid, r).length === 0) continue;
    if (entryColumns.every((c) => isBlank(cellAt(grid, r, c)))) continue;
    const at = (key: RegistrationColumnKey): string => a1(r, Math.max(col(key), 0));
    const typedCode = text(cellAt(grid, r, col('unitCode')));
    const code = codeOf.get(nameKey(typedCode));
    if (code === undefined) {
      findings.push(
        finding(SHEET, at('unitCode'), 'unknown-unit', cellAt(grid, r, col('unitCode')), {
          hint: `Dòng đăng ký này không thuộc đơn vị nào của trang "Đơn vị"; chương trình giữ nguyên dòng nhưng không dùng.`,
        }),
      );
      continue;
    }

    const collective = text(cellAt(grid, r, col('collectiveTitle')));
    if (collective !== '') {
      const misfit = registeredTitleMisfit(collective);
      const first = collectives.get(code);
      // Kept as typed (the pledge prints it) and reported, as Đơn vị's column always did.
      if (misfit !== undefined) {
        findings.push(
          finding(
            SHEET,
            at('collectiveTitle'),
            'invalid-value',
            cellAt(grid, r, col('collectiveTitle')),
            { expected: misfit },
            'warning',
          ),
        );
      }
      if (first !== undefined && nameKey(first.title) !== nameKey(collective)) {
        findings.push(
          finding(
            SHEET,
            at('collectiveTitle'),
            'invalid-value',
            cellAt(grid, r, col('collectiveTitle')),
            {
              expected: `một danh hiệu tập thể cho mỗi đơn vị (đơn vị ${code} đã đăng ký "${first.title}" ở ô ${first.cell})`,
            },
          ),
        );
      } else if (first === undefined) {
        collectives.set(code, { unitCode: code, title: collective, cell: at('collectiveTitle') });
      }
    }

    const name = text(cellAt(grid, r, col('personName')));
    const title = text(cellAt(grid, r, col('individualTitle')));
    const position = text(cellAt(grid, r, col('position')));
    if (name === '') {
      if (title !== '' || position !== '') {
        findings.push(
          finding(SHEET, at('personName'), 'required-missing', '', {
            field: 'họ và tên cá nhân đăng ký',
          }),
        );
      }
      continue;
    }
    const key = `${nameKey(code)}\u0000${nameKey(name)}`;
    const firstCell = people.get(key);
    if (firstCell !== undefined) {
      findings.push(
        finding(SHEET, at('personName'), 'invalid-value', cellAt(grid, r, col('personName')), {
          expected: `mỗi cá nhân đăng ký một lần trong đơn vị (${name} đã có ở ô ${firstCell})`,
        }),
      );
      continue;
    }
    people.set(key, at('personName'));
    if (title !== '') {
      const misfit = individualTitleMisfit(title, at('personName'));
      if (misfit !== undefined) {
        // Reported and not proposed: a collective's title is never a person's register row.
        findings.push(
          finding(
            SHEET,
            at('individualTitle'),
            'invalid-value',
            cellAt(grid, r, col('individualTitle')),
            { expected: misfit },
            'warning',
          ),
        );
        continue;
      }
    }
    individuals.push({ unitCode: code, name, position, title, row: r + 1 });
  }
  return { collectives, individuals, findings };
}

/**
 * Each unit with the collective title it registered: Đăng ký thi đua's, else what Đơn vị's old
 * «Danh hiệu đăng ký» column still holds (a workbook set up before the registration sheet).
 */
export function withRegisteredTitles<U extends Unit>(
  units: readonly U[],
  registration: Pick<RegistrationReadout, 'collectives'> | undefined,
): U[] {
  if (registration === undefined) return [...units];
  return units.map((u) => {
    const reg = registration.collectives.get(u.code);
    return reg === undefined ? u : { ...u, registeredTitle: reg.title };
  });
}

/**
 * Đơn vị's old «Danh hiệu đăng ký» cells that say something else than the unit's registration:
 * the registration wins (the pledge prints it), so each such cell gets a warning naming both.
 */
export function oldColumnConflicts(
  unitsGrid: readonly unknown[],
  registration: Pick<RegistrationReadout, 'collectives'>,
): Finding[] {
  const located = locateTable<UnitColumnKey>(unitsGrid, UNITS_LAYOUT);
  const codeColumn = located.columns.get('code');
  const titleColumn = located.columns.get('registeredTitle');
  if (codeColumn === undefined || titleColumn === undefined) return [];
  const byCode = new Map(
    [...registration.collectives.values()].map((c) => [nameKey(c.unitCode), c]),
  );
  const out: Finding[] = [];
  for (let r = located.headerRow0 + 1; r < unitsGrid.length; r++) {
    const reg = byCode.get(nameKey(text(cellAt(unitsGrid, r, codeColumn))));
    const raw = cellAt(unitsGrid, r, titleColumn);
    const old = text(raw);
    if (reg === undefined || old === '' || nameKey(old) === nameKey(reg.title)) continue;
    out.push(
      finding(
        UNITS_LAYOUT.sheet,
        a1(r, titleColumn),
        'invalid-value',
        raw,
        {
          expected: `danh hiệu đã đăng ký ở trang "${SHEET}", ô ${reg.cell} ("${reg.title}"): cột này là cột cũ, bản giao ước in danh hiệu ở trang "${SHEET}"; hãy sửa ở đó hoặc xoá ô này`,
        },
        'warning',
      ),
    );
  }
  return out;
}
