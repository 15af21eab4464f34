import { computeRanking } from '../../../src/core/ranking/computeRanking';
import {
  CHART_MAX_UNITS,
  RANKING_CURRENT_TEXT,
  RANKING_SHEET_ROWS,
  RANKING_STALE_PREFIX,
  RANKING_STALE_TEXT,
  matrixLocator,
  rankingSheetBlock,
} from '../../../src/core/ranking/rankingSheet';
import { rankWorkbook } from '../../../src/core/ranking/rankWorkbook';
import { readWorkbook } from '../../../src/core/validation/workbook';
import { matrixLayout } from '../../../src/core/layout/matrix';
import { headerValues } from '../../../src/core/layout/columns';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../../src/core/layout/tables';
import { SETTINGS_TABLE } from '../../../src/core/layout/settings';
import { settingsGrid } from '../../../src/core/layout/settingsGrid';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { ClusterSettingsSchema } from '../../../src/core/model/settings';
import { UnitSchema } from '../../../src/core/model/unit';
import type { Finding } from '../../../src/core/findings';
import {
  sampleEntries,
  sampleLocate,
  sampleSettings,
  sampleTree,
  sampleUnits,
} from '../../fixtures-core/sampleCluster';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_SETTINGS, SAMPLE_UNIT_ROWS } from '../../../sample/cluster1';

const result = computeRanking({
  settings: sampleSettings,
  units: sampleUnits,
  tree: sampleTree,
  entries: sampleEntries,
  locate: sampleLocate,
});
const context = {
  settings: sampleSettings,
  time: '05/01/2023 14:30',
  fingerprint: '0123abcd',
  inputFindings: [] as Finding[],
};

describe('rankingSheetBlock', () => {
  const block = rankingSheetBlock(result, context);
  const R = RANKING_SHEET_ROWS;

  it('puts the status block above the table, the status cell reading "current"', () => {
    expect(block.values).toHaveLength(R.header + result.rows.length);
    expect(block.values.every((r) => r.length === block.width)).toBe(true);
    expect(block.values[R.time - 1]?.[2]).toBe('05/01/2023 14:30');
    expect(block.values[R.time - 1]?.[3]).toBe('Mã dữ liệu: 0123abcd');
    expect(block.values[block.statusCell.row - 1]?.[block.statusCell.column - 1]).toBe(
      RANKING_CURRENT_TEXT,
    );
    expect(block.values[R.header - 1]?.[0]).toBe('Hạng');
    expect(block.values[R.firstData - 1]?.[1]).toBe('BD');
  });

  it('formats text columns and the whole status block as text, numbers as numbers', () => {
    const header = block.values[R.header - 1] as string[];
    const row = block.numberFormats[R.firstData - 1] ?? [];
    expect(row[header.indexOf('Hạng')]).toBe('0');
    expect(row[header.indexOf('Tên đơn vị')]).toBe('@');
    expect(row[header.indexOf('Tổng điểm')]).toBe('0.00');
    expect(row[header.indexOf('Tỷ lệ')]).toBe('0.00%');
    // The fingerprint "0123abcd" or a time must never be read as a number or a date.
    for (let r = 0; r < R.header; r++)
      expect(new Set(block.numberFormats[r])).toEqual(new Set(['@']));
  });

  it('colours each classification, provisional ones too, and the stale notice', () => {
    const texts = block.rules.map((r) => r.when.text);
    for (const label of ['Xuất sắc', 'Tốt', 'Khá', 'Trung bình']) {
      expect(texts).toContain(label);
      expect(texts).toContain(`${label} (tạm tính)`);
    }
    const stale = block.rules.find((r) => r.when.text === RANKING_STALE_PREFIX);
    expect(stale).toMatchObject({ row: block.statusCell.row, column: block.statusCell.column });
    expect(RANKING_STALE_TEXT.startsWith(RANKING_STALE_PREFIX)).toBe(true);
  });

  it('charts at most the leading units, and counts input problems in the status and toast', () => {
    const units = Array.from({ length: 45 }, (_, i) =>
      UnitSchema.parse({ code: `U${String(i)}`, name: `Đơn vị ${String(i)}` }),
    );
    const many = computeRanking({ settings: sampleSettings, units, tree: sampleTree, entries: [] });
    const problem: Finding = {
      sheet: 'Tự chấm',
      cell: 'C3',
      code: 'not-a-number',
      value: 'tám',
      message: 'Trang "Tự chấm", ô C3: "tám" không phải là số.',
      severity: 'error',
    };
    const b = rankingSheetBlock(many, { ...context, inputFindings: [problem] });
    expect(b.chart?.labels.numRows).toBe(CHART_MAX_UNITS + 1);
    const line = String(b.values[R.findings - 1]?.[2]);
    expect(line).toMatch(/^Có \d+ vấn đề/);
    expect(line).toContain('Kiểm tra dữ liệu');
    // One count for the status line, the toast and the check's report: errors and warnings apart.
    const counted = /dữ liệu có (\d+) lỗi, (\d+) cảnh báo \(xem Kiểm tra dữ liệu\)/.exec(b.toast);
    expect(counted).not.toBeNull();
    expect(Number(counted?.[1]) + Number(counted?.[2])).toBe(many.findings.length + 1);
    expect(Number(counted?.[1])).toBeGreaterThanOrEqual(1);
  });
});

describe('matrixLocator', () => {
  const settings = ClusterSettingsSchema.parse(SAMPLE_SETTINGS);
  const unitsGrid = [headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS];
  const criteriaGrid = [headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS];
  // The registry alone (no score sheets): read it, as the ranking would, without ranking.
  const { units, tree } = readWorkbook({
    [SHEET_NAMES.settings]: [
      SETTINGS_TABLE.columns.map((c) => c.header),
      ...settingsGrid(settings),
    ],
    [SHEET_NAMES.units]: unitsGrid,
    [SHEET_NAMES.criteria]: criteriaGrid,
  });
  const layout = matrixLayout(units, tree);

  it('follows the layout when the grid is as set up', () => {
    const grid = [...layout.headerRows, ...layout.unitRows.map((u) => [u.code, u.name])];
    const locate = matrixLocator(grid, 'Tự chấm', units, tree);
    expect(locate('BD', '1')).toEqual({ sheet: 'Tự chấm', cell: 'C3' });
    expect(locate('HM', '1')).toEqual({ sheet: 'Tự chấm', cell: 'C4' });
    expect(locate('XX', '1')).toBeUndefined();
    expect(locate('BD', 'nope')).toBeUndefined();
  });

  it('follows rows and columns a user moved', () => {
    const headers = [...(layout.headerRows[0] ?? [])];
    // Columns C and D swapped, units listed bottom-up.
    [headers[2], headers[3]] = [headers[3] ?? '', headers[2] ?? ''];
    const rows = [...layout.unitRows].reverse().map((u) => [u.code, u.name]);
    const grid = [headers, layout.headerRows[1] ?? [], ...rows];
    const locate = matrixLocator(grid, 'Tự chấm', units, tree);
    expect(locate('BD', '1')).toEqual({ sheet: 'Tự chấm', cell: 'D8' });
    expect(locate('LB', '2')).toEqual({ sheet: 'Tự chấm', cell: 'C3' });
  });

  it('without a grid, falls back to the set-up layout', () => {
    expect(matrixLocator(undefined, 'Tự chấm', units, tree)('HK', '1')).toEqual({
      sheet: 'Tự chấm',
      cell: 'C5',
    });
  });
});

describe('rankWorkbook', () => {
  it('explains in Vietnamese why it cannot rank without settings or units', () => {
    const none = rankWorkbook({});
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toContain('Cấu hình');
    const settings = ClusterSettingsSchema.parse(SAMPLE_SETTINGS);
    const noUnits = rankWorkbook({
      [SHEET_NAMES.settings]: [
        SETTINGS_TABLE.columns.map((c) => c.header),
        ...settingsGrid(settings),
      ],
      [SHEET_NAMES.units]: [headerValues(UNITS_LAYOUT)],
      [SHEET_NAMES.criteria]: [headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS],
    });
    expect(noUnits.ok).toBe(false);
    if (!noUnits.ok) expect(noUnits.message).toContain('chưa nhập các đơn vị của cụm');
  });

  it('fingerprints only the input sheets', () => {
    const settings = ClusterSettingsSchema.parse(SAMPLE_SETTINGS);
    const grids = {
      [SHEET_NAMES.settings]: [
        SETTINGS_TABLE.columns.map((c) => c.header),
        ...settingsGrid(settings),
      ],
      [SHEET_NAMES.units]: [headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS],
      [SHEET_NAMES.criteria]: [headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS],
    };
    const a = rankWorkbook(grids);
    const b = rankWorkbook({ ...grids, [SHEET_NAMES.votes]: [['x']] });
    expect(b.fingerprint).toBe(a.fingerprint);
    const c = rankWorkbook({ ...grids, [SHEET_NAMES.selfScores]: [['x']] });
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });
});
