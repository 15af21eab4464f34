/**
 * The smaller Sheets objects: Protection, DataValidation(+Builder), NamedRange,
 * ConditionalFormatRule(+Builder), BooleanCondition, EmbeddedChart(+Builder), ChartOptions,
 * ContainerInfo.
 */
import { isDate } from '../runtime';
import { assertType, AssertNoExtraMethods, FakeOf, strict } from '../strict';
import {
  asText,
  BooleanCriteria,
  ChartType,
  Ctx,
  DataValidationCriteria,
  ProtectionType,
  currentUser,
  enumName,
  fail,
  paramError,
  requireNumber,
  requireString,
  unwrap,
} from './core';
import {
  ChartSpec,
  ConditionalRuleSpec,
  DateArg,
  GridRef,
  NamedRangeSpec,
  ProtectionSpec,
  SheetModel,
  SpreadsheetModel,
  ValidationArg,
  ValidationSpec,
} from './model';
import { normalizeColor } from './range';
import { NAMED_RANGE_MESSAGES, emailOf, isValidRangeName } from './spreadsheet';

type RealProtection = GoogleAppsScript.Spreadsheet.Protection;
type RealValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type RealValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type RealNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
type RealRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type RealRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type RealCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type RealChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type RealChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type RealChartOptions = GoogleAppsScript.Charts.ChartOptions;
type RealContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;

/** Criterion values as the script sees them: Ranges and Dates of the script's realm. */
function argsOut(ctx: Ctx, args: readonly unknown[]): unknown[] {
  return args.map((a) => {
    if (Array.isArray(a)) return [...(a as unknown[])];
    if (typeof a === 'object' && a !== null && 'sheet' in a) return ctx.views.range(a as GridRef);
    if (typeof a === 'object' && a !== null && 'dateMs' in a)
      return ctx.rt.scriptDate((a as DateArg).dateMs);
    return a;
  });
}

function dateArg(ctx: Ctx, v: unknown, method: string): DateArg {
  if (!isDate(v)) throw paramError(ctx, method, [v]);
  return { dateMs: v.getTime() };
}

// ---------------------------------------------------------------- Protection

export const PROTECTION_MESSAGES = {
  noDomain: 'This spreadsheet does not belong to a Google Workspace domain.',
} as const;

/** https://developers.google.com/apps-script/reference/spreadsheet/protection */
export class FakeProtection implements FakeOf<RealProtection> {
  private readonly ctx: Ctx;
  private readonly p: ProtectionSpec;

  constructor(ctx: Ctx, p: ProtectionSpec) {
    this.ctx = ctx;
    this.p = p;
  }

  private call(method: string): void {
    this.ctx.rt.call(`Protection.${method}`);
  }

  private get model(): SpreadsheetModel {
    return this.ctx.model;
  }

  /**
   * Only someone who may edit the protected area may change its settings, or read its editors
   * (Protection.getEditors / canDomainEdit: "Throws an exception if the user does not have
   * permission to edit the protected range or sheet").
   */
  private guard(): void {
    if (!this.model.protectionAllows(this.p, currentUser(this.ctx))) {
      throw fail(
        this.ctx,
        this.ctx.model.protections.includes(this.p)
          ? 'You do not have permission to modify this protection.'
          : 'The protection has been removed.',
      );
    }
  }

  /** The first change to the editor list stops mirroring the spreadsheet's editors. */
  private editors(): Set<string> {
    if (this.p.editors === null) {
      this.p.editors = new Set([...this.model.allEditors(), this.p.creator]);
    }
    return this.p.editors;
  }

  getDescription(): string {
    this.call('getDescription');
    return this.p.description;
  }
  setDescription(description: unknown): this {
    this.call('setDescription');
    this.guard();
    this.p.description = asText(description);
    return this;
  }
  addEditor(emailAddress: unknown): this {
    this.call('addEditor');
    this.guard();
    this.editors().add(emailOf(this.ctx, emailAddress, 'Protection.addEditor'));
    return this;
  }
  addEditors(emailAddresses: string[]): this {
    this.call('addEditors');
    if (!Array.isArray(emailAddresses))
      throw paramError(this.ctx, 'Protection.addEditors', [emailAddresses]);
    this.guard();
    const set = this.editors();
    for (const e of emailAddresses) set.add(emailOf(this.ctx, e, 'Protection.addEditors'));
    return this;
  }
  /** "Neither the owner of the spreadsheet nor the current user can be removed" (removeEditor). */
  private removable(email: string): boolean {
    return email !== this.model.owner && email !== currentUser(this.ctx);
  }
  removeEditor(emailAddress: unknown): this {
    this.call('removeEditor');
    this.guard();
    const email = emailOf(this.ctx, emailAddress, 'Protection.removeEditor');
    if (this.removable(email)) this.editors().delete(email);
    return this;
  }
  removeEditors(emailAddresses: unknown[]): this {
    this.call('removeEditors');
    if (!Array.isArray(emailAddresses))
      throw paramError(this.ctx, 'Protection.removeEditors', [emailAddresses]);
    this.guard();
    const set = this.editors();
    for (const e of emailAddresses) {
      const email = emailOf(this.ctx, e, 'Protection.removeEditors');
      if (this.removable(email)) set.delete(email);
    }
    return this;
  }
  getEditors(): object[] {
    this.call('getEditors');
    this.guard();
    const list = this.p.editors ?? new Set([...this.model.allEditors(), this.p.creator]);
    return [...list].map((e) => this.ctx.views.user(e));
  }
  setWarningOnly(warningOnly: unknown): this {
    this.call('setWarningOnly');
    this.guard();
    this.p.warningOnly = Boolean(warningOnly);
    return this;
  }
  isWarningOnly(): boolean {
    this.call('isWarningOnly');
    return this.p.warningOnly;
  }
  /**
   * "Throws an exception if the spreadsheet does not belong to a Google Workspace domain (that
   * is, if it is owned by a gmail.com account)" (setDomainEdit). ASSUMPTION: the wording.
   */
  setDomainEdit(editable: unknown): this {
    this.call('setDomainEdit');
    this.guard();
    if (this.model.workspaceDomain === undefined)
      throw fail(this.ctx, PROTECTION_MESSAGES.noDomain);
    this.p.domainEdit = Boolean(editable);
    return this;
  }
  /** Always false outside a Workspace domain: there is no domain that owns the file. */
  canDomainEdit(): boolean {
    this.call('canDomainEdit');
    this.guard();
    return this.model.workspaceDomain !== undefined && this.p.domainEdit;
  }
  /** Whether the user running the script may edit the protected area. */
  canEdit(): boolean {
    this.call('canEdit');
    return this.p.warningOnly || this.model.protectionAllows(this.p, currentUser(this.ctx));
  }
  getRange(): object {
    this.call('getRange');
    return this.ctx.views.range(this.p.range);
  }
  setRange(range: GoogleAppsScript.Spreadsheet.Range): this {
    this.call('setRange');
    const ref = unwrap<GridRef>(this.ctx, 'Range', range, 'Protection.setRange', [range]);
    this.guard();
    if (this.p.type === 'SHEET')
      throw fail(this.ctx, 'A sheet protection cannot change its range.');
    this.p.range = { ...ref };
    return this;
  }
  getRangeName(): string | null {
    this.call('getRangeName');
    return this.p.rangeName;
  }
  /** Unprotected areas exist only inside a protected sheet. */
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): this {
    this.call('setUnprotectedRanges');
    if (!Array.isArray(ranges))
      throw paramError(this.ctx, 'Protection.setUnprotectedRanges', [ranges]);
    const refs = ranges.map((r) =>
      unwrap<GridRef>(this.ctx, 'Range', r, 'Protection.setUnprotectedRanges', [ranges]),
    );
    this.guard();
    if (this.p.type !== 'SHEET') {
      // ASSUMPTION: Apps Script ignores or refuses this on range protections; the host refuses.
      throw fail(this.ctx, 'Unprotected ranges can only be set on a sheet protection.');
    }
    this.p.unprotected = refs.map((r) => ({ ...r }));
    return this;
  }
  getUnprotectedRanges(): object[] {
    this.call('getUnprotectedRanges');
    return this.p.unprotected.map((r) => this.ctx.views.range(r));
  }
  getProtectionType(): unknown {
    this.call('getProtectionType');
    return ProtectionType[this.p.type];
  }
  remove(): void {
    this.call('remove');
    this.guard();
    const i = this.model.protections.indexOf(this.p);
    if (i >= 0) this.model.protections.splice(i, 1);
  }
}
const _protectionHasNoExtras: true =
  assertType<AssertNoExtraMethods<FakeProtection, RealProtection>>();

// ---------------------------------------------------------------- DataValidation

/** https://developers.google.com/apps-script/reference/spreadsheet/data-validation */
export class FakeDataValidation implements FakeOf<RealValidation> {
  private readonly ctx: Ctx;
  private readonly spec: ValidationSpec;
  constructor(ctx: Ctx, spec: ValidationSpec) {
    this.ctx = ctx;
    this.spec = spec;
  }
  private call(method: string): void {
    this.ctx.rt.call(`DataValidation.${method}`);
  }
  copy(): object {
    this.call('copy');
    return this.ctx.views.validationBuilder(cloneValidation(this.spec));
  }
  getAllowInvalid(): boolean {
    this.call('getAllowInvalid');
    return this.spec.allowInvalid;
  }
  getCriteriaType(): unknown {
    this.call('getCriteriaType');
    return DataValidationCriteria[this.spec.criteria as keyof typeof DataValidationCriteria];
  }
  getCriteriaValues(): unknown[] {
    this.call('getCriteriaValues');
    return argsOut(this.ctx, this.spec.args);
  }
  getHelpText(): string | null {
    this.call('getHelpText');
    return this.spec.helpText;
  }
}
const _validationHasNoExtras: true =
  assertType<AssertNoExtraMethods<FakeDataValidation, RealValidation>>();

export function cloneValidation(spec: ValidationSpec): ValidationSpec {
  return { ...spec, args: spec.args.map((a) => (Array.isArray(a) ? [...a] : a)) };
}

/**
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 * "The default for a new data validation rule is true" (setAllowInvalid).
 */
export class FakeDataValidationBuilder implements FakeOf<RealValidationBuilder> {
  private readonly ctx: Ctx;
  private spec: ValidationSpec;
  constructor(ctx: Ctx, spec?: ValidationSpec) {
    this.ctx = ctx;
    this.spec = spec ?? { criteria: '', args: [], allowInvalid: true, helpText: null };
  }
  private call(method: string): void {
    this.ctx.rt.call(`DataValidationBuilder.${method}`);
  }
  private set(criteria: string, args: ValidationArg[]): this {
    this.spec = { ...this.spec, criteria, args };
    return this;
  }
  private nums(method: string, args: unknown[]): number[] {
    requireNumber(this.ctx, `DataValidationBuilder.${method}`, args, args.length);
    return args as number[];
  }

  build(): object {
    this.call('build');
    // ASSUMPTION: wording; a rule needs a criterion.
    if (!this.spec.criteria) throw fail(this.ctx, 'The data validation rule has no criteria.');
    return this.ctx.views.validation(cloneValidation(this.spec));
  }
  copy(): object {
    this.call('copy');
    return this.ctx.views.validationBuilder(cloneValidation(this.spec));
  }
  getAllowInvalid(): boolean {
    this.call('getAllowInvalid');
    return this.spec.allowInvalid;
  }
  getCriteriaType(): unknown {
    this.call('getCriteriaType');
    return (DataValidationCriteria as Record<string, unknown>)[this.spec.criteria] ?? null;
  }
  getCriteriaValues(): unknown[] {
    this.call('getCriteriaValues');
    return argsOut(this.ctx, this.spec.args);
  }
  getHelpText(): string | null {
    this.call('getHelpText');
    return this.spec.helpText;
  }
  /** Checkbox: TRUE/FALSE, or the given checked (and unchecked) values. */
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this.call('requireCheckbox');
    const args = [checkedValue, uncheckedValue].filter((x) => x !== undefined) as ValidationArg[];
    return this.set('CHECKBOX', args);
  }
  requireDate(): this {
    this.call('requireDate');
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: unknown): this {
    this.call('requireDateAfter');
    return this.set('DATE_AFTER', [
      dateArg(this.ctx, date, 'DataValidationBuilder.requireDateAfter'),
    ]);
  }
  requireDateBefore(date: unknown): this {
    this.call('requireDateBefore');
    return this.set('DATE_BEFORE', [
      dateArg(this.ctx, date, 'DataValidationBuilder.requireDateBefore'),
    ]);
  }
  requireDateBetween(start: unknown, end: unknown): this {
    this.call('requireDateBetween');
    const m = 'DataValidationBuilder.requireDateBetween';
    return this.set('DATE_BETWEEN', [dateArg(this.ctx, start, m), dateArg(this.ctx, end, m)]);
  }
  requireDateOnOrAfter(date: unknown): this {
    this.call('requireDateOnOrAfter');
    return this.set('DATE_ON_OR_AFTER', [
      dateArg(this.ctx, date, 'DataValidationBuilder.requireDateOnOrAfter'),
    ]);
  }
  requireDateOnOrBefore(date: unknown): this {
    this.call('requireDateOnOrBefore');
    return this.set('DATE_ON_OR_BEFORE', [
      dateArg(this.ctx, date, 'DataValidationBuilder.requireDateOnOrBefore'),
    ]);
  }
  requireFormulaSatisfied(formula: string): this {
    this.call('requireFormulaSatisfied');
    return this.set('CUSTOM_FORMULA', [
      requireString(this.ctx, 'DataValidationBuilder.requireFormulaSatisfied', [formula]),
    ]);
  }
  requireNumberBetween(start: number, end: number): this {
    this.call('requireNumberBetween');
    return this.set('NUMBER_BETWEEN', this.nums('requireNumberBetween', [start, end]));
  }
  requireNumberNotBetween(start: number, end: number): this {
    this.call('requireNumberNotBetween');
    return this.set('NUMBER_NOT_BETWEEN', this.nums('requireNumberNotBetween', [start, end]));
  }
  requireNumberEqualTo(number: number): this {
    this.call('requireNumberEqualTo');
    return this.set('NUMBER_EQUAL_TO', this.nums('requireNumberEqualTo', [number]));
  }
  requireNumberNotEqualTo(number: number): this {
    this.call('requireNumberNotEqualTo');
    return this.set('NUMBER_NOT_EQUAL_TO', this.nums('requireNumberNotEqualTo', [number]));
  }
  requireNumberGreaterThan(number: number): this {
    this.call('requireNumberGreaterThan');
    return this.set('NUMBER_GREATER_THAN', this.nums('requireNumberGreaterThan', [number]));
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    this.call('requireNumberGreaterThanOrEqualTo');
    return this.set(
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      this.nums('requireNumberGreaterThanOrEqualTo', [number]),
    );
  }
  requireNumberLessThan(number: number): this {
    this.call('requireNumberLessThan');
    return this.set('NUMBER_LESS_THAN', this.nums('requireNumberLessThan', [number]));
  }
  requireNumberLessThanOrEqualTo(number: number): this {
    this.call('requireNumberLessThanOrEqualTo');
    return this.set(
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      this.nums('requireNumberLessThanOrEqualTo', [number]),
    );
  }
  requireTextContains(text: string): this {
    this.call('requireTextContains');
    return this.set('TEXT_CONTAINS', [
      requireString(this.ctx, 'DataValidationBuilder.requireTextContains', [text]),
    ]);
  }
  requireTextDoesNotContain(text: string): this {
    this.call('requireTextDoesNotContain');
    return this.set('TEXT_DOES_NOT_CONTAIN', [
      requireString(this.ctx, 'DataValidationBuilder.requireTextDoesNotContain', [text]),
    ]);
  }
  requireTextEqualTo(text: string): this {
    this.call('requireTextEqualTo');
    return this.set('TEXT_EQUAL_TO', [
      requireString(this.ctx, 'DataValidationBuilder.requireTextEqualTo', [text]),
    ]);
  }
  requireTextIsEmail(): this {
    this.call('requireTextIsEmail');
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    this.call('requireTextIsUrl');
    return this.set('TEXT_IS_VALID_URL', []);
  }
  /** Criteria values read back as [values, showDropdown]. */
  requireValueInList(values: string[], showDropdown?: boolean): this {
    this.call('requireValueInList');
    if (!Array.isArray(values)) {
      throw paramError(this.ctx, 'DataValidationBuilder.requireValueInList', [
        values,
        showDropdown,
      ]);
    }
    return this.set('VALUE_IN_LIST', [values.map(String), showDropdown ?? true]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): this {
    this.call('requireValueInRange');
    const ref = unwrap<GridRef>(
      this.ctx,
      'Range',
      range,
      'DataValidationBuilder.requireValueInRange',
      [range, showDropdown],
    );
    return this.set('VALUE_IN_RANGE', [{ ...ref }, showDropdown ?? true]);
  }
  setAllowInvalid(allowInvalidData: unknown): this {
    this.call('setAllowInvalid');
    this.spec = { ...this.spec, allowInvalid: Boolean(allowInvalidData) };
    return this;
  }
  setHelpText(helpText: unknown): this {
    this.call('setHelpText');
    this.spec = { ...this.spec, helpText: asText(helpText) };
    return this;
  }
  withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    args: unknown[],
  ): this {
    this.call('withCriteria');
    const name = enumName(
      this.ctx,
      'DataValidationCriteria',
      criteria,
      'DataValidationBuilder.withCriteria',
      [criteria, args],
    );
    if (!Array.isArray(args))
      throw paramError(this.ctx, 'DataValidationBuilder.withCriteria', [criteria, args]);
    const converted = args.map((a): ValidationArg => {
      if (isDate(a)) return { dateMs: a.getTime() };
      if (typeof a === 'object' && a !== null && !Array.isArray(a)) {
        return {
          ...unwrap<GridRef>(this.ctx, 'Range', a, 'DataValidationBuilder.withCriteria', [
            criteria,
            args,
          ]),
        };
      }
      return a as ValidationArg;
    });
    return this.set(name, converted);
  }
}
const _validationBuilderHasNoExtras: true =
  assertType<AssertNoExtraMethods<FakeDataValidationBuilder, RealValidationBuilder>>();

// ---------------------------------------------------------------- NamedRange

/** https://developers.google.com/apps-script/reference/spreadsheet/named-range */
export class FakeNamedRange implements FakeOf<RealNamedRange> {
  private readonly ctx: Ctx;
  private readonly spec: NamedRangeSpec;
  constructor(ctx: Ctx, spec: NamedRangeSpec) {
    this.ctx = ctx;
    this.spec = spec;
  }
  private call(method: string): void {
    this.ctx.rt.call(`NamedRange.${method}`);
  }
  getName(): string {
    this.call('getName');
    return this.spec.name;
  }
  getRange(): object {
    this.call('getRange');
    return this.ctx.views.range(this.spec.range);
  }
  remove(): void {
    this.call('remove');
    const list = this.ctx.model.namedRanges;
    const i = list.indexOf(this.spec);
    if (i >= 0) list.splice(i, 1);
  }
  setName(name: string): this {
    this.call('setName');
    requireString(this.ctx, 'NamedRange.setName', [name]);
    if (!isValidRangeName(name)) throw fail(this.ctx, NAMED_RANGE_MESSAGES.invalid(name));
    if (
      this.ctx.model.namedRanges.some(
        (n) => n !== this.spec && n.name.toLowerCase() === name.toLowerCase(),
      )
    ) {
      throw fail(this.ctx, NAMED_RANGE_MESSAGES.duplicate(name));
    }
    this.spec.name = name;
    return this;
  }
  setRange(range: GoogleAppsScript.Spreadsheet.Range): this {
    this.call('setRange');
    this.spec.range = {
      ...unwrap<GridRef>(this.ctx, 'Range', range, 'NamedRange.setRange', [range]),
    };
    return this;
  }
}
const _namedRangeHasNoExtras: true =
  assertType<AssertNoExtraMethods<FakeNamedRange, RealNamedRange>>();

// ---------------------------------------------------------------- conditional formats

function cloneRule(spec: ConditionalRuleSpec): ConditionalRuleSpec {
  return { ...spec, args: [...spec.args], ranges: spec.ranges.map((r) => ({ ...r })) };
}

/** https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition */
export class FakeBooleanCondition implements FakeOf<RealCondition> {
  private readonly ctx: Ctx;
  private readonly spec: ConditionalRuleSpec;
  constructor(ctx: Ctx, spec: ConditionalRuleSpec) {
    this.ctx = ctx;
    this.spec = spec;
  }
  private call(method: string): void {
    this.ctx.rt.call(`BooleanCondition.${method}`);
  }
  getBackground(): string | null {
    this.call('getBackground');
    return this.spec.background;
  }
  getBold(): boolean | null {
    this.call('getBold');
    return this.spec.bold;
  }
  getItalic(): boolean | null {
    this.call('getItalic');
    return this.spec.italic;
  }
  getFontColor(): string | null {
    this.call('getFontColor');
    return this.spec.fontColor;
  }
  getCriteriaType(): unknown {
    this.call('getCriteriaType');
    return BooleanCriteria[this.spec.criteria as keyof typeof BooleanCriteria];
  }
  getCriteriaValues(): unknown[] {
    this.call('getCriteriaValues');
    return argsOut(this.ctx, this.spec.args);
  }
}
const _conditionHasNoExtras: true =
  assertType<AssertNoExtraMethods<FakeBooleanCondition, RealCondition>>();

/** https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule */
export class FakeConditionalFormatRule implements FakeOf<RealRule> {
  private readonly ctx: Ctx;
  private readonly spec: ConditionalRuleSpec;
  constructor(ctx: Ctx, spec: ConditionalRuleSpec) {
    this.ctx = ctx;
    this.spec = spec;
  }
  private call(method: string): void {
    this.ctx.rt.call(`ConditionalFormatRule.${method}`);
  }
  copy(): object {
    this.call('copy');
    return this.ctx.views.conditionalRuleBuilder(cloneRule(this.spec));
  }
  getBooleanCondition(): object | null {
    this.call('getBooleanCondition');
    return this.spec.criteria
      ? strict(new FakeBooleanCondition(this.ctx, this.spec), 'BooleanCondition')
      : null;
  }
  getGradientCondition(): null {
    this.call('getGradientCondition');
    return null;
  }
  getRanges(): object[] {
    this.call('getRanges');
    return this.spec.ranges.map((r) => this.ctx.views.range(r));
  }
}
const _ruleHasNoExtras: true =
  assertType<AssertNoExtraMethods<FakeConditionalFormatRule, RealRule>>();

/** https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder */
export class FakeConditionalFormatRuleBuilder implements FakeOf<RealRuleBuilder> {
  private readonly ctx: Ctx;
  private spec: ConditionalRuleSpec;
  constructor(ctx: Ctx, spec?: ConditionalRuleSpec) {
    this.ctx = ctx;
    this.spec = spec ?? {
      criteria: null,
      args: [],
      background: null,
      fontColor: null,
      bold: null,
      italic: null,
      ranges: [],
    };
  }
  private call(method: string): void {
    this.ctx.rt.call(`ConditionalFormatRuleBuilder.${method}`);
  }
  private when(criteria: string, args: unknown[], method: string, numeric: boolean): this {
    if (numeric)
      requireNumber(this.ctx, `ConditionalFormatRuleBuilder.${method}`, args, args.length);
    this.spec = { ...this.spec, criteria, args };
    return this;
  }
  build(): object {
    this.call('build');
    // ASSUMPTION: wording; a rule needs a condition and at least one range.
    if (!this.spec.criteria) throw fail(this.ctx, 'The conditional format rule has no condition.');
    if (this.spec.ranges.length === 0)
      throw fail(this.ctx, 'The conditional format rule has no ranges.');
    return this.ctx.views.conditionalRule(cloneRule(this.spec));
  }
  copy(): object {
    this.call('copy');
    return this.ctx.views.conditionalRuleBuilder(cloneRule(this.spec));
  }
  getBooleanCondition(): object | null {
    this.call('getBooleanCondition');
    return this.spec.criteria
      ? strict(new FakeBooleanCondition(this.ctx, this.spec), 'BooleanCondition')
      : null;
  }
  getRanges(): object[] {
    this.call('getRanges');
    return this.spec.ranges.map((r) => this.ctx.views.range(r));
  }
  setBackground(color: string | null): this {
    this.call('setBackground');
    this.spec = { ...this.spec, background: color === null ? null : normalizeColor(color) };
    return this;
  }
  setFontColor(color: string | null): this {
    this.call('setFontColor');
    this.spec = { ...this.spec, fontColor: color === null ? null : normalizeColor(color) };
    return this;
  }
  setBold(bold: boolean | null): this {
    this.call('setBold');
    this.spec = { ...this.spec, bold };
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.call('setItalic');
    this.spec = { ...this.spec, italic };
    return this;
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): this {
    this.call('setRanges');
    if (!Array.isArray(ranges))
      throw paramError(this.ctx, 'ConditionalFormatRuleBuilder.setRanges', [ranges]);
    const refs = ranges.map((r) => ({
      ...unwrap<GridRef>(this.ctx, 'Range', r, 'ConditionalFormatRuleBuilder.setRanges', [ranges]),
    }));
    this.spec = { ...this.spec, ranges: refs };
    return this;
  }
  whenCellEmpty(): this {
    this.call('whenCellEmpty');
    return this.when('CELL_EMPTY', [], 'whenCellEmpty', false);
  }
  whenCellNotEmpty(): this {
    this.call('whenCellNotEmpty');
    return this.when('CELL_NOT_EMPTY', [], 'whenCellNotEmpty', false);
  }
  whenFormulaSatisfied(formula: string): this {
    this.call('whenFormulaSatisfied');
    requireString(this.ctx, 'ConditionalFormatRuleBuilder.whenFormulaSatisfied', [formula]);
    return this.when('CUSTOM_FORMULA', [formula], 'whenFormulaSatisfied', false);
  }
  whenNumberBetween(start: number, end: number): this {
    this.call('whenNumberBetween');
    return this.when('NUMBER_BETWEEN', [start, end], 'whenNumberBetween', true);
  }
  whenNumberNotBetween(start: number, end: number): this {
    this.call('whenNumberNotBetween');
    return this.when('NUMBER_NOT_BETWEEN', [start, end], 'whenNumberNotBetween', true);
  }
  whenNumberEqualTo(number: number): this {
    this.call('whenNumberEqualTo');
    return this.when('NUMBER_EQUAL_TO', [number], 'whenNumberEqualTo', true);
  }
  whenNumberNotEqualTo(number: number): this {
    this.call('whenNumberNotEqualTo');
    return this.when('NUMBER_NOT_EQUAL_TO', [number], 'whenNumberNotEqualTo', true);
  }
  whenNumberGreaterThan(number: number): this {
    this.call('whenNumberGreaterThan');
    return this.when('NUMBER_GREATER_THAN', [number], 'whenNumberGreaterThan', true);
  }
  whenNumberGreaterThanOrEqualTo(number: number): this {
    this.call('whenNumberGreaterThanOrEqualTo');
    return this.when(
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      [number],
      'whenNumberGreaterThanOrEqualTo',
      true,
    );
  }
  whenNumberLessThan(number: number): this {
    this.call('whenNumberLessThan');
    return this.when('NUMBER_LESS_THAN', [number], 'whenNumberLessThan', true);
  }
  whenNumberLessThanOrEqualTo(number: number): this {
    this.call('whenNumberLessThanOrEqualTo');
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number], 'whenNumberLessThanOrEqualTo', true);
  }
  whenTextContains(text: unknown): this {
    this.call('whenTextContains');
    return this.when('TEXT_CONTAINS', [asText(text)], 'whenTextContains', false);
  }
  whenTextDoesNotContain(text: unknown): this {
    this.call('whenTextDoesNotContain');
    return this.when('TEXT_DOES_NOT_CONTAIN', [asText(text)], 'whenTextDoesNotContain', false);
  }
  whenTextEqualTo(text: unknown): this {
    this.call('whenTextEqualTo');
    return this.when('TEXT_EQUAL_TO', [asText(text)], 'whenTextEqualTo', false);
  }
  whenTextStartsWith(text: unknown): this {
    this.call('whenTextStartsWith');
    return this.when('TEXT_STARTS_WITH', [asText(text)], 'whenTextStartsWith', false);
  }
  whenTextEndsWith(text: unknown): this {
    this.call('whenTextEndsWith');
    return this.when('TEXT_ENDS_WITH', [asText(text)], 'whenTextEndsWith', false);
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria, args: unknown[]): this {
    this.call('withCriteria');
    const name = enumName(
      this.ctx,
      'BooleanCriteria',
      criteria,
      'ConditionalFormatRuleBuilder.withCriteria',
      [criteria, args],
    );
    if (!Array.isArray(args))
      throw paramError(this.ctx, 'ConditionalFormatRuleBuilder.withCriteria', [criteria, args]);
    return this.when(name, [...args], 'withCriteria', false);
  }
}
const _ruleBuilderHasNoExtras: true =
  assertType<AssertNoExtraMethods<FakeConditionalFormatRuleBuilder, RealRuleBuilder>>();

// ---------------------------------------------------------------- charts

function cloneChart(spec: ChartSpec): ChartSpec {
  return { ...spec, ranges: spec.ranges.map((r) => ({ ...r })), options: new Map(spec.options) };
}

/** https://developers.google.com/apps-script/reference/charts/chart-options */
export class FakeChartOptions implements FakeOf<RealChartOptions> {
  private readonly ctx: Ctx;
  private readonly options: Map<string, unknown>;
  constructor(ctx: Ctx, options: Map<string, unknown>) {
    this.ctx = ctx;
    this.options = options;
  }
  get(option: string): unknown {
    this.ctx.rt.call('ChartOptions.get');
    return this.options.has(option) ? this.options.get(option) : null;
  }
}
const _optionsHaveNoExtras: true =
  assertType<AssertNoExtraMethods<FakeChartOptions, RealChartOptions>>();

/** https://developers.google.com/apps-script/reference/spreadsheet/container-info */
export class FakeContainerInfo implements FakeOf<RealContainerInfo> {
  private readonly ctx: Ctx;
  private readonly spec: ChartSpec;
  constructor(ctx: Ctx, spec: ChartSpec) {
    this.ctx = ctx;
    this.spec = spec;
  }
  getAnchorColumn(): number {
    this.ctx.rt.call('ContainerInfo.getAnchorColumn');
    return this.spec.anchorCol;
  }
  getAnchorRow(): number {
    this.ctx.rt.call('ContainerInfo.getAnchorRow');
    return this.spec.anchorRow;
  }
  getOffsetX(): number {
    this.ctx.rt.call('ContainerInfo.getOffsetX');
    return this.spec.offsetX;
  }
  getOffsetY(): number {
    this.ctx.rt.call('ContainerInfo.getOffsetY');
    return this.spec.offsetY;
  }
}
const _containerHasNoExtras: true =
  assertType<AssertNoExtraMethods<FakeContainerInfo, RealContainerInfo>>();

/** https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart */
export class FakeEmbeddedChart implements FakeOf<RealChart> {
  private readonly ctx: Ctx;
  private readonly spec: ChartSpec;
  private readonly sheet: SheetModel | null;
  constructor(ctx: Ctx, spec: ChartSpec, sheet: SheetModel | null) {
    this.ctx = ctx;
    this.spec = spec;
    this.sheet = sheet;
  }
  private call(method: string): void {
    this.ctx.rt.call(`EmbeddedChart.${method}`);
  }
  /** null until the chart is inserted into a sheet. */
  getChartId(): number | null {
    this.call('getChartId');
    return this.spec.id;
  }
  getRanges(): object[] {
    this.call('getRanges');
    return this.spec.ranges.map((r) => this.ctx.views.range(r));
  }
  getOptions(): object {
    this.call('getOptions');
    return strict(new FakeChartOptions(this.ctx, this.spec.options), 'ChartOptions');
  }
  getContainerInfo(): object {
    this.call('getContainerInfo');
    return strict(new FakeContainerInfo(this.ctx, this.spec), 'ContainerInfo');
  }
  modify(): object {
    this.call('modify');
    const sheet = this.sheet ?? this.spec.ranges[0]?.sheet ?? this.ctx.model.sheets[0];
    if (!sheet) throw fail(this.ctx, 'The chart has no sheet.');
    return this.ctx.views.chartBuilder(sheet, cloneChart(this.spec));
  }
}
const _chartHasNoExtras: true = assertType<AssertNoExtraMethods<FakeEmbeddedChart, RealChart>>();

/** https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder */
export class FakeEmbeddedChartBuilder implements FakeOf<RealChartBuilder> {
  private readonly ctx: Ctx;
  private readonly sheet: SheetModel;
  private spec: ChartSpec;
  constructor(ctx: Ctx, sheet: SheetModel, spec?: ChartSpec) {
    this.ctx = ctx;
    this.sheet = sheet;
    this.spec = spec ?? {
      id: null,
      chartType: 'COLUMN',
      ranges: [],
      anchorRow: 1,
      anchorCol: 1,
      offsetX: 0,
      offsetY: 0,
      options: new Map(),
    };
  }
  private call(method: string): void {
    this.ctx.rt.call(`EmbeddedChartBuilder.${method}`);
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): this {
    this.call('addRange');
    const ref = unwrap<GridRef>(this.ctx, 'Range', range, 'EmbeddedChartBuilder.addRange', [range]);
    this.spec.ranges.push({ ...ref });
    return this;
  }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range): this {
    this.call('removeRange');
    const ref = unwrap<GridRef>(this.ctx, 'Range', range, 'EmbeddedChartBuilder.removeRange', [
      range,
    ]);
    this.spec.ranges = this.spec.ranges.filter(
      (r) =>
        !(
          r.sheet === ref.sheet &&
          r.row === ref.row &&
          r.col === ref.col &&
          r.numRows === ref.numRows &&
          r.numCols === ref.numCols
        ),
    );
    return this;
  }
  clearRanges(): this {
    this.call('clearRanges');
    this.spec.ranges = [];
    return this;
  }
  getRanges(): object[] {
    this.call('getRanges');
    return this.spec.ranges.map((r) => this.ctx.views.range(r));
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): this {
    this.call('setChartType');
    this.spec.chartType = enumName(
      this.ctx,
      'ChartType',
      type,
      'EmbeddedChartBuilder.setChartType',
      [type],
    );
    return this;
  }
  getChartType(): unknown {
    this.call('getChartType');
    return ChartType[this.spec.chartType as keyof typeof ChartType];
  }
  setOption(option: string, value: unknown): this {
    this.call('setOption');
    requireString(this.ctx, 'EmbeddedChartBuilder.setOption', [option, value]);
    this.spec.options.set(option, value);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.call('setPosition');
    requireNumber(
      this.ctx,
      'EmbeddedChartBuilder.setPosition',
      [anchorRowPos, anchorColPos, offsetX, offsetY],
      4,
    );
    Object.assign(this.spec, {
      anchorRow: anchorRowPos,
      anchorCol: anchorColPos,
      offsetX,
      offsetY,
    });
    return this;
  }
  getContainer(): object {
    this.call('getContainer');
    return strict(new FakeContainerInfo(this.ctx, this.spec), 'ContainerInfo');
  }
  build(): object {
    this.call('build');
    return this.ctx.views.chart(cloneChart(this.spec), this.sheet);
  }
}
const _chartBuilderHasNoExtras: true =
  assertType<AssertNoExtraMethods<FakeEmbeddedChartBuilder, RealChartBuilder>>();
