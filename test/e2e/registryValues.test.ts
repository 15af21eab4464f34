/**
 * Issue 10, Build 4 — registry values checked where typed, through build/Code.js: a criterion
 * maximum of 0, a form or level outside the register's lists, a percentage in a score cell, a
 * percentage in a threshold, a cleared score under "Báo thiếu, không xếp hạng". Each is judged
 * in the same words by the onEdit note, "Kiểm tra dữ liệu" and "Tính xếp hạng".
 */
import { noTemplateMessage } from '../../src/core/certificates/plan';
import { knownFormsText } from '../../src/core/awards/forms';
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { headerValues } from '../../src/core/layout/columns';
import { MARK_FILL, MARK_PREFIX } from '../../src/core/edit/marks';
import { VALIDATION_REPORT_SHEET } from '../../src/core/edit/report';
import { RANKING_SHEET_ROWS } from '../../src/core/ranking/rankingSheet';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';
import {
  CAPTION as CERTIFICATES,
  cell as registerCell,
  drain,
  letter,
  liveFiles,
  registerRow,
  setSetting,
  settingRow,
} from './certificateRegister';

const SELF = `'${SHEET_NAMES.selfScores}'`;
const VERIFIED = `'${SHEET_NAMES.verifiedScores}'`;
const CRITERIA = `'${SHEET_NAMES.criteria}'`;
const SETTINGS = `'${SHEET_NAMES.settings}'`;
const AWARDS = `'${SHEET_NAMES.awards}'`;
const REPORT = `'${VALIDATION_REPORT_SHEET}'`;
const RANK = 'Tính xếp hạng';
const CHECK = 'Kiểm tra dữ liệu';

function seeded(): LocalHost {
  const host = newHost();
  seedSampleWorkbook(host);
  host.open();
  return host;
}

/** Types a value as a user would, with the simple onEdit trigger running. */
function typeIn(host: LocalHost, a1: string, value: unknown): void {
  const outcome = host.edit(host.owner, a1, [[value]]);
  expect(outcome.accepted).toBe(true);
  const run = outcome.runs.find((r) => r.execution.functionName === 'onEdit');
  expect(run?.error).toBeUndefined();
}

function click(host: LocalHost, caption: string): void {
  const result = host.clickMenu(caption);
  expect(result.error).toBeUndefined();
  expect(result.status).toBe('ok');
}

function note(host: LocalHost, a1: string): string | undefined {
  return host.spreadsheet.cellAt(a1)?.note;
}

/** Report rows below the header: [sheet, cell, severity, message, value]. */
function reportRows(host: LocalHost): string[][] {
  return host.spreadsheet
    .valuesAt(`${REPORT}!A2:E200`)
    .filter((row) => row.some((v) => v !== ''))
    .map((row) => row.map(String));
}

function statusLine(host: LocalHost): string {
  return String(
    host.spreadsheet.valueAt(`'${SHEET_NAMES.ranking}'!C${RANKING_SHEET_ROWS.findings}`),
  );
}

function lastToast(host: LocalHost): string {
  return host.spreadsheet.toasts.at(-1)?.msg ?? '';
}

describe('a criterion maximum of 0 is a finding on the criterion, not on its scores', () => {
  it('onEdit, "Kiểm tra dữ liệu" and the ranking name Tiêu chí!G3 in the same words; no score is "vượt điểm tối đa 0"', () => {
    const host = seeded();
    // Criterion 1 (max 20) is on row 3; Tự chấm column C holds its scores.
    typeIn(host, `${CRITERIA}!G3`, 0);
    const words =
      'Trang "Tiêu chí", ô G3: điểm tối đa của tiêu chí là 0; nhập điểm tối đa lớn hơn 0. Đến ' +
      'khi sửa, tiêu chí này không được tính: điểm đã chấm cho nó được giữ nguyên nhưng không ' +
      'cộng vào tổng.';
    expect(note(host, `${CRITERIA}!G3`)).toBe(`${MARK_PREFIX}${words}`);
    expect(host.spreadsheet.cellAt(`${CRITERIA}!G3`)?.bg).toBe(MARK_FILL);

    click(host, RANK);
    const status = statusLine(host);
    expect(status).toContain(`Vấn đề đầu tiên: ${words}`);
    expect(status).toContain('(1 lỗi, 0 cảnh báo)');
    // Ranked without the criterion: the scores typed for it are kept, not flagged.
    expect(lastToast(host)).toContain('Đã xếp hạng 6 đơn vị');
    expect(host.spreadsheet.valueAt(`${SELF}!C6`)).toBe(18);

    click(host, CHECK);
    const rows = reportRows(host);
    expect(rows).toEqual([[SHEET_NAMES.criteria, 'G3', 'Lỗi', words, '0']]);
    expect(JSON.stringify(rows)).not.toContain('vượt điểm tối đa');

    // Corrected: the mark goes, and the criterion counts again.
    typeIn(host, `${CRITERIA}!G3`, 20);
    expect(note(host, `${CRITERIA}!G3`)).toBeUndefined();
    click(host, CHECK);
    expect(reportRows(host)).toEqual([['', '', '', 'Không phát hiện lỗi.', '']]);
  });

  it('a blank maximum on a criterion row is marked at once, as the check and the ranking say', () => {
    const host = seeded();
    typeIn(host, `${CRITERIA}!G3`, '');
    const words = 'Trang "Tiêu chí", ô G3: chưa nhập điểm tối đa.';
    expect(note(host, `${CRITERIA}!G3`)).toBe(`${MARK_PREFIX}${words}`);
    click(host, RANK);
    expect(statusLine(host)).toContain(`Vấn đề đầu tiên: ${words}`);
    click(host, CHECK);
    // Its score columns are skipped with it, not reported as an unknown criterion.
    expect(reportRows(host)).toEqual([[SHEET_NAMES.criteria, 'G3', 'Lỗi', words, '']]);
  });
});

describe('a percentage typed into a score cell is a finding, never 0,9 points', () => {
  it('onEdit marks "90%" saying what to type; the ranking and the check report it and count no 0,9', () => {
    const host = seeded();
    typeIn(host, `${SELF}!C6`, '90%'); // Đống Đa, criterion 1 (max 20)
    const words =
      'Trang "Tự chấm", ô C6: "90%": ô điểm không nhận %, nhập số điểm, ví dụ 9,5 (nếu ô vẫn ' +
      'hiện dấu %, chọn Định dạng › Số › Tự động rồi nhập lại).';
    expect(note(host, `${SELF}!C6`)).toBe(`${MARK_PREFIX}${words}`);
    // What Sheets stored is left alone.
    expect(host.spreadsheet.valueAt(`${SELF}!C6`)).toBe(0.9);

    click(host, RANK);
    expect(statusLine(host)).toContain(`Vấn đề đầu tiên: ${words}`);
    // The unusable cell makes Đống Đa short of a score (Báo thiếu): it is not ranked on 0,9.
    expect(statusLine(host)).toContain('1 đơn vị thiếu điểm chưa được xếp hạng');

    click(host, CHECK);
    expect(reportRows(host)).toEqual([[SHEET_NAMES.selfScores, 'C6', 'Lỗi', words, '90%']]);

    // Sheets keeps the cell's percent format: 9,5 typed now shows as 950 %, and is refused so.
    typeIn(host, `${SELF}!C6`, '9,5');
    expect(note(host, `${SELF}!C6`)).toContain('"950%": ô điểm không nhận %');
    // Định dạng › Số › Tự động, as the message says, then 9,5 again.
    const cell = host.spreadsheet.sheet(SHEET_NAMES.selfScores)?.ensure(6, 3);
    if (cell === undefined) throw new Error('no cell');
    delete cell.fmt;
    typeIn(host, `${SELF}!C6`, '9,5');
    expect(note(host, `${SELF}!C6`)).toBeUndefined();
    expect(host.spreadsheet.valueAt(`${SELF}!C6`)).toBe(9.5);
  });

  it('"0,9" typed as a number is still 0,9 points', () => {
    const host = seeded();
    typeIn(host, `${SELF}!C6`, '0,9');
    expect(note(host, `${SELF}!C6`)).toBeUndefined();
    click(host, CHECK);
    expect(reportRows(host)).toEqual([['', '', '', 'Không phát hiện lỗi.', '']]);
  });
});

describe('a percentage typed into a threshold is read as the guide says', () => {
  const EXCELLENT = 'Ngưỡng xếp loại Xuất sắc (%)';
  const thresholds: [string, string][] = [
    [EXCELLENT, '96%'],
    ['Tỷ lệ Bằng khen (%)', '60%'],
    ['Ngưỡng bình xét (%)', '60%'],
    ['Tỷ lệ thành viên tham gia bỏ phiếu tối thiểu (%)', '60%'],
  ];
  it.each(thresholds)('"%s" takes "%s" with no note and no finding', (label, typed) => {
    const host = seeded();
    const a1 = `${SETTINGS}!B${String(settingRow(host, label))}`;
    typeIn(host, a1, typed);
    expect(note(host, a1)).toBeUndefined();
    click(host, CHECK);
    expect(reportRows(host)).toEqual([['', '', '', 'Không phát hiện lỗi.', '']]);
  });

  it('"86%" as the Xuất sắc threshold classifies as "86" does: 86 % of the total maximum', () => {
    const summaries = ['86%', '86', '95'].map((typed) => {
      const host = seeded();
      typeIn(host, `${SETTINGS}!B${String(settingRow(host, EXCELLENT))}`, typed);
      click(host, RANK);
      return lastToast(host);
    });
    expect(summaries[0]).toContain('Đã xếp hạng 6 đơn vị');
    expect(summaries[0]).toBe(summaries[1]);
    expect(summaries[0]).not.toBe(summaries[2]);
  });

  it('a fraction "0,95" is still refused, asking for 95', () => {
    const host = seeded();
    const a1 = `${SETTINGS}!B${String(settingRow(host, EXCELLENT))}`;
    typeIn(host, a1, '0,95');
    expect(note(host, a1)).toContain('cần số phần trăm từ 0 đến 100, ví dụ 95 cho 95%');
  });
});

describe('a cleared score under "Báo thiếu, không xếp hạng" is marked as the ranking lists it', () => {
  const words = 'Trang "Tự chấm", ô C6: chưa có điểm của đơn vị "Đống Đa" cho tiêu chí "1".';

  it("onEdit marks the cleared cell in the ranking's words; a score typed back clears the mark", () => {
    const host = seeded();
    typeIn(host, `${SELF}!C6`, '');
    expect(note(host, `${SELF}!C6`)).toBe(`${MARK_PREFIX}${words}`);
    expect(host.spreadsheet.cellAt(`${SELF}!C6`)?.bg).toBe(MARK_FILL);
    click(host, RANK);
    expect(statusLine(host)).toContain(words);
    click(host, CHECK);
    expect(reportRows(host)).toEqual([[SHEET_NAMES.selfScores, 'C6', 'Cảnh báo', words, '']]);

    typeIn(host, `${SELF}!C6`, 18);
    expect(note(host, `${SELF}!C6`)).toBeUndefined();
  });

  it('no mark under "Tính 0 điểm", nor where Thẩm định holds the score the ranking takes', () => {
    const zero = seeded();
    setSetting(zero, 'Khi thiếu điểm', 'Tính 0 điểm');
    typeIn(zero, `${SELF}!C6`, '');
    expect(note(zero, `${SELF}!C6`)).toBeUndefined();

    const verified = seeded();
    paste(verified, SHEET_NAMES.verifiedScores, 6, 3, [[17]]);
    expect(verified.spreadsheet.valueAt(`${VERIFIED}!A6`)).toBe(
      verified.spreadsheet.valueAt(`${SELF}!A6`),
    );
    typeIn(verified, `${SELF}!C6`, '');
    expect(note(verified, `${SELF}!C6`)).toBeUndefined();
    click(verified, CHECK);
    expect(reportRows(verified)).toEqual([['', '', '', 'Không phát hiện lỗi.', '']]);
  });
});

describe('Khen thưởng: a form or level outside its list', () => {
  function register(rows: Partial<Record<string, unknown>>[]): LocalHost {
    const host = newHost({ runtime: { startTime: new Date('2023-01-20T08:00:00+07:00') } });
    seedSampleWorkbook(host);
    paste(host, SHEET_NAMES.awards, 1, 1, [headerValues(AWARDS_LAYOUT)]);
    paste(
      host,
      SHEET_NAMES.awards,
      2,
      1,
      rows.map((r, i) => registerRow(i + 1, r)),
    );
    host.open();
    return host;
  }

  it('is marked where typed and listed by the check in the same words', () => {
    const host = register([{}, {}]);
    const form = `${AWARDS}!${letter('form')}2`;
    const level = `${AWARDS}!${letter('level')}3`;
    typeIn(host, form, 'Giấy khen đặc biệt');
    typeIn(host, level, 'Trung ương');
    const formNote = note(host, form) ?? '';
    const levelNote = note(host, level) ?? '';
    expect(formNote).toBe(
      `${MARK_PREFIX}Trang "Khen thưởng", ô ${letter('form')}2: hình thức "Giấy khen đặc biệt" ` +
        `không có trong danh sách (${knownFormsText()}). Nếu gõ nhầm, hãy chọn lại trong danh sách; ` +
        'nếu đúng là hình thức khác, dòng vẫn được thống kê nhưng chương trình không in giấy cho ' +
        'hình thức này.',
    );
    expect(levelNote).toBe(
      `${MARK_PREFIX}Trang "Khen thưởng", ô ${letter('level')}3: giá trị "Trung ương" không ` +
        'hợp lệ; cần Nhà nước, Bộ, ngành, tỉnh / thành phố, Cơ sở.',
    );

    click(host, CHECK);
    const rows = reportRows(host);
    expect(rows.map((r) => [r[1], r[2], `${MARK_PREFIX}${r[3] ?? ''}`])).toEqual([
      [`${letter('form')}2`, 'Cảnh báo', formNote],
      [`${letter('level')}3`, 'Lỗi', levelNote],
    ]);
  });

  it('a form with no template is skipped with its reason on its row, never printed as Giấy khen', () => {
    const host = register([
      { form: 'Giấy khen' },
      { form: 'Giấy khen đặc biệt' },
      {
        form: 'Bằng khen của Chủ tịch UBND Thành phố',
        level: 'Bộ, ngành, tỉnh / thành phố',
        issuingBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
        place: 'Hà Nội',
      },
    ]);
    click(host, CERTIFICATES);
    drain(host);
    expect([2, 3, 4].map((r) => registerCell(host, r, 'status'))).toEqual([
      'Đã tạo',
      'Bỏ qua',
      'Đã tạo',
    ]);
    expect(registerCell(host, 3, 'error')).toBe(noTemplateMessage('Giấy khen đặc biệt'));
    expect(registerCell(host, 3, 'error')).toMatch(
      /^Chưa có mẫu cho hình thức "Giấy khen đặc biệt" \(có mẫu: Bằng khen, Giấy khen, Cờ thi đua/,
    );
    const names = liveFiles(host).map((f) => f.name);
    expect(names.some((n) => n.includes('Nguyễn Văn Người 2'))).toBe(false);
    expect(names.some((n) => n.startsWith('Giấy khen - ') && n.includes('Người 1'))).toBe(true);
    expect(names.some((n) => n.startsWith('Bằng khen của') && n.includes('Người 3'))).toBe(true);
  });
});
