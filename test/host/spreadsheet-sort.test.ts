/**
 * Conformance of Range.sort with Google's reference
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj): a column
 * number, {column, ascending}, or an array of those; column numbers are the sheet's. The order of
 * mixed types and blanks is the host's stated assumption (see FakeRange.sort).
 */
import { SORT_COLUMN_OUTSIDE } from '../../local/host/spreadsheet/range';
import { as, sheetsHost } from './sheetsFixture';

const OWNER = 'owner@thidua.test';
const MEMBER = 'hoankiem@thidua.test';

function filled() {
  const h = sheetsHost({ editors: [MEMBER], locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' });
  as(h.rt, OWNER, () => {
    h.sheet.getRange(1, 1, 6, 4).setValues([
      ['Mã', 'Điểm', 'Loại', 'ngoài'],
      ['HK', 18, 'b', 'x1'],
      ['BD', 19.5, 'a', 'x2'],
      ['LB', '', 'a', 'x3'],
      ['HM', 17, 'c', 'x4'],
      ['DD', 19.5, 'b', 'x5'],
    ]);
    h.sheet.getRange('B3').setNote('ghi chú của BD');
    h.sheet.getRange('B3').setNumberFormat('0.00');
  });
  return h;
}

const values = (h: ReturnType<typeof filled>, a1: string): unknown[][] =>
  as(h.rt, OWNER, () => h.sheet.getRange(a1).getValues());

describe('Range.sort', () => {
  it('sorts by a column number of the sheet, ascending, blanks last, cells outside untouched', () => {
    const h = filled();
    const r = as(h.rt, OWNER, () => h.sheet.getRange('A2:C6').sort(2));
    expect(r.getA1Notation()).toBe('A2:C6');
    expect(values(h, 'A2:B6')).toEqual([
      ['HM', 17],
      ['HK', 18],
      ['BD', 19.5],
      ['DD', 19.5],
      ['LB', ''],
    ]);
    // Column D is outside the range and keeps its order.
    expect(values(h, 'D2:D6').map((x) => x[0])).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
    expect(values(h, 'A1:D1')[0]).toEqual(['Mã', 'Điểm', 'Loại', 'ngoài']);
  });

  it('moves whole cells: note and number format travel with the row', () => {
    const h = filled();
    as(h.rt, OWNER, () => h.sheet.getRange('A2:C6').sort({ column: 2, ascending: false }));
    expect(values(h, 'A2:A3').map((x) => x[0])).toEqual(['BD', 'DD']);
    as(h.rt, OWNER, () => {
      expect(h.sheet.getRange('B2').getNote()).toBe('ghi chú của BD');
      expect(h.sheet.getRange('B2').getNumberFormat()).toBe('0.00');
      expect(h.sheet.getRange('B3').getNote()).toBe('');
    });
    // Descending still puts the blank last.
    expect(values(h, 'A6:B6')[0]).toEqual(['LB', '']);
  });

  it('an array of specs: later ones break ties; a bare number means ascending', () => {
    const h = filled();
    as(h.rt, OWNER, () => h.sheet.getRange('A2:C6').sort([{ column: 3, ascending: true }, 1]));
    expect(values(h, 'A2:A6').map((x) => x[0])).toEqual(['BD', 'LB', 'DD', 'HK', 'HM']);
  });

  it('refuses a column outside the range, and a protected range for a non-editor', () => {
    const h = filled();
    expect(() => as(h.rt, OWNER, () => h.sheet.getRange('B2:C6').sort(1))).toThrow(
      SORT_COLUMN_OUTSIDE,
    );
    as(h.rt, OWNER, () => h.sheet.getRange('A1:C6').protect().removeEditor(MEMBER));
    expect(() => as(h.rt, MEMBER, () => h.sheet.getRange('A2:C6').sort(1))).toThrow();
    expect(values(h, 'A2:A6').map((x) => x[0])).toEqual(['HK', 'BD', 'LB', 'HM', 'DD']);
  });
});
