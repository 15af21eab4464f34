/**
 * Issue 13, Builds 2 and 5 through build/Code.js: «Ghi lịch sử từ sổ khen thưởng» (twice = once),
 * «Nhập lịch sử từ tệp khác» with one uncertain match reviewed and confirmed, «Tạo năm mới» in a
 * copy and in the same file (old workbook intact, roles rotated, history carried), and refusals.
 */
import type { LocalHost } from '../../local/host';
import { SpreadsheetModel } from '../../local/host/spreadsheet';
import { quoteSheetName } from '../../src/core/a1';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { HISTORY_LAYOUT } from '../../src/core/layout/historyTables';
import { REVIEW_SAME } from '../../src/core/layout/historyReviewTables';
import { headerValues } from '../../src/core/layout/columns';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';
import { registerRow } from './certificateRegister';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { REGISTRATION_LAYOUT } from '../../src/core/layout/registrationTables';
import { SETTING_ROWS } from '../../src/core/layout/settings';

const HEAD = 'badinh.mttq@gmail.com';
const MEMBER = 'longbien.mttq@gmail.com';
const STRANGER = 'nguoila@gmail.com';
const H = SHEET_NAMES.history;

function workbook(): LocalHost {
  const host = newHost({ spreadsheet: { editors: [HEAD, MEMBER] } });
  seedSampleWorkbook(host);
  host.open();
  expect(host.clickMenu('Khởi tạo / cập nhật bảng tính').status).toBe('ok');
  paste(host, SHEET_NAMES.awards, 1, 1, [
    headerValues(AWARDS_LAYOUT),
    registerRow(1),
    registerRow(2, { form: 'Lao động tiên tiến' }),
    registerRow(3, { decisionNumber: '' }),
  ]);
  return host;
}

function rows(model: SpreadsheetModel, sheet: string): unknown[][] {
  const s = model.sheet(sheet);
  if (!s) return [];
  const { lastRow, lastCol } = s.contentExtent();
  if (lastRow === 0) return [];
  return model.valuesAt(
    `${quoteSheetName(sheet)}!A1:${String.fromCharCode(64 + lastCol)}${String(lastRow)}`,
  );
}

const settingLabel = (key: string): string => SETTING_ROWS.find((r) => r.key === key)?.label ?? key;
const lastAlert = (host: LocalHost): string => host.ui.shown.at(-1)?.prompt ?? '';
const col = (key: string): number => HISTORY_LAYOUT.columns.findIndex((c) => c.key === key);

describe('Ghi lịch sử từ sổ khen thưởng', () => {
  it('records each decided register row once, however often it runs', () => {
    const host = workbook();
    const first = host.clickMenu('Ghi lịch sử từ sổ khen thưởng');
    expect(first.status).toBe('ok');
    console.log(`recordHistory: ${String(first.calls)} calls, ${String(first.virtualMs)} ms`);
    const once = rows(host.spreadsheet, H);
    expect(once).toHaveLength(3);
    expect(once[1]?.[col('source')]).toBe('Sổ khen thưởng 2022');
    expect(String(once[1]?.[col('registerKey')])).toMatch(/^KT2022-/);
    expect(lastAlert(host)).toContain('chưa có số và ngày quyết định');
    host.clickMenu('Ghi lịch sử từ sổ khen thưởng');
    expect(rows(host.spreadsheet, H)).toEqual(once);
    expect(lastAlert(host)).toContain('2 dòng của sổ đã có trong lịch sử');
  });

  it('is refused to a member unit', () => {
    const host = workbook();
    host.clickMenu('Ghi lịch sử từ sổ khen thưởng', MEMBER);
    expect(lastAlert(host)).toContain('không được dùng «Ghi lịch sử từ sổ khen thưởng»');
    expect(rows(host.spreadsheet, H)).toHaveLength(1);
  });
});

function lastYearFile(host: LocalHost, shareWith: string[] = []): SpreadsheetModel {
  const model = new SpreadsheetModel({ owner: host.owner, name: 'Thi đua 2021', locale: 'vi_VN' });
  model.sheets[0]!.name = H;
  const grid = [
    headerValues(HISTORY_LAYOUT),
    // Equal to "Nguyễn Văn Người 1" only without diacritics: uncertain.
    [
      2021,
      'Cá nhân',
      'Nguyen Van Nguoi 1',
      'Trường THCS Nhân Chính',
      'Chiến sĩ thi đua cơ sở',
      'Cơ sở',
      '12/QĐ-UBND',
      '',
      '',
      '',
      '',
    ],
    // Same person as this year's register: certain.
    [
      2021,
      'Cá nhân',
      'Nguyễn Văn Người 2',
      'Trường THCS Nhân Chính',
      'Lao động tiên tiến',
      'Cơ sở',
      '12/QĐ-UBND',
      '',
      '',
      '',
      '',
    ],
    // Nobody like her: a new subject.
    [
      2021,
      'Cá nhân',
      'Trần Thị Bình',
      'Trường THCS Nhân Chính',
      'Hoàn thành xuất sắc nhiệm vụ',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
  ];
  grid.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== '') model.sheets[0]!.ensure(i + 1, j + 1).v = v;
    });
  });
  model.sheets[0]!.touch();
  const item = host.addSpreadsheet(model);
  for (const e of shareWith) item.viewers.push(e);
  return model;
}

describe('Nhập lịch sử từ tệp khác', () => {
  it('adds certain rows, sends the uncertain one to review, and adds it once confirmed', () => {
    const host = workbook();
    host.clickMenu('Ghi lịch sử từ sổ khen thưởng');
    const other = lastYearFile(host);
    host.ui.answer({ button: 'OK', text: other.url });
    const run = host.clickMenu('Nhập lịch sử từ tệp khác');
    console.log(`importHistory: ${String(run.calls)} calls, ${String(run.virtualMs)} ms`);
    expect(lastAlert(host)).toContain('Đã thêm 2 dòng');
    expect(rows(host.spreadsheet, H)).toHaveLength(3 + 2);
    const review = rows(host.spreadsheet, SHEET_NAMES.historyReview);
    expect(review).toHaveLength(2);
    expect(review[1]).toContain('Nguyen Van Nguoi 1');
    expect(review[1]).toContain('Nguyễn Văn Người 1');

    // Re-run before any answer: nothing added twice, no second review row.
    host.ui.answer({ button: 'OK', text: other.id });
    host.clickMenu('Nhập lịch sử từ tệp khác');
    expect(rows(host.spreadsheet, H)).toHaveLength(5);
    expect(rows(host.spreadsheet, SHEET_NAMES.historyReview)).toHaveLength(2);

    const decision = String.fromCharCode(65 + review[0]!.indexOf('Kết luận'));
    expect(
      host.edit(host.owner, `'${SHEET_NAMES.historyReview}'!${decision}2`, [[REVIEW_SAME]])
        .accepted,
    ).toBe(true);
    host.ui.answer({ button: 'OK', text: '' });
    host.clickMenu('Nhập lịch sử từ tệp khác');
    const after = rows(host.spreadsheet, H);
    expect(after).toHaveLength(6);
    const added = after[5]!;
    expect(added[col('name')]).toBe('Nguyễn Văn Người 1');
    expect(added[col('year')]).toBe(2021);
    expect(String(added[col('note')])).toContain('Nguyen Van Nguoi 1');
    // Once more with the file: the confirmed row is not added again.
    host.ui.answer({ button: 'OK', text: other.url });
    host.clickMenu('Nhập lịch sử từ tệp khác');
    expect(rows(host.spreadsheet, H)).toHaveLength(6);
  });

  it('refuses a file the account cannot open, and changes nothing', () => {
    const host = workbook();
    const other = lastYearFile(host);
    other.editors.clear();
    const before = rows(host.spreadsheet, H);
    host.ui.answer({ button: 'OK', text: other.url });
    host.clickMenu('Nhập lịch sử từ tệp khác', HEAD);
    expect(lastAlert(host)).toContain('Không mở được tệp');
    expect(lastAlert(host)).toContain(
      'You do not have permission to access the requested document.',
    );
    expect(rows(host.spreadsheet, H)).toEqual(before);
    expect(host.spreadsheet.sheet(SHEET_NAMES.historyReview)).toBeUndefined();
  });
});

describe('Tạo năm mới', () => {
  it('makes next year in a copy: old workbook intact, roles rotated, history carried', () => {
    const host = workbook();
    const scoresBefore = rows(host.spreadsheet, SHEET_NAMES.selfScores);
    const registerBefore = rows(host.spreadsheet, SHEET_NAMES.awards);
    host.ui.answer({ button: 'OK', text: '1' });
    host.ui.answer({ button: 'OK', text: 'HM; DD, HK' });
    const run = host.clickMenu('Tạo năm mới');
    console.log(`newYear (copy): ${String(run.calls)} calls, ${String(run.virtualMs)} ms`);
    expect(lastAlert(host)).toContain('Đã tạo năm 2023 trong tệp mới');
    expect(rows(host.spreadsheet, SHEET_NAMES.selfScores)).toEqual(scoresBefore);
    expect(rows(host.spreadsheet, SHEET_NAMES.awards)).toEqual(registerBefore);
    expect(rows(host.spreadsheet, H)).toHaveLength(1);

    const copyId = [...host.world.spreadsheets.models.keys()].find(
      (id) => id !== host.spreadsheet.id,
    )!;
    const copy = host.world.spreadsheets.get(copyId)!;
    expect(copy.name).toContain('2023');
    const units = rows(copy, SHEET_NAMES.units);
    const roleOf = (code: string): unknown => units.find((r) => r[0] === code)?.[3];
    expect([roleOf('HM'), roleOf('DD'), roleOf('HK'), roleOf('BD')]).toEqual([
      'Cụm trưởng',
      'Cụm phó',
      'Cụm phó',
      'Thành viên',
    ]);
    const settings = rows(copy, SHEET_NAMES.settings).find((r) => r[0] === 'Năm thi đua');
    expect(settings?.[1]).toBe(2023);
    const self = rows(copy, SHEET_NAMES.selfScores);
    expect(self.slice(2).every((r) => r.slice(2).every((v) => v === ''))).toBe(true);
    expect(self.slice(2).map((r) => r[0])).toEqual(scoresBefore.slice(2).map((r) => r[0]));
    expect(rows(copy, SHEET_NAMES.awards)).toHaveLength(1);
    expect(rows(copy, H)).toHaveLength(3);
    // The copy carries the bundle: its menu runs there.
    const next = host.hostFor(copyId);
    next.open();
    expect(next.clickMenu('Ghi lịch sử từ sổ khen thưởng').status).toBe('ok');
  });

  it('starts the copy with an empty registration and no links to last year’s documents', () => {
    const host = workbook();
    const reg = rows(host.spreadsheet, SHEET_NAMES.registration);
    const header = headerValues(REGISTRATION_LAYOUT);
    const headerRow = reg.findIndex((r) => r[0] === header[0]);
    const person = REGISTRATION_LAYOUT.columns.findIndex((c) => c.key === 'personName');
    const firstData = headerRow + 2; // 1-based row below the header
    const typedCell = `${quoteSheetName(SHEET_NAMES.registration)}!${String.fromCharCode(65 + person)}${String(firstData)}`;
    expect(host.edit(host.owner, typedCell, [['Phạm Thu Trang']]).accepted).toBe(true);
    const settingsBefore = rows(host.spreadsheet, SHEET_NAMES.settings);
    const linkRow = settingsBefore.findIndex((r) => r[0] === settingLabel('pledgeDocLink')) + 1;
    expect(linkRow).toBeGreaterThan(0);
    const oldLink = 'https://docs.google.com/document/d/giao-uoc-2022/edit';
    paste(host, SHEET_NAMES.settings, linkRow, 2, [[oldLink]]);

    host.ui.answer({ button: 'OK', text: '1' });
    host.ui.answer({ button: 'OK', text: '' });
    expect(host.clickMenu('Tạo năm mới').status).toBe('ok');
    expect(lastAlert(host)).toContain(settingLabel('pledgeDocLink'));
    const copyId = [...host.world.spreadsheets.models.keys()].find(
      (id) => id !== host.spreadsheet.id,
    )!;
    const copy = host.world.spreadsheets.get(copyId)!;
    const next = rows(copy, SHEET_NAMES.registration);
    // Every unit's block is still there, with nothing typed in it.
    expect(next.map((r) => r[0])).toEqual(reg.map((r) => r[0]));
    expect(next.slice(headerRow + 1).every((r) => r[person] === '')).toBe(true);
    const link = rows(copy, SHEET_NAMES.settings)[linkRow - 1];
    expect(link?.[1]).toBe('');
    // Last year's workbook keeps what was typed and its link.
    expect(rows(host.spreadsheet, SHEET_NAMES.registration)[firstData - 1]?.[person]).toBe(
      'Phạm Thu Trang',
    );
    expect(rows(host.spreadsheet, SHEET_NAMES.settings)[linkRow - 1]?.[1]).toBe(oldLink);
  });

  it('makes next year in the same file after an archived copy', () => {
    const host = workbook();
    const scoresBefore = rows(host.spreadsheet, SHEET_NAMES.selfScores);
    host.ui.answer({ button: 'OK', text: '2' });
    host.ui.answer({ button: 'OK', text: '' });
    const run = host.clickMenu('Tạo năm mới');
    console.log(`newYear (same file): ${String(run.calls)} calls, ${String(run.virtualMs)} ms`);
    expect(lastAlert(host)).toContain('ngay trong tệp này');
    const archiveId = [...host.world.spreadsheets.models.keys()].find(
      (id) => id !== host.spreadsheet.id,
    )!;
    const archive = host.world.spreadsheets.get(archiveId)!;
    expect(archive.name).toContain('lưu trữ năm 2022');
    expect(rows(archive, SHEET_NAMES.selfScores)).toEqual(scoresBefore);
    expect(rows(archive, SHEET_NAMES.awards)).toHaveLength(4);
    expect(rows(archive, H)).toHaveLength(3);
    expect(rows(host.spreadsheet, SHEET_NAMES.awards)).toHaveLength(1);
    expect(rows(host.spreadsheet, H)).toHaveLength(3);
    const self = rows(host.spreadsheet, SHEET_NAMES.selfScores);
    expect(self.slice(2).every((r) => r.slice(2).every((v) => v === ''))).toBe(true);
  });

  it('refuses the same file to the head who is not the owner, an unknown unit code, and a member', () => {
    const host = workbook();
    const snapshot = (): unknown => [
      rows(host.spreadsheet, SHEET_NAMES.selfScores),
      rows(host.spreadsheet, SHEET_NAMES.awards),
      rows(host.spreadsheet, H),
      host.world.spreadsheets.models.size,
    ];
    const before = snapshot();
    host.ui.answer({ button: 'OK', text: '2' });
    host.ui.answer({ button: 'OK', text: '' });
    host.clickMenu('Tạo năm mới', HEAD);
    expect(lastAlert(host)).toContain('chỉ chủ sở hữu bảng tính tạo năm mới ngay trong tệp này');
    host.ui.answer({ button: 'OK', text: '1' });
    host.ui.answer({ button: 'OK', text: 'XX; DD' });
    host.clickMenu('Tạo năm mới');
    expect(lastAlert(host)).toContain('Không có đơn vị mã «XX»');
    host.clickMenu('Tạo năm mới', MEMBER);
    expect(lastAlert(host)).toContain('không được dùng «Tạo năm mới»');
    host.clickMenu('Tạo năm mới', STRANGER);
    expect(snapshot()).toEqual(before);
  });
});
