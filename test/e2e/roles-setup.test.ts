/**
 * The roles table (src/core/roles.ts) applied by "Khởi tạo / cập nhật bảng tính", end to end through
 * build/Code.js in the host, with accounts of different domains (consumer gmail.com and government
 * domains), as clusters have them.
 *
 * Google's rules followed (https://developers.google.com/apps-script/reference/spreadsheet/protection):
 * the owner and the user running the script stay on every protection; only those who may edit a
 * protection change it. Session.getActiveUser in a menu run is the clicker
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { quoteSheetName } from '../../src/core/a1';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_SETTINGS } from '../../sample/cluster1';
import { entryCriteria } from '../../src/core/layout/matrix';
import { readCriteria } from '../../src/core/readers/criteria';
import { headerValues } from '../../src/core/layout/columns';
import { CRITERIA_LAYOUT } from '../../src/core/layout/tables';
import { newHost, seedSampleWorkbook } from './workbookFixture';

const SETUP = 'Khởi tạo / cập nhật bảng tính';
const HEAD = 'truong@gmail.com';
const DEPUTY = 'pho@hanoi.gov.vn';
const M1 = 'thanhvien1@gmail.com';
const M2 = 'thanhvien2@xa.gov.vn';
const OTHER = 'khac@yahoo.com';
const OWNER = 'chu@thanhpho.gov.vn';

const UNIT_ROWS = [
  ['H', 'Đơn vị trưởng', 'Xã', 'Cụm trưởng', '', '', HEAD, ''],
  ['D', 'Đơn vị phó', 'Xã', 'Cụm phó', '', '', DEPUTY, ''],
  ['A', 'Đơn vị A', 'Xã', 'Thành viên', '', '', M1, ''],
  ['B', 'Đơn vị B', 'Phường', 'Thành viên', '', '', M2, ''],
];
// Rows of the matrices (row 3 on) and of the Chấm chéo blocks (3 other units × every criterion).
const ROW = { H: 3, D: 4, A: 5, B: 6 } as const;
const CRITERIA = entryCriteria(
  readCriteria([headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS]).value,
).map((c) => c.code);
const BLOCK = 3 * CRITERIA.length;
const blockRow = (i: number): number => 2 + i * BLOCK;

const at = (sheet: string, a1: string): string => `${quoteSheetName(sheet)}!${a1}`;
const self = (a1: string): string => at(SHEET_NAMES.selfScores, a1);
const verified = (a1: string): string => at(SHEET_NAMES.verifiedScores, a1);
const cross = (a1: string): string => at(SHEET_NAMES.crossScores, a1);

function seeded(): LocalHost {
  const h = newHost({
    spreadsheet: {
      owner: OWNER,
      editors: [HEAD, DEPUTY, M1, M2, OTHER],
      locale: 'en_US',
      timeZone: 'America/New_York',
    },
    scriptTimeZone: 'Asia/Ho_Chi_Minh',
  });
  seedSampleWorkbook(h, {
    unitRows: UNIT_ROWS,
    settings: { ...SAMPLE_SETTINGS, useCrossScores: true },
    selfScores: {},
  });
  h.open();
  return h;
}

function lastAlert(h: LocalHost): string {
  const alerts = h.report().alerts;
  return alerts[alerts.length - 1]?.prompt ?? '';
}

function state(h: LocalHost): string {
  const m = h.spreadsheet;
  return JSON.stringify({
    sheets: m.sheets.map((s) => [s.name, s.rows.length, s.frozenRows]),
    protections: m.protections.length,
    locale: m.locale,
    zone: m.timeZone,
  });
}

describe('set-up is for the owner and the head only', () => {
  it.each([
    ['a member', M1],
    ['a deputy', DEPUTY],
    ['another editor', OTHER],
  ])('%s is refused with who may, and nothing is written', (_, user) => {
    const h = seeded();
    const before = state(h);
    const run = h.clickMenu(SETUP, user);
    expect(run.status).toBe('ok');
    expect(state(h)).toBe(before);
    expect(h.spreadsheet.sheet(SHEET_NAMES.guide)).toBeUndefined();
    const alert = lastAlert(h);
    expect(alert).toContain(`Tài khoản ${user}`);
    expect(alert).toContain('Chỉ Chủ sở hữu bảng tính, Cụm trưởng được dùng');
    expect(alert).toContain(HEAD);
    // Refused before the lock: no lock was taken, no sheet call beyond the three reads.
    expect(run.calls).toBeLessThan(20);
  });
});

describe('after the owner’s set-up', () => {
  const h = seeded();
  const run = h.clickMenu(SETUP, OWNER);

  it('runs, and sets the file to vi_VN and Asia/Ho_Chi_Minh, saying so', () => {
    expect(run.status).toBe('ok');
    expect(h.spreadsheet.locale).toBe('vi_VN');
    expect(h.spreadsheet.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(lastAlert(h)).toContain('múi giờ: America/New_York → Asia/Ho_Chi_Minh');
  });

  it('someone shared after set-up only reads the protected sheets', () => {
    h.spreadsheet.editors.add('moi@gmail.com');
    expect(h.edit('moi@gmail.com', at(SHEET_NAMES.units, 'A2'), [['X']]).accepted).toBe(false);
    expect(h.edit('moi@gmail.com', self(`C${ROW.A}`), [[5]]).accepted).toBe(false);
  });

  it('a member types its own Tự chấm row, not another unit’s', () => {
    expect(h.edit(M1, self(`C${ROW.A}`), [[5]]).accepted).toBe(true);
    expect(h.edit(M1, self(`C${ROW.B}`), [[5]]).accepted).toBe(false);
    expect(h.edit(M2, self(`D${ROW.B}`), [[5]]).accepted).toBe(true);
    expect(h.edit(OTHER, self(`C${ROW.A}`), [[5]]).accepted).toBe(false);
  });

  it('a member cannot type Thẩm định, its own row or another’s', () => {
    for (const row of Object.values(ROW)) {
      expect(h.edit(M1, verified(`C${row}`), [[5]]).accepted).toBe(false);
    }
  });

  // HUONG_DAN.md, "Quy tắc tính điểm và xếp hạng", the sentence this test is named after.
  it('Ai được nhập Thẩm định: Cụm trưởng, và Cụm phó khi Cấu hình "Cụm phó được thẩm định" là Có; không ai thẩm định đơn vị của chính mình', () => {
    expect(h.edit(HEAD, verified(`C${ROW.D}`), [[6]]).accepted).toBe(true);
    expect(h.edit(DEPUTY, verified(`C${ROW.B}`), [[6]]).accepted).toBe(true);
    expect(h.edit(HEAD, verified(`D${ROW.H}`), [[6]]).accepted).toBe(false);
    expect(h.edit(DEPUTY, verified(`D${ROW.D}`), [[6]]).accepted).toBe(false);
    expect(h.edit(M1, verified(`C${ROW.B}`), [[6]]).accepted).toBe(false);
  });

  it('the deputy verifies other units, never its own; the head likewise', () => {
    expect(h.edit(DEPUTY, verified(`C${ROW.A}`), [[6]]).accepted).toBe(true);
    expect(h.edit(DEPUTY, verified(`C${ROW.H}`), [[6]]).accepted).toBe(true);
    expect(h.edit(DEPUTY, verified(`C${ROW.D}`), [[6]]).accepted).toBe(false);
    expect(h.edit(HEAD, verified(`C${ROW.B}`), [[6]]).accepted).toBe(true);
    expect(h.edit(HEAD, verified(`C${ROW.H}`), [[6]]).accepted).toBe(false);
    // Headers and unit columns are the owner's and the head's.
    expect(h.edit(DEPUTY, verified('A5'), [['X']]).accepted).toBe(false);
  });

  it('Chấm chéo: blocks prefilled with codes, each scorer types only its own block’s scores', () => {
    const m = h.spreadsheet;
    // Block 3 is A's: A scores H, D, B on every criterion.
    expect(m.valuesAt(cross(`A${blockRow(2)}:C${blockRow(2)}`))[0]).toEqual([
      'A',
      'H',
      CRITERIA[0],
    ]);
    expect(m.valueAt(cross(`A${blockRow(3) - 1}`))).toBe('A');
    expect(h.edit(M1, cross(`D${blockRow(2)}`), [[4]]).accepted).toBe(true);
    expect(h.edit(M1, cross(`D${blockRow(3)}`), [[4]]).accepted).toBe(false);
    expect(h.edit(M2, cross(`D${blockRow(3)}`), [[4]]).accepted).toBe(true);
    // The codes are the program's.
    expect(h.edit(M1, cross(`A${blockRow(2)}`), [['B']]).accepted).toBe(false);
    expect(h.edit(OTHER, cross(`D${blockRow(0)}`), [[4]]).accepted).toBe(false);
  });

  it('a second run keeps typed cross scores and changes nothing', () => {
    const again = h.clickMenu(SETUP, OWNER);
    expect(again.status).toBe('ok');
    expect(h.spreadsheet.valueAt(cross(`D${blockRow(2)}`))).toBe(4);
    expect(lastAlert(h)).toContain('thêm 0, thay 0');
  });
});

describe('Cụm phó được thẩm định = Không', () => {
  it('takes the deputy off Thẩm định after set-up', () => {
    const h = seeded();
    const settings = h.spreadsheet.sheet(SHEET_NAMES.settings);
    expect(settings).toBeDefined();
    expect(h.clickMenu(SETUP, OWNER).status).toBe('ok');
    const grid = h.spreadsheet.valuesAt(at(SHEET_NAMES.settings, 'A1:B60'));
    const row = grid.findIndex((r) => r[0] === 'Cụm phó được thẩm định');
    expect(row).toBeGreaterThan(0);
    expect(grid[row]?.[1]).toBe('Có');
    expect(h.edit(OWNER, at(SHEET_NAMES.settings, `B${row + 1}`), [['Không']]).accepted).toBe(true);
    expect(h.clickMenu(SETUP, OWNER).status).toBe('ok');
    expect(h.edit(DEPUTY, verified(`C${ROW.A}`), [[6]]).accepted).toBe(false);
    expect(h.edit(HEAD, verified(`C${ROW.A}`), [[6]]).accepted).toBe(true);
  });
});

describe('set-up by the head', () => {
  it('runs, and says the head stays on its own Thẩm định row until the owner runs it', () => {
    const h = seeded();
    const run = h.clickMenu(SETUP, HEAD);
    expect(run.status).toBe('ok');
    expect(h.spreadsheet.sheet(SHEET_NAMES.guide)).toBeDefined();
    const alert = lastAlert(h);
    expect(alert).toContain(`Bạn (${HEAD}) không phải chủ sở hữu`);
    expect(alert).toContain(`"${SHEET_NAMES.verifiedScores}" – dòng của H`);
    expect(alert).toContain(`Hãy nhờ chủ sở hữu bảng tính (${OWNER}) chạy lại`);
    // The owner's run then takes the head off its own row.
    expect(h.clickMenu(SETUP, OWNER).status).toBe('ok');
    expect(h.edit(HEAD, verified(`C${ROW.H}`), [[6]]).accepted).toBe(false);
    expect(h.edit(HEAD, verified(`C${ROW.A}`), [[6]]).accepted).toBe(true);
  });

  it('after the owner’s set-up, a routine run by the head changes nothing and keeps every protection', () => {
    const h = seeded();
    expect(h.clickMenu(SETUP, OWNER).status).toBe('ok');
    const before = state(h);
    expect(h.clickMenu(SETUP, HEAD).status).toBe('ok');
    expect(lastAlert(h)).toContain('không có gì phải thay đổi');
    expect(state(h)).toBe(before);
    expect(h.edit(HEAD, verified(`C${ROW.H}`), [[6]]).accepted).toBe(false);
  });

  it('a change that needs the head’s own Thẩm định row is refused before anything is written', () => {
    const h = seeded();
    expect(h.clickMenu(SETUP, OWNER).status).toBe('ok');
    // A unit added rebuilds the matrices, whose block holds the head's own Thẩm định row.
    expect(
      h.edit(OWNER, at(SHEET_NAMES.units, 'A6:H6'), [
        ['E', 'Đơn vị E', 'Xã', 'Thành viên', '', '', 'e@gmail.com', ''],
      ]).accepted,
    ).toBe(true);
    const before = state(h);
    const selfBefore = JSON.stringify(h.spreadsheet.valuesAt(self('A1:C8')));
    expect(h.clickMenu(SETUP, HEAD).status).toBe('ok');
    expect(lastAlert(h)).toContain('Chưa khởi tạo được');
    expect(lastAlert(h)).toContain(`Hãy nhờ chủ sở hữu bảng tính (${OWNER})`);
    expect(state(h)).toBe(before);
    expect(JSON.stringify(h.spreadsheet.valuesAt(self('A1:C8')))).toBe(selfBefore);
    // The owner's run does it.
    expect(h.clickMenu(SETUP, OWNER).status).toBe('ok');
    expect(h.spreadsheet.valueAt(self('A7'))).toBe('E');
  });
});
