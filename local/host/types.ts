/**
 * The shapes LocalHost takes and returns: its options, a run's result and the run log, and the
 * Sheets fakes' shape (so a host test can stand in its own).
 */
import type { Execution, ExecutionKind, HostRuntime, RuntimeOptions } from './runtime';
import type { AccountsOptions } from './accounts';
import type { SandboxOptions } from './sandbox';
import type { ShownDialog } from './ui';
import type { LogLine } from './services/logger';
import type { LocalHost } from './index';
import type { SpreadsheetHostOptions, SpreadsheetModel, SpreadsheetWorld } from './spreadsheet';
import type { DriveModel } from './drive';
import type { DocumentStore } from './docs';

// ---------------------------------------------------------------------------------------------
// The Sheets fakes' shape, as agreed with ./spreadsheet (coded against before it landed).

export interface UserEditResult {
  accepted: boolean;
  reason?: string;
  range: unknown;
  oldValue?: unknown;
  value?: unknown;
}

export interface SpreadsheetModelLike {
  userEdit(user: string, a1WithSheet: string, values: unknown): UserEditResult;
  toasts?: unknown[];
  /** The file's id and name, so Drive can list the bound spreadsheet (stand-ins may omit them). */
  id?: string;
  name?: string;
}

/** One definition, with the Sheets fakes that read it. */
export type { SpreadsheetHostOptions } from './spreadsheet';

export interface SpreadsheetHostLike {
  SpreadsheetApp: object;
  Charts: object;
  model: SpreadsheetModelLike;
}

export type SpreadsheetFactory = (
  rt: HostRuntime,
  options: SpreadsheetHostOptions,
) => SpreadsheetHostLike;

// ---------------------------------------------------------------------------------------------

/** What several hosts of one Google share: one clock and account model, Drive, Docs, Sheets files. */
export interface HostWorld {
  rt: HostRuntime;
  drive: DriveModel;
  documents: DocumentStore;
  spreadsheets: SpreadsheetWorld;
}

export interface LocalHostOptions {
  code: string;
  runtime?: RuntimeOptions;
  /**
   * Workspace domains and per-account locale / time zone. Every address not in a Workspace domain is
   * a consumer account; ANONYMOUS_USER is a link editor who is not signed in.
   */
  accounts?: AccountsOptions;
  spreadsheet?: {
    name?: string;
    locale?: string;
    timeZone?: string;
    owner?: string;
    editors?: string[];
    /** An existing spreadsheet of the world (a copy): the script is bound to it. */
    model?: SpreadsheetModel;
  };
  /**
   * Share another host's Google (clock, accounts, Drive, Docs, the other spreadsheets): a host
   * for a copy of the workbook runs the same bundle bound to the copy (LocalHost.hostFor).
   */
  world?: HostWorld;
  /** Replaces the Sheets fakes (host tests use a stand-in). */
  spreadsheetFactory?: SpreadsheetFactory;
  /** More globals for the script (later services: DocumentApp, DriveApp, MailApp, HtmlService). */
  services?: Record<string, (host: LocalHost) => unknown>;
  sandbox?: SandboxOptions;
  /**
   * Advanced services the manifest enables (dependencies.enabledAdvancedServices); default: the
   * Docs API, as appsscript.json does. `docs: false` models a project without it.
   */
  advancedServices?: { docs?: boolean };
  /** Seed for Utilities.getUuid. */
  uuidSeed?: string;
  /** The script's time zone (appsscript.json); default Asia/Ho_Chi_Minh. */
  scriptTimeZone?: string;
}

export type RunStatus = 'ok' | 'error' | 'killed';

export interface RunResult {
  status: RunStatus;
  value?: unknown;
  error?: string;
  execution: Execution;
  calls: number;
  virtualMs: number;
}

export interface RunOptions {
  kind?: ExecutionKind;
  user?: string;
  event?: object;
  /** The user at the keyboard when it differs from `user` (installable triggers run as their owner). */
  activeUser?: string;
}

export interface EditOutcome {
  accepted: boolean;
  reason?: string;
  runs: RunResult[];
}

export interface HostReport {
  totalCalls: number;
  callsByMethod: Record<string, number>;
  virtualMs: number;
  executions: Array<{
    id: number;
    functionName: string;
    kind: ExecutionKind;
    user: string;
    status: RunStatus;
    calls: number;
    virtualMs: number;
    error?: string;
  }>;
  toasts: unknown[];
  alerts: ShownDialog[];
  logs: LogLine[];
}
