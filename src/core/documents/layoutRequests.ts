/**
 * The Docs API (v1) requests that give a Doc made from a DocSpec what DocumentApp cannot: rows kept
 * on one page (TableSpec.keepRowsTogether → updateTableRowStyle with tableRowStyle.preventOverflow)
 * and, where the template carries a page-number field, no number on the first page
 * (DocSpec.numberPagesFromSecond → updateDocumentStyle with useFirstPageHeaderFooter).
 *
 * Reference: https://developers.google.com/docs/api/reference/rest/v1/documents/request
 * (UpdateTableRowStyleRequest: tableStartLocation, rowIndices — "If no indices are specified, all
 * rows will be updated" —, tableRowStyle, fields; UpdateDocumentStyleRequest: documentStyle,
 * fields) and https://developers.google.com/docs/api/reference/rest/v1/documents (TableRowStyle.
 * preventOverflow: "Whether the row cannot overflow across page or column boundaries";
 * DocumentStyle.useFirstPageHeaderFooter; AutoText type PAGE_NUMBER).
 *
 * The API has no request that inserts a page number: AutoText (PAGE_NUMBER, PAGE_COUNT) appears
 * only in what documents.get returns, and the Request union (insertText, createHeader,
 * insertPageBreak …) has no member that makes one. So page numbers come from the template (a
 * header with Docs' Insert › Page numbers, kept by Drive's copy); what the API can do is hide the
 * first page's number. A template without one is reported (pageNumbers: 'missing').
 *
 * Pure: the Apps Script side (src/gas/docs/layout.ts) reads the Doc and sends the requests.
 */
import type { DocSpec } from './docSpec';

/** A top-level table of the body as documents.get reports it. */
export type ApiTable = {
  readonly startIndex: number;
  readonly columns: number;
  readonly rows: number;
  /** Rows already marked preventOverflow (a user's template may carry them). */
  readonly keptRows: number;
};

/** What the layout hints need to know of a Doc, read from documents.get (readApiLayout). */
export type ApiLayout = {
  readonly tables: readonly ApiTable[];
  /** The default header (or footer) holds a PAGE_NUMBER auto text. */
  readonly pageNumberField: boolean;
  /** The first page has a header of its own that holds a PAGE_NUMBER auto text. */
  readonly pageNumberOnFirstPageHeader: boolean;
  readonly useFirstPageHeaderFooter: boolean;
};

export type RowStyleRequest = {
  readonly updateTableRowStyle: {
    readonly tableStartLocation: { readonly index: number };
    readonly tableRowStyle: { readonly preventOverflow: boolean };
    readonly fields: 'preventOverflow';
  };
};

export type DocumentStyleRequest = {
  readonly updateDocumentStyle: {
    readonly documentStyle: { readonly useFirstPageHeaderFooter: boolean };
    readonly fields: 'useFirstPageHeaderFooter';
  };
};

export type LayoutRequest = RowStyleRequest | DocumentStyleRequest;

export type PageNumberState =
  /** The spec does not ask for page numbers. */
  | 'not-wanted'
  /** Numbered from page 2 already (or made so by the requests). */
  | 'from-second'
  /** The Doc has no page-number field: the API cannot insert one. */
  | 'missing';

export type LayoutPlan = {
  readonly requests: readonly LayoutRequest[];
  /**
   * Ordinals of the spec's keep-together tables the Doc does not have in that place with that many
   * columns (a template of the user's own): left as the template made them.
   */
  readonly unmatched: readonly number[];
  readonly pageNumbers: PageNumberState;
};

/** The spec's keep-together tables: ordinal among the body's tables, and its column count. */
export function keepTogetherTables(
  spec: DocSpec,
): readonly { readonly ordinal: number; readonly columns: number }[] {
  const out: { ordinal: number; columns: number }[] = [];
  let ordinal = 0;
  for (const block of spec.blocks) {
    if (block.kind !== 'table') continue;
    if (block.keepRowsTogether === true) out.push({ ordinal, columns: block.widths.length });
    ordinal++;
  }
  return out;
}

/**
 * One request per keep-together table found where the spec puts it with the spec's number of
 * columns (tables are counted in body order, which merging keeps; a table dropped by {{#if}} is
 * the last one, so no later ordinal moves). Tables whose every row is kept already need nothing.
 */
export function planLayout(spec: DocSpec, doc: ApiLayout): LayoutPlan {
  const requests: LayoutRequest[] = [];
  const unmatched: number[] = [];
  for (const target of keepTogetherTables(spec)) {
    const table = doc.tables[target.ordinal];
    if (table === undefined) continue;
    if (table.columns !== target.columns) {
      unmatched.push(target.ordinal);
      continue;
    }
    if (table.keptRows >= table.rows) continue;
    requests.push({
      updateTableRowStyle: {
        tableStartLocation: { index: table.startIndex },
        tableRowStyle: { preventOverflow: true },
        fields: 'preventOverflow',
      },
    });
  }
  let pageNumbers: PageNumberState = 'not-wanted';
  if (spec.numberPagesFromSecond === true) {
    if (!doc.pageNumberField) pageNumbers = 'missing';
    else {
      pageNumbers = 'from-second';
      // Decree 30/2020, Appendix I: the first page shows no number. A first-page header of the
      // template's own that numbers page 1 is the author's choice and is left alone.
      if (!doc.useFirstPageHeaderFooter && !doc.pageNumberOnFirstPageHeader) {
        requests.push({
          updateDocumentStyle: {
            documentStyle: { useFirstPageHeaderFooter: true },
            fields: 'useFirstPageHeaderFooter',
          },
        });
      }
    }
  }
  return { requests, unmatched, pageNumbers };
}

// ------------------------------------------------------------------ reading documents.get

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function holdsPageNumber(content: unknown): boolean {
  for (const el of list(content)) {
    if (!isObject(el)) continue;
    const paragraph = el.paragraph;
    if (isObject(paragraph)) {
      for (const pe of list(paragraph.elements)) {
        if (isObject(pe) && isObject(pe.autoText) && pe.autoText.type === 'PAGE_NUMBER')
          return true;
      }
    }
    const table = el.table;
    if (isObject(table)) {
      for (const row of list(table.tableRows)) {
        if (!isObject(row)) continue;
        for (const cell of list(row.tableCells))
          if (isObject(cell) && holdsPageNumber(cell.content)) return true;
      }
    }
  }
  return false;
}

function segmentHoldsPageNumber(segments: unknown, id: unknown): boolean {
  if (typeof id !== 'string' || !isObject(segments)) return false;
  const segment = segments[id];
  return isObject(segment) && holdsPageNumber(segment.content);
}

/** The parts of a documents.get answer (a Document resource) the layout plan reads. */
export function readApiLayout(document: unknown): ApiLayout {
  const doc = isObject(document) ? document : {};
  const body = isObject(doc.body) ? doc.body : {};
  const tables: ApiTable[] = [];
  for (const el of list(body.content)) {
    if (!isObject(el) || !isObject(el.table)) continue;
    const rows = list(el.table.tableRows);
    const kept = rows.filter(
      (r) => isObject(r) && isObject(r.tableRowStyle) && r.tableRowStyle.preventOverflow === true,
    ).length;
    tables.push({
      startIndex: num(el.startIndex),
      columns: num(el.table.columns),
      rows: num(el.table.rows) || rows.length,
      keptRows: kept,
    });
  }
  const style = isObject(doc.documentStyle) ? doc.documentStyle : {};
  return {
    tables,
    pageNumberField:
      segmentHoldsPageNumber(doc.headers, style.defaultHeaderId) ||
      segmentHoldsPageNumber(doc.footers, style.defaultFooterId),
    pageNumberOnFirstPageHeader:
      segmentHoldsPageNumber(doc.headers, style.firstPageHeaderId) ||
      segmentHoldsPageNumber(doc.footers, style.firstPageFooterId),
    useFirstPageHeaderFooter: style.useFirstPageHeaderFooter === true,
  };
}

/**
 * The fields documents.get needs to return for readApiLayout (a partial response: the whole
 * document of a large pledge is not read for a few indices).
 */
export const LAYOUT_FIELDS =
  'body.content(startIndex,table(columns,rows,tableRows(tableRowStyle))),' +
  'documentStyle(defaultHeaderId,defaultFooterId,firstPageHeaderId,firstPageFooterId,useFirstPageHeaderFooter),' +
  'headers,footers';
