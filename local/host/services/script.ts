/**
 * ScriptApp: installable triggers (time-driven and spreadsheet), their limits and enums.
 *
 * References:
 * - https://developers.google.com/apps-script/reference/script/script-app
 * - https://developers.google.com/apps-script/reference/script/clock-trigger-builder — after(ms) is a
 *   minimum delay ("won't be less than your specified minimum"); at(date); everyMinutes(n);
 *   everyHours(n).
 * - https://developers.google.com/apps-script/guides/triggers/installable — installable triggers run
 *   as the user who created them; getProjectTriggers returns the current user's triggers of the project.
 * - https://developers.google.com/apps-script/guides/services/quotas — 20 triggers per user per script.
 *   Error text as Apps Script prints it: "This script has too many triggers. Triggers must be deleted
 *   from the script before more can be added." (quoted verbatim in public projects' logs).
 * - Triggers belong to their creator: getProjectTriggers "Gets all installable triggers associated
 *   with the current project and current user"; a trigger runs as, and spends the quotas of, its
 *   creator (LocalHost.runDueTriggers).
 * - Simple triggers cannot call ScriptApp trigger management (services that need authorisation):
 *   see `requireAuthorization` in ./common.
 *
 * ASSUMPTIONS (not on a reference page):
 * - a one-off trigger (after / at) fires once, then stays listed and counts towards the 20-trigger
 *   limit until deleted (widely reported; scripts delete their one-off triggers for that reason);
 * - time-driven triggers fire exactly on schedule (Google adds jitter; the host does not); a recurring
 *   trigger first fires one interval after creation and skips the slots an execution overran;
 * - everyMinutes accepts 1, 5, 10, 15, 30 and everyHours 1, 2, 4, 6, 8, 12 (the values the trigger
 *   editor offers), other values throw;
 * - a clock builder with no schedule throws on create();
 * - deleting another user's trigger (a Trigger object can only reach the script from its creator's
 *   execution, so this is a host-made case) throws NOT_YOUR_TRIGGER: Google documents no wording;
 *   the stricter reading is that it fails rather than deleting silently.
 */
import type { HostRuntime } from '../runtime';
import { LIMITS, isDate } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { makeEnum, requireAuthorization, signatureError, type EnumValue } from './common';

type RealScriptApp = GoogleAppsScript.Script.ScriptApp;
type RealTrigger = GoogleAppsScript.Script.Trigger;
type RealTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type RealClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type RealSpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const AuthorizationStatus = makeEnum(['REQUIRED', 'NOT_REQUIRED'] as const);
export const EventType = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const);
export const InstallationSource = makeEnum([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
] as const);
export const TriggerSource = makeEnum([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
] as const);
export const WeekDay = makeEnum([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const);

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const NOT_YOUR_TRIGGER =
  'The trigger could not be deleted: it belongs to another user of this script.';
export const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

export type TriggerEventName = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: TriggerEventName;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** Spreadsheet id for spreadsheet triggers; '' for clock triggers. */
  sourceId: string;
  /** The user who created it; it runs as this user. */
  owner: string;
  /** Clock schedule. */
  clock?:
    { once: true; atMs: number; fired: boolean } | { once: false; everyMs: number; nextMs: number };
  createdMs: number;
}

/** Host side: every installable trigger of the project, for all users. */
export class TriggerHost {
  readonly triggers: TriggerRecord[] = [];
  private nextUid = 1;

  constructor(private readonly rt: HostRuntime) {}

  /** @internal */
  add(record: Omit<TriggerRecord, 'uid' | 'createdMs'>): TriggerRecord {
    const mine = this.triggers.filter((t) => t.owner === record.owner).length;
    if (mine >= LIMITS.triggersPerUserPerScript) throw this.rt.scriptError(TOO_MANY_TRIGGERS);
    // Trigger ids are long decimal strings in Apps Script; deterministic here.
    const uid = `40341240849599${String(this.nextUid++).padStart(5, '0')}`;
    const full: TriggerRecord = { ...record, uid, createdMs: this.rt.nowMs };
    this.triggers.push(full);
    return full;
  }

  remove(uid: string): void {
    const i = this.triggers.findIndex((t) => t.uid === uid);
    if (i >= 0) this.triggers.splice(i, 1);
  }

  byUid(uid: string): TriggerRecord | undefined {
    return this.triggers.find((t) => t.uid === uid);
  }

  /** The earliest clock trigger due at or before `untilMs`, with its due time. */
  nextDue(untilMs: number): { trigger: TriggerRecord; dueMs: number } | undefined {
    let best: { trigger: TriggerRecord; dueMs: number } | undefined;
    for (const t of this.triggers) {
      const c = t.clock;
      if (!c) continue;
      const due = c.once ? (c.fired ? undefined : c.atMs) : c.nextMs;
      if (due === undefined || due > untilMs) continue;
      if (!best || due < best.dueMs) best = { trigger: t, dueMs: due };
    }
    return best;
  }

  /** Marks a clock trigger as fired at `firedMs`; recurring ones move to their next slot after `endMs`. */
  markFired(t: TriggerRecord, endMs: number): void {
    const c = t.clock;
    if (!c) return;
    if (c.once) {
      c.fired = true;
      return;
    }
    do c.nextMs += c.everyMs;
    while (c.nextMs <= endMs);
  }
}

const recordOf = new WeakMap<object, TriggerRecord>();

class TriggerFake implements FakeOf<RealTrigger> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly record: TriggerRecord,
  ) {}

  getHandlerFunction(): string {
    this.rt.call('Trigger.getHandlerFunction');
    return this.record.handler;
  }

  getUniqueId(): string {
    this.rt.call('Trigger.getUniqueId');
    return this.record.uid;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    this.rt.call('Trigger.getEventType');
    return EventType[this.record.eventType] as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.rt.call('Trigger.getTriggerSource');
    return TriggerSource[this.record.source] as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  getTriggerSourceId(): string {
    this.rt.call('Trigger.getTriggerSourceId');
    return this.record.sourceId;
  }
}

function triggerObject(rt: HostRuntime, record: TriggerRecord): RealTrigger {
  const proxy = strict(new TriggerFake(rt, record), 'Trigger');
  recordOf.set(proxy, record);
  return proxy;
}

class ClockTriggerBuilderFake implements FakeOf<RealClockTriggerBuilder> {
  private onceAtMs?: number;
  private everyMs?: number;

  constructor(
    private readonly rt: HostRuntime,
    private readonly host: TriggerHost,
    private readonly handler: string,
  ) {}

  after(durationMilliseconds: number): RealClockTriggerBuilder {
    this.rt.call('ClockTriggerBuilder.after');
    if (typeof durationMilliseconds !== 'number' || !Number.isFinite(durationMilliseconds)) {
      throw signatureError(this.rt, 'ClockTriggerBuilder.after', [durationMilliseconds]);
    }
    this.onceAtMs = this.rt.nowMs + Math.max(0, durationMilliseconds);
    return this.self();
  }

  at(date: GoogleAppsScript.Base.Date): RealClockTriggerBuilder {
    this.rt.call('ClockTriggerBuilder.at');
    if (!isDate(date)) throw signatureError(this.rt, 'ClockTriggerBuilder.at', [date]);
    this.onceAtMs = date.getTime();
    return this.self();
  }

  everyMinutes(n: number): RealClockTriggerBuilder {
    this.rt.call('ClockTriggerBuilder.everyMinutes');
    if (!EVERY_MINUTES.includes(n)) {
      throw this.rt.scriptError('The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.');
    }
    this.everyMs = n * 60000;
    return this.self();
  }

  everyHours(n: number): RealClockTriggerBuilder {
    this.rt.call('ClockTriggerBuilder.everyHours');
    if (!EVERY_HOURS.includes(n)) {
      throw this.rt.scriptError('The value passed to everyHours() must be 1, 2, 4, 6, 8 or 12.');
    }
    this.everyMs = n * 3600000;
    return this.self();
  }

  everyDays(n: number): RealClockTriggerBuilder {
    this.rt.call('ClockTriggerBuilder.everyDays');
    if (!Number.isInteger(n) || n < 1)
      throw signatureError(this.rt, 'ClockTriggerBuilder.everyDays', [n]);
    this.everyMs = n * 86400000;
    return this.self();
  }

  create(): RealTrigger {
    this.rt.call('ClockTriggerBuilder.create');
    requireAuthorization(this.rt, 'ClockTriggerBuilder.create', SCRIPTAPP_SCOPE);
    let clock: TriggerRecord['clock'];
    if (this.onceAtMs !== undefined && this.everyMs === undefined) {
      clock = { once: true, atMs: this.onceAtMs, fired: false };
    } else if (this.everyMs !== undefined && this.onceAtMs === undefined) {
      clock = { once: false, everyMs: this.everyMs, nextMs: this.rt.nowMs + this.everyMs };
    } else {
      throw this.rt.scriptError(
        'A time-based trigger needs exactly one schedule: after(), at() or every…().',
      );
    }
    const record = this.host.add({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: '',
      owner: this.rt.effectiveUser(),
      clock,
    });
    return triggerObject(this.rt, record);
  }

  private self(): RealClockTriggerBuilder {
    return (proxyOf.get(this) ?? this) as unknown as RealClockTriggerBuilder;
  }
}

class SpreadsheetTriggerBuilderFake implements FakeOf<RealSpreadsheetTriggerBuilder> {
  private event?: TriggerEventName;

  constructor(
    private readonly rt: HostRuntime,
    private readonly host: TriggerHost,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}

  onEdit(): RealSpreadsheetTriggerBuilder {
    this.rt.call('SpreadsheetTriggerBuilder.onEdit');
    this.event = 'ON_EDIT';
    return this.self();
  }

  onOpen(): RealSpreadsheetTriggerBuilder {
    this.rt.call('SpreadsheetTriggerBuilder.onOpen');
    this.event = 'ON_OPEN';
    return this.self();
  }

  onChange(): RealSpreadsheetTriggerBuilder {
    this.rt.call('SpreadsheetTriggerBuilder.onChange');
    this.event = 'ON_CHANGE';
    return this.self();
  }

  onFormSubmit(): RealSpreadsheetTriggerBuilder {
    this.rt.call('SpreadsheetTriggerBuilder.onFormSubmit');
    this.event = 'ON_FORM_SUBMIT';
    return this.self();
  }

  create(): RealTrigger {
    this.rt.call('SpreadsheetTriggerBuilder.create');
    requireAuthorization(this.rt, 'SpreadsheetTriggerBuilder.create', SCRIPTAPP_SCOPE);
    if (!this.event)
      throw this.rt.scriptError(
        'A spreadsheet trigger needs an event: onEdit(), onOpen() or onChange().',
      );
    const record = this.host.add({
      handler: this.handler,
      eventType: this.event,
      source: 'SPREADSHEETS',
      sourceId: this.sourceId,
      owner: this.rt.effectiveUser(),
    });
    return triggerObject(this.rt, record);
  }

  private self(): RealSpreadsheetTriggerBuilder {
    return (proxyOf.get(this) ?? this) as unknown as RealSpreadsheetTriggerBuilder;
  }
}

class TriggerBuilderFake implements FakeOf<RealTriggerBuilder> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly host: TriggerHost,
    private readonly handler: string,
    private readonly spreadsheetId: (ss: unknown) => string | undefined,
  ) {}

  timeBased(): RealClockTriggerBuilder {
    this.rt.call('TriggerBuilder.timeBased');
    return wrap(
      new ClockTriggerBuilderFake(this.rt, this.host, this.handler),
      'ClockTriggerBuilder',
    );
  }

  forSpreadsheet(
    sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
  ): RealSpreadsheetTriggerBuilder {
    this.rt.call('TriggerBuilder.forSpreadsheet');
    const id = typeof sheet === 'string' ? sheet : this.spreadsheetId(sheet);
    if (!id) throw signatureError(this.rt, 'TriggerBuilder.forSpreadsheet', [sheet]);
    return wrap(
      new SpreadsheetTriggerBuilderFake(this.rt, this.host, this.handler, id),
      'SpreadsheetTriggerBuilder',
    );
  }
}

const proxyOf = new WeakMap<object, object>();

function wrap<T extends object, R>(fake: T, name: string): R {
  const proxy = strict(fake, name);
  proxyOf.set(fake, proxy);
  return proxy as unknown as R;
}

export interface ScriptAppOptions {
  scriptId: string;
  /** Reads a Spreadsheet fake's id without counting a call. */
  spreadsheetId: (ss: unknown) => string | undefined;
}

class ScriptAppFake implements FakeOf<RealScriptApp> {
  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly AuthorizationStatus =
    AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
  readonly EventType = EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly InstallationSource =
    InstallationSource as unknown as typeof GoogleAppsScript.Script.InstallationSource;
  readonly TriggerSource = TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly WeekDay = WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday;

  constructor(
    private readonly rt: HostRuntime,
    private readonly host: TriggerHost,
    private readonly options: ScriptAppOptions,
  ) {}

  newTrigger(functionName: string): RealTriggerBuilder {
    this.rt.call('ScriptApp.newTrigger');
    requireAuthorization(this.rt, 'ScriptApp.newTrigger', SCRIPTAPP_SCOPE);
    if (typeof functionName !== 'string')
      throw signatureError(this.rt, 'ScriptApp.newTrigger', [functionName]);
    return wrap(
      new TriggerBuilderFake(this.rt, this.host, functionName, this.options.spreadsheetId),
      'TriggerBuilder',
    );
  }

  getProjectTriggers(): RealTrigger[] {
    this.rt.call('ScriptApp.getProjectTriggers');
    requireAuthorization(this.rt, 'ScriptApp.getProjectTriggers', SCRIPTAPP_SCOPE);
    const me = this.user();
    return this.host.triggers.filter((t) => t.owner === me).map((t) => triggerObject(this.rt, t));
  }

  getUserTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): RealTrigger[] {
    this.rt.call('ScriptApp.getUserTriggers');
    requireAuthorization(this.rt, 'ScriptApp.getUserTriggers', SCRIPTAPP_SCOPE);
    const id = this.options.spreadsheetId(spreadsheet);
    if (!id) throw signatureError(this.rt, 'ScriptApp.getUserTriggers', [spreadsheet]);
    const me = this.user();
    return this.host.triggers
      .filter((t) => t.owner === me && t.sourceId === id)
      .map((t) => triggerObject(this.rt, t));
  }

  deleteTrigger(trigger: RealTrigger): void {
    this.rt.call('ScriptApp.deleteTrigger');
    requireAuthorization(this.rt, 'ScriptApp.deleteTrigger', SCRIPTAPP_SCOPE);
    const record = recordOf.get(trigger);
    if (!record) throw signatureError(this.rt, 'ScriptApp.deleteTrigger', [trigger]);
    if (record.owner !== this.user()) throw this.rt.scriptError(NOT_YOUR_TRIGGER);
    this.host.remove(record.uid);
  }

  getScriptId(): string {
    this.rt.call('ScriptApp.getScriptId');
    return this.options.scriptId;
  }

  private user(): string {
    return this.rt.effectiveUser();
  }
}

export function createScriptApp(
  rt: HostRuntime,
  host: TriggerHost,
  options: ScriptAppOptions,
): RealScriptApp {
  return strict(new ScriptAppFake(rt, host, options), 'ScriptApp') as unknown as RealScriptApp;
}

/** The enum member for a name, for event objects built by the host. */
export function authMode(name: 'NONE' | 'LIMITED' | 'FULL'): EnumValue {
  return AuthMode[name];
}

export const scriptChecks: [true, true, true, true, true] = [
  assertType<AssertNoExtraMethods<ScriptAppFake, RealScriptApp>>(),
  assertType<AssertNoExtraMethods<TriggerFake, RealTrigger>>(),
  assertType<AssertNoExtraMethods<TriggerBuilderFake, RealTriggerBuilder>>(),
  assertType<AssertNoExtraMethods<ClockTriggerBuilderFake, RealClockTriggerBuilder>>(),
  assertType<AssertNoExtraMethods<SpreadsheetTriggerBuilderFake, RealSpreadsheetTriggerBuilder>>(),
];
