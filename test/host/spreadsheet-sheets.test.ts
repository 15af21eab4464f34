/**
 * Conformance tests of Spreadsheet, Sheet and SpreadsheetApp: sheets, rows and columns, named
 * ranges, toasts, getUi. Each test cites the reference page it follows.
 */
import { HostRuntime } from '../../local/host/runtime';
import { createSpreadsheetHost } from '../../local/host/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

// The file is created by a vi_VN user, as the product's set-up leaves it: a spreadsheet's locale
// and time zone are the file's, its creator's by default (https://support.google.com/docs/answer/58515).
const VI_FILE = { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' } as const;

function setup() {
  const rt = new HostRuntime();
  const ui = { kind: 'ui' };
  const host = createSpreadsheetHost(rt, {
    getUi: () => ui,
    name: 'Cụm thi đua số 1 - 2026',
    editors: ['hoankiem@thidua.test'],
    ...VI_FILE,
  });
  const app = host.SpreadsheetApp as unknown as App;
  const ss = app.getActiveSpreadsheet();
  return { rt, host, app, ss, ui, model: host.model };
}

describe('Spreadsheet', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
  it('reports id, name, url, locale, time zone, owner and editors', () => {
    const { ss, model } = setup();
    expect(ss.getId()).toBe(model.id);
    expect(ss.getName()).toBe('Cụm thi đua số 1 - 2026');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${model.id}/edit`);
    expect(ss.getSpreadsheetLocale()).toBe('vi_VN');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(ss.getOwner()?.getEmail()).toBe('owner@thidua.test');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([
      'owner@thidua.test',
      'hoankiem@thidua.test',
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)
  it('records toasts for tests', () => {
    const { ss, model, rt } = setup();
    ss.toast('Đã xếp hạng 6 đơn vị', 'Thi đua', 5);
    ss.toast('Xong');
    expect(model.toasts).toEqual([
      {
        msg: 'Đã xếp hạng 6 đơn vị',
        title: 'Thi đua',
        timeoutSeconds: 5,
        atMs: expect.any(Number),
        user: rt.owner,
      },
      { msg: 'Xong', title: '', timeoutSeconds: null, atMs: expect.any(Number), user: rt.owner },
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)
  it('inserts sheets at a 0-based index, activates them, and refuses taken names', () => {
    const { ss } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Trang tính1']);
    const b = ss.insertSheet('Tiêu chí');
    expect(ss.getActiveSheet().getName()).toBe('Tiêu chí');
    const a = ss.insertSheet('Đơn vị', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Đơn vị', 'Trang tính1', 'Tiêu chí']);
    expect([a.getIndex(), b.getIndex()]).toEqual([1, 3]);
    expect(() => ss.insertSheet('Tiêu chí')).toThrow(
      'A sheet with the name "Tiêu chí" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('tiêu chí')).toThrow('already exists');
    expect(ss.insertSheet().getName()).toBe('Trang tính4');
    expect(a.getMaxRows()).toBe(1000);
    expect(a.getMaxColumns()).toBe(26);
    expect(ss.getSheetByName('Đơn vị')?.getSheetId()).toBe(a.getSheetId());
    expect(ss.getSheetByName('đơn vị')).toBeNull();
    expect(ss.getSheetByName('Không có')).toBeNull();
    expect(a.getParent().getId()).toBe(ss.getId());
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#setName(String)
  it('renames sheets and refuses taken names', () => {
    const { ss } = setup();
    const s = ss.insertSheet('A');
    ss.insertSheet('B');
    expect(s.setName('Tự chấm').getName()).toBe('Tự chấm');
    expect(() => s.setName('B')).toThrow(
      'A sheet with the name "B" already exists. Please enter another name.',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deleteSheet(Sheet)
  it('deletes sheets but never the last one', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Tạm');
    ss.deleteSheet(s);
    expect(ss.getSheetByName('Tạm')).toBeNull();
    expect(() => {
      ss.deleteSheet(ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet);
    }).toThrow("You can't remove all the sheets in a document.");
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setNamedRange(String,Range)
  it('manages named ranges and refuses invalid or duplicate names', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    ss.setNamedRange('DiemChuan', sheet.getRange('B2:K2'));
    expect(ss.getRangeByName('DiemChuan')?.getA1Notation()).toBe('B2:K2');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['DiemChuan']);
    expect(() => {
      ss.setNamedRange('DiemChuan', sheet.getRange('A1'));
    }).toThrow('already exists');
    for (const bad of ['1abc', 'có dấu', 'A1', 'R1C1', 'true', 'a b']) {
      expect(() => {
        ss.setNamedRange(bad, sheet.getRange('A1'));
      }).toThrow('not a valid named range name');
    }
    expect(ss.getRangeByName('Khac')).toBeNull();
    ss.removeNamedRange('DiemChuan');
    expect(ss.getNamedRanges()).toEqual([]);
    expect(() => {
      ss.removeNamedRange('DiemChuan');
    }).toThrow('does not exist');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setActiveSelection(String)
  it('tracks the active sheet and selection', () => {
    const { ss, app } = setup();
    const s = ss.insertSheet('Xếp hạng');
    ss.setActiveSheet(ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet);
    expect(app.getActiveSheet().getName()).toBe('Trang tính1');
    s.setActiveSelection('B3:C4');
    expect(app.getActiveSheet().getName()).toBe('Xếp hạng');
    expect(app.getActiveRange().getA1Notation()).toBe('B3:C4');
    expect(ss.getActiveRange()?.getSheet().getName()).toBe('Xếp hạng');
  });
});

describe('SpreadsheetApp', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getUi()
  it("returns the loader's Ui, but not to time-driven triggers", () => {
    const { app, rt, ui } = setup();
    expect(app.getUi()).toBe(ui);
    const exec = rt.beginExecution('timeBased', 'chayNen');
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    rt.endExecution(exec);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()
  it('counts flush and charges the pending write round trip', () => {
    const { app, rt } = setup();
    app.getActiveSheet().getRange('A1').setValue(1);
    const before = rt.nowMs;
    app.flush();
    expect(rt.calls.get('SpreadsheetApp.flush')).toBe(1);
    expect(rt.nowMs - before).toBeCloseTo(10 + 260, 3);
  });

  it('exposes the enums the product uses', () => {
    const { app, host } = setup();
    expect(String(app.ProtectionType.RANGE)).toBe('RANGE');
    expect(String(app.DataValidationCriteria.VALUE_IN_LIST)).toBe('VALUE_IN_LIST');
    const charts = host.Charts as unknown as GoogleAppsScript.Charts.Charts;
    expect(
      ['BAR', 'COLUMN', 'PIE', 'LINE'].map((n) => String(charts.ChartType[n as 'BAR'])),
    ).toEqual(['BAR', 'COLUMN', 'PIE', 'LINE']);
  });
});

describe('Sheet rows, columns and layout', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
  it('inserts and deletes rows and columns, moving content', () => {
    const { ss } = setup();
    const s = ss.getActiveSheet();
    s.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    s.insertRowsAfter(1, 2);
    expect(s.getMaxRows()).toBe(1002);
    expect(s.getRange('A1:A5').getValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
    s.deleteRows(2, 2);
    expect(s.getRange('A1:A3').getValues()).toEqual([['a'], ['b'], ['c']]);
    s.getRange('B1').setValue('x');
    s.insertColumnsAfter(1, 1);
    expect(s.getMaxColumns()).toBe(27);
    expect(s.getRange('C1').getValue()).toBe('x');
    s.deleteColumns(2, 1);
    expect(s.getRange('B1').getValue()).toBe('x');
    expect(() => {
      s.deleteRows(999, 5);
    }).toThrow('Those rows are out of bounds.');
    expect(() => {
      s.deleteRows(1, 1000);
    }).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
  it('appends after the last row with content and grows the sheet when full', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Nhật ký');
    s.appendRow(['Thời gian', 'Người', 'Ô']);
    s.appendRow([new Date('2026-01-15T08:00:00+07:00'), 'a@x', "'=A1"]);
    expect(s.getLastRow()).toBe(2);
    expect(s.getRange('C2').getValue()).toBe('=A1');
    s.getRange(1000, 1).setValue('cuối');
    s.appendRow(['mới']);
    expect(s.getMaxRows()).toBe(1001);
    expect(s.getRange(1001, 1).getValue()).toBe('mới');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#setFrozenRows(Integer)
  it('freezes rows and columns, sets widths, hides and colours tabs', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Tự chấm');
    s.setFrozenRows(2);
    s.setFrozenColumns(1);
    expect([s.getFrozenRows(), s.getFrozenColumns()]).toEqual([2, 1]);
    s.setColumnWidth(2, 240);
    expect([s.getColumnWidth(1), s.getColumnWidth(2)]).toEqual([100, 240]);
    s.hideSheet();
    expect(s.isSheetHidden()).toBe(true);
    s.showSheet();
    expect(s.isSheetHidden()).toBe(false);
    s.setTabColor('#FF0000');
    expect(s.getTabColor()).toBe('#ff0000');
    s.activate();
    expect(ss.getActiveSheet().getName()).toBe('Tự chấm');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#clear()
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#clearContents()
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#clearFormats()
  it('distinguishes clear, clearContents and clearFormats', () => {
    const { ss, model } = setup();
    const s = ss.getActiveSheet();
    const fill = (): void => {
      s.getRange('A1').setValue(3).setBackground('#00ff00').setNumberFormat('0.0');
    };
    fill();
    s.clearContents();
    expect(model.cellAt('A1')).toMatchObject({ v: '', bg: '#00ff00', fmt: '0.0' });
    fill();
    s.clearFormats();
    expect(model.cellAt('A1')).toMatchObject({ v: 3 });
    expect(model.cellAt('A1')?.bg).toBeUndefined();
    fill();
    s.clear();
    expect(model.cellAt('A1')).toEqual({ v: '' });
  });
});
