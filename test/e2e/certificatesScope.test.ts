/**
 * Issue 10, point 6 (Jobs), end to end through build/Code.js: which rows "Tạo giấy khen / bằng
 * khen" takes after a selection, what it says about it, and a final message that counts made,
 * failed and skipped rows exactly as the rows show them.
 *
 * Selection (getActiveRange: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getactiverange
 * — "the selected range in the active sheet, or null if there is no active range"; a click
 * leaves one cell selected) chooses rows only when it spans more than one cell.
 */
// Placeholder PDFs: LibreOffice conversions would take seconds each (local/host/docs/pdf.ts).
process.env.THIDUA_SOFFICE = '';
import type { LocalHost } from '../../local/host';
import {
  COLS,
  CAPTION,
  SHEET,
  cell,
  drain,
  messages,
  progressLine,
  setup,
  statuses,
} from './certificateRegister';

const BAD_EMAIL = { email: 'không-phải-thư' };

function select(host: LocalHost, row: number, numRows: number, numCols = COLS.length): void {
  const sheet = host.spreadsheet.sheet(SHEET);
  if (sheet === undefined) throw new Error('no register');
  host.spreadsheet.activeSheet = sheet;
  host.spreadsheet.activeRange = { sheet, row, col: 1, numRows, numCols };
}

/** The rows' own count by what their status cell shows. */
function shown(host: LocalHost, count: number): { made: number; failed: number; skipped: number } {
  const all = statuses(host, count);
  return {
    made: all.filter((s) => s.startsWith('Đã tạo')).length,
    failed: all.filter((s) => s === 'Lỗi').length,
    skipped: all.filter((s) => s === 'Bỏ qua').length,
  };
}

function lastAlert(host: LocalHost): string {
  return JSON.stringify(host.report().alerts.at(-1) ?? '');
}

describe(`${CAPTION}: selection`, () => {
  it('after "Kiểm tra dữ liệu" selected a bad register cell, every pending row is made (one cell is a cursor, not a choice)', () => {
    const host = setup(10, { mode: 'Từng người', rows: (i) => (i === 4 ? BAD_EMAIL : {}) });
    host.clickMenu('Kiểm tra dữ liệu');
    // The check selected the bad e-mail's cell, on the register's row 5 (register row 4).
    expect(host.spreadsheet.activeSheet?.name).toBe(SHEET);
    expect(host.spreadsheet.activeRange?.row).toBe(5);
    expect(host.spreadsheet.activeRange?.numRows).toBe(1);
    host.clickMenu(CAPTION);
    drain(host);
    const all = statuses(host, 10);
    expect(all[3]).toBe('Lỗi');
    expect(all.filter((s) => s === 'Đã tạo')).toHaveLength(9);
    expect(lastAlert(host)).not.toMatch(/Chỉ làm các dòng đang chọn/);
    expect(progressLine(host)).toMatch(/đã hoàn thành: 9 đã xong, 1 lỗi, 0 bỏ qua\./);
  });

  it('rows chosen (several cells) are the only ones made, and the alert says so and how to make all', () => {
    const host = setup(10, { mode: 'Từng người' });
    select(host, 3, 3);
    host.clickMenu(CAPTION);
    drain(host);
    const all = statuses(host, 10);
    expect(all.slice(1, 4)).toEqual(['Đã tạo', 'Đã tạo', 'Đã tạo']);
    expect(all.filter((s) => s === '')).toHaveLength(7);
    const alert = JSON.stringify(host.report().alerts);
    expect(alert).toContain(
      'Chỉ làm các dòng đang chọn (dòng 3–5 ở trang \\"Khen thưởng\\"): 3 dòng. Còn 7 dòng chưa tạo ngoài vùng chọn.',
    );
    expect(alert).toContain('Muốn làm tất cả các dòng chưa tạo, bấm chọn một ô bất kỳ (chỉ một ô)');
    expect(progressLine(host)).toMatch(/đã hoàn thành: 3 đã xong, 0 lỗi, 0 bỏ qua\./);
  });

  it('a chosen range with no row that can be made does not hide the pending rows: all are made, and told why', () => {
    const host = setup(6, { mode: 'Từng người', rows: (i) => (i === 2 ? BAD_EMAIL : {}) });
    select(host, 3, 1);
    host.clickMenu(CAPTION);
    drain(host);
    const all = statuses(host, 6);
    expect(all).toEqual(['Đã tạo', 'Lỗi', 'Đã tạo', 'Đã tạo', 'Đã tạo', 'Đã tạo']);
    expect(JSON.stringify(host.report().alerts)).toContain(
      'Vùng đang chọn (dòng 3 ở trang \\"Khen thưởng\\") không có dòng nào tạo được, nên chương trình làm tất cả 6 dòng chưa tạo của trang.',
    );
  });
});

describe(`${CAPTION}: the final message counts rows as they show`, () => {
  it('rows refused at the start (bad data, a form without a template) and a row failed while made are all counted', () => {
    const host = setup(40, {
      mode: 'Từng người',
      rows: (i) =>
        i === 10 ? BAD_EMAIL : i % 7 === 0 ? { form: 'Huân chương Lao động hạng Ba' } : {},
    });
    // A permanent error on one Drive copy: that row is "Lỗi" with Google's message.
    host.rt.injectFault({ method: 'File.makeCopy', nth: 5, message: 'Access denied: DriveApp.' });
    host.clickMenu(CAPTION);
    drain(host);
    const counts = shown(host, 40);
    expect(counts).toEqual({ made: 33, failed: 2, skipped: 5 });
    const line = `${String(counts.made)} đã xong, ${String(counts.failed)} lỗi, ${String(counts.skipped)} bỏ qua`;
    expect(progressLine(host)).toContain(`đã hoàn thành: ${line}.`);
    expect(messages(host)).toContain(`đã hoàn thành: ${line}.`);
    expect(cell(host, 11, 'error')).toMatch(/địa chỉ email hợp lệ/);
  });
});
