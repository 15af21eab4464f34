/**
 * Reads Khen thưởng (the award register) into typed rows, every problem as a finding naming its
 * cell. Never throws. A row with any error is left out of `value` (it cannot be counted or
 * printed as it stands) and listed in `invalid` with its messages, so the certificate job can
 * mark it and the statistics can say how many rows were left out.
 */
import { finding, type Finding, type FindingCode, type FindingDetails } from '../findings';
import {
  AWARD_LEVEL_LABELS,
  AwardLevelSchema,
  RECIPIENT_TYPE_LABELS,
  RecipientTypeSchema,
  type AwardLevel,
  type AwardRecord,
  type RecipientType,
} from '../model/award';
import { AWARDS_LAYOUT, type AwardColumnKey } from '../layout/tables';
import { parseDate, type CalendarDate } from '../parse/date';
import { parseEmail, parseText } from '../parse/text';
import { checkNumber } from '../readers/values';
import { a1, cellAt, isBlankRow, matchLabel, rowAt, type ReadResult } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { AWARD_KEY_PREFIX, awardIdentityText, awardKey } from './key';
import { recipientMisfit } from './formFit';
import { isKnownAwardForm, knownFormsText } from './forms';
import { duplicateTracker } from '../readers/duplicates';
import { nameKey } from '../text/normalize';

const SHEET = AWARDS_LAYOUT.sheet;

/** One valid register row: the record, where it is, what the program wrote on it. */
export interface AwardRow extends AwardRecord {
  /** 1-based sheet row. */
  readonly row: number;
  /** Mã hồ sơ: the stored key, or the derived one (awardKey) when the cell is blank. */
  readonly key: string;
  /** True when the key is in the sheet; false when derived and still to be written. */
  readonly keyStored: boolean;
  /** Trạng thái, Liên kết, Lỗi as read ('' when blank). */
  readonly status: string;
  readonly link: string;
  readonly error: string;
}

/** A register row left out because of errors; fields are what could be read. */
export interface InvalidAwardRow {
  readonly row: number;
  readonly recipientType?: RecipientType;
  readonly name: string;
  readonly unit: string;
  readonly form: string;
  readonly year?: number;
  /** The stored key, '' when none. */
  readonly key: string;
  readonly status: string;
  /** The Vietnamese messages of its error findings. */
  readonly messages: readonly string[];
}

export interface AwardsReadout extends ReadResult<AwardRow[]> {
  readonly invalid: readonly InvalidAwardRow[];
  /** 1-based column of each layout column found on the sheet. */
  readonly positions: ReadonlyMap<AwardColumnKey, number>;
  /** 1-based header row. */
  readonly headerRow: number;
  /** 1-based last row holding anything (the header row when the register is empty). */
  readonly lastRow: number;
}

export interface ReadAwardsOptions {
  /** Year of a row with neither a year nor a decision date: Cấu hình's year. */
  readonly defaultYear?: number;
}

/** Labels and the spellings offices also use, each with the value it means. */
export const LEVEL_CHOICES: readonly (readonly [string, AwardLevel])[] = [
  ...AwardLevelSchema.options.map((l) => [AWARD_LEVEL_LABELS[l], l] as const),
  ['Cấp nhà nước', 'state'],
  ['Bộ, ngành, tỉnh', 'ministryProvince'],
  ['Bộ, ngành, thành phố', 'ministryProvince'],
  ['Cấp bộ', 'ministryProvince'],
  ['Cấp tỉnh', 'ministryProvince'],
  ['Cấp thành phố', 'ministryProvince'],
  ['Thành phố', 'ministryProvince'],
  ['Tỉnh', 'ministryProvince'],
  ['Cấp cơ sở', 'base'],
  ['Cấp quận', 'base'],
  ['Cấp huyện', 'base'],
  ['Cấp xã', 'base'],
  ['Cấp phường', 'base'],
];
export const LEVEL_LABELS = LEVEL_CHOICES.map(([label]) => label);

export const TYPE_CHOICES: readonly (readonly [string, RecipientType])[] = [
  ...RecipientTypeSchema.options.map((t) => [RECIPIENT_TYPE_LABELS[t], t] as const),
];
export const TYPE_LABELS = TYPE_CHOICES.map(([label]) => label);

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

type Field = { readonly cell: string; readonly value: unknown };

const SALUTATION_FIELD = 'danh xưng (Ông hoặc Bà); giấy khen sẽ in họ tên không kèm danh xưng';

/**
 * The salutation as printed: "Ông", "Bà" or what the office typed ("Đồng chí"); a gender typed
 * instead ("Nam", "Nữ") gives the salutation it implies.
 */
export function salutationOf(typed: string): string {
  // Diacritics count: "Bá" is not "Bà".
  const key = nameKey(typed);
  if (key === nameKey('Nam') || key === nameKey('Ông')) return 'Ông';
  if (key === nameKey('Nữ') || key === nameKey('Bà')) return 'Bà';
  return typed;
}

export function readAwards(
  grid: readonly unknown[],
  options: ReadAwardsOptions = {},
): AwardsReadout {
  const located = locateTable<AwardColumnKey>(grid, AWARDS_LAYOUT);
  const findings: Finding[] = [...located.findings];
  const rows: AwardRow[] = [];
  const invalid: InvalidAwardRow[] = [];
  const positions = new Map<AwardColumnKey, number>();
  located.columns.forEach((c0, key) => positions.set(key, c0 + 1));
  const col = (key: AwardColumnKey): number => located.columns.get(key) ?? -1;
  /** Key → the cell of the first row holding it. */
  const keys = duplicateTracker(SHEET);
  let lastRow = located.headerRow0 + 1;

  for (let r = 0; r < grid.length; r++) {
    if (r === located.headerRow0 || isBlankRow(rowAt(grid, r))) continue;
    if (r < located.headerRow0) {
      // Title rows above the headers are not the register's; a row with a recipient type is
      // (a sort that took the header row along moves rows above it): read, never dropped, so
      // the fill does not add its award again and the certificate job still sees it.
      if (!displacedRow(grid, r, col('recipientType'), col('key'))) continue;
      findings.push(
        finding(SHEET, a1(r, Math.max(col('recipientType'), 0)), 'row-above-header', '', {
          headerRow: String(located.headerRow0 + 1),
        }),
      );
    } else lastRow = r + 1;
    const errors: Finding[] = [];
    const report = (
      f: Field,
      code: FindingCode,
      details?: FindingDetails,
      severity?: 'warning',
    ): void => {
      const made = finding(SHEET, f.cell, code, f.value, details, severity);
      findings.push(made);
      if (made.severity === 'error') errors.push(made);
    };
    const at = (key: AwardColumnKey): Field => ({
      cell: a1(r, Math.max(col(key), 0)),
      value: cellAt(grid, r, col(key)),
    });
    const text = (key: AwardColumnKey, field: string, required: boolean): string => {
      const f = at(key);
      if (col(key) < 0) return '';
      const parsed = parseText(f.value);
      if (parsed.kind === 'ok') return parsed.value;
      if (parsed.kind === 'invalid') report(f, parsed.code, { expected: field });
      else if (required) report(f, 'required-missing', { field });
      return '';
    };
    const choice = <T>(
      key: AwardColumnKey,
      field: string,
      labels: readonly string[],
      choices: readonly (readonly [string, T])[],
      shown: readonly string[],
    ): T | undefined => {
      const f = at(key);
      const index = matchLabel(f.value, labels);
      if (index === -1) {
        report(f, 'required-missing', { field });
        return undefined;
      }
      const matched = index === undefined ? undefined : choices[index]?.[1];
      if (matched === undefined) report(f, 'invalid-value', { expected: shown.join(', ') });
      return matched;
    };

    const recipientType = choice(
      'recipientType',
      'tập thể hay cá nhân',
      TYPE_LABELS,
      TYPE_CHOICES,
      TYPE_LABELS,
    );
    const name = text('name', 'tên tập thể hoặc họ tên cá nhân', true);
    const position = text('position', 'chức vụ', false);
    const salutation = salutationOf(text('salutation', 'danh xưng', false));
    if (recipientType === 'individual' && salutation === '' && col('salutation') >= 0) {
      // Printed without one rather than refused: the officer may not know; the check says so.
      report(at('salutation'), 'required-missing', { field: SALUTATION_FIELD }, 'warning');
    }
    const issuingBody = text('issuingBody', 'cơ quan tặng', false);
    const place = text('place', 'địa danh', false);
    const unit = text('unit', 'đơn vị', false);
    const form = text('form', 'hình thức khen thưởng', true);
    // One list of forms serves every row (Sheets cannot vary a dropdown by the row's recipient
    // type), so a title of the other recipient type is caught here, at the form's cell.
    const misfit =
      recipientType === undefined || col('form') < 0
        ? undefined
        : recipientMisfit(form, recipientType, at('recipientType').cell);
    if (misfit !== undefined) report(at('form'), 'invalid-value', { expected: misfit });
    // Another form is allowed (the list takes typed forms), but said: it may be a typo, and no
    // certificate is printed for it.
    else if (form !== '' && !isKnownAwardForm(form))
      report(at('form'), 'unknown-form', { forms: knownFormsText() });
    const level = choice(
      'level',
      'cấp khen',
      LEVEL_LABELS,
      LEVEL_CHOICES,
      Object.values(AWARD_LEVEL_LABELS),
    );
    const achievement = text('achievement', 'thành tích', false);
    const decisionNumber = text('decisionNumber', 'số quyết định', false);
    const signerTitle = text('signerTitle', 'chức vụ người ký', false);
    const signerName = text('signerName', 'họ tên người ký', false);
    const registerNumber = text('registerNumber', 'số sổ vàng', false);
    const status = text('status', 'trạng thái', false);
    const link = text('link', 'liên kết', false);
    const error = text('error', 'lỗi', false);
    const storedKey = text('key', 'mã hồ sơ', false);

    let decisionDate: CalendarDate | undefined;
    if (col('decisionDate') >= 0) {
      const f = at('decisionDate');
      const parsed = parseDate(f.value);
      if (parsed.kind === 'ok') {
        if (parsed.value.year >= MIN_YEAR && parsed.value.year <= MAX_YEAR)
          decisionDate = parsed.value;
        else report(f, 'invalid-date');
      } else if (parsed.kind === 'invalid') report(f, 'invalid-date');
    }

    let email = '';
    if (col('email') >= 0) {
      const f = at('email');
      const parsed = parseEmail(f.value);
      if (parsed.kind === 'ok') email = parsed.value;
      else if (parsed.kind === 'invalid') report(f, 'invalid-email');
    }

    let year: number | undefined;
    let yearBad = false;
    const yearField = at('year');
    if (col('year') >= 0) {
      const checked = checkNumber(yearField.value, {
        min: MIN_YEAR,
        max: MAX_YEAR,
        integer: true,
        what: 'năm',
      });
      if (checked.kind === 'ok') year = checked.value;
      else if (checked.kind === 'bad') {
        yearBad = true;
        report(yearField, 'invalid-value', {
          expected: `năm là số nguyên từ ${String(MIN_YEAR)} đến ${String(MAX_YEAR)}`,
        });
      }
    }
    if (!yearBad) year ??= decisionDate?.year ?? options.defaultYear;
    if (year === undefined && !yearBad) {
      report(col('year') >= 0 ? yearField : at('name'), 'required-missing', {
        field: 'năm (hoặc ngày quyết định)',
      });
    }

    const keyField = at('key');
    if (
      errors.length === 0 &&
      recipientType !== undefined &&
      level !== undefined &&
      year !== undefined
    ) {
      const record: AwardRecord = {
        recipientType,
        name,
        // A collective has no salutation, whatever the cell says.
        salutation: recipientType === 'individual' ? salutation : '',
        position,
        unit,
        form,
        level,
        achievement,
        decisionNumber,
        ...(decisionDate === undefined ? {} : { decisionDate }),
        issuingBody,
        place,
        signerTitle,
        signerName,
        registerNumber,
        email,
        year,
      };
      const key = storedKey !== '' ? storedKey : awardKey(record);
      const keyCell = col('key') >= 0 ? keyField.cell : at('name').cell;
      const first = keys.seen(key, keyCell, storedKey !== '' ? storedKey : name);
      if (first !== undefined) {
        // The same award twice (a pasted copy): counting or printing both would double it.
        report({ cell: keyCell, value: storedKey !== '' ? storedKey : name }, 'duplicate-code', {
          firstCell: first,
        });
      } else {
        rows.push({
          ...record,
          row: r + 1,
          key,
          keyStored: storedKey !== '',
          status,
          link,
          error,
        });
        continue;
      }
    }
    invalid.push({
      row: r + 1,
      ...(recipientType === undefined ? {} : { recipientType }),
      name,
      unit,
      form,
      ...(year === undefined ? {} : { year }),
      key: storedKey,
      status,
      messages: errors.map((f) => f.message),
    });
  }
  // The row kept of a pasted copy is still printed once; the warning shows the pair.
  findings.push(...keys.firstOccurrenceFindings('warning'));
  const conflicts = rowConflicts(rows, (key, r) => a1(r.row - 1, Math.max(col(key), 0)));
  findings.push(...conflicts.findings);
  const valid = rows.filter((r) => !conflicts.rows.has(r.row));
  for (const r of rows) {
    const messages = conflicts.rows.get(r.row);
    if (messages === undefined) continue;
    invalid.push({
      row: r.row,
      recipientType: r.recipientType,
      name: r.name,
      unit: r.unit,
      form: r.form,
      year: r.year,
      key: r.keyStored ? r.key : '',
      status: r.status,
      messages,
    });
  }
  invalid.sort((a, b) => a.row - b.row);
  return {
    value: valid,
    findings,
    invalid,
    positions,
    headerRow: located.headerRow0 + 1,
    lastRow,
  };
}

const KEY_SHAPE = new RegExp(`^${AWARD_KEY_PREFIX}\\d{4}-`);

/** A register row above the header row: its recipient type is one of the list, or it has a key. */
function displacedRow(
  grid: readonly unknown[],
  r: number,
  typeCol: number,
  keyCol: number,
): boolean {
  const type = typeCol < 0 ? undefined : matchLabel(cellAt(grid, r, typeCol), TYPE_LABELS);
  if (type !== undefined && type >= 0) return true;
  const key = keyCol < 0 ? undefined : parseText(cellAt(grid, r, keyCol));
  return key?.kind === 'ok' && KEY_SHAPE.test(key.value);
}

/**
 * Rows that contradict each other, each reported on every row involved (issue 10, Build 3). One
 * register number (số sổ vàng) used twice in a year is an error: neither row is printed until the
 * user says which is right, since both would carry the same number. One recipient given the same
 * form by the same decision twice under different register numbers is a warning on each row:
 * registers do list a collective twice in one decision (the seed-003 register has 451 such
 * rows), so both stay printable and the user decides.
 */
function rowConflicts(
  rows: readonly AwardRow[],
  cellOf: (key: AwardColumnKey, row: AwardRow) => string,
): { findings: Finding[]; rows: Map<number, string[]> } {
  const findings: Finding[] = [];
  const byRow = new Map<number, string[]>();
  const group = (
    keyOf: (r: AwardRow) => string | undefined,
    column: AwardColumnKey,
    valueOf: (r: AwardRow) => string,
    details: (others: string) => FindingDetails,
    code: FindingCode,
    severity: 'error' | 'warning',
  ): void => {
    const groups = new Map<string, AwardRow[]>();
    for (const r of rows) {
      const key = keyOf(r);
      if (key === undefined) continue;
      const list = groups.get(key) ?? [];
      list.push(r);
      groups.set(key, list);
    }
    groups.forEach((list) => {
      if (list.length < 2) return;
      for (const r of list) {
        const others = list.filter((o) => o !== r).map((o) => cellOf(column, o));
        const made = finding(
          SHEET,
          cellOf(column, r),
          code,
          valueOf(r),
          details(others.join(', ')),
          severity,
        );
        findings.push(made);
        if (severity === 'error') byRow.set(r.row, [...(byRow.get(r.row) ?? []), made.message]);
      }
    });
  };
  group(
    (r) => (r.registerNumber === '' ? undefined : `${String(r.year)}|${nameKey(r.registerNumber)}`),
    'registerNumber',
    (r) => r.registerNumber,
    (others) => ({ firstCell: others }),
    'duplicate-code',
    'error',
  );
  group(
    // The award's identity without its register number: one recipient, form and decision.
    (r) => (r.decisionNumber === '' ? undefined : awardIdentityText({ ...r, registerNumber: '' })),
    'name',
    (r) => r.name,
    (others) => ({
      expected: `mỗi người (tập thể) một dòng cho cùng hình thức và quyết định; trùng với ô ${others}`,
    }),
    'invalid-value',
    'warning',
  );
  return { findings, rows: byRow };
}
