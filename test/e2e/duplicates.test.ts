/**
 * Issue 10, Build 3 — duplicates reported on every row involved, through build/Code.js: unit
 * codes, criterion codes, two Cụm trưởng, register numbers within a year and one recipient with
 * the same form and decision twice; "Tính xếp hạng" refuses duplicated unit codes instead of
 * silently ranking one of the two.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { VALIDATION_REPORT_SHEET } from '../../src/core/edit/report';
import { quoteSheetName } from '../../src/core/a1';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { seed003Register } from '../../sample/seed003Register';
import { newHost, paste, seedSampleWorkbook, type SeedOptions } from './workbookFixture';

function click(host: LocalHost, caption: string): void {
  const run = host.clickMenu(caption);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
}

function seeded(options: SeedOptions = {}): LocalHost {
  const host = newHost();
  seedSampleWorkbook(host, options);
  host.open();
  return host;
}

/** "Kiểm tra dữ liệu" report rows of one sheet: [cell, severity, message]. */
function reported(host: LocalHost, sheet: string): string[][] {
  click(host, 'Kiểm tra dữ liệu');
  return host.spreadsheet
    .valuesAt(`${quoteSheetName(VALIDATION_REPORT_SHEET)}!A1:E400`)
    .filter((r) => r[0] === sheet)
    .map((r) => [String(r[1]), String(r[2]), String(r[3])]);
}

function lastAlert(host: LocalHost): string {
  const alerts = host.report().alerts;
  return alerts[alerts.length - 1]?.prompt ?? '';
}

describe('duplicates on every row involved (issue 10, Build 3)', () => {
  it('a duplicated unit code: both rows reported, and the ranking refuses instead of ranking one', () => {
    const rows = SAMPLE_UNIT_ROWS.map((r) => [...r]);
    // Row 7 (the sixth unit) takes row 3's code.
    const copied = rows[5];
    const original = rows[1];
    if (copied === undefined || original === undefined) throw new Error('sample too short');
    copied[0] = original[0] ?? '';
    const host = seeded({ unitRows: rows, selfScores: {} });
    const units = reported(host, SHEET_NAMES.units).filter((r) => r[0]?.startsWith('A'));
    expect(units.map((r) => `${r[0] ?? ''} ${r[1] ?? ''}`)).toEqual(['A3 Lỗi', 'A7 Lỗi']);
    expect(units[0]?.[2]).toContain('bị trùng với ô A7');
    expect(units[1]?.[2]).toContain('bị trùng với ô A3');

    click(host, 'Tính xếp hạng');
    expect(lastAlert(host)).toContain('«Tính xếp hạng» chưa chạy được');
    expect(lastAlert(host)).toContain('Trang "Đơn vị", ô A3');
    expect(lastAlert(host)).toContain('sửa các mã bị trùng');
    expect(host.spreadsheet.sheet(SHEET_NAMES.ranking)).toBeUndefined();
  });

  it('a duplicated criterion code: both rows reported', () => {
    const rows = SAMPLE_CRITERIA_ROWS.map((r) => [...r]);
    const codeColumn = 2; // Mã tiêu chí (C)
    const last = rows[rows.length - 1];
    const first = rows.find((r) => r[codeColumn] !== '');
    if (last === undefined || first === undefined) throw new Error('sample too short');
    last[codeColumn] = first[codeColumn] ?? '';
    const host = seeded({ criteriaRows: rows, selfScores: {} });
    const dup = reported(host, SHEET_NAMES.criteria).filter((r) => r[2]?.includes('bị trùng'));
    expect(dup).toHaveLength(2);
    expect(dup.every((r) => r[1] === 'Lỗi')).toBe(true);
  });

  it('two units with the role Cụm trưởng: both role cells reported', () => {
    const rows = SAMPLE_UNIT_ROWS.map((r) => [...r]);
    const second = rows[2];
    if (second === undefined) throw new Error('sample too short');
    second[3] = 'Cụm trưởng';
    const host = seeded({ unitRows: rows });
    const heads = reported(host, SHEET_NAMES.units).filter((r) => r[0]?.startsWith('D'));
    expect(heads.map((r) => r[0])).toEqual(['D2', 'D4']);
    expect(heads[0]?.[2]).toContain('chỉ một đơn vị là Cụm trưởng (Cụm trưởng cũng ở ô D4)');
    expect(heads[1]?.[2]).toContain('Cụm trưởng cũng ở ô D2');
  });

  it('register numbers used twice in a year: every row reported, none left printable', () => {
    const register = seed003Register().slice(0, 40);
    const numberColumn = 11; // Số sổ vàng (L)
    const a = register[2];
    const b = register[30];
    const c = register[10];
    if (a === undefined || b === undefined || c === undefined) throw new Error('seed too short');
    b[numberColumn] = a[numberColumn] ?? '';
    c[numberColumn] = a[numberColumn] ?? '';
    const host = seeded();
    click(host, 'Khởi tạo / cập nhật bảng tính');
    paste(host, SHEET_NAMES.awards, 2, 1, register);
    const rows = reported(host, SHEET_NAMES.awards).filter((r) => r[0]?.startsWith('L'));
    expect(rows.map((r) => `${r[0] ?? ''} ${r[1] ?? ''}`)).toEqual([
      'L4 Lỗi',
      'L12 Lỗi',
      'L32 Lỗi',
    ]);
    expect(rows[0]?.[2]).toContain('bị trùng với ô L12, L32');
    // The statistics count the register without those three rows.
    click(host, 'Thống kê khen thưởng');
    expect(JSON.stringify(host.report().toasts)).toMatch(/3 dòng/);
  });

  it('the same recipient with the same form and decision twice: a warning on both rows', () => {
    const register = seed003Register().slice(0, 20);
    const host = seeded();
    click(host, 'Khởi tạo / cập nhật bảng tính');
    paste(host, SHEET_NAMES.awards, 2, 1, register);
    const rows = reported(host, SHEET_NAMES.awards).filter((r) => r[2]?.includes('cùng hình thức'));
    // Seed rows 12 and 16: one collective, one Cờ thi đua, one decision, two register numbers.
    expect(rows.map((r) => `${r[0] ?? ''} ${r[1] ?? ''}`)).toEqual([
      'B12 Cảnh báo',
      'B16 Cảnh báo',
    ]);
    expect(rows[0]?.[2]).toContain('trùng với ô B16');
    expect(rows[1]?.[2]).toContain('trùng với ô B12');
  });
});
