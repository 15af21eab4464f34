/**
 * "Kiểm tra dữ liệu" checks Vị trí in phôi (issue 10's remaining point 3): the problems the
 * certificate job refuses a print on phôi for are listed in the report, each at its sheet and
 * cell, in the job's own words; errors when Cấu hình prints on phôi, warnings otherwise.
 */
// Placeholder PDFs: LibreOffice conversions would take seconds each (local/host/docs/pdf.ts).
process.env.THIDUA_SOFFICE = '';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { PREPRINTED_LAYOUT, type PreprintedColumnKey } from '../../src/core/layout/tables';
import { VALIDATION_REPORT_SHEET } from '../../src/core/edit/report';
import type { LocalHost } from '../../local/host';
import { paste } from './workbookFixture';
import { CAPTION, messages, setSetting, setup } from './certificateRegister';

const SHEET = SHEET_NAMES.preprinted;
const CHECK = 'Kiểm tra dữ liệu';

const columnOf = (key: PreprintedColumnKey): number =>
  PREPRINTED_LAYOUT.columns.findIndex((c) => c.key === key) + 1;
const letter = (key: PreprintedColumnKey): string => String.fromCharCode(64 + columnOf(key));

/** The values each broken cell held as set up. */
const RESTORE = new Map<LocalHost, (readonly [string, unknown])[]>();

/** The register, set up, with three mistakes in Vị trí in phôi's default rows. */
function brokenLayout(print: 'In trên phôi' | ''): LocalHost {
  const host = setup(2);
  host.clickMenu('Khởi tạo / cập nhật bảng tính');
  if (print !== '') setSetting(host, 'In giấy khen, bằng khen', print);
  RESTORE.set(
    host,
    [
      [3, 'x'],
      [4, 'content'],
      [6, 'y'],
      [6, 'x'],
    ].map(([row, key]) => {
      const a1 = `'${SHEET}'!${letter(key as PreprintedColumnKey)}${String(row)}`;
      return [a1, host.spreadsheet.valueAt(a1)] as const;
    }),
  );
  paste(host, SHEET, 3, columnOf('x'), [['bốn mươi']]);
  paste(host, SHEET, 4, columnOf('content'), [['{{chuc_vu_cua_toi}}']]);
  // Row 6's field moved onto row 5's band, overlapping it.
  paste(host, SHEET, 6, columnOf('y'), [[88]]);
  paste(host, SHEET, 6, columnOf('x'), [[100]]);
  return host;
}

/** The report's rows about Vị trí in phôi: [cell, severity, message]. */
function reportedOnPhoi(host: LocalHost): string[][] {
  const report = host.spreadsheet.sheet(VALIDATION_REPORT_SHEET);
  const rows: string[][] = [];
  for (let r = 2; r <= (report?.contentExtent().lastRow ?? 0); r++) {
    const line = [1, 2, 3, 4].map((c) => String(report?.cell(r, c)?.v ?? ''));
    if (line[0] === SHEET) rows.push(line.slice(1));
  }
  return rows;
}

describe('Kiểm tra dữ liệu on Vị trí in phôi', () => {
  it('lists what the print on phôi would refuse, at each cell, in the same words', () => {
    const host = brokenLayout('In trên phôi');
    host.clickMenu(CHECK);
    const rows = reportedOnPhoi(host);
    expect(rows.map(([cell, severity]) => [cell, severity])).toEqual([
      [`${letter('x')}3`, 'Lỗi'],
      [`${letter('content')}4`, 'Lỗi'],
      [`${letter('width')}6`, 'Lỗi'],
      // A row's place on the paper and its overlaps are named at its X cell.
      [`${letter('x')}6`, 'Lỗi'],
      [`${letter('x')}6`, 'Lỗi'],
    ]);
    expect(rows[0]?.[2]).toBe(`Trang "${SHEET}", ô ${letter('x')}3: cần một số từ 0 đến 297.`);
    expect(rows[1]?.[2]).toContain('không có trường {{chuc_vu_cua_toi}}');
    expect(rows[2]?.[2]).toContain('ô chữ vượt mép phải tờ giấy (100 + 217 > 297 mm)');
    expect(rows[3]?.[2]).toContain('dòng 6: sau khi cộng độ lệch (0; 0 mm) ô chữ ra ngoài tờ giấy');
    expect(rows[4]?.[2]).toContain('dòng 5 và dòng 6: hai ô chữ chồng lên nhau');
    // The job refuses with exactly these messages, and makes nothing.
    host.clickMenu(CAPTION);
    const refusal = messages(host);
    for (const [, , message] of rows)
      expect(refusal).toContain(JSON.stringify(message).slice(1, -1));
  });

  it('says nothing once the positions are typed right again', () => {
    const host = brokenLayout('In trên phôi');
    for (const [a1, v] of RESTORE.get(host) ?? []) host.spreadsheet.userEdit(host.owner, a1, [[v]]);
    host.clickMenu(CHECK);
    expect(reportedOnPhoi(host)).toEqual([]);
  });

  it('warns, not errs, while certificates print from the full template', () => {
    const host = brokenLayout('');
    host.clickMenu(CHECK);
    const rows = reportedOnPhoi(host);
    expect(rows.map(([cell, severity]) => [cell, severity])).toEqual([
      [`${letter('x')}3`, 'Cảnh báo'],
      [`${letter('content')}4`, 'Cảnh báo'],
      [`${letter('width')}6`, 'Cảnh báo'],
      // A row's place on the paper and its overlaps are named at its X cell.
      [`${letter('x')}6`, 'Cảnh báo'],
      [`${letter('x')}6`, 'Cảnh báo'],
    ]);
  });

  it('names the missing sheet when Cấu hình prints on phôi', () => {
    const host = brokenLayout('In trên phôi');
    const sheet = host.spreadsheet.sheet(SHEET);
    if (sheet !== undefined) host.spreadsheet.removeSheet(sheet);
    host.clickMenu(CHECK);
    expect(reportedOnPhoi(host)).toEqual([
      [
        'A1',
        'Lỗi',
        `Chưa có trang "${SHEET}". Hãy chạy «Khởi tạo / cập nhật bảng tính» rồi đo vị trí in trên phôi.`,
      ],
    ]);
  });
});
