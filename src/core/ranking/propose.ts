/**
 * Award proposals (đề nghị khen thưởng) within the cluster's quotas: Cờ thi đua for the first
 * units, Bằng khen for the next ones. Every unit gets a Vietnamese reason, proposed or not.
 *
 * Rules, in rank order, one group of units sharing a rank at a time:
 * - Quotas are counted in rank positions: a unit in a quota's positions uses one place whether or
 *   not it qualifies, because a lower-ranked unit must not overtake it by the unit's failing.
 * - Flag: the first `flag.count` positions; a unit there gets the flag when it is complete and
 *   classified `requiredClassification`. One that does not goes on to the certificate pass.
 * - Certificate (Bằng khen): the next positions, `certificate.count`, else
 *   floor(`certificate.share` × members); a unit gets it when complete and classified in
 *   `allowedClassifications`.
 * - A tie straddling a quota boundary (more units share the rank than places remain): none of
 *   them gets that award, since picking some would be arbitrary; the reason says that the
 *   cluster must decide by a vote (bình xét), and the remaining places of that quota stay unused.
 *   Units denied the flag this way are still considered, together, for Bằng khen.
 * - An incomplete unit (a score missing) is never proposed: its total is not final.
 * So no quota is ever exceeded, and the result does not depend on the order of equal units.
 */
import type { ProposalQuotas } from '../model/settings';
import { floorPrecise } from '../scoring/criterionPoints';
import { compareVietnamese } from '../text/collation';

export interface ProposalCandidate {
  readonly unit: string;
  readonly name: string;
  readonly rank: number;
  readonly classification: string;
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
  /** The form a tie at its quota boundary leaves to a vote of the cluster, '' if none. */
  readonly voteNeededFor: string;
  readonly reason: string;
}

/** Number of Bằng khen places: the count when given, else the share of members rounded down. */
export function certificateQuota(quotas: ProposalQuotas, members: number): number {
  const { count, share } = quotas.certificate;
  if (count !== undefined) return count;
  if (share !== undefined) return Math.max(0, floorPrecise(share * members));
  return 0;
}

function list(names: readonly string[]): string {
  return names.join(', ');
}

/** At most a few names: a whole cluster tied at 0 must not make every reason list everyone. */
const MAX_NAMES = 3;

function namesExcept(group: readonly ProposalCandidate[], self: ProposalCandidate): string {
  const names: string[] = [];
  for (const g of group) {
    if (g !== self && names.length < MAX_NAMES) names.push(g.name);
  }
  const more = group.length - 1 - names.length;
  return more > 0 ? `${list(names)} và ${String(more)} đơn vị khác` : list(names);
}

export function proposeAwards(
  candidates: readonly ProposalCandidate[],
  quotas: ProposalQuotas,
  members: number,
): Proposal[] {
  const flag = quotas.flag;
  const cert = quotas.certificate;
  const certTotal = certificateQuota(quotas, members);
  let flagLeft = flag.count;
  let certLeft = certTotal;

  // Equal ranks in Vietnamese order of names, so the reasons do not depend on the input order.
  const sorted = candidates
    .slice()
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        compareVietnamese(a.name, b.name) ||
        (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
    );
  const result = new Map<string, Proposal>();

  const decide = (
    c: ProposalCandidate,
    kind: ProposalKind,
    parts: readonly string[],
    voteNeededFor: string,
  ): void => {
    const head = `Xếp hạng ${String(c.rank)}, xếp loại ${c.classification}`;
    result.set(c.unit, {
      unit: c.unit,
      kind,
      form: kind === 'flag' ? flag.form : kind === 'certificate' ? cert.form : '',
      voteNeededFor,
      reason: `${head}: ${parts.join('; ')}`,
    });
  };
  const incompleteText = (c: ProposalCandidate): string =>
    `chưa có điểm tiêu chí ${list(c.missing)}, chưa xét đề nghị khen thưởng`;

  for (const group of groupsByRank(sorted)) {
    const notes = new Map<string, string[]>();
    const voteFor = new Map<string, string>();
    const note = (c: ProposalCandidate, text: string): void => {
      const existing = notes.get(c.unit);
      if (existing) existing.push(text);
      else notes.set(c.unit, [text]);
    };

    let pending = group;
    if (flagLeft > 0) {
      const fits = group.length <= flagLeft;
      const left = flagLeft;
      flagLeft = fits ? flagLeft - group.length : 0;
      const rest: ProposalCandidate[] = [];
      for (const c of group) {
        if (!c.complete) {
          note(c, incompleteText(c));
        } else if (c.classification !== flag.requiredClassification) {
          note(c, `chưa đạt xếp loại ${flag.requiredClassification} để đề nghị ${flag.form}`);
          rest.push(c);
        } else if (fits) {
          decide(c, 'flag', [`đề nghị tặng ${flag.form}`], '');
        } else {
          note(
            c,
            `đồng hạng với ${namesExcept(group, c)}: ${String(group.length)} đơn vị đồng hạng nhưng chỉ còn ` +
              `${String(left)} suất ${flag.form}, cần bỏ phiếu bình xét`,
          );
          voteFor.set(c.unit, flag.form);
          rest.push(c);
        }
      }
      pending = rest;
    }

    if (pending.length > 0 && certLeft > 0) {
      const fits = pending.length <= certLeft;
      const left = certLeft;
      certLeft = fits ? certLeft - pending.length : 0;
      for (const c of pending) {
        if (!c.complete) {
          note(c, incompleteText(c));
        } else if (!cert.allowedClassifications.includes(c.classification)) {
          note(
            c,
            `xếp loại không thuộc diện đề nghị ${cert.form} (${list(cert.allowedClassifications)})`,
          );
        } else if (fits) {
          decide(
            c,
            'certificate',
            [...(notes.get(c.unit) ?? []), `đề nghị tặng ${cert.form}`],
            voteFor.get(c.unit) ?? '',
          );
          notes.delete(c.unit);
        } else {
          note(
            c,
            // After a tie for the flag the names were given already.
            (voteFor.has(c.unit) ? '' : `đồng hạng với ${namesExcept(pending, c)}: `) +
              `${String(pending.length)} đơn vị đồng hạng nhưng chỉ còn ${String(left)} suất ` +
              `${cert.form}, cần bỏ phiếu bình xét`,
          );
          if (!voteFor.has(c.unit)) voteFor.set(c.unit, cert.form);
        }
      }
    } else {
      for (const c of pending) {
        // A unit already explained (flag tie, classification) needs no second reason.
        if (notes.has(c.unit)) continue;
        if (!c.complete) {
          note(c, incompleteText(c));
        } else if (certTotal > 0) {
          note(c, `ngoài chỉ tiêu ${cert.form} (${String(certTotal)} đơn vị)`);
        } else {
          note(c, `ngoài chỉ tiêu ${flag.form} (${String(flag.count)} đơn vị)`);
        }
      }
    }

    for (const c of group) {
      if (result.has(c.unit)) continue;
      decide(c, 'none', notes.get(c.unit) ?? [], voteFor.get(c.unit) ?? '');
    }
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
