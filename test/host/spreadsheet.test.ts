/**
 * Conformance tests of the Sheets fakes: ranges, A1 notation, values, display values, typed
 * input, dimension errors, counters. Each test cites the reference page it follows.
 */
import * as vm from 'node:vm';
import { HostRuntime } from '../../local/host/runtime';
import { createSpreadsheetHost, parseA1 } from '../../local/host/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

// The file is created by a vi_VN user, as the product's set-up leaves it: a spreadsheet's locale
// and time zone are the file's, its creator's by default (https://support.google.com/docs/answer/58515).
const VI_FILE = { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' } as const;

function setup(options: { locale?: string } = {}) {
  const rt = new HostRuntime();
  const host = createSpreadsheetHost(rt, { getUi: () => ({ ui: true }), ...VI_FILE, ...options });
  const app = host.SpreadsheetApp as unknown as App;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  return { rt, host, app, ss, sheet, model: host.model };
}

describe('Sheet.getRange and A1 notation', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
  it('supports the four overloads with 1-based coordinates', () => {
    const { sheet } = setup();
    expect(sheet.getRange(3, 2).getA1Notation()).toBe('B3');
    expect(sheet.getRange(3, 2, 4).getA1Notation()).toBe('B3:B6');
    const r = sheet.getRange(5, 3, 20, 8);
    expect(r.getA1Notation()).toBe('C5:J24');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([5, 3, 20, 8]);
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([24, 10]);
    expect(sheet.getRange('c5').getA1Notation()).toBe('C5');
    expect(sheet.getRange('A1:H20').getNumColumns()).toBe(8);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
  it('reads whole columns and rows', () => {
    const { sheet } = setup();
    const col = sheet.getRange('A:A');
    expect([col.getRow(), col.getNumRows(), col.getNumColumns()]).toEqual([1, 1000, 1]);
    expect(col.getA1Notation()).toBe('A:A');
    const row = sheet.getRange('2:2');
    expect([row.getRow(), row.getNumRows(), row.getNumColumns()]).toEqual([2, 1, 26]);
    expect(row.getA1Notation()).toBe('2:2');
    expect(sheet.getRange('B2:C').getNumRows()).toBe(999);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getRange(String)
  it('resolves quoted sheet names on Spreadsheet.getRange', () => {
    const { ss } = setup();
    ss.insertSheet('Tự chấm');
    ss.insertSheet("It's");
    const r = ss.getRange("'Tự chấm'!C5:J24");
    expect(r.getSheet().getName()).toBe('Tự chấm');
    expect(r.getA1Notation()).toBe('C5:J24');
    expect(ss.getRange("'It''s'!A1").getSheet().getName()).toBe("It's");
    expect(() => ss.getRange("'Không có'!A1")).toThrow('Range not found');
    expect(() => ss.getRange('A1:B2:C3')).toThrow('Range not found');
    expect(parseA1('$A$1:$B$2')).toMatchObject({ startRow: 1, startCol: 1, endRow: 2, endCol: 2 });
  });

  // Messages as Apps Script reports them (commonly quoted in issue threads, e.g.
  // github.com/Elijas/auto-youtube-subscription-playlist-2/issues/99).
  it('throws Apps Script messages for bad coordinates', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRange('A1001')).toThrow('outside the dimensions of the sheet');
    const bad = sheet.getRange as unknown as (a: unknown, b: unknown) => unknown;
    expect(() => bad.call(sheet, 1, undefined)).toThrow(
      /The parameters \(number,null\) don't match the method signature for SpreadsheetApp.Sheet.getRange/,
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#offset(Integer,Integer,Integer,Integer)
  it('offsets and takes cells relative to the range', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, 0, 1).getA1Notation()).toBe('B2:C2');
    expect(r.offset(0, 0, 5, 5).getA1Notation()).toBe('B2:F6');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
    expect(() => r.getCell(3, 1)).toThrow('Cell reference out of range');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange()
  it('reports 0 for an empty sheet and A1 as its data range', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C7').setValue('x');
    sheet.getRange('E2').setNote('a note is not content');
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
  });
});

describe('values', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  it('returns number, string, boolean, Date and empty strings', () => {
    const { sheet, rt } = setup();
    const when = new Date('2026-01-15T08:30:00+07:00');
    sheet.getRange('A1:E1').setValues([[9.5, 'Ba Đình', true, when, null]]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row).toEqual([9.5, 'Ba Đình', true, when, '', '']);
    expect(typeof row?.[0]).toBe('number');
    expect(sheet.getRange('D1').getValue()).toBeInstanceOf(Date);
    expect((sheet.getRange('D1').getValue() as Date).getTime()).toBe(when.getTime());
    expect(sheet.getRange('Z1000').getValue()).toBe('');
    expect(rt.calls.get('Range.getValues')).toBe(1);
  });

  // Dates cross into the script's own realm (DESIGN.md §4; instanceof fails across node:vm).
  it('builds Dates in the script realm', () => {
    const { sheet, rt } = setup();
    const realm = vm.runInNewContext('({ Date, Error })') as {
      Date: DateConstructor;
      Error: ErrorConstructor;
    };
    rt.realm = realm;
    sheet.getRange('A1').setValue(new realm.Date(Date.UTC(2026, 0, 15)));
    const v = sheet.getRange('A1').getValue() as Date;
    expect(v instanceof Date).toBe(false);
    expect(v instanceof realm.Date).toBe(true);
    let caught: unknown;
    try {
      sheet.getRange(0, 1);
    } catch (e) {
      caught = e;
    }
    expect(caught instanceof realm.Error).toBe(true);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  it('throws on wrong dimensions with Apps Script messages', () => {
    const { sheet, model } = setup();
    const r = sheet.getRange('A1:C2');
    expect(() => r.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      r.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => sheet.getRange('A1').setNotes([['a', 'b']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 1.',
    );
    expect(() => (r.setValues as (v: unknown) => unknown)('x')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(model.cellAt('A1')).toBeUndefined();
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  it('sets every cell of a multi-cell range with setValue', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(0);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('typed input (strings are parsed like text typed into the cell)', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  // ("Sets the value of the range... If it begins with '=' it is interpreted as a formula")
  // and Sheets help "Format numbers" (apostrophe keeps text, plain text format "@").
  it('parses numbers with the vi_VN decimal comma, percentages, booleans and dates', () => {
    const { sheet, model } = setup();
    sheet
      .getRange('A1:H1')
      .setValues([['9,5', '1.234', '12,5%', 'true', '15/01/2026', '9.5', ' 7 ', '00123']]);
    const [row] = sheet.getRange('A1:H1').getValues();
    expect(row?.slice(0, 4)).toEqual([9.5, 1234, 0.125, true]);
    expect(row?.[4]).toBeInstanceOf(Date);
    expect((row?.[4] as Date).toISOString()).toBe('2026-01-14T17:00:00.000Z');
    expect(row?.[5]).toBe('9.5'); // "." is the vi_VN thousands separator, so this stays text
    expect(row?.[6]).toBe(7);
    expect(row?.[7]).toBe(123);
    expect(model.cellAt('B1')?.fmt).toBe('#,##0');
    expect(model.cellAt('E1')?.fmt).toBe('dd/MM/yyyy');
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['9,5', '1.234', '12,50%', 'TRUE', '15/01/2026'],
    ]);
  });

  it('reads "9/10" as a date in the current year (the classic score-entry trap)', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('9/10');
    const v = sheet.getRange('A1').getValue() as Date;
    expect(v).toBeInstanceOf(Date);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('09/10/2026');
  });

  it('keeps text after an apostrophe and in plain-text cells', () => {
    const { sheet, model } = setup();
    sheet.getRange('A1').setValue("'0123");
    sheet.getRange('B1:B2').setNumberFormat('@');
    sheet.getRange('B1:B2').setValues([['9,5'], ['=SUM(A1)']]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['0123', '9,5'],
      ['', '=SUM(A1)'],
    ]);
    expect(model.cellAt('B2')?.f).toBeUndefined();
  });

  it('turns "=" (and a non-numeric "+"/"-") into a formula that tests can detect', () => {
    const { sheet, model } = setup();
    sheet.getRange('A1:D1').setValues([['=A2*2', '+84 912 345 678', '- ghi chú', '-5']]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([
      ['=A2*2', '=+84 912 345 678', '=- ghi chú', ''],
    ]);
    // Formulas are not evaluated: they read as the documented "#NAME?" marker.
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['#NAME?', '#NAME?', '#NAME?', -5]]);
    expect(model.cellAt('A1')?.f).toBe('=A2*2');
    sheet.getRange('E1').setFormula('=HYPERLINK("https://x.test","Mở")');
    expect(sheet.getRange('E1').getValue()).toBe('Mở');
  });

  it('parses en_US input with a decimal point', () => {
    const { sheet } = setup({ locale: 'en_US' });
    sheet.getRange('A1:C1').setValues([['9.5', '1,234', '1/2/2026']]);
    const [row] = sheet.getRange('A1:C1').getValues();
    expect(row?.slice(0, 2)).toEqual([9.5, 1234]);
    expect(sheet.getRange('C1').getDisplayValue()).toBe('1/2/2026');
    expect((row?.[2] as Date).getUTCMonth()).toBe(0);
  });
});

describe('display values and number formats', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
  // (formatting follows the spreadsheet locale: sheets/api ValueRenderOption.FORMATTED_VALUE)
  it('renders the supported formats in vi_VN', () => {
    const { sheet } = setup();
    const formats = ['0', '0.0', '0.00', '#,##0', '#,##0.00', '0%', '0.0%', '@', 'General'];
    const r = sheet.getRange(1, 1, 1, formats.length);
    r.setValues([[9.46, 9.46, 9.456, 1234567.8, 1234.5, 0.125, 0.125, 42, 1234.5]]);
    r.setNumberFormats([formats]);
    expect(r.getDisplayValues()).toEqual([
      ['9', '9,5', '9,46', '1.234.568', '1.234,50', '13%', '12,5%', '42', '1234,5'],
    ]);
    expect(r.getNumberFormats()).toEqual([formats]);
    expect(sheet.getRange('Z1').getNumberFormat()).toBe('General');
  });

  it('renders dates with dd/MM/yyyy, dd/mm/yyyy, yyyy-mm-dd and date-time patterns', () => {
    const { sheet } = setup();
    const d = new Date('2026-03-05T14:07:09+07:00');
    const r = sheet.getRange('A1:D1');
    r.setValues([[d, d, d, d]]);
    r.setNumberFormats([['dd/MM/yyyy', 'dd/mm/yyyy', 'yyyy-mm-dd', 'dd/MM/yyyy HH:mm:ss']]);
    expect(r.getDisplayValues()).toEqual([
      ['05/03/2026', '05/03/2026', '2026-03-05', '05/03/2026 14:07:09'],
    ]);
    // A number format that is not a date makes getValues() return the serial number.
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(typeof sheet.getRange('A1').getValue()).toBe('number');
  });

  it('renders General numbers with up to 10 significant digits', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1 / 3, -2.5, 12345678901]]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([
      ['0,3333333333', '-2,5', '12345678901'],
    ]);
  });
});

describe('formats, notes and colours', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setBackground(String)
  it('sets and resets backgrounds; null resets to white', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setBackgrounds([['#FFF2CC', 'red']]);
    expect(r.getBackgrounds()).toEqual([['#fff2cc', '#ff0000']]);
    r.setBackground(null);
    expect(r.getBackground()).toBe('#ffffff');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setNotes(Object)
  it('sets, reads and clears notes', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setNotes([['Thiếu minh chứng', null]]);
    expect(r.getNotes()).toEqual([['Thiếu minh chứng', '']]);
    expect(sheet.getRange('A1').getNote()).toBe('Thiếu minh chứng');
    r.clearNote();
    expect(r.getNotes()).toEqual([['', '']]);
  });

  it('sets font weights, colours, styles, alignment and wrap', () => {
    const { sheet, model } = setup();
    const r = sheet.getRange('A1:B1');
    r.setFontWeights([['bold', null]]);
    expect(r.getFontWeights()).toEqual([['bold', 'normal']]);
    r.setFontColor('#CC0000').setHorizontalAlignment('center').setWrap(true).setFontStyle('italic');
    expect(model.cellAt('B1')).toMatchObject({
      fc: '#cc0000',
      ha: 'center',
      wrap: true,
      fst: 'italic',
    });
    expect(r.getHorizontalAlignments()).toEqual([['center', 'center']]);
    expect(r.getWraps()).toEqual([[true, true]]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#clear()
  // https://developers.google.com/apps-script/reference/spreadsheet/range#clearContent()
  // https://developers.google.com/apps-script/reference/spreadsheet/range#clearFormat()
  it('distinguishes clear, clearContent and clearFormat', () => {
    const { sheet, model } = setup();
    const r = sheet.getRange('A1');
    const fill = (): void => {
      r.setValue(5).setNumberFormat('0.00').setBackground('#ff0000').setNote('n');
    };
    fill();
    r.clearContent();
    expect(model.cellAt('A1')).toMatchObject({ v: '', fmt: '0.00', bg: '#ff0000', note: 'n' });
    fill();
    r.clearFormat(); // "does not reset any number formatting rules"
    expect(model.cellAt('A1')).toMatchObject({ v: 5, fmt: '0.00', note: 'n' });
    expect(model.cellAt('A1')?.bg).toBeUndefined();
    fill();
    r.clear(); // "Clears the range of contents and formats."
    expect(model.cellAt('A1')).toEqual({ v: '', note: 'n' });
    fill();
    r.clear({ contentsOnly: true });
    expect(model.cellAt('A1')).toMatchObject({ v: '', fmt: '0.00', bg: '#ff0000' });
  });
});

describe('accounting', () => {
  it('counts every call and advances the virtual clock per cell', () => {
    const { sheet, rt } = setup();
    const start = rt.nowMs;
    const before = rt.totalCalls();
    const range = sheet.getRange(1, 1, 100, 10);
    range.setValues(Array.from({ length: 100 }, () => new Array<number>(10).fill(1)));
    range.getValues();
    expect(rt.totalCalls() - before).toBe(3);
    expect(rt.calls.get('Range.setValues')).toBe(1);
    expect(rt.calls.get('Sheet.getRange')).toBe(1);
    // read after a buffered write pays the flush plus the per-cell costs of both calls
    const expected = 0.5 + (1.2 + 0.065 * 1000) + (100 + 0.008 * 1000) + 260;
    expect(rt.nowMs - start).toBeCloseTo(expected, 3);
  });

  it('does not count model inspection', () => {
    const { sheet, model, rt } = setup();
    sheet.getRange('A1').setValue('x');
    const calls = rt.totalCalls();
    const now = rt.nowMs;
    expect(model.valueAt('A1')).toBe('x');
    expect(model.displaysAt('A1:B1')).toEqual([['x', '']]);
    expect(rt.totalCalls()).toBe(calls);
    expect(rt.nowMs).toBe(now);
  });

  it('fails loudly on methods the host does not implement', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1') as unknown as Record<string, unknown>;
    expect(() => r.getRichTextValue).toThrow(
      /Range.getRichTextValue is not implemented by the host/,
    );
  });
});
