/**
 * Conformance tests of Sheet.getRangeList and RangeList.clearContent, the one call that empties
 * scattered cells («Tạo năm mới» empties the year's Cấu hình rows with it).
 */
import { as } from './sheetsFixture';
import { HostRuntime } from '../../local/host/runtime';
import { createSpreadsheetHost } from '../../local/host/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const BADINH = 'badinh@gmail.com';
const HOANKIEM = 'hoankiem@yahoo.com';

function setup() {
  const rt = new HostRuntime();
  const host = createSpreadsheetHost(rt, { getUi: () => null, editors: [BADINH, HOANKIEM] });
  const app = host.SpreadsheetApp as unknown as App;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Cấu hình');
  sheet.getRange('A1:B4').setValues([
    ['Năm thi đua', 2022],
    ['Số giao ước', '05/GƯTĐ-CTĐ1'],
    ['Liên kết', 'https://docs.google.com/document/d/x'],
    ['Ghi chú', 'giữ'],
  ]);
  sheet.getRange('B2').setBackground('#ffff00');
  return { rt, sheet, model: host.model };
}

describe('RangeList', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)
  // "…the ranges in the same sheet specified by a non-empty list of A1 notations".
  it('is made from a non-empty list of A1 notations of this sheet, and refuses anything else', () => {
    const { sheet } = setup();
    const list = sheet.getRangeList(['B2', 'B3:B3']);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['B2', 'B3']);
    expect(() => sheet.getRangeList([])).toThrow();
    expect(() => sheet.getRangeList(['Trang khác!A1'])).toThrow();
    expect(() => sheet.getRangeList(['không phải ô'])).toThrow();
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range-list#clearContent()
  // "Clears the content of each Range in the range list, leaving the formatting intact."
  it('empties each range, keeps formats and every other cell', () => {
    const { rt, sheet, model } = setup();
    as(rt, BADINH, () => sheet.getRangeList(['B2', 'B3']).clearContent());
    expect(model.valueAt("'Cấu hình'!B2")).toBe('');
    expect(model.valueAt("'Cấu hình'!B3")).toBe('');
    expect(model.valueAt("'Cấu hình'!B1")).toBe(2022);
    expect(model.valueAt("'Cấu hình'!B4")).toBe('giữ');
    expect(sheet.getRange('B2').getBackground()).toBe('#ffff00');
  });

  // The reference is silent on a protected range inside the list. Stricter reading: the call
  // throws Range.clearContent's protected-cell error and clears none of the ranges.
  it('refuses a user who may not edit one of the ranges, and clears none', () => {
    const { rt, sheet, model } = setup();
    const p = sheet.getRange('B3').protect();
    p.removeEditors(p.getEditors());
    p.addEditor(BADINH);
    expect(() => as(rt, HOANKIEM, () => sheet.getRangeList(['B2', 'B3']).clearContent())).toThrow(
      'protected cell',
    );
    expect(model.valueAt("'Cấu hình'!B2")).toBe('05/GƯTĐ-CTĐ1');
    expect(model.valueAt("'Cấu hình'!B3")).toBe('https://docs.google.com/document/d/x');
  });
});
