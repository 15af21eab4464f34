import {
  AUDIT_LAYOUT,
  AWARDS_LAYOUT,
  AWARD_STATISTICS_LAYOUT,
  CRITERIA_LAYOUT,
  CROSS_SCORES_LAYOUT,
  SETTING_ROWS,
  SETTINGS_TABLE,
  SHEET_NAMES,
  SHEET_ORDER,
  UNITS_LAYOUT,
  VOTES_LAYOUT,
  columnPosition,
  headerValues,
  locateScoreCell,
  matrixLayout,
  rankingLayout,
  settingsGrid,
  type ColumnSpec,
  type TableLayout,
} from '../../../src/core/layout';
import { labelKey } from '../../../src/core/readers/cells';
import { ClusterSettingsSchema } from '../../../src/core/model/settings';
import { SAMPLE_TREE, SAMPLE_UNITS, MATRIX_HEADER, MATRIX_MAX_ROW } from '../readers/sampleCluster';

const TABLES: TableLayout[] = [
  UNITS_LAYOUT,
  CRITERIA_LAYOUT,
  CROSS_SCORES_LAYOUT,
  VOTES_LAYOUT,
  AUDIT_LAYOUT,
  AWARDS_LAYOUT,
  AWARD_STATISTICS_LAYOUT,
  SETTINGS_TABLE,
  rankingLayout(SAMPLE_TREE),
];

describe('sheet names', () => {
  it('are the Vietnamese tab names, NFC, in workbook order', () => {
    expect(SHEET_ORDER).toEqual([
      'Hướng dẫn',
      'Cấu hình',
      'Đơn vị',
      'Tiêu chí',
      'Tự chấm',
      'Thẩm định',
      'Chấm chéo',
      'Xếp hạng',
      'Bình xét',
      'Khen thưởng',
      'Thống kê khen thưởng',
      'Thống kê qua các năm',
      'Vị trí in phôi',
      'Đăng ký thi đua',
      'Lịch sử thi đua, khen thưởng',
      'Quy tắc khen thưởng',
      'Điều kiện khen thưởng',
      'Nhật ký',
    ]);
    for (const name of Object.values(SHEET_NAMES)) expect(name).toBe(name.normalize('NFC'));
  });
});

describe.each(TABLES.map((t) => [t.sheet, t] as const))('table layout %s', (_sheet, layout) => {
  it('has unique keys and headers that stay distinct without case and diacritics', () => {
    const keys = layout.columns.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    const headerKeys = layout.columns
      .flatMap((c) => [c.header, ...(c.aliases ?? [])])
      .map(labelKey);
    expect(new Set(headerKeys).size).toBe(headerKeys.length);
  });

  it('freezes the header row and starts data right under it', () => {
    expect(layout.frozenRows).toBeGreaterThanOrEqual(layout.headerRow);
    expect(layout.firstDataRow).toBe(layout.headerRow + 1);
  });

  it('keeps typed text as text and points list validations at existing columns', () => {
    for (const c of layout.columns) {
      expect(c.width).toBeGreaterThan(0);
      const v = c.validation;
      if (v?.kind === 'listFromColumn') {
        const source = TABLES.find((t) => t.sheet === v.sheet);
        const column = v.column;
        expect(source?.columns.some((s) => s.key === column)).toBe(true);
      }
      if (c.validation?.kind === 'list') {
        const keys = c.validation.values.map(labelKey);
        expect(new Set(keys).size).toBe(keys.length);
      }
    }
  });
});

describe('column formats', () => {
  it("formats codes, names and e-mails as text ('@') so Sheets never turns them into numbers or dates", () => {
    for (const key of ['code', 'name', 'email'] as const) {
      expect(UNITS_LAYOUT.columns[columnPosition(UNITS_LAYOUT, key) - 1]?.numberFormat).toBe('@');
    }
    expect(CRITERIA_LAYOUT.columns[columnPosition(CRITERIA_LAYOUT, 'code') - 1]?.numberFormat).toBe(
      '@',
    );
  });

  it('offers the role labels of the model as the role dropdown', () => {
    const columns: readonly ColumnSpec[] = UNITS_LAYOUT.columns;
    const role = columns[columnPosition(UNITS_LAYOUT, 'role') - 1];
    expect(role?.validation).toEqual({
      kind: 'list',
      values: ['Cụm trưởng', 'Cụm phó', 'Thành viên'],
    });
  });

  it('marks every audit column computed (the program appends, users do not edit)', () => {
    const columns: readonly ColumnSpec[] = AUDIT_LAYOUT.columns;
    expect(columns.every((c) => c.entry === 'computed')).toBe(true);
    expect(headerValues(AUDIT_LAYOUT)).toEqual([
      'Thời gian',
      'Người sửa',
      'Trang tính',
      'Ô',
      'Giá trị cũ',
      'Giá trị mới',
      'Thao tác',
    ]);
  });
});

describe('ranking layout', () => {
  it('has one subtotal column per criterion group between the unit and the bonus', () => {
    expect(headerValues(rankingLayout(SAMPLE_TREE))).toEqual([
      'Hạng',
      'Mã đơn vị',
      'Tên đơn vị',
      'Nhóm I',
      'Nhóm II',
      'Nhóm III',
      'Điểm thưởng',
      'Điểm trừ',
      'Tổng điểm',
      'Điểm tối đa',
      'Tỷ lệ',
      'Xếp loại',
      'Đề nghị khen thưởng',
      'Lý do',
      'Ghi chú bằng điểm',
    ]);
  });
});

describe('matrixLayout', () => {
  const matrix = matrixLayout(SAMPLE_UNITS, SAMPLE_TREE);

  it('writes the header row and the max-points row, two columns for a target criterion, none for a parent', () => {
    expect(matrix.headerRows[0]).toEqual(MATRIX_HEADER);
    expect(matrix.headerRows[1]).toEqual(MATRIX_MAX_ROW);
    expect(matrix.frozenRows).toBe(2);
    expect(matrix.firstDataRow).toBe(3);
  });

  it('puts each unit on its own row under the headers', () => {
    expect(matrix.unitRows.map((r) => [r.row, r.code])).toEqual([
      [3, 'BD'],
      [4, 'HM'],
      [5, 'HK'],
      [6, 'DD'],
      [7, 'HBT'],
      [8, 'LB'],
    ]);
  });

  it('locates score cells in A1', () => {
    expect(locateScoreCell(matrix, 'BD', 'I.1')).toBe('C3');
    expect(locateScoreCell(matrix, 'HM', 'I.3')).toBe('F4');
    expect(locateScoreCell(matrix, 'HM', 'I.3', 'target')).toBe('E4');
    expect(locateScoreCell(matrix, 'LB', 'III.2')).toBe('M8');
    expect(locateScoreCell(matrix, 'LB', 'II.1')).toBeUndefined();
    expect(locateScoreCell(matrix, 'XX', 'I.1')).toBeUndefined();
  });

  it('formats pass/fail columns as text and restricts scored columns to 0..max', () => {
    const i2 = matrix.columns[3];
    expect(i2?.numberFormat).toBe('@');
    expect(i2?.validation).toEqual({ kind: 'list', values: ['Đạt', 'Không đạt'] });
    expect(matrix.columns[2]?.validation).toEqual({ kind: 'numberBetween', min: 0, max: 20 });
    expect(matrix.columns[0]?.entry).toBe('computed');
  });
});

describe('settings layout', () => {
  it('has unique keys and labels', () => {
    const labels = SETTING_ROWS.map((r) => labelKey(r.label));
    expect(new Set(labels).size).toBe(labels.length);
    expect(new Set(SETTING_ROWS.map((r) => r.key)).size).toBe(SETTING_ROWS.length);
  });

  it('writes defaults as readable Vietnamese values', () => {
    const settings = ClusterSettingsSchema.parse({ clusterName: 'Cụm thi đua số 1', year: 2023 });
    const grid = settingsGrid(settings);
    const value = (label: string): unknown => grid.find((r) => r[0] === label)?.[1];
    expect(grid[0]).toEqual(['Nội dung', 'Giá trị', 'Ghi chú']);
    expect(value('Ngưỡng xếp loại Xuất sắc (%)')).toBe(95);
    expect(value('Chấm điểm')).toBe('Đang mở');
    expect(value('Thứ tự ưu tiên khi bằng điểm')).toBe(
      'Ít điểm trừ hơn; Nhiều tiêu chí đạt điểm tối đa hơn',
    );
    expect(value('Ngày kế hoạch')).toBe('');
  });
});
