/**
 * Conformance tests of several spreadsheets in one host (local/host/spreadsheet/world.ts, copy.ts):
 * - SpreadsheetApp.openById / openByUrl
 *   (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String),
 *   #openByUrl(String)): "Authorization: https://www.googleapis.com/auth/spreadsheets"; the
 *   currentonly scope reaches only the bound file
 *   (https://developers.google.com/apps-script/concepts/scopes);
 * - access by Drive sharing: a file the user may not read is refused with "You do not have
 *   permission to access the requested document.";
 * - DriveApp File.makeCopy of a spreadsheet
 *   (https://developers.google.com/apps-script/reference/drive/file#makeCopy(String)): a new file
 *   owned by the copier, with the content of the original, which is left unchanged; the copy
 *   carries its bound script (https://developers.google.com/apps-script/guides/bound).
 */
import { LocalHost } from '../../local/host';
import {
  OPEN_ACCESS_DENIED,
  SPREADSHEETS_CURRENTONLY_SCOPE,
  SPREADSHEETS_SCOPE,
  SpreadsheetModel,
} from '../../local/host/spreadsheet';

const OWNER = 'owner@thidua.test';
const OTHER = 'khac@thidua.test';

const CODE = `
function readOther(id) {
  return SpreadsheetApp.openById(id).getSheetByName('Lịch sử').getRange('A1:B2').getValues();
}
function readOtherByUrl(url) {
  return SpreadsheetApp.openByUrl(url).getName();
}
function writeOther(id) {
  SpreadsheetApp.openById(id).getSheetByName('Lịch sử').getRange('A3').setValue('mới');
}
function copyMe() {
  var id = SpreadsheetApp.getActiveSpreadsheet().getId();
  var copy = DriveApp.getFileById(id).makeCopy('Bản sao 2023', DriveApp.getRootFolder());
  SpreadsheetApp.openById(copy.getId()).getSheets()[0].getRange('A1').setValue('năm mới');
  return copy.getId();
}
function whoAmI() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  return [ss.getId(), ss.getName(), ss.getSheets()[0].getRange('A1').getValue()];
}
function onOpen() {}
`;

function host(scopes: string[] = [SPREADSHEETS_SCOPE]): LocalHost {
  return new LocalHost({ code: CODE, runtime: { scopes }, spreadsheet: { editors: [OTHER] } });
}

function lastYear(editors: string[] = []): SpreadsheetModel {
  const model = new SpreadsheetModel({ owner: OWNER, name: 'Thi đua 2022', editors });
  model.sheets[0]!.name = 'Lịch sử';
  model.sheets[0]!.ensure(1, 1).v = 'Năm';
  model.sheets[0]!.ensure(1, 2).v = 'Tên';
  model.sheets[0]!.ensure(2, 1).v = 2022;
  model.sheets[0]!.ensure(2, 2).v = 'Quận Ba Đình';
  model.sheets[0]!.touch();
  return model;
}

function run(h: LocalHost, fn: string, arg: unknown, user = OWNER): ReturnType<LocalHost['run']> {
  return h.run(fn, { user, event: arg as object });
}

describe('SpreadsheetApp.openById / openByUrl over several files', () => {
  it('opens another file the user may read and reads its values', () => {
    const h = host();
    const other = lastYear();
    h.addSpreadsheet(other);
    const r = run(h, 'readOther', other.id);
    expect(r.status).toBe('ok');
    expect(r.value).toEqual([
      ['Năm', 'Tên'],
      [2022, 'Quận Ba Đình'],
    ]);
    const byUrl = run(h, 'readOtherByUrl', `${other.url}#gid=0`);
    expect(byUrl.value).toBe('Thi đua 2022');
  });

  it('refuses a file not shared with the running account, with Google words', () => {
    const h = host();
    const other = lastYear();
    h.addSpreadsheet(other);
    const r = run(h, 'readOther', other.id, OTHER);
    expect(r.status).toBe('error');
    expect(r.error).toContain(OPEN_ACCESS_DENIED);
  });

  it('lets a viewer read but not write', () => {
    const h = host();
    const other = lastYear();
    const item = h.addSpreadsheet(other);
    item.viewers.push(OTHER);
    expect(run(h, 'readOther', other.id, OTHER).status).toBe('ok');
    const w = run(h, 'writeOther', other.id, OTHER);
    expect(w.status).toBe('error');
    expect(w.error).toContain('You do not have permission to edit this spreadsheet.');
    expect(other.valueAt("'Lịch sử'!A3")).toBe('');
  });

  it('refuses an unknown id as Apps Script does', () => {
    const r = run(host(), 'readOther', '1nothing');
    expect(r.error).toContain(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  it('refuses openById under spreadsheets.currentonly, even for another readable file', () => {
    const h = host([SPREADSHEETS_CURRENTONLY_SCOPE]);
    const other = lastYear();
    h.addSpreadsheet(other);
    const r = run(h, 'readOther', other.id);
    expect(r.error).toContain(
      `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SPREADSHEETS_SCOPE}`,
    );
  });
});

describe('File.makeCopy of a spreadsheet', () => {
  it('makes a new spreadsheet owned by the copier, leaves the original, and runs the bundle in the copy', () => {
    const h = host();
    h.spreadsheet.sheets[0]!.ensure(1, 1).v = 'năm cũ';
    h.spreadsheet.sheets[0]!.touch();
    const r = run(h, 'copyMe', undefined, OTHER);
    expect(r.status).toBe('ok');
    const copyId = r.value as string;
    expect(copyId).not.toBe(h.spreadsheet.id);
    expect(h.spreadsheet.sheets[0]!.cell(1, 1)?.v).toBe('năm cũ');
    const copy = h.world.spreadsheets.get(copyId)!;
    expect(copy.owner).toBe(OTHER);
    expect(copy.editors.size).toBe(0);
    expect(h.drive.get(copyId)?.owner).toBe(OTHER);
    const inCopy = h.hostFor(copyId);
    const who = inCopy.run('whoAmI', { user: OTHER });
    expect(who.value).toEqual([copyId, 'Bản sao 2023', 'năm mới']);
    // The owner of the original was not given the copy.
    expect(h.run('readOther', { event: copyId as unknown as object }).error).toContain(
      OPEN_ACCESS_DENIED,
    );
  });
});
