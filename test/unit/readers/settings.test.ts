import * as vm from 'node:vm';
import fc from 'fast-check';
import { readSettings } from '../../../src/core/readers/settings';
import { settingsGrid } from '../../../src/core/layout/settingsGrid';
import { defaultLegalBases } from '../../../src/core/layout/settings';
import { ClusterSettingsSchema, type ClusterSettings } from '../../../src/core/model/settings';
import { settingsGridSample } from './sampleCluster';

const codes = (f: { code: string; cell: string }[]): string[] =>
  f.map((x) => `${x.code}@${x.cell}`);
const setValue = (grid: unknown[][], label: string, value: unknown): void => {
  const row = grid.find((r) => r[0] === label);
  if (!row) throw new Error(label);
  row[1] = value;
};

describe('readSettings', () => {
  it('reads the sample settings, with the model defaults for rows left out', () => {
    const { value, findings } = readSettings(settingsGridSample());
    expect(findings).toEqual([]);
    expect(value).toMatchObject({
      clusterName: 'Cụm thi đua số 1',
      year: 2022,
      planNumber: '20/KH-UBND',
      planDate: { year: 2023, month: 1, day: 19 },
      classificationBands: [
        { label: 'Xuất sắc', minShare: 0.95 },
        { label: 'Tốt', minShare: 0.85 },
        { label: 'Khá', minShare: 0.7 },
      ],
      tieBreak: [{ kind: 'fewerPenalty' }, { kind: 'groupSubtotal', group: 'I' }],
      rankingMethod: 'competition',
      crossAggregation: { method: 'trimmedMean', drop: 1 },
      missingScorePolicy: 'zero',
      scoringClosed: false,
      vote: { share: 0.5, comparison: 'greaterThan', base: 'members', quorumShare: 0 },
      quotas: { flag: { count: 1 }, certificate: { count: 2 } },
    });
  });

  it('reads rows in any order, labels without diacritics, a date from another realm, "Đã khoá"', () => {
    const grid = settingsGridSample();
    const [header, ...rows] = grid;
    rows.reverse();
    const all = [header ?? [], ...rows];
    setValue(all, 'Ngày kế hoạch', vm.runInNewContext('new Date(2023, 0, 19)') as unknown);
    setValue(all, 'Chấm điểm', 'đã khoá');
    const row = all.find((r) => r[0] === 'Năm thi đua');
    if (row) row[0] = 'nam thi dua';
    const { value, findings } = readSettings(all);
    expect(findings).toEqual([]);
    expect(value?.year).toBe(2022);
    expect(value?.planDate).toEqual({ year: 2023, month: 1, day: 19 });
    expect(value?.scoringClosed).toBe(true);
  });

  it('reports bad values at their cells and keeps the default', () => {
    const grid = settingsGridSample();
    setValue(grid, 'Ngày kế hoạch', '31/02/2023');
    setValue(grid, 'Ngưỡng xếp loại Tốt (%)', 0.85);
    setValue(grid, 'Chấm điểm', 'khóa rồi');
    setValue(grid, 'Thứ tự ưu tiên khi bằng điểm', 'Bốc thăm');
    const { value, findings } = readSettings(grid);
    expect(codes(findings)).toEqual([
      'invalid-date@B7',
      'invalid-value@B9',
      'invalid-value@B13',
      'invalid-value@B17',
    ]);
    expect(findings[1]?.message).toContain('số phần trăm từ 0 đến 100');
    expect(value?.scoringClosed).toBe(false);
    expect(value?.classificationBands[1]).toEqual({ label: 'Tốt', minShare: 0.85 });
  });

  it('refuses thresholds that do not fall from Xuất sắc to Khá', () => {
    const grid = settingsGridSample();
    setValue(grid, 'Ngưỡng xếp loại Khá (%)', 90);
    const { value, findings } = readSettings(grid);
    expect(codes(findings)).toEqual(['invalid-value@B10']);
    expect(value).toBeUndefined();
  });

  it('has no value without the cluster name or year, and says which', () => {
    const grid = settingsGridSample().filter((r) => r[0] !== 'Năm thi đua');
    setValue(grid, 'Tên cụm, khối thi đua', '  ');
    const { value, findings } = readSettings(grid);
    expect(value).toBeUndefined();
    expect(codes(findings)).toEqual(['required-missing@B2', 'required-missing@A3']);
    expect(findings[1]?.message).toBe('Trang "Cấu hình", ô A3: chưa nhập dòng "Năm thi đua".');
  });

  it('reports rows it does not know and repeated rows', () => {
    const grid = settingsGridSample();
    grid.push(['Ghi chú riêng', 'abc', '']);
    grid.push(['Năm thi đua', 2023, '']);
    const { value, findings } = readSettings(grid);
    expect(codes(findings)).toEqual(['invalid-value@A19', 'duplicate-code@A20']);
    expect(value?.year).toBe(2022);
  });

  it('gives back any settings written by settingsGrid', () => {
    const band = fc.integer({ min: 1, max: 100 });
    const arbitrary = fc.record({
      clusterName: fc.constantFrom('Cụm thi đua số 1', 'Khối các sở, ngành'),
      year: fc.integer({ min: 2000, max: 2200 }),
      planNumber: fc.constantFrom('', '20/KH-UBND'),
      planDate: fc.option(
        fc.record({
          year: fc.integer({ min: 2000, max: 2100 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
        }),
        { nil: undefined },
      ),
      bands: fc
        .uniqueArray(band, { minLength: 3, maxLength: 3 })
        .map((b) => [...b].sort((x, y) => y - x)),
      scoringClosed: fc.boolean(),
      useCrossScores: fc.boolean(),
      rankingMethod: fc.constantFrom('competition' as const, 'dense' as const),
      share: fc.integer({ min: 0, max: 100 }),
      tieBreak: fc.array(
        fc.constantFrom(
          { kind: 'fewerPenalty' as const },
          { kind: 'moreBonus' as const },
          { kind: 'groupSubtotal' as const, group: 'II' },
        ),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(arbitrary, (a) => {
        const settings: ClusterSettings = ClusterSettingsSchema.parse({
          clusterName: a.clusterName,
          year: a.year,
          planNumber: a.planNumber,
          ...(a.planDate ? { planDate: a.planDate } : {}),
          classificationBands: ['Xuất sắc', 'Tốt', 'Khá'].map((label, i) => ({
            label,
            minShare: (a.bands[i] ?? 0) / 100,
          })),
          scoringClosed: a.scoringClosed,
          useCrossScores: a.useCrossScores,
          rankingMethod: a.rankingMethod,
          vote: { share: a.share / 100 },
          tieBreak: a.tieBreak,
          // Blank legal bases mean those in force; set-up writes them out (defaultLegalBases).
          legalBases: defaultLegalBases({ year: a.year, signingDate: undefined }),
        });
        const read = readSettings(settingsGrid(settings));
        expect(read.findings).toEqual([]);
        expect(read.value).toEqual(settings);
      }),
    );
  });
});
