/**
 * DocumentApp (https://developers.google.com/apps-script/reference/document/document-app) and
 * Document (https://developers.google.com/apps-script/reference/document/document).
 *
 * - create(name) counts the daily "documents created" quota (quotas page: 250 consumer / 1,500
 *   Workspace; "Service invoked too many times for one day: docs create.") and fires
 *   DocumentStore.onDocumentCreated so the Drive helper files the new document.
 * - openById of an unknown id: "Document <id> is missing (perhaps it was deleted, or you don't have
 *   read access?)" (wording quoted from an Apps Script execution in a public repository).
 * - each create/openById returns a new opened Document with its own change count; saveAndClose()
 *   closes it ("Saves the current Document. Causes pending updates to be flushed and applied." —
 *   Document reference) and later changes through it throw "Document is closed, its contents cannot
 *   be updated." Reopening with openById gives a fresh count.
 * - getActiveDocument() returns null in a script bound to a spreadsheet (ASSUMPTION: it is only for
 *   scripts bound to a document; gas-fakes returns null too) and getUi() throws "Cannot call
 *   DocumentApp.getUi() from this context." (the message Apps Script gives outside the container's
 *   editor).
 * - getAs('application/pdf') / getBlob(): "currently only 'application/pdf' is supported" (Document
 *   reference); counts the "files converted" quota (ASSUMPTION) and returns the PDF of the pluggable
 *   converter (LibreOffice) or the placeholder PDF (pdf.ts), named "<name>.pdf".
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { requireAuthorization, signatureError } from '../services/common';
import { newBlobObject } from '../services/blob';
import { DocumentModel, DocumentStore, idFromUrl, mergeAdjacentText, newSection } from './model';
import { DOC_MESSAGES, Session, beginEdit, view, type DocsCtx } from './elements';
import {
  Attribute,
  ElementType,
  FontFamily,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  PositionedLayout,
  TextAlignment,
  VerticalAlignment,
} from './enums';
import { placeholderPdf } from './pdf';

type RealDocument = GoogleAppsScript.Document.Document;
type RealDocumentApp = GoogleAppsScript.Document.DocumentApp;

export const DOCUMENTS_SCOPE = 'https://www.googleapis.com/auth/documents';
export const PDF = 'application/pdf';

export interface AppCtx extends DocsCtx {
  /** PDF bytes of a document, or null to fall back to the placeholder. */
  pdf: (doc: DocumentModel) => Uint8Array | null;
}

export class DocumentFake implements FakeOf<RealDocument> {
  private readonly s: Session;
  private readonly ctx: AppCtx;

  constructor(ctx: AppCtx, s: Session) {
    this.ctx = ctx;
    this.s = s;
  }

  private get rt(): HostRuntime {
    return this.ctx.rt;
  }

  private read(method: string): DocumentModel {
    this.rt.call(`Document.${method}`);
    return this.s.doc;
  }

  private edit(method: string): DocumentModel {
    this.rt.call(`Document.${method}`);
    beginEdit(this.s);
    return this.s.doc;
  }

  getId(): string {
    return this.read('getId').id;
  }

  getName(): string {
    return this.read('getName').name;
  }

  setName(name: string): unknown {
    const doc = this.edit('setName');
    if (typeof name !== 'string')
      throw signatureError(this.rt, 'DocumentApp.Document.setName', [name]);
    doc.name = name;
    return this;
  }

  getUrl(): string {
    return this.read('getUrl').url;
  }

  getBody(): object {
    return view(this.s, this.read('getBody').body);
  }

  getHeader(): object | null {
    const doc = this.read('getHeader');
    return doc.header ? view(this.s, doc.header) : null;
  }

  getFooter(): object | null {
    const doc = this.read('getFooter');
    return doc.footer ? view(this.s, doc.footer) : null;
  }

  /** ASSUMPTION: when a header exists already, it is returned. */
  addHeader(): object {
    const doc = this.edit('addHeader');
    doc.header ??= newSection('HEADER_SECTION');
    return view(this.s, doc.header);
  }

  addFooter(): object {
    const doc = this.edit('addFooter');
    doc.footer ??= newSection('FOOTER_SECTION');
    return view(this.s, doc.footer);
  }

  saveAndClose(): void {
    this.rt.call('Document.saveAndClose');
    if (this.s.closed) throw this.rt.scriptError(DOC_MESSAGES.closed);
    this.s.closed = true;
    this.s.doc.updatedMs = this.rt.nowMs;
  }

  getAs(contentType: string): unknown {
    this.rt.call('Document.getAs');
    if (typeof contentType !== 'string') {
      throw signatureError(this.rt, 'DocumentApp.Document.getAs', [contentType]);
    }
    return this.pdfBlob(contentType);
  }

  getBlob(): unknown {
    this.rt.call('Document.getBlob');
    return this.pdfBlob(PDF);
  }

  private pdfBlob(contentType: string): unknown {
    if (contentType !== PDF) {
      // ASSUMPTION: wording as Drive's conversion error.
      throw this.rt.scriptError(
        `Converting from application/vnd.google-apps.document to ${contentType} is not supported.`,
      );
    }
    this.rt.useQuota('filesConverted');
    const doc = this.s.doc;
    const bytes = this.ctx.pdf(doc) ?? placeholderPdf(doc);
    return newBlobObject(this.rt, bytes, PDF, `${doc.name}.pdf`);
  }
}

export class DocumentAppFake implements FakeOf<RealDocumentApp> {
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;
  readonly FontFamily = FontFamily;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  readonly PositionedLayout = PositionedLayout;
  readonly TextAlignment = TextAlignment;
  readonly VerticalAlignment = VerticalAlignment;

  private readonly ctx: AppCtx;

  constructor(ctx: AppCtx) {
    this.ctx = ctx;
  }

  private get rt(): HostRuntime {
    return this.ctx.rt;
  }

  private open(doc: DocumentModel): object {
    return strict(new DocumentFake(this.ctx, new Session(this.ctx, doc)), 'Document');
  }

  create(name: string): object {
    this.rt.call('DocumentApp.create');
    requireAuthorization(this.rt, 'DocumentApp.create', DOCUMENTS_SCOPE);
    if (typeof name !== 'string') throw signatureError(this.rt, 'DocumentApp.create', [name]);
    this.rt.useQuota('documentsCreated');
    const doc = this.ctx.store.add(
      name,
      { owner: this.rt.current?.user ?? this.rt.owner },
      'DocumentApp.create',
    );
    return this.open(doc);
  }

  openById(id: string): object {
    this.rt.call('DocumentApp.openById');
    requireAuthorization(this.rt, 'DocumentApp.openById', DOCUMENTS_SCOPE);
    if (typeof id !== 'string') throw signatureError(this.rt, 'DocumentApp.openById', [id]);
    return this.openModel(id);
  }

  openByUrl(url: string): object {
    this.rt.call('DocumentApp.openByUrl');
    requireAuthorization(this.rt, 'DocumentApp.openByUrl', DOCUMENTS_SCOPE);
    if (typeof url !== 'string') throw signatureError(this.rt, 'DocumentApp.openByUrl', [url]);
    const id = idFromUrl(url);
    if (!id) throw this.rt.scriptError(`Invalid argument: url`);
    return this.openModel(id);
  }

  private openModel(id: string): object {
    const doc = this.ctx.store.get(id);
    if (!doc) throw this.rt.scriptError(DOC_MESSAGES.missing(id));
    // A reopened document shows each paragraph's text as one Text element (model.ts).
    mergeAdjacentText(doc.body);
    if (doc.header) mergeAdjacentText(doc.header);
    if (doc.footer) mergeAdjacentText(doc.footer);
    return this.open(doc);
  }

  getActiveDocument(): null {
    this.rt.call('DocumentApp.getActiveDocument');
    return null;
  }

  getUi(): never {
    this.rt.call('DocumentApp.getUi');
    throw this.rt.scriptError(DOC_MESSAGES.getUi);
  }
}

export const appChecks: true[] = [
  assertType<AssertNoExtraMethods<DocumentFake, RealDocument>>(),
  assertType<AssertNoExtraMethods<DocumentAppFake, RealDocumentApp>>(),
];

export function newDocumentApp(ctx: AppCtx): object {
  return strict(new DocumentAppFake(ctx), 'DocumentApp');
}

export type { DocumentStore };
