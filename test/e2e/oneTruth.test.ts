/**
 * Issue 10, Build 2 — one truth about problems, through build/Code.js: "Kiểm tra dữ liệu" reports
 * what "Tính xếp hạng" complains about, in the same words and counts; the report is stamped with
 * its time in the file's time zone and replaced on each run; ballot rows the product wrote are
 * not the user's errors; set-up does not call a workbook with a wrong header "đúng cấu trúc".
 */
import type { LocalHost } from '../../local/host';
import type { SheetModel, SpreadsheetModel } from '../../local/host/spreadsheet/model';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import {
  REPORT_COUNTS_LABEL,
  REPORT_TIME_LABEL,
  VALIDATION_REPORT_SHEET,
} from '../../src/core/edit/report';
import { RANKING_SHEET_ROWS } from '../../src/core/ranking/rankingSheet';
import { newHost, seedSampleWorkbook } from './workbookFixture';

const REPORT = `'${VALIDATION_REPORT_SHEET}'`;
const SELF = `'${SHEET_NAMES.selfScores}'`;
const CHECK = 'Kiểm tra dữ liệu';
const RANK = 'Tính xếp hạng';
const SETUP = 'Khởi tạo / cập nhật bảng tính';

function seeded(options: Parameters<typeof newHost>[0] = {}): LocalHost {
  const host = newHost(options);
  seedSampleWorkbook(host);
  host.open();
  return host;
}

function type(host: LocalHost, a1: string, value: unknown): void {
  const result = host.spreadsheet.userEdit(host.owner, a1, [[value]]);
  if (!result.accepted) throw new Error(`refused at ${a1}`);
}

function click(host: LocalHost, caption: string): void {
  const result = host.clickMenu(caption);
  expect(result.error).toBeUndefined();
  expect(result.status).toBe('ok');
}

function lastToast(host: LocalHost): string {
  return host.spreadsheet.toasts.at(-1)?.msg ?? '';
}

function lastAlert(host: LocalHost): string {
  return host.ui.shown.at(-1)?.prompt ?? '';
}

/** Report rows below the header: [sheet, cell, severity, message, value]. */
function reportRows(host: LocalHost): string[][] {
  return host.spreadsheet
    .valuesAt(`${REPORT}!A2:E200`)
    .filter((row) => row.some((v) => v !== ''))
    .map((row) => row.map(String));
}

function label(rows: readonly string[][]): string {
  const errors = rows.filter((r) => r[2] === 'Lỗi').length;
  const warnings = rows.filter((r) => r[2] === 'Cảnh báo').length;
  return `${String(errors)} lỗi, ${String(warnings)} cảnh báo`;
}

function statusLine(host: LocalHost): string {
  return String(
    host.spreadsheet.valueAt(`'${SHEET_NAMES.ranking}'!C${RANKING_SHEET_ROWS.findings}`),
  );
}

describe('one truth about problems (issue 10, Build 2)', () => {
  it('a cleared score under "Báo thiếu" is a report row naming its cell, counted alike by the check, the status line and both toasts', () => {
    const host = seeded();
    type(host, `${SELF}!C6`, ''); // Đống Đa, criterion 1: cleared
    type(host, `${SELF}!D7`, 'abc'); // a pass/fail criterion: an error

    click(host, RANK);
    const rankToast = lastToast(host);
    const status = statusLine(host);
    click(host, CHECK);
    const rows = reportRows(host);

    const cleared = rows.find((r) => r[0] === SHEET_NAMES.selfScores && r[1] === 'C6');
    expect(cleared?.[2]).toBe('Cảnh báo');
    expect(cleared?.[3]).toBe(
      'Trang "Tự chấm", ô C6: chưa có điểm của đơn vị "Đống Đa" cho tiêu chí "1".',
    );
    // The ranking's own words for the same cell.
    expect(status).toContain(cleared?.[3]);

    const counted = label(rows);
    expect(counted).toBe('1 lỗi, 1 cảnh báo');
    expect(status).toContain(`(${counted})`);
    expect(rankToast).toContain(`dữ liệu có ${counted} (xem Kiểm tra dữ liệu)`);
    expect(rankToast).not.toMatch(/\d+ lỗi dữ liệu/);
    expect(lastToast(host)).toContain(`Kiểm tra dữ liệu: ${counted} (xem trang`);
    expect(host.spreadsheet.valuesAt(`${REPORT}!G2:H2`)).toEqual([[REPORT_COUNTS_LABEL, counted]]);
  });

  it("the report says when it was made, in the file's time zone, and a re-run no longer lists corrected errors", () => {
    const host = seeded();
    type(host, `${SELF}!D7`, 'abc');
    click(host, CHECK);
    // The host's clock starts at 2026-01-15 08:00 in Hanoi.
    expect(host.spreadsheet.valuesAt(`${REPORT}!G1:H1`)).toEqual([
      [REPORT_TIME_LABEL, '15/01/2026 08:00'],
    ]);
    expect(reportRows(host).map((r) => r[1])).toContain('D7');

    type(host, `${SELF}!D7`, 'Đạt');
    host.rt.nowMs += 2 * 3600_000 + 30 * 60_000;
    click(host, CHECK);
    expect(host.spreadsheet.valuesAt(`${REPORT}!G1:H1`)).toEqual([
      [REPORT_TIME_LABEL, '15/01/2026 10:30'],
    ]);
    expect(reportRows(host)).toEqual([['', '', '', 'Không phát hiện lỗi.', '']]);
    expect(lastToast(host)).toBe('Kiểm tra dữ liệu: Không phát hiện lỗi.');
  });

  it("stamps the time in the time zone of the file, not Hanoi's by default", () => {
    const host = seeded({ spreadsheet: { timeZone: 'America/Los_Angeles' } });
    click(host, CHECK);
    expect(host.spreadsheet.valueAt(`${REPORT}!H1`)).toBe('14/01/2026 17:00');
  });

  const breakages: [string, (m: SpreadsheetModel, host: LocalHost) => void][] = [
    [
      'Tự chấm renamed',
      (m) => {
        (m.sheet(SHEET_NAMES.selfScores) as SheetModel).name = 'Tự chấm (cũ)';
      },
    ],
    [
      'the unit code header cleared',
      (_m, host) => {
        type(host, `'${SHEET_NAMES.units}'!A1`, '');
      },
    ],
    [
      'a duplicated unit code',
      (_m, host) => {
        type(host, `'${SHEET_NAMES.units}'!A3`, 'BD');
      },
    ],
  ];
  it.each(breakages)(
    '%s: every problem the ranking refuses on is in the report, in the same words',
    (_name, breakIt) => {
      const host = seeded();
      breakIt(host.spreadsheet, host);
      click(host, RANK);
      const refusal = lastAlert(host);
      const bullets = refusal
        .split('\n')
        .filter((l) => l.startsWith('• '))
        .map((l) => l.slice(2));
      expect(bullets.length).toBeGreaterThan(0);
      click(host, CHECK);
      const messages = reportRows(host).map((r) => r[3]);
      for (const bullet of bullets) expect(messages).toContain(bullet);
      expect(lastToast(host)).not.toContain('Không phát hiện lỗi');
    },
  );

  it('ballot rows written by "Tạo phiếu bình xét" are not reported; a voter the user mistypes is', () => {
    const host = seeded();
    click(host, RANK);
    click(host, 'Tạo phiếu bình xét');
    click(host, CHECK);
    expect(reportRows(host)).toEqual([['', '', '', 'Không phát hiện lỗi.', '']]);

    const header = host.spreadsheet.valuesAt(`'${SHEET_NAMES.votes}'!A1:F1`)[0] ?? [];
    // The marks column refuses anything off its dropdown; the voter column takes what is typed.
    const voter = header.indexOf('Đơn vị bỏ phiếu');
    expect(voter).toBeGreaterThanOrEqual(0);
    const column = String.fromCharCode(65 + voter);
    type(host, `'${SHEET_NAMES.votes}'!${column}2`, 'XYZ');
    click(host, CHECK);
    const rows = reportRows(host);
    expect(rows.map((r) => `${r[0]}!${r[1]}`)).toEqual([`${SHEET_NAMES.votes}!${column}2`]);
  });

  it('set-up does not call the workbook "đúng cấu trúc" while the check finds a header wrong', () => {
    const host = seeded();
    click(host, SETUP);
    type(host, `'${SHEET_NAMES.units}'!B1`, 'Ten');
    click(host, SETUP);
    expect(lastAlert(host)).toContain('không có gì phải thay đổi');
    expect(lastAlert(host)).not.toContain('đúng cấu trúc');
    expect(host.spreadsheet.toasts.map((t) => t.msg).join('\n')).not.toContain('đúng cấu trúc');
    click(host, CHECK);
    expect(reportRows(host)).toEqual([
      [
        'Đơn vị',
        'B1',
        'Cảnh báo',
        'Trang "Đơn vị", ô B1: tiêu đề "Ten" đã bị sửa; tiêu đề đúng là "Tên đơn vị".',
        'Ten',
      ],
    ]);
  });
});
