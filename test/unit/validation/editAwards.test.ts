/** checkEditedCells on Khen thưởng: the register's rules, judged by readAwards itself. */
import { checkEditedCells, type EditContext } from '../../../src/core/validation/edit';
import { validateWorkbook } from '../../../src/core/validation/workbook';
import { headerValues } from '../../../src/core/layout/columns';
import { AWARDS_LAYOUT } from '../../../src/core/layout/tables';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';

const SHEET = SHEET_NAMES.awards;
const HEADER = headerValues(AWARDS_LAYOUT);
const base: EditContext = { units: [], tree: { groups: [], criteria: [] }, headerRow: HEADER };
const summary = (v: { cell: string; ok: boolean; finding?: { code: string } }[]): string[] =>
  v.map((x) => (x.ok ? `${x.cell} ok` : `${x.cell} ${x.finding?.code ?? '?'}`));

/** A valid individual row, A..N (14 user columns). */
function goodRow(): unknown[] {
  return [
    'Cá nhân',
    'Nguyễn Thị Lan',
    'Giáo viên',
    'Trường THCS Nhân Chính',
    'Giấy khen',
    'Cơ sở',
    'Đã hoàn thành xuất sắc nhiệm vụ năm 2022.',
    '163/QĐ-UBND',
    '19/01/2023',
    'CHỦ TỊCH',
    'Trần Văn Minh',
    '2022/0001',
    2022,
    'lan.nguyen@example.vn',
  ];
}

describe('checkEditedCells on Khen thưởng', () => {
  it('accepts valid rows, tolerating case and missing diacritics in the label lists', () => {
    const second = goodRow();
    second[0] = 'tap the';
    second[5] = 'BỘ, NGÀNH, TỈNH / THÀNH PHỐ';
    second[8] = new Date(2023, 0, 19);
    second[12] = '';
    const verdicts = checkEditedCells(
      { sheet: SHEET, row: 2, column: 1, values: [goodRow(), second] },
      { ...base, defaultYear: 2022 },
    );
    expect(verdicts).toHaveLength(28);
    expect(verdicts.every((v) => v.ok)).toBe(true);
  });

  it('marks exactly the bad cells of a pasted block, with readAwards messages', () => {
    const rows = [goodRow(), goodRow(), goodRow()];
    rows[0]![0] = 'Hộ gia đình'; // A2: not Tập thể / Cá nhân
    rows[1]![8] = '31/02/2023'; // I3: no such date
    rows[2]![13] = 'lan@'; // N4: not an e-mail
    rows[2]![5] = 'cap co so'; // F4: an accepted spelling of Cơ sở
    const verdicts = checkEditedCells({ sheet: SHEET, row: 2, column: 1, values: rows }, base);
    const bad = summary(verdicts).filter((s) => !s.endsWith(' ok'));
    expect(bad).toEqual(['A2 invalid-value', 'I3 invalid-date', 'N4 invalid-email']);
    const a2 = verdicts.find((v) => v.cell === 'A2')?.finding;
    expect(a2?.message).toBe(
      'Trang "Khen thưởng", ô A2: giá trị "Hộ gia đình" không hợp lệ; cần Tập thể, Cá nhân.',
    );
  });

  it('requires the name only in a row holding something, from the full row', () => {
    // B5 cleared while the rest of the row is there.
    const full = goodRow();
    full[1] = '';
    const cleared = checkEditedCells(
      { sheet: SHEET, row: 5, column: 2, values: [['']] },
      { ...base, rows: [full] },
    );
    expect(summary(cleared)).toEqual(['B5 required-missing']);
    expect(cleared[0]?.finding?.message).toContain('chưa nhập tên tập thể hoặc họ tên cá nhân');
    // The same cell cleared in an otherwise empty row: nothing to say.
    const empty = checkEditedCells(
      { sheet: SHEET, row: 5, column: 2, values: [['']] },
      { ...base, rows: [[]] },
    );
    expect(summary(empty)).toEqual(['B5 ok']);
  });

  it('checks the year, and needs one only when neither the row nor Cấu hình gives it', () => {
    const noDate = goodRow();
    noDate[8] = '';
    noDate[12] = '';
    const block = { sheet: SHEET, row: 7, column: 13, values: [['']] };
    expect(summary(checkEditedCells(block, { ...base, rows: [noDate] }))).toEqual([
      'M7 required-missing',
    ]);
    expect(
      summary(checkEditedCells(block, { ...base, rows: [noDate], defaultYear: 2022 })),
    ).toEqual(['M7 ok']);
    const withDate = goodRow();
    withDate[12] = '';
    expect(summary(checkEditedCells(block, { ...base, rows: [withDate] }))).toEqual(['M7 ok']);
    expect(
      summary(
        checkEditedCells(
          { sheet: SHEET, row: 7, column: 13, values: [['2022,5']] },
          { ...base, rows: [goodRow()] },
        ),
      ),
    ).toEqual(['M7 invalid-value']);
  });

  it('leaves duplicate register rows to "Kiểm tra dữ liệu"', () => {
    const verdicts = checkEditedCells(
      { sheet: SHEET, row: 2, column: 1, values: [goodRow(), goodRow()] },
      base,
    );
    expect(verdicts.every((v) => v.ok)).toBe(true);
    const findings = validateWorkbook({ [SHEET]: [HEADER, goodRow(), goodRow()] });
    expect(findings.some((f) => f.sheet === SHEET && f.code === 'duplicate-code')).toBe(true);
  });

  it('marks a value typed into a column the program writes, keeping it, and not a cleared one', () => {
    const verdicts = checkEditedCells(
      { sheet: SHEET, row: 3, column: 15, values: [['Đã tạo', '', 'x', 'KT-1']] },
      { ...base, rows: [[...goodRow(), 'Đã tạo', '', 'x', 'KT-1']] },
    );
    expect(summary(verdicts)).toEqual([
      'O3 invalid-value',
      'P3 ok',
      'Q3 invalid-value',
      'R3 invalid-value',
    ]);
    const o3 = verdicts[0]?.finding;
    expect(o3?.severity).toBe('warning');
    expect(o3?.message).toMatch(
      /^Trang "Khen thưởng", ô O3: cột "Trạng thái" do chương trình ghi .*Giá trị "Đã tạo" vẫn được giữ nguyên/,
    );
    expect(verdicts[3]?.finding?.message).toContain('cột "Mã hồ sơ"');
  });

  it('finds columns by the current header, and never lands a missing column on another', () => {
    // Register with Cấp khen deleted: F is now Thành tích.
    const header = HEADER.filter((h) => h !== 'Cấp khen');
    const row = goodRow().filter((_, i) => i !== 5);
    const verdicts = checkEditedCells(
      { sheet: SHEET, row: 2, column: 1, values: [row] },
      { ...base, headerRow: header },
    );
    // The missing level is a finding of the header (Kiểm tra dữ liệu), not of cell A2.
    expect(verdicts.every((v) => v.ok)).toBe(true);
    // Swapped columns are found by header text.
    const swapped = [HEADER[1], HEADER[0], ...HEADER.slice(2)];
    const bad = checkEditedCells(
      { sheet: SHEET, row: 2, column: 1, values: [['Nguyễn Thị Lan', 'Cá nhân']] },
      { ...base, headerRow: swapped, rows: [['Nguyễn Thị Lan', 'Cá nhân', ...goodRow().slice(2)]] },
    );
    expect(summary(bad)).toEqual(['A2 ok', 'B2 ok']);
  });

  it('does not check the header row or columns outside the register', () => {
    const verdicts = checkEditedCells(
      { sheet: SHEET, row: 1, column: 1, values: [['Đối tượng']] },
      base,
    );
    expect(summary(verdicts)).toEqual(['A1 ok']);
    expect(
      summary(checkEditedCells({ sheet: SHEET, row: 4, column: 20, values: [['ghi chú']] }, base)),
    ).toEqual(['T4 ok']);
  });
});
