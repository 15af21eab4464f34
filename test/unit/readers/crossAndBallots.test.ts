import { readCrossScores } from '../../../src/core/readers/crossScores';
import { readBallots } from '../../../src/core/readers/ballots';
import { SAMPLE_TREE, SAMPLE_UNITS } from './sampleCluster';

const codes = (f: { code: string; cell: string }[]): string[] =>
  f.map((x) => `${x.code}@${x.cell}`);
const CROSS_HEADER = [
  'Đơn vị chấm',
  'Đơn vị được chấm',
  'Mã tiêu chí',
  'Điểm',
  'Chỉ tiêu',
  'Thực hiện',
  'Ghi chú',
];
const context = { units: SAMPLE_UNITS, tree: SAMPLE_TREE };

describe('readCrossScores', () => {
  it('reads scorer, scored unit, criterion and score, by code or name', () => {
    const grid = [
      CROSS_HEADER,
      ['BD', 'HM', 'I.1', '18,5', '', '', ''],
      ['hoang mai', 'Ba Đình', 'i.2', 'Đạt', '', '', 'đủ văn bản'],
      ['HK', 'DD', 'I.3', '', 60, 66, ''],
      ['', '', '', '', '', '', ''],
      ['LB', 'HBT', 'I.4', 3, '', '', ''],
    ];
    const { value, findings } = readCrossScores(grid, context);
    expect(findings).toEqual([]);
    expect(value).toEqual([
      {
        unit: 'HM',
        criterion: 'I.1',
        source: 'cross',
        scorer: 'BD',
        value: 18.5,
        at: { sheet: 'Chấm chéo', cell: 'D2' },
      },
      {
        unit: 'BD',
        criterion: 'I.2',
        source: 'cross',
        scorer: 'HM',
        value: true,
        at: { sheet: 'Chấm chéo', cell: 'D3' },
      },
      {
        unit: 'DD',
        criterion: 'I.3',
        source: 'cross',
        scorer: 'HK',
        value: { target: 60, actual: 66 },
        at: { sheet: 'Chấm chéo', cell: 'F4' },
      },
      {
        unit: 'HBT',
        criterion: 'I.4',
        source: 'cross',
        scorer: 'LB',
        value: 3,
        at: { sheet: 'Chấm chéo', cell: 'D6' },
      },
    ]);
  });

  it('reports unknown units and criteria, self-scoring, duplicates and bad scores', () => {
    const grid = [
      CROSS_HEADER,
      ['BD', 'HM', 'I.1', 18],
      ['Cầu Giấy', 'HM', 'I.1', 18],
      ['BD', 'HM', 'I.9', 18],
      ['BD', 'BD', 'I.1', 18],
      ['BD', 'HM', 'I.1', 17],
      ['HK', 'HM', 'I.1', 25],
      ['HK', 'HM', 'II.1', 5],
      ['HK', 'HM', 'II.2', ''],
    ];
    const { value, findings } = readCrossScores(grid, context);
    expect(codes(findings)).toEqual([
      'unknown-unit@A3',
      'unknown-criterion@C4',
      'invalid-value@B5',
      'duplicate-code@C6',
      'above-max@D7',
      'unknown-criterion@C8',
    ]);
    // Set-up prefills each scorer's block, so a blank score is a score not yet given, not an error.
    expect(findings.some((f) => f.cell === 'D9')).toBe(false);
    expect(findings[5]?.message).toContain('chấm từng tiêu chí con');
    expect(value).toHaveLength(1);
  });

  it('finds columns in any order', () => {
    const grid = [
      ['Điểm', 'Mã tiêu chí', 'Đơn vị được chấm', 'Đơn vị chấm'],
      [9, 'II.3', 'LB', 'DD'],
    ];
    const { value, findings } = readCrossScores(grid, context);
    expect(codes(findings)).toEqual([]);
    expect(value[0]).toMatchObject({ unit: 'LB', scorer: 'DD', criterion: 'II.3', value: 9 });
  });
});

describe('readBallots', () => {
  const VOTES_HEADER = ['Đơn vị bỏ phiếu', 'Đề nghị khen thưởng', 'Ý kiến', 'Phiếu không hợp lệ'];
  const nominees = ['BD', 'HM'];

  it('groups marks into one ballot per voter, blank mark allowed, spoiled flag per ballot', () => {
    const grid = [
      VOTES_HEADER,
      ['BD', 'Ba Đình', 'Đồng ý', ''],
      ['BD', 'HM', 'Không đồng ý', ''],
      ['HM', 'bd', 'dong y', ''],
      ['HM', 'Hoàng Mai', '', ''],
      ['HK', 'BD', 'Đồng ý', 'x'],
      ['HK', 'HM', 'Đồng ý', ''],
    ];
    const { value, findings } = readBallots(grid, { units: SAMPLE_UNITS, nominees });
    expect(findings).toEqual([]);
    expect(value).toEqual([
      {
        voter: 'BD',
        marks: [
          { nominee: 'BD', mark: 'yes' },
          { nominee: 'HM', mark: 'no' },
        ],
        spoiled: false,
      },
      {
        voter: 'HM',
        marks: [
          { nominee: 'BD', mark: 'yes' },
          { nominee: 'HM', mark: 'blank' },
        ],
        spoiled: false,
      },
      {
        voter: 'HK',
        marks: [
          { nominee: 'BD', mark: 'yes' },
          { nominee: 'HM', mark: 'yes' },
        ],
        spoiled: true,
      },
    ]);
  });

  it('reports unknown voters and nominees, unreadable marks and repeated marks', () => {
    const grid = [
      VOTES_HEADER,
      ['Cầu Giấy', 'BD', 'Đồng ý', ''],
      ['BD', 'Long Biên', 'Đồng ý', ''],
      ['BD', 'HM', 'Có', ''],
      ['HM', 'BD', 'Đồng ý', ''],
      ['HM', 'BD', 'Không đồng ý', ''],
      ['HK', 'BD', 'Đồng ý', 'sai'],
    ];
    const { value, findings } = readBallots(grid, { units: SAMPLE_UNITS, nominees });
    expect(codes(findings)).toEqual([
      'unknown-unit@A2',
      'invalid-value@B3',
      'invalid-value@C4',
      'duplicate-code@B6',
      'invalid-value@D7',
    ]);
    expect(value.find((b) => b.voter === 'HM')?.marks).toEqual([{ nominee: 'BD', mark: 'yes' }]);
  });

  it('accepts individuals as nominees', () => {
    const grid = [VOTES_HEADER, ['BD', 'nguyen van an', 'Đồng ý', '']];
    const { value, findings } = readBallots(grid, {
      units: SAMPLE_UNITS,
      nominees: ['Nguyễn Văn An'],
    });
    expect(findings).toEqual([]);
    expect(value[0]?.marks).toEqual([{ nominee: 'Nguyễn Văn An', mark: 'yes' }]);
  });
});
