/**
 * Round trip of a workbook through .xlsx (exceljs): what the demo saves, a person can open, and
 * what a test loads behaves like the original.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HostRuntime } from '../../local/host/runtime';
import { createSpreadsheetHost } from '../../local/host/spreadsheet';
import { loadXlsx, saveXlsx } from '../../local/host/spreadsheet/xlsx';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

// The file is created by a vi_VN user, as the product's set-up leaves it: a spreadsheet's locale
// and time zone are the file's, its creator's by default (https://support.google.com/docs/answer/58515).
const VI_FILE = { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' } as const;

describe('xlsx round trip', () => {
  it('keeps values, formats, notes, fills, validations, frozen rows, protection and names', async () => {
    const rt = new HostRuntime();
    const host = createSpreadsheetHost(rt, { getUi: () => null, name: 'Cụm 1', ...VI_FILE });
    const app = host.SpreadsheetApp as unknown as App;
    const ss = app.getActiveSpreadsheet();
    const sheet = ss.insertSheet('Tự chấm');
    sheet.getRange('A1:D1').setValues([['Đơn vị', 'Tiêu chí 1', 'Ngày', 'Ghi chú']]);
    sheet.getRange('A1:D1').setFontWeight('bold').setBackground('#d9ead3');
    sheet.getRange('A2:D3').setValues([
      ['Ba Đình', 9.5, new Date('2026-01-15T00:00:00+07:00'), "'=không phải công thức"],
      ['Hoàn Kiếm', 8, '', '=HYPERLINK("https://x.test","Mở")'],
    ]);
    sheet.getRange('B2:B3').setNumberFormat('0.0');
    sheet.getRange('C2').setNumberFormat('dd/MM/yyyy');
    sheet.getRange('B2').setNote('Thiếu minh chứng');
    sheet
      .getRange('B2:B3')
      .setDataValidation(
        app
          .newDataValidation()
          .requireNumberBetween(0, 10)
          .setAllowInvalid(false)
          .setHelpText('0-10')
          .build(),
      );
    sheet
      .getRange('E2:E3')
      .setDataValidation(app.newDataValidation().requireValueInList(['Đạt', 'Không đạt']).build());
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 210);
    const p = sheet.protect();
    p.setUnprotectedRanges([sheet.getRange('B2:B3')]);
    ss.setNamedRange('DiemTuCham', sheet.getRange('B2:B3'));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-xlsx-'));
    const file = path.join(dir, 'cum1.xlsx');
    await saveXlsx(host.model, file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    // An .xlsx carries no locale or time zone: the importing vi_VN user's file gives them.
    const loaded = await loadXlsx(rt, file, VI_FILE);
    expect(loaded.sheets.map((s) => s.name)).toEqual(['Trang tính1', 'Tự chấm']);
    const at = (a1: string): string => `'Tự chấm'!${a1}`;
    expect(loaded.valuesAt(at('A1:D2'))).toEqual([
      ['Đơn vị', 'Tiêu chí 1', 'Ngày', 'Ghi chú'],
      ['Ba Đình', 9.5, new Date('2026-01-15T00:00:00+07:00'), '=không phải công thức'],
    ]);
    expect(loaded.displaysAt(at('B2:C2'))).toEqual([['9,5', '15/01/2026']]);
    expect(loaded.cellAt(at('D3'))?.f).toBe('=HYPERLINK("https://x.test","Mở")');
    expect(loaded.valueAt(at('D3'))).toBe('Mở');
    expect(loaded.cellAt(at('A1'))).toMatchObject({ fw: 'bold', bg: '#d9ead3' });
    expect(loaded.cellAt(at('B2'))).toMatchObject({
      note: 'Thiếu minh chứng',
      fmt: '0.0',
      dv: { criteria: 'NUMBER_BETWEEN', args: [0, 10], allowInvalid: false, helpText: '0-10' },
    });
    expect(loaded.cellAt(at('E2'))?.dv).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      args: [['Đạt', 'Không đạt'], true],
      allowInvalid: true,
    });
    const t = loaded.sheet('Tự chấm');
    expect([t?.frozenRows, t?.columnWidths.get(1)]).toEqual([1, 210]);
    expect(loaded.protections).toHaveLength(1);
    expect(loaded.protectionsAt(at('A2'))).toHaveLength(1);
    expect(loaded.protectionsAt(at('B2'))).toHaveLength(0);
    expect(SpreadsheetA1(loaded.namedRange('DiemTuCham'))).toBe('B2:B3');

    // The loaded model drives a new host like the original.
    const again = createSpreadsheetHost(rt, { getUi: () => null, model: loaded });
    const app2 = again.SpreadsheetApp as unknown as App;
    expect(app2.getActiveSpreadsheet().getRangeByName('DiemTuCham')?.getValues()).toEqual([
      [9.5],
      [8],
    ]);
    expect(again.model.userEdit('owner@thidua.test', at('B2'), '11')).toMatchObject({
      accepted: false,
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

function SpreadsheetA1(
  n: { range: { row: number; col: number; numRows: number; numCols: number } } | undefined,
): string {
  if (!n) return '';
  const { row, col, numRows, numCols } = n.range;
  const letter = (c: number): string => String.fromCharCode(64 + c);
  return `${letter(col)}${row}:${letter(col + numCols - 1)}${row + numRows - 1}`;
}
