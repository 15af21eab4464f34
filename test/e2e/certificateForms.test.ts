/**
 * Issue 11 through build/Code.js: each certificate names the body that awards it (the row's, else
 * its level's in Cấu hình), the salutation comes from the register, empty fields take their label
 * along, words that belong together do not break, every form the register holds has its
 * template (or its row says it has none), and the text fills the landscape page.
 */
// Placeholder PDFs: LibreOffice conversions would take seconds each (local/host/docs/pdf.ts).
process.env.THIDUA_SOFFICE = '';
import type { LocalHost } from '../../local/host';
import { nodeText, type DocumentModel } from '../../local/host/docs';
import { MIME } from '../../local/host/drive';
import { NBSP } from '../../src/core/format/vietnamese';
import { CAPTION, cell, drain, liveFiles, setSetting, setup } from './certificateRegister';

/** The register: what each row is for is its comment. */
const ROWS: Record<number, Partial<Record<string, unknown>>> = {
  // 1. A district Giấy khen with nothing about its issuer: all from Cấu hình's own body.
  1: {
    salutation: 'Bà',
    name: 'Nguyễn Thị Lan',
    decisionNumber: '635/QĐ-UBND',
    decisionDate: '05/01/2023',
    signerTitle: '',
    signerName: '',
    registerNumber: '',
    achievement: 'Đã hoàn thành xuất sắc nhiệm vụ năm 2022 (xếp hạng 1/6, xếp loại Xuất sắc).',
  },
  // 2. The Prime Minister's Bằng khen: the state level's default issuer and place.
  2: {
    salutation: 'Nam',
    name: 'Lê Minh Quang',
    form: 'Bằng khen của Thủ tướng Chính phủ',
    level: 'Nhà nước',
    signerTitle: 'THỦ TƯỚNG',
    signerName: 'Phạm Minh Chính',
  },
  // 3. A City Bằng khen whose level Cấu hình names nobody for: refused on its row.
  3: { recipientType: 'Tập thể', name: 'Trường THCS Nhân Chính', position: '', unit: '' },
  // 4. A title: GIẤY CHỨNG NHẬN, no salutation typed.
  4: { name: 'Trần Văn Hùng', form: 'Chiến sĩ thi đua cơ sở', salutation: '' },
  // 5. Cờ thi đua, to a collective, by the City named on the row.
  5: {
    recipientType: 'Tập thể',
    name: 'Ủy ban nhân dân phường Khương Đình',
    position: '',
    unit: '',
    form: 'Cờ thi đua',
    level: 'Bộ, ngành, tỉnh / thành phố',
    issuingBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    place: 'Hà Nội',
  },
  // 6. An order: no template, skipped on its row.
  6: { form: 'Huân chương Lao động hạng Ba', level: 'Nhà nước' },
};

function district(): LocalHost {
  const host = setup(6, {
    rows: (i) => ({
      ...(i === 3 ? { form: 'Bằng khen', level: 'Bộ, ngành, tỉnh / thành phố' } : {}),
      ...ROWS[i],
    }),
  });
  setSetting(host, 'Cơ quan ban hành văn bản', 'ỦY BAN NHÂN DÂN QUẬN THANH XUÂN');
  setSetting(host, 'Địa danh', 'Thanh Xuân');
  setSetting(host, 'Cấp khen của cơ quan ban hành', 'Cơ sở');
  setSetting(host, 'Chức vụ người ký', 'CHỦ TỊCH');
  setSetting(host, 'Người ký', 'Võ Đăng Dũng');
  return host;
}

/** The certificate Doc of a register row, by the recipient's name in its file name. */
function certificateOf(host: LocalHost, name: string): DocumentModel {
  const doc = host.documents
    .list()
    .find((d) => d.name.includes(` - ${name}`) && d.name.includes('thidua-'));
  if (doc === undefined) throw new Error(`no certificate for ${name}`);
  return doc;
}

const textOf = (doc: DocumentModel): string => nodeText(doc.body);
const plain = (s: string): string => s.split(NBSP).join(' ');

describe('certificates per form and issuer (issue 11, e2e)', () => {
  const host = district();
  expect(host.clickMenu(CAPTION).status).toBe('ok');
  drain(host);

  it('a district Giấy khen: the district, its place and chairman from Cấu hình; the salutation from the row', () => {
    expect(cell(host, 2, 'status')).toBe('Đã tạo');
    const text = plain(textOf(certificateOf(host, 'Nguyễn Thị Lan')));
    expect(text).toContain('ỦY BAN NHÂN DÂN QUẬN THANH XUÂN\nTẶNG\nGIẤY KHEN\nBà Nguyễn Thị Lan\n');
    expect(text).toContain('Thanh Xuân, ngày 05 tháng 01 năm 2023\nCHỦ TỊCH\n');
    expect(text).toContain('Võ Đăng Dũng');
    expect(text).not.toContain('Ông/Bà');
    expect(text).not.toContain('Hà Nội');
  });

  it("the Prime Minister's Bằng khen is issued by THỦ TƯỚNG CHÍNH PHỦ in Hà Nội, «Nam» printed as «Ông»", () => {
    const text = plain(textOf(certificateOf(host, 'Lê Minh Quang')));
    expect(text).toContain('THỦ TƯỚNG CHÍNH PHỦ\nTẶNG\nBẰNG KHEN\nÔng Lê Minh Quang\n');
    expect(text).toContain('Hà Nội, ngày 19 tháng 01 năm 2023\nTHỦ TƯỚNG\n');
    expect(text).not.toContain('THANH XUÂN');
  });

  it('a level Cấu hình names no issuer for is refused on its row, naming the cell and the setting', () => {
    expect(cell(host, 4, 'status')).toBe('Lỗi');
    expect(cell(host, 4, 'error')).toMatch(
      /ô [A-Z]+4: thiếu Cơ quan tặng .*dòng «Cơ quan tặng cấp bộ, ngành, tỉnh \/ thành phố» của trang "Cấu hình"/,
    );
    expect(host.documents.list().some((d) => d.name.startsWith('Bằng khen - Trường THCS'))).toBe(
      false,
    );
  });

  it('a title is a GIẤY CHỨNG NHẬN with the title named; no salutation when the row has none', () => {
    const text = plain(textOf(certificateOf(host, 'Trần Văn Hùng')));
    expect(text).toContain('GIẤY CHỨNG NHẬN\nTrần Văn Hùng\n');
    expect(text).toContain('Đạt danh hiệu “Chiến sĩ thi đua cơ sở”');
    expect(text).not.toMatch(/TẶNG|GIẤY KHEN/);
  });

  it('Cờ thi đua has its own form, by the City named on the row', () => {
    const text = plain(textOf(certificateOf(host, 'Ủy ban nhân dân phường Khương Đình')));
    expect(text).toContain(
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nTẶNG\nCỜ THI ĐUA\nỦy ban nhân dân phường Khương Đình\n',
    );
    // Not signed by the district's chairman: the row's own body is not the workbook's.
    expect(text).not.toContain('Võ Đăng Dũng');
  });

  it('a form without a template is skipped on its row and printed under no other name', () => {
    expect(cell(host, 7, 'status')).toBe('Bỏ qua');
    expect(cell(host, 7, 'error')).toContain(
      'Chưa có mẫu cho hình thức "Huân chương Lao động hạng Ba"',
    );
    const pdfs = liveFiles(host).filter((f) => f.mimeType === MIME.pdf);
    expect(pdfs).toHaveLength(4);
    expect(pdfs.some((f) => f.name.includes('Huân chương'))).toBe(false);
  });

  it('no empty label, no comma in the decision line, and no break inside what belongs together', () => {
    const lan = textOf(certificateOf(host, 'Nguyễn Thị Lan'));
    expect(lan).not.toContain('Số sổ vàng');
    expect(lan).toContain(
      `Quyết${NBSP}định số${NBSP}635/QĐ-UBND ngày${NBSP}05${NBSP}tháng${NBSP}01${NBSP}năm${NBSP}2023`,
    );
    expect(lan).toContain(`xếp${NBSP}loại Xuất${NBSP}sắc`);
    expect(lan).toContain(`Bà${NBSP}Nguyễn Thị Lan`);
    // A register number prints with its label.
    expect(plain(textOf(certificateOf(host, 'Lê Minh Quang')))).toContain('Số sổ vàng: 1002');
  });

  it('the page is landscape A4 with equal side margins, the text spread down to the signature', () => {
    const doc = certificateOf(host, 'Nguyễn Thị Lan');
    expect(doc.pageWidth).toBeGreaterThan(doc.pageHeight);
    expect(doc.marginLeft).toBe(doc.marginRight);
    // The room to sign and seal under the title (Decree 30): a paragraph spaced ≥ 25 mm.
    const spaced = [...walkParagraphs(doc)].map((p) => p.para?.spacingBefore ?? 0);
    expect(Math.max(...spaced)).toBeGreaterThanOrEqual(70);
  });
});

function* walkParagraphs(doc: DocumentModel): Generator<DocumentModel['body']> {
  const stack = [doc.body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) continue;
    if (node.type === 'PARAGRAPH') yield node;
    stack.push(...node.children);
  }
}
