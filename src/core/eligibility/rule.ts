/**
 * An eligibility rule as data (issue 13, Build 3): which proposal it judges (title or form,
 * collective or individual, level), one machine-checkable condition with its parameters, the
 * legal citation and the days it is in force. The shipped rules (defaultRules.ts) and the rows a
 * user types on Quy tắc khen thưởng are the same shape.
 */
import type { AwardLevel, RecipientType } from '../model/award';
import type { CalendarDateValue } from '../model/calendarDate';
import type { ConditionKind } from '../layout/rulesTables';

export type { ConditionKind } from '../layout/rulesTables';

export interface EligibilityRule {
  /** Mã quy tắc. */
  readonly id: string;
  readonly enabled: boolean;
  /** The proposed title or form the rule judges; '' = every form of commendation (oneForm). */
  readonly award: string;
  readonly subjectType: RecipientType;
  /** undefined = any level. */
  readonly level: AwardLevel | undefined;
  readonly kind: ConditionKind;
  /** consecutive: the title or rating needed each year; ratioCap: the denominator's title. */
  readonly item: string;
  /** consecutive: years in a row; initiatives: years the initiatives are counted over. */
  readonly years: number;
  /** The run of years ends with the proposal's year (true) or the year before (false). */
  readonly currentYear: boolean;
  /** Initiatives needed within those years (0 = none). */
  readonly initiatives: number;
  /** ratioCap: the most the award may be, in % of the item's proposals in the same year. */
  readonly percent: number;
  /** Alternatives: rules of one award and one non-empty group; meeting one is enough. */
  readonly group: string;
  readonly legalText: string;
  readonly article: string;
  readonly from: CalendarDateValue | undefined;
  readonly until: CalendarDateValue | undefined;
  readonly verified: boolean;
  readonly source: string;
  readonly note: string;
}

/** "khoản 3 Điều 9, Nghị định 91/2017/NĐ-CP": how a hint cites its rule. */
export function citationOf(rule: Pick<EligibilityRule, 'article' | 'legalText'>): string {
  return [rule.article, rule.legalText].filter((s) => s.trim() !== '').join(', ');
}

function dayNumber(d: CalendarDateValue): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

/** Whether the rule is in force on the given day. */
export function ruleInForceOn(
  rule: Pick<EligibilityRule, 'from' | 'until'>,
  on: CalendarDateValue,
): boolean {
  const day = dayNumber(on);
  return (
    (rule.from === undefined || dayNumber(rule.from) <= day) &&
    (rule.until === undefined || day <= dayNumber(rule.until))
  );
}
