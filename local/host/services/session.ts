/**
 * Session: who the script runs as and for whom.
 *
 * Reference: https://developers.google.com/apps-script/reference/base/session — getEffectiveUser is
 * the user whose authority the script runs under (the trigger's owner for installable triggers);
 * getActiveUser is the user at the keyboard, "If security policies do not allow access to the user's
 * identity, User.getEmail() returns a blank string" — restrictions that "generally do not apply if
 * the developer runs the script themselves or belongs to the same Google Workspace domain as the user".
 * ASSUMPTION: the active user's e-mail is returned when it is the effective user or shares the
 * effective user's domain and that domain is not a consumer one (gmail.com); '' otherwise.
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
  locale: string;
  /** The user at the keyboard for the current execution, when it differs from the execution's user. */
  activeUserOf: (executionId: number) => string | undefined;
}

const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The active user's e-mail as Session.getActiveUser().getEmail() reports it under the rule above. */
export function visibleActiveEmail(active: string, effective: string): string {
  if (active === effective) return active;
  const d = domainOf(active);
  return d === domainOf(effective) && !CONSUMER_DOMAINS.has(d) ? active : '';
}

class SessionFake implements FakeOf<RealSession> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly options: SessionOptions,
  ) {}

  getActiveUser(): RealUser {
    this.rt.call('Session.getActiveUser');
    const effective = this.effective();
    const exec = this.rt.current;
    const active = (exec && this.options.activeUserOf(exec.id)) ?? effective;
    return createUser(this.rt, visibleActiveEmail(active, effective));
  }

  getEffectiveUser(): RealUser {
    this.rt.call('Session.getEffectiveUser');
    return createUser(this.rt, this.effective());
  }

  getScriptTimeZone(): string {
    this.rt.call('Session.getScriptTimeZone');
    return this.options.timeZone;
  }

  getActiveUserLocale(): string {
    this.rt.call('Session.getActiveUserLocale');
    return this.options.locale;
  }

  getTemporaryActiveUserKey(): string {
    this.rt.call('Session.getTemporaryActiveUserKey');
    // Stable per user (Google rotates it every 30 days; the host never does).
    const active = this.rt.current
      ? (this.options.activeUserOf(this.rt.current.id) ?? this.effective())
      : this.effective();
    return createHash('sha256').update(`thidua-host:${active}`).digest('base64').slice(0, 43);
  }

  private effective(): string {
    return this.rt.current?.user ?? this.rt.owner;
  }
}

export function createSession(rt: HostRuntime, options: SessionOptions): RealSession {
  return strict(new SessionFake(rt, options), 'Session') as unknown as RealSession;
}

export const sessionChecks: [true, true] = [
  assertType<AssertNoExtraMethods<SessionFake, RealSession>>(),
  assertType<AssertNoExtraMethods<UserFake, RealUser>>(),
];
