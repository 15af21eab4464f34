import * as vm from 'node:vm';
import { readScoreMatrix } from '../../../src/core/readers/scoreMatrix';
import { matrixLayout } from '../../../src/core/layout/matrix';
import { SAMPLE_TREE, SAMPLE_UNITS, selfScoreGrid } from './sampleCluster';

const options = {
  sheet: 'Tự chấm',
  source: 'self' as const,
  units: SAMPLE_UNITS,
  tree: SAMPLE_TREE,
};
const codes = (f: { code: string; cell: string }[]): string[] =>
  f.map((x) => `${x.code}@${x.cell}`);
const set = (grid: unknown[][], a1: string, value: unknown): void => {
  const column = a1.charCodeAt(0) - 64;
  const row = Number(a1.slice(1));
  (grid[row - 1] as unknown[])[column - 1] = value;
};

describe('readScoreMatrix', () => {
  it('reads every entry of the sample with the cell it came from', () => {
    const { value, findings } = readScoreMatrix(selfScoreGrid(), options);
    expect(findings).toEqual([]);
    const hm = value.filter((e) => e.unit === 'HM');
    expect(hm.map((e) => [e.criterion, e.value, e.at?.cell])).toEqual([
      ['I.1', 19.5, 'C4'],
      ['I.2', true, 'D4'],
      ['I.3', { target: 50, actual: 45 }, 'F4'],
      ['I.4', 5, 'G4'],
      ['II.1.a', 9, 'H4'],
      ['II.1.b', 5, 'I4'],
      ['II.2', 14, 'J4'],
      ['II.3', 10, 'K4'],
      ['III.2', 1, 'M4'],
    ]);
    expect(value.every((e) => e.source === 'self' && e.at?.sheet === 'Tự chấm')).toBe(true);
    expect(value.find((e) => e.unit === 'DD' && e.criterion === 'II.2')?.value).toBe(14.75);
    expect(value.find((e) => e.unit === 'HK' && e.criterion === 'I.2')?.value).toBe(false);
    // Blank cells are no entry (missing scores are the scoring module's concern).
    expect(value.find((e) => e.unit === 'HK' && e.criterion === 'III.1')).toBeUndefined();
  });

  it('reads a grid written from matrixLayout', () => {
    const m = matrixLayout(SAMPLE_UNITS, SAMPLE_TREE);
    const grid: unknown[][] = [
      [...(m.headerRows[0] ?? [])],
      [...(m.headerRows[1] ?? [])],
      ...m.unitRows.map((r) => [r.code, r.name, 10]),
    ];
    const { value, findings } = readScoreMatrix(grid, options);
    expect(findings).toEqual([]);
    expect(value.map((e) => e.at?.cell)).toEqual(['C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
  });

  it('reports each bad cell at its address and leaves it out', () => {
    const grid = selfScoreGrid();
    const otherRealmDate = vm.runInNewContext('new Date(2020,0,5)') as unknown;
    set(grid, 'C3', 21); // above max 20
    set(grid, 'J4', 'mười bốn'); // not a number
    set(grid, 'D5', 'Tốt'); // not pass/fail
    set(grid, 'H6', -1); // below zero
    set(grid, 'E7', otherRealmDate); // a date typed in a number column
    set(grid, 'G8', 2.5); // occurrences are whole numbers
    set(grid, 'M8', '9,5'); // penalty above its cap of 5
    const { value, findings } = readScoreMatrix(grid, options);
    expect(codes(findings).sort()).toEqual(
      [
        'above-max@C3',
        'not-a-number@J4',
        'not-pass-fail@D5',
        'below-zero@H6',
        'not-a-number@E7',
        'invalid-value@G8',
        'above-max@M8',
      ].sort(),
    );
    const e7 = findings.find((f) => f.cell === 'E7');
    expect(e7?.sheet).toBe('Tự chấm');
    expect(e7?.message).toBe('Trang "Tự chấm", ô E7: "05/01/2020" không phải là số.');
    expect(findings.find((f) => f.cell === 'C3')?.message).toBe(
      'Trang "Tự chấm", ô C3: điểm 21 vượt điểm tối đa 20.',
    );
    expect(findings.find((f) => f.cell === 'M8')?.message).toBe(
      'Trang "Tự chấm", ô M8: điểm 9,5 vượt điểm tối đa 5.',
    );
    const cells = value.map((e) => e.at?.cell);
    for (const bad of ['C3', 'J4', 'D5', 'H6', 'G8', 'M8']) expect(cells).not.toContain(bad);
    // The pair E7/F7 loses its target: no entry, and nothing else reported for F7.
    expect(value.find((e) => e.unit === 'HBT' && e.criterion === 'I.3')).toBeUndefined();
  });

  it('points at the missing half of a target pair', () => {
    const grid = selfScoreGrid();
    set(grid, 'F5', '');
    const { value, findings } = readScoreMatrix(grid, options);
    expect(codes(findings)).toEqual(['required-missing@F5']);
    expect(value.find((e) => e.unit === 'HK' && e.criterion === 'I.3')).toBeUndefined();
  });

  it('refuses a target of 0, which cannot be divided by', () => {
    const grid = selfScoreGrid();
    set(grid, 'E3', 0);
    expect(codes(readScoreMatrix(grid, options).findings)).toEqual(['invalid-value@E3']);
  });

  it('matches units by code or name, without case or diacritics, and reports unknown ones', () => {
    const grid = selfScoreGrid();
    set(grid, 'A4', ' hm ');
    set(grid, 'A5', '');
    set(grid, 'B5', 'hoan kiem');
    set(grid, 'A6', 'Cầu Giấy');
    const { value, findings } = readScoreMatrix(grid, options);
    expect(codes(findings)).toEqual(['unknown-unit@A6']);
    expect(findings[0]?.message).toBe(
      'Trang "Tự chấm", ô A6: không tìm thấy đơn vị "Cầu Giấy" trong danh sách đơn vị.',
    );
    expect(value.some((e) => e.unit === 'HM')).toBe(true);
    expect(value.some((e) => e.unit === 'HK')).toBe(true);
    expect(value.some((e) => e.unit === 'DD')).toBe(false);
  });

  it('reports a unit entered twice and reads only its first row', () => {
    const grid = selfScoreGrid();
    grid.push(['BD', 'Ba Đình', 1]);
    const { value, findings } = readScoreMatrix(grid, options);
    expect(codes(findings)).toEqual(['duplicate-code@A9']);
    expect(value.find((e) => e.unit === 'BD' && e.criterion === 'I.1')?.value).toBe(20);
  });

  it('flags a name that contradicts the code', () => {
    const grid = selfScoreGrid();
    set(grid, 'B3', 'Long Biên');
    expect(codes(readScoreMatrix(grid, options).findings)).toEqual(['invalid-value@B3']);
  });

  it('reads reordered criterion columns by header', () => {
    const order = [1, 0, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
    const grid = selfScoreGrid().map((row) => order.map((i) => row[i]));
    const { value, findings } = readScoreMatrix(grid, options);
    // The max-points label moved to column B, and the row is still recognised.
    expect(findings).toEqual([]);
    expect(value.find((e) => e.unit === 'HM' && e.criterion === 'I.1')).toMatchObject({
      value: 19.5,
      at: { cell: 'M4' },
    });
    expect(value).toHaveLength(readScoreMatrix(selfScoreGrid(), options).value.length);
  });

  it('reports a missing criterion column, a renamed one, and a column for no criterion', () => {
    const grid = selfScoreGrid();
    set(grid, 'K1', 'Tiêu chí 3'); // II.3 renamed in place: still read from K
    set(grid, 'J1', ''); // II.2 gone
    (grid[0] as unknown[]).push('II.9'); // no such criterion
    const { value, findings } = readScoreMatrix(grid, options);
    expect(codes(findings).sort()).toEqual([
      'header-missing@J1',
      'header-renamed@K1',
      'unknown-criterion@N1',
    ]);
    expect(findings.find((f) => f.cell === 'J1')?.message).toBe(
      'Trang "Tự chấm", ô J1: thiếu cột "II.2".',
    );
    expect(value.some((e) => e.criterion === 'II.3')).toBe(true);
    expect(value.some((e) => e.criterion === 'II.2')).toBe(false);
  });

  it('explains that a parent criterion is scored through its sub-criteria', () => {
    const grid = selfScoreGrid();
    (grid[0] as unknown[]).push('II.1');
    const { findings } = readScoreMatrix(grid, options);
    expect(codes(findings)).toEqual(['unknown-criterion@N1']);
    expect(findings[0]?.message).toContain('chấm ở các cột tiêu chí con');
  });

  it('accepts numbers for codes that look like numbers and a verified source', () => {
    const tree = {
      groups: [{ code: 'I', name: 'Nhóm', maxPoints: 10 }],
      criteria: [
        {
          code: '1',
          group: 'I',
          text: 'Một',
          type: 'scored' as const,
          maxPoints: 10,
          evidenceRequired: false,
        },
      ],
    };
    const grid = [
      ['Mã đơn vị', 'Đơn vị', 1],
      ['Điểm tối đa', '', 10],
      ['BD', 'Ba Đình', 7],
    ];
    const { value, findings } = readScoreMatrix(grid, {
      ...options,
      sheet: 'Thẩm định',
      source: 'verified',
      tree,
    });
    expect(findings).toEqual([]);
    expect(value).toEqual([
      {
        unit: 'BD',
        criterion: '1',
        source: 'verified',
        value: 7,
        at: { sheet: 'Thẩm định', cell: 'C3' },
      },
    ]);
  });
});
