/**
 * The Docs part of the local Apps Script host: `DocumentApp` for the script's global scope, over a
 * `DocumentStore` that tests, the Drive helper and the demo use directly, plus the .docx and PDF
 * exports.
 *
 * Install in a LocalHost:
 *   const docs = createDocumentService(host.rt);
 *   host.addService('DocumentApp', docs.DocumentApp);
 *   host.addService('Docs', docs.Docs); // the advanced service, when the manifest enables it
 */
import type { HostRuntime } from '../runtime';
import { newDocumentApp } from './app';
import { newDocsAdvancedService } from './advanced';
import { DocumentModel, DocumentStore, type DocumentStoreOptions } from './model';
import { renderPdfBytes } from './pdf';

export * from './model';
export { saveDocx, docxBuffer } from './docx';
export {
  renderPdfBytes,
  savePdf,
  placeholderPdf,
  placeholderText,
  foldToAscii,
  findSoffice,
  resetSofficeCache,
  PLACEHOLDER_MARK,
  PLACEHOLDER_PRODUCER,
  type PdfRenderer,
} from './pdf';
export { renderNodePdf, NODE_PRODUCER } from '../../render/pdf';
export { DOC_MESSAGES } from './elements';
export { DOCUMENTS_SCOPE } from './app';
export { documentResource } from './advanced';
export {
  Attribute,
  ElementType,
  FontFamily,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  VerticalAlignment,
} from './enums';

export interface DocumentServiceOptions extends DocumentStoreOptions {
  /** Share a store (e.g. with a second service or a Drive helper); otherwise a new one. */
  store?: DocumentStore;
  /**
   * The PDF converter behind Document.getAs('application/pdf'); null falls back to the placeholder.
   * Default: renderPdfBytes (LibreOffice when installed).
   */
  pdf?: (doc: DocumentModel) => Uint8Array | null;
}

export interface DocumentService {
  DocumentApp: object;
  /** The Docs advanced service (Google Docs API v1) over the same documents. */
  Docs: object;
  model: DocumentStore;
}

export function createDocumentService(
  rt: HostRuntime,
  options: DocumentServiceOptions = {},
): DocumentService {
  const store = options.store ?? new DocumentStore({ now: () => rt.nowMs, ...options });
  const DocumentApp = newDocumentApp({ rt, store, pdf: options.pdf ?? renderPdfBytes });
  return { DocumentApp, Docs: newDocsAdvancedService(rt, store), model: store };
}
