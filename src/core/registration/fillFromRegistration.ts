/**
 * The registration's part of «Lập sổ khen thưởng từ xếp hạng»: each individual registered with a
 * title in Đăng ký thi đua becomes one register row (a proposal for the officer to decide), once.
 *
 * Decisions:
 * - A row already in the register (same year, individual, name and title compared as names are,
 *   and the same unit — short or full name — or a row with no unit) is not added again, valid or
 *   not, so a second click adds nothing and a row the officer typed by hand is not doubled.
 * - Level by the title: Chiến sĩ thi đua toàn quốc is conferred by the State, another Chiến sĩ
 *   thi đua of a ministry or province (cấp bộ, ngành, tỉnh), the others (Chiến sĩ thi đua cơ sở,
 *   Lao động tiên tiến, Chiến sĩ tiên tiến) at the base (Luật Thi đua, khen thưởng 2022, Điều
 *   21–24; the same levels under the 2003 law). Issuer and place are what Cấu hình gives that
 *   level, as the ranking's rows.
 * - Unit: the unit's document name (Tên đầy đủ, else its name); achievement, decision, signer and
 *   register number are left to the officer once the decision is made.
 */
import { formatNumberVi } from '../format/vietnamese';
import { levelIssuer, type IssuerDefaults } from '../certificates/issuer';
import { awardKey } from '../awards/key';
import type { AwardsReadout } from '../awards/readAwards';
import type { FilledAward } from '../awards/fill';
import { awardFormSpec, type AwardLevel, type AwardRecord } from '../model/award';
import { unitDocumentName, type Unit } from '../model/unit';
import { nameKey } from '../text/normalize';
import { SHEET_NAMES } from '../layout/sheets';
import type { RegisteredIndividual } from './readRegistration';

export interface RegistrationFillInput {
  readonly individuals: readonly Pick<
    RegisteredIndividual,
    'unitCode' | 'name' | 'position' | 'title'
  >[];
  readonly units: readonly Pick<Unit, 'code' | 'name' | 'fullName'>[];
  readonly year: number;
  readonly register: Pick<AwardsReadout, 'value' | 'invalid'>;
  /** Rows the same click adds before these (the ranking's), counted as present. */
  readonly adding?: readonly Pick<
    AwardRecord,
    'recipientType' | 'name' | 'unit' | 'form' | 'year'
  >[];
  readonly issuers?: IssuerDefaults;
}

export interface RegistrationFillPlan {
  readonly records: readonly FilledAward[];
  readonly alreadyThere: readonly string[];
  /** Vietnamese, '' when the registration names nobody with a title. */
  readonly message: string;
}

/** The level an individual's title is conferred at. */
export function individualTitleLevel(title: string): AwardLevel {
  const spec = awardFormSpec(title);
  if (spec?.name === 'Chiến sĩ thi đua toàn quốc') return 'state';
  if (spec?.name === 'Chiến sĩ thi đua') return 'ministryProvince';
  return 'base';
}

const LISTED = 10;

function listed(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).join(', ');
  return items.length > LISTED
    ? `${shown} và ${formatNumberVi(items.length - LISTED)} người khác`
    : shown;
}

export function planRegistrationFill(input: RegistrationFillInput): RegistrationFillPlan {
  // year|name|form → the units of the individual rows already there ('' : no unit given).
  const present = new Map<string, Set<string>>();
  const add = (year: number, name: string, form: string, unit: string): void => {
    const id = `${String(year)}\u001f${nameKey(name)}\u001f${nameKey(form)}`;
    const set = present.get(id) ?? new Set<string>();
    set.add(nameKey(unit));
    present.set(id, set);
  };
  for (const r of input.register.value)
    if (r.recipientType === 'individual') add(r.year, r.name, r.form, r.unit);
  for (const r of input.register.invalid)
    if (r.recipientType !== 'collective' && r.year !== undefined)
      add(r.year, r.name, r.form, r.unit);
  for (const r of input.adding ?? [])
    if (r.recipientType === 'individual') add(r.year, r.name, r.form, r.unit);
  const isThere = (name: string, form: string, unitNames: readonly string[]): boolean => {
    const set = present.get(`${String(input.year)}\u001f${nameKey(name)}\u001f${nameKey(form)}`);
    return set !== undefined && (set.has('') || unitNames.some((u) => set.has(nameKey(u))));
  };

  const unitOf = new Map(input.units.map((u) => [u.code, u]));
  const records: FilledAward[] = [];
  const alreadyThere: string[] = [];
  for (const person of input.individuals) {
    if (person.title === '') continue;
    const unit = unitOf.get(person.unitCode);
    const unitName = unit === undefined ? person.unitCode : unitDocumentName(unit);
    const names = unit === undefined ? [unitName] : [unitName, unit.name];
    if (isThere(person.name, person.title, names)) {
      alreadyThere.push(`${person.name} (${person.title})`);
      continue;
    }
    add(input.year, person.name, person.title, unitName);
    const level = individualTitleLevel(person.title);
    const issuer =
      input.issuers === undefined
        ? { issuingBody: '', place: '' }
        : levelIssuer(level, input.issuers);
    const record: AwardRecord = {
      recipientType: 'individual',
      name: person.name,
      salutation: '',
      position: person.position,
      unit: unitName,
      form: person.title,
      level,
      achievement: '',
      decisionNumber: '',
      issuingBody: issuer.issuingBody,
      place: issuer.place,
      signerTitle: '',
      signerName: '',
      registerNumber: '',
      email: '',
      year: input.year,
    };
    records.push({ ...record, key: awardKey(record) });
  }
  return { records, alreadyThere, message: registrationFillMessage(records, alreadyThere) };
}

function registrationFillMessage(
  records: readonly FilledAward[],
  alreadyThere: readonly string[],
): string {
  if (records.length === 0 && alreadyThere.length === 0) return '';
  const lines: string[] = [];
  const from = `trang "${SHEET_NAMES.registration}"`;
  if (records.length > 0) {
    lines.push(
      `Từ ${from}: đã thêm ${formatNumberVi(records.length)} dòng cá nhân với danh hiệu đã đăng ký: ` +
        `${listed(records.map((r) => `${r.name} (${r.form})`))}. ` +
        'Hãy điền thành tích, danh xưng và quyết định khi có.',
    );
  } else {
    lines.push(`Từ ${from}: không có dòng cá nhân nào mới.`);
  }
  if (alreadyThere.length > 0)
    lines.push(
      `Cá nhân đã đăng ký đã có trong sổ, không thêm lại: ${formatNumberVi(alreadyThere.length)} (${listed(alreadyThere)}).`,
    );
  return lines.join('\n');
}
