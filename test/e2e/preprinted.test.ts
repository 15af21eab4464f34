/**
 * "In trên phôi" end to end through build/Code.js: set-up lays out Vị trí in phôi with its default
 * positions, notes and protection; with Cấu hình's print mode "In trên phôi" the certificate job
 * makes print files whose pages hold only the variable fields, in tables placed at the configured
 * millimetres (plus the global offset), through the job runner (resume, no duplicate, counts); a
 * broken position refuses the run naming the cell; «In trang căn chỉnh phôi» makes the grid and
 * the field markers.
 */
// Placeholder PDFs: LibreOffice conversions would take seconds each (local/host/docs/pdf.ts).
process.env.THIDUA_SOFFICE = '';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { PREPRINTED_LAYOUT } from '../../src/core/layout/tables';
import { PT_PER_MM } from '../../src/core/documents/docSpec';
import { PREPRINTED_DEFAULTS } from '../../src/core/certificates/preprintedDefaults';
import { MIME } from '../../local/host/drive';
import { walk, type DocNode, type DocumentModel } from '../../local/host/docs';
import type { LocalHost } from '../../local/host';
import { paste } from './workbookFixture';
import {
  CAPTION,
  cell,
  col,
  drain,
  jobRuns,
  liveFiles,
  messages,
  setSetting,
  setup,
  statuses,
} from './certificateRegister';

const SETUP = 'Khởi tạo / cập nhật bảng tính';
const CALIBRATION = 'In trang căn chỉnh phôi';
const SHEET = SHEET_NAMES.preprinted;
const PRINT = 'In giấy khen, bằng khen';

function phoiHost(count: number, mode: 'Gộp' | 'Từng người' = 'Gộp', perFile = 4): LocalHost {
  const host = setup(count, { mode, perFile });
  host.clickMenu(SETUP);
  setSetting(host, PRINT, 'In trên phôi');
  return host;
}

function value(host: LocalHost, a1: string): unknown {
  return host.spreadsheet.valueAt(`'${SHEET}'!${a1}`);
}

const column = (key: string): string =>
  String.fromCharCode(65 + PREPRINTED_LAYOUT.columns.findIndex((c) => c.key === key));

/** The print files (Docs) the job made, by name. */
function printDocs(host: LocalHost): DocumentModel[] {
  const live = new Set(liveFiles(host).map((f) => f.name));
  return host.documents.list().filter((d) => d.name.includes('(phôi)') && live.has(d.name));
}

/** Top of each body-level table's row and the first non-empty cell text of the table, in mm. */
function tableTops(
  doc: DocumentModel,
): { top: number; texts: { text: string; left: number; top: number }[] }[] {
  const out: { top: number; texts: { text: string; left: number; top: number }[] }[] = [];
  let cursor = doc.marginTop;
  for (const node of doc.body.children) {
    if (node.type === 'PARAGRAPH') {
      if (node.children.some((c) => c.type === 'PAGE_BREAK')) {
        cursor = doc.marginTop;
        continue;
      }
      // Spacers: the 1 pt paragraph mark (local/host/docs/model.ts markAttrs).
      cursor += (node.para?.markAttrs?.fontSize ?? firstSize(node) ?? 11) * 1.15;
      continue;
    }
    if (node.type !== 'TABLE') continue;
    const row = node.children[0] as DocNode;
    let x = doc.marginLeft;
    const texts: { text: string; left: number; top: number }[] = [];
    row.children.forEach((c, i) => {
      const text = textOf(c);
      if (text !== '')
        texts.push({
          text,
          left: (x + (c.cell?.paddingLeft ?? 0)) / PT_PER_MM,
          top:
            (cursor + (c.cell?.paddingTop ?? 0) + (c.children[0]?.para?.spacingBefore ?? 0)) /
            PT_PER_MM,
        });
      x += node.table?.columnWidths[i] ?? 0;
    });
    out.push({ top: cursor / PT_PER_MM, texts });
    cursor += row.minimumHeight ?? 0;
  }
  return out;
}

function firstSize(node: DocNode): number | undefined {
  for (const n of walk(node))
    for (const r of n.runs) if (r.attrs.fontSize !== undefined) return r.attrs.fontSize;
  return undefined;
}

function textOf(node: DocNode): string {
  let s = '';
  for (const n of walk(node)) for (const r of n.runs) s += r.text;
  return s;
}

describe('In trên phôi', () => {
  it('set-up writes Vị trí in phôi: headers, notes, the default rows of both forms, owner and head only', () => {
    const host = setup(1);
    host.clickMenu(SETUP);
    expect(value(host, 'A1')).toBe('Mẫu');
    expect(value(host, `${column('content')}1`)).toBe('Nội dung in');
    expect(value(host, `${column('x')}1`)).toBe('Cách mép trái (mm)');
    expect(value(host, 'A2')).toBe('Giấy khen');
    expect(value(host, `A${String(2 + PREPRINTED_DEFAULTS.length)}`)).toBe('Bằng khen');
    expect(value(host, `${column('content')}3`)).toBe(PREPRINTED_DEFAULTS[1]?.content);
    expect(value(host, `${column('y')}3`)).toBe(PREPRINTED_DEFAULTS[1]?.y);
    const sheet = host.spreadsheet.sheet(SHEET);
    expect(sheet).toBeDefined();
    const protection = host.spreadsheet.protections.find((p) => p.description.includes(SHEET));
    expect(protection?.type).toBe('SHEET');
    expect(protection?.description).toContain('chỉ chủ sở hữu và Cụm trưởng được sửa');
    // The head of Đơn vị may edit, the members may not.
    expect([...(protection?.editors ?? [])].some((e) => e.includes('mttq'))).toBe(true);
    expect(protection?.editors?.size).toBeLessThan(3);
    // Running set-up again keeps what a user typed.
    paste(host, SHEET, 3, PREPRINTED_LAYOUT.columns.findIndex((c) => c.key === 'y') + 1, [[91]]);
    host.clickMenu(SETUP);
    expect(value(host, `${column('y')}3`)).toBe(91);
  });

  it('prints only the fields, at their millimetres plus the offset, a page per row, through the job runner', () => {
    const host = phoiHost(10);
    setSetting(host, 'Lệch ngang khi in phôi (mm)', 2);
    setSetting(host, 'Lệch dọc khi in phôi (mm)', -1.5);
    host.clickMenu(CAPTION);
    drain(host);
    const done = statuses(host, 10);
    expect(done.every((s) => s.startsWith('Đã tạo'))).toBe(true);
    expect(done[5]).toMatch(/\(phôi\).*trang 2\)$/);
    const pdfs = liveFiles(host).filter((f) => f.mimeType === MIME.pdf);
    expect(pdfs).toHaveLength(3); // 4 + 4 + 2 Giấy khen
    const docs = printDocs(host);
    expect(docs).toHaveLength(3);
    const first = docs.find((d) => d.name.includes('dòng 2-5')) as DocumentModel;
    expect(first.pageWidth).toBeCloseTo(841.89, 1);
    expect(first.marginTop).toBe(0);
    const all = textOf(first.body);
    // No national title, motto or form name: the phôi carries them.
    expect(all).not.toContain('CỘNG HÒA');
    expect(all).not.toContain('GIẤY KHEN');
    expect(all).toContain('Ông Nguyễn Văn Người 1');
    expect(all).toContain('Số sổ vàng: 1004');
    const tables = tableTops(first);
    const name = tables.flatMap((t) => t.texts).find((t) => t.text === 'Ông Nguyễn Văn Người 1');
    const ten = PREPRINTED_DEFAULTS[1];
    expect(name?.left).toBeCloseTo((ten?.x ?? 0) + 2, 1);
    expect(name?.top).toBeCloseTo((ten?.y ?? 0) - 1.5, 1);
    const signer = tables.flatMap((t) => t.texts).filter((t) => t.text === 'Trần Văn Ký');
    expect(signer).toHaveLength(4); // one per page
    for (const s of signer) expect(s.top).toBeCloseTo((PREPRINTED_DEFAULTS[9]?.y ?? 0) - 1.5, 1);
    expect(
      first.body.children.filter((n) => n.children.some((c) => c.type === 'PAGE_BREAK')),
    ).toHaveLength(3);
  });

  it('resumes after a kill with no duplicate print file and no missing page', () => {
    const host = phoiHost(12, 'Gộp', 3);
    let kills = 0;
    host.rt.addCallHook((m) => {
      if (m === 'File.setDescription' && kills === 0 && host.documents.list().length > 2) {
        kills++;
        host.rt.advance(10 * 60 * 1000);
      }
    });
    host.clickMenu(CAPTION);
    drain(host);
    expect(statuses(host, 12).every((s) => s.startsWith('Đã tạo'))).toBe(true);
    const pdfs = liveFiles(host).filter((f) => f.mimeType === MIME.pdf);
    expect(pdfs).toHaveLength(4);
    expect(new Set(pdfs.map((f) => f.name)).size).toBe(4);
    expect(jobRuns(host).length).toBeGreaterThanOrEqual(2);
    // A second run makes nothing: every row is done.
    host.clickMenu(CAPTION);
    expect(messages(host)).toContain('không có dòng nào cần tạo');
  });

  it('one file per recipient on phôi, and never an e-mail of a fields-only page', () => {
    const host = phoiHost(3, 'Từng người');
    paste(host, SHEET_NAMES.awards, 2, col('email') + 1, [['a@b.vn']]);
    setSetting(host, 'Gửi giấy khen qua thư điện tử', 'Có');
    host.clickMenu(CAPTION);
    drain(host);
    expect(statuses(host, 3)).toEqual(['Đã tạo', 'Đã tạo', 'Đã tạo']);
    expect(printDocs(host)).toHaveLength(3);
    expect(host.sentBox.messages).toHaveLength(0);
  });

  it('refuses a broken position naming the cell, and makes nothing', () => {
    const host = phoiHost(2);
    paste(host, SHEET, 3, PREPRINTED_LAYOUT.columns.findIndex((c) => c.key === 'x') + 1, [
      ['bốn mươi'],
    ]);
    host.clickMenu(CAPTION);
    expect(messages(host)).toContain(`Trang \\"${SHEET}\\", ô ${column('x')}3: cần một số`);
    expect(printDocs(host)).toHaveLength(0);
    expect(cell(host, 2, 'status')).toBe('');
  });

  it('refuses overlapping fields and an unknown field', () => {
    const host = phoiHost(1);
    const content = PREPRINTED_LAYOUT.columns.findIndex((c) => c.key === 'content') + 1;
    paste(host, SHEET, 4, content, [['{{chuc_vu_cua_toi}}']]);
    const y = PREPRINTED_LAYOUT.columns.findIndex((c) => c.key === 'y') + 1;
    paste(host, SHEET, 6, y, [[88]]); // {{noi}}, … moved onto the name's band, overlapping it
    const x = PREPRINTED_LAYOUT.columns.findIndex((c) => c.key === 'x') + 1;
    paste(host, SHEET, 6, x, [[100]]);
    host.clickMenu(CAPTION);
    const text = messages(host);
    expect(text).toContain('không có trường {{chuc_vu_cua_toi}}');
    expect(text).toContain('hai ô chữ chồng lên nhau');
    expect(printDocs(host)).toHaveLength(0);
  });

  it('«In trang căn chỉnh phôi» makes a 10 mm grid and a marker per field with the offset', () => {
    const host = phoiHost(1);
    setSetting(host, 'Lệch dọc khi in phôi (mm)', 3);
    host.clickMenu(CALIBRATION);
    const doc = host.documents.list().find((d) => d.name.startsWith('Trang căn chỉnh phôi'));
    expect(doc).toBeDefined();
    const grid = (doc as DocumentModel).body.children[0] as DocNode;
    expect(grid.type).toBe('TABLE');
    expect(grid.children).toHaveLength(20);
    expect(grid.children[0]?.minimumHeight).toBeCloseTo(10 * PT_PER_MM, 1);
    expect(grid.table?.columnWidths[0]).toBeCloseTo(10 * PT_PER_MM, 1);
    expect(textOf(grid.children[0] as DocNode)).toContain('290');
    const markers = tableTops(doc as DocumentModel).flatMap((t) => t.texts);
    const name = markers.find((m) => m.text.startsWith('+ {{#if danh_xung}}'));
    expect(name?.text).toContain('(40; 91) – Giấy khen');
    expect(name?.top).toBeCloseTo(91, 1);
    expect(messages(host)).toMatch(/Đã tạo Trang căn chỉnh phôi .*\(PDF\): https:\/\//);
  });
});
