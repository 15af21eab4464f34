/**
 * The host's accounting: a virtual clock, a call counter, the cost model, execution limits,
 * daily quotas and fault injection. Every fake service method starts with `rt.call(...)`, so a
 * method is counted, may be made to fail, advances the clock, and is refused once the execution
 * has been killed.
 */
import { CostModel, DEFAULT_COST_MODEL, costOf, serviceOf } from './costModel';
import { Accounts, emailDomain, type AccountType, type AccountsOptions } from './accounts';

export type { AccountType } from './accounts';

/** How an execution was started; decides its time limit and which services it may use. */
export type ExecutionKind =
  | 'simple' // onOpen / onEdit simple triggers: 30 s, no services that need authorisation
  | 'installable' // installable triggers (spreadsheet edit/open/change)
  | 'timeBased' // time-driven triggers
  | 'menu' // a menu item or a button
  | 'manual'; // run from the editor or by a test

/** Apps Script's limits, from https://developers.google.com/apps-script/guides/services/quotas */
export const LIMITS = {
  executionMs: 6 * 60 * 1000,
  simpleTriggerMs: 30 * 1000,
  triggersPerUserPerScript: 20,
} as const;

/** Daily quotas per account type, from the quotas page above. */
export const DAILY_QUOTAS: Record<AccountType, Record<QuotaName, number>> = {
  consumer: {
    documentsCreated: 250,
    filesConverted: 2000,
    emailRecipients: 100,
    triggerRuntimeMs: 90 * 60 * 1000,
  },
  workspace: {
    documentsCreated: 1500,
    filesConverted: 4000,
    emailRecipients: 1500,
    triggerRuntimeMs: 6 * 60 * 60 * 1000,
  },
};

export type QuotaName =
  'documentsCreated' | 'filesConverted' | 'emailRecipients' | 'triggerRuntimeMs';

/** Messages Apps Script shows when a daily quota runs out (quotas page, "Limitations"). */
const QUOTA_MESSAGES: Record<QuotaName, string> = {
  documentsCreated: 'Service invoked too many times for one day: docs create.',
  filesConverted: 'Service invoked too many times for one day: driveapp conversions.',
  emailRecipients: 'Service invoked too many times for one day: email.',
  triggerRuntimeMs: 'Service using too much computer time for one day',
};

export const KILLED_MESSAGE = 'Exceeded maximum execution time';

export interface Execution {
  id: number;
  kind: ExecutionKind;
  functionName: string;
  /** E-mail of the user the script runs as (Session.getEffectiveUser; its quotas are spent). */
  user: string;
  /** The user at the keyboard when it is not `user` (an installable trigger fired by an edit). */
  activeUser?: string;
  startMs: number;
  limitMs: number;
  endMs?: number;
  calls: Map<string, number>;
  killed: boolean;
  /** Message of an error that escaped the entry point, if any. */
  error?: string;
}

export interface Fault {
  /** "Class.method" as counted, or '*' for any call. */
  method: string;
  /** Fail the nth call to the method (1-based, counted over the whole runtime), or every call when omitted. */
  nth?: number;
  /** Fail only when this returns true; receives the method's per-runtime call number. */
  when?: (callNumber: number, method: string) => boolean;
  message: string;
  /** Remove the fault after it fired once (default true when nth is set). */
  once?: boolean;
}

export interface KillRule {
  /** Kill once the virtual clock passes this absolute time (ms since epoch). */
  atMs?: number;
  /** Kill right after the nth call (1-based, over the whole runtime) to this method returned. */
  afterCall?: { method: string; nth: number };
}

/**
 * "Quotas are per user and reset 24 hours after the first request"
 * (https://developers.google.com/apps-script/guides/services/quotas): each user's allowance of each
 * quota lives in a window that opens at the first request counted against it and closes 24 h later.
 */
export const QUOTA_WINDOW_MS = 24 * 3600 * 1000;

interface QuotaWindow {
  startMs: number;
  used: number;
}

/** Values that cross into the script must come from the script's own realm. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

/** Runs after every counted call (LocalHost.onCall): lets a test start a second execution mid-call. */
export type CallHook = (method: string, callNumber: number) => void;

export interface RuntimeOptions {
  /** Virtual time at which the host starts. Default 2026-01-15 08:00 in Hanoi (UTC+7). */
  startTime?: Date;
  costModel?: CostModel;
  /**
   * Kept for older tests: 'workspace' registers the owner's domain as a Workspace domain. Prefer
   * `accounts.workspaceDomains`.
   */
  accountType?: AccountType;
  /** Which domains are Google Workspace domains, and per-account locale and time zone. */
  accounts?: AccountsOptions;
  /** The spreadsheet owner; the default user of every execution. */
  owner?: string;
  /**
   * The manifest's oauthScopes (appsscript.json). When given, methods whose reference page lists
   * scopes the manifest lacks are refused as Apps Script refuses them; undefined: not checked.
   */
  scopes?: readonly string[];
}

export class HostRuntime {
  nowMs: number;
  readonly costModel: CostModel;
  /** Every user's account: kind, Workspace domain, locale, what the script may see of them. */
  readonly accounts: Accounts;
  readonly owner: string;
  /** The manifest's scopes, when the host checks them (RuntimeOptions.scopes). */
  readonly scopes: readonly string[] | undefined;
  /** Calls by "Class.method" over the runtime's whole life. */
  readonly calls = new Map<string, number>();
  readonly executions: Execution[] = [];
  current: Execution | null = null;
  realm: Realm = { Date, Error };
  private readonly faults: Fault[] = [];
  private readonly kills: KillRule[] = [];
  private pendingKill = false;
  private readonly dirty = new Set<string>();
  /** Per user, per quota: the open window. */
  private readonly quotaUse = new Map<string, QuotaWindow>();
  private nextExecutionId = 1;
  private hostDepth = 0;
  private readonly callHooks: CallHook[] = [];

  constructor(options: RuntimeOptions = {}) {
    this.nowMs = (options.startTime ?? new Date('2026-01-15T08:00:00+07:00')).getTime();
    this.costModel = options.costModel ?? DEFAULT_COST_MODEL;
    this.owner = options.owner ?? 'owner@thidua.test';
    this.accounts = new Accounts(options.accounts);
    this.scopes = options.scopes;
    if (options.accountType === 'workspace')
      this.accounts.addWorkspaceDomain(emailDomain(this.owner));
  }

  /** The user whose authority the current execution runs under (its quotas are the ones spent). */
  effectiveUser(): string {
    return this.current?.user ?? this.owner;
  }

  /** The user at the keyboard of the current execution (before any hiding from the script). */
  activeUser(): string {
    return this.current?.activeUser ?? this.effectiveUser();
  }

  /** The quota level of the effective user (the mail fake reads its limits by it). */
  get accountType(): AccountType {
    return this.accounts.quotaTypeOf(this.effectiveUser());
  }

  /**
   * Accounts for one service call. `units` is the number of cells (or items) it touches.
   * Throws the injected fault, or the kill error once the execution is past its limit.
   */
  call(method: string, units = 0): void {
    // Work the host does for itself (building an event's `source`, reading an id) is not a script call.
    if (this.hostDepth > 0) return;
    const exec = this.current;
    if (exec?.killed) throw this.scriptError(KILLED_MESSAGE);
    const total = (this.calls.get(method) ?? 0) + 1;
    this.calls.set(method, total);
    if (exec) exec.calls.set(method, (exec.calls.get(method) ?? 0) + 1);

    if (this.pendingKill) {
      this.pendingKill = false;
      this.kill();
    }
    this.applyCost(method, units);
    this.checkDeadline();
    this.fireFaults(method, total);
    this.armKillAfter(method, total);
    for (const hook of [...this.callHooks]) hook(method, total);
  }

  /** Registers a hook run after each counted call; returns a function that removes it. */
  addCallHook(hook: CallHook): () => void {
    this.callHooks.push(hook);
    return () => {
      const i = this.callHooks.indexOf(hook);
      if (i >= 0) this.callHooks.splice(i, 1);
    };
  }

  /** Runs host-internal work on the fakes without counting calls or advancing the clock. */
  uncounted<T>(work: () => T): T {
    this.hostDepth++;
    try {
      return work();
    } finally {
      this.hostDepth--;
    }
  }

  private applyCost(method: string, units: number): void {
    const cost = costOf(this.costModel, method);
    const service = serviceOf(method);
    let ms = cost.perCallMs + (cost.perUnitMs ?? 0) * units;
    if ((cost.kind === 'read' || cost.kind === 'flush') && this.dirty.has(service)) {
      ms += this.costModel.flushMs;
      this.dirty.delete(service);
    }
    if (cost.kind === 'write') this.dirty.add(service);
    this.nowMs += ms;
  }

  private checkDeadline(): void {
    const exec = this.current;
    if (!exec) return;
    const rule = this.kills.find((k) => k.atMs !== undefined && this.nowMs >= k.atMs);
    if (rule) {
      this.kills.splice(this.kills.indexOf(rule), 1);
      this.kill();
    }
    if (this.nowMs - exec.startMs > exec.limitMs) this.kill();
  }

  private fireFaults(method: string, callNumber: number): void {
    for (const fault of [...this.faults]) {
      if (fault.method !== '*' && fault.method !== method) continue;
      if (fault.nth !== undefined && fault.nth !== callNumber) continue;
      if (fault.when && !fault.when(callNumber, method)) continue;
      if (fault.once ?? fault.nth !== undefined) this.faults.splice(this.faults.indexOf(fault), 1);
      throw this.scriptError(fault.message);
    }
  }

  private armKillAfter(method: string, callNumber: number): void {
    const rule = this.kills.find(
      (k) => k.afterCall?.method === method && k.afterCall.nth === callNumber,
    );
    if (!rule) return;
    this.kills.splice(this.kills.indexOf(rule), 1);
    this.pendingKill = true;
  }

  /** Ends the current execution as Apps Script does at its time limit: nothing runs after it. */
  kill(): never {
    const exec = this.current;
    if (exec) exec.killed = true;
    throw this.scriptError(KILLED_MESSAGE);
  }

  /** Advances the clock without a call (Utilities.sleep, lock waits). */
  advance(ms: number): void {
    this.nowMs += Math.max(0, ms);
    this.checkDeadline();
  }

  injectFault(fault: Fault): void {
    this.faults.push(fault);
  }

  killWhen(rule: KillRule): void {
    this.kills.push(rule);
  }

  clearFaults(): void {
    this.faults.length = 0;
    this.kills.length = 0;
    this.pendingKill = false;
  }

  beginExecution(
    kind: ExecutionKind,
    functionName: string,
    user = this.owner,
    activeUser?: string,
  ): Execution {
    const exec: Execution = {
      id: this.nextExecutionId++,
      kind,
      functionName,
      user,
      startMs: this.nowMs,
      limitMs: kind === 'simple' ? LIMITS.simpleTriggerMs : LIMITS.executionMs,
      calls: new Map(),
      killed: false,
    };
    if (activeUser !== undefined && activeUser !== user) exec.activeUser = activeUser;
    this.executions.push(exec);
    this.current = exec;
    // A new execution starts with Google's write buffer already sent.
    this.dirty.clear();
    return exec;
  }

  endExecution(exec: Execution, error?: unknown): void {
    exec.endMs = this.nowMs;
    if (error !== undefined) exec.error = describeError(error);
    // "Triggers total runtime" is the trigger owner's (the execution's user), counted from the run's start.
    if (exec.kind === 'timeBased' || exec.kind === 'installable') {
      this.useQuota('triggerRuntimeMs', exec.endMs - exec.startMs, false, exec.user, exec.startMs);
    }
    if (this.current === exec) this.current = null;
  }

  /**
   * Counts against `user`'s (default: the effective user's) daily quota at that user's level;
   * throws Apps Script's message when the window's allowance is spent. `atMs` dates the request
   * (default now).
   */
  useQuota(
    name: QuotaName,
    amount = 1,
    enforce = true,
    user = this.effectiveUser(),
    atMs = this.nowMs,
  ): void {
    const window = this.openWindow(name, user, atMs);
    const limit = DAILY_QUOTAS[this.accounts.quotaTypeOf(user)][name];
    if (enforce && window.used + amount > limit) throw this.scriptError(QUOTA_MESSAGES[name]);
    window.used += amount;
    this.quotaUse.set(quotaKey(name, user), window);
  }

  /** What is left of `user`'s (default: the effective user's) allowance now. */
  quotaRemaining(name: QuotaName, user = this.effectiveUser()): number {
    const window = this.liveWindow(name, user, this.nowMs);
    const limit = DAILY_QUOTAS[this.accounts.quotaTypeOf(user)][name];
    return Math.max(0, limit - (window?.used ?? 0));
  }

  /** When `user`'s current window of the quota closes (its allowance is whole again); undefined when none is open. */
  quotaWindowEndsAt(name: QuotaName, user = this.effectiveUser()): number | undefined {
    const window = this.liveWindow(name, user, this.nowMs);
    return window ? window.startMs + QUOTA_WINDOW_MS : undefined;
  }

  private liveWindow(name: QuotaName, user: string, atMs: number): QuotaWindow | undefined {
    const window = this.quotaUse.get(quotaKey(name, user));
    return window && atMs < window.startMs + QUOTA_WINDOW_MS ? window : undefined;
  }

  private openWindow(name: QuotaName, user: string, atMs: number): QuotaWindow {
    return this.liveWindow(name, user, atMs) ?? { startMs: atMs, used: 0 };
  }

  /** An Error of the script's realm, so `e instanceof Error` holds inside the bundle. */
  scriptError(message: string): Error {
    const error = new this.realm.Error(message);
    // Apps Script's service errors are named "Exception" (String(e) is "Exception: ..."); the message is unchanged.
    error.name = 'Exception';
    return error;
  }

  /** A Date of the script's realm. */
  scriptDate(ms: number): Date {
    return new this.realm.Date(ms);
  }

  totalCalls(): number {
    let n = 0;
    for (const count of this.calls.values()) n += count;
    return n;
  }
}

function quotaKey(name: QuotaName, user: string): string {
  return `${user.trim().toLowerCase()}\u0000${name}`;
}

/** True for Dates of any realm (instanceof fails across node:vm contexts). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The message of anything thrown, whatever its realm. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message);
  }
  return typeof error === 'string' ? error : JSON.stringify(error);
}
