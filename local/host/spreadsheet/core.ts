/**
 * Shared plumbing of the Sheets fakes: the host context, the registry that maps a fake (or its
 * strict proxy) back to the model object it views, Apps Script-style enums and argument errors.
 */
import type { SpreadsheetWorld } from './world';
import { HostRuntime } from '../runtime';
import { strict } from '../strict';
import {
  ChartSpec,
  ConditionalRuleSpec,
  GridRef,
  NamedRangeSpec,
  ProtectionSpec,
  SheetModel,
  SpreadsheetModel,
  ValidationSpec,
} from './model';

/** Factories for the objects handed to the script; wired in index.ts to avoid import cycles. */
export interface Views {
  range(ref: GridRef): object;
  rangeList(refs: readonly GridRef[]): object;
  sheet(sheet: SheetModel): object;
  spreadsheet(): object;
  protection(p: ProtectionSpec): object;
  validation(spec: ValidationSpec): object;
  validationBuilder(spec?: ValidationSpec): object;
  namedRange(spec: NamedRangeSpec): object;
  conditionalRule(spec: ConditionalRuleSpec): object;
  conditionalRuleBuilder(spec?: ConditionalRuleSpec): object;
  chart(spec: ChartSpec, sheet: SheetModel | null): object;
  chartBuilder(sheet: SheetModel, spec?: ChartSpec): object;
  user(email: string): object;
}

export interface Ctx {
  rt: HostRuntime;
  model: SpreadsheetModel;
  getUi: () => unknown;
  views: Views;
  /** The other spreadsheets of the host (openById / openByUrl); absent: only the bound one. */
  world?: SpreadsheetWorld;
  /** The Spreadsheet object of another file of the world, sharing this runtime. */
  openOther?: (model: SpreadsheetModel) => object;
  /** True for a file opened with openById/openByUrl (not the one the script is bound to). */
  foreign?: boolean;
}

/**
 * A file opened by id may be one the user can only view: every write to it is refused with
 * Sheets' "You do not have permission to edit this spreadsheet." (FILE_EDIT_DENIED). The bound
 * file needs no check: only its editors can run its script.
 */
export function guardFileEdit(ctx: Ctx): void {
  if (ctx.foreign === true && ctx.world !== undefined) {
    if (!ctx.world.canEdit(ctx.model, currentUser(ctx)))
      throw fail(ctx, 'You do not have permission to edit this spreadsheet.');
  }
}

/** The user the current execution runs as; the owner outside executions (direct test calls). */
export function currentUser(ctx: Ctx): string {
  return ctx.rt.current?.user ?? ctx.model.owner;
}

// ---------------------------------------------------------------- registry

type Kind =
  | 'Range'
  | 'RangeList'
  | 'Sheet'
  | 'Spreadsheet'
  | 'Protection'
  | 'DataValidation'
  | 'NamedRange'
  | 'ConditionalFormatRule'
  | 'EmbeddedChart'
  | 'User';

const registry = new WeakMap<object, { kind: Kind; value: unknown }>();

/** Wraps a fake with `strict` and remembers what it views, under both identities. */
export function register<T extends object>(kind: Kind, fake: T, value: unknown): T {
  const proxy = strict(fake, kind);
  registry.set(fake, { kind, value });
  registry.set(proxy, { kind, value });
  return proxy;
}

/** The model object behind a fake the script passed back; Apps Script's error otherwise. */

export function unwrap<T>(ctx: Ctx, kind: Kind, obj: unknown, method: string, args: unknown[]): T {
  const entry = typeof obj === 'object' && obj !== null ? registry.get(obj) : undefined;
  if (!entry || entry.kind !== kind) throw paramError(ctx, method, args);
  return entry.value as T;
}

export function kindOf(obj: unknown): Kind | undefined {
  return typeof obj === 'object' && obj !== null ? registry.get(obj)?.kind : undefined;
}

/**
 * Text of any value the script passes: the declared types do not bind a script at run time, so
 * arguments are coerced the way Apps Script coerces them.
 */
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  return (v as { toString(): string }).toString();
}

// ---------------------------------------------------------------- errors

function typeLabel(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return v.length > 0 && v.every(Array.isArray) ? 'Object[][]' : 'Object[]';
  const kind = kindOf(v);
  if (kind) return `SpreadsheetApp.${kind}`;
  return 'Object';
}

/**
 * "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues."
 * (the V8 runtime's message for a call no overload accepts).
 */
export function paramError(ctx: Ctx, method: string, args: unknown[]): Error {
  return ctx.rt.scriptError(
    `The parameters (${args.map(typeLabel).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}

export function fail(ctx: Ctx, message: string): Error {
  return ctx.rt.scriptError(message);
}

export function requireNumber(ctx: Ctx, method: string, args: unknown[], count: number): void {
  for (let i = 0; i < count; i++) {
    const v = args[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw paramError(ctx, method, args);
  }
}

export function requireString(ctx: Ctx, method: string, args: unknown[], index = 0): string {
  const v = args[index];
  if (typeof v !== 'string') throw paramError(ctx, method, args);
  return v;
}

// ---------------------------------------------------------------- enums

/** An Apps Script enum member: an object whose toString()/name() give its name. */
export interface EnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

const enumNames = new WeakMap<object, { type: string; name: string }>();

export function makeEnum<N extends string>(
  type: string,
  names: readonly N[],
): Record<N, EnumValue> {
  const out = {} as Record<N, EnumValue>;
  names.forEach((name, i) => {
    const value: EnumValue = Object.freeze({
      name: () => name,
      ordinal: () => i,
      toString: () => name,
      toJSON: () => name,
    });
    enumNames.set(value, { type, name });
    out[name] = value;
  });
  return Object.freeze(out);
}

/** The member name of an enum value of `type`, or Apps Script's parameter error. */
export function enumName(
  ctx: Ctx,
  type: string,
  v: unknown,
  method: string,
  args: unknown[],
): string {
  const entry = typeof v === 'object' && v !== null ? enumNames.get(v) : undefined;
  if (!entry || entry.type !== type) throw paramError(ctx, method, args);
  return entry.name;
}

export const ProtectionType = makeEnum('ProtectionType', ['RANGE', 'SHEET'] as const);

export const DataValidationCriteria = makeEnum('DataValidationCriteria', [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);

export const BooleanCriteria = makeEnum('BooleanCriteria', [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);

export const WrapStrategy = makeEnum('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP'] as const);

export const BorderStyle = makeEnum('BorderStyle', [
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
] as const);

export const Dimension = makeEnum('Dimension', ['COLUMNS', 'ROWS'] as const);

export const ChartType = makeEnum('ChartType', [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const);

/** Enum member by name, for host code and tests. */
export function enumValue(
  type: 'DataValidationCriteria' | 'BooleanCriteria' | 'ChartType' | 'ProtectionType',
  name: string,
): EnumValue {
  const table: Record<string, Record<string, EnumValue>> = {
    DataValidationCriteria,
    BooleanCriteria,
    ChartType,
    ProtectionType,
  };
  const v = table[type]?.[name];
  if (!v) throw new Error(`thidua host: unknown ${type}.${name}`);
  return v;
}
