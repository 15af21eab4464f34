/**
 * Gives a Doc made from a DocSpec what DocumentApp cannot set (rows kept on one page, no page
 * number on page 1) through the Docs advanced service: one documents.get with a field mask and at
 * most one documents.batchUpdate per document, after the merge and before the PDF export.
 * The requests are planned in core (src/core/documents/layoutRequests.ts).
 *
 * @types/google-apps-script (2.0.13) predates the API's updateTableRowStyle request and
 * TableRowStyle.preventOverflow; the two types below add them as the reference documents them
 * (https://developers.google.com/docs/api/reference/rest/v1/documents/request#UpdateTableRowStyleRequest).
 * The calls themselves (Docs.Documents.get, Docs.Documents.batchUpdate) are declared there.
 */
import type { DocSpec } from '../../core/documents/docSpec';
import {
  LAYOUT_FIELDS,
  keepTogetherTables,
  planLayout,
  readApiLayout,
  type LayoutRequest,
  type PageNumberState,
} from '../../core/documents/layoutRequests';

type ApiRequest = GoogleAppsScript.Docs.Schema.Request & Partial<LayoutRequest>;
type ApiBatch = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest & {
  requests: ApiRequest[];
};

export type DocLayoutOutcome = {
  /** False when the project has no Docs advanced service (appsscript.json does not enable it). */
  readonly service: boolean;
  /** Requests sent in the one batchUpdate (0: nothing to change, no call made). */
  readonly requests: number;
  readonly pageNumbers: PageNumberState;
  /** Keep-together tables not where the spec puts them (a template of the user's own). */
  readonly unmatched: number;
};

/** The Docs advanced service, or null when the manifest does not enable it. */
export function docsService(): GoogleAppsScript.Docs | null {
  // `typeof` because the global does not exist at all in a project without the service.
  return typeof Docs === 'undefined' ? null : Docs;
}

/** Reads the Doc once and applies the spec's layout hints in one batchUpdate. */
export function applyDocLayout(documentId: string, spec: DocSpec): DocLayoutOutcome {
  // A spec with no hint costs no call.
  if (keepTogetherTables(spec).length === 0 && spec.numberPagesFromSecond !== true)
    return { service: true, requests: 0, pageNumbers: 'not-wanted', unmatched: 0 };
  const docs = docsService();
  if (docs === null) return { service: false, requests: 0, pageNumbers: 'missing', unmatched: 0 };
  const found = readApiLayout(docs.Documents.get(documentId, { fields: LAYOUT_FIELDS }));
  const plan = planLayout(spec, found);
  if (plan.requests.length > 0) {
    const batch: ApiBatch = { requests: plan.requests.map((r): ApiRequest => ({ ...r })) };
    docs.Documents.batchUpdate(batch, documentId);
  }
  return {
    service: true,
    requests: plan.requests.length,
    pageNumbers: plan.pageNumbers,
    unmatched: plan.unmatched.length,
  };
}

/**
 * Whether a template Doc carries a page-number field (the API cannot insert one): read with one
 * documents.get. Null when the Docs service is not there to tell.
 */
export function hasPageNumberField(documentId: string): boolean | null {
  const docs = docsService();
  if (docs === null) return null;
  return readApiLayout(docs.Documents.get(documentId, { fields: LAYOUT_FIELDS })).pageNumberField;
}
