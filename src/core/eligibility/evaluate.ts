/**
 * The eligibility engine (issue 13, Build 4), pure. Each proposal of the register is judged by
 * the switched-on rules in force in its own year, against the history and the register's rows
 * of earlier years (and, for a title needed in the proposal's own year, the other proposals of
 * that year: Lao động tiên tiến proposed with Chiến sĩ thi đua cơ sở). Ratio caps count across
 * the whole register of the year. The result informs; nothing is refused because of it.
 */
import { awardFormSpec, awardKindOf, type AwardLevel, type RecipientType } from '../model/award';
import type { CalendarDateValue } from '../model/calendarDate';
import { ratingOf, subjectKey } from '../model/history';
import { nameKey } from '../text/normalize';
import { citationOf, ruleInForceOn, type EligibilityRule } from './rule';

/** A register row as the engine needs it. */
export interface Proposal {
  /** 1-based row of Khen thưởng. */
  readonly row: number;
  readonly year: number;
  readonly recipientType: RecipientType;
  readonly name: string;
  readonly unit: string;
  readonly form: string;
  readonly level: AwardLevel;
  readonly decisionDate?: CalendarDateValue | undefined;
}

/** Something a subject received or was rated, in a year (a history row). */
export interface Evidence {
  readonly year: number;
  readonly subjectType: RecipientType;
  readonly name: string;
  readonly unit: string;
  readonly item: string;
}

export type Verdict = 'eligible' | 'lacking' | 'noRule';

export const VERDICT_LABELS: Record<Verdict, string> = {
  eligible: 'Đủ điều kiện',
  lacking: 'Chưa đủ điều kiện',
  noRule: 'Không có quy tắc áp dụng',
};

export interface Hint {
  readonly proposal: Proposal;
  readonly verdict: Verdict;
  /** One line per unmet rule (or group of alternatives), each ending with its citation. */
  readonly lacking: readonly string[];
  /** Ids of the rules applied. */
  readonly ruleIds: readonly string[];
}

const key = (text: string): string => nameKey(text, { ignoreDiacritics: true });

/** Whether a received title, form or rating is the one a rule names. */
export function itemMatches(required: string, text: string): boolean {
  const wanted = key(required);
  if (wanted === '') return false;
  if (wanted === key(text)) return true;
  const rating = ratingOf(required);
  if (rating !== undefined) return ratingOf(text) === rating;
  const spec = awardFormSpec(required);
  return spec !== undefined && spec === awardFormSpec(text);
}

function applies(rule: EligibilityRule, p: Proposal): boolean {
  if (rule.subjectType !== p.recipientType) return false;
  if (rule.level !== undefined && rule.level !== p.level) return false;
  if (rule.award.trim() === '') return rule.kind === 'oneForm' && awardKindOf(p.form) === 'form';
  return itemMatches(rule.award, p.form);
}

/** The day a proposal is judged on: its decision's date, else the last day of its year. */
export function judgedOn(p: Proposal): CalendarDateValue {
  return p.decisionDate ?? { year: p.year, month: 12, day: 31 };
}

function span(first: number, last: number): string {
  return first === last ? `năm ${String(first)}` : `${String(first)}–${String(last)}`;
}

interface Context {
  /** Evidence by subject key. */
  readonly bySubject: ReadonlyMap<string, readonly Evidence[]>;
  /** Proposals by year. */
  readonly byYear: ReadonlyMap<number, readonly Proposal[]>;
}

function subjectOf(p: Proposal): string {
  return subjectKey({ subjectType: p.recipientType, name: p.name, unit: p.unit });
}

/** What a proposal's subject holds in a year: history, earlier register rows, or same-year proposals. */
function holds(ctx: Context, p: Proposal, year: number, item: string): boolean {
  const evidence = ctx.bySubject.get(subjectOf(p)) ?? [];
  if (evidence.some((e) => e.year === year && itemMatches(item, e.item))) return true;
  const proposals = ctx.byYear.get(year) ?? [];
  // The windows end by the proposal's year: these are earlier register rows or same-year proposals.
  return proposals.some(
    (o) => o !== p && subjectOf(o) === subjectOf(p) && itemMatches(item, o.form),
  );
}

function initiativesIn(ctx: Context, p: Proposal, first: number, last: number): number {
  const evidence = ctx.bySubject.get(subjectOf(p)) ?? [];
  return evidence.filter((e) => e.year >= first && e.year <= last && isInitiative(e.item)).length;
}

const INITIATIVE_PREFIXES = ['sang kien', 'de tai', 'giai phap', 'de an', 'cong trinh'];
function isInitiative(text: string): boolean {
  const k = key(text);
  return INITIATIVE_PREFIXES.some((prefix) => k === prefix || k.startsWith(`${prefix} `));
}

function windowOf(rule: EligibilityRule, year: number): [number, number] {
  const last = rule.currentYear ? year : year - 1;
  return [last - Math.max(1, rule.years) + 1, last];
}

/** Why the proposal fails the rule, '' when it meets it. */
function unmet(rule: EligibilityRule, p: Proposal, ctx: Context): string {
  switch (rule.kind) {
    case 'consecutive': {
      const [first, last] = windowOf(rule, p.year);
      const parts: string[] = [];
      const missing: number[] = [];
      for (let y = first; y <= last; y++) if (!holds(ctx, p, y, rule.item)) missing.push(y);
      if (missing.length > 0) {
        const what =
          rule.years <= 1
            ? `cần «${rule.item}» ${span(first, last)}`
            : `cần ${String(rule.years)} năm liên tục «${rule.item}» (${span(first, last)})`;
        parts.push(`${what}: ${missing.map(String).join(', ')} chưa có`);
      }
      if (rule.initiatives > 0) {
        const have = initiativesIn(ctx, p, first, last);
        if (have < rule.initiatives)
          parts.push(
            `cần ${String(rule.initiatives)} sáng kiến trong ${span(first, last)} (mới có ${String(have)})`,
          );
      }
      return parts.join('; ');
    }
    case 'initiatives': {
      const [first, last] = windowOf(rule, p.year);
      const have = initiativesIn(ctx, p, first, last);
      return have >= rule.initiatives
        ? ''
        : `cần ${String(rule.initiatives)} sáng kiến ${span(first, last)} (mới có ${String(have)})`;
    }
    case 'ratioCap': {
      const sameYear = ctx.byYear.get(p.year) ?? [];
      const awarded = sameYear.filter((o) => applies(rule, o)).length;
      const basis = sameYear.filter(
        (o) => o.recipientType === rule.subjectType && itemMatches(rule.item, o.form),
      ).length;
      if (awarded * 100 <= rule.percent * basis) return '';
      const most = Math.floor((rule.percent * basis) / 100);
      return (
        `vượt tỷ lệ tối đa ${String(rule.percent)}%: sổ năm ${String(p.year)} có ${String(awarded)} ` +
        `«${rule.award}» trên ${String(basis)} «${rule.item}» (tối đa ${String(most)})`
      );
    }
    case 'oneForm': {
      const others = (ctx.byYear.get(p.year) ?? []).filter(
        (o) => o !== p && subjectOf(o) === subjectOf(p) && awardKindOf(o.form) === 'form',
      );
      return others.length === 0
        ? ''
        : `cùng năm ${String(p.year)} đã có đề nghị ${others
            .map((o) => `«${o.form}» (dòng ${String(o.row)})`)
            .join(', ')}`;
    }
  }
}

function cited(rule: EligibilityRule, message: string): string {
  const unverified = rule.verified ? '' : ' (quy tắc chưa đối chiếu văn bản)';
  return `${message} — ${citationOf(rule)}${unverified}`;
}

/** Judges every proposal; `history` holds the history rows, the register's earlier years come from `proposals`. */
export function evaluateEligibility(
  proposals: readonly Proposal[],
  history: readonly Evidence[],
  rules: readonly EligibilityRule[],
): Hint[] {
  const bySubject = new Map<string, Evidence[]>();
  for (const e of history) {
    const k = subjectKey(e);
    const list = bySubject.get(k);
    if (list) list.push(e);
    else bySubject.set(k, [e]);
  }
  const byYear = new Map<number, Proposal[]>();
  for (const p of proposals) {
    const list = byYear.get(p.year);
    if (list) list.push(p);
    else byYear.set(p.year, [p]);
  }
  const ctx: Context = { bySubject, byYear };
  const enabled = rules.filter((r) => r.enabled);

  return proposals.map((p) => {
    const on = judgedOn(p);
    const applied = enabled.filter((r) => ruleInForceOn(r, on) && applies(r, p));
    if (applied.length === 0) return { proposal: p, verdict: 'noRule', lacking: [], ruleIds: [] };
    const lacking: string[] = [];
    const groups = new Map<string, EligibilityRule[]>();
    for (const rule of applied) {
      const g = key(rule.group);
      if (g === '') {
        const why = unmet(rule, p, ctx);
        if (why !== '') lacking.push(cited(rule, why));
        continue;
      }
      const list = groups.get(g);
      if (list) list.push(rule);
      else groups.set(g, [rule]);
    }
    for (const members of groups.values()) {
      const reasons = members.map((rule) => ({ rule, why: unmet(rule, p, ctx) }));
      if (reasons.some((x) => x.why === '')) continue;
      const [only] = reasons;
      if (reasons.length === 1 && only !== undefined) {
        lacking.push(cited(only.rule, only.why));
        continue;
      }
      lacking.push('cần một trong: ' + reasons.map((x) => cited(x.rule, x.why)).join('; hoặc '));
    }
    return {
      proposal: p,
      verdict: lacking.length === 0 ? 'eligible' : 'lacking',
      lacking,
      ruleIds: applied.map((r) => r.id),
    };
  });
}
