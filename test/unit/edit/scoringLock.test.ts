import {
  blockedProtectionLines,
  blockedProtectionsNote,
  planProtectionChanges,
  scoringStateLabel,
  unitOfRows,
} from '../../../src/core/edit/scoringLock';
import type { Unit } from '../../../src/core/model/unit';
import { SAMPLE_UNITS, selfScoreGrid } from '../readers/sampleCluster';

const units: Unit[] = SAMPLE_UNITS.map((u) => ({ ...u, email: `${u.code.toLowerCase()}@cum.vn` }));
const OWNER = 'owner@cum.vn';

describe('blocked protections (Protection.canEdit false)', () => {
  it('names each sheet and the units whose rows the user could not change', () => {
    const grid = selfScoreGrid();
    const lines = blockedProtectionLines(
      [
        { sheet: 'Tự chấm', row: 3, numRows: 1 },
        { sheet: 'Tự chấm', row: 4, numRows: 1 },
        { sheet: 'Tự chấm', row: 1, numRows: 2 },
      ],
      { 'Tự chấm': grid },
      units,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Trang "Tự chấm", dòng của đơn vị \S+, \S+$/);
    expect(blockedProtectionsNote([], true)).toBe('');
    expect(blockedProtectionsNote(lines, true)).toContain('Chưa khóa được 1 nhóm vùng bảo vệ');
  });
});

describe('scoringStateLabel', () => {
  it('uses the dropdown labels of Cấu hình', () => {
    expect(scoringStateLabel(true)).toBe('Đã khóa');
    expect(scoringStateLabel(false)).toBe('Đang mở');
  });
});

describe('unitOfRows', () => {
  const grid = selfScoreGrid();
  it('maps a matrix row protection to the unit in column A, and headers to none', () => {
    expect(unitOfRows('Tự chấm', grid, 6, 1, units)?.code).toBe('DD');
    expect(unitOfRows('Tự chấm', grid, 1, 2, units)).toBeUndefined();
    expect(unitOfRows('Tự chấm', grid, 3, 2, units)).toBeUndefined(); // two units' rows
    expect(unitOfRows('Xếp hạng', grid, 6, 1, units)).toBeUndefined();
  });
  it('maps Chấm chéo rows by their scorer', () => {
    const cross = [
      ['Đơn vị chấm', 'Đơn vị được chấm', 'Mã tiêu chí', 'Điểm'],
      ['HK', 'BD', 'I.1', 19],
      ['HK', 'HM', 'I.1', 18],
      ['DD', 'BD', 'I.1', 17],
    ];
    expect(unitOfRows('Chấm chéo', cross, 2, 2, units)?.code).toBe('HK');
    expect(unitOfRows('Chấm chéo', cross, 2, 3, units)).toBeUndefined();
  });
});

describe('planProtectionChanges', () => {
  const grids = { 'Tự chấm': selfScoreGrid() };
  const protections = [
    { sheet: 'Tự chấm', row: 1, numRows: 2, editors: [OWNER, 'bd@cum.vn'] },
    { sheet: 'Tự chấm', row: 3, numRows: 1, editors: [OWNER, 'bd@cum.vn'] },
    { sheet: 'Tự chấm', row: 6, numRows: 1, editors: [OWNER, 'BD@cum.vn', 'dd@cum.vn', 'x@y.vn'] },
  ];
  it('closing keeps only owner and head on unit rows and leaves header protections alone', () => {
    expect(planProtectionChanges(protections, grids, units, [OWNER, 'bd@cum.vn'], true)).toEqual([
      { index: 2, unit: 'DD', remove: ['dd@cum.vn', 'x@y.vn'], add: [] },
    ]);
  });
  it("reopening adds each unit's current e-mail back", () => {
    const closed = protections.map((p) => ({ ...p, editors: [OWNER, 'bd@cum.vn'] }));
    const moved = units.map((u) => (u.code === 'DD' ? { ...u, email: 'dongda.moi@cum.vn' } : u));
    expect(planProtectionChanges(closed, grids, moved, [OWNER], false)).toEqual([
      { index: 2, unit: 'DD', remove: [], add: ['dongda.moi@cum.vn'] },
    ]);
  });
});
