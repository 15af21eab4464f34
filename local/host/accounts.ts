/**
 * Accounts: the one model of who a user is that every fake of the host reads (through
 * `rt.accounts`): the kind of account, its Workspace domain, its locale and time zone, and what the
 * script may learn of a user's identity.
 *
 * - Any e-mail address can be a Google account (https://support.google.com/accounts/answer/27441:
 *   "you can use an existing email address"), so an address is a consumer account unless its domain
 *   is registered as a Google Workspace domain (`workspaceDomains`). gmail.com is never Workspace.
 * - A link editor who is not signed in is anonymous (`ANONYMOUS_USER`). Sheets still knows such an
 *   edit came from "anonymous" for its own permission checks; the script is told nothing.
 * - Quotas (https://developers.google.com/apps-script/guides/services/quotas): "Quotas are set at
 *   different levels for users of consumer accounts (such as gmail.com) and Google Workspace
 *   accounts. Quotas are per user and reset 24 hours after the first request." Anonymous users
 *   cannot authorise a script; whatever they spend (simple triggers) is counted as a consumer's.
 * - ASSUMPTION: a new account's locale and time zone are en_US and America/Los_Angeles (Google's
 *   defaults for an English account; a new spreadsheet takes its creator's), unless `profiles` says
 *   otherwise.
 */

export type AccountKind = 'consumer' | 'workspace' | 'anonymous';

/** The two quota levels of the quotas page. */
export type AccountType = 'consumer' | 'workspace';

/** The host-side key of the anonymous link editor; not an e-mail address on purpose. */
export const ANONYMOUS_USER = '(anonymous)';

export const DEFAULT_LOCALE = 'en_US';
export const DEFAULT_TIME_ZONE = 'America/Los_Angeles';

/** Domains that are consumer domains whatever the options say. */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export interface AccountProfile {
  locale?: string;
  timeZone?: string;
}

export interface AccountsOptions {
  /** Domains that are Google Workspace domains (e.g. 'ubnd.hanoi.gov.vn'); every other address is consumer. */
  workspaceDomains?: string[];
  /** Per-account locale and time zone, by e-mail. */
  profiles?: Record<string, AccountProfile>;
}

export interface Account {
  email: string;
  kind: AccountKind;
  /** The Workspace domain; undefined for consumer and anonymous accounts. */
  domain?: string;
  locale: string;
  timeZone: string;
}

/** How an execution was started, as far as identity is concerned. */
export type IdentityContext = 'simple' | 'installable' | 'timeBased' | 'menu' | 'manual';

export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

const key = (email: string): string => email.trim().toLowerCase();

export class Accounts {
  private readonly workspace: Set<string>;
  private readonly profiles = new Map<string, AccountProfile>();

  constructor(options: AccountsOptions = {}) {
    this.workspace = new Set(
      (options.workspaceDomains ?? [])
        .map((d) => d.trim().toLowerCase())
        .filter((d) => d !== '' && !CONSUMER_DOMAINS.has(d)),
    );
    for (const [email, profile] of Object.entries(options.profiles ?? {})) {
      this.profiles.set(key(email), profile);
    }
  }

  /** Registers a Workspace domain after construction (RuntimeOptions.accountType compatibility). */
  addWorkspaceDomain(domain: string): void {
    const d = domain.trim().toLowerCase();
    if (d !== '' && !CONSUMER_DOMAINS.has(d)) this.workspace.add(d);
  }

  kindOf(email: string): AccountKind {
    if (email === ANONYMOUS_USER || email.trim() === '') return 'anonymous';
    return this.workspace.has(emailDomain(email)) ? 'workspace' : 'consumer';
  }

  /** The quota level of a user: anonymous spending is counted at the consumer level. */
  quotaTypeOf(email: string): AccountType {
    return this.kindOf(email) === 'workspace' ? 'workspace' : 'consumer';
  }

  workspaceDomainOf(email: string): string | undefined {
    return this.kindOf(email) === 'workspace' ? emailDomain(email) : undefined;
  }

  /** Both users are Workspace accounts of one domain; consumer accounts never share a domain. */
  sameWorkspace(a: string, b: string): boolean {
    const da = this.workspaceDomainOf(a);
    return da !== undefined && da === this.workspaceDomainOf(b);
  }

  account(email: string): Account {
    const kind = this.kindOf(email);
    const profile = this.profiles.get(key(email)) ?? {};
    const out: Account = {
      email,
      kind,
      locale: profile.locale ?? DEFAULT_LOCALE,
      timeZone: profile.timeZone ?? DEFAULT_TIME_ZONE,
    };
    const domain = this.workspaceDomainOf(email);
    if (domain !== undefined) out.domain = domain;
    return out;
  }

  /**
   * The e-mail of the user at the keyboard as the script sees it (the event's `user`,
   * Session.getActiveUser().getEmail()), or '' where Google hides it.
   *
   * https://developers.google.com/apps-script/reference/base/session#getActiveUser() : the address
   * "is not available in any context that allows a script to run without that user's
   * authorization, like a simple onOpen(e) or onEdit(e) trigger … However, these restrictions
   * generally do not apply if the developer runs the script themselves or belongs to the same
   * Google Workspace domain as the user."
   * - manual and menu runs: the user authorised the script and runs it as themselves: visible;
   * - simple triggers: visible to the file's owner only. STRICTER READING: blank even for a user of
   *   the owner's Workspace domain ("generally do not apply" is not a promise);
   * - installable triggers run as their creator (`effective`): the active user is visible when it
   *   is the creator or both are accounts of one Workspace domain;
   * - time-driven triggers: nobody is at the keyboard; the active user is the creator (as
   *   getEffectiveUser: "In most other scenarios, this returns the same account as getActiveUser()").
   */
  visibleActiveEmail(
    context: IdentityContext,
    active: string,
    effective: string,
    fileOwner: string,
  ): string {
    if (this.kindOf(active) === 'anonymous') return '';
    switch (context) {
      case 'manual':
      case 'menu':
      case 'timeBased':
        return active;
      case 'simple':
        return key(active) === key(fileOwner) ? active : '';
      case 'installable':
        return key(active) === key(effective) || this.sameWorkspace(active, effective)
          ? active
          : '';
    }
  }

  /**
   * Session.getEffectiveUser().getEmail(): the creator of an installable or time-driven trigger;
   * in a simple trigger the user at the keyboard, under the rule above (blank but for the owner).
   */
  visibleEffectiveEmail(context: IdentityContext, effective: string, fileOwner: string): string {
    if (this.kindOf(effective) === 'anonymous') return '';
    if (context === 'simple') return key(effective) === key(fileOwner) ? effective : '';
    return effective;
  }
}
