/**
 * Issue 10, Build 1 — "refuse rather than replace", through build/Code.js: every action that reads
 * the inputs refuses a workbook with a deleted or renamed input sheet, a missing required header,
 * no units or no criteria; it says in Vietnamese what is missing and names the menu item that
 * repairs it, and leaves its previous output as it was (Xếp hạng flagged stale, never zeros).
 */
import type { LocalHost } from '../../local/host';
import type { SheetModel, SpreadsheetModel } from '../../local/host/spreadsheet/model';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { RANKING_STALE_TEXT, RANKING_STATUS_RANGE_NAME } from '../../src/core/ranking/rankingSheet';
import { NO_FINDINGS_MESSAGE, VALIDATION_REPORT_SHEET } from '../../src/core/edit/report';
import { quoteSheetName } from '../../src/core/a1';
import { newHost, paste, seedSampleWorkbook, type SeedOptions } from './workbookFixture';

const RANK = 'Tính xếp hạng';
const SETUP = 'Khởi tạo / cập nhật bảng tính';
const X = quoteSheetName(SHEET_NAMES.ranking);
const RANKING_BLOCK = `${X}!A5:N12`;

function click(host: LocalHost, caption: string): void {
  const run = host.clickMenu(caption);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
}

function lastAlert(host: LocalHost): string {
  const alerts = host.report().alerts;
  return alerts[alerts.length - 1]?.prompt ?? '';
}

function seeded(options: SeedOptions = {}): LocalHost {
  const host = newHost();
  seedSampleWorkbook(host, options);
  host.open();
  return host;
}

/** The user deletes a tab from Sheets' tab menu. */
function deleteSheet(model: SpreadsheetModel, name: string): void {
  model.removeSheet(model.sheet(name) as SheetModel);
}

function renameSheet(model: SpreadsheetModel, name: string, to: string): void {
  (model.sheet(name) as SheetModel).name = to;
}

function status(host: LocalHost): unknown {
  const named = host.spreadsheet.namedRange(RANKING_STATUS_RANGE_NAME);
  if (!named) throw new Error('no status cell');
  return named.range.sheet.cell(named.range.row, named.range.col)?.v;
}

/** Ranked once on the good sample; returns the ranking table as written. */
function rankedOnce(host: LocalHost): unknown[][] {
  click(host, RANK);
  const table = host.spreadsheet.valuesAt(RANKING_BLOCK);
  expect(table.flat()).toContain('Ba Đình');
  return table;
}

function expectRankingKept(host: LocalHost, before: unknown[][]): void {
  expect(host.spreadsheet.valuesAt(RANKING_BLOCK)).toEqual(before);
  expect(status(host)).toBe(RANKING_STALE_TEXT);
}

describe('Tính xếp hạng refuses broken inputs and keeps the previous ranking (issue 10, Build 1)', () => {
  it.each([
    [
      'Tiêu chí deleted',
      SHEET_NAMES.criteria,
      (m: SpreadsheetModel) => {
        deleteSheet(m, SHEET_NAMES.criteria);
      },
    ],
    [
      'Tự chấm renamed',
      SHEET_NAMES.selfScores,
      (m: SpreadsheetModel) => {
        renameSheet(m, SHEET_NAMES.selfScores, 'Tự chấm (cũ)');
      },
    ],
    [
      'Thẩm định deleted',
      SHEET_NAMES.verifiedScores,
      (m: SpreadsheetModel) => {
        deleteSheet(m, SHEET_NAMES.verifiedScores);
      },
    ],
  ])('%s: says which sheet and which menu item, writes no zeros', (_label, sheet, breakIt) => {
    const host = seeded();
    const before = rankedOnce(host);
    breakIt(host.spreadsheet);
    click(host, RANK);
    const alert = lastAlert(host);
    expect(alert).toContain(`Không thấy trang "${sheet}"`);
    expect(alert).toContain(`«${SETUP}»`);
    expect(alert).toContain('được giữ nguyên');
    expectRankingKept(host, before);
  });

  it('a missing required header (Mã đơn vị cleared) refuses and names the column', () => {
    const host = seeded();
    const before = rankedOnce(host);
    paste(host, SHEET_NAMES.units, 1, 1, [['']]);
    click(host, RANK);
    expect(lastAlert(host)).toContain('thiếu cột "Mã đơn vị"');
    expect(lastAlert(host)).toContain(`«${SETUP}»`);
    expectRankingKept(host, before);
  });

  it('no criteria: refuses, writes no Xếp hạng at all', () => {
    const host = seeded({ criteriaRows: [], selfScores: {} });
    click(host, RANK);
    expect(lastAlert(host)).toContain(
      `Trang "${SHEET_NAMES.criteria}", ô A2: chưa nhập các tiêu chí thi đua.`,
    );
    expect(host.spreadsheet.sheet(SHEET_NAMES.ranking)).toBeUndefined();
  });

  it('no units: refuses and says to type units', () => {
    const host = seeded({ unitRows: [], selfScores: {} });
    click(host, RANK);
    expect(lastAlert(host)).toContain(
      `Trang "${SHEET_NAMES.units}", ô A2: chưa nhập các đơn vị của cụm.`,
    );
    expect(host.spreadsheet.sheet(SHEET_NAMES.ranking)).toBeUndefined();
  });
});

describe('Kiểm tra dữ liệu reports what the ranking refuses on (issue 10)', () => {
  it('a renamed Tự chấm is a finding, not "Không phát hiện lỗi", with the real set-up caption', () => {
    const host = seeded();
    renameSheet(host.spreadsheet, SHEET_NAMES.selfScores, 'Tự chấm (cũ)');
    click(host, 'Kiểm tra dữ liệu');
    const report = host.spreadsheet
      .valuesAt(`${quoteSheetName(VALIDATION_REPORT_SHEET)}!A1:E10`)
      .map((r) => r.join(' | '))
      .join('\n');
    expect(report).not.toContain(NO_FINDINGS_MESSAGE);
    expect(report).toContain(`Không thấy trang "${SHEET_NAMES.selfScores}"`);
    expect(report).toContain(`«${SETUP}»`);
    expect(report).not.toContain('Thiết lập bảng tính');
  });

  it('a deleted Tiêu chí names the real menu item (not "Thiết lập bảng tính")', () => {
    const host = seeded();
    deleteSheet(host.spreadsheet, SHEET_NAMES.criteria);
    click(host, 'Kiểm tra dữ liệu');
    const report = JSON.stringify(
      host.spreadsheet.valuesAt(`${quoteSheetName(VALIDATION_REPORT_SHEET)}!A1:E10`),
    );
    expect(report).toContain(`Không thấy trang \\"${SHEET_NAMES.criteria}\\"`);
    expect(report).toContain(SETUP);
    expect(report).not.toContain('Thiết lập bảng tính');
  });
});

describe('the other actions that read inputs refuse the same way (issue 10, Build 1)', () => {
  /** The sample, set up through the menu and ranked: every output sheet exists. */
  function setUpAndRanked(): LocalHost {
    const host = seeded();
    click(host, SETUP);
    click(host, RANK);
    return host;
  }

  it('Tạo phiếu bình xét: Tự chấm renamed → refused, Bình xét untouched', () => {
    const host = setUpAndRanked();
    const votes = `${quoteSheetName(SHEET_NAMES.votes)}!A1:H40`;
    const before = host.spreadsheet.valuesAt(votes);
    renameSheet(host.spreadsheet, SHEET_NAMES.selfScores, 'Tự chấm 2');
    click(host, 'Tạo phiếu bình xét');
    expect(lastAlert(host)).toContain('«Tạo phiếu bình xét» chưa chạy được');
    expect(lastAlert(host)).toContain(`Không thấy trang "${SHEET_NAMES.selfScores}"`);
    expect(host.spreadsheet.valuesAt(votes)).toEqual(before);
  });

  it('Lập sổ khen thưởng từ xếp hạng: Tiêu chí deleted → refused, register untouched', () => {
    const host = setUpAndRanked();
    const register = `${quoteSheetName(SHEET_NAMES.awards)}!A1:T20`;
    const before = host.spreadsheet.valuesAt(register);
    deleteSheet(host.spreadsheet, SHEET_NAMES.criteria);
    click(host, 'Lập sổ khen thưởng từ xếp hạng');
    expect(lastAlert(host)).toContain('«Lập sổ khen thưởng từ xếp hạng» chưa chạy được');
    expect(lastAlert(host)).toContain(`Không thấy trang "${SHEET_NAMES.criteria}"`);
    expect(host.spreadsheet.valuesAt(register)).toEqual(before);
  });

  it('Tạo bản giao ước: Đơn vị renamed → refused before any document is made', () => {
    const host = setUpAndRanked();
    const files = host.drive.items.size;
    renameSheet(host.spreadsheet, SHEET_NAMES.units, 'Đơn vị (cũ)');
    click(host, 'Tạo bản giao ước');
    expect(lastAlert(host)).toContain('«Tạo bản giao ước» chưa chạy được');
    expect(lastAlert(host)).toContain(`Không thấy trang "${SHEET_NAMES.units}"`);
    expect(lastAlert(host)).toContain(`«${SETUP}»`);
    expect(host.drive.items.size).toBe(files);
  });

  it('Thống kê khen thưởng: a cleared register header → refused, statistics sheet untouched', () => {
    const host = setUpAndRanked();
    click(host, 'Thống kê khen thưởng');
    const stats = `${quoteSheetName(SHEET_NAMES.awardStatistics)}!A1:H20`;
    const before = host.spreadsheet.valuesAt(stats);
    paste(host, SHEET_NAMES.awards, 1, 1, [['']]);
    click(host, 'Thống kê khen thưởng');
    expect(lastAlert(host)).toContain('«Thống kê khen thưởng» chưa chạy được');
    expect(lastAlert(host)).toMatch(/thiếu cột "/);
    expect(host.spreadsheet.valuesAt(stats)).toEqual(before);
  });
});
