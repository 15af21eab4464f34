/**
 * One-click ranking (Xếp hạng): scores, ranks, classifications and proposals in one call, as
 * rows ready to be written in one batch, plus a one-line summary for the toast.
 */
import type { Finding } from '../findings';
import { headerValues } from '../layout/columns';
import { rankingLayout } from '../layout/tables';
import { formatNumberVi } from '../format/vietnamese';
import type { CriteriaTree } from '../model/criteria';
import type { ScoreEntry } from '../model/scores';
import type { ClusterSettings, TieBreakKey } from '../model/settings';
import type { Unit } from '../model/unit';
import { computeScores, type Locate, type UnitScore } from '../scoring/computeScores';
import { comparePoints } from '../scoring/criterionPoints';
import { compareVietnamese } from '../text/collation';
import { classifyUnit, sortedBands, type Classification } from './classify';
import { proposeAwards, type Proposal, type ProposalKind } from './propose';
import { rankUnits } from './rank';

export interface ComputeRankingInput {
  readonly settings: ClusterSettings;
  readonly units: readonly Unit[];
  readonly tree: CriteriaTree;
  readonly entries: readonly ScoreEntry[];
  readonly locate?: Locate;
}

/** A column of group subtotals on the ranking sheet: groups that hold scored criteria. */
export interface SubtotalColumn {
  readonly code: string;
  readonly name: string;
  readonly maxPoints: number;
}

/** The rank of a unit kept apart under "Báo thiếu, không xếp hạng": written as a blank cell. */
export const UNRANKED = 0;

/** Start of the reason of a unit kept apart, as the guide quotes it. */
export const UNRANKED_PREFIX = 'chưa xếp hạng: thiếu điểm';

/** "chưa xếp hạng: thiếu điểm tiêu chí 1 (Tự chấm!D7), 3 (Tự chấm!F7)". */
export function unrankedReason(score: UnitScore, locate: Locate | undefined): string {
  const cells = score.missing.map((code) => {
    const at = locate?.(score.unit, code);
    return at && at.cell !== '' ? `${code} (${at.sheet}!${at.cell})` : code;
  });
  return `${UNRANKED_PREFIX} tiêu chí ${cells.join(', ')}; tổng điểm tạm tính, không xếp hạng, không đề nghị khen thưởng`;
}

export interface RankingRow {
  /** 1-based; UNRANKED (0) for a unit kept apart for a missing score. */
  readonly rank: number;
  readonly unitCode: string;
  readonly unitName: string;
  /** Aligned with `subtotalColumns`. */
  readonly groupSubtotals: readonly number[];
  readonly bonus: number;
  readonly penalty: number;
  readonly total: number;
  readonly maxTotal: number;
  /** total / maxTotal as a ratio (format as a percentage for display). */
  readonly share: number;
  readonly classification: string;
  readonly complete: boolean;
  /** Why the classification is provisional, '' when complete. */
  readonly classificationNote: string;
  readonly proposalKind: ProposalKind;
  /** The form proposed, '' for none. */
  readonly proposal: string;
  readonly reason: string;
  readonly tieBreak?: TieBreakKey;
  readonly tieNote: string;
  /** The form a tie at a quota boundary leaves to a vote, '' if none. */
  readonly voteNeededFor: string;
  /** The unit's scores in full, for charts and detail sheets. */
  readonly score: UnitScore;
}

export interface RankingSummary {
  readonly units: number;
  /** Units kept apart, unranked, for a missing score ("Báo thiếu, không xếp hạng"). */
  readonly incomplete: number;
  /** Units whose missing scores counted as 0 ("Tính 0 điểm"), ranked normally. */
  readonly zeroed: number;
  /** Every band label (best first) and the fallback, each with its count, zeros included. */
  readonly byClassification: readonly { readonly label: string; readonly count: number }[];
  /** Proposed units by form, flag first. */
  readonly proposed: readonly { readonly form: string; readonly units: readonly string[] }[];
  /** Units whose place at a quota boundary needs a vote. */
  readonly voteNeeded: readonly string[];
  readonly findings: number;
}

export interface RankingResult {
  readonly subtotalColumns: readonly SubtotalColumn[];
  /** In rank order; units sharing a rank in Vietnamese order of names. */
  readonly rows: readonly RankingRow[];
  readonly findings: readonly Finding[];
  readonly summary: RankingSummary;
  /** One line for a toast, e.g. "Đã xếp hạng 6 đơn vị: 2 Xuất sắc, …". */
  readonly toast: string;
}

export function computeRanking(input: ComputeRankingInput): RankingResult {
  const { settings, tree, locate } = input;
  const { scores, findings } = computeScores(input);
  // "Báo thiếu, không xếp hạng" (issue 14, rule 2): a unit with a missing score gets no rank and
  // no proposal, takes no place, and does not move the others; it is listed apart, after them.
  // Under "Tính 0 điểm" computeScores counted its blanks as 0 and marked it complete.
  const rankable = scores.filter((s) => s.complete);
  const apart = scores
    .filter((s) => !s.complete)
    .sort((a, b) => comparePoints(b.total, a.total) || compareVietnamese(a.name, b.name));
  const ranked = rankUnits(rankable, settings);
  const bands = sortedBands(settings.classificationBands);
  const levelOf = (label: string): number | undefined => {
    const i = bands.findIndex((b) => b.label === label);
    if (i >= 0) return i;
    return label === settings.fallbackClassification ? bands.length : undefined;
  };
  const classified = ranked.map((r) => ({ ...r, classification: classifyUnit(r.score, settings) }));
  const proposals = proposeAwards(
    classified.map((r) => ({
      unit: r.score.unit,
      name: r.score.name,
      rank: r.rank,
      classification: r.classification.label,
      level: r.classification.level,
      complete: r.score.complete,
      missing: r.score.missing,
    })),
    settings.quotas,
    scores.length,
    levelOf,
  );
  const proposalOf = new Map(proposals.map((p) => [p.unit, p]));

  const subtotalColumns = scoredGroups(tree);
  const row = (
    score: UnitScore,
    rank: number,
    c: Classification,
    p: Pick<Proposal, 'kind' | 'form' | 'reason' | 'voteNeededFor'>,
    tie: { readonly tieBreak?: TieBreakKey; readonly tieNote: string },
  ): RankingRow => ({
    rank,
    unitCode: score.unit,
    unitName: score.name,
    groupSubtotals: subtotalColumns.map((g) => score.groupSubtotals.get(g.code) ?? 0),
    bonus: score.bonus,
    penalty: score.penalty,
    total: score.total,
    maxTotal: score.maxTotal,
    share: c.share,
    classification: c.label,
    complete: score.complete,
    classificationNote: c.note,
    proposalKind: p.kind,
    proposal: p.form,
    reason: p.reason,
    ...(tie.tieBreak ? { tieBreak: tie.tieBreak } : {}),
    tieNote: tie.tieNote,
    voteNeededFor: p.voteNeededFor,
    score,
  });
  const rows: RankingRow[] = classified.map((r) =>
    // proposeAwards answers for every unit it is given; the fallback only satisfies the types.
    row(
      r.score,
      r.rank,
      r.classification,
      proposalOf.get(r.score.unit) ?? { kind: 'none', form: '', voteNeededFor: '', reason: '' },
      r,
    ),
  );
  for (const score of apart) {
    rows.push(
      row(
        score,
        UNRANKED,
        classifyUnit(score, settings),
        { kind: 'none', form: '', voteNeededFor: '', reason: unrankedReason(score, locate) },
        { tieNote: '' },
      ),
    );
  }

  const labels = [
    ...sortedBands(settings.classificationBands).map((b) => b.label),
    settings.fallbackClassification,
  ];
  const uniqueLabels = labels.filter((l, i) => labels.indexOf(l) === i);
  const counts = new Map<string, number>(uniqueLabels.map((l) => [l, 0]));
  for (const row of rows) counts.set(row.classification, (counts.get(row.classification) ?? 0) + 1);
  const byClassification = [...counts].map(([label, count]) => ({ label, count }));

  const forms = [settings.quotas.flag.form, settings.quotas.certificate.form];
  const proposed = forms
    .filter((f, i) => forms.indexOf(f) === i)
    .map((form) => ({
      form,
      units: rows.filter((r) => r.proposal === form).map((r) => r.unitName),
    }));
  const summary: RankingSummary = {
    units: rows.length,
    incomplete: rows.filter((r) => !r.complete).length,
    zeroed:
      settings.missingScorePolicy === 'zero'
        ? scores.filter((x) => x.missing.length > 0).length
        : 0,
    byClassification,
    proposed,
    voteNeeded: rows.filter((r) => r.voteNeededFor !== '').map((r) => r.unitName),
    findings: findings.length,
  };
  return { subtotalColumns, rows, findings, summary, toast: toastText(summary) };
}

/** Groups with at least one top-level criterion that is neither bonus nor penalty. */
function scoredGroups(tree: CriteriaTree): SubtotalColumn[] {
  const codes = new Set(tree.criteria.map((c) => c.code));
  const used = new Set<string>();
  for (const c of tree.criteria) {
    const topLevel = c.parent === undefined || !codes.has(c.parent) || c.parent === c.code;
    if (topLevel && c.type !== 'bonus' && c.type !== 'penalty') used.add(c.group);
  }
  const columns: SubtotalColumn[] = [];
  const seen = new Set<string>();
  for (const g of tree.groups) {
    if (used.has(g.code) && !seen.has(g.code)) {
      seen.add(g.code);
      columns.push({ code: g.code, name: g.name, maxPoints: g.maxPoints });
    }
  }
  // A criterion may name a group the registry does not declare; its points must still show.
  for (const c of tree.criteria) {
    if (used.has(c.group) && !seen.has(c.group)) {
      seen.add(c.group);
      columns.push({ code: c.group, name: c.group, maxPoints: 0 });
    }
  }
  return columns;
}

const MAX_NAMES_IN_TOAST = 5;

function names(list: readonly string[]): string {
  if (list.length <= MAX_NAMES_IN_TOAST) return list.join(', ');
  return `${list.slice(0, MAX_NAMES_IN_TOAST).join(', ')} và ${String(list.length - MAX_NAMES_IN_TOAST)} đơn vị khác`;
}

export function toastText(summary: RankingSummary): string {
  if (summary.units === 0) return 'Chưa có đơn vị nào để xếp hạng.';
  const parts: string[] = [];
  const classes = summary.byClassification
    .filter((c) => c.count > 0)
    .map((c) => `${formatNumberVi(c.count)} ${c.label}`)
    .join(', ');
  parts.push(`Đã xếp hạng ${formatNumberVi(summary.units)} đơn vị: ${classes}`);
  for (const p of summary.proposed) {
    if (p.units.length > 0) parts.push(`đề nghị ${p.form}: ${names(p.units)}`);
  }
  if (summary.proposed.every((p) => p.units.length === 0))
    parts.push('chưa có đơn vị được đề nghị');
  if (summary.voteNeeded.length > 0) {
    parts.push(`cần bỏ phiếu bình xét: ${names(summary.voteNeeded)}`);
  }
  if (summary.incomplete > 0) {
    parts.push(
      `${formatNumberVi(summary.incomplete)} đơn vị thiếu điểm chưa xếp hạng, không đề nghị khen thưởng`,
    );
  }
  if (summary.zeroed > 0) {
    parts.push(`${formatNumberVi(summary.zeroed)} đơn vị thiếu điểm được tính 0 điểm ở ô trống`);
  }
  if (summary.findings > 0) {
    parts.push(`${formatNumberVi(summary.findings)} lỗi dữ liệu (xem Kiểm tra dữ liệu)`);
  }
  return `${parts.join('; ')}.`;
}

/**
 * The ranking sheet as one block of values, header first, for a single setValues. Numbers stay
 * numbers (the sheet's number formats show "97,5" and "97,5 %"); text a user typed (unit names)
 * is passed through as is: the writer must store it as text, never as a formula.
 */
export function rankingSheetValues(result: RankingResult): {
  readonly header: readonly string[];
  /** Number format of each column. */
  readonly formats: readonly string[];
  readonly values: readonly (readonly (string | number)[])[];
} {
  const layout = rankingLayout({ groups: result.subtotalColumns });
  const header = headerValues(layout);
  const formats = layout.columns.map((c) => c.numberFormat);
  // In the layout's column order (rankingLayout): one place says what the sheet holds.
  const values = result.rows.map((r) => [
    r.rank === UNRANKED ? '' : r.rank,
    r.unitCode,
    r.unitName,
    ...r.groupSubtotals,
    r.bonus,
    r.penalty,
    r.total,
    r.maxTotal,
    r.share,
    r.classificationNote ? `${r.classification} (tạm tính)` : r.classification,
    r.proposal,
    r.reason,
    r.tieNote,
  ]);
  return { header, formats, values };
}
