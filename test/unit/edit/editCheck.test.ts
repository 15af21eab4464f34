import { checkEdit, editNeeds, editToast, scoringState } from '../../../src/core/edit/editCheck';
import { settingsGrid } from '../../../src/core/layout/settingsGrid';
import { ClusterSettingsSchema } from '../../../src/core/model/settings';
import { criteriaGrid, selfScoreGrid, unitsGrid } from '../readers/sampleCluster';
import { headerValues } from '../../../src/core/layout/columns';
import { CROSS_SCORES_LAYOUT } from '../../../src/core/layout/tables';

function settings(closed: boolean): unknown[][] {
  return settingsGrid(
    ClusterSettingsSchema.parse({
      clusterName: 'Cụm thi đua số 1',
      year: 2022,
      scoringClosed: closed,
    }),
  );
}

describe('editNeeds', () => {
  it('reads units for a matrix only when the unit columns are touched', () => {
    expect(editNeeds('Tự chấm', 3)).toMatchObject({
      units: false,
      criteria: true,
      settings: true,
      headerRows: 2,
    });
    expect(editNeeds('Tự chấm', 1)?.units).toBe(true);
    expect(editNeeds('Chấm chéo', 4)).toMatchObject({ units: true, fullRows: true });
    expect(editNeeds('Hướng dẫn', 1)).toBeUndefined();
    expect(editNeeds('Xếp hạng', 1)).toBeUndefined();
  });
});

describe('scoringState', () => {
  it('finds the "Chấm điểm" cell and reads its state', () => {
    expect(scoringState(settings(true))).toMatchObject({ closed: true, raw: 'Đã khóa' });
    const open = scoringState(settings(false));
    expect(open.closed).toBe(false);
    expect(open.cell).toMatch(/^B\d+$/);
    expect(scoringState([['Nội dung', 'Giá trị']])).toMatchObject({
      cell: undefined,
      closed: false,
    });
  });
});

describe('checkEdit', () => {
  const matrix = selfScoreGrid();
  it('checks a matrix block against the criteria and the header row', () => {
    const result = checkEdit({
      sheet: 'Tự chấm',
      row: 3,
      column: 3,
      values: [[25, 'Đạt']],
      headerRows: matrix.slice(0, 2),
      settingsGrid: settings(false),
      criteriaGrid: criteriaGrid(),
    });
    expect(result.closed).toBe(false);
    expect(result.verdicts.map((v) => v.ok)).toEqual([false, true]);
    expect(result.findings[0]?.code).toBe('above-max');
    expect(editToast(result)).toBe(result.findings[0]?.message);
  });

  it('refuses every cell of a score sheet while scoring is closed, naming the value before', () => {
    const result = checkEdit({
      sheet: 'Tự chấm',
      row: 4,
      column: 3,
      values: [['19,5']],
      oldValue: '18.5',
      headerRows: matrix.slice(0, 2),
      settingsGrid: settings(true),
      criteriaGrid: criteriaGrid(),
    });
    expect(result.closed).toBe(true);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.code).toBe('closed-period');
    expect(result.findings[0]?.message).toContain('đã khóa chấm điểm');
    expect(result.findings[0]?.message).toContain('Giá trị trước khi sửa: "18,5"');
  });

  it('does not treat edits outside the score sheets as closed', () => {
    const result = checkEdit({
      sheet: 'Đơn vị',
      row: 2,
      column: 7,
      values: [['không phải email']],
      headerRows: unitsGrid().slice(0, 1),
      rows: [unitsGrid()[1] ?? []],
      settingsGrid: settings(true),
    });
    expect(result.closed).toBe(false);
    expect(result.findings[0]?.code).toBe('invalid-email');
  });

  it('gives a toast that counts the other bad cells', () => {
    const result = checkEdit({
      sheet: 'Tự chấm',
      row: 3,
      column: 3,
      values: [[25, 'Đạt', 'y', 'z']],
      headerRows: matrix.slice(0, 2),
      criteriaGrid: criteriaGrid(),
    });
    expect(editToast(result)).toMatch(/\(và 2 ô khác cần xem lại\)$/);
  });
});

describe('checkEdit on Chấm chéo: values only, never who typed (DESIGN §4: the editor is blank in onEdit)', () => {
  const header = headerValues(CROSS_SCORES_LAYOUT);
  const cross = (scorer: string, score: unknown) => {
    const row = header.map((h) =>
      h === 'Đơn vị chấm' ? scorer : h === 'Đơn vị được chấm' ? 'BD' : h === 'Điểm' ? score : '',
    );
    const scoreColumn = header.indexOf('Điểm') + 1;
    return checkEdit({
      sheet: 'Chấm chéo',
      row: 2,
      column: scoreColumn,
      values: [[score]],
      headerRows: [header],
      rows: [row],
      settingsGrid: settings(false),
      unitsGrid: unitsGrid(),
      criteriaGrid: criteriaGrid(),
    });
  };

  it("accepts a good score in any scorer's block: the block's protection keeps the scorer to it", () => {
    for (const scorer of ['HM', 'HK', 'BD']) {
      expect([scorer, cross(scorer, 8).findings.map((f) => f.code)]).toEqual([scorer, []]);
    }
  });

  it('still marks a bad value in a scorer block', () => {
    const result = cross('HK', 'tám');
    expect(result.verdicts.map((v) => v.ok)).toEqual([false]);
    expect(result.findings[0]?.code).toBe('not-a-number');
  });
});
