import { headerValues } from '../../../src/core/layout/columns';
import { REGISTRATION_LAYOUT } from '../../../src/core/layout/registrationTables';
import { UNITS_LAYOUT } from '../../../src/core/layout/tables';
import {
  individualTitleMisfit,
  oldColumnConflicts,
  readRegistration,
  withRegisteredTitles,
} from '../../../src/core/registration/readRegistration';
import type { Unit } from '../../../src/core/model/unit';

const HEADER = headerValues(REGISTRATION_LAYOUT);
const unit = (code: string, registeredTitle = ''): Unit => ({
  code,
  name: `Đơn vị ${code}`,
  type: '',
  role: 'member',
  headName: '',
  headTitle: '',
  email: '',
  registeredTitle,
  fullName: '',
});
const UNITS = [unit('BD', 'Cờ thi đua'), unit('HM'), unit('HK')];
/** [code, name, collective title, person, position, individual title, note] */
const row = (...cells: string[]): string[] => [...cells, ...new Array(7 - cells.length).fill('')];

describe('readRegistration', () => {
  it('reads each unit’s collective title and its people with their titles', () => {
    const read = readRegistration(
      [
        HEADER,
        row(
          'BD',
          'Ba Đình',
          'Tập thể lao động xuất sắc',
          'Nguyễn Văn An',
          'Chủ tịch',
          'Chiến sĩ thi đua cơ sở',
        ),
        row('BD', 'Ba Đình', '', 'Lê Thị Hoa', '', 'Lao động tiên tiến'),
        row('BD', 'Ba Đình'),
        row('hm', 'Hoàng Mai', '', 'Trần Văn Bình'),
      ],
      UNITS,
    );
    expect(read.findings).toEqual([]);
    expect([...read.collectives.values()]).toEqual([
      { unitCode: 'BD', title: 'Tập thể lao động xuất sắc', cell: 'C2' },
    ]);
    expect(read.individuals.map((p) => [p.unitCode, p.name, p.position, p.title, p.row])).toEqual([
      ['BD', 'Nguyễn Văn An', 'Chủ tịch', 'Chiến sĩ thi đua cơ sở', 2],
      ['BD', 'Lê Thị Hoa', '', 'Lao động tiên tiến', 3],
      // The code as Đơn vị spells it, whatever its case on the sheet.
      ['HM', 'Trần Văn Bình', '', '', 5],
    ]);
  });

  it('names the cell of every misfit, unknown unit, duplicate person and missing name', () => {
    const read = readRegistration(
      [
        HEADER,
        row('BD', 'Ba Đình', 'Lao động tiên tiến', 'Nguyễn Văn An', '', 'Cờ thi đua'),
        row('BD', 'Ba Đình', 'Cờ thi đua', 'nguyễn văn  an', '', 'Lao động tiên tiến'),
        row('HM', 'Hoàng Mai', '', 'Phạm Thu', '', 'Bằng khen'),
        row('HM', 'Hoàng Mai', '', '', 'Phó Chủ tịch', 'Lao động tiên tiến'),
        row('XX', 'Đã bỏ', 'Cờ thi đua', 'Đỗ Minh'),
        row('HK', 'Hoàn Kiếm', 'Cờ thi đua', 'Nguyễn Văn An', '', 'Lao động tiên tiến'),
      ],
      UNITS,
    );
    const by = read.findings.map((f) => [f.cell, f.code, f.severity]);
    expect(by).toEqual([
      ['C2', 'invalid-value', 'warning'], // a person's title in the collective column
      ['F2', 'invalid-value', 'warning'], // a collective's title in the individual column
      ['C3', 'invalid-value', 'error'], // a second, different collective title for BD
      ['D3', 'invalid-value', 'error'], // the same person twice in BD
      ['F4', 'invalid-value', 'warning'], // a form of commendation is not an emulation title
      ['D5', 'required-missing', 'error'],
      ['A6', 'unknown-unit', 'error'],
    ]);
    expect(read.findings[0]?.message).toContain('Trang "Đăng ký thi đua", ô C2');
    expect(read.findings[1]?.message).toContain('"Cờ thi đua" là danh hiệu thi đua của tập thể');
    expect(read.findings[3]?.message).toContain('đã có ở ô D2');
    expect(read.findings[6]?.message).toContain('"XX"');
    // The misfit collective title is kept as typed (the pledge prints it); a misfit individual
    // title is not proposed; the same name in another unit is another person.
    expect(read.collectives.get('BD')?.title).toBe('Lao động tiên tiến');
    expect(read.individuals.map((p) => [p.unitCode, p.name])).toEqual([['HK', 'Nguyễn Văn An']]);
  });

  it('judges individual titles by the catalogue, leaving unknown names alone', () => {
    expect(individualTitleMisfit('Chiến sỹ thi đua cơ sở', 'D2')).toBeUndefined();
    expect(individualTitleMisfit('Chiến sĩ thi đua thành phố', 'D2')).toBeUndefined();
    expect(individualTitleMisfit('Danh hiệu riêng của ngành', 'D2')).toBeUndefined();
    expect(individualTitleMisfit('Giấy khen', 'D2')).toContain('hình thức khen thưởng');
    expect(individualTitleMisfit('Tập thể lao động tiên tiến', 'D2')).toContain('tập thể');
  });

  it('takes the registration’s collective title over Đơn vị’s old column, which stays the fallback', () => {
    const read = readRegistration(
      [HEADER, row('HM', 'Hoàng Mai', 'Tập thể lao động tiên tiến')],
      UNITS,
    );
    const merged = withRegisteredTitles(UNITS, read);
    expect(merged.map((u) => u.registeredTitle)).toEqual([
      'Cờ thi đua',
      'Tập thể lao động tiên tiến',
      '',
    ]);
    expect(withRegisteredTitles(UNITS, undefined)).toEqual(UNITS);
  });

  it('warns at Đơn vị’s old column where it says something else than the registration', () => {
    const read = readRegistration(
      [
        HEADER,
        row('BD', 'Ba Đình', 'Cờ thi đua'),
        row('HM', 'Hoàng Mai', 'Tập thể lao động tiên tiến'),
      ],
      UNITS,
    );
    const title = UNITS_LAYOUT.columns.findIndex((c) => c.key === 'registeredTitle');
    const unitRow = (code: string, registered: string): string[] => {
      const line = UNITS_LAYOUT.columns.map(() => '');
      line[0] = code;
      line[1] = code;
      line[title] = registered;
      return line;
    };
    const units = [
      UNITS_LAYOUT.columns.map((c) => c.header),
      unitRow('BD', 'cờ thi  đua'),
      unitRow('HM', 'Tập thể lao động xuất sắc'),
      unitRow('HK', 'Cờ thi đua'),
    ];
    const found = oldColumnConflicts(units, read);
    expect(found.map((f) => [f.sheet, f.cell, f.severity])).toEqual([['Đơn vị', 'H3', 'warning']]);
    expect(found[0]?.message).toContain('ô C3 ("Tập thể lao động tiên tiến")');
  });
});
