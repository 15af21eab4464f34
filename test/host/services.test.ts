/**
 * Conformance tests of the non-Sheets services, each against the reference page it follows
 * (cited in the describe titles and in local/host/services/*.ts).
 */
import { createHash } from 'node:crypto';
import { hostFor } from './sandboxStandIn';
import { formatJavaDate, parseCsvText } from '../../local/host/services/utilities';
import { LOCK_TIMEOUT_MESSAGE } from '../../local/host/services/lock';

function value(code: string, fn = 'f'): unknown {
  const r = hostFor(code).run(fn);
  if (r.status !== 'ok') throw new Error(`${r.status}: ${r.error}`);
  return r.value;
}

describe('PropertiesService (reference/properties; quotas page: 9 KB a value, 500 KB a store)', () => {
  test('set, get, keys, delete; values become strings; stores persist across executions', () => {
    const host = hostFor(`
      function set() {
        PropertiesService.getScriptProperties().setProperty('a', 5).setProperties({ b: 'x', c: true });
        PropertiesService.getUserProperties().setProperty('u', '1');
        PropertiesService.getDocumentProperties().setProperty('d', '1');
      }
      function get() {
        var p = PropertiesService.getScriptProperties();
        var r = [p.getProperty('a'), p.getProperty('c'), p.getProperty('zz'), p.getKeys().sort().join(',')];
        p.deleteProperty('a');
        r.push(JSON.stringify(p.getProperties()));
        p.setProperties({ only: '1' }, true);
        r.push(p.getKeys().join(','));
        p.deleteAllProperties();
        r.push(p.getKeys().length);
        return r;
      }`);
    expect(host.run('set').status).toBe('ok');
    expect(host.run('get').value).toEqual([
      '5',
      'true',
      null,
      'a,b,c',
      '{"b":"x","c":"true"}',
      'only',
      0,
    ]);
    expect(host.properties.userStore('owner@thidua.test').get('u')).toBe('1');
    expect(host.properties.document.get('d')).toBe('1');
  });

  test('a value over 9 KB is refused with "Argument too large: value"; 9 KB exactly is fine', () => {
    const host = hostFor(`function f() {
      var p = PropertiesService.getScriptProperties();
      p.setProperty('ok', new Array(9 * 1024 + 1).join('x'));
      try { p.setProperty('big', new Array(9 * 1024 + 2).join('x')); } catch (e) { return e.message; }
    }`);
    expect(host.run('f').value).toBe('Argument too large: value');
    expect(host.properties.script.has('big')).toBe(false);
    expect(host.properties.script.get('ok')?.length).toBe(9216);
  });

  test('Vietnamese text counts in UTF-8 bytes', () => {
    // 'ệ' is 3 bytes in UTF-8: 3,100 of them are 9,300 bytes > 9,216.
    expect(
      value(`function f() {
        try { PropertiesService.getScriptProperties().setProperty('v', new Array(3101).join('ệ')); return 'stored'; }
        catch (e) { return e.message; }
      }`),
    ).toBe('Argument too large: value');
  });

  test('a store over 500 KB is refused with the storage-quota message and left unchanged', () => {
    const host = hostFor(`function f() {
      var p = PropertiesService.getScriptProperties();
      var v = new Array(9000).join('x');
      try { for (var i = 0; i < 100; i++) p.setProperty('k' + i, v); } catch (e) { return [i, e.message]; }
    }`);
    const [count, message] = host.run('f').value as [number, string];
    expect(message).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(count).toBe(56); // 56 × (≈9 KB) > 500 KB
    expect(host.properties.script.size).toBe(56);
  });

  test('calls are counted and cost virtual time (Peralta: get ≈ 30 ms, set ≈ 62 ms)', () => {
    const host = hostFor(
      `function f() { var p = PropertiesService.getScriptProperties(); p.setProperty('a', '1'); p.getProperty('a'); }`,
    );
    const r = host.run('f');
    expect(host.rt.calls.get('Properties.setProperty')).toBe(1);
    expect(r.virtualMs).toBeGreaterThanOrEqual(92);
  });
});

describe('CacheService (reference/cache/cache: 600 s default, 21,600 s max, 250-char keys, 100 KB values)', () => {
  test('put/get/getAll/remove/removeAll; expiry on the virtual clock', () => {
    const host = hostFor(`
      function put() {
        var c = CacheService.getScriptCache();
        c.put('a', '1'); c.put('b', '2', 30); c.putAll({ x: 'X', y: 'Y' }, 3600);
        return [c.get('a'), JSON.stringify(c.getAll(['a', 'x', 'missing']))];
      }
      function get() { var c = CacheService.getScriptCache(); return [c.get('a'), c.get('b'), c.get('x')]; }
      function rm() { var c = CacheService.getScriptCache(); c.remove('x'); c.removeAll(['y']); return [c.get('x'), c.get('y')]; }`);
    expect(host.run('put').value).toEqual(['1', '{"a":"1","x":"X"}']);
    host.rt.advance(60 * 1000);
    expect(host.run('get').value).toEqual(['1', null, 'X']);
    host.rt.advance(600 * 1000);
    expect(host.run('get').value).toEqual([null, null, 'X']);
    expect(host.run('rm').value).toEqual([null, null]);
  });

  test('expiry is capped at 21,600 s', () => {
    const host = hostFor(`function put() { CacheService.getUserCache().put('k', 'v', 100000); }
      function get() { return CacheService.getUserCache().get('k'); }`);
    host.run('put');
    host.rt.advance(21600 * 1000 - 1000);
    expect(host.run('get').value).toBe('v');
    host.rt.advance(2000);
    expect(host.run('get').value).toBeNull();
  });

  test('key over 250 characters and value over 100 KB are refused', () => {
    expect(
      value(`function f() {
        var c = CacheService.getDocumentCache(), out = [];
        try { c.put(new Array(252).join('k'), 'v'); } catch (e) { out.push(e.message); }
        try { c.put('k', new Array(100 * 1024 + 2).join('v')); } catch (e) { out.push(e.message); }
        c.put(new Array(251).join('k'), new Array(100 * 1024 + 1).join('v'));
        out.push('limits ok');
        return out;
      }`),
    ).toEqual(['Argument too large: key', 'Argument too large: value', 'limits ok']);
  });

  test('more than 1,000 items keeps the 900 farthest from expiry', () => {
    const host = hostFor(`function f() {
      var c = CacheService.getScriptCache();
      for (var i = 0; i < 1001; i++) c.put('k' + i, 'v', 3600 + i);
      return [c.get('k0'), c.get('k1000')];
    }`);
    expect(host.run('f').value).toEqual([null, 'v']);
    expect(host.cache.script.size).toBe(900);
  });
});

describe('LockService (reference/lock/lock)', () => {
  test('tryLock / hasLock / releaseLock in one execution; released at the end of the execution', () => {
    const host = hostFor(`
      function a() {
        var l = LockService.getScriptLock();
        var r = [l.hasLock(), l.tryLock(1000), l.hasLock()];
        l.releaseLock();
        r.push(l.hasLock(), l.tryLock(0));
        return r; // the lock is still held when the execution ends
      }
      function b() { return LockService.getScriptLock().tryLock(0); }`);
    expect(host.run('a').value).toEqual([false, true, true, false, true]);
    expect(host.run('b').value).toBe(true); // released when a() ended
  });

  test('a second execution started while the first holds the lock waits its timeout and fails', () => {
    const host = hostFor(`
      function first() {
        var l = LockService.getScriptLock();
        l.waitLock(10000);
        Utilities.sleep(100); // the test starts second() here
        return l.hasLock();
      }
      function second() {
        var t0 = Date.now();
        var got = LockService.getScriptLock().tryLock(5000);
        var out = [got, Date.now() - t0 >= 5000];
        try { LockService.getScriptLock().waitLock(2000); } catch (e) { out.push(e.message); }
        return out;
      }`);
    const inner: unknown[] = [];
    host.onCall('Utilities.sleep', (n) => {
      if (n === 1) inner.push(host.run('second'));
    });
    const outer = host.run('first');
    expect(outer.status).toBe('ok');
    expect(outer.value).toBe(true);
    const r = inner[0] as { status: string; value: unknown };
    expect(r.status).toBe('ok');
    expect(r.value).toEqual([false, true, LOCK_TIMEOUT_MESSAGE]);
  });

  test('a phantom owner holds the lock until a virtual time', () => {
    const host = hostFor(`function f(e) {
      var l = LockService.getDocumentLock();
      var t0 = Date.now();
      return [l.tryLock(1000), l.tryLock(5000), Date.now() - t0];
    }`);
    host.locks.holdPhantom('document', host.rt.nowMs + 3000);
    const [short, long, waited] = host.run('f').value as [boolean, boolean, number];
    expect(short).toBe(false);
    expect(long).toBe(true);
    expect(waited).toBeGreaterThanOrEqual(2950);
    expect(waited).toBeLessThan(3200);
  });

  test('a lock wait can run past the execution limit and is killed', () => {
    const host = hostFor(`function onEdit() { LockService.getScriptLock().waitLock(60000); }`);
    host.locks.holdPhantom('script', host.rt.nowMs + 10 * 60000);
    const out = host.edit('a@x.test', 'Điểm!A1', 1);
    expect(out.runs[0]?.status).toBe('killed');
  });
});

describe('Session (reference/base/session)', () => {
  test('active and effective users, script time zone', () => {
    const host = hostFor(`function f() {
      return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(),
        Session.getScriptTimeZone(), Session.getTemporaryActiveUserKey().length > 10];
    }`);
    expect(host.run('f', { user: 'head@ubnd.test' }).value).toEqual([
      'head@ubnd.test',
      'head@ubnd.test',
      'Asia/Ho_Chi_Minh',
      true,
    ]);
  });

  test('an installable trigger runs as its owner; the active user is visible only within one Workspace domain (reference/base/session#getActiveUser())', () => {
    const code = `function f() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }`;
    const host = hostFor(code, { accounts: { workspaceDomains: ['ubnd.vn'] } });
    const installable = (user: string, activeUser: string) =>
      host.run('f', { kind: 'installable', user, activeUser }).value;
    expect(installable('owner@gmail.com', 'x@gmail.com')).toEqual(['', 'owner@gmail.com']);
    expect(installable('a@ubnd.vn', 'b@ubnd.vn')).toEqual(['b@ubnd.vn', 'a@ubnd.vn']);
    expect(installable('a@ubnd.vn', 'a@ubnd.vn')).toEqual(['a@ubnd.vn', 'a@ubnd.vn']);
    // One domain that is not a registered Workspace domain: two consumer accounts, not revealed.
    expect(installable('a@mttq.example.vn', 'b@mttq.example.vn')).toEqual([
      '',
      'a@mttq.example.vn',
    ]);
    // Different Workspace domains.
    expect(
      hostFor(code, { accounts: { workspaceDomains: ['ubnd.vn', 'so.vn'] } }).run('f', {
        kind: 'installable',
        user: 'a@ubnd.vn',
        activeUser: 'b@so.vn',
      }).value,
    ).toEqual(['', 'a@ubnd.vn']);
  });

  test("a simple trigger sees blank users but the owner's (reference/base/session#getActiveUser())", () => {
    const code = `function f() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }`;
    const host = hostFor(code, {
      spreadsheet: { owner: 'owner@ubnd.vn' },
      accounts: { workspaceDomains: ['ubnd.vn'] },
    });
    expect(host.run('f', { kind: 'simple', user: 'owner@ubnd.vn' }).value).toEqual([
      'owner@ubnd.vn',
      'owner@ubnd.vn',
    ]);
    // STRICTER READING of "generally do not apply if … the same Google Workspace domain": blank.
    expect(host.run('f', { kind: 'simple', user: 'member@ubnd.vn' }).value).toEqual(['', '']);
  });

  test("getActiveUserLocale is the active account's language; en for a default (en_US) account (https://developers.google.com/apps-script/reference/base/session#getActiveUserLocale())", () => {
    const host = hostFor(`function f() { return Session.getActiveUserLocale(); }`, {
      accounts: { profiles: { 'head@ubnd.test': { locale: 'vi_VN' } } },
    });
    expect(host.run('f').value).toBe('en');
    expect(host.run('f', { user: 'head@ubnd.test' }).value).toBe('vi');
  });
});

describe('Utilities (reference/utilities/utilities)', () => {
  const instant = Date.UTC(2026, 0, 5, 1, 2, 3, 45); // 08:02:03.045 in Hà Nội

  test('formatDate in Asia/Ho_Chi_Minh and UTC with SimpleDateFormat patterns', () => {
    expect(formatJavaDate(instant, 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm:ss')).toBe(
      '05/01/2026 08:02:03',
    );
    expect(formatJavaDate(instant, 'UTC', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe(
      '2026-01-05 01:02:03.045',
    );
    expect(formatJavaDate(instant, 'Asia/Ho_Chi_Minh', "'ngày' d 'tháng' M 'năm' yyyy")).toBe(
      'ngày 5 tháng 1 năm 2026',
    );
    expect(formatJavaDate(instant, 'Asia/Ho_Chi_Minh', 'EEE, d MMM yyyy h:mm a z Z XXX')).toBe(
      'Mon, 5 Jan 2026 8:02 AM ICT +0700 +07:00',
    );
    expect(formatJavaDate(instant, 'UTC', 'EEEE MMMM D XXX z')).toBe('Monday January 5 Z UTC');
    expect(formatJavaDate(instant, 'GMT+7', 'HH:mm z')).toBe('08:02 GMT+07:00');
    expect(formatJavaDate(instant, 'Asia/Ho_Chi_Minh', "HH 'o''clock' ''")).toBe("08 o'clock '");
    // Day rolls over across the zone line.
    expect(formatJavaDate(Date.UTC(2025, 11, 31, 20), 'Asia/Ho_Chi_Minh', 'yyyy-MM-dd')).toBe(
      '2026-01-01',
    );
    expect(() => formatJavaDate(instant, 'UTC', 'yyyy-MM-dd q')).toThrow(
      "Illegal pattern character 'q'",
    );
  });

  test('formatDate through the script, and its signature error', () => {
    expect(
      value(`function f() {
        var out = [Utilities.formatDate(new Date(Date.UTC(2026, 0, 5, 1, 2, 3)), 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm')];
        try { Utilities.formatDate('2026-01-05', 'UTC', 'yyyy'); } catch (e) { out.push(e.message); }
        return out;
      }`),
    ).toEqual([
      '05/01/2026 08:02',
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    ]);
  });

  test('base64 of UTF-8 text, signed bytes, web-safe alphabet, decode errors', () => {
    const text = 'Giấy khen ?>';
    const expected = Buffer.from(text, 'utf8').toString('base64');
    const [enc, bytes, safe, back, bad] = value(`function f() {
      var enc = Utilities.base64Encode('${text}');
      var bytes = Utilities.base64Decode(enc);
      var bad; try { Utilities.base64Decode('@@@'); } catch (e) { bad = e.message; }
      return [enc, bytes, Utilities.base64EncodeWebSafe('${text}'),
        Utilities.newBlob(bytes).getDataAsString(), bad];
    }`) as [string, number[], string, string, string];
    expect(enc).toBe(expected);
    expect(bytes).toEqual([...Buffer.from(text, 'utf8')].map((b) => (b > 127 ? b - 256 : b)));
    expect(Math.min(...bytes)).toBeLessThan(0);
    expect(safe).toBe(expected.replace(/\+/g, '-').replace(/\//g, '_'));
    expect(back).toBe(text);
    expect(bad).toBe('Could not decode string.');
  });

  test('computeDigest returns signed bytes (SHA-256, MD5)', () => {
    const [sha, md5] = value(`function f() {
      return [Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'thi đua'),
        Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc', Utilities.Charset.US_ASCII)];
    }`) as [number[], number[]];
    const signed = (b: Buffer): number[] => [...b].map((x) => (x > 127 ? x - 256 : x));
    expect(sha).toEqual(signed(createHash('sha256').update('thi đua', 'utf8').digest()));
    expect(md5).toEqual(signed(createHash('md5').update('abc').digest()));
  });

  test('getUuid is deterministic for a seed and has the v4 layout', () => {
    const code = `function f() { return [Utilities.getUuid(), Utilities.getUuid()]; }`;
    const a = hostFor(code).run('f').value as string[];
    const b = hostFor(code).run('f').value as string[];
    expect(a).toEqual(b);
    expect(a[0]).not.toBe(a[1]);
    expect(a[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(hostFor(code, { uuidSeed: 'other' }).run('f').value).not.toEqual(a);
  });

  test('parseCsv handles quotes, doubled quotes, line breaks in fields and CRLF', () => {
    expect(parseCsvText('a,"b,c","d ""e"""\r\n"x\ny",,z\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['x\ny', '', 'z'],
    ]);
    expect(value(`function f() { return Utilities.parseCsv('a;b\\n1;2', ';'); }`)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  test('newBlob and Blob methods', () => {
    expect(
      value(`function f() {
        var b = Utilities.newBlob('Bằng khen', 'text/plain', 'a.txt');
        var c = b.copyBlob().setName('b.pdf').setContentTypeFromExtension();
        return [b.getDataAsString(), b.getContentType(), b.getName(), c.getName(), c.getContentType(),
          b.getBytes().length, Utilities.newBlob([72, 105]).getContentType(), Utilities.newBlob([72, 105]).getDataAsString()];
      }`),
    ).toEqual(['Bằng khen', 'text/plain', 'a.txt', 'b.pdf', 'application/pdf', 11, null, 'Hi']);
  });

  test('formatString (Java format subset)', () => {
    expect(
      value(
        `function f() { return Utilities.formatString('%s đạt %.1f điểm, hạng %d (%03d) 100%%', 'A', 9.46, 2, 7); }`,
      ),
    ).toBe('A đạt 9.5 điểm, hạng 2 (007) 100%');
  });

  test('sleep advances the virtual clock; over 5 minutes is refused', () => {
    const host =
      hostFor(`function f() { var t = Date.now(); Utilities.sleep(1500); var d = Date.now() - t;
      try { Utilities.sleep(300001); } catch (e) { return [d, e.message]; } }`);
    const [d, msg] = host.run('f').value as [number, string];
    expect(d).toBeGreaterThanOrEqual(1500);
    expect(d).toBeLessThan(1510);
    expect(msg).toBe('Invalid argument: milliseconds');
  });
});

describe('Logger and console (reference/base/logger; guides/logging)', () => {
  test('lines are recorded with their execution, not printed', () => {
    const host = hostFor(`function f() {
      Logger.log('Đơn vị %s: %s điểm', 'Ba Đình', 95);
      Logger.log({ a: [1, 2] });
      console.warn('cảnh báo', 3);
      console.error(new Error('lỗi'));
      return Logger.getLog();
    }`);
    const r = host.run('f');
    expect(r.value).toBe('Đơn vị Ba Đình: 95 điểm\n{"a":[1,2]}\n');
    expect(host.logs.lines.map((l) => [l.source, l.level, l.message, l.functionName])).toEqual([
      ['Logger', 'info', 'Đơn vị Ba Đình: 95 điểm', 'f'],
      ['Logger', 'info', '{"a":[1,2]}', 'f'],
      ['console', 'warn', 'cảnh báo 3', 'f'],
      ['console', 'error', 'Error: lỗi', 'f'],
    ]);
  });
});

describe('strictness', () => {
  test('a method the host lacks fails loudly, naming it', () => {
    const host = hostFor(`function f() { return Utilities.zip([]); }`);
    const r = host.run('f');
    expect(r.status).toBe('error');
    expect(r.error).toContain('Utilities.zip is not implemented by the host');
  });
});
