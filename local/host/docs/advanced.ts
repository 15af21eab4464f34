/**
 * The Docs advanced service (`Docs`, Google Docs API v1 as Apps Script exposes it once
 * appsscript.json lists it under dependencies.enabledAdvancedServices):
 * https://developers.google.com/apps-script/advanced/docs and
 * https://developers.google.com/docs/api/reference/rest/v1/documents.
 *
 * Over the same DocumentStore as DocumentApp:
 * - Documents.get(documentId, optionalArgs) returns the Document resource: body.content as
 *   structural elements with startIndex / endIndex (a section break first, ending at 1; a paragraph
 *   spans its text and its newline; a table, each row and each cell open with one index of their
 *   own and the table closes with one: ASSUMPTION, as observed in documents.get answers), tables
 *   with rows, columns and tableRows[].tableRowStyle (minRowHeight, preventOverflow);
 *   documentStyle (page size, margins, header ids, useFirstPageHeaderFooter) and headers / footers.
 *   The model's page numbering (DocumentModel.pageNumbers, what a user inserts with Insert › Page
 *   numbers) reads as a default header holding an AutoText PAGE_NUMBER, and "from page 2" as
 *   useFirstPageHeaderFooter with an empty first-page header. `fields` is accepted and ignored
 *   (the whole resource is returned, a superset of any mask).
 * - Documents.batchUpdate(resource, documentId) applies updateTableRowStyle (tableRowStyle.
 *   preventOverflow and minRowHeight, all rows or rowIndices; the table found by
 *   tableStartLocation.index) and updateDocumentStyle (useFirstPageHeaderFooter). Every request is
 *   checked before any is applied ("If any request is not valid, then the entire request will fail
 *   and nothing will be applied"); a request of a kind the host does not model is refused with
 *   the API's 400 shape, so the product cannot come to rely on it unnoticed.
 * - Errors read as Apps Script words them for advanced services: "API call to
 *   docs.documents.<method> failed with error: <message>", with `details` = { code, message }
 *   (as observed in public Apps Script projects). API messages: "Invalid requests[0]: No request
 *   set." (a Request with no member), "Requested entity was not found." (404, unknown id).
 * - Each call counts in the cost model ("Docs.Documents.get", "Docs.Documents.batchUpdate") and
 *   needs the documents scope, as DocumentApp does (a simple trigger may not call it).
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { requireAuthorization } from '../services/common';
import { DOCUMENTS_SCOPE } from './app';
import type { DocNode, DocumentModel, DocumentStore } from './model';

type RealDocs = GoogleAppsScript.Docs;
type RealDocuments = GoogleAppsScript.Docs.Collection.DocumentsCollection;
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request kinds this host applies; any other member of the Request union is refused. */
const MODELLED = new Set(['updateTableRowStyle', 'updateDocumentStyle']);

const DEFAULT_HEADER_ID = 'kix.thidua-header';
const FIRST_PAGE_HEADER_ID = 'kix.thidua-first-header';
const DEFAULT_FOOTER_ID = 'kix.thidua-footer';
const FIRST_PAGE_FOOTER_ID = 'kix.thidua-first-footer';

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly apiMessage: string,
  ) {
    super(apiMessage);
  }
}

const pt = (magnitude: number): Json => ({ magnitude, unit: 'PT' });

/** Index length of a paragraph's inline content: text by UTF-16 units, other inlines one each. */
function inlineLength(p: DocNode): number {
  let n = 0;
  for (const c of p.children)
    n += c.type === 'TEXT' ? c.runs.reduce((s, r) => s + r.text.length, 0) : 1;
  return n;
}

function paragraphJson(p: DocNode, start: number): { json: Json; end: number } {
  const elements: Json[] = [];
  let i = start;
  for (const c of p.children) {
    if (c.type === 'TEXT') {
      for (const r of c.runs) {
        if (r.text === '') continue;
        elements.push({ startIndex: i, endIndex: i + r.text.length, textRun: { content: r.text } });
        i += r.text.length;
      }
    } else {
      const key =
        c.type === 'PAGE_BREAK'
          ? 'pageBreak'
          : c.type === 'HORIZONTAL_RULE'
            ? 'horizontalRule'
            : 'inlineObjectElement';
      elements.push({ startIndex: i, endIndex: i + 1, [key]: {} });
      i += 1;
    }
  }
  // Every paragraph ends with its newline, carried by the last text run.
  elements.push({ startIndex: i, endIndex: i + 1, textRun: { content: '\n' } });
  const end = start + inlineLength(p) + 1;
  return { json: { startIndex: start, endIndex: end, paragraph: { elements } }, end };
}

function contentJson(nodes: readonly DocNode[], start: number): { content: Json[]; end: number } {
  const content: Json[] = [];
  let i = start;
  for (const node of nodes) {
    if (node.type === 'TABLE') {
      const t = tableJson(node, i);
      content.push(t.json);
      i = t.end;
    } else if (node.type === 'PARAGRAPH' || node.type === 'LIST_ITEM') {
      const p = paragraphJson(node, i);
      content.push(p.json);
      i = p.end;
    }
  }
  return { content, end: i };
}

function tableJson(table: DocNode, start: number): { json: Json; end: number } {
  let i = start + 1;
  const tableRows: Json[] = [];
  for (const row of table.children) {
    const rowStart = i;
    i += 1;
    const tableCells: Json[] = [];
    for (const cell of row.children) {
      const cellStart = i;
      const inner = contentJson(cell.children, i + 1);
      i = inner.end;
      tableCells.push({ startIndex: cellStart, endIndex: i, content: inner.content });
    }
    const tableRowStyle: Json = { preventOverflow: row.keepTogether === true };
    if (row.minimumHeight !== undefined) tableRowStyle.minRowHeight = pt(row.minimumHeight);
    tableRows.push({ startIndex: rowStart, endIndex: i, tableCells, tableRowStyle });
  }
  const end = i + 1;
  const columns = table.children.reduce((w, r) => Math.max(w, r.children.length), 0);
  return {
    json: {
      startIndex: start,
      endIndex: end,
      table: { rows: table.children.length, columns, tableRows },
    },
    end,
  };
}

function segmentJson(section: DocNode | null, pageNumber: boolean): Json[] {
  const content = section ? contentJson(section.children, 0).content : [];
  if (pageNumber) {
    content.push({
      startIndex: 0,
      endIndex: 2,
      paragraph: {
        elements: [
          { startIndex: 0, endIndex: 1, autoText: { type: 'PAGE_NUMBER' } },
          { startIndex: 1, endIndex: 2, textRun: { content: '\n' } },
        ],
        paragraphStyle: { alignment: 'CENTER' },
      },
    });
  }
  return content;
}

/** The Document resource of the model (documents.get). */
export function documentResource(doc: DocumentModel): Json {
  const body = contentJson(doc.body.children, 1);
  const numbers = doc.pageNumbers;
  const style: Json = {
    pageSize: { width: pt(doc.pageWidth), height: pt(doc.pageHeight) },
    marginTop: pt(doc.marginTop),
    marginBottom: pt(doc.marginBottom),
    marginLeft: pt(doc.marginLeft),
    marginRight: pt(doc.marginRight),
    useFirstPageHeaderFooter: numbers !== undefined && numbers.from >= 2,
  };
  const headers: Json = {};
  const footers: Json = {};
  const inHeader = numbers?.position === 'header';
  const inFooter = numbers?.position === 'footer';
  if (doc.header !== null || inHeader) {
    style.defaultHeaderId = DEFAULT_HEADER_ID;
    headers[DEFAULT_HEADER_ID] = {
      headerId: DEFAULT_HEADER_ID,
      content: segmentJson(doc.header, inHeader),
    };
  }
  if (doc.footer !== null || inFooter) {
    style.defaultFooterId = DEFAULT_FOOTER_ID;
    footers[DEFAULT_FOOTER_ID] = {
      footerId: DEFAULT_FOOTER_ID,
      content: segmentJson(doc.footer, inFooter),
    };
  }
  if (numbers !== undefined && numbers.from >= 2) {
    // The first page's own header (or footer), empty: no number on page 1.
    if (inHeader) {
      style.firstPageHeaderId = FIRST_PAGE_HEADER_ID;
      headers[FIRST_PAGE_HEADER_ID] = { headerId: FIRST_PAGE_HEADER_ID, content: [] };
    } else {
      style.firstPageFooterId = FIRST_PAGE_FOOTER_ID;
      footers[FIRST_PAGE_FOOTER_ID] = { footerId: FIRST_PAGE_FOOTER_ID, content: [] };
    }
  }
  return {
    documentId: doc.id,
    title: doc.name,
    body: { content: [{ endIndex: 1, sectionBreak: { sectionStyle: {} } }, ...body.content] },
    documentStyle: style,
    headers,
    footers,
  };
}

/** The body's top-level tables by their startIndex in documentResource's numbering. */
function tablesByStart(doc: DocumentModel): Map<number, DocNode> {
  const out = new Map<number, DocNode>();
  let i = 1;
  for (const node of doc.body.children) {
    if (node.type === 'TABLE') {
      out.set(i, node);
      i = tableJson(node, i).end;
    } else if (node.type === 'PARAGRAPH' || node.type === 'LIST_ITEM') {
      i = paragraphJson(node, i).end;
    }
  }
  return out;
}

type Apply = () => void;

function rowStyleChange(doc: DocumentModel, req: unknown, at: string): Apply {
  if (!isObject(req)) throw new ApiError(400, `Invalid ${at}: No request set.`);
  const location = req.tableStartLocation;
  const index = isObject(location) ? location.index : undefined;
  if (typeof index !== 'number')
    throw new ApiError(400, `Invalid ${at}: tableStartLocation is required.`);
  if (isObject(location) && typeof location.segmentId === 'string' && location.segmentId !== '')
    throw new ApiError(400, `Invalid ${at}: the host models tables of the body only.`);
  const table = tablesByStart(doc).get(index);
  if (table === undefined)
    throw new ApiError(400, `Invalid ${at}: The provided table start location is invalid.`);
  const fields = typeof req.fields === 'string' ? req.fields.split(',').map((f) => f.trim()) : [];
  if (fields.length === 0 || fields.every((f) => f === ''))
    throw new ApiError(400, `Invalid ${at}: At least one field must be listed in 'fields'.`);
  const all = fields.includes('*');
  const known = new Set(['preventOverflow', 'prevent_overflow', 'minRowHeight', 'min_row_height']);
  const unknown = fields.filter((f) => f !== '*' && !known.has(f));
  if (unknown.length > 0)
    throw new ApiError(400, `Invalid ${at}: Invalid field: ${unknown.join(', ')}`);
  const style = isObject(req.tableRowStyle) ? req.tableRowStyle : {};
  const rows = table.children;
  const indices = Array.isArray(req.rowIndices) ? (req.rowIndices as unknown[]) : [];
  for (const r of indices) {
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 0 || r >= rows.length)
      throw new ApiError(400, `Invalid ${at}: row index ${String(r)} is out of bounds.`);
  }
  const targets = indices.length === 0 ? rows : indices.map((r) => rows[r as number] as DocNode);
  const setOverflow =
    all || fields.includes('preventOverflow') || fields.includes('prevent_overflow');
  const setHeight = all || fields.includes('minRowHeight') || fields.includes('min_row_height');
  const height = isObject(style.minRowHeight) ? style.minRowHeight.magnitude : undefined;
  return () => {
    for (const row of targets) {
      // A listed field absent from the style is reset to its default (FieldMask semantics).
      if (setOverflow) {
        if (style.preventOverflow === true) row.keepTogether = true;
        else delete row.keepTogether;
      }
      if (setHeight) {
        if (typeof height === 'number' && height > 0) row.minimumHeight = height;
        else delete row.minimumHeight;
      }
    }
  };
}

function documentStyleChange(doc: DocumentModel, req: unknown, at: string): Apply {
  if (!isObject(req)) throw new ApiError(400, `Invalid ${at}: No request set.`);
  const fields = typeof req.fields === 'string' ? req.fields.split(',').map((f) => f.trim()) : [];
  const unknown = fields.filter(
    (f) => f !== 'useFirstPageHeaderFooter' && f !== 'use_first_page_header_footer',
  );
  if (fields.length === 0 || unknown.length > 0)
    throw new ApiError(
      400,
      `Invalid ${at}: the host models updateDocumentStyle of useFirstPageHeaderFooter only (fields: ${String(req.fields)}).`,
    );
  const style = isObject(req.documentStyle) ? req.documentStyle : {};
  const on = style.useFirstPageHeaderFooter === true;
  return () => {
    // With a first-page header of its own (empty), page 1 shows no number; without, it does.
    if (doc.pageNumbers) doc.pageNumbers = { ...doc.pageNumbers, from: on ? 2 : 1 };
  };
}

export class DocumentsFake implements FakeOf<RealDocuments> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly store: DocumentStore,
  ) {}

  private fail(method: string, error: unknown): never {
    if (!(error instanceof ApiError)) throw error;
    const e = this.rt.scriptError(
      `API call to docs.documents.${method} failed with error: ${error.apiMessage}`,
    ) as Error & { details?: unknown };
    e.details = { code: error.code, message: error.apiMessage };
    throw e;
  }

  private model(documentId: unknown): DocumentModel {
    const doc = typeof documentId === 'string' ? this.store.get(documentId) : undefined;
    if (doc === undefined) throw new ApiError(404, 'Requested entity was not found.');
    return doc;
  }

  // optionalArgs (fields, suggestionsViewMode …) is accepted and ignored: the whole resource is a
  // superset of any field mask.
  get(documentId: string, _optionalArgs?: object): object {
    this.rt.call('Docs.Documents.get');
    requireAuthorization(this.rt, 'Docs.Documents.get', DOCUMENTS_SCOPE);
    try {
      return documentResource(this.model(documentId));
    } catch (error) {
      this.fail('get', error);
    }
  }

  batchUpdate(
    resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
    documentId: string,
  ): object {
    this.rt.call('Docs.Documents.batchUpdate');
    requireAuthorization(this.rt, 'Docs.Documents.batchUpdate', DOCUMENTS_SCOPE);
    try {
      const doc = this.model(documentId);
      const requests: unknown[] =
        isObject(resource) && Array.isArray(resource.requests)
          ? (resource.requests as unknown[])
          : [];
      if (requests.length === 0) throw new ApiError(400, 'Must specify at least one request.');
      // Validate every request first: all are applied, or none.
      const changes = requests.map((request, i): Apply => {
        const at = `requests[${String(i)}]`;
        const kinds = isObject(request)
          ? Object.keys(request).filter((k) => request[k] !== undefined)
          : [];
        if (kinds.length === 0) throw new ApiError(400, `Invalid ${at}: No request set.`);
        const kind = kinds[0] as string;
        if (kinds.length > 1 || !MODELLED.has(kind))
          throw new ApiError(
            400,
            `Invalid ${at}: the local host does not model ${kinds.join(', ')} (it applies ${[...MODELLED].join(', ')}).`,
          );
        const body = (request as Json)[kind];
        return kind === 'updateTableRowStyle'
          ? rowStyleChange(doc, body, `${at}.${kind}`)
          : documentStyleChange(doc, body, `${at}.${kind}`);
      });
      for (const apply of changes) apply();
      doc.updatedMs = this.rt.nowMs;
      return { documentId: doc.id, replies: requests.map(() => ({})), writeControl: {} };
    } catch (error) {
      this.fail('batchUpdate', error);
    }
  }
}

export class DocsFake {
  readonly Documents: RealDocuments;

  constructor(rt: HostRuntime, store: DocumentStore) {
    this.Documents = strict(
      new DocumentsFake(rt, store),
      'Docs.Documents',
    ) as unknown as RealDocuments;
  }
}

export const advancedChecks: true[] = [
  assertType<AssertNoExtraMethods<DocumentsFake, RealDocuments>>(),
  assertType<AssertNoExtraMethods<DocsFake, RealDocs>>(),
];

/** The `Docs` global of a script whose manifest enables the Docs advanced service. */
export function newDocsAdvancedService(rt: HostRuntime, store: DocumentStore): object {
  return strict(new DocsFake(rt, store), 'Docs');
}
