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

describe('checkEdit on Chấm chéo: a unit scores only under its own code', () => {
  const header = headerValues(CROSS_SCORES_LAYOUT);
  const HM = 'mttq.hoangmai@hanoi.gov.vn';
  const cross = (scorer: string, editorEmail: string) => {
    const row = header.map((h) =>
      h === 'Đơn vị chấm' ? scorer : h === 'Đơn vị được chấm' ? 'BD' : h === 'Điểm' ? 8 : '',
    );
    const scoreColumn = header.indexOf('Điểm') + 1;
    return checkEdit({
      sheet: 'Chấm chéo',
      row: 2,
      column: scoreColumn,
      values: [[8]],
      headerRows: [header],
      rows: [row],
      settingsGrid: settings(false),
      unitsGrid: unitsGrid(),
      criteriaGrid: criteriaGrid(),
      editorEmail,
      ownerEmail: 'owner@cum.vn',
    });
  };

  it("marks a score typed under another unit's code, keeping the value", () => {
    const result = cross('HK', HM);
    expect(result.verdicts.map((v) => v.ok)).toEqual([false]);
    expect(result.findings[0]?.code).toBe('not-own-row');
    expect(result.findings[0]?.message).toMatch(
      /^Trang "Chấm chéo", ô [A-Z]+2: dòng này ghi đơn vị chấm "HK", không phải đơn vị của tài khoản mttq\.hoangmai@hanoi\.gov\.vn/,
    );
  });

  it('accepts the unit’s own code, the head, the owner, and an editor Apps Script does not name', () => {
    for (const [scorer, editor] of [
      ['HM', HM],
      ['HK', 'mttq.badinh@hanoi.gov.vn'],
      ['HK', 'owner@cum.vn'],
      ['HK', ''],
    ] as const) {
      const result = cross(scorer, editor);
      expect([scorer, editor, result.findings.map((f) => f.code)]).toEqual([scorer, editor, []]);
    }
  });
});
