/**
 * Sheets refuses a cell of more than 50,000 characters (https://support.google.com/drive/answer/37603;
 * the host refuses such a write or a typed value), so a user can type at most 50,000 and nothing
 * the product writes from it may exceed the limit: the longest value a user can put into a score
 * cell is quoted shortened by the edit check, "Kiểm tra dữ liệu", "Tính xếp hạng" and Nhật ký.
 * The scan of every cell afterwards also catches a write the host would let through.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { VALIDATION_REPORT_SHEET } from '../../src/core/edit/report';
import { newHost, seedSampleWorkbook } from './workbookFixture';

const LIMIT = 50_000;
const HUGE = 'A'.repeat(LIMIT);
const CELL = `'${SHEET_NAMES.selfScores}'!C3`;

/** Every cell value and note over the limit, except the one the user typed. */
function oversized(host: LocalHost): string[] {
  const out: string[] = [];
  for (const sheet of host.spreadsheet.sheets) {
    sheet.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell === undefined) return;
        const where = `${sheet.name}!R${String(r + 1)}C${String(c + 1)}`;
        if (sheet.name === SHEET_NAMES.selfScores && r === 2 && c === 2) return;
        if (String(cell.v).length > LIMIT) out.push(`${where} value`);
        if ((cell.note ?? '').length > LIMIT) out.push(`${where} note`);
      });
    });
  }
  for (const t of host.spreadsheet.toasts) if (t.msg.length > LIMIT) out.push('toast');
  for (const d of host.ui.shown) if (d.prompt.length > LIMIT) out.push('alert');
  return out;
}

describe('nothing written exceeds 50,000 characters a cell', () => {
  it('the longest score a user can type (50,000 characters): the edit check, the log, "Kiểm tra dữ liệu" and "Tính xếp hạng" complete, quoting it shortened', () => {
    const host = newHost();
    seedSampleWorkbook(host);
    host.open();
    expect(host.clickMenu('Bật ghi nhật ký thay đổi').status).toBe('ok');
    const typed = host.edit(host.owner, CELL, [[HUGE]]);
    expect(typed.accepted).toBe(true);
    for (const run of typed.runs) expect(run.error).toBeUndefined();
    expect(host.spreadsheet.cellAt(CELL)?.note).toContain('… (50.000 ký tự)');

    for (const caption of ['Kiểm tra dữ liệu', 'Tính xếp hạng']) {
      const result = host.clickMenu(caption);
      expect(result.error).toBeUndefined();
      expect(result.status).toBe('ok');
    }
    const report = host.spreadsheet
      .valuesAt(`'${VALIDATION_REPORT_SHEET}'!A1:E40`)
      .find((row) => row[1] === 'C3');
    expect(String(report?.[4])).toBe(`${'A'.repeat(100)}… (50.000 ký tự)`);
    expect(String(report?.[3])).toContain('… (50.000 ký tự)');
    const logged = host.spreadsheet.valuesAt(`'${SHEET_NAMES.audit}'!F2:F2`)[0]?.[0];
    expect(String(logged)).toMatch(/^A{1000}… \(50\.000 ký tự\)$/);
    // The value the user typed is still there, untouched.
    expect(String(host.spreadsheet.valueAt(CELL))).toHaveLength(LIMIT);
    expect(oversized(host)).toEqual([]);
  });
});
