/**
 * The places of the nomination vote (bình xét): nominees compete for the places of their form
 * (Cờ thi đua: one per cluster by default; Bằng khen: N or N % of the members), and the vote
 * decides who takes them.
 *
 * Rules, in order (HUONG_DAN "Bình xét và kiểm phiếu"):
 * 1. The vote counts only when the meeting is valid: attendance (số thành viên có mặt, or the
 *    ballots cast when attendance is not given) reaches the quorum, and no more ballots were cast
 *    than members present.
 * 2. The threshold applies first: a nominee whose yes votes do not pass it takes no place.
 * 3. Among those over the threshold, more yes votes win the places of their form.
 * 4. A tie in yes votes for the last place is not decided by order: the tied nominees go to a
 *    second round, a new ballot of them only, for the places still open.
 * Places not taken (too few nominees over the threshold) stay empty: the vote never fills them
 * with nominees under the threshold.
 */
import { formatNumberVi } from '../format/vietnamese';
import { nameKey } from '../text/normalize';
import type { NomineeResult, TallyResult } from './tally';

/** A nominee as the ballot names it, with the unit and the form it is put up for. */
export interface NomineeEntry {
  /** The ballot's label, e.g. "Hoàng Mai (Bằng khen)"; the tally's nominee code. */
  readonly label: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly form: string;
}

export type PlaceOutcome = 'elected' | 'tied' | 'outOfPlaces' | 'belowThreshold' | 'voteInvalid';

export interface PlacedNominee extends NomineeEntry {
  readonly yes: number;
  readonly outcome: PlaceOutcome;
  /** Vietnamese, for the result sheet. */
  readonly reason: string;
}

/** A tie at the last place(s) of one form: the second round's ballot. */
export interface OpenPlaces {
  readonly form: string;
  /** Places still open for the tied nominees. */
  readonly places: number;
  readonly nominees: readonly NomineeEntry[];
}

export interface FormOutcome {
  readonly form: string;
  readonly places: number;
  readonly elected: readonly NomineeEntry[];
  /** Present when a tie at the last place leaves places to a second round. */
  readonly open?: OpenPlaces;
}

export interface PlacesResult {
  /** False when attendance misses the quorum or more ballots were cast than members present. */
  readonly valid: boolean;
  /** Vietnamese, why the vote is invalid; empty when valid. */
  readonly invalidReason: string;
  readonly present: number;
  readonly forms: readonly FormOutcome[];
  readonly nominees: readonly PlacedNominee[];
}

export interface PlacesInput {
  readonly tally: TallyResult;
  /** Every nominee of the ballot, keyed by its label (tally nominee code). */
  readonly entries: readonly NomineeEntry[];
  /** Places of a form in this round. */
  readonly placesOf: (form: string) => number;
}

function meetingValidity(tally: TallyResult): { valid: boolean; reason: string } {
  if (tally.overCast) {
    return {
      valid: false,
      reason: `Số phiếu thu vào (${formatNumberVi(tally.cast)}) nhiều hơn số thành viên ${tally.present === tally.maxBallots ? 'có mặt' : 'của cụm'} (${formatNumberVi(tally.maxBallots ?? tally.present)}): cuộc bỏ phiếu không hợp lệ, cần bỏ phiếu lại.`,
    };
  }
  if (!tally.quorumMet) {
    return {
      valid: false,
      reason: `Có mặt ${formatNumberVi(tally.present)}/${formatNumberVi(tally.members)} thành viên, chưa đủ tỷ lệ tối thiểu: kết quả bỏ phiếu không có giá trị.`,
    };
  }
  return { valid: true, reason: '' };
}

/** Forms in the order their nominees first appear on the ballot (the ranking's order). */
function formsInOrder(entries: readonly NomineeEntry[]): string[] {
  const seen = new Map<string, string>();
  for (const e of entries) if (!seen.has(nameKey(e.form))) seen.set(nameKey(e.form), e.form);
  return [...seen.values()];
}

export function decidePlaces(input: PlacesInput): PlacesResult {
  const { tally, entries } = input;
  const meeting = meetingValidity(tally);
  const byLabel = new Map<string, NomineeResult>(tally.nominees.map((n) => [n.code, n]));
  const placed: PlacedNominee[] = [];
  const forms: FormOutcome[] = [];

  for (const form of formsInOrder(entries)) {
    const places = Math.max(0, input.placesOf(form));
    const ofForm = entries
      .filter((e) => nameKey(e.form) === nameKey(form))
      .map((e) => ({ entry: e, result: byLabel.get(e.label) }))
      .sort((a, b) => (b.result?.yes ?? 0) - (a.result?.yes ?? 0));
    const passing = meeting.valid ? ofForm.filter((x) => x.result?.elected === true) : [];
    const outcome = new Map<string, PlaceOutcome>();
    let open: OpenPlaces | undefined;
    if (passing.length <= places) {
      for (const x of passing) outcome.set(x.entry.label, 'elected');
    } else {
      const cutoff = passing[places - 1]?.result?.yes ?? Number.POSITIVE_INFINITY;
      const above = passing.filter((x) => (x.result?.yes ?? 0) > cutoff);
      const atCut = passing.filter((x) => (x.result?.yes ?? 0) === cutoff);
      for (const x of above) outcome.set(x.entry.label, 'elected');
      const left = places - above.length;
      if (places > 0 && atCut.length === left) {
        for (const x of atCut) outcome.set(x.entry.label, 'elected');
      } else if (places > 0 && left > 0) {
        for (const x of atCut) outcome.set(x.entry.label, 'tied');
        open = { form, places: left, nominees: atCut.map((x) => x.entry) };
      }
      for (const x of passing)
        if (!outcome.has(x.entry.label)) outcome.set(x.entry.label, 'outOfPlaces');
    }
    for (const x of ofForm) {
      const yes = x.result?.yes ?? 0;
      const o: PlaceOutcome = !meeting.valid
        ? 'voteInvalid'
        : (outcome.get(x.entry.label) ?? 'belowThreshold');
      placed.push({
        ...x.entry,
        yes,
        outcome: o,
        reason: reasonText(o, x.result, form, places, open),
      });
    }
    forms.push({
      form,
      places,
      elected: ofForm.filter((x) => outcome.get(x.entry.label) === 'elected').map((x) => x.entry),
      ...(open ? { open } : {}),
    });
  }
  return {
    valid: meeting.valid,
    invalidReason: meeting.reason,
    present: tally.present,
    forms,
    nominees: placed,
  };
}

function reasonText(
  outcome: PlaceOutcome,
  result: NomineeResult | undefined,
  form: string,
  places: number,
  open: OpenPlaces | undefined,
): string {
  const votes = result?.reason ?? 'không có phiếu';
  switch (outcome) {
    case 'elected':
      return `${votes}; trúng ${formatNumberVi(places)} suất ${form}`;
    case 'tied':
      return `${votes}; bằng phiếu ở suất cuối của ${form} (${formatNumberVi(open?.places ?? 0)} suất cho ${formatNumberVi(open?.nominees.length ?? 0)} đề cử): bỏ phiếu vòng sau`;
    case 'outOfPlaces':
      return `${votes}; đủ ngưỡng nhưng ít phiếu hơn, hết ${formatNumberVi(places)} suất ${form}`;
    case 'belowThreshold':
      return votes;
    case 'voteInvalid':
      return `${votes}; cuộc bỏ phiếu không hợp lệ`;
  }
}

/** Words for a nominee's outcome in the result sheet's "Kết quả" column. */
export const PLACE_OUTCOME_LABELS: Record<PlaceOutcome, string> = {
  elected: 'Đạt',
  tied: 'Bằng phiếu - bỏ phiếu vòng sau',
  outOfPlaces: 'Không đạt (hết suất)',
  belowThreshold: 'Không đạt',
  voteInvalid: 'Không hợp lệ',
};
