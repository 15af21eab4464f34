/**
 * Conformance tests of the DocumentApp fakes (local/host/docs), each citing the reference page it
 * follows (developers.google.com/apps-script/reference/document/...).
 */
import { HostRuntime } from '../../local/host/runtime';
import {
  createDocumentService,
  DOC_MESSAGES,
  placeholderText,
  PLACEHOLDER_PRODUCER,
  type DocumentStore,
} from '../../local/host/docs';
import { blobData, newBlobObject } from '../../local/host/services/blob';
import { hostFor } from './sandboxStandIn';

type App = GoogleAppsScript.Document.DocumentApp;
type Doc = GoogleAppsScript.Document.Document;

const REF = 'https://developers.google.com/apps-script/reference/document';

function setup(options: Parameters<typeof createDocumentService>[1] = {}): {
  rt: HostRuntime;
  app: App;
  store: DocumentStore;
} {
  const rt = new HostRuntime();
  const svc = createDocumentService(rt, { pdf: () => null, ...options });
  return { rt, app: svc.DocumentApp as unknown as App, store: svc.model };
}

function newDoc(name = 'Giao ước thi đua 2026'): {
  rt: HostRuntime;
  app: App;
  store: DocumentStore;
  doc: Doc;
} {
  const s = setup();
  return { ...s, doc: s.app.create(name) };
}

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe(`DocumentApp (${REF}/document-app) and Document (${REF}/document)`, () => {
  test('create gives a document with one empty paragraph, a Docs URL, Letter page and 72 pt margins', () => {
    const { doc, store } = newDoc();
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).getType()).toBe(DocumentApp_ElementType('PARAGRAPH'));
    expect(body.getText()).toBe('');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect([
      body.getPageWidth(),
      body.getPageHeight(),
      body.getMarginTop(),
      body.getMarginLeft(),
    ]).toEqual([612, 792, 72, 72]);
    expect(store.get(doc.getId())?.name).toBe('Giao ước thi đua 2026');
    doc.setName('Bản giao ước');
    expect(doc.getName()).toBe('Bản giao ước');
  });

  test('create counts the documents-created quota: 250 a day for a consumer account', () => {
    const { app, rt } = setup();
    for (let i = 0; i < 250; i++) app.create(`d${i}`);
    expect(rt.quotaRemaining('documentsCreated')).toBe(0);
    expect(thrown(() => app.create('one too many'))).toBe(
      'Service invoked too many times for one day: docs create.',
    );
  });

  test('1,500 a day for a Workspace account', () => {
    const rt = new HostRuntime({ accountType: 'workspace' });
    const app = createDocumentService(rt, { pdf: () => null }).DocumentApp as unknown as App;
    for (let i = 0; i < 1500; i++) app.create(`d${i}`);
    expect(thrown(() => app.create('x'))).toBe(
      'Service invoked too many times for one day: docs create.',
    );
  });

  test('onDocumentCreated lets the Drive helper file every new document under the same id', () => {
    const { app, store } = setup();
    const seen: string[] = [];
    const off = store.onDocumentCreated((e) => seen.push(`${e.via}:${e.doc.id}:${e.doc.name}`));
    const doc = app.create('Giấy khen');
    const hostDoc = store.create('Mẫu', { id: 'template-1' });
    off();
    app.create('not seen');
    expect(seen).toEqual([`DocumentApp.create:${doc.getId()}:Giấy khen`, 'host:template-1:Mẫu']);
    expect(hostDoc.id).toBe('template-1');
  });

  test('openById / openByUrl reopen; an unknown id is "missing"', () => {
    const { app, doc } = newDoc();
    doc.getBody().appendParagraph('Điều 1');
    expect(app.openById(doc.getId()).getBody().getText()).toBe('\nĐiều 1');
    expect(app.openByUrl(doc.getUrl()).getName()).toBe(doc.getName());
    expect(thrown(() => app.openById('nope'))).toBe(
      "Document nope is missing (perhaps it was deleted, or you don't have read access?)",
    );
  });

  test('a Sheets-bound script has no active document, and DocumentApp.getUi() is refused', () => {
    const { app } = setup();
    expect(app.getActiveDocument()).toBeNull();
    expect(thrown(() => app.getUi())).toBe('Cannot call DocumentApp.getUi() from this context.');
  });

  test('enums: ParagraphHeading, HorizontalAlignment, Attribute, ElementType, FontFamily', () => {
    const { app } = setup();
    expect(String(app.ParagraphHeading.HEADING1)).toBe('HEADING1');
    expect(String(app.HorizontalAlignment.JUSTIFY)).toBe('JUSTIFY');
    expect(String(app.Attribute.BOLD)).toBe('BOLD');
    expect(String(app.ElementType.TABLE_CELL)).toBe('TABLE_CELL');
    // FontFamily is deprecated in Apps Script but still present.
    const fonts = (app as unknown as { FontFamily: Record<string, unknown> }).FontFamily;
    expect(String(fonts.TIMES_NEW_ROMAN)).toBe('TIMES_NEW_ROMAN');
  });

  test('saveAndClose closes the Document: later changes throw; reopening works', () => {
    const { app, doc } = newDoc();
    const body = doc.getBody();
    const p = body.appendParagraph('Trước khi lưu');
    doc.saveAndClose();
    expect(thrown(() => body.appendParagraph('x'))).toBe(
      'Document is closed, its contents cannot be updated.',
    );
    expect(
      thrown(() => {
        p.setText('x');
      }),
    ).toBe(DOC_MESSAGES.closed);
    expect(thrown(() => doc.setName('x'))).toBe(DOC_MESSAGES.closed);
    // Reads still work (ASSUMPTION, see elements.ts).
    expect(p.getText()).toBe('Trước khi lưu');
    const again = app.openById(doc.getId());
    again.getBody().appendParagraph('Sau khi mở lại');
    expect(again.getBody().getText()).toBe('\nTrước khi lưu\nSau khi mở lại');
  });

  test('"Too many changes applied before saving document" past the host setting; saveAndClose + openById resets', () => {
    const { app, store } = setup({ maxEditsBeforeSave: 5 });
    const doc = app.create('Bằng khen');
    const body = doc.getBody();
    for (let i = 0; i < 4; i++) body.appendParagraph(`dòng ${i}`); // create is not an edit; 4 edits
    body.replaceText('dòng', 'Dòng'); // 5th edit
    expect(thrown(() => body.appendParagraph('6th'))).toBe(
      'Too many changes applied before saving document. Please save changes in smaller batches using Document.saveAndClose(), then reopen the document with Document.openById().',
    );
    expect(body.getText()).not.toContain('6th');
    doc.saveAndClose();
    const reopened = app.openById(doc.getId());
    reopened.getBody().appendParagraph('tiếp tục');
    expect(store.get(doc.getId())?.text()).toContain('Dòng 3\ntiếp tục');
    store.settings.maxEditsBeforeSave = 1000;
    expect(store.settings.maxEditsBeforeSave).toBe(1000);
  });

  test('getAs("application/pdf") without LibreOffice: a placeholder PDF named <name>.pdf carrying the NFC text', () => {
    const { doc, rt } = newDoc('Giấy khen Nguyễn Văn A');
    doc.getBody().appendParagraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const before = rt.quotaRemaining('filesConverted');
    const blob = doc.getAs('application/pdf');
    expect(blob.getContentType()).toBe('application/pdf');
    expect(blob.getName()).toBe('Giấy khen Nguyễn Văn A.pdf');
    const bytes = blobData(rt, blob)?.bytes ?? new Uint8Array();
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain(PLACEHOLDER_PRODUCER);
    expect(text).toContain('CONG HOA XA HOI CHU NGHIA VIET NAM');
    expect(placeholderText(bytes)).toBe('\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(rt.quotaRemaining('filesConverted')).toBe(before - 1);
    expect(thrown(() => doc.getAs('image/png'))).toBe(
      'Converting from application/vnd.google-apps.document to image/png is not supported.',
    );
  });

  test('getAs uses the pluggable converter when it returns bytes', () => {
    const { app } = setup({ pdf: () => new Uint8Array([37, 80, 68, 70]) });
    const blob = app.create('x').getAs('application/pdf');
    expect(blob.getDataAsString()).toBe('%PDF');
  });

  test('calls are counted and cost virtual time (DocumentApp figures are assumptions in costModel.ts)', () => {
    const { rt, app } = setup();
    const t0 = rt.nowMs;
    const doc = app.create('x');
    doc.getBody().appendParagraph('a');
    doc.getBody().replaceText('a', 'b');
    doc.saveAndClose();
    expect(rt.calls.get('DocumentApp.create')).toBe(1);
    expect(rt.calls.get('Body.appendParagraph')).toBe(1);
    expect(rt.calls.get('Body.replaceText')).toBe(1);
    expect(rt.calls.get('Document.saveAndClose')).toBe(1);
    expect(rt.nowMs - t0).toBeGreaterThanOrEqual(1000 + 15 + 50 + 600);
  });
});

function DocumentApp_ElementType(name: string): unknown {
  const { app } = setup();
  return (app.ElementType as unknown as Record<string, unknown>)[name];
}

describe(`Body (${REF}/body): element tree`, () => {
  test('append / insert / getChild / getChildIndex / removeChild / siblings / parent', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    const a = body.appendParagraph('A');
    const c = body.appendParagraph('C');
    const b = body.insertParagraph(2, 'B');
    expect(body.getNumChildren()).toBe(4);
    expect(body.getText()).toBe('\nA\nB\nC');
    expect(body.getChildIndex(b)).toBe(2);
    expect(b.getNextSibling().asParagraph().getText()).toBe('C');
    expect(b.getPreviousSibling().asParagraph().getText()).toBe('A');
    expect(b.getParent().getType()).toBe(DocumentApp_ElementType('BODY_SECTION'));
    body.removeChild(a);
    expect(body.getText()).toBe('\nB\nC');
    b.removeFromParent();
    expect(body.getText()).toBe('\nC');
    expect(c.isAtDocumentEnd()).toBe(true);
    expect(thrown(() => body.getChild(7))).toBe(
      'Child index (7) must be less than the number of child elements (2).',
    );
  });

  test("the section's last paragraph cannot be removed; clear() leaves one empty paragraph", () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    const last = body.appendParagraph('cuối');
    expect(thrown(() => last.removeFromParent())).toBe(
      "Can't remove the last paragraph in a document section.",
    );
    expect(thrown(() => body.removeChild(last))).toBe(DOC_MESSAGES.lastParagraph);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  test('appendPageBreak and appendHorizontalRule add a paragraph holding the element', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    const pb = body.appendPageBreak();
    expect(pb.getType()).toBe(DocumentApp_ElementType('PAGE_BREAK'));
    expect(pb.getParent().getType()).toBe(DocumentApp_ElementType('PARAGRAPH'));
    const hr = body.appendHorizontalRule();
    expect(hr.getParent().getType()).toBe(DocumentApp_ElementType('PARAGRAPH'));
    expect(body.getNumChildren()).toBe(3);
  });

  test('copy() is detached and deep; an attached element must be detached before appending', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    const p = body.appendParagraph('Mẫu');
    p.editAsText().setBold(true);
    expect(thrown(() => body.appendParagraph(p))).toBe('Element must be detached.');
    const copy = p.copy();
    expect(copy.getParent()).toBeNull();
    const appended = body.appendParagraph(copy);
    appended.editAsText().appendText(' (bản sao)');
    expect(body.getText()).toBe('\nMẫu\nMẫu (bản sao)');
    expect(p.getText()).toBe('Mẫu');
    expect(appended.editAsText().isBold(0)).toBe(true);
  });

  test('paragraphs and elements copy between documents (template → output)', () => {
    const { app, doc: template } = newDoc('Mẫu');
    template.getBody().appendParagraph('{{ten}}').setHeading(app.ParagraphHeading.HEADING2);
    const out = app.create('Kết quả');
    const tBody = template.getBody();
    for (let i = 0; i < tBody.getNumChildren(); i++) {
      const el = tBody.getChild(i);
      if (el.getType() === app.ElementType.PARAGRAPH)
        out.getBody().appendParagraph(el.asParagraph().copy());
    }
    out.getBody().replaceText('\\{\\{ten\\}\\}', 'Phường Hàng Bạc');
    expect(out.getBody().getText()).toBe('\n\nPhường Hàng Bạc');
    expect(out.getBody().getParagraphs()[2]?.getHeading()).toBe(app.ParagraphHeading.HEADING2);
    expect(template.getBody().getText()).toBe('\n{{ten}}');
  });

  test('page size and margins (A4 landscape for a Bằng khen)', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    body.setPageWidth(841.89).setPageHeight(595.276);
    body.setMarginTop(56.7).setMarginBottom(56.7).setMarginLeft(85).setMarginRight(56.7);
    expect([body.getPageWidth(), body.getPageHeight(), body.getMarginLeft()]).toEqual([
      841.89, 595.276, 85,
    ]);
    const attrs = body.getAttributes() as Record<string, unknown>;
    expect(attrs.PAGE_WIDTH).toBe(841.89);
    expect(attrs.MARGIN_TOP).toBe(56.7);
  });

  test('getParagraphs includes list items and paragraphs in tables; getTables, getListItems', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    body.appendListItem('Tiêu chí 1');
    body.appendListItem('Tiêu chí 2');
    body.appendTable([['a', 'b']]);
    expect(body.getParagraphs().map((p) => p.getText())).toEqual([
      '',
      'Tiêu chí 1',
      'Tiêu chí 2',
      'a',
      'b',
      '',
    ]);
    expect(body.getTables()).toHaveLength(1);
    const items = body.getListItems();
    expect(items).toHaveLength(2);
    expect(items[0]?.getListId()).toBe(items[1]?.getListId());
    expect(items[0]?.getGlyphType()).toBeDefined();
  });

  test('headers and footers', () => {
    const { doc } = newDoc();
    expect(doc.getHeader()).toBeNull();
    const header = doc.addHeader();
    header.appendParagraph('UBND QUẬN HOÀN KIẾM');
    doc.addFooter().appendParagraph('Trang 1');
    expect(doc.getHeader().getText()).toBe('\nUBND QUẬN HOÀN KIẾM');
    expect(doc.getFooter().getParagraphs()).toHaveLength(2);
  });
});

describe(`Paragraph (${REF}/paragraph) and Text (${REF}/text): formatting`, () => {
  test('alignment, heading, indents, spacing; getAttributes / setAttributes with Attribute keys', () => {
    const { app, doc } = newDoc();
    const p = doc.getBody().appendParagraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    p.setAlignment(app.HorizontalAlignment.CENTER).setHeading(app.ParagraphHeading.TITLE);
    p.setIndentFirstLine(36).setSpacingAfter(6).setLineSpacing(1.15);
    expect(p.getAlignment()).toBe(app.HorizontalAlignment.CENTER);
    expect(p.getHeading()).toBe(app.ParagraphHeading.TITLE);
    expect([p.getIndentFirstLine(), p.getSpacingAfter(), p.getLineSpacing()]).toEqual([
      36, 6, 1.15,
    ]);
    const style: Record<string, unknown> = {};
    style[String(app.Attribute.BOLD)] = true;
    style[String(app.Attribute.FONT_SIZE)] = 13;
    style[String(app.Attribute.FONT_FAMILY)] = 'Times New Roman';
    style[String(app.Attribute.HORIZONTAL_ALIGNMENT)] = app.HorizontalAlignment.JUSTIFY;
    p.setAttributes(style);
    const attrs = p.getAttributes() as Record<string, unknown>;
    expect(attrs.BOLD).toBe(true);
    expect(attrs.FONT_SIZE).toBe(13);
    expect(attrs.FONT_FAMILY).toBe('Times New Roman');
    expect(attrs.ITALIC).toBeNull();
    expect(attrs.HORIZONTAL_ALIGNMENT).toBe(app.HorizontalAlignment.JUSTIFY);
    expect(p.editAsText().getFontSize()).toBe(13);
  });

  test('Text ranges: set with and without offsets, is*/get* at offsets, null for mixed, attribute indices', () => {
    const { doc } = newDoc();
    const t = doc.getBody().appendParagraph('Độc lập - Tự do - Hạnh phúc').editAsText();
    expect(t.isBold()).toBeNull(); // unset
    t.setBold(0, 6, true)
      .setUnderline(true)
      .setFontFamily('Times New Roman')
      .setFontSize(10, 15, 14);
    t.setForegroundColor(0, 0, '#FF0000').setItalic(false);
    expect(t.isBold(0)).toBe(true);
    expect(t.isBold(7)).toBeNull();
    expect(t.isBold()).toBeNull(); // mixed
    expect(t.isUnderline()).toBe(true);
    expect(t.getFontFamily()).toBe('Times New Roman');
    expect(t.getFontSize(10)).toBe(14);
    expect(t.getForegroundColor(0)).toBe('#ff0000');
    expect(t.getTextAttributeIndices()).toEqual([0, 1, 7, 10, 16]);
    t.setBold(null as unknown as boolean);
    expect(t.isBold(0)).toBeNull();
  });

  test("insertText / appendText / deleteText keep neighbours' formatting; paragraph appendText inherits", () => {
    const { doc } = newDoc();
    const p = doc.getBody().appendParagraph('Ông ');
    const t = p.editAsText();
    t.setBold(true);
    const name = p.appendText('Nguyễn Văn A');
    expect(p.getNumChildren()).toBe(2);
    expect(name.isBold()).toBe(true); // inherits the formatting before it
    name.setBold(false);
    t.insertText(0, '- ').appendText('!');
    expect(t.getText()).toBe('- Ông !');
    expect(t.isBold(0)).toBe(true);
    t.deleteText(0, 1);
    expect(p.getText()).toBe('Ông !Nguyễn Văn A');
    expect(thrown(() => t.deleteText(3, 99))).toContain('out of range');
  });

  test('setText keeps the formatting of the first character (ASSUMPTION)', () => {
    const { doc } = newDoc();
    const p = doc.getBody().appendParagraph('cũ');
    p.editAsText().setItalic(true);
    p.setText('mới');
    expect(p.getText()).toBe('mới');
    expect(p.editAsText().isItalic()).toBe(true);
  });

  test('body.editAsText() formats across paragraphs (offsets joined by "\\n")', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    body.appendParagraph('ab');
    body.appendParagraph('cd');
    const t = body.editAsText();
    expect(t.getText()).toBe('\nab\ncd');
    t.setBold(2, 4, true);
    expect(body.getParagraphs()[1]?.editAsText().isBold(1)).toBe(true);
    expect(body.getParagraphs()[2]?.editAsText().isBold(0)).toBe(true);
    expect(body.getParagraphs()[2]?.editAsText().isBold(1)).toBeNull();
    t.setFontFamily('Times New Roman');
    expect(body.getParagraphs()[2]?.editAsText().getFontFamily()).toBe('Times New Roman');
  });
});

describe(`replaceText and findText (${REF}/body#replaceText(String,String), #findText(String))`, () => {
  test('the pattern is a regular expression given as a string (escape backslashes); case-sensitive', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    body.appendParagraph('Số: {{so}}/QĐ-UBND, số {{SO}}');
    body.replaceText('\\{\\{so\\}\\}', '05');
    expect(body.getText()).toBe('\nSố: 05/QĐ-UBND, số {{SO}}');
    body.replaceText('(?i)\\{\\{so\\}\\}', '06');
    expect(body.getText()).toBe('\nSố: 05/QĐ-UBND, số 06');
    body.replaceText('^.*QĐ.*$', 'thay cả đoạn');
    expect(body.getText()).toBe('\nthay cả đoạn');
  });

  test("a placeholder split across runs of different formatting is replaced; the first run's formatting is kept", () => {
    const { doc } = newDoc();
    const p = doc.getBody().appendParagraph('Tặng {{ho_ten}} vì thành tích');
    const t = p.editAsText();
    // "{{ho_" bold, "ten}}" italic: the Docs UI stores one Text element with two runs.
    t.setBold(5, 9, true).setItalic(10, 14, true);
    expect(p.getNumChildren()).toBe(1);
    doc.getBody().replaceText('\\{\\{ho_ten\\}\\}', 'Nguyễn Thị Bích');
    expect(p.getText()).toBe('Tặng Nguyễn Thị Bích vì thành tích');
    const name = 'Nguyễn Thị Bích';
    expect(t.isBold(5)).toBe(true);
    expect(t.isBold(5 + name.length - 1)).toBe(true);
    expect(t.isItalic(5)).toBeNull();
    expect(t.isBold(5 + name.length)).toBeNull();
  });

  test('matches never span two Text elements or two paragraphs', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    const p = body.appendParagraph('{{a');
    p.appendText('b}}'); // a second Text element in this session
    body.appendParagraph('{{c');
    body.appendParagraph('d}}');
    body.replaceText('\\{\\{ab\\}\\}', 'X');
    body.replaceText('\\{\\{c\\s*d\\}\\}', 'Y');
    expect(body.getText()).toBe('\n{{ab}}\n{{c\nd}}');
  });

  test("a reopened document shows a paragraph's text as one element, so the placeholder then matches", () => {
    const { app, doc } = newDoc();
    const p = doc.getBody().appendParagraph('{{a');
    p.appendText('b}}');
    doc.saveAndClose();
    const again = app.openById(doc.getId());
    again.getBody().replaceText('\\{\\{ab\\}\\}', 'X');
    expect(again.getBody().getText()).toBe('\nX');
    expect(again.getBody().getChild(1).asParagraph().getNumChildren()).toBe(1);
  });

  test('replacement is literal by default; the "java" host setting reads $n and \\ (both ASSUMPTIONS)', () => {
    const { doc, store } = newDoc();
    const body = doc.getBody();
    body.appendParagraph('giá {{x}}');
    body.replaceText('\\{\\{(x)\\}\\}', '$1 000 đ');
    expect(body.getText()).toBe('\ngiá $1 000 đ');
    store.settings.replacementSemantics = 'java';
    body.appendParagraph('{{y}}');
    body.replaceText('\\{\\{(y)\\}\\}', '[$1] \\$');
    expect(body.getText()).toBe('\ngiá $1 000 đ\n[y] $');
    expect(thrown(() => body.replaceText('giá', 'a$b'))).toBe('Illegal group reference');
  });

  test('RE2 has no look-around or back-references', () => {
    const { doc } = newDoc();
    expect(thrown(() => doc.getBody().replaceText('a(?=b)', 'x'))).toContain(
      'Invalid regular expression',
    );
    expect(thrown(() => doc.getBody().findText('(a)\\1'))).toContain('Invalid regular expression');
  });

  test('findText returns RangeElements (element, start, end inclusive) and continues from one; null at the end', () => {
    const { app, doc } = newDoc();
    const body = doc.getBody();
    body.appendParagraph('{{a}} và {{b}}');
    body.appendTable([['{{c}}']]);
    type Found = GoogleAppsScript.Document.RangeElement | null;
    // The declared return type omits null; the reference page says findText returns null at the end.
    const next = (from?: Found): Found => body.findText('\\{\\{[a-z]+\\}\\}', from);
    let r = next();
    const found: string[] = [];
    while (r) {
      const el = r.getElement();
      expect(el.getType()).toBe(app.ElementType.TEXT);
      found.push(
        el
          .asText()
          .getText()
          .slice(r.getStartOffset(), r.getEndOffsetInclusive() + 1),
      );
      r = next(r);
    }
    expect(found).toEqual(['{{a}}', '{{b}}', '{{c}}']);
    const first = body.findText('và');
    expect([first.getStartOffset(), first.getEndOffsetInclusive(), first.isPartial()]).toEqual([
      6,
      7,
      true,
    ]);
    expect(body.findText('không có')).toBeNull();
  });

  test('findText + Text edits replace user data containing $ or \\ safely', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    body.appendParagraph('Thưởng: {{tien}}');
    const r = body.findText('\\{\\{tien\\}\\}');
    const t = r.getElement().asText();
    t.deleteText(r.getStartOffset(), r.getEndOffsetInclusive());
    t.insertText(r.getStartOffset(), '5$ \\ 1');
    expect(body.getText()).toBe('\nThưởng: 5$ \\ 1');
  });
});

describe(`Table (${REF}/table), TableRow (${REF}/table-row), TableCell (${REF}/table-cell)`, () => {
  test('appendTable(cells) builds rows of cells holding paragraphs; an empty paragraph follows the table', () => {
    const { app, doc } = newDoc();
    const body = doc.getBody();
    const table = body.appendTable([
      ['STT', 'Đơn vị', 'Điểm'],
      ['1', 'Phường Hàng Bạc', '95,5'],
    ]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(2).getType()).toBe(app.ElementType.PARAGRAPH);
    expect(table.getNumRows()).toBe(2);
    expect(table.getRow(0).getNumCells()).toBe(3);
    expect(table.getCell(1, 1).getText()).toBe('Phường Hàng Bạc');
    expect(table.getCell(1, 1).getChild(0).getType()).toBe(app.ElementType.PARAGRAPH);
    expect(table.getText()).toBe('STT\nĐơn vị\nĐiểm\n1\nPhường Hàng Bạc\n95,5');
    expect(body.appendTable().getNumRows()).toBe(0);
  });

  test('mail merge: copy a template row, insert one per item, fill it, remove the template', () => {
    const { doc } = newDoc();
    const table = doc.getBody().appendTable([
      ['STT', 'Đơn vị'],
      ['{{stt}}', '{{don_vi}}'],
      ['', 'Tổng'],
    ]);
    const template = table.getRow(1);
    template.getCell(1).editAsText().setBold(true);
    const units = ['Ba Đình', 'Hoàn Kiếm', 'Đống Đa'];
    units.forEach((u, i) => {
      const row = table.insertTableRow(2 + i, template.copy());
      row.replaceText('\\{\\{stt\\}\\}', String(i + 1));
      row.replaceText('\\{\\{don_vi\\}\\}', u);
    });
    table.removeRow(1);
    expect(table.getNumRows()).toBe(5);
    expect(
      [1, 2, 3].map((r) => `${table.getCell(r, 0).getText()}|${table.getCell(r, 1).getText()}`),
    ).toEqual(['1|Ba Đình', '2|Hoàn Kiếm', '3|Đống Đa']);
    expect(table.getCell(3, 1).editAsText().isBold()).toBe(true);
    expect(table.getCell(4, 1).getText()).toBe('Tổng');
    const appended = table.appendTableRow(table.getRow(1).copy());
    expect(appended.getParentTable().getNumRows()).toBe(6);
    expect(thrown(() => table.appendTableRow(table.getRow(0)))).toBe('Element must be detached.');
  });

  test('rows and cells: appendTableCell, removeCell, widths, background, paragraphs in cells', () => {
    const { doc } = newDoc();
    const table = doc.getBody().appendTable();
    const row = table.appendTableRow();
    const c1 = row.appendTableCell('TM. ỦY BAN NHÂN DÂN');
    const c2 = row.appendTableCell();
    c2.appendParagraph('CHỦ TỊCH');
    c1.setWidth(250).setBackgroundColor('#EEEEEE');
    table.setColumnWidth(1, 200);
    expect(row.getNumCells()).toBe(2);
    expect(c1.getWidth()).toBe(250);
    expect(c1.getBackgroundColor()).toBe('#eeeeee');
    expect(table.getColumnWidth(1)).toBe(200);
    expect(c2.getNumChildren()).toBe(2);
    expect(c2.getText()).toBe('\nCHỦ TỊCH');
    expect(c2.getParentRow().getNumCells()).toBe(2);
    row.removeCell(0);
    expect(row.getNumCells()).toBe(1);
    const copy = table.copy();
    expect(copy.getNumRows()).toBe(1);
  });
});

describe(`InlineImage (${REF}/inline-image)`, () => {
  test('appendImage keeps the blob; size read from the PNG header; width and height can be set', () => {
    const { doc, rt } = newDoc();
    const png = new Uint8Array(Buffer.from(PNG_1X1, 'base64'));
    const img = doc.getBody().appendImage(newBlobObject(rt, png, 'image/png', 'logo.png'));
    expect(img.getParent().getType()).toBe(DocumentApp_ElementType('PARAGRAPH'));
    expect([img.getWidth(), img.getHeight()]).toEqual([1, 1]);
    img.setWidth(120).setHeight(120).setAltTitle('Quốc huy');
    expect(img.getAltTitle()).toBe('Quốc huy');
    expect(blobData(rt, img.getBlob())?.bytes).toEqual(png);
    expect(doc.getBody().getImages()).toHaveLength(1);
    const p = doc.getBody().appendParagraph('Ảnh: ');
    p.appendInlineImage(img.copy());
    expect(p.getNumChildren()).toBe(2);
    expect(p.getText()).toBe('Ảnh: ');
  });
});

const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('performance: a mail merge of 2,000 table rows stays fast', () => {
  test('copy + insertTableRow + two replaceText per row', () => {
    const { doc, store } = newDoc();
    store.settings.maxEditsBeforeSave = 100_000;
    const table = doc.getBody().appendTable([
      ['STT', 'Đơn vị'],
      ['{{stt}}', '{{don_vi}}'],
    ]);
    const template = table.getRow(1);
    const t0 = Date.now();
    for (let i = 0; i < 2000; i++) {
      const row = table.appendTableRow(template.copy());
      row.replaceText('\\{\\{stt\\}\\}', String(i + 1));
      row.replaceText('\\{\\{don_vi\\}\\}', `Đơn vị ${i + 1}`);
    }
    table.removeRow(1);
    expect(table.getNumRows()).toBe(2001);
    expect(table.getCell(2000, 1).getText()).toBe('Đơn vị 2000');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('the script side: DocumentApp inside the sandbox', () => {
  test('a script creates, fills, saves and exports a document; values cross the realm', () => {
    const host = hostFor(`
      function f() {
        var doc = DocumentApp.create('Giấy khen');
        var body = doc.getBody();
        var p = body.appendParagraph('GIẤY KHEN');
        p.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
        var style = {};
        style[DocumentApp.Attribute.BOLD] = true;
        p.setAttributes(style);
        var paras = body.getParagraphs();
        var id = doc.getId();
        doc.saveAndClose();
        var again = DocumentApp.openById(id);
        var pdf = again.getAs('application/pdf');
        return [paras instanceof Array, paras.length, again.getBody().getText(), pdf.getName(), typeof again.getBody().getParagraphs()[1].getAttributes()];
      }`);
    const docs = createDocumentService(host.rt, { pdf: () => null });
    host.addService('DocumentApp', docs.DocumentApp);
    const r = host.run('f');
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual([true, 2, '\nGIẤY KHEN', 'Giấy khen.pdf', 'object']);
    expect(docs.model.list()).toHaveLength(1);
  });

  test('a simple trigger cannot use DocumentApp (needs authorisation)', () => {
    const host = hostFor(`function onOpen() { DocumentApp.create('x'); }`);
    host.addService('DocumentApp', createDocumentService(host.rt, { pdf: () => null }).DocumentApp);
    const r = host.run('onOpen', { kind: 'simple' });
    expect(r.error).toContain('You do not have permission to call DocumentApp.create');
  });
});

describe('DocumentStore (host side)', () => {
  test('copyDocument makes a deep copy under a new id; the original is untouched', () => {
    const { app, store } = setup();
    const src = app.create('Mẫu giấy khen');
    src.getBody().appendParagraph('{{ten}}').editAsText().setBold(true);
    src.addHeader().appendParagraph('Đầu trang');
    const copy = store.copyDocument(src.getId(), 'copy-1', 'Giấy khen - A');
    const opened = app.openById('copy-1');
    opened.getBody().replaceText('\\{\\{ten\\}\\}', 'A');
    expect(opened.getName()).toBe('Giấy khen - A');
    expect(opened.getBody().getText()).toBe('\nA');
    expect(opened.getBody().getParagraphs()[1]?.editAsText().isBold()).toBe(true);
    expect(opened.getHeader().getText()).toBe('\nĐầu trang');
    expect(store.get(src.getId())?.text()).toBe('\n{{ten}}');
    expect(copy.pageWidth).toBe(612);
    expect(store.remove('copy-1')).toBe(true);
    expect(thrown(() => app.openById('copy-1'))).toContain('is missing');
  });
});
