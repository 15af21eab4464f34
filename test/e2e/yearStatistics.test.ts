/**
 * «Thống kê qua các năm» end to end, through build/Code.js in the local host: the sheet and its
 * chart over the sample's three years of history and the 2022 register (a register row recorded
 * in history counted once), the district's 2022 equal to the one-year statistics, refusals that
 * leave the previous sheet, and the roles table (a member is refused; the sheet is protected).
 */
import type { LocalHost } from '../../local/host';
import { quoteSheetName } from '../../src/core/a1';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { HISTORY_LAYOUT } from '../../src/core/layout/historyTables';
import { YEAR_STATISTICS_CHART_TITLE } from '../../src/core/yearStatistics/yearStatisticsSheet';
import { SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { clusterHistory, historySheetGrid } from '../../sample/clusterHistory';
import { seed003Register } from '../../sample/seed003Register';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';

const SETUP = 'Khởi tạo / cập nhật bảng tính';
const YEARS = 'Thống kê qua các năm';
const Y = quoteSheetName(SHEET_NAMES.yearStatistics);
const H = quoteSheetName(SHEET_NAMES.history);
const CITY = 'Bộ, ngành, tỉnh / thành phố';
const HK = 'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm';
const RECORDED_KEY = 'KT2022-00000000000000aa';

function click(host: LocalHost, caption: string, user?: string): void {
  const run = host.clickMenu(caption, user);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
}

function lastAlert(host: LocalHost): string {
  const alerts = host.report().alerts;
  return alerts[alerts.length - 1]?.prompt ?? '';
}

/** A register row in AWARDS_LAYOUT's column order from the fields given. */
function registerRow(fields: Record<string, string | number>): (string | number)[] {
  return AWARDS_LAYOUT.columns.map((c) => fields[c.key] ?? '');
}

/** The cluster's 2022 decisions, as the demo's vote leaves them (the first with a stored key). */
const REGISTER_2022 = [
  ['Ủy ban MTTQ Việt Nam quận Ba Đình', 'Cờ thi đua', 'KT2022-00000000000000bb'],
  [HK, 'Bằng khen', RECORDED_KEY],
  ['Ủy ban MTTQ Việt Nam quận Hoàng Mai', 'Bằng khen', ''],
].map(([name, form, key]) =>
  registerRow({
    recipientType: 'Tập thể',
    name: name ?? '',
    form: form ?? '',
    level: CITY,
    decisionNumber: '125/QĐ-MTTQ-BTT',
    decisionDate: '30/12/2022',
    year: 2022,
    key: key ?? '',
  }),
);

/** The sample cluster set up, its three years of history and its 2022 register pasted. */
function clusterHost(): LocalHost {
  const host = newHost();
  seedSampleWorkbook(host);
  host.open();
  click(host, SETUP);
  // Hoàn Kiếm's Bằng khen already recorded into history from the register (its Mã hồ sơ).
  const recorded = {
    ...(clusterHistory()[0] as ReturnType<typeof clusterHistory>[number]),
    year: 2022,
    name: HK,
    item: 'Bằng khen',
    level: 'ministryProvince' as const,
    source: 'Sổ khen thưởng 2022',
    registerKey: RECORDED_KEY,
  };
  paste(host, SHEET_NAMES.history, 1, 1, historySheetGrid([...clusterHistory(), recorded]));
  paste(host, SHEET_NAMES.awards, 2, 1, REGISTER_2022);
  return host;
}

describe('Thống kê qua các năm (e2e)', () => {
  it('writes each year’s table and a chart across 2020–2022, a recorded register row once', () => {
    const host = clusterHost();
    click(host, YEARS);
    const model = host.spreadsheet;
    expect(model.valueAt(`${Y}!A1`)).toBe('THỐNG KÊ KHEN THƯỞNG QUA CÁC NĂM 2020–2022');
    // 2020 from history alone: the President's order to Hoàn Kiếm; the City Front's flag, two
    // Bằng khen, two Tập thể lao động xuất sắc; 11 Lao động tiên tiến + 1 Chiến sĩ thi đua cơ sở.
    expect(model.valuesAt(`${Y}!A4:F9`)).toEqual([
      [2020, 'Nhà nước', 1, 0, 1, ''],
      [2020, CITY, 5, 0, 5, ''],
      [2020, 'Cơ sở', 0, 12, 12, ''],
      [2020, 'Tổng cộng', 6, 12, 18, '18 dòng lịch sử'],
      [2020, 'Trong đó: Danh hiệu thi đua', 3, 12, 15, ''],
      [2020, 'Trong đó: Hình thức khen thưởng', 3, 0, 3, ''],
    ]);
    // 2022: 13 individuals' titles and Hoàn Kiếm's Bằng khen from history, Ba Đình's flag and
    // Hoàng Mai's Bằng khen from the register; Hoàn Kiếm's register row is not counted again.
    expect(model.valuesAt(`${Y}!A16:F19`)).toEqual([
      [2022, 'Nhà nước', 0, 0, 0, ''],
      [2022, CITY, 3, 0, 3, ''],
      [2022, 'Cơ sở', 0, 13, 13, ''],
      [
        2022,
        'Tổng cộng',
        3,
        13,
        16,
        '14 dòng lịch sử; 2 dòng sổ khen thưởng; 1 dòng sổ khen thưởng đã ghi vào lịch sử (tính một lần, theo lịch sử)',
      ],
    ]);
    // Ratings and initiatives are not awards: said, not counted.
    expect(String(model.valueAt(`${Y}!B2`))).toContain(
      'không tính 54 dòng xếp loại và 4 sáng kiến',
    );
    // The years side by side, and the chart on them.
    expect(model.valuesAt(`${Y}!A23:E27`)).toEqual([
      ['TỔNG HỢP QUA CÁC NĂM THEO CẤP KHEN', '', '', '', ''],
      ['Năm', 'Nhà nước', CITY, 'Cơ sở', 'Tổng cộng'],
      ['2020', 1, 5, 12, 18],
      ['2021', 0, 6, 14, 20],
      ['2022', 0, 3, 13, 16],
    ]);
    const charts = model.sheet(SHEET_NAMES.yearStatistics)?.charts ?? [];
    expect(charts).toHaveLength(1);
    expect(charts[0]?.chartType).toBe('COLUMN');
    expect(charts[0]?.options.get('title')).toBe(YEAR_STATISTICS_CHART_TITLE);
    expect(charts[0]?.ranges.map((r) => [r.row, r.col, r.numRows, r.numCols])).toEqual([
      [24, 1, 4, 4],
    ]);
    expect(model.toasts.at(-1)?.msg ?? '').toContain('qua 3 năm (2020: 18; 2021: 20; 2022: 16)');

    // A second run rewrites the sheet and keeps its one chart.
    click(host, YEARS);
    expect(model.sheet(SHEET_NAMES.yearStatistics)?.charts).toHaveLength(1);
    expect(model.valuesAt(`${Y}!A7:E7`)).toEqual([[2020, 'Tổng cộng', 6, 12, 18]]);
  });

  it('is refused for a member, and its sheet is protected against members', () => {
    const host = clusterHost();
    click(host, YEARS);
    const before = JSON.stringify(host.spreadsheet.valuesAt(`${Y}!A1:F30`));
    const member = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Thành viên')?.[6] ?? '';
    click(host, YEARS, member);
    expect(lastAlert(host)).toContain(`không được dùng «${YEARS}»`);
    const typed = host.spreadsheet.userEdit(member, `${Y}!C5`, [[99]]);
    expect(typed.accepted).toBe(false);
    expect(JSON.stringify(host.spreadsheet.valuesAt(`${Y}!A1:F30`))).toBe(before);
  });

  it('names a history title without level, and refuses a history without its columns', () => {
    const host = clusterHost();
    const levelColumn = HISTORY_LAYOUT.columns.findIndex((c) => c.key === 'level') + 1;
    // Row 2 of history is a rating; the first title with a level is further down: blank one.
    const grid = host.spreadsheet.valuesAt(`${H}!A1:K200`);
    const row = grid.findIndex((r) => r[levelColumn - 1] !== '' && r[0] === 2021) + 1;
    host.spreadsheet.userEdit(host.owner, `${H}!F${String(row)}`, [['']]);
    click(host, YEARS);
    expect(String(host.spreadsheet.valueAt(`${Y}!B2`))).toContain(
      `1 danh hiệu, hình thức trong lịch sử chưa ghi cấp khen nên chưa được tính (${H}!F${String(row)})`,
    );
    const before = JSON.stringify(host.spreadsheet.valuesAt(`${Y}!A1:F30`));
    // The Năm column's header gone: counting would be wrong, so nothing is written.
    host.spreadsheet.userEdit(host.owner, `${H}!A1`, [['']]);
    click(host, YEARS);
    expect(lastAlert(host)).toContain('Chưa ghi gì');
    expect(lastAlert(host)).toContain(`Trang "${SHEET_NAMES.history}"`);
    expect(JSON.stringify(host.spreadsheet.valuesAt(`${Y}!A1:F30`))).toBe(before);
  });

  it('gives the district’s 2022 exactly as the one-year statistics, from its register alone', () => {
    const host = newHost();
    host.open();
    click(host, SETUP);
    const register = seed003Register();
    const awards = host.spreadsheet.sheet(SHEET_NAMES.awards);
    if (awards && awards.maxRows < 1 + register.length) awards.maxRows = 1 + register.length;
    paste(host, SHEET_NAMES.awards, 2, 1, register);
    click(host, 'Thống kê khen thưởng');
    click(host, YEARS);
    const model = host.spreadsheet;
    const oneYear = model.valuesAt(`${quoteSheetName(SHEET_NAMES.awardStatistics)}!B4:E7`);
    expect(oneYear).toEqual([
      ['Nhà nước', 6, 1, 7],
      [CITY, 89, 68, 157],
      ['Cơ sở', 685, 1656, 2341],
      ['Tổng cộng', 780, 1725, 2505],
    ]);
    expect(model.valuesAt(`${Y}!B4:E7`)).toEqual(oneYear);
    expect(model.valuesAt(`${Y}!A4:A7`)).toEqual([[2022], [2022], [2022], [2022]]);
    expect(model.valueAt(`${Y}!F7`)).toBe('2.505 dòng sổ khen thưởng');
    // Titles and forms apart, as the one-year statistics count them.
    const kinds = model.valuesAt(`${quoteSheetName(SHEET_NAMES.awardStatistics)}!C8:E9`);
    expect(model.valuesAt(`${Y}!C8:E9`)).toEqual(kinds);
  });

  it('refuses when there is nothing to count and leaves no sheet half written', () => {
    const host = newHost();
    host.open();
    click(host, SETUP);
    click(host, YEARS);
    expect(lastAlert(host)).toContain('chưa có dòng hợp lệ nào để thống kê');
    expect(host.spreadsheet.sheet(SHEET_NAMES.yearStatistics)?.charts ?? []).toHaveLength(0);
  });
});
