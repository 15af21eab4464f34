/**
 * Validation while typing (simple onEdit) and the audit trail (installable onEditAudit), end to
 * end through build/Code.js in the local host.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { headerValues } from '../../src/core/layout/columns';
import { CROSS_SCORES_LAYOUT } from '../../src/core/layout/tables';
import { MARK_FILL, MARK_PREFIX } from '../../src/core/edit/marks';
import { AUDIT_ACTIONS } from '../../src/core/edit/audit';
import { RANKING_STALE_NOTICE, RANKING_STATUS_RANGE } from '../../src/gas/ranking/stale';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';

const SELF = `'${SHEET_NAMES.selfScores}'`;
const AUDIT = `'${SHEET_NAMES.audit}'`;
const UNIT_EDITOR = 'mttq@dongda.hanoi.gov.vn';

/** Unit rows as a user types them in Đơn vị: the first is the head. */
function unitRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return [
      `U${n}`,
      `Đơn vị ${n}`,
      'Xã',
      i === 0 ? 'Cụm trưởng' : 'Thành viên',
      `Người đứng đầu ${n}`,
      'Chủ tịch',
      `u${n}@cum.example.vn`,
      '',
    ];
  });
}

function seeded(options: { units?: number; editors?: string[] } = {}): LocalHost {
  const host = newHost({ spreadsheet: { editors: options.editors ?? [UNIT_EDITOR] } });
  if (options.units === undefined) seedSampleWorkbook(host);
  else seedSampleWorkbook(host, { unitRows: unitRows(options.units), selfScores: {} });
  return host;
}

function onlyRun(outcome: ReturnType<LocalHost['edit']>, fn = 'onEdit') {
  expect(outcome.accepted).toBe(true);
  const run = outcome.runs.find((r) => r.execution.functionName === fn);
  if (run === undefined) throw new Error(`${fn} did not run`);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
  return run;
}

function callsOf(run: { execution: { calls: Map<string, number> } }, method: string): number {
  return run.execution.calls.get(method) ?? 0;
}

describe('onEdit: checking typed cells', () => {
  it('marks a bad cell with a note and a fill, keeps the typed value, and clears the mark once corrected', () => {
    const host = seeded();
    // DD, criterion 1 (max 20): C6.
    const run = onlyRun(host.edit(UNIT_EDITOR, `${SELF}!C6`, [['25']]));
    const cell = host.spreadsheet.cellAt(`${SELF}!C6`);
    expect(host.spreadsheet.valueAt(`${SELF}!C6`)).toBe(25);
    expect(cell?.note).toBe(`${MARK_PREFIX}Trang "Tự chấm", ô C6: điểm 25 vượt điểm tối đa 20.`);
    expect(cell?.bg).toBe(MARK_FILL);
    expect(callsOf(run, 'Range.setValues') + callsOf(run, 'Range.setValue')).toBe(0);
    expect(host.spreadsheet.toasts.at(-1)?.msg).toContain('vượt điểm tối đa 20');

    onlyRun(host.edit(UNIT_EDITOR, `${SELF}!C6`, [['19,5']]));
    const fixed = host.spreadsheet.cellAt(`${SELF}!C6`);
    expect(host.spreadsheet.valueAt(`${SELF}!C6`)).toBe(19.5);
    expect(fixed?.note).toBeUndefined();
    expect(fixed?.bg).toBeUndefined();
  });

  it("keeps a user's own note through marking and clearing", () => {
    const host = seeded();
    const sheet = host.spreadsheet.sheet(SHEET_NAMES.selfScores);
    if (!sheet) throw new Error('no sheet');
    sheet.ensure(8, 9).note = 'Minh chứng: báo cáo số 12/BC';
    // LB, criterion 6 (max 10): I8.
    onlyRun(host.edit(UNIT_EDITOR, `${SELF}!I8`, [['tám']]));
    const marked = host.spreadsheet.cellAt(`${SELF}!I8`)?.note ?? '';
    expect(marked.startsWith(MARK_PREFIX)).toBe(true);
    expect(marked).toContain('"tám" không phải là số');
    expect(marked).toContain('Minh chứng: báo cáo số 12/BC');
    expect(host.spreadsheet.valueAt(`${SELF}!I8`)).toBe('tám');

    onlyRun(host.edit(UNIT_EDITOR, `${SELF}!I8`, [['8']]));
    expect(host.spreadsheet.cellAt(`${SELF}!I8`)?.note).toBe('Minh chứng: báo cáo số 12/BC');
    expect(host.spreadsheet.cellAt(`${SELF}!I8`)?.bg).toBeUndefined();
  });

  it('leaves a user note on a good cell untouched and writes nothing when nothing changes', () => {
    const host = seeded();
    const sheet = host.spreadsheet.sheet(SHEET_NAMES.selfScores);
    if (!sheet) throw new Error('no sheet');
    sheet.ensure(4, 3).note = 'Đã đối chiếu';
    const run = onlyRun(host.edit(UNIT_EDITOR, `${SELF}!C4`, [['18']]));
    expect(host.spreadsheet.cellAt(`${SELF}!C4`)?.note).toBe('Đã đối chiếu');
    expect(callsOf(run, 'Range.setNotes')).toBe(0);
    expect(callsOf(run, 'Range.setBackgrounds')).toBe(0);
  });

  it('marks exactly the 3 bad cells of a pasted 20 × 8 block, in one setNotes and one setBackgrounds', () => {
    const host = seeded({ units: 20 });
    // Columns C..J: 1 (max 20), 2 (pass/fail), 3 target, 3 actual, 4 (times), 5, 6, 7.
    const good = [15, 'Đạt', 100, 90, 3, 10, 8, 4];
    const block: unknown[][] = Array.from({ length: 20 }, () => [...good]);
    block[2]![0] = 25; // C5: above 20
    block[7]![1] = 'Tốt'; // D10: not Đạt / Không đạt
    block[17]![5] = 'mười'; // H20: not a number
    const run = onlyRun(host.edit(host.owner, `${SELF}!C3:J22`, block));
    expect(callsOf(run, 'Range.setNotes')).toBe(1);
    expect(callsOf(run, 'Range.setBackgrounds')).toBe(1);

    const notes = host.spreadsheet.sheet(SHEET_NAMES.selfScores);
    const marked: string[] = [];
    for (let r = 3; r <= 22; r++) {
      for (let c = 3; c <= 10; c++) {
        const cell = notes?.cell(r, c);
        if (cell?.note !== undefined || cell?.bg !== undefined) {
          expect(cell.bg).toBe(MARK_FILL);
          marked.push(`${String.fromCharCode(64 + c)}${r}`);
        }
      }
    }
    expect(marked).toEqual(['C5', 'D10', 'H20']);
    // What was pasted is all still there.
    expect(host.spreadsheet.valueAt(`${SELF}!D10`)).toBe('Tốt');
    expect(host.spreadsheet.valueAt(`${SELF}!H20`)).toBe('mười');
  });

  it('makes the same few service calls on a 10-row and a 5,000-row sheet', () => {
    const measure = (units: number) => {
      const host = seeded({ units });
      const single = onlyRun(host.edit(host.owner, `${SELF}!C5`, [['25']]));
      const block = onlyRun(
        host.edit(host.owner, `${SELF}!C6:D7`, [
          [10, 'x'],
          [30, 'Đạt'],
        ]),
      );
      return { single, block };
    };
    const small = measure(10);
    const large = measure(5000);
    expect(large.single.calls).toBe(small.single.calls);
    expect(large.block.calls).toBe(small.block.calls);
    expect(small.single.calls).toBeLessThanOrEqual(25);
    expect(small.block.calls).toBeLessThanOrEqual(25);
    // No whole-sheet read either: the virtual time (which grows with cells read) stays put.
    expect(large.single.virtualMs).toBeLessThan(small.single.virtualMs * 1.5);
  });

  it('checks references that need the rest of the row (Chấm chéo: unknown scorer, score above the criterion max)', () => {
    const host = seeded();
    paste(host, SHEET_NAMES.crossScores, 1, 1, [
      ['Đơn vị chấm', 'Đơn vị được chấm', 'Mã tiêu chí', 'Điểm'],
    ]);
    onlyRun(
      host.edit(host.owner, `'${SHEET_NAMES.crossScores}'!A2:D2`, [['XYZ', 'HM', '1', '21']]),
    );
    const sheet = host.spreadsheet;
    expect(sheet.cellAt(`'${SHEET_NAMES.crossScores}'!A2`)?.note).toContain(
      'không tìm thấy đơn vị "XYZ"',
    );
    expect(sheet.cellAt(`'${SHEET_NAMES.crossScores}'!B2`)?.note).toBeUndefined();
    expect(sheet.cellAt(`'${SHEET_NAMES.crossScores}'!D2`)?.note).toContain('vượt điểm tối đa 20');
  });

  it('ignores sheets that hold no input', () => {
    const host = seeded();
    paste(host, SHEET_NAMES.guide, 1, 1, [['HƯỚNG DẪN']]);
    const run = onlyRun(host.edit(host.owner, `'${SHEET_NAMES.guide}'!A2`, [['=1+1']]));
    expect(run.calls).toBeLessThanOrEqual(3);
  });

  it('flags the ranking as stale after an input changed', () => {
    const host = seeded();
    paste(host, SHEET_NAMES.ranking, 1, 1, [['Đã tính xếp hạng']]);
    const sheet = host.spreadsheet.sheet(SHEET_NAMES.ranking);
    if (!sheet) throw new Error('no sheet');
    host.spreadsheet.namedRanges.push({
      name: RANKING_STATUS_RANGE,
      range: { sheet, row: 1, col: 1, numRows: 1, numCols: 1 },
    });
    onlyRun(host.edit(host.owner, `${SELF}!C4`, [['18']]));
    expect(host.spreadsheet.valueAt(`'${SHEET_NAMES.ranking}'!A1`)).toBe(RANKING_STALE_NOTICE);
  });
});

describe('onEdit: the max-points row of a score matrix', () => {
  /** Tự chấm as the user left it after inserting a "Ghi chú" column before criterion 1 (C). */
  function withInsertedColumn(sheetName: string): LocalHost {
    const host = seeded();
    const sheet = host.spreadsheet.sheet(sheetName);
    if (sheet === undefined) throw new Error(`no ${sheetName}`);
    const { lastRow, lastCol } = sheet.contentExtent();
    const rows = Array.from({ length: lastRow }, (_, r) => {
      const line = Array.from({ length: lastCol }, (_, c) => sheet.cell(r + 1, c + 1)?.v ?? '');
      return [...line.slice(0, 2), r === 0 ? 'Ghi chú' : '', ...line.slice(2)];
    });
    paste(host, sheetName, 1, 1, rows);
    return host;
  }

  it.each([SHEET_NAMES.selfScores, SHEET_NAMES.verifiedScores])(
    '%s: finds the criterion of a moved column by its header, as the ranking does',
    (sheetName) => {
      const host = withInsertedColumn(sheetName);
      const ref = (a1: string): string => `'${sheetName}'!${a1}`;
      // D holds criterion 1 now (max 20; D was criterion 2, max 10, as set up).
      expect(host.spreadsheet.valueAt(ref('D1'))).toBe(1);
      onlyRun(host.edit(host.owner, ref('D2'), [['20']]));
      expect(host.spreadsheet.cellAt(ref('D2'))?.note).toBeUndefined();
      onlyRun(host.edit(host.owner, ref('D2'), [['10']]));
      expect(host.spreadsheet.cellAt(ref('D2'))?.note).toBe(
        `${MARK_PREFIX}Trang "${sheetName}", ô D2: giá trị "10" không hợp lệ; cần 20 (lấy từ trang "Tiêu chí").`,
      );
      // The target pair moved too: "3 - Chỉ tiêu" (max 20) is in F, "3 - Thực hiện" in G.
      onlyRun(host.edit(host.owner, ref('F2'), [['20']]));
      expect(host.spreadsheet.cellAt(ref('F2'))?.note).toBeUndefined();
      onlyRun(host.edit(host.owner, ref('G2'), [['20']]));
      expect(host.spreadsheet.cellAt(ref('G2'))?.note).toContain(
        'ô G2: giá trị "20" không hợp lệ; cần để trống ô này.',
      );
      // The user's own column is not a criterion: its max-points cell is theirs.
      onlyRun(host.edit(host.owner, ref('C2'), [['ghi chú của tôi']]));
      expect(host.spreadsheet.cellAt(ref('C2'))?.note).toBeUndefined();
    },
  );

  it("judges a header cell in the ranking's words: a header naming no criterion is not read", () => {
    const host = withInsertedColumn(SHEET_NAMES.selfScores);
    onlyRun(host.edit(host.owner, `${SELF}!C1`, [['Ghi chú thêm']]));
    expect(host.spreadsheet.cellAt(`${SELF}!C1`)?.note).toContain(
      'không tìm thấy tiêu chí "Ghi chú thêm" trong danh sách tiêu chí. Cột này không được đọc.',
    );
    // Typing criterion 1's code over its own header is no change of meaning: not marked.
    onlyRun(host.edit(host.owner, `${SELF}!D1`, [['1']]));
    expect(host.spreadsheet.cellAt(`${SELF}!D1`)?.note).toBeUndefined();
  });
});

describe('audit trail (Bật ghi nhật ký thay đổi)', () => {
  it('creates the installable edit trigger once and says so when it already exists', () => {
    const host = seeded();
    host.open();
    expect(host.clickMenu('Bật ghi nhật ký thay đổi').status).toBe('ok');
    expect(host.ui.shown.at(-1)?.prompt).toContain('Đã bật ghi nhật ký thay đổi');
    expect(host.clickMenu('Bật ghi nhật ký thay đổi').status).toBe('ok');
    expect(host.ui.shown.at(-1)?.prompt).toContain('đã được bạn bật từ trước');
    const triggers = host.triggers.triggers.filter((t) => t.handler === 'onEditAudit');
    expect(triggers).toHaveLength(1);
    expect(triggers[0]?.eventType).toBe('ON_EDIT');
  });

  // An installable trigger is told the editor only within its creator's Workspace domain
  // (https://developers.google.com/apps-script/reference/base/user#getEmail()): for consumer
  // accounts Nhật ký says who could have typed, never a guessed e-mail.
  it('appends exactly one Nhật ký row per edit: time, who (as far as Google tells), sheet, cell, old → new, action', () => {
    const host = seeded();
    host.open();
    host.clickMenu('Bật ghi nhật ký thay đổi');
    const outcome = host.edit(UNIT_EDITOR, `${SELF}!C6`, [['18,5']]);
    const audit = onlyRun(outcome, 'onEditAudit');
    expect(callsOf(audit, 'Sheet.appendRow')).toBe(1);
    const rows = host.spreadsheet.valuesAt(`${AUDIT}!A2:G3`);
    expect(JSON.stringify(rows)).not.toContain(UNIT_EDITOR);
    expect(rows[0]?.slice(1)).toEqual([
      'không xác định (Google không cho biết); dòng của đơn vị DD (Đống Đa) — chỉ DD, Cụm trưởng và chủ sở hữu sửa được',
      'Tự chấm',
      'C6',
      '18',
      '18,5',
      AUDIT_ACTIONS.changed,
    ]);
    expect(rows[0]?.[0]).toBeInstanceOf(Date);
    expect(rows[1]).toEqual(['', '', '', '', '', '', '']);
  });

  it('names the editor when Google does: owner and editor in one Workspace domain', () => {
    const domain = UNIT_EDITOR.slice(UNIT_EDITOR.indexOf('@') + 1);
    const owner = `vanphong@${domain}`;
    const host = newHost({
      spreadsheet: { owner, editors: [UNIT_EDITOR] },
      accounts: { workspaceDomains: [domain] },
    });
    seedSampleWorkbook(host);
    host.open(owner);
    host.clickMenu('Bật ghi nhật ký thay đổi', owner);
    onlyRun(host.edit(UNIT_EDITOR, `${SELF}!C6`, [['18,5']]), 'onEditAudit');
    expect(host.spreadsheet.valueAt(`${AUDIT}!B2`)).toBe(UNIT_EDITOR);
  });

  it('logs a pasted block as one row with its range and a compact description', () => {
    const host = seeded({ units: 20 });
    host.open();
    host.clickMenu('Bật ghi nhật ký thay đổi');
    const block = Array.from({ length: 20 }, () => [15, 'Đạt', 100, 90, 3, 10, 8, 4]);
    onlyRun(host.edit(host.owner, `${SELF}!C3:J22`, block), 'onEditAudit');
    const rows = host.spreadsheet.valuesAt(`${AUDIT}!A2:G3`);
    expect(rows[0]?.slice(2)).toEqual([
      'Tự chấm',
      'C3:J22',
      '',
      '20 × 8 ô: 15; Đạt; 100; …',
      AUDIT_ACTIONS.pasted,
    ]);
    expect(rows[1]?.[0]).toBe('');
  });

  it("never judges a Chấm chéo row by who typed: a good score in another scorer's row is not marked", () => {
    // The edit event's user is blank for members in a simple trigger (DESIGN §4); the per-scorer
    // protections keep each scorer to its block, so the check looks at values only.
    const host = seeded();
    const header = headerValues(CROSS_SCORES_LAYOUT);
    paste(host, SHEET_NAMES.crossScores, 1, 1, [header]);
    host.open();
    const row = (scorer: string) =>
      header.map((h) =>
        h === 'Đơn vị chấm' ? scorer : h === 'Đơn vị được chấm' ? 'HK' : h === 'Điểm' ? 18 : '',
      );
    const at = (r: number) =>
      `'${SHEET_NAMES.crossScores}'!A${String(r)}:${String.fromCharCode(64 + header.length)}${String(r)}`;
    const DD = 'mttq@dongda.hanoi.gov.vn';
    const run = onlyRun(host.edit(DD, at(3), [row('BD')]));
    expect(callsOf(run, 'User.getEmail')).toBe(0);
    expect(host.spreadsheet.cellAt(`'${SHEET_NAMES.crossScores}'!A3`)?.bg).not.toBe(MARK_FILL);
    expect(host.spreadsheet.cellAt(`'${SHEET_NAMES.crossScores}'!A3`)?.note ?? '').toBe('');
  });

  it('formats a thousand more Nhật ký rows when the formatted ones are used up', () => {
    const host = seeded();
    host.open();
    host.clickMenu('Bật ghi nhật ký thay đổi');
    const audit = host.spreadsheet.sheet(SHEET_NAMES.audit);
    if (!audit) throw new Error('no Nhật ký');
    audit.maxRows = 2; // the header and one formatted row left
    for (const value of ['05/01', '9,5']) {
      onlyRun(host.edit(host.owner, `'${SHEET_NAMES.units}'!H2`, [[value]]), 'onEditAudit');
    }
    expect(audit.maxRows).toBe(1002);
    // The second entry landed in a row formatted ahead: its value stays the text typed.
    expect(host.spreadsheet.cellAt(`${AUDIT}!F3`)?.fmt).toBe('@');
    expect(host.spreadsheet.valueAt(`${AUDIT}!F3`)).toBe('9,5');
    expect(host.spreadsheet.cellAt(`${AUDIT}!F1002`)?.fmt).toBe('@');
  });

  it('writes user text as a literal, never as a formula', () => {
    const host = seeded();
    host.open();
    host.clickMenu('Bật ghi nhật ký thay đổi');
    onlyRun(
      host.edit(host.owner, `'${SHEET_NAMES.units}'!H2`, [['\'=HYPERLINK("x")']]),
      'onEditAudit',
    );
    const cell = host.spreadsheet.cellAt(`${AUDIT}!F2`);
    expect(cell?.f).toBeUndefined();
    // Nhật ký's value columns are plain text: inert, and exactly what is in the cell (no prefix).
    expect(host.spreadsheet.valueAt(`${AUDIT}!F2`)).toBe('=HYPERLINK("x")');
    expect(host.spreadsheet.valueAt(`'${SHEET_NAMES.units}'!H2`)).toBe('=HYPERLINK("x")');
  });
});
