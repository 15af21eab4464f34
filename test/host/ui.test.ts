/**
 * The Ui fake: menus from onOpen, alerts and prompts with scripted answers.
 * References: https://developers.google.com/apps-script/reference/base/ui,
 * https://developers.google.com/apps-script/guides/menus, https://developers.google.com/apps-script/guides/dialogs
 */
import { hostFor } from './sandboxStandIn';

const MENU_SCRIPT = `
function onOpen(e) {
  var ui = SpreadsheetApp.getUi();
  var sub = ui.createMenu('Báo cáo').addItem('Thống kê', 'menuStats');
  ui.createMenu('Thi đua')
    .addItem('Giới thiệu', 'menuAbout')
    .addSeparator()
    .addSubMenu(sub)
    .addToUi();
  PropertiesService.getScriptProperties().setProperty('authMode', String(e.authMode));
  PropertiesService.getScriptProperties().setProperty('user', e.user.getEmail());
}
function menuAbout() {
  var ui = SpreadsheetApp.getUi();
  return String(ui.alert('Thi đua', 'Xin chào', ui.ButtonSet.OK));
}
function menuStats() { return 'stats'; }
function ask() {
  var ui = SpreadsheetApp.getUi();
  var a = ui.alert('Xóa dữ liệu?', ui.ButtonSet.YES_NO);
  var p = ui.prompt('Năm', 'Nhập năm thi đua', ui.ButtonSet.OK_CANCEL);
  var q = ui.prompt('Tên cụm');
  return [a == ui.Button.YES, String(a), p.getResponseText(), String(p.getSelectedButton()),
    p.getSelectedButton() === ui.Button.CANCEL, q.getResponseText(), String(q.getSelectedButton())];
}
function timed() { SpreadsheetApp.getUi().alert('x'); }
`;

describe('menus', () => {
  test('onOpen adds the menu; the host records captions and function names', () => {
    const host = hostFor(MENU_SCRIPT);
    expect(() => host.clickMenu('Giới thiệu')).toThrow(/has onOpen run/);
    const [run] = host.open('editor@ubnd.vn');
    expect(run?.status).toBe('ok');
    expect(run?.execution.kind).toBe('simple');
    expect(host.properties.script.get('authMode')).toBe('LIMITED');
    // A simple onOpen is not told who opened the file unless it is the owner
    // (https://developers.google.com/apps-script/reference/base/user#getEmail()).
    expect(host.properties.script.get('user')).toBe('');
    host.open();
    expect(host.properties.script.get('user')).toBe('owner@thidua.test');
    expect(host.ui.menuItems()).toEqual([
      { path: 'Thi đua > Giới thiệu', caption: 'Giới thiệu', functionName: 'menuAbout' },
      { path: 'Thi đua > Báo cáo > Thống kê', caption: 'Thống kê', functionName: 'menuStats' },
    ]);
    expect(host.ui.menus.get('Thi đua')?.items.map((i) => i.type)).toEqual([
      'item',
      'separator',
      'submenu',
    ]);
  });

  test('clickMenu runs the item as kind "menu"; the alert is recorded', () => {
    const host = hostFor(MENU_SCRIPT);
    host.open();
    const r = host.clickMenu('Giới thiệu');
    expect(r.status).toBe('ok');
    expect(r.execution.kind).toBe('menu');
    expect(r.value).toBe('OK');
    expect(host.ui.shown).toMatchObject([
      { kind: 'alert', title: 'Thi đua', prompt: 'Xin chào', buttons: 'OK', answer: 'OK' },
    ]);
    expect(host.clickMenu('Thi đua > Báo cáo > Thống kê').value).toBe('stats');
    expect(() => host.clickMenu('Không có')).toThrow(/no menu item "Không có"/);
  });

  test('reopening replaces the menu of the same caption', () => {
    const host = hostFor(MENU_SCRIPT);
    host.open();
    host.open();
    expect(host.ui.menuItems()).toHaveLength(2);
  });
});

describe('alerts and prompts', () => {
  test('scripted answers are consumed in order; the Button enum compares by identity', () => {
    const host = hostFor(MENU_SCRIPT);
    host.ui.answer('YES').answer({ button: 'CANCEL', text: '2025' });
    const r = host.run('ask');
    expect(r.value).toEqual([true, 'YES', '2025', 'CANCEL', true, '', 'OK']);
    expect(host.ui.shown.map((s) => [s.kind, s.title, s.prompt, s.buttons, s.answer])).toEqual([
      ['alert', undefined, 'Xóa dữ liệu?', 'YES_NO', 'YES'],
      ['prompt', 'Năm', 'Nhập năm thi đua', 'OK_CANCEL', 'CANCEL'],
      ['prompt', undefined, 'Tên cụm', 'OK', 'OK'],
    ]);
  });

  test('with nothing scripted the affirmative button is chosen (YES for YES_NO)', () => {
    const host = hostFor(MENU_SCRIPT);
    expect((host.run('ask').value as unknown[]).slice(0, 4)).toEqual([true, 'YES', '', 'OK']);
  });

  test('a scripted button that the dialog does not show is a test error', () => {
    const host = hostFor(MENU_SCRIPT);
    host.ui.answer('CANCEL');
    const r = host.run('ask');
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/not a button of ButtonSet.YES_NO/);
  });

  test('wrong argument types give the signature error', () => {
    const host = hostFor(`function f() { SpreadsheetApp.getUi().alert(5); }`);
    expect(host.run('f').error).toBe(
      "Exception: The parameters (number) don't match the method signature for Ui.alert.",
    );
  });

  test('there is no Ui in a time-driven execution', () => {
    const host = hostFor(MENU_SCRIPT);
    const r = host.run('timed', { kind: 'timeBased' });
    expect(r.error).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('dialogs and sidebars are recorded', () => {
    const host = hostFor(`function f() {
      var html = { getContent: function () { return '<b>Bảng xếp hạng</b>'; } };
      SpreadsheetApp.getUi().showSidebar(html);
      SpreadsheetApp.getUi().showModalDialog(html, 'Kết quả');
    }`);
    host.run('f');
    expect(host.ui.html.map((h) => [h.kind, h.title, h.content])).toEqual([
      ['sidebar', undefined, '<b>Bảng xếp hạng</b>'],
      ['modalDialog', 'Kết quả', '<b>Bảng xếp hạng</b>'],
    ]);
  });
});

describe('dialogs release locks (reference/lock/lock; DESIGN §4)', () => {
  const LOCK_SCRIPT = `
function guarded() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  var before = lock.hasLock();
  var answer = SpreadsheetApp.getUi().alert('Ghi đè kết quả?', SpreadsheetApp.getUi().ButtonSet.YES_NO);
  return [before, lock.hasLock(), String(answer)];
}
function grab() {
  var lock = LockService.getDocumentLock();
  var got = lock.tryLock(0);
  PropertiesService.getScriptProperties().setProperty('grabbed', String(got));
  return got;
}`;

  test('a lock held before an alert is not held after it, and another execution takes it meanwhile', () => {
    const host = hostFor(LOCK_SCRIPT);
    let during: ReturnType<typeof host.run> | undefined;
    let heldDuring: boolean | undefined;
    host.ui.answer('NO', () => {
      heldDuring = host.locks.ownerOf('document') !== undefined;
      during = host.run('grab', { kind: 'menu', user: 'other@gmail.com' });
    });
    const r = host.run('guarded');
    expect(r.status).toBe('ok');
    expect(r.value).toEqual([true, false, 'NO']);
    expect(heldDuring).toBe(false);
    expect(during?.value).toBe(true);
    // The callback ran while the dialog was open, inside the outer execution.
    expect(during?.execution.startMs).toBeGreaterThanOrEqual(host.ui.shown[0]?.atMs ?? Infinity);
    expect(during?.execution.endMs).toBeLessThanOrEqual(r.execution.endMs ?? -Infinity);
  });

  test('without a dialog the lock is kept for the whole execution (control)', () => {
    const host = hostFor(`${LOCK_SCRIPT}
function kept() { var l = LockService.getDocumentLock(); l.waitLock(1000); SpreadsheetApp.flush(); return l.hasLock(); }`);
    let inner: ReturnType<typeof host.run> | undefined;
    const stop = host.onCall('SpreadsheetApp.flush', () => {
      inner = host.run('grab', { kind: 'menu', user: 'other@gmail.com' });
    });
    expect(host.run('kept').value).toBe(true);
    stop();
    expect(inner?.value).toBe(false);
  });
});
