/**
 * The sandbox loads a script as Apps Script does: one classic script, ECMAScript built-ins plus the
 * services, no Node or browser globals, a fresh global scope per execution, and a Date that reads the
 * virtual clock. References: https://developers.google.com/apps-script/guides/v8-runtime and
 * https://developers.google.com/apps-script/guides/services/quotas (6 min / 30 s limits).
 */
import { LocalHost } from '../../local/host';
import { hostFor } from './sandboxStandIn';

const NODE_GLOBALS = [
  'setTimeout',
  'setInterval',
  'fetch',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'atob',
  'btoa',
  'crypto',
  'queueMicrotask',
  'process',
  'require',
  'module',
  'Buffer',
  'window',
  'global',
];

describe('sandbox globals', () => {
  test('no Node or browser global is in reach', () => {
    const host = hostFor(`function probe() {
      return ${JSON.stringify(NODE_GLOBALS)}.map(function (n) { return n + ':' + eval('typeof ' + n); });
    }`);
    const r = host.run('probe');
    expect(r.status).toBe('ok');
    expect(r.value).toEqual(NODE_GLOBALS.map((n) => `${n}:undefined`));
  });

  test('no Node global is reachable through a service either: constructors lead to the script realm', () => {
    const host = new LocalHost({
      code: `function probe() {
      var reached = [];
      function tryReach(label, f) {
        try {
          var p = f.constructor('return typeof process + "/" + typeof require')();
          reached.push(label + ':' + p);
        } catch (e) {
          reached.push(label + ':' + String(e));
        }
      }
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
      var values = sheet.getRange(1, 1, 2, 2).getValues();
      tryReach('method', Utilities.sleep);
      tryReach('method.call', Utilities.sleep.call);
      tryReach('array', values.constructor);
      tryReach('row', values[0].constructor);
      tryReach('service', SpreadsheetApp.constructor);
      tryReach('proto', Object.getPrototypeOf(Utilities.sleep).constructor);
      return {
        reached: reached,
        arrays: values instanceof Array && values[0] instanceof Array && Array.isArray(values),
        sheets: SpreadsheetApp.getActiveSpreadsheet().getSheets() instanceof Array,
        object: SpreadsheetApp instanceof Object,
        date: new Date(0) instanceof Date,
      };
    }`,
    });
    const r = host.run('probe');
    expect(r.error).toBeUndefined();
    const value = r.value as { reached: string[] } & Record<string, boolean>;
    expect(value.reached).toEqual(
      ['method', 'method.call', 'array', 'row', 'service', 'proto'].map(
        (label) => `${label}:undefined/undefined`,
      ),
    );
    expect(value).toMatchObject({
      arrays: true,
      sheets: true,
      object: true,
      date: true,
    });
  });

  test("a Date's local fields follow the script's time zone, whatever the machine's", () => {
    const host = new LocalHost({
      code: `function probe() {
        var d = new Date(Date.UTC(2026, 0, 14, 20, 30));
        return [d.getDate(), d.getHours(), d.getTimezoneOffset(), Session.getScriptTimeZone()];
      }`,
    });
    // 20:30 UTC on the 14th is 03:30 on the 15th in Hà Nội (UTC+7).
    expect(host.run('probe').value).toEqual([15, 3, -420, 'Asia/Ho_Chi_Minh']);
  });

  test('the services are globals; console is the host one', () => {
    const host = hostFor(`function probe() {
      console.log('xin chào', { a: 1 });
      return [typeof SpreadsheetApp, typeof PropertiesService, typeof CacheService, typeof LockService,
        typeof Session, typeof Utilities, typeof ScriptApp, typeof Logger, typeof Charts].join(',');
    }`);
    const r = host.run('probe');
    expect(r.value).toBe('object,object,object,object,object,object,object,object,object');
    expect(host.logs.lines.map((l) => l.message)).toEqual(['xin chào {"a":1}']);
  });

  test('an ES module does not load, like Apps Script', () => {
    expect(() => hostFor(`import x from 'y';\nfunction f() {}`)).toThrow(/does not load/);
    expect(() => hostFor(`export function f() {}`)).toThrow(/does not load/);
  });

  test('syntax newer than ES2020 (class fields) does not load', () => {
    expect(() => hostFor(`class A { x = 1; }\nfunction f() {}`)).toThrow(/does not load/);
  });

  test('global state does not survive between executions', () => {
    const host = hostFor(`var n = 0; function bump() { n++; return n; }`);
    expect(host.run('bump').value).toBe(1);
    expect(host.run('bump').value).toBe(1);
  });

  test('a missing function is an error naming it', () => {
    const host = hostFor(`function a() {}`);
    const r = host.run('nope');
    expect(r.status).toBe('error');
    expect(r.error).toContain('Script function not found: nope');
  });

  test('errors escaping the script are reported', () => {
    const host = hostFor(`function boom() { throw new TypeError('hỏng'); }`);
    const r = host.run('boom');
    expect(r.status).toBe('error');
    expect(r.error).toBe('TypeError: hỏng');
  });
});

describe('virtual clock Date', () => {
  test('Date.now() and new Date() follow the virtual clock; other Date behaviour unchanged', () => {
    const host = hostFor(`function probe() {
      var a = Date.now();
      Utilities.sleep(5000);
      var b = new Date().getTime();
      return [a, b, new Date(0).toISOString(), Date.UTC(2020, 0, 1), typeof Date(), Date.length];
    }`);
    const start = host.rt.nowMs;
    const r = host.run('probe');
    const [a, b, iso, utc, kind, len] = r.value as [number, number, string, number, string, number];
    expect(a).toBeGreaterThanOrEqual(start);
    expect(a - start).toBeLessThan(10);
    expect(b - a).toBeGreaterThanOrEqual(5000);
    expect(iso).toBe('1970-01-01T00:00:00.000Z');
    expect(utc).toBe(Date.UTC(2020, 0, 1));
    expect(kind).toBe('string');
    expect(len).toBe(7);
  });

  test('dates made by the fakes are instanceof Date inside; fake errors are instanceof Error', () => {
    const host = hostFor(`function probe() {
      var d = new Date(2026, 0, 1);
      var t = ScriptApp.newTrigger('x').timeBased().at(d);
      var caught;
      try { Utilities.base64Decode('***'); } catch (e) { caught = e; }
      var keys = PropertiesService.getScriptProperties().getKeys();
      return [d instanceof Date, caught instanceof Error, caught.name, caught.message,
        keys instanceof Array, String(caught)];
    }`);
    const r = host.run('probe');
    expect(r.value).toEqual([
      true,
      true,
      'Exception',
      'Could not decode string.',
      true,
      'Exception: Could not decode string.',
    ]);
  });
});

describe('execution limits on the virtual clock', () => {
  test('a manual run is killed after 6 minutes (Utilities.sleep)', () => {
    const host = hostFor(
      `function long() { for (var i = 0; i < 100; i++) Utilities.sleep(60000); return 'done'; }`,
    );
    const r = host.run('long');
    expect(r.status).toBe('killed');
    expect(r.virtualMs).toBeGreaterThan(6 * 60000);
    expect(r.virtualMs).toBeLessThanOrEqual(7 * 60000);
  });

  test('a simple trigger is killed after 30 seconds, even if the script catches the error', () => {
    const host = hostFor(`function onOpen() {
      try { for (var i = 0; i < 100; i++) Utilities.sleep(10000); } catch (e) { return 'caught ' + e.message; }
    }`);
    const [r] = host.open();
    expect(r?.status).toBe('killed');
    expect(r?.virtualMs).toBeLessThanOrEqual(40000);
  });

  test('after a kill no further service call succeeds', () => {
    const host = hostFor(`function f() {
      try { Utilities.sleep(300000); Utilities.sleep(300000); } catch (e) {}
      PropertiesService.getScriptProperties().setProperty('after', 'kill');
    }`);
    const r = host.run('f');
    expect(r.status).toBe('killed');
    expect(host.properties.script.has('after')).toBe(false);
  });
});

describe('fault injection', () => {
  test('the nth call throws the given message', () => {
    const host = hostFor(`function f() {
      var p = PropertiesService.getScriptProperties();
      var out = [];
      for (var i = 0; i < 3; i++) {
        try { p.setProperty('k' + i, 'v'); out.push('ok'); } catch (e) { out.push(e.message); }
      }
      return out;
    }`);
    host.rt.injectFault({
      method: 'Properties.setProperty',
      nth: 2,
      message: 'Service unavailable: Properties',
    });
    expect(host.run('f').value).toEqual(['ok', 'Service unavailable: Properties', 'ok']);
  });

  test('kill at a given virtual time: the call that reaches it does not happen', () => {
    const host = hostFor(`function f() {
      var c = CacheService.getScriptCache();
      for (var i = 0; i < 10; i++) { c.put('k' + i, 'v'); Utilities.sleep(1000); }
    }`);
    host.rt.killWhen({ atMs: host.rt.nowMs + 3500 });
    const r = host.run('f');
    expect(r.status).toBe('killed');
    // Puts at about 0, 1, 2 and 3 s ran; the sleep that reached 3.5 s was the last call.
    expect([...host.cache.script.keys()]).toEqual(['k0', 'k1', 'k2', 'k3']);
  });

  test('kill right after a call', () => {
    const host = hostFor(`function f() {
      var c = CacheService.getScriptCache();
      c.put('a', '1'); c.put('b', '2'); c.put('c', '3');
    }`);
    host.rt.killWhen({ afterCall: { method: 'Cache.put', nth: 2 } });
    const r = host.run('f');
    expect(r.status).toBe('killed');
    expect([...host.cache.script.keys()]).toEqual(['a', 'b']);
  });
});

describe('real-time guard', () => {
  test('a script spinning without service calls is stopped', () => {
    const host = hostFor(`function spin() { while (true) {} }`, {
      sandbox: { realTimeoutMs: 200 },
    });
    const r = host.run('spin');
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/timed out/);
  });
});
