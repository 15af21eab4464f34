/**
 * The accounts model (local/host/accounts.ts) and the per-user daily quotas of the runtime.
 * References:
 * - https://developers.google.com/apps-script/guides/services/quotas : "Quotas are set at different
 *   levels for users of consumer accounts (such as gmail.com) and Google Workspace accounts. Quotas
 *   are per user and reset 24 hours after the first request."
 * - https://developers.google.com/apps-script/reference/base/session#getActiveUser() and
 *   https://developers.google.com/apps-script/reference/base/user#getEmail() (who is visible).
 * - https://developers.google.com/apps-script/guides/triggers/installable (runs as its creator).
 */
import { Accounts, ANONYMOUS_USER } from '../../local/host/accounts';
import { AUTHORIZATION_REQUIRED } from '../../local/host';
import { HostRuntime, QUOTA_WINDOW_MS } from '../../local/host/runtime';
import { hostFor } from './sandboxStandIn';

describe('account kinds', () => {
  const accounts = new Accounts({
    workspaceDomains: ['UBND.hanoi.gov.vn', 'gmail.com'],
    profiles: { 'head@ubnd.hanoi.gov.vn': { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' } },
  });

  test('any address is a consumer account unless its domain is a registered Workspace domain', () => {
    expect(accounts.kindOf('badinh.mttq@gmail.com')).toBe('consumer');
    expect(accounts.kindOf('a@gmail.com')).toBe('consumer'); // gmail.com is never Workspace
    expect(accounts.kindOf('Head@ubnd.hanoi.gov.vn')).toBe('workspace');
    expect(accounts.kindOf(ANONYMOUS_USER)).toBe('anonymous');
    expect(accounts.workspaceDomainOf('head@ubnd.hanoi.gov.vn')).toBe('ubnd.hanoi.gov.vn');
    expect(accounts.workspaceDomainOf('badinh.mttq@gmail.com')).toBeUndefined();
    expect(accounts.quotaTypeOf(ANONYMOUS_USER)).toBe('consumer');
  });

  test('same Workspace: one registered domain only; consumer accounts of one domain never share one', () => {
    expect(accounts.sameWorkspace('a@ubnd.hanoi.gov.vn', 'b@ubnd.hanoi.gov.vn')).toBe(true);
    expect(accounts.sameWorkspace('a@mttq.example.vn', 'b@mttq.example.vn')).toBe(false);
    expect(accounts.sameWorkspace('a@gmail.com', 'b@gmail.com')).toBe(false);
  });

  test('locale and time zone: en_US / America/Los_Angeles unless the profile says otherwise', () => {
    expect(accounts.account('x@gmail.com')).toEqual({
      email: 'x@gmail.com',
      kind: 'consumer',
      locale: 'en_US',
      timeZone: 'America/Los_Angeles',
    });
    expect(accounts.account('head@ubnd.hanoi.gov.vn')).toMatchObject({
      kind: 'workspace',
      domain: 'ubnd.hanoi.gov.vn',
      locale: 'vi_VN',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  });

  test('visibility of the active user by context (reference/base/session#getActiveUser())', () => {
    const owner = 'owner@gmail.com';
    const v = (ctx: Parameters<Accounts['visibleActiveEmail']>[0], active: string, eff: string) =>
      accounts.visibleActiveEmail(ctx, active, eff, owner);
    expect(v('menu', 'x@gmail.com', 'x@gmail.com')).toBe('x@gmail.com');
    expect(v('simple', owner, owner)).toBe(owner);
    expect(v('simple', 'x@gmail.com', 'x@gmail.com')).toBe('');
    expect(v('installable', 'x@gmail.com', owner)).toBe('');
    expect(v('installable', 'b@ubnd.hanoi.gov.vn', 'a@ubnd.hanoi.gov.vn')).toBe(
      'b@ubnd.hanoi.gov.vn',
    );
    expect(v('installable', ANONYMOUS_USER, owner)).toBe('');
    expect(v('timeBased', owner, owner)).toBe(owner);
  });
});

describe('identity in the host', () => {
  test('a menu item clicked by an anonymous link editor fails before it runs: no authorisation', () => {
    const host = hostFor(
      `function f() { PropertiesService.getScriptProperties().setProperty('ran', 'yes'); }`,
    );
    const r = host.run('f', { kind: 'menu', user: ANONYMOUS_USER });
    // Google's wording when a script runs without the user's authorisation (widely quoted
    // "Authorization is required to perform that action.").
    expect(r.status).toBe('error');
    expect(r.error).toBe(`Exception: ${AUTHORIZATION_REQUIRED}`);
    expect(r.calls).toBe(0);
    expect(host.properties.script.get('ran')).toBeUndefined();
  });

  test('an anonymous edit runs the simple onEdit with a blank user; the Sheets fakes got the real key', () => {
    const host = hostFor(
      `function onEdit(e) { PropertiesService.getScriptProperties().setProperty('u', '[' + e.user.getEmail() + '|' + Session.getEffectiveUser().getEmail() + ']'); }`,
    );
    const out = host.edit(ANONYMOUS_USER, 'Điểm!A1', 1);
    expect(out.runs.map((r) => r.status)).toEqual(['ok']);
    expect(out.runs[0]?.execution.user).toBe(ANONYMOUS_USER);
    expect(host.properties.script.get('u')).toBe('[|]');
  });

  test("the spreadsheet factory gets the owner's Workspace domain, locale and time zone unless the options set them", () => {
    const seen: unknown[] = [];
    const make = (extra: Parameters<typeof hostFor>[1]) =>
      hostFor('function f() {}', {
        ...extra,
        spreadsheetFactory: (_rt, o) => {
          seen.push({ workspaceDomain: o.workspaceDomain, locale: o.locale, timeZone: o.timeZone });
          return {
            SpreadsheetApp: {},
            Charts: {},
            model: { userEdit: () => ({ accepted: false, range: null }) },
          };
        },
      });
    make({ spreadsheet: { owner: 'chu@ubnd.vn' }, accounts: { workspaceDomains: ['ubnd.vn'] } });
    make({
      spreadsheet: { owner: 'chu@gmail.com', locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
    });
    expect(seen).toEqual([
      { workspaceDomain: 'ubnd.vn', locale: 'en_US', timeZone: 'America/Los_Angeles' },
      { workspaceDomain: undefined, locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
    ]);
  });
});

describe('daily quotas per user, in 24-hour windows from the first request (guides/services/quotas)', () => {
  const HOUR = 3600 * 1000;

  test("each user has their own allowance at their account's level", () => {
    const rt = new HostRuntime({ accounts: { workspaceDomains: ['ubnd.vn'] } });
    rt.useQuota('documentsCreated', 250, true, 'a@gmail.com');
    expect(() => {
      rt.useQuota('documentsCreated', 1, true, 'a@gmail.com');
    }).toThrow('Service invoked too many times for one day: docs create.');
    expect(rt.quotaRemaining('documentsCreated', 'b@gmail.com')).toBe(250);
    expect(rt.quotaRemaining('documentsCreated', 'c@ubnd.vn')).toBe(1500);
    // A consumer account of a non-Workspace government domain has the consumer level.
    expect(rt.quotaRemaining('emailRecipients', 'badinh.mttq@gmail.com')).toBe(100);
  });

  test('the window opens at the first counted request and closes 24 h later, not at a midnight', () => {
    const rt = new HostRuntime({ startTime: new Date('2026-01-15T20:30:00+07:00') });
    const first = rt.nowMs;
    expect(rt.quotaWindowEndsAt('documentsCreated', 'a@gmail.com')).toBeUndefined();
    rt.useQuota('documentsCreated', 200, true, 'a@gmail.com');
    rt.nowMs += 20 * HOUR; // past midnight in Hà Nội and in California
    rt.useQuota('documentsCreated', 50, true, 'a@gmail.com');
    expect(rt.quotaRemaining('documentsCreated', 'a@gmail.com')).toBe(0);
    expect(rt.quotaWindowEndsAt('documentsCreated', 'a@gmail.com')).toBe(first + QUOTA_WINDOW_MS);
    rt.nowMs = first + QUOTA_WINDOW_MS - 1;
    expect(() => {
      rt.useQuota('documentsCreated', 1, true, 'a@gmail.com');
    }).toThrow(/docs create/);
    rt.nowMs = first + QUOTA_WINDOW_MS;
    expect(rt.quotaRemaining('documentsCreated', 'a@gmail.com')).toBe(250);
    // The next window opens at the next request, not at the end of the last one.
    rt.nowMs += 5 * HOUR;
    rt.useQuota('documentsCreated', 1, true, 'a@gmail.com');
    expect(rt.quotaWindowEndsAt('documentsCreated', 'a@gmail.com')).toBe(
      rt.nowMs + QUOTA_WINDOW_MS,
    );
  });

  test("the script spends its effective user's quota: the trigger creator's, not the editor's", () => {
    const rt = new HostRuntime({ owner: 'owner@gmail.com' });
    const exec = rt.beginExecution('installable', 'audit', 'owner@gmail.com', 'editor@gmail.com');
    rt.useQuota('emailRecipients', 3);
    rt.endExecution(exec);
    expect(rt.quotaRemaining('emailRecipients', 'owner@gmail.com')).toBe(97);
    expect(rt.quotaRemaining('emailRecipients', 'editor@gmail.com')).toBe(100);
  });

  test('runtime.accountType "workspace" still works: the owner\'s domain becomes a Workspace domain', () => {
    const rt = new HostRuntime({ accountType: 'workspace', owner: 'owner@thidua.test' });
    expect(rt.accountType).toBe('workspace');
    expect(rt.quotaRemaining('documentsCreated')).toBe(1500);
    expect(rt.accounts.kindOf('x@gmail.com')).toBe('consumer');
  });
});
