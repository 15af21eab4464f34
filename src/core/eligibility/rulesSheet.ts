/**
 * Quy tắc khen thưởng in and out: the shipped rules as sheet rows (set-up prefills a blank
 * sheet once), and the sheet read back into rules, every bad cell a finding naming it. A row
 * with an error is left out (a hint from a half-read rule would mislead); the others are used.
 */
import { finding, type Finding, type FindingCode, type FindingDetails } from '../findings';
import {
  AWARD_LEVEL_LABELS,
  RECIPIENT_TYPE_LABELS,
  type AwardLevel,
  type RecipientType,
} from '../model/award';
import type { CalendarDateValue } from '../model/calendarDate';
import {
  CONDITION_KIND_LABELS,
  RULES_LAYOUT,
  SWITCH_LABELS,
  VERIFICATION_LABELS,
  RULE_YES_NO_LABELS,
  type ConditionKind,
  type RuleColumnKey,
} from '../layout/rulesTables';
import { formatShortDate } from '../format/vietnamese';
import { parseDate } from '../parse/date';
import { parseText } from '../parse/text';
import { checkNumber } from '../readers/values';
import { a1, cellAt, isBlankRow, matchLabel, rowAt, type ReadResult } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { LEVEL_CHOICES, TYPE_CHOICES } from '../awards/readAwards';
import { nameKey } from '../text/normalize';
import type { EligibilityRule } from './rule';

const SHEET = RULES_LAYOUT.sheet;

/** A rule with the sheet row it was read from. */
export interface RuleRow extends EligibilityRule {
  readonly row: number;
}

const KIND_ENTRIES = Object.entries(CONDITION_KIND_LABELS) as [ConditionKind, string][];

function cellOf(rule: EligibilityRule, key: RuleColumnKey): unknown {
  const date = (v: CalendarDateValue | undefined): string =>
    v === undefined ? '' : formatShortDate(v);
  switch (key) {
    case 'id':
      return rule.id;
    case 'enabled':
      return rule.enabled ? SWITCH_LABELS.on : SWITCH_LABELS.off;
    case 'award':
      return rule.award;
    case 'subjectType':
      return RECIPIENT_TYPE_LABELS[rule.subjectType];
    case 'level':
      return rule.level === undefined ? '' : AWARD_LEVEL_LABELS[rule.level];
    case 'kind':
      return CONDITION_KIND_LABELS[rule.kind];
    case 'item':
      return rule.item;
    case 'years':
      return rule.kind === 'consecutive' || rule.kind === 'initiatives' ? rule.years : '';
    case 'currentYear':
      return rule.kind === 'consecutive' || rule.kind === 'initiatives'
        ? rule.currentYear
          ? RULE_YES_NO_LABELS.yes
          : RULE_YES_NO_LABELS.no
        : '';
    case 'initiatives':
      return rule.initiatives > 0 ? rule.initiatives : '';
    case 'percent':
      return rule.kind === 'ratioCap' ? rule.percent : '';
    case 'group':
      return rule.group;
    case 'legalText':
      return rule.legalText;
    case 'article':
      return rule.article;
    case 'from':
      return date(rule.from);
    case 'until':
      return date(rule.until);
    case 'verification':
      return rule.verified ? VERIFICATION_LABELS.verified : VERIFICATION_LABELS.unverified;
    case 'source':
      return rule.source;
    case 'note':
      return rule.note;
  }
}

/** Rows of rules placed at the given 1-based columns (set-up's prefill). */
export function ruleSheetRows(
  rules: readonly EligibilityRule[],
  positions: ReadonlyMap<string, number>,
): unknown[][] {
  const width = Math.max(0, ...positions.values());
  return rules.map((rule) => {
    const row: unknown[] = new Array<unknown>(width).fill('');
    for (const column of RULES_LAYOUT.columns) {
      const at = positions.get(column.key);
      if (at !== undefined) row[at - 1] = cellOf(rule, column.key);
    }
    return row;
  });
}

type Field = { readonly cell: string; readonly value: unknown };

/** Reads Quy tắc khen thưởng. Never throws. */
export function readRules(grid: readonly unknown[]): ReadResult<RuleRow[]> {
  const located = locateTable<RuleColumnKey>(grid, RULES_LAYOUT);
  const findings: Finding[] = [...located.findings];
  const rules: RuleRow[] = [];
  const col = (key: RuleColumnKey): number => located.columns.get(key) ?? -1;
  const seen = new Map<string, string>();

  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    if (isBlankRow(rowAt(grid, r))) continue;
    const errors: Finding[] = [];
    const report = (f: Field, code: FindingCode, details?: FindingDetails): void => {
      const made = finding(SHEET, f.cell, code, f.value, details);
      findings.push(made);
      if (made.severity === 'error') errors.push(made);
    };
    const at = (key: RuleColumnKey): Field => ({
      cell: a1(r, Math.max(col(key), 0)),
      value: col(key) < 0 ? '' : cellAt(grid, r, col(key)),
    });
    const text = (key: RuleColumnKey, field: string, required: boolean): string => {
      const f = at(key);
      const parsed = parseText(f.value);
      if (parsed.kind === 'ok') return parsed.value;
      if (parsed.kind === 'invalid') report(f, parsed.code, { expected: field });
      else if (required) report(f, 'required-missing', { field });
      return '';
    };
    const choice = <T>(
      key: RuleColumnKey,
      field: string,
      entries: readonly (readonly [string, T])[],
      required: boolean,
    ): T | undefined => {
      const f = at(key);
      const labels = entries.map(([label]) => label);
      const index = matchLabel(f.value, labels);
      if (index === -1) {
        if (required) report(f, 'required-missing', { field });
        return undefined;
      }
      const matched = index === undefined ? undefined : entries[index]?.[1];
      if (matched === undefined) report(f, 'invalid-value', { expected: labels.join(', ') });
      return matched;
    };
    const count = (
      key: RuleColumnKey,
      what: string,
      min: number,
      max: number,
    ): number | undefined => {
      const f = at(key);
      const checked = checkNumber(f.value, { min, max, integer: key !== 'percent', what });
      if (checked.kind === 'ok') return checked.value;
      if (checked.kind === 'bad')
        report(f, 'invalid-value', { expected: `${what} từ ${String(min)} đến ${String(max)}` });
      return undefined;
    };
    const day = (key: RuleColumnKey): CalendarDateValue | undefined => {
      const f = at(key);
      const parsed = parseDate(f.value);
      if (parsed.kind === 'ok') return parsed.value;
      if (parsed.kind === 'invalid') report(f, 'invalid-date');
      return undefined;
    };

    const id = text('id', 'mã quy tắc', true);
    const enabled = choice<boolean>(
      'enabled',
      'Bật hoặc Tắt',
      [
        [SWITCH_LABELS.on, true],
        [SWITCH_LABELS.off, false],
      ],
      true,
    );
    const award = text('award', 'danh hiệu hoặc hình thức khen thưởng', false);
    const subjectType = choice<RecipientType>(
      'subjectType',
      'tập thể hay cá nhân',
      TYPE_CHOICES,
      true,
    );
    const level = choice<AwardLevel>('level', 'cấp khen', LEVEL_CHOICES, false);
    const kind = choice<ConditionKind>(
      'kind',
      'loại điều kiện',
      KIND_ENTRIES.map(([k, label]) => [label, k] as const),
      true,
    );
    const item = text('item', 'danh hiệu hoặc xếp loại cần có', false);
    const years = count('years', 'số năm', 1, 50);
    const currentYear = choice<boolean>(
      'currentYear',
      'Có hoặc Không',
      [
        [RULE_YES_NO_LABELS.yes, true],
        [RULE_YES_NO_LABELS.no, false],
      ],
      false,
    );
    const initiatives = count('initiatives', 'số sáng kiến', 0, 100);
    const percent = count('percent', 'tỷ lệ (%)', 0, 100);
    const group = text('group', 'nhóm thay thế', false);
    const legalText = text('legalText', 'văn bản quy định', true);
    const article = text('article', 'điều, khoản', true);
    const from = day('from');
    const until = day('until');
    const verified =
      choice<boolean>(
        'verification',
        'tình trạng đối chiếu',
        [
          [VERIFICATION_LABELS.verified, true],
          [VERIFICATION_LABELS.unverified, false],
        ],
        false,
      ) ?? false;
    const source = text('source', 'nguồn đối chiếu', false);
    const note = text('note', 'ghi chú', false);

    // What each kind needs: named on the cell that lacks it.
    if (kind === 'consecutive') {
      if (item === '')
        report(at('item'), 'required-missing', { field: 'danh hiệu hoặc xếp loại cần có' });
      if (years === undefined)
        report(at('years'), 'required-missing', { field: 'số năm liên tục' });
    }
    if (kind === 'initiatives' && (initiatives ?? 0) < 1)
      report(at('initiatives'), 'required-missing', { field: 'số sáng kiến (từ 1 trở lên)' });
    if (kind === 'ratioCap') {
      if (item === '')
        report(at('item'), 'required-missing', { field: 'danh hiệu làm mẫu số của tỷ lệ' });
      if (percent === undefined)
        report(at('percent'), 'required-missing', { field: 'tỷ lệ tối đa (%)' });
    }
    if (kind !== undefined && kind !== 'oneForm' && award === '')
      report(at('award'), 'required-missing', { field: 'danh hiệu hoặc hình thức khen thưởng' });
    if (
      from !== undefined &&
      until !== undefined &&
      until.year * 10000 + until.month * 100 + until.day <
        from.year * 10000 + from.month * 100 + from.day
    )
      report(at('until'), 'invalid-value', {
        expected: 'ngày hết hiệu lực không trước ngày bắt đầu',
      });
    if (id !== '') {
      const key = nameKey(id);
      const first = seen.get(key);
      if (first !== undefined) report(at('id'), 'duplicate-code', { firstCell: first });
      else seen.set(key, at('id').cell);
    }
    if (
      errors.length > 0 ||
      id === '' ||
      enabled === undefined ||
      subjectType === undefined ||
      kind === undefined
    )
      continue;
    rules.push({
      row: r + 1,
      id,
      enabled,
      award,
      subjectType,
      level,
      kind,
      item,
      years: years ?? 1,
      currentYear: currentYear ?? true,
      initiatives: initiatives ?? 0,
      percent: percent ?? 0,
      group,
      legalText,
      article,
      from,
      until,
      verified,
      source,
      note,
    });
  }
  return { value: rules, findings };
}
