import { readCriteria } from '../../../src/core/readers/criteria';
import { CRITERIA_HEADER, criteriaGrid } from './sampleCluster';

const codes = (f: { code: string; cell: string }[]): string[] =>
  f.map((x) => `${x.code}@${x.cell}`);

describe('readCriteria', () => {
  it('reads groups, criteria, sub-criteria and types of the sample pledge', () => {
    const { value, findings } = readCriteria(criteriaGrid());
    expect(findings).toEqual([]);
    expect(value.groups).toEqual([
      { code: 'I', name: 'Thực hiện nhiệm vụ chính trị', maxPoints: 60 },
      { code: 'II', name: 'Xây dựng cơ quan, đơn vị', maxPoints: 40 },
      // No maximum given: the sum of its scored criteria, bonus and penalty excluded.
      { code: 'III', name: 'Điểm thưởng, điểm trừ', maxPoints: 0 },
    ]);
    expect(value.criteria.map((c) => [c.code, c.type, c.maxPoints, c.parent])).toEqual([
      ['I.1', 'scored', 20, undefined],
      ['I.2', 'passFail', 10, undefined],
      ['I.3', 'target', 20, undefined],
      ['I.4', 'perOccurrence', 10, undefined],
      ['II.1', 'scored', 15, undefined],
      ['II.1.a', 'scored', 10, 'II.1'],
      ['II.1.b', 'scored', 5, 'II.1'],
      ['II.2', 'scored', 15, undefined],
      ['II.3', 'scored', 10, undefined],
      ['III.1', 'bonus', 5, undefined],
      ['III.2', 'penalty', 5, undefined],
    ]);
    const i3 = value.criteria[2];
    expect(i3?.targetFormula).toEqual({ kind: 'proportional' });
    expect(i3?.evidenceRequired).toBe(true);
    expect(value.criteria[3]?.pointsPerOccurrence).toBe(2);
  });

  it('takes the group of the last group row when a criterion row leaves it blank', () => {
    const grid = criteriaGrid();
    (grid[3] as unknown[])[0] = '';
    const { value, findings } = readCriteria(grid);
    expect(findings).toEqual([]);
    expect(value.criteria.find((c) => c.code === 'I.2')?.group).toBe('I');
  });

  it('reads decimal commas, NFD type labels and reordered columns', () => {
    const order = [2, 4, 5, 6, 0, 1, 3, 7, 8, 9, 10, 11];
    const grid = criteriaGrid().map((row) => order.map((i) => row[i]));
    (grid[2] as unknown[])[3] = '20,0';
    (grid[3] as unknown[])[2] = 'đạt / KHÔNG ĐẠT'.normalize('NFD');
    const { value, findings } = readCriteria(grid);
    expect(findings).toEqual([]);
    expect(value.criteria[0]?.maxPoints).toBe(20);
    expect(value.criteria[1]?.type).toBe('passFail');
  });

  it('reports duplicate codes, unknown parents, bad types and bad maxima at their cells', () => {
    const grid = criteriaGrid();
    grid.push(['II', '', 'I.1', '', 'Trùng mã', 'Chấm điểm', 5, '', '', '', '', '']);
    grid.push(['II', '', 'II.4', 'II.9', 'Cha không có', 'Chấm điểm', 5, '', '', '', '', '']);
    grid.push(['II', '', 'II.5', '', 'Loại sai', 'Tùy ý', 5, '', '', '', '', '']);
    grid.push(['II', '', 'II.6', '', 'Điểm sai', 'Chấm điểm', 'mười', '', '', '', '', '']);
    grid.push(['II', '', 'II.7', '', 'Điểm âm', 'Chấm điểm', -1, '', '', '', '', '']);
    const { value, findings } = readCriteria(grid);
    expect(codes(findings)).toEqual([
      'duplicate-code@C16',
      'invalid-value@F18',
      'not-a-number@G19',
      'below-zero@G20',
      'unknown-criterion@D17',
      // The first occurrence of a duplicate is reported too (issue 10, Build 3).
      'duplicate-code@C3',
    ]);
    expect(value.criteria.filter((c) => c.code === 'I.1')).toHaveLength(1);
    // An unknown parent is dropped, not the criterion.
    expect(value.criteria.find((c) => c.code === 'II.4')).toMatchObject({ group: 'II' });
    expect(value.criteria.find((c) => c.code === 'II.4')?.parent).toBeUndefined();
    expect(value.criteria.map((c) => c.code)).not.toContain('II.5');
  });

  it('requires points per occurrence, and extra parameters for proportional-with-extra', () => {
    const grid = criteriaGrid();
    (grid[5] as unknown[])[7] = '';
    (grid[4] as unknown[])[8] = 'Tỷ lệ thuận, cộng điểm vượt';
    const { value, findings } = readCriteria(grid);
    expect(codes(findings)).toEqual([
      'required-missing@J5',
      'required-missing@K5',
      'required-missing@H6',
    ]);
    expect(value.criteria.map((c) => c.code)).not.toContain('I.3');
    (grid[4] as unknown[])[9] = '0,5';
    (grid[4] as unknown[])[10] = 2;
    expect(readCriteria(grid).value.criteria.find((c) => c.code === 'I.3')?.targetFormula).toEqual({
      kind: 'proportionalWithExtra',
      extraPerPercent: 0.5,
      extraCap: 2,
    });
  });

  it('reports a criterion whose group is declared nowhere', () => {
    const grid = [
      CRITERIA_HEADER,
      ['IV', '', 'IV.1', '', 'Không có nhóm', 'Chấm điểm', 5, '', '', '', '', ''],
    ];
    const { value, findings } = readCriteria(grid);
    expect(codes(findings)).toEqual(['invalid-value@A2']);
    expect(value.criteria).toHaveLength(1);
  });
});
