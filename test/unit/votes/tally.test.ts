import fc from 'fast-check';
import type { Ballot, BallotMark } from '../../../src/core/model/ballot';
import { VoteRuleSchema, type VoteRule } from '../../../src/core/model/settings';
import { minutesText, tallyVotes, type Party } from '../../../src/core/votes/tally';

const members: Party[] = [
  { code: 'BD', name: 'Ba Đình' },
  { code: 'HM', name: 'Hoàng Mai' },
  { code: 'HK', name: 'Hoàn Kiếm' },
  { code: 'DD', name: 'Đống Đa' },
  { code: 'HBT', name: 'Hai Bà Trưng' },
  { code: 'LB', name: 'Long Biên' },
];
const nominees: Party[] = [
  { code: 'BD', name: 'Ba Đình' },
  { code: 'HM', name: 'Hoàng Mai' },
];
const rule: VoteRule = VoteRuleSchema.parse({});

function ballot(voter: string, bd: BallotMark, hm: BallotMark, spoiled = false): Ballot {
  return {
    voter,
    spoiled,
    marks: [
      { nominee: 'BD', mark: bd },
      { nominee: 'HM', mark: hm },
    ],
  };
}

describe('tallyVotes', () => {
  it('more than 50 % of all members: 4 of 6 elects, 3 of 6 does not', () => {
    const r = tallyVotes({
      ballots: [
        ballot('BD', 'yes', 'yes'),
        ballot('HM', 'yes', 'no'),
        ballot('HK', 'yes', 'yes'),
        ballot('DD', 'yes', 'no'),
        ballot('HBT', 'no', 'blank'),
        ballot('LB', 'yes', 'yes', true),
      ],
      nominees,
      members,
      rule,
    });
    expect([r.cast, r.valid, r.spoiled, r.base, r.quorumMet]).toEqual([6, 5, 1, 6, true]);
    const [bd, hm] = r.nominees;
    expect(bd).toMatchObject({ code: 'BD', yes: 4, no: 1, blank: 0, elected: true, rank: 1 });
    expect(bd!.yesShare).toBeCloseTo(4 / 6, 12);
    expect(bd!.reason).toBe('4/6 phiếu đồng ý (66,7 % tổng số thành viên), trên 50 %: đạt');
    expect(hm).toMatchObject({ code: 'HM', yes: 2, no: 2, blank: 1, elected: false, rank: 2 });
    expect(hm!.reason).toBe(
      '2/6 phiếu đồng ý (33,3 % tổng số thành viên), chưa trên 50 %: không đạt',
    );
    expect(r.problems).toEqual([]);
  });

  it('exactly half: not elected with greaterThan, elected with atLeast', () => {
    const ballots = [
      ballot('BD', 'yes', 'no'),
      ballot('HM', 'yes', 'no'),
      ballot('HK', 'yes', 'no'),
    ];
    expect(tallyVotes({ ballots, nominees, members, rule }).nominees[0]!.elected).toBe(false);
    const atLeast = VoteRuleSchema.parse({ comparison: 'atLeast' });
    expect(tallyVotes({ ballots, nominees, members, rule: atLeast }).nominees[0]!.elected).toBe(
      true,
    );
    // On valid ballots the base is 3, so 3/3 passes.
    const onValid = VoteRuleSchema.parse({ base: 'validBallots' });
    const r = tallyVotes({ ballots, nominees, members, rule: onValid });
    expect(r.base).toBe(3);
    expect(r.nominees[0]!.reason).toBe('3/3 phiếu đồng ý (100 % số phiếu hợp lệ), trên 50 %: đạt');
  });

  it('2/3 reaches a 2/3 threshold despite floating point', () => {
    const twoThirds = VoteRuleSchema.parse({ share: 2 / 3, comparison: 'atLeast' });
    const ballots = members.map((m, i) => ballot(m.code, i < 4 ? 'yes' : 'no', 'no'));
    expect(tallyVotes({ ballots, nominees, members, rule: twoThirds }).nominees[0]!.elected).toBe(
      true,
    );
  });

  it('an unmet quorum elects nobody', () => {
    const quorum = VoteRuleSchema.parse({ quorumShare: 2 / 3, base: 'validBallots' });
    const ballots = [
      ballot('BD', 'yes', 'yes'),
      ballot('HM', 'yes', 'yes'),
      ballot('HK', 'yes', 'yes'),
    ];
    const r = tallyVotes({ ballots, nominees, members, rule: quorum });
    expect(r.quorumMet).toBe(false);
    expect(r.nominees.every((n) => !n.elected)).toBe(true);
    expect(r.nominees[0]!.reason).toContain('không đủ số thành viên tham gia bỏ phiếu');
    const four = tallyVotes({
      ballots: [...ballots, ballot('DD', 'yes', 'no')],
      nominees,
      members,
      rule: quorum,
    });
    expect(four.quorumMet).toBe(true);
  });

  it('non-members, second ballots, unknown nominees and double marks are reported, not counted', () => {
    const r = tallyVotes({
      ballots: [
        ballot('BD', 'yes', 'no'),
        ballot('XX', 'yes', 'yes'),
        ballot('BD', 'no', 'yes'),
        {
          voter: 'HM',
          spoiled: false,
          marks: [
            { nominee: 'ZZ', mark: 'yes' },
            { nominee: 'HM', mark: 'yes' },
            { nominee: 'HM', mark: 'no' },
          ],
        },
      ],
      nominees,
      members,
      rule,
    });
    expect(r.problems.map((p) => [p.code, p.ballotIndex, p.voter, p.nominee])).toEqual([
      ['non-member', 1, 'XX', undefined],
      ['duplicate-ballot', 2, 'BD', undefined],
      ['unknown-nominee', 3, 'HM', 'ZZ'],
      ['duplicate-mark', 3, 'HM', 'HM'],
    ]);
    expect(r.cast).toBe(2);
    const byCode = new Map(r.nominees.map((n) => [n.code, n]));
    expect(byCode.get('BD')).toMatchObject({ yes: 1, no: 0, blank: 1 });
    expect(byCode.get('HM')).toMatchObject({ yes: 1, no: 1, blank: 0 });
    expect(r.ties).toEqual([{ yes: 1, nominees: ['BD', 'HM'] }]);
    expect(r.problems[1]!.message).toBe(
      'Phiếu thứ hai của "BD": mỗi thành viên chỉ có một phiếu, chỉ tính phiếu đầu tiên.',
    );
  });

  it('nobody is elected without ballots, even with a zero threshold', () => {
    const zero = VoteRuleSchema.parse({ share: 0, comparison: 'atLeast' });
    const r = tallyVotes({ ballots: [], nominees, members, rule: zero });
    expect(r.nominees.every((n) => !n.elected && n.yesShare === 0)).toBe(true);
    expect(tallyVotes({ ballots: [], nominees, members: [], rule }).quorumMet).toBe(false);
  });

  it('counts add up for every nominee: yes + no + blank = valid ballots', () => {
    const codes = ['BD', 'HM', 'HK', 'XX', 'ZZ'];
    const arbBallot: fc.Arbitrary<Ballot> = fc.record({
      voter: fc.constantFrom(...codes),
      spoiled: fc.boolean(),
      marks: fc.array(
        fc.record({
          nominee: fc.constantFrom(...codes),
          mark: fc.constantFrom<BallotMark>('yes', 'no', 'blank'),
        }),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(fc.array(arbBallot, { maxLength: 20 }), (ballots) => {
        const r = tallyVotes({ ballots, nominees, members, rule });
        return (
          r.valid + r.spoiled === r.cast &&
          r.cast <= members.length &&
          r.nominees.every((n) => n.yes + n.no + n.blank === r.valid && n.blank >= 0)
        );
      }),
    );
  });
});

describe('minutesText', () => {
  it('the minutes block with decimal commas and the elected nominees', () => {
    const r = tallyVotes({
      ballots: [
        ballot('BD', 'yes', 'yes'),
        ballot('HM', 'yes', 'no'),
        ballot('HK', 'yes', 'yes'),
        ballot('DD', 'yes', 'no'),
        ballot('HBT', 'no', 'blank'),
        ballot('LB', 'yes', 'yes', true),
      ],
      nominees,
      members,
      rule,
    });
    const text = minutesText(r, {
      clusterName: 'Cụm thi đua số 1',
      year: 2022,
      date: { year: 2023, month: 1, day: 5 },
      place: 'Hà Nội',
    });
    expect(text).toBe(
      [
        'BIÊN BẢN KIỂM PHIẾU',
        'Bình xét thi đua năm 2022 - Cụm thi đua số 1',
        'Hà Nội, ngày 05 tháng 01 năm 2023',
        '',
        'Tổng số thành viên: 6.',
        'Số phiếu thu vào: 6; số phiếu hợp lệ: 5; số phiếu không hợp lệ: 1.',
        'Ngưỡng trúng: trên 50 % tổng số thành viên đồng ý (6 thành viên).',
        '',
        'Kết quả kiểm phiếu:',
        '1. Ba Đình: 4 phiếu đồng ý (66,7 %), 1 phiếu không đồng ý, 0 phiếu để trống - đạt.',
        '2. Hoàng Mai: 2 phiếu đồng ý (33,3 %), 2 phiếu không đồng ý, 1 phiếu để trống - không đạt.',
        '',
        'Các đề cử đạt số phiếu theo quy định: Ba Đình.',
      ].join('\n'),
    );
  });

  it('says so when nobody is elected; an impossible date is left out', () => {
    const r = tallyVotes({
      ballots: [],
      nominees,
      members,
      rule: VoteRuleSchema.parse({ quorumShare: 0.5 }),
    });
    const text = minutesText(r, {
      clusterName: 'Cụm 1',
      year: 2022,
      date: { year: 2023, month: 2, day: 31 },
    });
    expect(text).toContain('Không có đề cử nào đạt số phiếu theo quy định.');
    expect(text).toContain('Tỷ lệ thành viên tham gia bỏ phiếu: 0 % (yêu cầu tối thiểu 50 %)');
    expect(text).not.toContain('ngày');
  });
});
