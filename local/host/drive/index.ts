/**
 * The Drive part of the local Apps Script host: `DriveApp` for the script's global scope over a
 * `DriveModel` that tests, the demo and the other fakes use directly.
 *
 * Wiring with the Docs fake (local/host/docs): pass its backend as `documents` (or call
 * `model.attachDocuments(backend)` later), and let DocumentApp.create report new documents through
 * `model.registerDocument(id, name)` so Drive lists them.
 */
import type { HostRuntime } from '../runtime';
import { createDriveApp, type DriveCtx } from './fakes';
import { DriveModel, type DocumentBackend } from './model';

export { DriveModel, MIME, convertedName, isGoogleType, parseSearch } from './model';
export type {
  AccessName,
  DocumentBackend,
  SpreadsheetBackend,
  DriveItem,
  PermissionName,
  RegisterSpec,
} from './model';
export {
  Access,
  Permission,
  NOT_FOUND_MESSAGE,
  ITERATOR_END_MESSAGE,
  ACCESS_DENIED_MESSAGE,
  idOfView,
} from './fakes';

export interface DriveServiceOptions {
  /** The Docs fake's documents: copies, PDF export. Without it, Google Docs are records only. */
  documents?: DocumentBackend;
  /** An existing model (e.g. shared between two hosts); default a new one owned by rt.owner. */
  model?: DriveModel;
  /** Seed of the deterministic ids. */
  idSeed?: string;
}

export interface DriveService {
  DriveApp: object;
  model: DriveModel;
}

export function createDriveService(
  rt: HostRuntime,
  options: DriveServiceOptions = {},
): DriveService {
  const model =
    options.model ??
    new DriveModel({
      owner: rt.owner,
      now: () => rt.nowMs,
      documents: options.documents,
      idSeed: options.idSeed,
      workspaceDomainOf: (email) => rt.accounts.workspaceDomainOf(email),
    });
  if (options.model && options.documents) model.attachDocuments(options.documents);
  const ctx: DriveCtx = { rt, model };
  return { DriveApp: createDriveApp(ctx), model };
}

// ---------------------------------------------------------------------------------------------
// Wiring with the Docs fake's DocumentStore (local/host/docs), typed structurally so Drive does not
// depend on the Docs fake's internals.

export interface StoredDocumentLike {
  id: string;
  name: string;
  text(): string;
}

export interface DocumentStoreLike<D extends StoredDocumentLike = StoredDocumentLike> {
  get(id: string): D | undefined;
  copyDocument(id: string, newId: string, newName: string): unknown;
  onDocumentCreated(listener: (e: { doc: D; owner: string }) => void): () => void;
  newId: () => string;
}

/** A DocumentBackend over a DocumentStore; `renderPdf` turns a stored document into PDF bytes. */
export function documentBackend<D extends StoredDocumentLike>(
  store: DocumentStoreLike<D>,
  renderPdf: (doc: D) => Uint8Array,
): DocumentBackend {
  const doc = (id: string): D => {
    const d = store.get(id);
    if (!d) throw new Error(`thidua drive: no document ${id} in the Docs fake`);
    return d;
  };
  return {
    exists: (id) => store.get(id) !== undefined,
    name: (id) => doc(id).name,
    rename: (id, name) => {
      doc(id).name = name;
    },
    copy: (id, newId, newName) => {
      store.copyDocument(id, newId, newName);
    },
    pdf: (id) => renderPdf(doc(id)),
    text: (id) => doc(id).text(),
  };
}

/**
 * Connects Drive and Docs both ways: Drive copies and exports through the store, documents the
 * store creates (DocumentApp.create, host fixtures) are filed in My Drive, and new documents take
 * Drive-shaped ids from the Drive model. Returns a function that undoes the listener.
 */
export function connectDocumentStore<D extends StoredDocumentLike>(
  model: DriveModel,
  store: DocumentStoreLike<D>,
  renderPdf: (doc: D) => Uint8Array,
): () => void {
  model.attachDocuments(documentBackend(store, renderPdf));
  store.newId = () => model.newId();
  return store.onDocumentCreated((e) => {
    model.registerDocument(e.doc.id, e.doc.name, undefined, e.owner);
  });
}
