/**
 * LocalHost: the one entry point tests and the demo use to run build/Code.js offline.
 *
 * It owns the runtime (virtual clock, calls, limits, quotas, faults), the Sheets fakes (from
 * ./spreadsheet, written separately) and every other service fake, and runs entry points the way
 * Apps Script does: a fresh global scope per execution, simple triggers with their 30-second limit
 * and no authorisation, installable and time-driven triggers as their owner, menu items by name.
 *
 * Event objects follow https://developers.google.com/apps-script/guides/triggers/events:
 * - open (simple and installable): authMode, source, triggerUid (installable only), user;
 * - edit (simple and installable): authMode, oldValue (single cell, if it had content), range,
 *   source, triggerUid (installable only), user, value (single cell);
 * - time-driven: authMode, day-of-month, day-of-week, hour, minute, month, second, timezone,
 *   triggerUid, week-of-year, year.
 * authMode is LIMITED for simple triggers in a bound script and FULL for installable ones
 * (https://developers.google.com/apps-script/reference/script/auth-mode).
 *
 * Who is who follows the accounts model (./accounts.ts): an event's `user` is the address the
 * script may see under Google's rule (often ''), the Sheets fakes are told the real user (Google
 * knows who types), every execution spends its effective user's quotas at that user's level, and
 * an anonymous link editor cannot run a menu item (no authorisation).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { HostRuntime, type ExecutionKind } from './runtime';
import { Sandbox, type ScriptContext } from './sandbox';
import { UiHost } from './ui';
import { PropertiesHost, createPropertiesService } from './services/properties';
import { CacheHost, createCacheService } from './services/cache';
import { LockHost, createLockService } from './services/lock';
import { createSession, createUser } from './services/session';
import { createUtilities, type UtilitiesHost } from './services/utilities';
import { TriggerHost, authMode, createScriptApp, type TriggerRecord } from './services/script';
import { LogHost, createConsole, createLogger } from './services/logger';
import {
  SpreadsheetWorld,
  copySpreadsheetModel,
  createSpreadsheetHost,
  type SpreadsheetModel,
} from './spreadsheet';
import { createDocumentService, renderPdfBytes, placeholderPdf, type DocumentStore } from './docs';
import {
  createDriveService,
  connectDocumentStore,
  MIME,
  type DriveItem,
  type DriveModel,
} from './drive';
import { createFormsService, type FormsHost } from './forms';
import { createMailService, type SentBox } from './mail';
import { clockEvent, describeError } from './events';
import type {
  EditOutcome,
  HostReport,
  HostWorld,
  LocalHostOptions,
  RunOptions,
  RunResult,
  RunStatus,
  SpreadsheetFactory,
  SpreadsheetHostLike,
} from './types';

export { HostRuntime } from './runtime';
export type { Execution, ExecutionKind, RuntimeOptions } from './runtime';
export { ANONYMOUS_USER, Accounts } from './accounts';
export type { Account, AccountKind, AccountsOptions, AccountProfile } from './accounts';

/** Apps Script's refusal when someone who has not authorised the script (anonymous) runs it. */
export const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';

export type * from './types';

export class LocalHost {
  readonly rt: HostRuntime;
  readonly sandbox: Sandbox;
  readonly ui: UiHost;
  readonly triggers: TriggerHost;
  readonly properties: PropertiesHost;
  readonly cache: CacheHost;
  readonly locks: LockHost;
  readonly logs: LogHost;
  readonly utilities: UtilitiesHost;
  readonly sheets: SpreadsheetHostLike;
  readonly owner: string;
  private readonly startMs: number;
  private readonly globals: Record<string, unknown>;
  private readonly statuses = new Map<number, RunStatus>();
  private spreadsheetIdCache?: string;
  /** Documents made through DocumentApp or Drive copies (the Docs fake's store). */
  readonly documents: DocumentStore;
  /** Files and folders; the bound spreadsheet sits in the folder "Thi đua". */
  readonly drive: DriveModel;
  /** The forms FormApp made, and their respondents' side (FormsHost.respond). */
  readonly forms: FormsHost;
  /** Every message MailApp sent. */
  readonly sentBox: SentBox;
  /** The Drive folder that holds the bound spreadsheet. */
  readonly workbookFolderId: string;
  /** Clock, accounts, Drive, Docs and every spreadsheet, shared with hosts of copies (hostFor). */
  readonly world: HostWorld;
  private readonly code: string;
  private readonly options: LocalHostOptions;

  constructor(options: LocalHostOptions) {
    this.code = options.code;
    this.options = options;
    this.owner =
      options.spreadsheet?.model?.owner ??
      options.spreadsheet?.owner ??
      options.runtime?.owner ??
      'owner@thidua.test';
    this.rt =
      options.world?.rt ??
      new HostRuntime({
        ...options.runtime,
        accounts: options.accounts ?? options.runtime?.accounts,
        owner: this.owner,
      });
    const spreadsheets = options.world?.spreadsheets ?? new SpreadsheetWorld();
    this.startMs = this.rt.nowMs;
    this.sandbox = new Sandbox(options.code, options.sandbox);
    this.ui = new UiHost(this.rt);
    this.ui.onDialogOpen = (id) => {
      if (id !== undefined) this.locks.releaseAll(id);
    };
    this.triggers = new TriggerHost(this.rt);
    this.properties = new PropertiesHost();
    this.cache = new CacheHost();
    this.locks = new LockHost(this.rt);
    this.logs = new LogHost(this.rt);
    this.utilities = { uuidSeed: options.uuidSeed ?? 'thidua', uuidCounter: 0 };
    const timeZone = options.scriptTimeZone ?? options.spreadsheet?.timeZone ?? 'Asia/Ho_Chi_Minh';
    // A Date's local fields (getDate, getHours, toString) follow the script's time zone in Apps
    // Script (https://developers.google.com/apps-script/reference/base/session#getScriptTimeZone();
    // ASSUMPTION: as widely observed, the V8 runtime runs in the manifest's timeZone), not the
    // machine's. The vm context shares Node's time zone, so the host sets the process's: one time
    // zone per process, the last host's.
    process.env.TZ = timeZone;
    const uiObject = this.ui.createUi();
    const factory: SpreadsheetFactory = options.spreadsheetFactory ?? createSpreadsheetHost;
    const ownerAccount = this.rt.accounts.account(this.owner);
    this.sheets = factory(this.rt, {
      ...options.spreadsheet,
      world: spreadsheets,
      owner: this.owner,
      workspaceDomain: ownerAccount.domain,
      locale: options.spreadsheet?.locale ?? ownerAccount.locale,
      timeZone: options.spreadsheet?.timeZone ?? ownerAccount.timeZone,
      getUi: () => {
        // "Cannot call SpreadsheetApp.getUi() from this context." — no user interface in a time-driven run.
        if (this.rt.current?.kind === 'timeBased') {
          throw this.rt.scriptError('Cannot call SpreadsheetApp.getUi() from this context.');
        }
        return uiObject;
      },
    });
    this.globals = {
      SpreadsheetApp: this.sheets.SpreadsheetApp,
      Charts: this.sheets.Charts,
      PropertiesService: createPropertiesService(this.rt, this.properties),
      CacheService: createCacheService(this.rt, this.cache),
      LockService: createLockService(this.rt, this.locks),
      Session: createSession(this.rt, { timeZone }),
      Utilities: createUtilities(this.rt, this.utilities),
      ScriptApp: createScriptApp(this.rt, this.triggers, {
        scriptId: 'thidua-local-script',
        spreadsheetId: (ss) => this.idOfSpreadsheet(ss),
      }),
      Logger: createLogger(this.rt, this.logs),
      console: createConsole(this.rt, this.logs),
    };
    // Docs, Drive and Mail, connected: Drive copies and exports documents, documents get Drive ids.
    const docs = createDocumentService(this.rt, { store: options.world?.documents });
    const drive = createDriveService(this.rt, { model: options.world?.drive });
    if (options.world === undefined) {
      connectDocumentStore(drive.model, docs.model, (d) => renderPdfBytes(d) ?? placeholderPdf(d));
      connectSpreadsheets(drive.model, spreadsheets, () => this.rt.nowMs);
    }
    const mail = createMailService(this.rt);
    const forms = createFormsService(this.rt, drive.model);
    this.forms = forms.host;
    this.documents = docs.model;
    this.drive = drive.model;
    this.sentBox = mail.sentBox;
    const boundId = this.sheets.model.id ?? 'thidua-stand-in-spreadsheet';
    const known = this.drive.get(boundId);
    if (known !== undefined) {
      // A copy made by File.makeCopy: Drive filed it already.
      this.workbookFolderId = known.parents[0] ?? this.drive.rootOf(this.owner);
      linkEditors(known, this.sheets.model as { editors?: Set<string> });
    } else {
      const folder = this.drive.registerFolder({ name: 'Thi đua' });
      this.workbookFolderId = folder.id;
      const workbookItem = this.drive.registerFile({
        id: boundId,
        name: this.sheets.model.name ?? 'Bảng tính',
        mimeType: MIME.spreadsheet,
        parentId: folder.id,
      });
      linkEditors(workbookItem, this.sheets.model as { editors?: Set<string> });
    }
    this.world = { rt: this.rt, drive: this.drive, documents: this.documents, spreadsheets };
    this.globals.DocumentApp = docs.DocumentApp;
    // appsscript.json enables the Docs advanced service; a host without it models a manifest that
    // does not (the global is then undefined, as in Apps Script).
    if (options.advancedServices?.docs !== false) this.globals.Docs = docs.Docs;
    this.globals.DriveApp = drive.DriveApp;
    this.globals.MailApp = mail.MailApp;
    this.globals.FormApp = forms.FormApp;
    for (const [name, make] of Object.entries(options.services ?? {}))
      this.globals[name] = make(this);
  }

  /**
   * The built bundle, with the manifest beside it: its oauthScopes are the scopes the script
   * holds, so a method needing a scope the manifest lacks is refused (RuntimeOptions.scopes).
   */
  static fromBuild(
    path = 'build/Code.js',
    options: Omit<LocalHostOptions, 'code'> = {},
  ): LocalHost {
    const manifestPath = join(dirname(resolve(path)), 'appsscript.json');
    const scopes =
      options.runtime?.scopes ??
      (existsSync(manifestPath)
        ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { oauthScopes?: string[] }).oauthScopes
        : undefined);
    return new LocalHost({
      ...options,
      runtime: { ...options.runtime, scopes },
      code: readFileSync(resolve(path), 'utf8'),
    });
  }

  /**
   * Host-side: another spreadsheet in this Google (last year's workbook), filed in Drive under
   * its owner's My Drive (or `parentId`), shared as its model's editors say; the script opens it
   * with SpreadsheetApp.openById when the running account may read it.
   */
  addSpreadsheet(model: SpreadsheetModel, parentId?: string): DriveItem {
    this.world.spreadsheets.add(model);
    const item = this.drive.registerFile({
      id: model.id,
      name: model.name,
      mimeType: MIME.spreadsheet,
      owner: model.owner,
      parentId,
    });
    linkEditors(item, model);
    return item;
  }

  /**
   * A host running the same bundle bound to another spreadsheet of this world (a copy made by
   * File.makeCopy carries its bound script, https://developers.google.com/apps-script/guides/bound),
   * sharing the clock, accounts, Drive and Docs. ASSUMPTION: the copy's script starts with empty
   * script properties and no triggers (installable triggers are never copied).
   */
  hostFor(spreadsheetId: string): LocalHost {
    const model = this.world.spreadsheets.get(spreadsheetId);
    if (model === undefined) throw new Error(`thidua host: no spreadsheet ${spreadsheetId}`);
    return new LocalHost({
      ...this.options,
      code: this.code,
      world: this.world,
      spreadsheet: { model },
    });
  }

  /**
   * The Sheets model (cells, protections, toasts) of the real Sheets fakes. With a stand-in
   * `spreadsheetFactory` only the members of SpreadsheetModelLike exist.
   */
  get spreadsheet(): SpreadsheetModel {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- a stand-in factory's model is only SpreadsheetModelLike, as documented above
    return this.sheets.model as SpreadsheetModel;
  }

  /** Adds or replaces a global service for the script (DocumentApp, DriveApp, MailApp, HtmlService…). */
  addService(name: string, service: unknown): void {
    this.globals[name] = service;
  }

  /** Runs `method`'s hook after each counted call to it; the hook gets the method's call number. */
  onCall(method: string, hook: (callNumber: number) => void): () => void {
    return this.rt.addCallHook((m, n) => {
      if (m === method || method === '*') hook(n);
    });
  }

  /** Runs a top-level function of the script as one execution. */
  run(functionName: string, options: RunOptions = {}): RunResult {
    const kind = options.kind ?? 'manual';
    const user = options.user ?? this.owner;
    const outerCurrent = this.rt.current;
    const outerRealm = this.rt.realm;
    const exec = this.rt.beginExecution(kind, functionName, user, options.activeUser);
    const startCalls = this.rt.totalCalls();
    let status: RunStatus = 'ok';
    let value: unknown;
    let error: unknown;
    let message: string | undefined;
    try {
      if ((kind === 'menu' || kind === 'manual') && this.rt.accounts.kindOf(user) === 'anonymous') {
        // Running a menu item needs the user's authorisation, which a user not signed in cannot give:
        // the function never starts.
        throw this.rt.scriptError(AUTHORIZATION_REQUIRED);
      }
      const ctx: ScriptContext = this.sandbox.load(this.rt, this.globals);
      if (
        !this.sandbox.topLevelFunctions.has(functionName) ||
        typeof ctx.global[functionName] !== 'function'
      ) {
        // Apps Script's own wording when the entry point does not exist.
        throw this.rt.scriptError(`Script function not found: ${functionName}`);
      }
      const args = options.event === undefined ? [] : [options.event];
      value = this.sandbox.call(ctx, functionName, args);
    } catch (e) {
      error = e;
      status = 'error';
      message = describeError(e);
    } finally {
      // A killed execution is reported as killed even when the script caught the kill error.
      if (exec.killed) {
        status = 'killed';
        message ??= 'Exceeded maximum execution time';
      }
      this.locks.releaseAll(exec.id);
      this.rt.endExecution(exec, status === 'ok' ? undefined : (message ?? error));
      this.rt.current = outerCurrent;
      this.rt.realm = outerRealm;
    }
    this.statuses.set(exec.id, status);
    const result: RunResult = {
      status,
      execution: exec,
      calls: this.rt.totalCalls() - startCalls,
      virtualMs: (exec.endMs ?? this.rt.nowMs) - exec.startMs,
    };
    if (status === 'ok') result.value = value;
    else result.error = message;
    return result;
  }

  /** The spreadsheet is opened by `user`: simple onOpen (if declared), then installable open triggers. */
  open(user: string = this.owner): RunResult[] {
    const runs: RunResult[] = [];
    const source = this.activeSpreadsheet();
    if (this.sandbox.topLevelFunctions.has('onOpen')) {
      runs.push(
        this.run('onOpen', {
          kind: 'simple',
          user,
          event: {
            authMode: authMode('LIMITED'),
            source,
            user: this.eventUser('simple', user, user),
          },
        }),
      );
    }
    for (const t of this.spreadsheetTriggers('ON_OPEN')) {
      runs.push(
        this.runInstallable(t, user, {
          authMode: authMode('FULL'),
          source,
          triggerUid: t.uid,
          user: this.eventUser('installable', user, t.owner),
        }),
      );
    }
    return runs;
  }

  /**
   * `user` types `values` into `a1WithSheet` ("'Điểm'!B3"). The Sheets model accepts or refuses the
   * edit; if accepted, the simple onEdit (if declared) and every installable edit trigger run.
   */
  edit(user: string, a1WithSheet: string, values: unknown): EditOutcome {
    const outcome = this.sheets.model.userEdit(user, a1WithSheet, values);
    if (!outcome.accepted) return { accepted: false, reason: outcome.reason, runs: [] };
    const source = this.activeSpreadsheet();
    const base: Record<string, unknown> = { range: outcome.range, source };
    if (outcome.value !== undefined) base.value = outcome.value;
    if (outcome.oldValue !== undefined) base.oldValue = outcome.oldValue;
    const runs: RunResult[] = [];
    if (this.sandbox.topLevelFunctions.has('onEdit')) {
      runs.push(
        this.run('onEdit', {
          kind: 'simple',
          user,
          event: {
            ...base,
            authMode: authMode('LIMITED'),
            user: this.eventUser('simple', user, user),
          },
        }),
      );
    }
    for (const t of this.spreadsheetTriggers('ON_EDIT')) {
      runs.push(
        this.runInstallable(t, user, {
          ...base,
          authMode: authMode('FULL'),
          triggerUid: t.uid,
          user: this.eventUser('installable', user, t.owner),
        }),
      );
    }
    return { accepted: true, runs };
  }

  /** Clicks a menu item the script added ("Giới thiệu" or "Thi đua > Giới thiệu"). */
  clickMenu(caption: string, user: string = this.owner): RunResult {
    const items = this.ui.menuItems();
    const matches = items.filter((i) => i.caption === caption || i.path === caption);
    if (matches.length === 0) {
      const known = items.map((i) => i.path).join(', ') || 'none (has onOpen run?)';
      throw new Error(
        `thidua local host: no menu item "${caption}" has been added to the UI; items: ${known}`,
      );
    }
    if (matches.length > 1) {
      throw new Error(
        `thidua local host: menu item "${caption}" is ambiguous (${matches.map((m) => m.path).join(', ')}); use its path`,
      );
    }
    return this.run((matches[0] as { functionName: string }).functionName, { kind: 'menu', user });
  }

  /**
   * Advances the clock to each due time-driven trigger (up to `untilMs`, default now) and runs it as
   * its owner. When the day's trigger runtime is spent, the trigger fails with Apps Script's message
   * without running. Returns the results in firing order.
   */
  runDueTriggers(untilMs: number = this.rt.nowMs): RunResult[] {
    const results: RunResult[] = [];
    for (;;) {
      const due = this.triggers.nextDue(untilMs);
      if (!due) break;
      const { trigger } = due;
      if (due.dueMs > this.rt.nowMs) this.rt.nowMs = due.dueMs;
      if (this.rt.quotaRemaining('triggerRuntimeMs', trigger.owner) <= 0) {
        results.push(this.refusedRun(trigger, TRIGGER_TIME_SPENT));
      } else {
        results.push(
          this.run(trigger.handler, {
            kind: 'timeBased',
            user: trigger.owner,
            event: clockEvent(this.rt.nowMs, trigger.uid),
          }),
        );
      }
      // The handler may have deleted its own trigger.
      if (this.triggers.byUid(trigger.uid)) this.triggers.markFired(trigger, this.rt.nowMs);
    }
    if (untilMs > this.rt.nowMs) this.rt.nowMs = untilMs;
    return results;
  }

  /** Calls, time and executions so far: the demo writes this as the run log. */
  report(): HostReport {
    return {
      totalCalls: this.rt.totalCalls(),
      callsByMethod: Object.fromEntries([...this.rt.calls.entries()].sort((a, b) => b[1] - a[1])),
      virtualMs: this.rt.nowMs - this.startMs,
      executions: this.rt.executions.map((e) => {
        let calls = 0;
        for (const n of e.calls.values()) calls += n;
        return {
          id: e.id,
          functionName: e.functionName,
          kind: e.kind,
          user: e.user,
          status: this.statuses.get(e.id) ?? (e.killed ? 'killed' : e.error ? 'error' : 'ok'),
          calls,
          virtualMs: (e.endMs ?? this.rt.nowMs) - e.startMs,
          error: e.error,
        };
      }),
      toasts: [...(this.sheets.model.toasts ?? [])],
      alerts: [...this.ui.shown],
      logs: [...this.logs.lines],
    };
  }

  /** The report as readable text. */
  reportText(): string {
    const r = this.report();
    const lines = [
      `calls: ${r.totalCalls}, virtual time: ${(r.virtualMs / 1000).toFixed(1)} s`,
      'executions:',
      ...r.executions.map(
        (e) =>
          `  #${e.id} ${e.functionName} [${e.kind}] ${e.user}: ${e.status}, ${e.calls} calls, ${(e.virtualMs / 1000).toFixed(2)} s${e.error ? ` — ${e.error}` : ''}`,
      ),
      'calls by method:',
      ...Object.entries(r.callsByMethod).map(([m, n]) => `  ${m}: ${n}`),
    ];
    if (r.alerts.length)
      lines.push(
        'alerts:',
        ...r.alerts.map((a) => `  ${a.title ? `${a.title}: ` : ''}${a.prompt} -> ${a.answer}`),
      );
    if (r.logs.length) lines.push('logs:', ...r.logs.map((l) => `  [${l.level}] ${l.message}`));
    return lines.join('\n');
  }

  // -------------------------------------------------------------------------------------------

  /** An installable spreadsheet trigger fired by `activeUser`, unless its owner's trigger time is spent. */
  private runInstallable(t: TriggerRecord, activeUser: string, event: object): RunResult {
    if (this.rt.quotaRemaining('triggerRuntimeMs', t.owner) <= 0) {
      return this.refusedRun(t, TRIGGER_TIME_SPENT, 'installable');
    }
    return this.run(t.handler, { kind: 'installable', user: t.owner, activeUser, event });
  }

  /** The event's `user`: a User whose e-mail is what the script may see (accounts.ts). */
  private eventUser(kind: 'simple' | 'installable', active: string, effective: string): unknown {
    return this.userObject(
      this.rt.accounts.visibleActiveEmail(kind, active, effective, this.owner),
    );
  }

  private refusedRun(
    trigger: TriggerRecord,
    message: string,
    kind: ExecutionKind = 'timeBased',
  ): RunResult {
    const outer = this.rt.current;
    const exec = this.rt.beginExecution(kind, trigger.handler, trigger.owner);
    this.rt.endExecution(exec, message);
    this.rt.current = outer;
    this.statuses.set(exec.id, 'error');
    return { status: 'error', error: message, execution: exec, calls: 0, virtualMs: 0 };
  }

  private spreadsheetTriggers(event: 'ON_OPEN' | 'ON_EDIT'): TriggerRecord[] {
    const id = this.spreadsheetId();
    return this.triggers.triggers.filter((t) => t.eventType === event && t.sourceId === id);
  }

  private userObject(email: string): unknown {
    return createUser(this.rt, email);
  }

  private activeSpreadsheet(): unknown {
    const app = this.sheets.SpreadsheetApp as { getActiveSpreadsheet?: () => unknown };
    if (typeof app.getActiveSpreadsheet !== 'function') return undefined;
    return this.rt.uncounted(() => (app.getActiveSpreadsheet as () => unknown).call(app));
  }

  private spreadsheetId(): string | undefined {
    this.spreadsheetIdCache ??= this.idOfSpreadsheet(this.activeSpreadsheet());
    return this.spreadsheetIdCache;
  }

  private idOfSpreadsheet(ss: unknown): string | undefined {
    const getId = (ss as { getId?: unknown } | null | undefined)?.getId;
    if (typeof getId !== 'function') return undefined;
    return this.rt.uncounted(() => String((getId as () => unknown).call(ss)));
  }
}

/**
 * One sharing list: the file's editors in Drive are the spreadsheet's editors (sharing a Sheet is
 * sharing its Drive file), whichever side changes them.
 */
function linkEditors(item: DriveItem, model: { editors?: Set<string> }): void {
  const sheetEditors = model.editors;
  if (sheetEditors === undefined) return;
  Object.defineProperty(item, 'editors', {
    get: () => [...sheetEditors].map((e) => e.toLowerCase()),
    set: (list: string[]) => {
      sheetEditors.clear();
      for (const e of list) sheetEditors.add(e);
    },
  });
}

/**
 * Drive and Sheets, connected: Drive's sharing decides who opens a spreadsheet, and File.makeCopy
 * of a spreadsheet makes a new spreadsheet owned by the copier.
 */
function connectSpreadsheets(drive: DriveModel, world: SpreadsheetWorld, now: () => number): void {
  world.canRead = (model, user) => {
    const item = drive.get(model.id);
    if (item === undefined) return model.canEditFile(user);
    return !drive.isTrashed(item) && drive.canRead(item, user);
  };
  world.canEdit = (model, user) => {
    const item = drive.get(model.id);
    if (item === undefined) return model.canEditFile(user);
    return !drive.isTrashed(item) && drive.canEdit(item, user);
  };
  drive.spreadsheets = {
    exists: (id) => world.get(id) !== undefined,
    copy: (id, newId, newName, owner) => {
      const source = world.get(id);
      if (source === undefined) throw new Error(`thidua host: no spreadsheet ${id}`);
      world.add(copySpreadsheetModel(source, { id: newId, name: newName, owner, now }));
    },
  };
}

/** Apps Script's message when a user's daily trigger runtime is spent (quotas page, "Limitations"). */
const TRIGGER_TIME_SPENT = 'Service using too much computer time for one day';
