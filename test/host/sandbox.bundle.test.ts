/**
 * The real bundle (built by local/build.ts) loads in the sandbox and its menu works: onOpen adds the
 * "Thi đua" menu (https://developers.google.com/apps-script/guides/menus) and "Giới thiệu" shows an
 * alert. Uses the real Sheets fakes when local/host/spreadsheet/index.ts exists, else the stand-in.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle } from '../../local/build';
import { LocalHost } from '../../local/host';
import { MENU } from '../../src/gas/menuDefinition';
import { standInSheets } from './sandboxStandIn';

const realSheets = existsSync(join(__dirname, '../../local/host/spreadsheet/index.ts'));

test(`build/Code.js: onOpen adds the "Thi đua" menu and Giới thiệu shows an alert (${realSheets ? 'real' : 'stand-in'} Sheets fakes)`, async () => {
  const { file, entryPoints } = await buildBundle();
  expect(entryPoints).toEqual(expect.arrayContaining(['onOpen', 'menuAbout']));
  const host = LocalHost.fromBuild(file, realSheets ? {} : { spreadsheetFactory: standInSheets });
  for (const name of entryPoints) expect(host.sandbox.topLevelFunctions.has(name)).toBe(true);

  const [open] = host.open();
  expect(open?.status).toBe('ok');
  expect(open?.execution.kind).toBe('simple');
  const expected = MENU.items.flatMap((i) => (i === 'separator' ? [] : [i]));
  expect(
    host.ui.menuItems().map((i) => ({ caption: i.caption, functionName: i.functionName })),
  ).toEqual(expected.map((i) => ({ caption: i.caption, functionName: i.functionName })));
  expect(host.ui.menus.has('Thi đua')).toBe(true);

  const about = host.clickMenu('Giới thiệu');
  expect(about.status).toBe('ok');
  expect(host.ui.shown).toHaveLength(1);
  expect(host.ui.shown[0]).toMatchObject({
    kind: 'alert',
    title: 'Thi đua',
    buttons: 'OK',
    answer: 'OK',
  });
  expect(host.ui.shown[0]?.prompt).toContain('Chấm điểm');
});

test('with the real Sheets fakes: an edit fires onEdit and an installable trigger with a real Range; toasts reach the report', () => {
  const host = new LocalHost({
    code: `
      function install() {
        ScriptApp.newTrigger('audit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
      }
      function onEdit(e) {
        PropertiesService.getScriptProperties().setProperty('simple',
          [e.range.getA1Notation(), e.value, String(e.authMode), e.source.getName(), e.user.getEmail()].join('|'));
      }
      function audit(e) {
        e.source.toast('Đã ghi ' + e.range.getA1Notation(), 'Thi đua');
        PropertiesService.getScriptProperties().setProperty('audit', [e.value, e.oldValue, e.triggerUid].join('|'));
      }`,
    // A file made by a Vietnamese-locale owner (a file's locale is its creator's).
    spreadsheet: {
      name: 'Cụm thi đua số 1',
      editors: ['member@ubnd.vn'],
      locale: 'vi_VN',
      timeZone: 'Asia/Ho_Chi_Minh',
    },
  });
  expect(host.run('install').status).toBe('ok');
  host.edit('member@ubnd.vn', "'Trang tính1'!B2", '9,5');
  const second = host.edit('member@ubnd.vn', "'Trang tính1'!B2", 'Tốt');
  expect(second.runs.map((r) => r.status)).toEqual(['ok', 'ok']);
  // A simple trigger is not told who typed unless it is the owner
  // (https://developers.google.com/apps-script/reference/base/user#getEmail()).
  expect(host.properties.script.get('simple')).toBe('B2|Tốt|LIMITED|Cụm thi đua số 1|');
  const [value, oldValue, uid] = (host.properties.script.get('audit') as string).split('|');
  // "9,5" typed in a Vietnamese-locale sheet is the number 9.5; the event carries strings.
  expect([value, oldValue]).toEqual(['Tốt', '9.5']);
  expect(uid).toBe(host.triggers.triggers[0]?.uid);
  expect(host.report().toasts).toHaveLength(2);
  expect(host.edit('stranger@x.vn', "'Trang tính1'!B2", 1)).toMatchObject({
    accepted: false,
    runs: [],
  });
});
