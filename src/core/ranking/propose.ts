/**
 * Award proposals (đề nghị khen thưởng) within the cluster's quotas: Cờ thi đua first, then
 * Bằng khen. Every unit gets a Vietnamese reason, proposed or not. The rules (issue 14), as the
 * guide states them in "Quy tắc tính điểm và xếp hạng":
 * - The class a form requires is a minimum: "Tốt" means Tốt or better. The Bằng khen list's
 *   weakest class is its minimum.
 * - Places are filled in rank order among the units eligible for the form; a unit that is not
 *   eligible takes no place of that form (a unit denied the flag is considered for Bằng khen).
 * - The configured numbers of places are never lost. Units tied at the last flag place share the
 *   places left by a vote (bình xét), and those who do not get the flag get Bằng khen, so the
 *   units below still get the Bằng khen places left. A tie at the last Bằng khen place sends the
 *   tied units to the vote for the places left, and the reason says so.
 * - Only complete units are given here under "Báo thiếu, không xếp hạng": computeRanking keeps
 *   the others apart, unranked; an incomplete unit given anyway is never eligible.
 * So no quota is ever exceeded, no place is lost, and the result does not depend on the order of
 * equal units.
 */
import {
  DEFAULT_CLASSIFICATION_BANDS,
  DEFAULT_FALLBACK_CLASSIFICATION,
  type ProposalQuotas,
} from '../model/settings';
import { floorPrecise } from '../scoring/criterionPoints';
import { compareVietnamese } from '../text/collation';

export interface ProposalCandidate {
  readonly unit: string;
  readonly name: string;
  readonly rank: number;
  readonly classification: string;
  /** The class's level: 0 for the best band, larger is lower (classify's `level`). */
  readonly level?: number;
  readonly complete: boolean;
  /** Codes of the criteria without a score, for the reason of an incomplete unit. */
  readonly missing: readonly string[];
}

export type ProposalKind = 'flag' | 'certificate' | 'none';

export interface Proposal {
  readonly unit: string;
  readonly kind: ProposalKind;
  /** The commendation form proposed ("Cờ thi đua", "Bằng khen"), '' for none. */
  readonly form: string;
  /** The form a tie at its last place leaves to a vote of the cluster, '' if none. */
  readonly voteNeededFor: string;
  readonly reason: string;
}

/** Level of a class label (0 best); undefined for a label that is no class of the cluster. */
export type LevelOf = (label: string) => number | undefined;

/** Levels of the default bands (Xuất sắc, Tốt, Khá, then Trung bình). */
export function defaultLevelOf(label: string): number | undefined {
  const i = DEFAULT_CLASSIFICATION_BANDS.findIndex((b) => b.label === label);
  if (i >= 0) return i;
  return label === DEFAULT_FALLBACK_CLASSIFICATION
    ? DEFAULT_CLASSIFICATION_BANDS.length
    : undefined;
}

/** Number of Bằng khen places: the count when given, else the share of members rounded down. */
export function certificateQuota(quotas: ProposalQuotas, members: number): number {
  const { count, share } = quotas.certificate;
  if (count !== undefined) return count;
  if (share !== undefined) return Math.max(0, floorPrecise(share * members));
  return 0;
}

/** At most a few names: a whole cluster tied at 0 must not make every reason list everyone. */
const MAX_NAMES = 3;

function namesExcept(group: readonly ProposalCandidate[], self: ProposalCandidate): string {
  const names: string[] = [];
  for (const g of group) {
    if (g !== self && names.length < MAX_NAMES) names.push(g.name);
  }
  const more = group.length - 1 - names.length;
  return more > 0 ? `${names.join(', ')} và ${String(more)} đơn vị khác` : names.join(', ');
}

/**
 * Whether a unit's class reaches a minimum. A label the cluster's bands do not know (a typing
 * error in Cấu hình) can only be matched as written.
 */
function reaches(c: ProposalCandidate, minimum: readonly string[], levelOf: LevelOf): boolean {
  if (!c.complete) return false;
  const levels = minimum.map(levelOf).filter((l): l is number => l !== undefined);
  const own = c.level ?? levelOf(c.classification);
  if (levels.length > 0 && own !== undefined && own <= Math.max(...levels)) return true;
  return minimum.includes(c.classification);
}

/** The weakest class of a list, for the reasons: "Tốt" for "Xuất sắc; Tốt". */
function weakest(labels: readonly string[], levelOf: LevelOf): string {
  let best = labels[0] ?? '';
  for (const l of labels) {
    if ((levelOf(l) ?? -1) > (levelOf(best) ?? -1)) best = l;
  }
  return best;
}

export function proposeAwards(
  candidates: readonly ProposalCandidate[],
  quotas: ProposalQuotas,
  members: number,
  levelOf: LevelOf = defaultLevelOf,
): Proposal[] {
  const flag = quotas.flag;
  const cert = quotas.certificate;
  const certTotal = certificateQuota(quotas, members);
  const flagMin = [flag.requiredClassification];
  const certMin = cert.allowedClassifications;
  const flagMinText = `chưa đạt xếp loại ${flag.requiredClassification} trở lên để đề nghị ${flag.form}`;
  const certMinText = `chưa đạt xếp loại ${weakest(certMin, levelOf)} trở lên để đề nghị ${cert.form}`;

  // Equal ranks in Vietnamese order of names, so the reasons do not depend on the input order.
  const sorted = candidates
    .slice()
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        compareVietnamese(a.name, b.name) ||
        (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
    );
  const kind = new Map<string, ProposalKind>();
  const vote = new Map<string, string>();
  const notes = new Map<string, string[]>();
  const note = (c: ProposalCandidate, text: string): void => {
    const existing = notes.get(c.unit);
    if (existing) existing.push(text);
    else notes.set(c.unit, [text]);
  };

  // Cờ thi đua: groups of eligible units sharing a rank, in rank order.
  let flagLeft = flag.count;
  /** The units tied at the last flag place, and how many flags they share. */
  let contenders: ProposalCandidate[] = [];
  let contendedFlags = 0;
  for (const group of groupsByRank(sorted.filter((c) => reaches(c, flagMin, levelOf)))) {
    if (flagLeft === 0) break;
    if (group.length <= flagLeft) {
      for (const c of group) kind.set(c.unit, 'flag');
      flagLeft -= group.length;
    } else {
      contenders = group;
      contendedFlags = flagLeft;
      flagLeft = 0;
      for (const c of group) {
        vote.set(c.unit, flag.form);
        note(
          c,
          `đồng hạng với ${namesExcept(group, c)}: ${String(group.length)} đơn vị cho ` +
            `${String(contendedFlags)} suất ${flag.form} còn lại, cần bỏ phiếu bình xét chọn ` +
            `${String(contendedFlags)} đơn vị nhận ${flag.form}`,
        );
      }
    }
  }
  const contending = new Set(contenders.map((c) => c.unit));

  // Bằng khen: the eligible units without the flag. Tied contenders that will win the flag need
  // no Bằng khen place; counting the most that may need one never exceeds the quota.
  let certLeft = certTotal;
  const certPool = sorted.filter(
    (c) => kind.get(c.unit) !== 'flag' && reaches(c, certMin, levelOf),
  );
  const notCertEligible = contenders.filter((c) => !reaches(c, certMin, levelOf)).length;
  for (const group of groupsByRank(certPool)) {
    if (certLeft === 0) break;
    const flagWinners = group.some((c) => contending.has(c.unit))
      ? Math.max(0, contendedFlags - notCertEligible)
      : 0;
    const need = group.length - flagWinners;
    if (need <= certLeft) {
      for (const c of group) {
        kind.set(c.unit, 'certificate');
        if (contending.has(c.unit)) {
          note(c, `đơn vị không nhận ${flag.form} được đề nghị tặng ${cert.form}`);
        }
      }
      certLeft -= need;
    } else {
      for (const c of group) {
        note(
          c,
          (contending.has(c.unit) ? '' : `đồng hạng với ${namesExcept(group, c)}: `) +
            `${String(need)} đơn vị cho ${String(certLeft)} suất ${cert.form} còn lại, ` +
            `cần bỏ phiếu bình xét`,
        );
        if (!vote.has(c.unit)) vote.set(c.unit, cert.form);
      }
      certLeft = 0;
    }
  }

  // Saying "not the class for the flag" explains something only for a unit ranked at or above
  // the last flag or, when flags were left unused, for a unit that goes on to Bằng khen.
  let lastFlagRank = Infinity;
  if (flagLeft === 0 && contenders.length === 0) {
    for (const c of sorted) if (kind.get(c.unit) === 'flag') lastFlagRank = c.rank;
  }
  // Below the last Bằng khen place, "out of quota" is the reason whatever the class.
  let lastCertRank = Infinity;
  if (certLeft === 0) {
    lastCertRank = -Infinity;
    for (const c of sorted) {
      if (kind.get(c.unit) === 'certificate' || vote.get(c.unit) === cert.form)
        lastCertRank = c.rank;
    }
  }
  const result = new Map<string, Proposal>();
  for (const c of sorted) {
    const k = kind.get(c.unit) ?? 'none';
    const parts: string[] = [];
    if (!c.complete) {
      parts.push(`chưa có điểm tiêu chí ${c.missing.join(', ')}, chưa xét đề nghị khen thưởng`);
    } else {
      const flagEligible = reaches(c, flagMin, levelOf);
      if (
        k !== 'flag' &&
        !flagEligible &&
        flag.count > 0 &&
        (lastFlagRank === Infinity
          ? k === 'certificate' || vote.has(c.unit)
          : c.rank <= lastFlagRank)
      ) {
        parts.push(flagMinText);
      }
      parts.push(...(notes.get(c.unit) ?? []));
      if (k === 'flag') parts.push(`đề nghị tặng ${flag.form}`);
      else if (k === 'certificate') {
        if (!contending.has(c.unit)) parts.push(`đề nghị tặng ${cert.form}`);
      } else if (!vote.has(c.unit)) {
        if (certTotal > 0 && c.rank <= lastCertRank && !reaches(c, certMin, levelOf)) {
          parts.push(certMinText);
        } else if (certTotal > 0)
          parts.push(`ngoài chỉ tiêu ${cert.form} (${String(certTotal)} đơn vị)`);
        else if (flagEligible)
          parts.push(`ngoài chỉ tiêu ${flag.form} (${String(flag.count)} đơn vị)`);
        else if (parts.length === 0) parts.push(flagMinText);
      }
    }
    result.set(c.unit, {
      unit: c.unit,
      kind: k,
      form: k === 'flag' ? flag.form : k === 'certificate' ? cert.form : '',
      voteNeededFor: vote.get(c.unit) ?? '',
      reason: `Xếp hạng ${String(c.rank)}, xếp loại ${c.classification}: ${parts.join('; ')}`,
    });
  }
  return sorted.flatMap((c) => {
    const p = result.get(c.unit);
    return p ? [p] : [];
  });
}

/** Runs of candidates sharing a rank, from a list sorted by rank. */
function groupsByRank(sorted: readonly ProposalCandidate[]): ProposalCandidate[][] {
  const groups: ProposalCandidate[][] = [];
  let current: ProposalCandidate[] = [];
  for (const c of sorted) {
    if (current.length > 0 && current[0]?.rank !== c.rank) {
      groups.push(current);
      current = [];
    }
    current.push(c);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
