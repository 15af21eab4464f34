import { headerValues } from '../../../src/core/layout/columns';
import { REGISTRATION_LAYOUT } from '../../../src/core/layout/registrationTables';
import { checkRegistrationEdit } from '../../../src/core/registration/editRegistration';
import { checkEdit, editNeeds } from '../../../src/core/edit/editCheck';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';

const HEADER = headerValues(REGISTRATION_LAYOUT);

describe('checkRegistrationEdit', () => {
  it('gives one verdict per edited cell, marking only the cells the reader faults', () => {
    const rows = [
      ['HK', 'Hoàn Kiếm', '', 'Phạm Thu Trang', '', 'Cờ thi đua', ''],
      ['HK', 'Hoàn Kiếm', '', 'Vũ Minh Đức', '', 'Lao động tiên tiến', ''],
    ];
    const verdicts = checkRegistrationEdit({
      row: 20,
      column: 4,
      values: rows.map((r) => r.slice(3, 6)),
      headerRow: HEADER,
      rows,
      units: [{ code: 'HK' }],
    });
    expect(verdicts.map((v) => [v.cell, v.ok])).toEqual([
      ['D20', true],
      ['E20', true],
      ['F20', false],
      ['D21', true],
      ['E21', true],
      ['F21', true],
    ]);
    expect(verdicts[2]?.finding?.message).toContain('Trang "Đăng ký thi đua", ô F20');
  });

  it('judges titles without Đơn vị, and a code only against Đơn vị', () => {
    const row = ['XX', '', 'Lao động tiên tiến', '', '', '', ''];
    const without = checkRegistrationEdit({ row: 5, column: 1, values: [row], rows: [row] });
    expect(without.filter((v) => !v.ok).map((v) => v.cell)).toEqual(['C5']);
    const withUnits = checkRegistrationEdit({
      row: 5,
      column: 1,
      values: [row],
      rows: [row],
      units: [{ code: 'HK' }],
    });
    expect(withUnits.filter((v) => !v.ok).map((v) => v.cell)).toEqual(['A5']);
  });

  it('is what the onEdit check runs for the sheet, with Đơn vị and the full rows read', () => {
    expect(editNeeds(SHEET_NAMES.registration, 6)).toEqual({
      settings: false,
      units: true,
      criteria: false,
      headerRows: 1,
      fullRows: true,
    });
    const row = ['HK', 'Hoàn Kiếm', 'Bằng khen', '', '', '', ''];
    const check = checkEdit({
      sheet: SHEET_NAMES.registration,
      row: 3,
      column: 3,
      values: [['Bằng khen']],
      headerRows: [HEADER],
      rows: [row],
      unitsGrid: [
        ['Mã đơn vị', 'Tên đơn vị'],
        ['HK', 'Hoàn Kiếm'],
      ],
    });
    expect(check.findings.map((f) => [f.cell, f.severity])).toEqual([['C3', 'warning']]);
  });
});
