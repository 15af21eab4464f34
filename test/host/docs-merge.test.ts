/**
 * The merge engine's gas side (src/gas/docs/merge.ts) run against the DocumentApp fake
 * (local/host/docs) directly in Node: read a template body, plan in core, apply in batches with
 * saveAndClose between them, and compare the result with the plan's reference semantics
 * (simulateOps). Reference pages: https://developers.google.com/apps-script/reference/document/
 * {body,paragraph,table,table-row,text}.
 */
import { HostRuntime } from '../../local/host/runtime';
import { createDocumentService, DOC_MESSAGES, type DocumentStore } from '../../local/host/docs';
import { parseDocShape, planMerge, shapeLines, simulateOps } from '../../src/core/template';
import type { DocShape, MergePlan, TemplateRecord } from '../../src/core/template';
import { applyMergePlan, applyMergePlanById, readDocShape } from '../../src/gas/docs/merge';

type App = GoogleAppsScript.Document.DocumentApp;

const globals = globalThis as Record<string, unknown>;

function setup(maxEditsBeforeSave: number): { app: App; rt: HostRuntime; store: DocumentStore } {
  const rt = new HostRuntime();
  const service = createDocumentService(rt, { pdf: () => null, maxEditsBeforeSave });
  const app = service.DocumentApp as unknown as App;
  globals.DocumentApp = app;
  return { app, rt, store: service.model };
}

afterEach(() => {
  delete globals.DocumentApp;
});

/** A pledge-like template, with a placeholder split across a bold and an italic run. */
function makeTemplate(app: App): string {
  const doc = app.create('Mẫu giao ước');
  const body = doc.getBody();
  const first = body.getChild(0).asParagraph();
  first.setText('Kính gửi: {{ten_don_vi}}.');
  first.editAsText().setBold(10, 15, true); // "{{ten_"
  first.editAsText().setItalic(16, 23, true); // "don_vi}}"
  body.appendParagraph('{{#if ghi_chu}}');
  body.appendParagraph('Ghi chú: {{ghi_chu}}');
  body.appendParagraph('{{/if}}');
  body.appendParagraph('{{#thanh_vien}}');
  body.appendParagraph('{{@index}}. {{ho_ten|hoa}}');
  body.appendParagraph('{{/thanh_vien}}');
  body.appendTable([
    ['STT', 'Đơn vị', 'Điểm'],
    ['{{#rows}}{{@index}}', '{{name}}', '{{score|so:2}}{{/rows}}'],
  ]);
  body.appendParagraph('Hà Nội, {{ngay|ngay}}');
  const id = doc.getId();
  doc.saveAndClose();
  return id;
}

const DATA: TemplateRecord = {
  ten_don_vi: 'UBND quận Ba Đình',
  ghi_chu: '',
  thanh_vien: [{ ho_ten: 'Nguyễn Văn An' }, { ho_ten: 'Trần Thị Bình' }],
  rows: [
    { name: 'Ba Đình', score: 98.5 },
    { name: 'Đống Đa', score: 97 },
    { name: 'Long Biên', score: 95.25 },
  ],
  ngay: { year: 2020, month: 1, day: 5 },
};

function planFor(app: App, id: string): { shape: DocShape; plan: MergePlan } {
  const shape = readDocShape(app.openById(id).getBody());
  const parsed = parseDocShape(shape, 'Mẫu giao ước');
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return { shape, plan: planMerge(parsed.template, DATA) };
}

describe('merge into a Docs body through DocumentApp', () => {
  test('reads the body as a DocShape with runs split at formatting changes', () => {
    const { app } = setup(1000);
    const { shape } = planFor(app, makeTemplate(app));
    const first = shape.blocks[0];
    expect(first?.kind === 'paragraph' && first.runs.map((r) => r.text)).toEqual([
      'Kính gửi: ',
      '{{ten_',
      'don_vi}}',
      '.',
    ]);
    expect(shape.blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
  });

  test('applies the plan in batches under the change limit and matches the reference result', () => {
    const { app } = setup(25);
    const id = makeTemplate(app);
    const { shape, plan } = planFor(app, id);
    expect(plan.issues).toEqual([]);
    const edits = applyMergePlanById(id, plan, 20);
    expect(edits).toBe(plan.edits);
    const after = readDocShape(app.openById(id).getBody());
    const expected = shapeLines(simulateOps(shape, plan.ops).blocks);
    expect(shapeLines(after.blocks)).toEqual(expected);
    expect(expected.filter((l) => l !== '')).toEqual([
      'Kính gửi: UBND quận Ba Đình.',
      '1. NGUYỄN VĂN AN',
      '2. TRẦN THỊ BÌNH',
      'STT | Đơn vị | Điểm',
      '1 | Ba Đình | 98,50',
      '2 | Đống Đa | 97,00',
      '3 | Long Biên | 95,25',
      'Hà Nội, ngày 05 tháng 01 năm 2020',
    ]);
    expect(app.openById(id).getBody().getText()).not.toContain('{{');
  });

  test('keeps the formatting of the first run of a split placeholder', () => {
    const { app } = setup(1000);
    const id = makeTemplate(app);
    const { plan } = planFor(app, id);
    const body = app.openById(id).getBody();
    applyMergePlan(body, plan);
    const text = body.getChild(0).asParagraph().editAsText();
    expect(text.getText()).toBe('Kính gửi: UBND quận Ba Đình.');
    expect(text.isBold(10)).toBe(true);
    expect(text.isBold(26)).toBe(true);
    expect(text.isItalic(10)).not.toBe(true);
    expect(text.isBold(9)).not.toBe(true);
    expect(text.isBold(27)).not.toBe(true);
  });

  test('stops at maxEdits and resumes where it stopped after saveAndClose', () => {
    const { app } = setup(1000);
    const id = makeTemplate(app);
    const { shape, plan } = planFor(app, id);
    const doc = app.openById(id);
    const first = applyMergePlan(doc.getBody(), plan, { maxEdits: 10 });
    expect(first.done).toBe(false);
    expect(first.edits).toBeLessThanOrEqual(10);
    doc.saveAndClose();
    const second = applyMergePlan(app.openById(id).getBody(), plan, { from: first.next });
    expect(second.done).toBe(true);
    expect(first.edits + second.edits).toBe(plan.edits);
    expect(shapeLines(readDocShape(app.openById(id).getBody()).blocks)).toEqual(
      shapeLines(simulateOps(shape, plan.ops).blocks),
    );
  });

  test('without batches the fake raises Docs’ "Too many changes" error', () => {
    const { app, store } = setup(1000);
    const id = makeTemplate(app);
    store.settings.maxEditsBeforeSave = 10;
    const { plan } = planFor(app, id);
    expect(plan.edits).toBeGreaterThan(10);
    expect(() => applyMergePlan(app.openById(id).getBody(), plan)).toThrow(
      DOC_MESSAGES.tooManyChanges,
    );
  });

  test('clears the last paragraph instead of removing it, and repeats list items', () => {
    const { app } = setup(1000);
    const doc = app.create('Mẫu');
    const body = doc.getBody();
    body.getChild(0).asParagraph().setText('Danh sách:');
    body.appendParagraph('{{#items}}');
    body.appendListItem('{{name}}');
    body.appendParagraph('{{/items}}');
    body.appendParagraph('{{#if note}}');
    body.appendParagraph('{{note}}');
    body.appendParagraph('{{/if}}');
    const shape = readDocShape(body);
    const parsed = parseDocShape(shape, 'Mẫu');
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
    const plan = planMerge(parsed.template, { items: [{ name: 'A' }, { name: 'B' }], note: '' });
    expect(plan.ops).toContainEqual({ op: 'clearBlock', container: [], block: 6 });
    applyMergePlan(body, plan);
    expect(shapeLines(readDocShape(body).blocks)).toEqual(['Danh sách:', 'A', 'B', '']);
    expect(readDocShape(body).blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'listItem',
      'listItem',
      'paragraph',
    ]);
  });
});
