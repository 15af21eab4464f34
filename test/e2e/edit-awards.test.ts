/**
 * Khen thưởng checked as it is typed (simple onEdit) and by "Kiểm tra dữ liệu", end to end
 * through build/Code.js in the local host: bad cells of a pasted block marked and cleared once
 * corrected, a value typed into a program column marked and kept, the same service calls on a
 * 10-row and a 2,505-row register, and the register's findings in the report.
 */
import { SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import type { LocalHost } from '../../local/host';
import { cellA1, quoteSheetName } from '../../src/core/a1';
import { CHECKED_SHEETS } from '../../src/core/edit/editCheck';
import { MARK_FILL, MARK_PREFIX } from '../../src/core/edit/marks';
import { VALIDATION_REPORT_SHEET } from '../../src/core/edit/report';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { seed003Register } from '../../sample/seed003Register';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';

const K = quoteSheetName(SHEET_NAMES.awards);
const WIDTH = AWARDS_LAYOUT.columns.length;
const SEED = seed003Register();
/** The register is typed by the owner or the head (the roles table): here, the head. */
const EDITOR = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Cụm trưởng')?.[6] ?? '';

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

/** The sample cluster (Cấu hình's year 2022) set up through the menu; n seed rows pasted. */
function registerHost(n: number): LocalHost {
  const host = newHost({ spreadsheet: { editors: [EDITOR] } });
  seedSampleWorkbook(host);
  host.open();
  const setup = host.clickMenu('Khởi tạo / cập nhật bảng tính');
  expect(setup.error).toBeUndefined();
  if (n > 0) paste(host, SHEET_NAMES.awards, 2, 1, SEED.slice(0, n));
  return host;
}

/** Cells of the register (A..R) in rows from..to holding a note or a fill. */
function markedCells(host: LocalHost, from: number, to: number): string[] {
  const sheet = host.spreadsheet.sheet(SHEET_NAMES.awards);
  const out: string[] = [];
  for (let r = from; r <= to; r++) {
    for (let c = 1; c <= WIDTH; c++) {
      const cell = sheet?.cell(r, c);
      if (cell?.note !== undefined || cell?.bg !== undefined) out.push(cellA1(r, c));
    }
  }
  return out;
}

/** Five register rows as a user pastes them (columns A:N), with three bad cells. */
function badBlock(): (string | number)[][] {
  const rows = SEED.slice(100, 105).map((r) => r.slice(0, 14));
  rows[0]![5] = 'Cấp trung ương'; // F2: not a level
  rows[2]![8] = '31/13/2022'; // I4: not a date
  rows[4]![13] = 'lan.nguyen@'; // N6: not an e-mail
  rows[3]![0] = 'ca nhan'; // A5: accepted, case and diacritics aside
  return rows;
}

describe('onEdit on Khen thưởng (e2e)', () => {
  it('marks exactly the 3 bad cells of a pasted block, keeps what was typed, clears once corrected', () => {
    const host = registerHost(0);
    const run = onlyRun(host.edit(EDITOR, `${K}!A2:N6`, badBlock()));
    expect(callsOf(run, 'Range.setNotes')).toBe(1);
    expect(callsOf(run, 'Range.setBackgrounds')).toBe(1);
    expect(callsOf(run, 'Range.setValues') + callsOf(run, 'Range.setValue')).toBe(0);

    expect(markedCells(host, 2, 6)).toEqual(['F2', 'I4', 'N6']);
    const f2 = host.spreadsheet.cellAt(`${K}!F2`);
    expect(f2?.bg).toBe(MARK_FILL);
    expect(f2?.note).toBe(
      `${MARK_PREFIX}Trang "Khen thưởng", ô F2: giá trị "Cấp trung ương" không hợp lệ; ` +
        'cần Nhà nước, Bộ, ngành, tỉnh / thành phố, Cơ sở.',
    );
    expect(host.spreadsheet.cellAt(`${K}!I4`)?.note).toContain('không phải là ngày hợp lệ');
    expect(host.spreadsheet.cellAt(`${K}!N6`)?.note).toContain('không phải là địa chỉ email');
    // Nothing typed was changed.
    expect(host.spreadsheet.valueAt(`${K}!F2`)).toBe('Cấp trung ương');
    expect(host.spreadsheet.valueAt(`${K}!N6`)).toBe('lan.nguyen@');
    expect(host.spreadsheet.valueAt(`${K}!A5`)).toBe('ca nhan');
    expect(host.spreadsheet.toasts.at(-1)?.msg).toContain('(và 2 ô khác cần xem lại)');

    onlyRun(host.edit(EDITOR, `${K}!F2`, [['Nhà nước']]));
    onlyRun(host.edit(EDITOR, `${K}!I4`, [['31/12/2022']]));
    onlyRun(host.edit(EDITOR, `${K}!N6`, [['lan.nguyen@thanhxuan.example.vn']]));
    expect(markedCells(host, 2, 6)).toEqual([]);
  });

  it('marks a cleared name in a row holding something, and clears it when the name is back', () => {
    const host = registerHost(10);
    const name = host.spreadsheet.valueAt(`${K}!B5`);
    onlyRun(host.edit(EDITOR, `${K}!B5`, [['']]));
    expect(host.spreadsheet.cellAt(`${K}!B5`)?.note).toContain(
      'chưa nhập tên tập thể hoặc họ tên cá nhân',
    );
    onlyRun(host.edit(EDITOR, `${K}!B5`, [[name]]));
    expect(markedCells(host, 5, 5)).toEqual([]);
  });

  it('marks a value typed into a column the program writes, and keeps it', () => {
    const host = registerHost(10);
    // The register is protected: a member (or any other editor) is refused by Sheets itself.
    const member = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Thành viên')?.[6] ?? '';
    host.spreadsheet.editors.add(member);
    expect(host.edit(member, `${K}!O3`, [['Đã tạo']]).accepted).toBe(false);
    // The owner (or the head) gets through, and is told the column belongs to the program.
    onlyRun(host.edit(host.owner, `${K}!O3`, [['Đã tạo']]));
    const o3 = host.spreadsheet.cellAt(`${K}!O3`);
    expect(host.spreadsheet.valueAt(`${K}!O3`)).toBe('Đã tạo');
    expect(o3?.bg).toBe(MARK_FILL);
    expect(o3?.note).toMatch(
      /^⚠ Thi đua: Trang "Khen thưởng", ô O3: cột "Trạng thái" do chương trình ghi/,
    );
    expect(o3?.note).toContain('Giá trị "Đã tạo" vẫn được giữ nguyên');
    // Clearing it removes the mark.
    onlyRun(host.edit(host.owner, `${K}!O3`, [['']]));
    expect(markedCells(host, 3, 3)).toEqual([]);
  });

  it('makes the same service calls on a 10-row and a 2,505-row register', () => {
    const measure = (rows: number) => {
      const host = registerHost(rows);
      const single = onlyRun(host.edit(EDITOR, `${K}!F5`, [['Cấp trung ương']]));
      const block = onlyRun(host.edit(EDITOR, `${K}!A6:N8`, badBlock().slice(0, 3)));
      expect(markedCells(host, 5, 8)).toEqual(['F5', 'F6', 'I8']);
      return { single, block };
    };
    const small = measure(10);
    const large = measure(SEED.length);
    expect(SEED.length).toBe(2505);
    expect(large.single.calls).toBe(small.single.calls);
    expect(large.block.calls).toBe(small.block.calls);
    expect(small.single.calls).toBeLessThanOrEqual(25);
    expect(small.block.calls).toBeLessThanOrEqual(25);
    // No whole-register read either: the virtual time (which grows with cells read) stays put.
    expect(large.single.virtualMs).toBeLessThan(small.single.virtualMs * 1.5);
  });
});

describe('Kiểm tra dữ liệu on Khen thưởng (e2e)', () => {
  it('lists bad register cells and duplicate rows with sheet and cell, reading the register once', () => {
    const host = registerHost(20);
    paste(host, SHEET_NAMES.awards, 4, 6, [['Cấp trung ương']]);
    // Row 22 is a pasted copy of row 10.
    paste(host, SHEET_NAMES.awards, 22, 1, [SEED[8]!]);
    const run = host.clickMenu('Kiểm tra dữ liệu');
    expect(run.error).toBeUndefined();
    expect(run.status).toBe('ok');
    const report = host.spreadsheet
      .valuesAt(`${quoteSheetName(VALIDATION_REPORT_SHEET)}!A1:E200`)
      .filter((row) => row[0] === SHEET_NAMES.awards);
    expect(report.map((r) => `${String(r[1])} ${String(r[2])}`)).toEqual([
      'F4 Lỗi',
      // Every row of a duplicate is reported (issue 10, Build 3): the kept first copy, and the
      // seed's collective listed twice in one decision (a warning on both rows).
      'R10 Cảnh báo',
      'B12 Cảnh báo',
      'B16 Cảnh báo',
      'R22 Lỗi',
    ]);
    expect(String(report[0]?.[3])).toBe(
      'Trang "Khen thưởng", ô F4: giá trị "Cấp trung ương" không hợp lệ; ' +
        'cần Nhà nước, Bộ, ngành, tỉnh / thành phố, Cơ sở.',
    );
    expect(String(report[1]?.[3])).toContain('bị trùng với ô R22');
    expect(String(report[4]?.[3])).toContain('bị trùng với ô R10');
    // Every sheet read once: one getDataRange per checked sheet and Vị trí in phôi, whatever the
    // register's size, and Đơn vị once more by the roles check before the lock.
    expect(run.execution.calls.get('Sheet.getDataRange')).toBe(CHECKED_SHEETS.length + 2);
  });
});
