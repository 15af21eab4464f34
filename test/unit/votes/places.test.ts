import { VoteRuleSchema, type VoteRule } from '../../../src/core/model/settings';
import { decidePlaces, type NomineeEntry } from '../../../src/core/votes/places';
import {
  firstRoundPlaces,
  nomineeLabel,
  parseNomineeLabel,
  parseVoteState,
  recordRound,
  serializeVoteState,
} from '../../../src/core/votes/rounds';
import { tallyVotes, type Party } from '../../../src/core/votes/tally';
import { ProposalQuotasSchema } from '../../../src/core/model/settings';

const members: Party[] = ['BD', 'HM', 'HK', 'DD', 'HBT', 'LB'].map((code) => ({
  code,
  name: code,
}));

function entry(unitCode: string, form: string, round = 1): NomineeEntry {
  return { label: nomineeLabel(unitCode, form, round), unitCode, unitName: unitCode, form };
}

/** Each voter marks yes for the nominees in its list, no for the others. */
function vote(
  entries: readonly NomineeEntry[],
  yesBy: Record<string, readonly string[]>,
  rule: Partial<VoteRule> = {},
  attendance?: number,
): ReturnType<typeof tallyVotes> {
  return tallyVotes({
    ballots: Object.entries(yesBy).map(([voter, yes]) => ({
      voter,
      spoiled: false,
      marks: entries.map((e) => ({
        nominee: e.label,
        mark: yes.includes(e.unitCode) ? ('yes' as const) : ('no' as const),
      })),
    })),
    nominees: entries.map((e) => ({ code: e.label, name: e.unitName })),
    members,
    rule: VoteRuleSchema.parse(rule),
    ...(attendance === undefined ? {} : { attendance }),
  });
}

const flag = entry('BD', 'Cờ thi đua');
const certs = [entry('HK', 'Bằng khen'), entry('HM', 'Bằng khen'), entry('HBT', 'Bằng khen')];
const all = [flag, ...certs];
const places = firstRoundPlaces(ProposalQuotasSchema.parse({ certificate: { count: 2 } }), 6);

describe('decidePlaces: the vote fills the places of each form within its quota', () => {
  it('gives two Bằng khen places to the two with most votes when three pass the threshold', () => {
    const tally = vote(all, {
      BD: ['BD', 'HK', 'HM', 'HBT'],
      HM: ['BD', 'HK', 'HM', 'HBT'],
      HK: ['BD', 'HK', 'HM', 'HBT'],
      DD: ['BD', 'HK', 'HM', 'HBT'],
      HBT: ['BD', 'HK', 'HM'],
      LB: ['BD', 'HK'],
    });
    const result = decidePlaces({ tally, entries: all, placesOf: places });
    expect(result.valid).toBe(true);
    expect(result.forms.map((f) => [f.form, f.places, f.elected.map((e) => e.unitCode)])).toEqual([
      ['Cờ thi đua', 1, ['BD']],
      ['Bằng khen', 2, ['HK', 'HM']],
    ]);
    // HBT passes the threshold (4/6 > 50 %) but has fewer votes than the two places' holders.
    expect(result.nominees.find((n) => n.unitCode === 'HBT')?.outcome).toBe('outOfPlaces');
  });

  it('sends a tie at the last place to a second round of the tied nominees, for the open places', () => {
    const tally = vote(all, {
      BD: ['BD', 'HK', 'HM', 'HBT'],
      HM: ['BD', 'HK', 'HM', 'HBT'],
      HK: ['BD', 'HK', 'HM', 'HBT'],
      DD: ['BD', 'HK', 'HM', 'HBT'],
      HBT: ['BD', 'HK'],
      LB: ['BD', 'HK'],
    });
    const result = decidePlaces({ tally, entries: all, placesOf: places });
    const bk = result.forms[1];
    expect(bk?.elected.map((e) => e.unitCode)).toEqual(['HK']);
    expect(bk?.open?.places).toBe(1);
    expect(bk?.open?.nominees.map((e) => e.unitCode).sort()).toEqual(['HBT', 'HM']);
    expect(
      result.nominees
        .filter((n) => n.outcome === 'tied')
        .map((n) => n.unitCode)
        .sort(),
    ).toEqual(['HBT', 'HM']);

    const state1 = recordRound(undefined, 1, 'fp', result);
    expect(state1.rounds[0]?.elected.map((e) => e.unitCode)).toEqual(['BD', 'HK']);
    // Second round: HM 4 – HBT 2 for the one open place.
    const round2 = (state1.rounds[0]?.open[0]?.nominees ?? []).map((e) =>
      entry(e.unitCode, e.form, 2),
    );
    const tally2 = vote(round2, {
      BD: ['HM'],
      HM: ['HM'],
      HK: ['HM'],
      DD: ['HM'],
      HBT: ['HBT'],
      LB: ['HBT'],
    });
    const result2 = decidePlaces({ tally: tally2, entries: round2, placesOf: () => 1 });
    const state2 = recordRound(state1, 2, 'fp', result2);
    expect(state2.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(state2.rounds[1]?.elected.map((e) => `${e.unitCode} ${e.form}`)).toEqual([
      'BD Cờ thi đua',
      'HK Bằng khen',
      'HM Bằng khen',
    ]);
    expect(state2.rounds[1]?.open).toEqual([]);
    // Tallying round 2 again replaces it; it never adds its winners twice.
    const again = recordRound(state2, 2, 'fp', result2);
    expect(again.rounds[1]?.elected).toHaveLength(3);
    expect(parseVoteState(serializeVoteState(again))).toEqual(again);
  });

  it('leaves a place empty rather than give it to a nominee under the threshold', () => {
    const tally = vote(all, {
      BD: ['BD', 'HK'],
      HM: ['BD', 'HK'],
      HK: ['BD', 'HK', 'HM'],
      DD: ['BD', 'HK'],
      HBT: ['HM'],
      LB: [],
    });
    const result = decidePlaces({ tally, entries: all, placesOf: places });
    expect(result.forms[1]?.elected.map((e) => e.unitCode)).toEqual(['HK']);
    expect(result.forms[1]?.open).toBeUndefined();
    expect(result.nominees.find((n) => n.unitCode === 'HM')?.outcome).toBe('belowThreshold');
  });

  it('counts the threshold over valid ballots when Cấu hình says so', () => {
    const yesBy = { BD: ['BD'], HM: ['BD'], HK: ['BD'], DD: [] };
    const overMembers = decidePlaces({
      tally: vote([flag], yesBy),
      entries: [flag],
      placesOf: places,
    });
    expect(overMembers.forms[0]?.elected).toEqual([]); // 3/6 is not more than 50 %
    const overValid = decidePlaces({
      tally: vote([flag], yesBy, { base: 'validBallots' }),
      entries: [flag],
      placesOf: places,
    });
    expect(overValid.forms[0]?.elected.map((e) => e.unitCode)).toEqual(['BD']); // 3/4
  });

  it('makes the vote void when attendance misses the quorum, or ballots outnumber those present', () => {
    const yesBy = { BD: ['BD'], HM: ['BD'], HK: ['BD'], DD: ['BD'] };
    const short = decidePlaces({
      tally: vote([flag], yesBy, { quorumShare: 2 / 3 }, 3),
      entries: [flag],
      placesOf: places,
    });
    expect(short.valid).toBe(false);
    expect(short.nominees[0]?.outcome).toBe('voteInvalid');
    expect(short.invalidReason).toContain(
      'Số phiếu thu vào (4) nhiều hơn số thành viên có mặt (3)',
    );
    const quorum = decidePlaces({
      tally: vote([flag], { BD: ['BD'], HM: ['BD'], HK: ['BD'] }, { quorumShare: 2 / 3 }),
      entries: [flag],
      placesOf: places,
    });
    expect(quorum.valid).toBe(false);
    expect(quorum.invalidReason).toContain('Có mặt 3/6 thành viên');
    const enough = decidePlaces({
      tally: vote([flag], yesBy, { quorumShare: 2 / 3 }, 5),
      entries: [flag],
      placesOf: places,
    });
    expect(enough.valid).toBe(true);
    expect(enough.forms[0]?.elected.map((e) => e.unitCode)).toEqual(['BD']);
  });
});

describe('ballot labels carry the unit, the form and the round', () => {
  it('reads back what nomineeLabel writes, and nothing from a label without a form', () => {
    expect(parseNomineeLabel(nomineeLabel('Hai Bà Trưng', 'Bằng khen', 1))).toEqual({
      unitName: 'Hai Bà Trưng',
      form: 'Bằng khen',
      round: 1,
    });
    expect(parseNomineeLabel('Hoàng Mai (Bằng khen) - vòng 2')?.round).toBe(2);
    expect(parseNomineeLabel('Hoàng Mai')).toBeUndefined();
  });
});
