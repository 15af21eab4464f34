/**
 * The award catalogue (model/award.ts): each title or form has its kind and its recipients, one
 * list for the dropdowns, the register's check and the statistics; formFit.ts says when a name
 * does not fit its row or a unit's registration, in Vietnamese naming the cell.
 */
import {
  AWARD_FORMS,
  COLLECTIVE_TITLE_CHOICES,
  REGISTER_FORM_CHOICES,
  awardFormSpec,
  awardKindOf,
} from '../../../src/core/model/award';
import { recipientMisfit, registeredTitleMisfit } from '../../../src/core/awards/formFit';
import { readAwards } from '../../../src/core/awards/readAwards';
import { readUnits } from '../../../src/core/readers/units';
import { checkEdit } from '../../../src/core/edit/editCheck';
import { validateWorkbook } from '../../../src/core/validation/workbook';
import { headerValues } from '../../../src/core/layout/columns';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { AWARDS_LAYOUT, UNITS_LAYOUT } from '../../../src/core/layout/tables';
import { SAMPLE_UNIT_ROWS } from '../../../sample/cluster1';

const HEADER = headerValues(AWARDS_LAYOUT);
const col = (key: string): number => AWARDS_LAYOUT.columns.findIndex((c) => c.key === key);

function line(values: Partial<Record<string, unknown>>): unknown[] {
  const row = new Array<unknown>(HEADER.length).fill('');
  for (const [k, v] of Object.entries(values)) row[col(k)] = v;
  return row;
}

const COLLECTIVE = {
  recipientType: 'Tập thể',
  name: 'Trường THCS Nhân Chính',
  form: 'Giấy khen',
  level: 'Cơ sở',
  year: 2022,
};
const PERSON = {
  recipientType: 'Cá nhân',
  salutation: 'Bà',
  name: 'Nguyễn Thị Lan',
  form: 'Giấy khen',
  level: 'Cơ sở',
  year: 2022,
};

describe('the award catalogue', () => {
  it('says of each title or form what it is and who receives it, as the law names them', () => {
    const spec = (name: string): [string, string, string] | undefined => {
      const s = awardFormSpec(name);
      return s && [s.name, s.kind, s.recipients];
    };
    // Luật Thi đua, khen thưởng 2022, Điều 20 (collectives) and Điều 19 (individuals).
    expect(spec('Cờ thi đua của Chính phủ')).toEqual([
      'Cờ thi đua của Chính phủ',
      'title',
      'collective',
    ]);
    expect(spec('Tập thể lao động xuất sắc')).toEqual([
      'Tập thể lao động xuất sắc',
      'title',
      'collective',
    ]);
    expect(spec('Tập thể lao động tiên tiến')?.[1]).toBe('title');
    expect(spec('Lao động tiên tiến')).toEqual(['Lao động tiên tiến', 'title', 'individual']);
    expect(spec('Chiến sĩ thi đua cơ sở')).toEqual([
      'Chiến sĩ thi đua cơ sở',
      'title',
      'individual',
    ]);
    // Điều 9: forms of commendation.
    expect(spec('Bằng khen')).toEqual(['Bằng khen', 'form', 'both']);
    expect(spec('Giấy khen')).toEqual(['Giấy khen', 'form', 'both']);
  });

  it('knows a name by its first words, without case or diacritics, and its other spellings', () => {
    expect(awardFormSpec('Bằng khen của Thủ tướng Chính phủ')?.name).toBe('Bằng khen');
    expect(awardFormSpec('Huân chương Lao động hạng Ba')?.name).toBe('Huân chương');
    expect(awardFormSpec('Cờ thi đua của Ủy ban nhân dân thành phố')?.name).toBe('Cờ thi đua');
    expect(awardFormSpec('CHIEN SI THI DUA CO SO')?.name).toBe('Chiến sĩ thi đua cơ sở');
    expect(awardFormSpec('Chiến sỹ thi đua cơ sở')?.name).toBe('Chiến sĩ thi đua cơ sở');
    expect(awardFormSpec('Chiến sĩ thi đua thành phố')?.recipients).toBe('individual');
    // Word by word: a name that only shares letters is not that award.
    expect(awardFormSpec('Bằng khenxyz')).toBeUndefined();
    expect(awardFormSpec('Tập thể lao động tiên tiến')?.recipients).toBe('collective');
    expect(awardFormSpec('')).toBeUndefined();
    expect(awardFormSpec('Giải thưởng sáng tạo')).toBeUndefined();
  });

  it('counts a title as a title and anything it does not know as a form', () => {
    expect(awardKindOf('Cờ thi đua')).toBe('title');
    expect(awardKindOf('Chiến sĩ thi đua cơ sở')).toBe('title');
    expect(awardKindOf('Bằng khen')).toBe('form');
    expect(awardKindOf('Huân chương Lao động hạng Ba')).toBe('form');
    expect(awardKindOf('Giải thưởng sáng tạo')).toBe('form');
  });

  it('offers a unit only collective emulation titles, and the register every listed name', () => {
    expect(COLLECTIVE_TITLE_CHOICES).toEqual(
      expect.arrayContaining([
        'Cờ thi đua',
        'Tập thể lao động xuất sắc',
        'Tập thể lao động tiên tiến',
      ]),
    );
    for (const name of COLLECTIVE_TITLE_CHOICES) {
      expect([name, awardFormSpec(name)?.kind, awardFormSpec(name)?.recipients]).toEqual([
        name,
        'title',
        'collective',
      ]);
    }
    for (const gone of ['Bằng khen', 'Giấy khen', 'Lao động tiên tiến', 'Chiến sĩ thi đua cơ sở'])
      expect(COLLECTIVE_TITLE_CHOICES).not.toContain(gone);
    // Đơn vị's dropdown is this list; the register's has titles and forms of both kinds.
    const registered = UNITS_LAYOUT.columns.find((c) => c.key === 'registeredTitle');
    expect(registered?.validation).toMatchObject({ values: COLLECTIVE_TITLE_CHOICES });
    const form = AWARDS_LAYOUT.columns.find((c) => c.key === 'form');
    expect(form?.validation).toMatchObject({ values: REGISTER_FORM_CHOICES });
    expect(REGISTER_FORM_CHOICES).toEqual(
      expect.arrayContaining(['Bằng khen', 'Giấy khen', 'Cờ thi đua', 'Chiến sĩ thi đua cơ sở']),
    );
    // A dropdown item with a comma would be split in two in an .xlsx list.
    for (const name of REGISTER_FORM_CHOICES) expect(name).not.toContain(',');
    expect(new Set(AWARD_FORMS.map((f) => f.name)).size).toBe(AWARD_FORMS.length);
  });
});

describe('a title of the other recipient type', () => {
  it('is described in Vietnamese, naming the other cell of the pair', () => {
    expect(recipientMisfit('Chiến sĩ thi đua cơ sở', 'collective', 'A5')).toBe(
      'danh hiệu thi đua hoặc hình thức khen thưởng tặng cho tập thể ("Chiến sĩ thi đua cơ sở" ' +
        'là danh hiệu thi đua của cá nhân; sửa ô này hoặc ô A5)',
    );
    expect(recipientMisfit('Cờ thi đua', 'individual', 'A5')).toContain(
      '"Cờ thi đua" là danh hiệu thi đua của tập thể',
    );
    expect(recipientMisfit('Bằng khen', 'collective', 'A5')).toBeUndefined();
    expect(recipientMisfit('Chiến sĩ thi đua cơ sở', 'individual', 'A5')).toBeUndefined();
    expect(recipientMisfit('Giải thưởng sáng tạo', 'collective', 'A5')).toBeUndefined();
  });

  it('leaves the row out of the register as an error at the form cell, kept as typed', () => {
    const read = readAwards([
      HEADER,
      line({ ...COLLECTIVE, form: 'Chiến sĩ thi đua cơ sở' }),
      line({ ...PERSON, form: 'Cờ thi đua' }),
      line({ ...PERSON, form: 'Chiến sĩ thi đua cơ sở' }),
      line({ ...COLLECTIVE, form: 'Tập thể lao động xuất sắc' }),
    ]);
    expect(read.value.map((r) => r.row)).toEqual([4, 5]);
    expect(read.invalid.map((r) => [r.row, r.form])).toEqual([
      [2, 'Chiến sĩ thi đua cơ sở'],
      [3, 'Cờ thi đua'],
    ]);
    expect(read.findings.map((f) => [f.cell, f.code, f.severity])).toEqual([
      ['E2', 'invalid-value', 'error'],
      ['E3', 'invalid-value', 'error'],
    ]);
    expect(read.findings[0]?.message).toBe(
      'Trang "Khen thưởng", ô E2: giá trị "Chiến sĩ thi đua cơ sở" không hợp lệ; cần danh hiệu ' +
        'thi đua hoặc hình thức khen thưởng tặng cho tập thể ("Chiến sĩ thi đua cơ sở" là danh ' +
        'hiệu thi đua của cá nhân; sửa ô này hoặc ô A2).',
    );
    // "Kiểm tra dữ liệu" lists it with the same words.
    const checked = validateWorkbook({
      [SHEET_NAMES.awards]: [HEADER, line({ ...PERSON, form: 'Cờ thi đua' })],
    });
    expect(checked.map((f) => f.message)).toContainEqual(
      expect.stringContaining('ô E2: giá trị "Cờ thi đua" không hợp lệ'),
    );
  });

  it('is flagged at once where it was typed: the form, or the recipient type changed under it', () => {
    const row = line({ ...PERSON, form: 'Chiến sĩ thi đua cơ sở' });
    const input = { sheet: SHEET_NAMES.awards, headerRows: [HEADER] };
    // The officer picks the individual's title on a collective's row.
    const collectiveRow = line({ ...COLLECTIVE, form: 'Chiến sĩ thi đua cơ sở' });
    const typedForm = checkEdit({
      ...input,
      row: 7,
      column: col('form') + 1,
      values: [['Chiến sĩ thi đua cơ sở']],
      rows: [collectiveRow],
    });
    expect(typedForm.findings.map((f) => [f.cell, f.severity])).toEqual([['E7', 'error']]);
    expect(typedForm.findings[0]?.message).toContain('sửa ô này hoặc ô A7');
    // The officer turns an individual's row holding that title into a collective's.
    const typedType = checkEdit({
      ...input,
      row: 7,
      column: 1,
      values: [['Tập thể']],
      rows: [row.map((v, i) => (i === 0 ? 'Tập thể' : v))],
    });
    expect(typedType.findings.map((f) => [f.cell, f.code])).toEqual([['A7', 'invalid-value']]);
    expect(typedType.findings[0]?.message).toContain('ô A7: giá trị "Tập thể" không hợp lệ');
    expect(typedType.findings[0]?.message).toContain('sửa ô này hoặc ô E7');
    // A fitting row is clean either way.
    const fine = checkEdit({ ...input, row: 7, column: 1, values: [['Cá nhân']], rows: [row] });
    expect(fine.findings).toEqual([]);
  });
});

describe("Đơn vị's Danh hiệu đăng ký", () => {
  it('is a warning, the value kept, when it is a form of commendation or a person’s title', () => {
    expect(registeredTitleMisfit('Cờ thi đua')).toBeUndefined();
    expect(registeredTitleMisfit('Tập thể lao động xuất sắc')).toBeUndefined();
    expect(registeredTitleMisfit('Cờ thi đua của Ủy ban MTTQ Việt Nam thành phố')).toBeUndefined();
    expect(registeredTitleMisfit('Bằng khen')).toContain(
      '"Bằng khen" là hình thức khen thưởng, không phải danh hiệu thi đua',
    );
    expect(registeredTitleMisfit('Lao động tiên tiến')).toContain(
      '"Lao động tiên tiến" là danh hiệu thi đua của cá nhân',
    );
    const unitRow = (title: string): unknown[] => {
      const row = [...(SAMPLE_UNIT_ROWS[1] ?? [])];
      row[UNITS_LAYOUT.columns.findIndex((c) => c.key === 'registeredTitle')] = title;
      return row;
    };
    const read = readUnits([headerValues(UNITS_LAYOUT), unitRow('Bằng khen')]);
    expect(read.value[0]?.registeredTitle).toBe('Bằng khen');
    expect(read.findings.map((f) => [f.cell, f.severity])).toEqual([['H2', 'warning']]);
    expect(read.findings[0]?.message).toMatch(/^Trang "Đơn vị", ô H2: giá trị "Bằng khen"/);
    // The same words when the cell is typed.
    const typed = checkEdit({
      sheet: SHEET_NAMES.units,
      row: 3,
      column: 8,
      values: [['Chiến sĩ thi đua cơ sở']],
      headerRows: [headerValues(UNITS_LAYOUT)],
    });
    expect(typed.findings.map((f) => [f.cell, f.severity])).toEqual([['H3', 'warning']]);
    // The sample cluster registers collective titles only.
    const sample = readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]);
    expect(sample.findings).toEqual([]);
  });
});
