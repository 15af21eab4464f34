import { computeRanking } from '../../../src/core/ranking/computeRanking';
import { VoteRuleSchema } from '../../../src/core/model/settings';
import { headerValues } from '../../../src/core/layout/columns';
import { VOTES_LAYOUT } from '../../../src/core/layout/tables';
import {
  ballotNominees,
  ballotReplaceQuestion,
  nomineeParties,
  nomineesInBallots,
  planBallots,
  tallyToast,
  voteProblemLines,
  voteResultBlock,
  type BallotNominee,
} from '../../../src/core/votes/ballotSheet';
import { minutesText, tallyVotes } from '../../../src/core/votes/tally';
import {
  sampleEntries,
  sampleLocate,
  sampleSettings,
  sampleTree,
  sampleUnits,
} from '../../fixtures-core/sampleCluster';

const HEADER = headerValues(VOTES_LAYOUT);
const nominees: BallotNominee[] = [
  { unit: 'BD', form: 'Cờ thi đua', label: 'Ba Đình (Cờ thi đua)' },
  { unit: 'HM', form: 'Bằng khen', label: 'Hoàng Mai (Bằng khen)' },
];

describe('ballotNominees', () => {
  it('lists proposed units in rank order, the form in the label', () => {
    const result = computeRanking({
      settings: sampleSettings,
      units: sampleUnits,
      tree: sampleTree,
      entries: sampleEntries,
      locate: sampleLocate,
    });
    const list = ballotNominees(result);
    expect(list.map((n) => n.unit)).toEqual(
      result.rows.filter((r) => r.proposal !== '' || r.voteNeededFor !== '').map((r) => r.unitCode),
    );
    expect(list[0]?.label).toMatch(/\(Cờ thi đua\)$/);
  });
});

describe('planBallots', () => {
  it('makes one row per unit × nominee on an empty sheet', () => {
    const plan = planBallots(undefined, sampleUnits, nominees);
    expect(plan.rows[0]).toEqual(HEADER);
    expect(plan.rows).toHaveLength(1 + sampleUnits.length * nominees.length);
    expect(plan.rows[1]).toEqual([sampleUnits[0]?.code, 'Ba Đình (Cờ thi đua)', '', '']);
    expect(plan.existingRows).toBe(0);
  });

  it('keeps marks entered for the same voter and nominee, wherever the row was', () => {
    const grid = [
      HEADER,
      // Voter written by name, nominee without diacritics: still the same key.
      ['Hoàng Mai', 'Ba Dinh (Co thi dua)', 'Đồng ý', ''],
      ['BD', 'Hoàng Mai (Bằng khen)', 'không đồng ý', 'x'],
      ['BD', 'Hoàng Mai (Bằng khen)', 'Đồng ý', ''],
      ['LB', 'Long Biên (Bằng khen)', 'Đồng ý', ''],
      ['', '', '', ''],
    ];
    const plan = planBallots(grid, sampleUnits, nominees);
    const row = (voter: string, nominee: string): readonly unknown[] | undefined =>
      plan.rows.find((r) => r[0] === voter && r[1] === nominee);
    expect(row('HM', 'Ba Đình (Cờ thi đua)')).toEqual(['HM', 'Ba Đình (Cờ thi đua)', 'Đồng ý', '']);
    // Typed text is carried over as typed; the tally reports what it cannot read.
    expect(row('BD', 'Hoàng Mai (Bằng khen)')).toEqual([
      'BD',
      'Hoàng Mai (Bằng khen)',
      'không đồng ý',
      'x',
    ]);
    expect(plan.existingRows).toBe(4);
    expect(plan.keptEntries).toBe(2);
    // The repeated BD row and the old Long Biên nominee have no place: 2 rows, 2 marks.
    expect(plan.droppedRows).toBe(2);
    expect(plan.droppedEntries).toBe(2);
    expect(plan.previousHeight).toBe(5);
    const question = ballotReplaceQuestion(plan, nominees.length, sampleUnits.length);
    expect(question).toContain('Giữ nguyên 2 ý kiến');
    expect(question).toContain(
      '2 dòng không còn trong danh sách đề nghị sẽ bị xóa, trong đó có 2 ý kiến',
    );
  });
});

describe('tally sheet', () => {
  const members = sampleUnits.map((u) => ({ code: u.code, name: u.name }));

  it('reads the nominees of the ballot rows once each, whatever their spelling', () => {
    const grid = [
      HEADER,
      ['BD', 'Ba Đình (Cờ thi đua)', 'Đồng ý', ''],
      ['HM', 'ba dinh (co thi dua)', 'Đồng ý', ''],
      ['HM', 'HK', '', ''],
    ];
    expect(nomineesInBallots(grid)).toEqual(['Ba Đình (Cờ thi đua)', 'HK']);
    expect(nomineeParties(['Ba Đình (Cờ thi đua)', 'HK'], sampleUnits)).toEqual([
      { code: 'Ba Đình (Cờ thi đua)', name: 'Ba Đình (Cờ thi đua)' },
      { code: 'HK', name: 'Hoàn Kiếm' },
    ]);
  });

  it('writes counts, shares with decimal commas, problems and the minutes line by line', () => {
    const tally = tallyVotes({
      ballots: members.map((m, i) => ({
        voter: m.code,
        spoiled: i === 5,
        marks: [{ nominee: 'BD', mark: i < 4 ? 'yes' : 'no' }],
      })),
      nominees: [{ code: 'BD', name: 'Ba Đình' }],
      members,
      rule: VoteRuleSchema.parse({}),
    });
    const minutes = minutesText(tally, { clusterName: 'Cụm thi đua số 1', year: 2022 });
    const problems = voteProblemLines(
      [
        {
          sheet: 'Bình xét',
          cell: 'B9',
          code: 'duplicate-code',
          value: 'Ba Đình',
          message: 'Trùng',
          severity: 'error',
        },
      ],
      tally,
    );
    const block = voteResultBlock(tally, problems, minutes, 'KẾT QUẢ');
    expect(block.values[3]).toEqual([
      1,
      'Ba Đình',
      4,
      1,
      0,
      '66,7 %',
      'Đạt',
      tally.nominees[0]?.reason,
    ]);
    expect(block.values.every((r) => r.length === block.width)).toBe(true);
    expect(block.numberFormats[3]).toEqual(['0', '@', '0', '0', '0', '@', '@', '@']);
    const lines = block.values.map((r) => r[0]);
    expect(lines).toContain('Bình xét!B9');
    for (const line of minutes.split('\n')) expect(lines).toContain(line);
    expect(tallyToast(tally, problems.length)).toBe(
      'Đã kiểm 6/6 phiếu (1 không hợp lệ); đạt: Ba Đình; 1 vấn đề trong phiếu. Xem trang "Kết quả bình xét".',
    );
  });
});
