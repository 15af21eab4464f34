/**
 * The Sheets part of the local Apps Script host: `SpreadsheetApp` and `Charts` for the script's
 * global scope, over a `SpreadsheetModel` that tests, the loader and the demo use directly.
 */
import { HostRuntime } from '../runtime';
import { strict } from '../strict';
import { ChartType, Ctx, Views, register } from './core';
import { SpreadsheetModel, SpreadsheetModelOptions } from './model';
import type { SpreadsheetWorld } from './world';
import {
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidation,
  FakeDataValidationBuilder,
  FakeEmbeddedChart,
  FakeEmbeddedChartBuilder,
  FakeNamedRange,
  FakeProtection,
} from './objects';
import { FakeRange } from './range';
import { FakeRangeList } from './rangeList';
import { FakeSheet } from './sheet';
import { FakeSpreadsheet, FakeSpreadsheetApp, FakeUser } from './spreadsheet';

export * from './model';
export { copySpreadsheetModel } from './copy';
export {
  SpreadsheetWorld,
  OPEN_ACCESS_DENIED,
  SPREADSHEETS_SCOPE,
  SPREADSHEETS_CURRENTONLY_SCOPE,
  idFromSpreadsheetUrl,
} from './world';
export * from './limits';
export { PROTECTION_MESSAGES } from './objects';
export { FILE_EDIT_DENIED } from './spreadsheet';
export {
  enumValue,
  ChartType,
  DataValidationCriteria,
  BooleanCriteria,
  ProtectionType,
} from './core';
export type { EnumValue } from './core';
export { parseA1, formatA1, columnToLetters, lettersToColumn } from './a1';
export { displayValue, parseTypedInput, msToSerial, serialToMs, isDateFormat } from './format';

export interface SpreadsheetHostOptions {
  /** The Ui object the loader built; returned by SpreadsheetApp.getUi(). */
  getUi: () => unknown;
  name?: string;
  /** The file's locale; default the creator's, DEFAULT_LOCALE ('en_US'). */
  locale?: string;
  /** The file's time zone; default the creator's, DEFAULT_TIME_ZONE ('America/Los_Angeles'). */
  timeZone?: string;
  /** Default rt.owner. */
  owner?: string;
  editors?: string[];
  /** The owner's Google Workspace domain; undefined (the default) for a consumer account. */
  workspaceDomain?: string;
  id?: string;
  firstSheetName?: string;
  /** Use an existing model (e.g. one loaded from .xlsx) instead of a new one. */
  model?: SpreadsheetModel;
  /** The host's other spreadsheets, for openById / openByUrl (./world.ts). */
  world?: SpreadsheetWorld;
}

export interface SpreadsheetHost {
  SpreadsheetApp: object;
  Charts: object;
  model: SpreadsheetModel;
}

/** Builds the view factories over one model. */
export function createViews(ctxBase: Omit<Ctx, 'views'>): Ctx {
  const ctx = ctxBase as Ctx;
  const views: Views = {
    range: (ref) => register('Range', new FakeRange(ctx, ref), ref),
    rangeList: (refs) => register('RangeList', new FakeRangeList(ctx, refs), refs),
    sheet: (sheet) => register('Sheet', new FakeSheet(ctx, sheet), sheet),
    spreadsheet: () => register('Spreadsheet', new FakeSpreadsheet(ctx), ctx.model),
    protection: (p) => register('Protection', new FakeProtection(ctx, p), p),
    validation: (spec) => register('DataValidation', new FakeDataValidation(ctx, spec), spec),
    validationBuilder: (spec) =>
      strict(new FakeDataValidationBuilder(ctx, spec), 'DataValidationBuilder'),
    namedRange: (spec) => register('NamedRange', new FakeNamedRange(ctx, spec), spec),
    conditionalRule: (spec) =>
      register('ConditionalFormatRule', new FakeConditionalFormatRule(ctx, spec), spec),
    conditionalRuleBuilder: (spec) =>
      strict(new FakeConditionalFormatRuleBuilder(ctx, spec), 'ConditionalFormatRuleBuilder'),
    chart: (spec, sheet) =>
      register('EmbeddedChart', new FakeEmbeddedChart(ctx, spec, sheet), spec),
    chartBuilder: (sheet, spec) =>
      strict(new FakeEmbeddedChartBuilder(ctx, sheet, spec), 'EmbeddedChartBuilder'),
    user: (email) => register('User', new FakeUser(ctx, email), email),
  };
  ctx.views = views;
  ctx.model.views = { range: (ref) => views.range(ref) };
  return ctx;
}

/**
 * Everything the loader puts in the script's global scope for Sheets, plus the model for tests.
 * `Charts` carries the ChartType enum used by EmbeddedChartBuilder.setChartType.
 */
export function createSpreadsheetHost(
  rt: HostRuntime,
  options: SpreadsheetHostOptions,
): SpreadsheetHost {
  const modelOptions: SpreadsheetModelOptions = {
    owner: options.owner ?? rt.owner,
    editors: options.editors,
    name: options.name,
    locale: options.locale,
    timeZone: options.timeZone,
    workspaceDomain: options.workspaceDomain,
    id: options.id,
    firstSheetName: options.firstSheetName,
    now: () => rt.nowMs,
  };
  const model = options.model ?? new SpreadsheetModel(modelOptions);
  const world = options.world;
  // One set of views per file, made when the script first opens it.
  const others = new Map<SpreadsheetModel, Ctx>();
  const openOther = (other: SpreadsheetModel): object => {
    let c = others.get(other);
    if (c === undefined) {
      c = createViews({ rt, model: other, getUi: options.getUi, world, openOther, foreign: true });
      others.set(other, c);
    }
    return c.views.spreadsheet();
  };
  if (world !== undefined && world.get(model.id) === undefined) world.add(model);
  const ctx = createViews({ rt, model, getUi: options.getUi, world, openOther });
  const SpreadsheetApp = strict(new FakeSpreadsheetApp(ctx), 'SpreadsheetApp');
  const Charts = strict({ ChartType }, 'Charts');
  return { SpreadsheetApp, Charts, model };
}

/** A fake Range over the model, for host code (no call is counted). */
export function hostRange(host: SpreadsheetHost, a1WithSheet: string): unknown {
  const ref = host.model.resolveA1(a1WithSheet);
  if (!ref || !host.model.views) throw new Error(`thidua host: no such range ${a1WithSheet}`);
  return host.model.views.range(ref);
}
