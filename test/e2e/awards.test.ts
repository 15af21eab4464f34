/**
 * Award register (Khen thưởng), "Lập sổ khen thưởng từ xếp hạng" and "Thống kê khen thưởng" end
 * to end: the built bundle in the local host. The statistics of the seed-003 register must give
 * the report's breakdown exactly.
 */
import type { LocalHost } from '../../local/host';
import { cellA1, quoteSheetName } from '../../src/core/a1';
import { headerValues } from '../../src/core/layout/columns';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT, AWARD_STATISTICS_LAYOUT } from '../../src/core/layout/tables';
import { readAwards } from '../../src/core/awards/readAwards';
import { AWARD_STATISTICS_CHART_TITLE } from '../../src/core/awards/statistics';
import { SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { SEED003_COLUMNS, seed003Register } from '../../sample/seed003Register';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';
import { setSetting } from './certificateRegister';
import { nodeText } from '../../local/host/docs';
import { NBSP } from '../../src/core/format/vietnamese';

const SETUP = 'Khởi tạo / cập nhật bảng tính';
const FILL = 'Lập sổ khen thưởng từ xếp hạng';
const STATS = 'Thống kê khen thưởng';
const K = quoteSheetName(SHEET_NAMES.awards);
const T = quoteSheetName(SHEET_NAMES.awardStatistics);
const WIDTH = AWARDS_LAYOUT.columns.length;
const col = (key: string): number => AWARDS_LAYOUT.columns.findIndex((c) => c.key === key) + 1;
const SEED = seed003Register();

function click(host: LocalHost, caption: string): number {
  return clickRun(host, caption).calls;
}

function clickRun(host: LocalHost, caption: string): ReturnType<LocalHost['clickMenu']> {
  const run = host.clickMenu(caption);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
  return run;
}

/** The sample cluster seeded, set up through the menu, ranked. */
function sampleHost(unitRows = SAMPLE_UNIT_ROWS): LocalHost {
  const host = newHost();
  seedSampleWorkbook(host, { unitRows });
  host.open();
  click(host, SETUP);
  click(host, 'Tính xếp hạng');
  return host;
}

/** A set-up workbook whose register holds the first n seed rows, pasted by the owner. */
function registerHost(n: number, seeded = false): LocalHost {
  const host = seeded ? sampleHost() : newHost();
  if (!seeded) {
    host.open();
    click(host, SETUP);
  }
  paste(host, SHEET_NAMES.awards, 2, 1, SEED.slice(0, n));
  return host;
}

function registerGrid(host: LocalHost): unknown[][] {
  const rows = host.spreadsheet.sheet(SHEET_NAMES.awards)?.rows.length ?? 1;
  return host.spreadsheet.valuesAt(`${K}!A1:${cellA1(Math.max(rows, 1), WIDTH)}`);
}

function lastAlert(host: LocalHost): string {
  const alerts = host.report().alerts;
  return alerts[alerts.length - 1]?.prompt ?? '';
}

describe('Khen thưởng set-up (e2e)', () => {
  const host = newHost();
  host.open();
  click(host, SETUP);
  const model = host.spreadsheet;

  it('creates the register and the statistics sheets from the layout, before Nhật ký', () => {
    const names = model.sheets.map((s) => s.name);
    expect(names.indexOf(SHEET_NAMES.awards)).toBe(names.indexOf(SHEET_NAMES.votes) + 1);
    expect(names.indexOf(SHEET_NAMES.awardStatistics)).toBe(names.indexOf(SHEET_NAMES.awards) + 1);
    expect(model.valuesAt(`${K}!A1:${cellA1(1, WIDTH)}`)[0]).toEqual(headerValues(AWARDS_LAYOUT));
    expect(model.sheet(SHEET_NAMES.awards)?.frozenRows).toBe(1);
    expect(model.valuesAt(`${T}!A3:E3`)[0]).toEqual(headerValues(AWARD_STATISTICS_LAYOUT));
  });

  it('sets the dropdowns, the e-mail and date checks, and the formats', () => {
    const dv = (
      key: string,
      row = 2,
    ): { criteria: string; args: unknown[]; allowInvalid: boolean } =>
      model.cellAt(`${K}!${cellA1(row, col(key))}`)?.dv as {
        criteria: string;
        args: unknown[];
        allowInvalid: boolean;
      };
    expect(dv('recipientType').criteria).toBe('VALUE_IN_LIST');
    expect(dv('recipientType').args[0]).toEqual(['Tập thể', 'Cá nhân']);
    expect(dv('level', 300).args[0]).toEqual(['Nhà nước', 'Bộ, ngành, tỉnh / thành phố', 'Cơ sở']);
    expect(dv('form').args[0]).toContain('Giấy khen');
    expect(dv('form').allowInvalid).toBe(true);
    expect(dv('email').criteria).toBe('TEXT_IS_VALID_EMAIL');
    expect(dv('decisionDate').criteria).toMatch(/^DATE/);
    expect(model.cellAt(`${K}!${cellA1(2, col('decisionDate'))}`)?.fmt).toBe('dd/mm/yyyy');
    expect(model.cellAt(`${K}!${cellA1(2, col('name'))}`)?.fmt).toBe('@');
  });

  it('keeps the register to the owner and the head (the roles table), other editors read it', () => {
    const owner = host.owner;
    const other = 'canbo@example.vn';
    model.editors.add(other);
    expect(model.userEdit(other, `${K}!B2`, [['Nguyễn Thị Lan']]).accepted).toBe(false);
    expect(model.userEdit(other, `${K}!${cellA1(2, col('status'))}`, [['Đã tạo']]).accepted).toBe(
      false,
    );
    expect(model.userEdit(other, `${K}!A1`, [['x']]).accepted).toBe(false);
    expect(model.userEdit(owner, `${K}!${cellA1(2, col('status'))}`, [['']]).accepted).toBe(true);
  });
});

describe('Lập sổ khen thưởng từ xếp hạng (e2e)', () => {
  it('adds the proposed units once, keyed, at the province level; a second click adds nothing', () => {
    const host = sampleHost();
    click(host, FILL);
    expect(lastAlert(host)).toContain('Đã thêm 2 dòng');
    const read = readAwards(registerGrid(host));
    expect(read.findings).toEqual([]);
    expect(
      read.value.map((r) => [r.row, r.name, r.form, r.level, r.recipientType, r.year]),
    ).toEqual([
      [
        2,
        'Ủy ban MTTQ Việt Nam quận Ba Đình',
        'Cờ thi đua',
        'ministryProvince',
        'collective',
        2022,
      ],
      [
        3,
        'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm',
        'Bằng khen',
        'ministryProvince',
        'collective',
        2022,
      ],
    ]);
    expect(read.value.every((r) => r.keyStored && /^KT2022-[0-9a-f]{16}$/.test(r.key))).toBe(true);
    expect(read.value[0]?.achievement).toContain('xếp hạng 1/6');
    expect(read.value[0]?.signerName).toBe('');

    click(host, FILL);
    expect(lastAlert(host)).toContain('Không có dòng nào mới');
    expect(lastAlert(host)).toContain(
      'Đã có trong sổ, không thêm lại: Ủy ban MTTQ Việt Nam quận Ba Đình (Cờ thi đua)',
    );
    expect(readAwards(registerGrid(host)).value).toHaveLength(2);
  });

  it('writes the issuer and place Cấu hình gives the level; the certificate prints them and the full name', () => {
    const host = sampleHost();
    setSetting(
      host,
      'Cơ quan tặng cấp bộ, ngành, tỉnh / thành phố',
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    );
    setSetting(host, 'Địa danh cấp bộ, ngành, tỉnh / thành phố', 'Hà Nội');
    click(host, FILL);
    const read = readAwards(registerGrid(host)).value;
    expect(read.map((r) => [r.issuingBody, r.place, r.signerName])).toEqual([
      ['ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', 'Hà Nội', ''],
      ['ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', 'Hà Nội', ''],
    ]);
    // The officer types the decision once signed; the certificates follow.
    for (const row of [2, 3]) {
      paste(host, SHEET_NAMES.awards, row, col('decisionNumber'), [['635/QĐ-UBND', '05/01/2023']]);
      paste(host, SHEET_NAMES.awards, row, col('signerTitle'), [['KT. CHỦ TỊCH', 'Chử Xuân Dũng']]);
    }
    clickRun(host, 'Tạo giấy khen / bằng khen');
    for (let i = 0; i < 20 && host.runDueTriggers(host.rt.nowMs + 86_400_000).length > 0; i++);
    const flag = host.documents.list().find((d) => d.name.startsWith('Cờ thi đua - '));
    const text = (flag === undefined ? '' : nodeText(flag.body)).split(NBSP).join(' ');
    expect(text).toContain(
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nTẶNG\nCỜ THI ĐUA\nỦy ban MTTQ Việt Nam quận Ba Đình\n',
    );
    expect(text).toContain('xếp loại Xuất sắc');
    expect(text).toContain('Hà Nội, ngày 05 tháng 01 năm 2023\nKT. CHỦ TỊCH\n');
    expect(text).not.toContain('Số sổ vàng');
  });

  it('appends below rows the officer typed, which stay as they were', () => {
    const host = sampleHost();
    paste(host, SHEET_NAMES.awards, 2, 1, SEED.slice(0, 3));
    const before = registerGrid(host).slice(0, 4);
    click(host, FILL);
    const after = registerGrid(host);
    expect(after.slice(0, 4)).toEqual(before);
    expect(after[4]?.[1]).toBe('Ủy ban MTTQ Việt Nam quận Ba Đình');
    expect(after[5]?.[1]).toBe('Ủy ban MTTQ Việt Nam quận Hoàn Kiếm');
  });

  it('writes a unit name starting with "=" as text, never a formula', () => {
    // Typed with the apostrophe Sheets needs in a cell that is not formatted as text; no full
    // name, so the register takes the name.
    const rows = SAMPLE_UNIT_ROWS.map((r) =>
      r[0] === 'BD' ? [r[0], "'=1+1", ...r.slice(2, 8), ''] : r,
    );
    const host = sampleHost(rows);
    click(host, FILL);
    const cell = host.spreadsheet.cellAt(`${K}!B2`);
    expect(cell?.v).toBe('=1+1');
    expect(cell?.f).toBeUndefined();
  });

  it('tells the officer to run set-up when there is no register', () => {
    const host = newHost();
    seedSampleWorkbook(host);
    host.open();
    click(host, FILL);
    expect(lastAlert(host)).toContain('chưa có trang "Khen thưởng"');
  });
});

describe('Thống kê khen thưởng (e2e)', () => {
  it('reproduces the seed-003 breakdown from the pasted 2,505-row register, with a chart', () => {
    const host = registerHost(SEED.length);
    click(host, STATS);
    const model = host.spreadsheet;
    expect(model.valuesAt(`${T}!A4:E7`)).toEqual([
      ['Cấp khen', 'Nhà nước', 6, 1, 7],
      ['Cấp khen', 'Bộ, ngành, tỉnh / thành phố', 89, 68, 157],
      ['Cấp khen', 'Cơ sở', 685, 1656, 2341],
      ['Cấp khen', 'Tổng cộng', 780, 1725, 2505],
    ]);
    expect(model.valueAt(`${T}!A1`)).toBe('THỐNG KÊ KHEN THƯỞNG NĂM 2022');
    const charts = model.sheet(SHEET_NAMES.awardStatistics)?.charts ?? [];
    expect(charts).toHaveLength(1);
    const chart = charts[0];
    expect(chart?.chartType).toBe('COLUMN');
    expect(chart?.options.get('title')).toBe(AWARD_STATISTICS_CHART_TITLE);
    expect(chart?.ranges.map((r) => [r.row, r.col, r.numRows, r.numCols])).toEqual([[3, 2, 4, 3]]);
    expect(model.toasts.at(-1)?.msg ?? '').toContain('2.505 khen thưởng');

    // By level, by kind, by year, by unit: each table adds up to 2,505; titles and forms each
    // add up to their own count.
    const values = model.valuesAt(
      `${T}!A4:E${String(model.sheet(SHEET_NAMES.awardStatistics)?.rows.length ?? 4)}`,
    );
    const totals = values.filter((r) => r[1] === 'Tổng cộng').map((r) => r[4]);
    expect(totals).toEqual([2505, 2505, 2505, 2505]);
    const kinds = values.filter((r) => r[0] === 'Loại khen thưởng');
    expect(kinds.map((r) => r[1])).toEqual([
      'Danh hiệu thi đua',
      'Hình thức khen thưởng',
      'Tổng cộng',
    ]);
    for (const kind of kinds.slice(0, 2)) {
      const section = values.filter((r) => r[0] === kind[1]);
      const sum = section.slice(0, -1).reduce((a, r) => a + Number(r[4]), 0);
      expect(section.at(-1)).toEqual([kind[1], 'Cộng', kind[2], kind[3], kind[4]]);
      expect(sum).toBe(kind[4]);
    }
    expect(values.filter((r) => r[0] === 'Danh hiệu thi đua').map((r) => r[1])).toEqual([
      'Bộ, ngành, tỉnh / thành phố: Cờ thi đua',
      'Cơ sở: Chiến sĩ thi đua cơ sở',
      'Cộng',
    ]);
    expect(values.filter((r) => r[0] === 'Năm')).toEqual([
      ['Năm', '2022', 780, 1725, 2505],
      ['Năm', 'Tổng cộng', 780, 1725, 2505],
    ]);

    // A second run replaces the content and keeps one chart.
    click(host, STATS);
    expect(model.sheet(SHEET_NAMES.awardStatistics)?.charts).toHaveLength(1);
    expect(model.valuesAt(`${T}!A7:E7`)).toEqual([['Cấp khen', 'Tổng cộng', 780, 1725, 2505]]);
  });

  it('counts rows with errors out, says so, and writes a unit typed as "=…" as text', () => {
    const host = registerHost(10);
    const bad = [...(SEED[10] as unknown[])];
    bad[col('level') - 1] = 'Cấp vũ trụ';
    const formula = [...(SEED[11] as unknown[])];
    // The unit column is formatted as text: what is typed there is stored as text.
    formula[col('unit') - 1] = '=HYPERLINK("http://x")';
    paste(host, SHEET_NAMES.awards, 12, 1, [bad, formula]);
    click(host, STATS);
    const model = host.spreadsheet;
    expect(model.valueAt(`${T}!D7`)).toBe(1);
    expect(model.valueAt(`${T}!E7`)).toBe(11);
    expect(String(model.valueAt(`${T}!B2`))).toContain('1 dòng có lỗi');
    const units = model.valuesAt(`${T}!B8:B60`).map((r) => r[0]);
    const at = units.indexOf('=HYPERLINK("http://x")');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(model.cellAt(`${T}!B${String(8 + at)}`)?.f).toBeUndefined();
  });
});

describe('service calls do not grow with the register', () => {
  it('fill and statistics make the same calls for 100 and 2,505 rows', () => {
    // The only call that may differ: one insertRowsAfter when a grid is full (a paste of 2,505
    // rows leaves the register exactly full; the eligibility hints the fill writes after it need
    // a row per proposal), which is about room, not about size.
    const measure = (n: number): { fill: number; growth: number; stats: number } => {
      const host = registerHost(n, true);
      const fill = clickRun(host, FILL);
      const growth = fill.execution.calls.get('Sheet.insertRowsAfter') ?? 0;
      return { fill: fill.calls - growth, growth, stats: click(host, STATS) };
    };
    const small = measure(100);
    const large = measure(SEED.length);
    console.log(
      `awards calls: 100 rows ${JSON.stringify(small)}; 2,505 rows ${JSON.stringify(large)}`,
    );
    expect(large.fill).toBe(small.fill);
    expect(large.stats).toBe(small.stats);
    expect(small.growth + large.growth).toBeLessThanOrEqual(2);
    expect(SEED[0]).toHaveLength(SEED003_COLUMNS);
  });
});
