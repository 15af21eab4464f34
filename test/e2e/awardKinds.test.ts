/**
 * Emulation titles and forms of commendation (issue 11), end to end through build/Code.js in the
 * local host: set-up's dropdowns read the one catalogue (Đơn vị's "Danh hiệu đăng ký" offers a
 * collective's titles only), a title given to the wrong kind of recipient is marked as it is
 * typed and listed by "Kiểm tra dữ liệu" naming its cell, left out of the statistics and of the
 * certificates, and the statistics count titles apart from forms.
 */
import type { LocalHost } from '../../local/host';
import { cellA1, quoteSheetName } from '../../src/core/a1';
import { MARK_FILL, MARK_PREFIX } from '../../src/core/edit/marks';
import { VALIDATION_REPORT_SHEET } from '../../src/core/edit/report';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT, UNITS_LAYOUT } from '../../src/core/layout/tables';
import { SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { seed003Register } from '../../sample/seed003Register';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';

// Certificates' PDFs in the host are placeholders here: the test is about which rows are made.
process.env.THIDUA_SOFFICE = '';

const K = quoteSheetName(SHEET_NAMES.awards);
const U = quoteSheetName(SHEET_NAMES.units);
const T = quoteSheetName(SHEET_NAMES.awardStatistics);
const SEED = seed003Register();
const col = (key: string): number => AWARDS_LAYOUT.columns.findIndex((c) => c.key === key) + 1;
const unitCol = (key: string): number => UNITS_LAYOUT.columns.findIndex((c) => c.key === key) + 1;
const EDITOR = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Cụm trưởng')?.[6] ?? '';

function setUpHost(rows = 0): LocalHost {
  const host = newHost({ spreadsheet: { editors: [EDITOR] } });
  seedSampleWorkbook(host);
  host.open();
  const setup = host.clickMenu('Khởi tạo / cập nhật bảng tính');
  expect(setup.error).toBeUndefined();
  if (rows > 0) paste(host, SHEET_NAMES.awards, 2, 1, SEED.slice(0, rows));
  return host;
}

function ok(run: { status: string; error?: string }): void {
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
}

/** Seed rows by recipient type and form (0-based indexes into SEED). */
function seedRow(type: string, form: string): number {
  const i = SEED.findIndex((r) => r[0] === type && r[col('form') - 1] === form);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
}

describe('the catalogue in set-up (e2e)', () => {
  it("offers a unit collective emulation titles only, and the register's rows every title and form", () => {
    const host = setUpHost();
    const registered = host.spreadsheet.cellAt(`${U}!${cellA1(2, unitCol('registeredTitle'))}`)?.dv;
    expect(registered?.criteria).toBe('VALUE_IN_LIST');
    const offered = registered?.args[0] as string[];
    expect(offered).toEqual(
      expect.arrayContaining([
        'Cờ thi đua',
        'Tập thể lao động xuất sắc',
        'Tập thể lao động tiên tiến',
      ]),
    );
    for (const notForUnits of [
      'Bằng khen',
      'Giấy khen',
      'Lao động tiên tiến',
      'Chiến sĩ thi đua cơ sở',
    ])
      expect(offered).not.toContain(notForUnits);
    const form = host.spreadsheet.cellAt(`${K}!${cellA1(2, col('form'))}`)?.dv;
    expect(form?.args[0]).toEqual(
      expect.arrayContaining(['Bằng khen', 'Giấy khen', 'Cờ thi đua', 'Chiến sĩ thi đua cơ sở']),
    );
  });

  it('marks a form of commendation typed as a unit’s registered title, and keeps it', () => {
    const host = setUpHost();
    const cell = cellA1(3, unitCol('registeredTitle'));
    const outcome = host.edit(host.owner, `${U}!${cell}`, [['Bằng khen']]);
    expect(outcome.accepted).toBe(true);
    for (const run of outcome.runs) ok(run);
    expect(host.spreadsheet.valueAt(`${U}!${cell}`)).toBe('Bằng khen');
    expect(host.spreadsheet.cellAt(`${U}!${cell}`)?.note).toContain(
      `Trang "Đơn vị", ô ${cell}: giá trị "Bằng khen" không hợp lệ`,
    );
    expect(host.spreadsheet.cellAt(`${U}!${cell}`)?.note).toContain(
      'là hình thức khen thưởng, không phải danh hiệu thi đua',
    );
  });
});

describe('a title of the other recipient type (e2e)', () => {
  it('is marked where it is typed, in Vietnamese naming the cell, and cleared once corrected', () => {
    const host = setUpHost(10);
    // A collective's row given an individual's title.
    const row = 12;
    paste(host, SHEET_NAMES.awards, row, 1, [SEED[seedRow('Tập thể', 'Giấy khen')]!]);
    const formCell = cellA1(row, col('form'));
    const outcome = host.edit(EDITOR, `${K}!${formCell}`, [['Chiến sĩ thi đua cơ sở']]);
    expect(outcome.accepted).toBe(true);
    for (const run of outcome.runs) ok(run);
    const marked = host.spreadsheet.cellAt(`${K}!${formCell}`);
    expect(marked?.bg).toBe(MARK_FILL);
    expect(marked?.note).toBe(
      `${MARK_PREFIX}Trang "Khen thưởng", ô ${formCell}: giá trị "Chiến sĩ thi đua cơ sở" không ` +
        'hợp lệ; cần danh hiệu thi đua hoặc hình thức khen thưởng tặng cho tập thể ("Chiến sĩ ' +
        `thi đua cơ sở" là danh hiệu thi đua của cá nhân; sửa ô này hoặc ô A${String(row)}).`,
    );
    expect(host.spreadsheet.valueAt(`${K}!${formCell}`)).toBe('Chiến sĩ thi đua cơ sở');
    // Turning the row into an individual's makes it right: the type cell is fine, and once the
    // form is typed again its mark goes.
    for (const run of host.edit(EDITOR, `${K}!A${String(row)}`, [['Cá nhân']]).runs) ok(run);
    expect(host.spreadsheet.cellAt(`${K}!A${String(row)}`)?.note).toBeUndefined();
    for (const run of host.edit(EDITOR, `${K}!${formCell}`, [['Chiến sĩ thi đua cơ sở']]).runs)
      ok(run);
    expect(host.spreadsheet.cellAt(`${K}!${formCell}`)?.note).toBeUndefined();
    // The reverse: an individual's row turned into a collective's under an individual's title
    // is marked at the cell that was changed.
    const soldier = seedRow('Cá nhân', 'Chiến sĩ thi đua cơ sở');
    paste(host, SHEET_NAMES.awards, 30, 1, [SEED[soldier]!]);
    for (const run of host.edit(EDITOR, `${K}!A30`, [['Tập thể']]).runs) ok(run);
    expect(host.spreadsheet.cellAt(`${K}!A30`)?.note).toContain(
      `ô A30: giá trị "Tập thể" không hợp lệ`,
    );
    expect(host.spreadsheet.cellAt(`${K}!A30`)?.note).toContain(
      `sửa ô này hoặc ô ${cellA1(30, col('form'))}`,
    );
  });

  it('is listed by «Kiểm tra dữ liệu» at its cell, left out of the statistics and not printed', () => {
    const host = setUpHost(10);
    // A person given the flag: pasted below the register (no edit check: the host pastes).
    const person = [...SEED[seedRow('Cá nhân', 'Bằng khen')]!];
    person[col('form') - 1] = 'Cờ thi đua';
    paste(host, SHEET_NAMES.awards, 12, 1, [person]);
    const formCell = cellA1(12, col('form'));

    const check = host.clickMenu('Kiểm tra dữ liệu');
    ok(check);
    const report = host.spreadsheet
      .valuesAt(`${quoteSheetName(VALIDATION_REPORT_SHEET)}!A1:E200`)
      .filter((r) => r[0] === SHEET_NAMES.awards && r[1] === formCell);
    expect(report).toHaveLength(1);
    expect(report[0]?.[2]).toBe('Lỗi');
    expect(String(report[0]?.[3])).toContain(
      '"Cờ thi đua" là danh hiệu thi đua của tập thể; sửa ô này hoặc ô A12',
    );

    ok(host.clickMenu('Thống kê khen thưởng'));
    expect(String(host.spreadsheet.valueAt(`${T}!B2`))).toContain('1 dòng có lỗi chưa được tính');
    expect(host.spreadsheet.valueAt(`${T}!E7`)).toBe(10);

    ok(host.clickMenu('Tạo giấy khen / bằng khen'));
    expect(host.spreadsheet.valueAt(`${K}!${cellA1(12, col('status'))}`)).toBe('Lỗi');
    expect(String(host.spreadsheet.valueAt(`${K}!${cellA1(12, col('error'))}`))).toContain(
      '"Cờ thi đua" là danh hiệu thi đua của tập thể',
    );
  });
});
