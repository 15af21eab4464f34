/**
 * Conformance tests of the Docs advanced service fake (local/host/docs/advanced.ts), each citing
 * the reference it follows:
 * - https://developers.google.com/apps-script/advanced/docs (the `Docs` global, Documents.get and
 *   Documents.batchUpdate(resource, documentId));
 * - https://developers.google.com/docs/api/reference/rest/v1/documents (Document, StructuralElement
 *   startIndex / endIndex, Table rows / columns / tableRows, TableRowStyle.preventOverflow,
 *   DocumentStyle.useFirstPageHeaderFooter, AutoText PAGE_NUMBER);
 * - https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate ("If any request
 *   is not valid, then the entire request will fail and nothing will be applied");
 * - https://developers.google.com/docs/api/reference/rest/v1/documents/request
 *   (UpdateTableRowStyleRequest: "If no indices are specified, all rows will be updated";
 *   UpdateDocumentStyleRequest).
 */
import { HostRuntime } from '../../local/host/runtime';
import {
  appendChild,
  createDocumentService,
  newParagraph,
  newTable,
  type DocumentModel,
  type DocumentStore,
} from '../../local/host/docs';
import { hostFor } from './sandboxStandIn';

type Docs = GoogleAppsScript.Docs;
type Json = Record<string, unknown>;

const REST = 'https://developers.google.com/docs/api/reference/rest/v1/documents';

function setup(): { rt: HostRuntime; docs: Docs; store: DocumentStore; doc: DocumentModel } {
  const rt = new HostRuntime();
  const svc = createDocumentService(rt, { pdf: () => null });
  const doc = svc.model.create('Giao ước thi đua', { id: 'doc-1' });
  doc.body.children = [];
  appendChild(doc.body, newParagraph('Giao ước'));
  appendChild(
    doc.body,
    newTable([
      ['CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      ['Nguyễn Văn An', 'Trần Thị Bình'],
    ]),
  );
  appendChild(doc.body, newParagraph(''));
  appendChild(doc.body, newTable([['Chứng kiến']]));
  return { rt, docs: svc.Docs as unknown as Docs, store: svc.model, doc };
}

function thrown(fn: () => unknown): Error & { details?: unknown } {
  try {
    fn();
  } catch (e) {
    return e as Error & { details?: unknown };
  }
  throw new Error('no error');
}

const content = (resource: object): Json[] =>
  (resource as { body?: { content?: Json[] } }).body?.content ?? [];

const tableStarts = (resource: object): number[] =>
  content(resource)
    .filter((e) => e.table !== undefined)
    .map((e) => e.startIndex as number);

const keepRequest = (index: number, extra: Json = {}): Json => ({
  updateTableRowStyle: {
    tableStartLocation: { index },
    tableRowStyle: { preventOverflow: true },
    fields: 'preventOverflow',
    ...extra,
  },
});

describe(`Docs.Documents.get (${REST}/get)`, () => {
  it('returns the body as structural elements with contiguous indices: a section break, paragraphs with their newline, tables', () => {
    const { docs } = setup();
    const resource = docs.Documents.get('doc-1');
    const els = content(resource);
    expect(els[0]).toEqual({ endIndex: 1, sectionBreak: { sectionStyle: {} } });
    // "Giao ước" is 8 UTF-16 units (NFC), plus its newline.
    expect([els[1]?.startIndex, els[1]?.endIndex]).toEqual([1, 10]);
    for (let i = 1; i < els.length; i++)
      expect(els[i]?.startIndex).toBe(els[i - 1]?.endIndex as number);
    const table = els[2]?.table as Json;
    expect([table.rows, table.columns]).toEqual([2, 2]);
    const rows = table.tableRows as Json[];
    expect(rows.map((r) => (r.tableRowStyle as Json).preventOverflow)).toEqual([false, false]);
    // The first row opens one index after the table, its first cell one after the row.
    expect(rows[0]?.startIndex).toBe(11);
    const cells = rows[0]?.tableCells as Json[];
    expect(cells[0]?.startIndex).toBe(12);
    const cellParagraph = (cells[0]?.content as Json[])[0] as Json;
    expect([cellParagraph.startIndex, cellParagraph.endIndex]).toEqual([
      13,
      13 + 'CHỦ TỊCH'.length + 1,
    ]);
    expect((resource as { title?: string }).title).toBe('Giao ước thi đua');
  });

  it('accepts optionalArgs (a field mask) and answers an unknown id with the API 404', () => {
    const { docs } = setup();
    expect(
      content(docs.Documents.get('doc-1', { fields: 'body.content(startIndex)' })),
    ).not.toEqual([]);
    const e = thrown(() => docs.Documents.get('nope'));
    expect(e.message).toBe(
      'API call to docs.documents.get failed with error: Requested entity was not found.',
    );
    expect(e.details).toEqual({ code: 404, message: 'Requested entity was not found.' });
  });

  it('shows page numbers inserted in Docs as an AutoText PAGE_NUMBER in the default header; "from page 2" as a first-page header of its own', () => {
    const { docs, doc } = setup();
    doc.pageNumbers = { position: 'header', from: 1 };
    const one = docs.Documents.get('doc-1') as Json;
    const style = one.documentStyle as Json;
    expect(style.useFirstPageHeaderFooter).toBe(false);
    const header = (one.headers as Json)[style.defaultHeaderId as string] as Json;
    expect(JSON.stringify(header.content)).toContain('"type":"PAGE_NUMBER"');
    doc.pageNumbers = { position: 'header', from: 2 };
    const two = docs.Documents.get('doc-1') as Json;
    const style2 = two.documentStyle as Json;
    expect(style2.useFirstPageHeaderFooter).toBe(true);
    expect(((two.headers as Json)[style2.firstPageHeaderId as string] as Json).content).toEqual([]);
  });
});

describe(`Docs.Documents.batchUpdate (${REST}/batchUpdate, ${REST}/request)`, () => {
  it('updateTableRowStyle with preventOverflow and no rowIndices keeps every row of the table found at tableStartLocation', () => {
    const { docs, doc } = setup();
    const [first, second] = tableStarts(docs.Documents.get('doc-1'));
    const reply = docs.Documents.batchUpdate(
      { requests: [keepRequest(first as number)] },
      'doc-1',
    ) as Json;
    expect(reply.documentId).toBe('doc-1');
    expect(reply.replies).toEqual([{}]);
    const tables = doc.body.children.filter((n) => n.type === 'TABLE');
    expect(tables[0]?.children.map((r) => r.keepTogether)).toEqual([true, true]);
    expect(tables[1]?.children.map((r) => r.keepTogether)).toEqual([undefined]);
    // documents.get reads it back.
    const again = content(docs.Documents.get('doc-1')).find((e) => e.startIndex === second);
    expect(again?.table).toBeDefined();
    const back = content(docs.Documents.get('doc-1')).find((e) => e.startIndex === first);
    const rows = (back?.table as Json).tableRows as Json[];
    expect(rows.map((r) => (r.tableRowStyle as Json).preventOverflow)).toEqual([true, true]);
  });

  it('applies rowIndices only to those rows; preventOverflow false clears the flag', () => {
    const { docs, doc } = setup();
    const [first] = tableStarts(docs.Documents.get('doc-1'));
    docs.Documents.batchUpdate(
      { requests: [keepRequest(first as number, { rowIndices: [1] })] },
      'doc-1',
    );
    const table = doc.body.children.find((n) => n.type === 'TABLE');
    expect(table?.children.map((r) => r.keepTogether === true)).toEqual([false, true]);
    docs.Documents.batchUpdate(
      {
        requests: [
          {
            updateTableRowStyle: {
              tableStartLocation: { index: first },
              tableRowStyle: {},
              fields: 'preventOverflow',
            },
          } as Json,
        ],
      },
      'doc-1',
    );
    expect(table?.children.map((r) => r.keepTogether === true)).toEqual([false, false]);
  });

  it('is atomic: a bad request later in the list leaves the earlier ones unapplied', () => {
    const { docs, doc } = setup();
    const [first] = tableStarts(docs.Documents.get('doc-1'));
    const e = thrown(() =>
      docs.Documents.batchUpdate(
        { requests: [keepRequest(first as number), keepRequest(2)] },
        'doc-1',
      ),
    );
    expect(e.message).toMatch(
      /^API call to docs\.documents\.batchUpdate failed with error: Invalid requests\[1\]\.updateTableRowStyle: /,
    );
    expect((e.details as { code: number }).code).toBe(400);
    const table = doc.body.children.find((n) => n.type === 'TABLE');
    expect(table?.children.some((r) => r.keepTogether === true)).toBe(false);
  });

  it('refuses an empty request and a request the host does not model, with the API 400 shape', () => {
    const { docs } = setup();
    expect(thrown(() => docs.Documents.batchUpdate({ requests: [{}] }, 'doc-1')).message).toBe(
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[0]: No request set.',
    );
    const e = thrown(() =>
      docs.Documents.batchUpdate(
        { requests: [{ insertText: { text: 'x', location: { index: 1 } } }] },
        'doc-1',
      ),
    );
    expect(e.message).toContain('Invalid requests[0]: the local host does not model insertText');
    expect((e.details as { code: number }).code).toBe(400);
  });

  it('updateDocumentStyle useFirstPageHeaderFooter gives page 1 a header of its own: numbers from page 2', () => {
    const { docs, doc } = setup();
    doc.pageNumbers = { position: 'header', from: 1 };
    docs.Documents.batchUpdate(
      {
        requests: [
          {
            updateDocumentStyle: {
              documentStyle: { useFirstPageHeaderFooter: true },
              fields: 'useFirstPageHeaderFooter',
            },
          } as Json,
        ],
      },
      'doc-1',
    );
    expect(doc.pageNumbers).toEqual({ position: 'header', from: 2 });
  });
});

describe('the Docs service in the host: cost, authorisation, the script realm', () => {
  it('counts each call and advances the virtual clock by the cost model', () => {
    const { rt, docs } = setup();
    const before = rt.nowMs;
    const [first] = tableStarts(docs.Documents.get('doc-1'));
    docs.Documents.batchUpdate({ requests: [keepRequest(first as number)] }, 'doc-1');
    expect(rt.calls.get('Docs.Documents.get')).toBe(1);
    expect(rt.calls.get('Docs.Documents.batchUpdate')).toBe(1);
    expect(rt.nowMs - before).toBe(400 + 600);
  });

  it('a simple trigger cannot call it (documents scope), a menu run can, with plain request objects', () => {
    const host = hostFor(`
      function onOpen() { Docs.Documents.get('doc-1'); }
      function run() {
        var doc = Docs.Documents.get('doc-1', { fields: 'body.content(startIndex,table(rows))' });
        var starts = doc.body.content.filter(function (e) { return e.table; }).map(function (e) { return e.startIndex; });
        Docs.Documents.batchUpdate({ requests: [{ updateTableRowStyle: {
          tableStartLocation: { index: starts[0] }, tableRowStyle: { preventOverflow: true }, fields: 'preventOverflow' } }] }, 'doc-1');
        return starts.length;
      }`);
    const svc = createDocumentService(host.rt, { pdf: () => null });
    const doc = svc.model.create('x', { id: 'doc-1' });
    appendChild(doc.body, newTable([['a', 'b']]));
    host.addService('Docs', svc.Docs);
    expect(host.run('onOpen', { kind: 'simple' }).error).toContain(
      'You do not have permission to call Docs.Documents.get',
    );
    const r = host.run('run');
    expect(r.error).toBeUndefined();
    expect(r.value).toBe(1);
    expect(doc.body.children.find((n) => n.type === 'TABLE')?.children[0]?.keepTogether).toBe(true);
  });
});
