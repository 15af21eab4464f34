/**
 * Rounds of the nomination vote: the first round is the ranking's nominees; a tie at the last
 * place of a form sends the tied nominees to another round, for the places still open. The
 * state after each round (who is elected so far, which places are open) is kept in the document
 * properties with the ranking fingerprint it belongs to, so the register takes the vote's result
 * only for the ranking the cluster voted on.
 */
import * as z from 'zod/mini';
import { nameKey } from '../text/normalize';
import { certificateQuota } from '../ranking/propose';
import type { ProposalQuotas } from '../model/settings';
import {
  PLACE_OUTCOME_LABELS,
  type NomineeEntry,
  type OpenPlaces,
  type PlacesResult,
} from './places';
import { thresholdWords, type TallyResult } from './tally';

export const VOTE_STATE_PROPERTY = 'thidua.vote.state';

const EntrySchema = z.object({
  label: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  form: z.string(),
});

const CountSchema = z.object({
  label: z.string(),
  unitName: z.string(),
  form: z.string(),
  yes: z.int(),
  no: z.int(),
  blank: z.int(),
  yesShare: z.number(),
  /** PLACE_OUTCOME_LABELS of the nominee's outcome. */
  outcome: z.string(),
});

const RoundSchema = z.object({
  round: z.int().check(z.gte(1)),
  valid: z.boolean(),
  /** The count as the minutes report it (optional: states written before it was kept). */
  members: z._default(z.int(), 0),
  present: z._default(z.int(), 0),
  cast: z._default(z.int(), 0),
  valid_ballots: z._default(z.int(), 0),
  spoiled: z._default(z.int(), 0),
  threshold: z._default(z.string(), ''),
  counts: z._default(z.array(CountSchema), []),
  /** Everyone elected in this round and the rounds before it. */
  elected: z.array(EntrySchema),
  open: z.array(
    z.object({ form: z.string(), places: z.int().check(z.gte(1)), nominees: z.array(EntrySchema) }),
  ),
});

const VoteStateSchema = z.object({
  rankingFingerprint: z.string(),
  rounds: z.array(RoundSchema),
});

export type VoteRound = z.infer<typeof RoundSchema>;
export type VoteState = z.infer<typeof VoteStateSchema>;

export function parseVoteState(raw: string | null): VoteState | undefined {
  if (raw === null || raw === '') return undefined;
  try {
    const parsed = VoteStateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function serializeVoteState(state: VoteState): string {
  return JSON.stringify(state);
}

/** "Hoàng Mai (Bằng khen)" in the first round; "Hoàng Mai (Bằng khen) - vòng 2" after it. */
export function nomineeLabel(unitName: string, form: string, round: number): string {
  return `${unitName} (${form})${round > 1 ? ` - vòng ${String(round)}` : ''}`;
}

const LABEL = /^(.*\S)\s*\(([^()]+)\)(?:\s*-\s*vòng\s*(\d+))?$/u;

/** The unit's name, the form and the round a ballot label names; undefined when it names none. */
export function parseNomineeLabel(
  label: string,
): { unitName: string; form: string; round: number } | undefined {
  const m = LABEL.exec(label.normalize('NFC').trim());
  if (m === null) return undefined;
  const [, unitName = '', form = '', round] = m;
  return { unitName: unitName.trim(), form: form.trim(), round: round ? Number(round) : 1 };
}

/** The state after the last round held. */
export function lastRound(state: VoteState | undefined): VoteRound | undefined {
  return state?.rounds[state.rounds.length - 1];
}

/** The places each form has in the first round, from the quotas the ranking used. */
export function firstRoundPlaces(
  quotas: ProposalQuotas,
  members: number,
): (form: string) => number {
  return (form) => {
    if (nameKey(form) === nameKey(quotas.flag.form)) return quotas.flag.count;
    if (nameKey(form) === nameKey(quotas.certificate.form))
      return certificateQuota(quotas, members);
    return 0;
  };
}

/** The places of a later round: those the previous round left open. */
export function openPlaces(open: readonly OpenPlaces[]): (form: string) => number {
  return (form) => open.find((o) => nameKey(o.form) === nameKey(form))?.places ?? 0;
}

/**
 * The state after tallying `round`: the rounds after it are dropped (a round tallied again
 * replaces its result), its elected are added to those of the round before.
 */
export function recordRound(
  previous: VoteState | undefined,
  round: number,
  rankingFingerprint: string,
  places: PlacesResult,
  tally?: TallyResult,
): VoteState {
  const kept = round > 1 && previous ? previous.rounds.filter((r) => r.round < round) : [];
  const before = kept[kept.length - 1]?.elected ?? [];
  const entry = (e: NomineeEntry): NomineeEntry => ({
    label: e.label,
    unitCode: e.unitCode,
    unitName: e.unitName,
    form: e.form,
  });
  const elected = [...before, ...places.forms.flatMap((f) => f.elected.map(entry))];
  const open = places.forms.flatMap((f) =>
    f.open
      ? [{ form: f.open.form, places: f.open.places, nominees: f.open.nominees.map(entry) }]
      : [],
  );
  const yesOf = new Map((tally?.nominees ?? []).map((n) => [n.code, n]));
  const counts = places.nominees.map((p) => {
    const n = yesOf.get(p.label);
    return {
      label: p.label,
      unitName: p.unitName,
      form: p.form,
      yes: n?.yes ?? p.yes,
      no: n?.no ?? 0,
      blank: n?.blank ?? 0,
      yesShare: n?.yesShare ?? 0,
      outcome: PLACE_OUTCOME_LABELS[p.outcome],
    };
  });
  return {
    rankingFingerprint,
    rounds: [
      ...kept,
      {
        round,
        valid: places.valid,
        members: tally?.members ?? 0,
        present: tally?.present ?? 0,
        cast: tally?.cast ?? 0,
        valid_ballots: tally?.valid ?? 0,
        spoiled: tally?.spoiled ?? 0,
        threshold: tally ? thresholdWords(tally) : '',
        counts,
        elected,
        open,
      },
    ],
  };
}
