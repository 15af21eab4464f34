/**
 * Host-only export of documents: .docx through the `docx` package (checked by unzipping
 * word/document.xml with jszip); PDF rendered in Node (savePdf's default) and through LibreOffice
 * when it is installed (skipped otherwise).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { HostRuntime } from '../../local/host/runtime';
import { newBlobObject } from '../../local/host/services/blob';
import {
  createDocumentService,
  docxBuffer,
  findSoffice,
  NODE_PRODUCER,
  renderPdfBytes,
  resetSofficeCache,
  saveDocx,
  savePdf,
  walk,
  type DocumentModel,
} from '../../local/host/docs';
import { readPdfLines } from '../layout/pdfLines';

type App = GoogleAppsScript.Document.DocumentApp;

const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A landscape Bằng khen-like document with a header, a bold title, a table and a page break. */
function certificate(): DocumentModel {
  const rt = new HostRuntime();
  const svc = createDocumentService(rt, { pdf: () => null });
  const app = svc.DocumentApp as unknown as App;
  const doc = app.create('Bằng khen');
  const body = doc.getBody();
  body.setPageWidth(841.89).setPageHeight(595.276);
  body.setMarginTop(56.7).setMarginBottom(56.7).setMarginLeft(85.05).setMarginRight(56.7);
  doc.addHeader().appendParagraph('UBND QUẬN HOÀN KIẾM');
  const title = body.appendParagraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  title.setAlignment(app.HorizontalAlignment.CENTER);
  title.editAsText().setBold(true).setFontFamily('Times New Roman').setFontSize(13);
  const motto = body.appendParagraph('Độc lập - Tự do - Hạnh phúc');
  motto.setAlignment(app.HorizontalAlignment.CENTER);
  motto.editAsText().setBold(true).setUnderline(true).setFontSize(14);
  body.appendParagraph('Hà Nội, ngày 05 tháng 01 năm 2020').editAsText().setItalic(true);
  body.appendParagraph('Chương I').setHeading(app.ParagraphHeading.HEADING1);
  const table = body.appendTable([
    ['STT', 'Đơn vị', 'Điểm'],
    ['1', 'Phường Hàng Bạc', '95,5'],
    ['2', 'Phường Hàng Đào', '90'],
  ]);
  table.setColumnWidth(0, 40);
  table.getCell(0, 1).setBackgroundColor('#D9D9D9');
  body.appendPageBreak();
  body.appendListItem('Tiêu chí 1');
  body.appendHorizontalRule();
  body.appendImage(
    newBlobObject(rt, new Uint8Array(Buffer.from(PNG_1X1, 'base64')), 'image/png', 'logo.png'),
  );
  const model = svc.model.get(doc.getId());
  if (!model) throw new Error('no model');
  return model;
}

async function documentXml(buf: Buffer, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part}`);
  return file.async('string');
}

describe('saveDocx (docx package)', () => {
  test('word/document.xml carries the NFC Vietnamese text, bold runs, table rows, breaks, page size and margins', async () => {
    const doc = certificate();
    const dir = mkdtempSync(join(tmpdir(), 'thidua-docx-'));
    try {
      const file = join(dir, 'bang-khen.docx');
      await saveDocx(doc, file);
      const buf = readFileSync(file);
      expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
      const xml = await documentXml(buf);
      for (const text of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Hà Nội, ngày 05 tháng 01 năm 2020',
        'Phường Hàng Bạc',
      ]) {
        expect(xml).toContain(text.normalize('NFC'));
      }
      // The title run is bold, 13 pt (26 half-points), Times New Roman; the motto underlined.
      expect(xml).toMatch(/<w:b\/>[\s\S]*?<w:sz w:val="26"\/>[\s\S]*?CỘNG HÒA/);
      expect(xml).toContain('w:ascii="Times New Roman"');
      expect(xml).toMatch(/<w:u w:val="single"\/>[\s\S]*?Độc lập/);
      expect(xml).toMatch(/<w:i\/>[\s\S]*?Hà Nội/);
      expect(xml).toContain('<w:jc w:val="center"/>');
      expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
      expect((xml.match(/<w:tr>|<w:tr /g) ?? []).length).toBe(3);
      expect(xml).toContain('w:fill="D9D9D9"');
      expect(xml).toContain('<w:br w:type="page"/>');
      // A4 landscape: 841.89 × 595.276 pt = 16838 × 11906 twips; left margin 85.05 pt = 1701 twips.
      expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
      expect(xml).toMatch(/w:left="1701"/);
      const zip = await JSZip.loadAsync(buf);
      expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(true);
      expect(xml).toContain('<w:drawing>');
      const header = await documentXml(buf, 'word/header1.xml');
      expect(header).toContain('UBND QUẬN HOÀN KIẾM');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a portrait A4 document keeps portrait orientation', async () => {
    const rt = new HostRuntime();
    const svc = createDocumentService(rt, { pdf: () => null, defaultPageSize: 'A4' });
    const model = svc.model.create('Giao ước');
    const xml = await documentXml(await docxBuffer(model));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
  });
});

const soffice = findSoffice();

describe('renderPdfBytes (LibreOffice)', () => {
  (soffice ? test : test.skip)(
    'converts the document to a PDF when soffice is installed',
    () => {
      const pdf = renderPdfBytes(certificate());
      expect(pdf).not.toBeNull();
      const head = Buffer.from(pdf ?? new Uint8Array())
        .subarray(0, 5)
        .toString('latin1');
      expect(head).toBe('%PDF-');
    },
    180_000,
  );

  (soffice ? test.skip : test)('returns null when soffice is not installed', () => {
    expect(renderPdfBytes(certificate())).toBeNull();
  });
});

describe('savePdf (demo output)', () => {
  function withoutSoffice(fn: (dir: string) => void): void {
    const saved = process.env.THIDUA_SOFFICE;
    process.env.THIDUA_SOFFICE = '';
    resetSofficeCache();
    const dir = mkdtempSync(join(tmpdir(), 'thidua-pdf-'));
    try {
      fn(dir);
    } finally {
      if (saved === undefined) delete process.env.THIDUA_SOFFICE;
      else process.env.THIDUA_SOFFICE = saved;
      resetSofficeCache();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test('renders in Node by default, with the Vietnamese text, landscape, whether soffice is there or not', () => {
    withoutSoffice((dir) => {
      const file = join(dir, 'bang-khen.pdf');
      expect(savePdf(certificate(), file)).toBe('node');
      const pdf = readPdfLines(file);
      expect(pdf.producer).toBe(NODE_PRODUCER);
      expect(pdf.pages[0]).toEqual({
        width: expect.closeTo(841.89, 1),
        height: expect.closeTo(595.276, 1),
      });
      const text = pdf.lines.map((l) => l.text);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text.join('\n')).toContain('Phường Hàng Bạc');
      expect(text).toContain('UBND QUẬN HOÀN KIẾM');
    });
  });

  test("'libreoffice' falls back to the Node render when soffice is absent", () => {
    withoutSoffice((dir) => {
      const file = join(dir, 'bang-khen.pdf');
      expect(savePdf(certificate(), file, 'libreoffice')).toBe('node');
      expect(readPdfLines(file).producer).toBe(NODE_PRODUCER);
    });
  });

  (soffice ? test : test.skip)(
    "'libreoffice' converts through LibreOffice when soffice is installed",
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'thidua-pdf-'));
      try {
        const file = join(dir, 'bang-khen.pdf');
        expect(savePdf(certificate(), file, 'libreoffice')).toBe('libreoffice');
        expect(readPdfLines(file).producer).toMatch(/LibreOffice/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

describe('.docx export of the host-only layout flags', () => {
  test('a keep-together row is w:cantSplit; page numbers from page 2 are a PAGE field in the header, not on the first page', async () => {
    const doc = certificate();
    const table = [...walk(doc.body)].find((n) => n.type === 'TABLE');
    const rows = table?.children ?? [];
    expect(rows.length).toBeGreaterThan(1);
    const first = rows[0];
    if (first) first.keepTogether = true;
    doc.pageNumbers = { position: 'header', from: 2 };
    const buf = await docxBuffer(doc);
    const xml = await documentXml(buf);
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(1);
    expect(xml).toContain('<w:titlePg/>');
    const zip = await JSZip.loadAsync(buf);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map(async (f) => (await zip.file(f)?.async('string')) ?? ''),
    );
    // The default header carries the number; the first page's header does not.
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
    expect(headers.filter((h) => !/PAGE/.test(h))).toHaveLength(1);
  });
});
