/**
 * ScriptApp triggers and the host's trigger runs.
 * References: https://developers.google.com/apps-script/reference/script/script-app,
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder,
 * https://developers.google.com/apps-script/guides/triggers/installable,
 * https://developers.google.com/apps-script/guides/triggers/events,
 * https://developers.google.com/apps-script/guides/services/quotas (20 triggers per user per script,
 * trigger total runtime 90 min/day consumer).
 */
import { hostFor } from './sandboxStandIn';
import { NOT_YOUR_TRIGGER, TOO_MANY_TRIGGERS } from '../../local/host/services/script';
import { QUOTA_WINDOW_MS } from '../../local/host/runtime';
import type { LocalHost } from '../../local/host';

const SCRIPT = `
function install() {
  ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create();
  ScriptApp.newTrigger('once').timeBased().after(60 * 1000).create();
  ScriptApp.newTrigger('audit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId()].join('|');
  });
}
function tick(e) {
  var p = PropertiesService.getScriptProperties();
  p.setProperty('ticks', String(Number(p.getProperty('ticks') || 0) + 1));
  p.setProperty('lastEvent', JSON.stringify(e));
}
function once() { PropertiesService.getScriptProperties().setProperty('once', String(Date.now())); }
function audit(e) {
  PropertiesService.getScriptProperties().setProperty('audit',
    [String(e.authMode), e.range.getA1Notation(), e.value, e.oldValue, e.user.getEmail(), typeof e.triggerUid,
     Session.getEffectiveUser().getEmail()].join('|'));
}
function onEdit(e) {
  PropertiesService.getScriptProperties().setProperty('simple', [String(e.authMode), e.value, 'triggerUid' in e].join('|'));
}
function onOpen() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create(); }
function many() { for (var i = 0; i < 25; i++) ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
function cleanup() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }
function bad() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(7).create(); }
function long() { Utilities.sleep(300000); Utilities.sleep(50000); }
function hourly() { ScriptApp.newTrigger('long').timeBased().everyMinutes(10).create(); }
`;

describe('creating and listing triggers', () => {
  test('time-based and spreadsheet triggers are listed with their type, source and source id', () => {
    const host = hostFor(SCRIPT);
    // getProjectTriggers: "Gets all installable triggers associated with the current project and current user."
    expect(host.run('install').value).toEqual([
      'tick|CLOCK|CLOCK|',
      'once|CLOCK|CLOCK|',
      'audit|ON_EDIT|SPREADSHEETS|sheet-1',
    ]);
    expect(host.triggers.triggers.map((t) => t.owner)).toEqual([
      'owner@thidua.test',
      'owner@thidua.test',
      'owner@thidua.test',
    ]);
    // Another user sees only their own triggers.
    expect(host.run('cleanup', { user: 'other@ubnd.vn' }).value).toBe(0);
    expect(host.triggers.triggers).toHaveLength(3);
    expect(host.run('cleanup').value).toBe(0);
    expect(host.triggers.triggers).toHaveLength(0);
  });

  test("the 21st trigger of a user is refused with Apps Script's message", () => {
    const host = hostFor(SCRIPT);
    const r = host.run('many');
    expect(r.status).toBe('error');
    expect(r.error).toBe(`Exception: ${TOO_MANY_TRIGGERS}`);
    expect(host.triggers.triggers).toHaveLength(20);
  });

  test('everyMinutes accepts only 1, 5, 10, 15, 30', () => {
    expect(hostFor(SCRIPT).run('bad').error).toBe(
      'Exception: The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.',
    );
  });

  test('a simple trigger cannot manage triggers (no authorisation)', () => {
    const host = hostFor(SCRIPT);
    const [r] = host.open();
    expect(r?.status).toBe('error');
    expect(r?.error).toBe(
      'Exception: You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(host.triggers.triggers).toHaveLength(0);
  });
});

describe('running time-driven triggers', () => {
  test('runDueTriggers advances the clock and fires each due trigger; one-off triggers fire once and stay listed', () => {
    const host = hostFor(SCRIPT);
    const t0 = host.rt.nowMs;
    host.run('install');
    const results = host.runDueTriggers(t0 + 16 * 60 * 1000);
    expect(results.map((r) => r.execution.functionName)).toEqual(['once', 'tick', 'tick', 'tick']);
    expect(results.every((r) => r.status === 'ok' && r.execution.kind === 'timeBased')).toBe(true);
    expect(host.properties.script.get('ticks')).toBe('3');
    expect(Number(host.properties.script.get('once'))).toBeGreaterThanOrEqual(t0 + 60000);
    expect(host.rt.nowMs).toBe(t0 + 16 * 60 * 1000);
    const event = JSON.parse(host.properties.script.get('lastEvent') as string) as Record<
      string,
      unknown
    >;
    expect(event).toMatchObject({ authMode: 'FULL', timezone: 'UTC', year: 2026, month: 1 });
    expect(Object.keys(event).sort()).toEqual(
      [
        'authMode',
        'day-of-month',
        'day-of-week',
        'hour',
        'minute',
        'month',
        'second',
        'timezone',
        'triggerUid',
        'week-of-year',
        'year',
      ].sort(),
    );
    // The one-off trigger is still listed (and counts towards the limit) but never fires again.
    expect(host.triggers.triggers.map((t) => t.handler)).toContain('once');
    expect(host.runDueTriggers(host.rt.nowMs + 60000).map((r) => r.execution.functionName)).toEqual(
      [],
    );
  });

  test('nothing is due: no run, the clock does not move', () => {
    const host = hostFor(SCRIPT);
    host.run('install');
    const now = host.rt.nowMs;
    expect(host.runDueTriggers()).toEqual([]);
    expect(host.rt.nowMs).toBe(now);
  });

  test("the daily trigger runtime quota (90 min consumer) stops trigger runs with Apps Script's message", () => {
    const host = hostFor(SCRIPT);
    host.run('hourly');
    // Each run sleeps 350 s: after 16 runs (5,600 s) the 5,400 s of the day are spent.
    const results = host.runDueTriggers(host.rt.nowMs + 4 * 3600 * 1000);
    const ran = results.filter((r) => r.status === 'ok').length;
    const refused = results.filter(
      (r) => r.error === 'Service using too much computer time for one day',
    );
    expect(ran).toBe(16);
    expect(host.rt.quotaRemaining('triggerRuntimeMs')).toBe(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.calls).toBe(0);
  });
});

describe('spreadsheet edit triggers', () => {
  test('edit runs the simple onEdit and each installable onEdit with the documented event fields (guides/triggers/events)', () => {
    const host = hostFor(SCRIPT);
    host.run('install');
    const out = host.edit('member@ubnd.vn', 'Điểm!B3', 9.5);
    expect(out.accepted).toBe(true);
    expect(
      out.runs.map((r) => [r.execution.functionName, r.execution.kind, r.execution.user, r.status]),
    ).toEqual([
      ['onEdit', 'simple', 'member@ubnd.vn', 'ok'],
      ['audit', 'installable', 'owner@thidua.test', 'ok'],
    ]);
    expect(host.properties.script.get('simple')).toBe('LIMITED|9.5|false');
    // The editor is a consumer account (ubnd.vn is no registered Workspace domain here), so the
    // installable trigger, running as the owner, is not told who typed: e.user.getEmail() is ''
    // (https://developers.google.com/apps-script/reference/base/user#getEmail()).
    expect(host.properties.script.get('audit')).toBe(
      'FULL|Điểm!B3|9.5|cũ||string|owner@thidua.test',
    );
    expect(host.rt.executions.at(-1)?.limitMs).toBe(6 * 60 * 1000);
    expect(host.rt.executions.at(-2)?.limitMs).toBe(30 * 1000);
  });

  test('event user: the owner is always visible; a Workspace colleague only to the installable trigger (reference/base/user#getEmail(), guides/triggers/installable)', () => {
    const code = `${SCRIPT}
      function onOpen(e) { PropertiesService.getScriptProperties().setProperty('openUser', e.user.getEmail()); }
      function who(e) { PropertiesService.getScriptProperties().setProperty('who', e.user.getEmail() + '|' + Session.getActiveUser().getEmail()); }
      function installWho() { ScriptApp.newTrigger('who').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create(); }
      function onEdit(e) { PropertiesService.getScriptProperties().setProperty('simpleUser', e.user.getEmail() + '|' + Session.getActiveUser().getEmail() + '|' + Session.getEffectiveUser().getEmail()); }`;
    const host = hostFor(code, {
      spreadsheet: { owner: 'owner@ubnd.vn' },
      accounts: { workspaceDomains: ['ubnd.vn'] },
    });
    host.run('installWho');
    const p = host.properties.script;
    host.edit('owner@ubnd.vn', 'Điểm!B3', 1);
    expect([p.get('simpleUser'), p.get('who')]).toEqual([
      'owner@ubnd.vn|owner@ubnd.vn|owner@ubnd.vn',
      'owner@ubnd.vn|owner@ubnd.vn',
    ]);
    host.edit('colleague@ubnd.vn', 'Điểm!B3', 2);
    // STRICTER READING: the simple trigger hides even a colleague of the owner's Workspace domain.
    expect([p.get('simpleUser'), p.get('who')]).toEqual([
      '||',
      'colleague@ubnd.vn|colleague@ubnd.vn',
    ]);
    host.edit('someone@gmail.com', 'Điểm!B3', 3);
    expect([p.get('simpleUser'), p.get('who')]).toEqual(['||', '|']);
    host.open('colleague@ubnd.vn');
    expect(p.get('openUser')).toBe('');
  });

  test('a refused edit runs nothing', () => {
    const host = hostFor(SCRIPT);
    const out = host.edit('member@ubnd.vn', 'Khóa!A1', 'x');
    expect(out).toEqual({ accepted: false, reason: 'protected', runs: [] });
  });
});

describe('triggers belong to users (reference/script/script-app#getProjectTriggers(), guides/services/quotas)', () => {
  const shelf = (): Record<string, (host: LocalHost) => unknown> => {
    let slot: unknown;
    return {
      Shelf: () => ({
        put: (x: unknown) => {
          slot = x;
        },
        take: () => slot,
      }),
    };
  };

  test("deleting another user's trigger fails and leaves it in place", () => {
    const host = hostFor(
      `${SCRIPT}
      function keep() { Shelf.put(ScriptApp.getProjectTriggers()[0]); }
      function steal() { ScriptApp.deleteTrigger(Shelf.take()); }`,
      { services: shelf() },
    );
    host.run('install');
    host.run('keep');
    const r = host.run('steal', { user: 'other@gmail.com' });
    expect(r.error).toBe(`Exception: ${NOT_YOUR_TRIGGER}`);
    expect(host.triggers.triggers).toHaveLength(3);
    // Its owner may.
    expect(host.run('steal').status).toBe('ok');
    expect(host.triggers.triggers).toHaveLength(2);
  });

  test('the 20-trigger limit is per user: a second user still has 20', () => {
    const host = hostFor(SCRIPT);
    expect(host.run('many', { user: 'a@gmail.com' }).error).toBe(`Exception: ${TOO_MANY_TRIGGERS}`);
    expect(host.run('many', { user: 'b@gmail.com' }).error).toBe(`Exception: ${TOO_MANY_TRIGGERS}`);
    const owners = host.triggers.triggers.map((t) => t.owner);
    expect(owners.filter((o) => o === 'a@gmail.com')).toHaveLength(20);
    expect(owners.filter((o) => o === 'b@gmail.com')).toHaveLength(20);
  });

  test("trigger runtime is each owner's: 90 min for a consumer account, 6 h for a Workspace one, back 24 h after the first run", () => {
    const host = hostFor(SCRIPT, { accounts: { workspaceDomains: ['ubnd.vn'] } });
    host.run('hourly', { user: 'a@gmail.com' });
    host.run('hourly', { user: 'b@ubnd.vn' });
    const t0 = host.rt.nowMs;
    const results = host.runDueTriggers(t0 + 4 * 3600 * 1000);
    const of = (user: string) => results.filter((r) => r.execution.user === user);
    const spent = 'Service using too much computer time for one day';
    expect(of('a@gmail.com').filter((r) => r.status === 'ok')).toHaveLength(16);
    expect(of('a@gmail.com').filter((r) => r.error === spent).length).toBeGreaterThan(0);
    expect(of('b@ubnd.vn').every((r) => r.status === 'ok')).toBe(true);
    // b@ spent more than a consumer's 90 minutes and may go on.
    const bUsed = 6 * 3600 * 1000 - host.rt.quotaRemaining('triggerRuntimeMs', 'b@ubnd.vn');
    expect(bUsed).toBeGreaterThan(90 * 60 * 1000);
    expect(host.rt.quotaRemaining('triggerRuntimeMs', 'a@gmail.com')).toBe(0);
    expect(host.rt.quotaRemaining('triggerRuntimeMs', 'b@ubnd.vn')).toBeGreaterThan(0);
    // The window opened with a@'s first run and closes 24 h later, not at a midnight.
    const first = of('a@gmail.com')[0]?.execution.startMs ?? 0;
    expect(host.rt.quotaWindowEndsAt('triggerRuntimeMs', 'a@gmail.com')).toBe(
      first + QUOTA_WINDOW_MS,
    );
    host.rt.nowMs = first + QUOTA_WINDOW_MS - 60_000;
    expect(host.rt.quotaRemaining('triggerRuntimeMs', 'a@gmail.com')).toBe(0);
    host.rt.nowMs = first + QUOTA_WINDOW_MS;
    expect(host.rt.quotaRemaining('triggerRuntimeMs', 'a@gmail.com')).toBe(90 * 60 * 1000);
    const later = host.runDueTriggers(host.rt.nowMs + 10 * 60 * 1000);
    expect(later.filter((r) => r.execution.user === 'a@gmail.com').map((r) => r.status)).toContain(
      'ok',
    );
  });
});

describe('report', () => {
  test('summarises calls, time, executions, alerts and logs', () => {
    const host = hostFor(
      `${SCRIPT}\nfunction hello() { Logger.log('xin chào'); SpreadsheetApp.getUi().alert('A'); }`,
    );
    host.run('install');
    host.run('hello');
    const r = host.report();
    expect(r.totalCalls).toBe(host.rt.totalCalls());
    expect(r.callsByMethod['ScriptApp.newTrigger']).toBe(3);
    expect(r.executions.map((e) => [e.functionName, e.status])).toEqual([
      ['install', 'ok'],
      ['hello', 'ok'],
    ]);
    expect(r.alerts).toHaveLength(1);
    expect(r.logs.map((l) => l.message)).toEqual(['xin chào']);
    expect(host.reportText()).toContain('#2 hello [manual]');
  });
});
