/**
 * Executions interleave at service-call boundaries: another user's execution may start while one is
 * inside a service call (LocalHost.onCall stands for "meanwhile, elsewhere").
 * References: https://developers.google.com/apps-script/reference/lock/lock (waitLock throws after
 * its timeout; "the lock is automatically released when the script terminates"),
 * https://developers.google.com/apps-script/reference/base/session (who each execution is),
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object) (appends
 * after the last row with content).
 */
import { LocalHost } from '../../local/host';
import { LOCK_TIMEOUT_MESSAGE } from '../../local/host/services/lock';
import { hostFor } from './sandboxStandIn';

const SCRIPT = `
function outer() {
  var first = Session.getActiveUser().getEmail();
  PropertiesService.getScriptProperties().setProperty('step', 'outer');
  var second = Session.getActiveUser().getEmail();
  return [first, second, Session.getEffectiveUser().getEmail(), Session.getActiveUserLocale()];
}
function inner() {
  return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()];
}
function holder() {
  var lock = LockService.getScriptLock();
  lock.waitLock(1000);
  PropertiesService.getScriptProperties().setProperty('step', 'holding');
  return lock.hasLock();
}
function waiter() {
  var lock = LockService.getScriptLock();
  lock.waitLock(5000);
  return 'got it';
}`;

describe('nested executions', () => {
  test('a nested run restores the outer execution, its realm and its active user', () => {
    const host = hostFor(SCRIPT, {
      spreadsheet: { owner: 'owner@ubnd.vn' },
      accounts: {
        workspaceDomains: ['ubnd.vn'],
        profiles: { 'head@ubnd.vn': { locale: 'vi_VN' } },
      },
    });
    let inner: ReturnType<LocalHost['run']> | undefined;
    let restored: boolean[] = [];
    const stop = host.onCall('PropertiesService.getScriptProperties', () => {
      const current = host.rt.current;
      const realm = host.rt.realm;
      inner = host.run('inner', { kind: 'menu', user: 'stranger@gmail.com' });
      restored = [host.rt.current === current, host.rt.realm === realm];
    });
    // An installable trigger of owner@ fired by head@ (same Workspace domain: visible).
    const r = host.run('outer', {
      kind: 'installable',
      user: 'owner@ubnd.vn',
      activeUser: 'head@ubnd.vn',
    });
    stop();
    expect(inner?.value).toEqual(['stranger@gmail.com', 'stranger@gmail.com']);
    expect(restored).toEqual([true, true]);
    expect(r.value).toEqual(['head@ubnd.vn', 'head@ubnd.vn', 'owner@ubnd.vn', 'vi']);
    expect(host.rt.current).toBeNull();
  });

  test("a nested execution asking for the outer's lock waits its timeout on the virtual clock and fails", () => {
    const host = hostFor(SCRIPT);
    let inner: ReturnType<LocalHost['run']> | undefined;
    const stop = host.onCall('PropertiesService.getScriptProperties', () => {
      inner = host.run('waiter', { kind: 'menu', user: 'other@gmail.com' });
    });
    const r = host.run('holder');
    stop();
    expect(inner?.status).toBe('error');
    expect(inner?.error).toBe(`Exception: ${LOCK_TIMEOUT_MESSAGE}`);
    expect(inner?.virtualMs).toBeGreaterThanOrEqual(5000);
    // The outer kept its lock throughout; after it ended the lock is free again.
    expect(r.value).toBe(true);
    expect(host.run('waiter', { user: 'other@gmail.com' }).value).toBe('got it');
  });
});

describe('two executions writing one sheet', () => {
  test('appendRow from an execution and from one started inside it lands as two rows', () => {
    const host = new LocalHost({
      code: `
function add() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.appendRow(['ngoài', 1]);
  return sh.getDataRange().getValues();
}
function add2() {
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].appendRow(['trong', 2]);
}`,
    });
    let inner: ReturnType<LocalHost['run']> | undefined;
    const stop = host.onCall('Sheet.appendRow', (n) => {
      if (n === 1) inner = host.run('add2', { kind: 'menu', user: 'other@gmail.com' });
    });
    const r = host.run('add');
    stop();
    expect(inner?.status).toBe('ok');
    // The hook runs once the call is counted, before its effect: the inner row may come first;
    // what matters is that neither append overwrites the other.
    const rows = r.value as unknown[][];
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['ngoài', 1],
        ['trong', 2],
      ]),
    );
  });
});
