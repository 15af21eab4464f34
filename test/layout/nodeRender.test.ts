/**
 * The Node PDF renderer (local/render/pdf.ts) read back with pdf.js: Vietnamese text, wrapping
 * and justification, rows kept on one page, page numbers from page 2, text at absolute positions,
 * and the sample pledge and certificates under the same layout checks as LibreOffice's PDFs.
 */
import {
  appendChild,
  DocumentModel,
  newParagraph,
  newTable,
  NODE_PRODUCER,
  renderNodePdf,
  type DocNode,
  type TextAttrs,
} from '../../local/host/docs';
import { linesWith, nearPosition, onOnePage, outsideMargins } from './checks';
import { certificateChecks, dossierChecks, marginsOf, pledgeChecks } from './documentChecks';
import { mm, readPdfLines, type PdfText } from './pdfLines';
import {
  dossierSignatures,
  pledgeSignatures,
  sampleCertificates,
  sampleDossier,
  withDossierHints,
  samplePledge,
  withSignatureRowsKept,
} from './sampleDocuments';

const LONG =
  'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022, các đơn vị thành viên Cụm thi đua số 1 thống nhất ký kết giao ước thi đua với những nội dung sau đây.';

function a4(): DocumentModel {
  const d = new DocumentModel('t', 'Thử nghiệm', 0, 'A4');
  d.body.children = [];
  d.marginTop = 56.7;
  d.marginBottom = 56.7;
  d.marginLeft = 85;
  d.marginRight = 42.5;
  return d;
}

function para(d: DocumentModel, text: string, attrs: TextAttrs = {}): DocNode {
  const p = appendChild(d.body, newParagraph(text));
  const t = p.children[0];
  if (t?.runs[0]) t.runs[0].attrs = { fontSize: 13, ...attrs };
  return p;
}

function render(d: DocumentModel): PdfText {
  return readPdfLines(renderNodePdf(d));
}

describe('Node PDF renderer', () => {
  it('prints Vietnamese text exactly (NFC) in Tinos, marked as the Node render', () => {
    const d = a4();
    para(d, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
    para(d, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
    para(d, 'Ông/Bà Nguyễn Thị Ửng, Trưởng phòng Nội vụ, quận Hoàng Mai', { italic: true });
    para(d, 'Đỗ Mạnh Cường', { bold: true, italic: true });
    const pdf = render(d);
    expect(pdf.producer).toBe(NODE_PRODUCER);
    expect(pdf.lines.map((l) => l.text)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Ông/Bà Nguyễn Thị Ửng, Trưởng phòng Nội vụ, quận Hoàng Mai',
      'Đỗ Mạnh Cường',
    ]);
    expect(pdf.pages).toEqual([
      { width: expect.closeTo(595.28, 1), height: expect.closeTo(841.89, 1) },
    ]);
  });

  it('wraps a justified paragraph within the margins, every line but the last reaching the right margin', () => {
    const d = a4();
    const p = para(d, `${LONG} ${LONG}`);
    if (p.para) {
      p.para.alignment = 'JUSTIFY';
      p.para.indentFirstLine = 28;
    }
    const pdf = render(d);
    expect(pdf.lines.length).toBeGreaterThan(3);
    expect(outsideMargins(pdf, marginsOf(d))).toEqual([]);
    const right = d.pageWidth - d.marginRight;
    for (const l of pdf.lines.slice(0, -1)) expect(l.right).toBeCloseTo(right, 0);
    expect((pdf.lines[pdf.lines.length - 1]?.right ?? right) < right - 20).toBe(true);
    expect(pdf.lines[0]?.left).toBeCloseTo(d.marginLeft + 28, 0);
    expect(pdf.lines[1]?.left).toBeCloseTo(d.marginLeft, 0);
    expect(pdf.lines.map((l) => l.text).join(' ')).toBe(`${LONG} ${LONG}`);
  });

  it('centres and right-aligns lines in the text width', () => {
    const d = a4();
    const c = para(d, 'TẶNG');
    const r = para(d, 'Hà Nội, ngày 05 tháng 01 năm 2022', { italic: true });
    if (c.para) c.para.alignment = 'CENTER';
    if (r.para) r.para.alignment = 'RIGHT';
    const [centred, right] = render(d).lines;
    const mid = (d.marginLeft + d.pageWidth - d.marginRight) / 2;
    expect(((centred?.left ?? 0) + (centred?.right ?? 0)) / 2).toBeCloseTo(mid, 0);
    expect(right?.right).toBeCloseTo(d.pageWidth - d.marginRight, 0);
  });

  /** 46 lines of text, then a two-cell signature row that does not fit under them. */
  function signatureRowAtPageEnd(keepTogether: boolean): DocumentModel {
    const d = a4();
    for (let i = 0; i < 46; i++) para(d, `Dòng ${String(i + 1)}`);
    const table = appendChild(
      d.body,
      newTable([['CHỦ TỊCH\n\n\n\nNguyễn Văn An', 'PHÓ CHỦ TỊCH\n\n\n\nTrần Thị Bình']]),
    );
    const row = table.children[0];
    if (row && keepTogether) row.keepTogether = true;
    return d;
  }
  const BLOCK = ['CHỦ TỊCH', 'Nguyễn Văn An', 'PHÓ CHỦ TỊCH', 'Trần Thị Bình'];

  it('splits a table row that does not fit between its lines, as Docs and Word do by default', () => {
    const pdf = render(signatureRowAtPageEnd(false));
    expect(pdf.pages).toHaveLength(2);
    expect(onOnePage(pdf, BLOCK)).toHaveLength(1);
    expect(linesWith(pdf, 'CHỦ TỊCH')[0]?.page).toBe(1);
    expect(linesWith(pdf, 'Nguyễn Văn An')[0]?.page).toBe(2);
  });

  it('keeps a keep-together table row whole on the next page instead of splitting it', () => {
    const d = signatureRowAtPageEnd(true);
    const pdf = render(d);
    expect(pdf.pages).toHaveLength(2);
    expect(onOnePage(pdf, BLOCK)).toEqual([]);
    expect(linesWith(pdf, 'CHỦ TỊCH')[0]?.page).toBe(2);
    expect(outsideMargins(pdf, marginsOf(d))).toEqual([]);
  });

  it('numbers pages from page 2, centred in the top margin, when the model asks', () => {
    const d = a4();
    for (let i = 0; i < 110; i++) para(d, `Nội dung dòng thứ ${String(i + 1)}`);
    d.pageNumbers = { position: 'header', from: 2 };
    const pdf = render(d);
    expect(pdf.pages).toHaveLength(3);
    const numbers = pdf.lines.filter((l) => /^\d+$/.test(l.text));
    expect(numbers.map((l) => [l.page, l.text])).toEqual([
      [2, '2'],
      [3, '3'],
    ]);
    const mid = (d.marginLeft + d.pageWidth - d.marginRight) / 2;
    for (const n of numbers) {
      expect((n.left + n.right) / 2).toBeCloseTo(mid, 0);
      expect(n.bottom).toBeLessThan(d.marginTop);
    }
    expect(outsideMargins(pdf, marginsOf(d))).toEqual([]);
  });

  it('prints positioned text within 1 mm of its position (pre-printed paper)', () => {
    const d = a4();
    d.positioned.push(
      {
        page: 1,
        x: (60 * 72) / 25.4,
        y: (120 * 72) / 25.4,
        runs: [{ text: 'Nguyễn Văn An', attrs: { fontSize: 16, bold: true } }],
      },
      {
        page: 1,
        x: (30 * 72) / 25.4,
        y: (200 * 72) / 25.4,
        runs: [{ text: 'Số sổ vàng: 1024', attrs: { fontSize: 12 } }],
      },
    );
    const pdf = render(d);
    const name = linesWith(pdf, 'Nguyễn Văn An')[0];
    const number = linesWith(pdf, 'Số sổ vàng: 1024')[0];
    if (!name || !number) throw new Error('positioned text missing');
    expect(nearPosition(name, 60, 120)).toEqual([]);
    expect(nearPosition(number, 30, 200)).toEqual([]);
    // The check itself tells a field 2 mm off.
    expect(nearPosition(number, 32, 200)).toHaveLength(1);
    expect(mm(name.left)).toBeCloseTo(60, 0);
  });
});

describe('the sample documents rendered in Node', () => {
  const pledge = samplePledge();

  // DocumentApp cannot mark a table row keep-together; the pledge job does it after the merge with
  // the Docs advanced service (updateTableRowStyle, tableRowStyle.preventOverflow), so the Doc the
  // bundle makes carries the flag on its own.
  it('the joint pledge as the template makes it: no signature block crosses a page', () => {
    expect(pledgeChecks(pledge, pledgeSignatures()).signatures(render(pledge))).toEqual([]);
  });

  it('the joint pledge as made without the Docs advanced service splits a signature block (what the service fixes)', () => {
    const bare = samplePledge({ docsService: false });
    expect(pledgeChecks(bare, pledgeSignatures()).signatures(render(bare))).not.toEqual([]);
  });

  it('the joint pledge with keep-together signature rows: each signer under its own title, above the next block; nothing outside the margins', () => {
    const kept = withSignatureRowsKept(pledge);
    const pdf = render(kept);
    const checks = pledgeChecks(kept, pledgeSignatures());
    expect(pdf.pages.length).toBeGreaterThan(1);
    expect(checks.signatures(pdf)).toEqual([]);
    expect(checks.margins(pdf)).toEqual([]);
    expect(pledgeChecks(pledge, pledgeSignatures()).margins(render(pledge))).toEqual([]);
  });

  const certificates = sampleCertificates();
  for (const [label, doc] of [
    ['Giấy khen', certificates.giayKhen],
    ['Bằng khen', certificates.bangKhen],
  ] as const) {
    it(`${label}: one landscape page, the signer under the title, nothing outside the margins`, () => {
      const pdf = render(doc);
      const checks = certificateChecks(doc);
      expect((pdf.pages[0]?.width ?? 0) > (pdf.pages[0]?.height ?? 0)).toBe(true);
      expect(checks.signatures(pdf)).toEqual([]);
      expect(checks.margins(pdf)).toEqual([]);
    });

    it(`${label}: the text spans the page, not packed in its top part`, () => {
      expect(certificateChecks(doc).spread(render(doc))).toEqual([]);
    });
  }

  const dossier = sampleDossier();
  // As for the pledge: the job keeps the minutes' signature row together through the Docs API
  // (src/gas/docs/layout.ts), so the Doc as made holds it whole.
  it('dossier minutes as the template makes it: no signature block crosses a page', () => {
    const { blocks } = dossierSignatures('minutes');
    expect(dossierChecks(dossier.minutes, blocks).signatures(render(dossier.minutes))).toEqual([]);
  });
  for (const kind of ['minutes', 'submission', 'draftDecision', 'notice'] as const) {
    it(`dossier ${kind}: each signer under its title, above the next block; no block across pages; nothing outside the margins`, () => {
      const doc = withDossierHints(kind, dossier[kind]);
      const pdf = render(doc);
      const { blocks, followedBy } = dossierSignatures(kind);
      const checks = dossierChecks(doc, blocks, followedBy);
      expect(checks.signatures(pdf)).toEqual([]);
      expect(checks.margins(pdf)).toEqual([]);
    });
  }
});
