/**
 * Session: who the script runs as and for whom.
 *
 * Reference: https://developers.google.com/apps-script/reference/base/session — getEffectiveUser is
 * the user whose authority the script runs under ("If the script is running under an installable
 * trigger, this returns the account of the user who created the trigger"); getActiveUser is the user
 * at the keyboard, "If security policies do not allow access to the user's identity,
 * User.getEmail() returns a blank string". Which addresses are visible is the accounts model's rule
 * (../accounts.ts, `visibleActiveEmail`), the one the host's event objects follow too.
 * getActiveUserLocale is the active user's account language ("for example, en for English").
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { createHash } from 'node:crypto';

type RealSession = GoogleAppsScript.Base.Session;
type RealUser = GoogleAppsScript.Base.User;

export class UserFake implements FakeOf<RealUser> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.rt.call('User.getEmail');
    return this.email;
  }
}

export function createUser(rt: HostRuntime, email: string): RealUser {
  return strict(new UserFake(rt, email), 'User') as unknown as RealUser;
}

export interface SessionOptions {
  /** The script's time zone (appsscript.json "timeZone"). */
  timeZone: string;
}

/** The active user's e-mail as the script may see it in the current execution. */
export function scriptVisibleActiveEmail(rt: HostRuntime): string {
  const exec = rt.current;
  if (!exec) return rt.owner;
  return rt.accounts.visibleActiveEmail(exec.kind, rt.activeUser(), exec.user, rt.owner);
}

class SessionFake implements FakeOf<RealSession> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly options: SessionOptions,
  ) {}

  getActiveUser(): RealUser {
    this.rt.call('Session.getActiveUser');
    return createUser(this.rt, scriptVisibleActiveEmail(this.rt));
  }

  getEffectiveUser(): RealUser {
    this.rt.call('Session.getEffectiveUser');
    const exec = this.rt.current;
    const email = exec
      ? this.rt.accounts.visibleEffectiveEmail(exec.kind, exec.user, this.rt.owner)
      : this.rt.owner;
    return createUser(this.rt, email);
  }

  getScriptTimeZone(): string {
    this.rt.call('Session.getScriptTimeZone');
    return this.options.timeZone;
  }

  getActiveUserLocale(): string {
    this.rt.call('Session.getActiveUserLocale');
    // The account's language: "en" for an en_US account, as the reference's example.
    return this.rt.accounts.account(this.rt.activeUser()).locale.split(/[_-]/)[0] ?? '';
  }

  getTemporaryActiveUserKey(): string {
    this.rt.call('Session.getTemporaryActiveUserKey');
    // Stable per user (Google rotates it every 30 days; the host never does).
    return createHash('sha256')
      .update(`thidua-host:${this.rt.activeUser()}`)
      .digest('base64')
      .slice(0, 43);
  }
}

export function createSession(rt: HostRuntime, options: SessionOptions): RealSession {
  return strict(new SessionFake(rt, options), 'Session') as unknown as RealSession;
}

export const sessionChecks: [true, true] = [
  assertType<AssertNoExtraMethods<SessionFake, RealSession>>(),
  assertType<AssertNoExtraMethods<UserFake, RealUser>>(),
];
