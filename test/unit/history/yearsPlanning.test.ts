import { planImport, confirmedEntry, importKey } from '../../../src/core/history/importMatch';
import {
  parseRoleRotation,
  matrixScoreBlocks,
  nextYearName,
} from '../../../src/core/history/newYear';
import type { HistoryEntry } from '../../../src/core/model/history';

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  year: 2021,
  subjectType: 'individual',
  name: 'Nguyễn Văn An',
  unit: 'Trường THCS Nhân Chính',
  item: 'Lao động tiên tiến',
  decisionNumber: '12/QĐ-UBND',
  note: '',
  source: '',
  registerKey: '',
  ...over,
});

describe('planImport', () => {
  const existing = [entry({ year: 2022, registerKey: 'KT2022-1' })];
  it('adds the same subject, spelled with other case and spacing, for certain', () => {
    const plan = planImport([entry({ name: ' nguyễn  văn an ' })], existing, [], new Set());
    expect(plan.added).toHaveLength(1);
    expect(plan.review).toHaveLength(0);
  });
  it('sends a name equal only without diacritics to review', () => {
    const plan = planImport([entry({ name: 'Nguyễn Văn Ân' })], existing, [], new Set());
    expect(plan.added).toHaveLength(0);
    expect(plan.review[0]?.reason).toBe('Tên chỉ giống nhau khi bỏ dấu');
  });
  it('sends a namesake in another unit to review', () => {
    const plan = planImport([entry({ unit: 'Trường THCS Trưng Vương' })], existing, [], new Set());
    expect(plan.review[0]?.reason).toContain('Cùng họ tên, khác đơn vị');
  });
  it('adds a new subject, and never the same fact twice', () => {
    const e = entry({ name: 'Trần Thị Bình' });
    const plan = planImport([e, e], existing, [], new Set());
    expect(plan.added).toHaveLength(1);
    expect(plan.skipped).toBe(1);
    expect(planImport([e], plan.added, [], new Set()).added).toHaveLength(0);
  });
  it('does not review twice what is already under review', () => {
    const e = entry({ name: 'Nguyễn Văn Ân' });
    const plan = planImport([e], existing, [], new Set([importKey(e)]));
    expect(plan.review).toHaveLength(0);
  });
  it('a confirmed "same" entry takes the history name and notes the imported one', () => {
    const [item] = planImport([entry({ name: 'Nguyễn Văn Ân' })], existing, [], new Set()).review;
    const same = confirmedEntry(item!, true);
    expect(same.name).toBe('Nguyễn Văn An');
    expect(same.note).toContain('Nguyễn Văn Ân');
    expect(confirmedEntry(item!, false).name).toBe('Nguyễn Văn Ân');
  });
});

describe('new-year planning', () => {
  it('parses the head and deputies, and refuses unknown codes', () => {
    expect(parseRoleRotation(' hm ; dd, HK', ['BD', 'HM', 'DD', 'HK'])).toEqual({
      ok: true,
      rotation: { head: 'HM', deputies: ['DD', 'HK'] },
    });
    expect(parseRoleRotation('', ['BD'])).toEqual({ ok: true });
    const bad = parseRoleRotation('XX', ['BD']);
    expect(bad.ok).toBe(false);
    expect(parseRoleRotation('BD; BD', ['BD']).ok).toBe(false);
  });
  it('empties the score columns of a matrix below the maxima, keeping codes and names', () => {
    const grid = [
      ['Mã đơn vị', 'Đơn vị', 'TC1', 'TC2'],
      ['Điểm tối đa', '', 10, 20],
      ['BD', 'Ba Đình', 9, 18],
      ['HM', 'Hoàng Mai', 8, ''],
    ];
    expect(matrixScoreBlocks('Tự chấm', grid)).toEqual([
      { sheet: 'Tự chấm', row: 3, column: 3, numRows: 2, numColumns: 2 },
    ]);
  });
  it('names the next year', () => {
    expect(nextYearName('Thi đua cụm 1 năm 2022', 2022)).toBe('Thi đua cụm 1 năm 2023');
    expect(nextYearName('Thi đua cụm 1', 2022)).toBe('Thi đua cụm 1 – năm 2023');
  });
});
