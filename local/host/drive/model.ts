/**
 * The Drive the host keeps for the script: files and folders with their parents, trash state,
 * owner, sharing and dates on the virtual clock. Host-only: tests, the demo and the other fakes
 * (Sheets, Docs) use it directly; the script sees it only through the DriveApp fakes (./fakes.ts).
 *
 * Google Docs' content lives in the DocumentApp fake; Drive reaches it through a `DocumentBackend`
 * (copy a document, render its PDF), so neither fake depends on the other's internals.
 */
import { createHash } from 'node:crypto';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  pdf: 'application/pdf',
  plain: 'text/plain',
  markdown: 'text/markdown',
  octet: 'application/octet-stream',
} as const;

/** What Drive needs from the Docs fake (local/host/docs), wired in by createDriveService. */
export interface DocumentBackend {
  exists(id: string): boolean;
  name(id: string): string;
  /** Creates document `newId` named `newName` with the content of `id`. */
  copy(id: string, newId: string, newName: string): void;
  /** The document rendered as PDF bytes (File.getAs('application/pdf')). */
  pdf(id: string): Uint8Array;
  /** The document's plain text (used for 'text/markdown' export and by tests). */
  text(id: string): string;
  /** Keeps the document's own name in step with File.setName (optional). */
  rename?(id: string, name: string): void;
}

/** What Drive needs from the Sheets fake: copying a spreadsheet's content into a new file. */
export interface SpreadsheetBackend {
  exists(id: string): boolean;
  /** Creates spreadsheet `newId` named `newName`, owned by `owner`, with the content of `id`. */
  copy(id: string, newId: string, newName: string, owner: string): void;
}

/** Names of DriveApp.Access / DriveApp.Permission members (reference/drive/access, /permission). */
export type AccessName = 'ANYONE' | 'ANYONE_WITH_LINK' | 'DOMAIN' | 'DOMAIN_WITH_LINK' | 'PRIVATE';
export type PermissionName = 'VIEW' | 'EDIT' | 'COMMENT' | 'OWNER' | 'ORGANIZER' | 'NONE';

export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  /** Ids of the folders that hold the item (a Drive item may have several; the root has none). */
  parents: string[];
  /** Trashed explicitly; an item inside a trashed folder is trashed too (see DriveModel.isTrashed). */
  trashed: boolean;
  owner: string;
  access: AccessName;
  permission: PermissionName;
  editors: string[];
  viewers: string[];
  description: string | null;
  starred: boolean;
  createdMs: number;
  updatedMs: number;
  /** Content of a plain (non-Google) file. */
  bytes?: Uint8Array;
}

export interface RegisterSpec {
  id?: string;
  name: string;
  mimeType: string;
  /** Default: the root folder. */
  parentId?: string;
  bytes?: Uint8Array;
  /** Convenience for text files (UTF-8). */
  content?: string;
  owner?: string;
  description?: string;
}

export interface DriveModelOptions {
  owner: string;
  now: () => number;
  documents?: DocumentBackend;
  /** Seed of the deterministic ids (default 'thidua-drive'). */
  idSeed?: string;
  /** Name of the root folder (DriveApp.getRootFolder().getName()); default 'My Drive'. */
  rootName?: string;
  /**
   * The Workspace domain of an account, from the host's one account model (undefined for a
   * consumer account). Default: none, so domain sharing reaches nobody but the owner.
   */
  workspaceDomainOf?: (email: string) => string | undefined;
}

export class DriveModel {
  readonly items = new Map<string, DriveItem>();
  /** The owner's My Drive. Every other user has their own, made when first needed. */
  readonly rootId: string;
  readonly owner: string;
  private readonly roots = new Map<string, string>();
  documents?: DocumentBackend;
  spreadsheets?: SpreadsheetBackend;
  private readonly now: () => number;
  private readonly idSeed: string;
  private readonly workspaceDomainOf: (email: string) => string | undefined;
  private idCounter = 0;

  constructor(options: DriveModelOptions) {
    this.owner = options.owner;
    this.now = options.now;
    this.documents = options.documents;
    this.idSeed = options.idSeed ?? 'thidua-drive';
    this.workspaceDomainOf = options.workspaceDomainOf ?? (() => undefined);
    this.rootId = this.newId();
    this.items.set(
      this.rootId,
      this.record(this.rootId, options.rootName ?? 'My Drive', MIME.folder, [], this.owner),
    );
    this.roots.set(this.owner.toLowerCase(), this.rootId);
  }

  /**
   * The user's own My Drive: DriveApp.getRootFolder() and new files without a folder go there
   * (https://developers.google.com/apps-script/reference/drive/drive-app#getRootFolder()), so a
   * head who is only an editor of the workbook creates files in the head's Drive, not the owner's.
   */
  rootOf(user: string): string {
    const key = user.toLowerCase();
    let id = this.roots.get(key);
    if (id === undefined) {
      id = this.newId();
      this.items.set(id, this.record(id, 'My Drive', MIME.folder, [], user));
      this.roots.set(key, id);
    }
    return id;
  }

  isRoot(id: string): boolean {
    return [...this.roots.values()].includes(id);
  }

  /** A fresh id shaped like Drive's (44 URL-safe characters), deterministic per model. */
  newId(): string {
    this.idCounter++;
    const digest = createHash('sha256')
      .update(`${this.idSeed}:${this.idCounter}`)
      .digest('base64url');
    return `1${digest.slice(0, 43)}`;
  }

  /** Connects the Docs fake after construction (the two are built in either order). */
  attachDocuments(backend: DocumentBackend): void {
    this.documents = backend;
  }

  // --- host-side registration (no call counted) ----------------------------------------------

  /** Puts a file in Drive as if it had always been there (the bound spreadsheet, templates). */
  registerFile(spec: RegisterSpec): DriveItem {
    const id = spec.id ?? this.newId();
    if (this.items.has(id)) throw new Error(`thidua drive: id ${id} already exists`);
    const parent = this.requireFolder(spec.parentId ?? this.rootOf(spec.owner ?? this.owner));
    const item = this.record(id, spec.name, spec.mimeType, [parent.id], spec.owner ?? this.owner);
    if (spec.description !== undefined) item.description = spec.description;
    if (spec.bytes) item.bytes = new Uint8Array(spec.bytes);
    else if (spec.content !== undefined)
      item.bytes = new Uint8Array(Buffer.from(spec.content, 'utf8'));
    else if (!isGoogleType(spec.mimeType)) item.bytes = new Uint8Array(0);
    this.items.set(id, item);
    return item;
  }

  registerFolder(spec: {
    id?: string;
    name: string;
    parentId?: string;
    owner?: string;
  }): DriveItem {
    return this.registerFile({ ...spec, mimeType: MIME.folder });
  }

  /**
   * The hook for documents created through DocumentApp.create: Drive lists them in the root folder,
   * as Drive does. Idempotent (a document already known keeps its record).
   */
  registerDocument(id: string, name: string, parentId?: string, owner?: string): DriveItem {
    const known = this.items.get(id);
    if (known) return known;
    return this.registerFile({
      id,
      name,
      mimeType: MIME.document,
      parentId,
      owner: owner || undefined,
    });
  }

  // --- queries ---------------------------------------------------------------------------------

  get(id: string): DriveItem | undefined {
    return this.items.get(id);
  }

  isFolder(item: DriveItem): boolean {
    return item.mimeType === MIME.folder;
  }

  /** Trashed explicitly or inside a trashed folder (Drive trashes a folder's content with it). */
  isTrashed(item: DriveItem, seen = new Set<string>()): boolean {
    if (item.trashed) return true;
    seen.add(item.id);
    return item.parents.some((p) => {
      const parent = this.items.get(p);
      return parent !== undefined && !seen.has(p) && this.isTrashed(parent, seen);
    });
  }

  /** The name as the script sees it: a Google Doc's name comes from the Docs fake when connected. */
  nameOf(item: DriveItem): string {
    if (item.mimeType === MIME.document && this.documents?.exists(item.id)) {
      return this.documents.name(item.id);
    }
    return item.name;
  }

  rename(item: DriveItem, name: string): void {
    item.name = name;
    if (item.mimeType === MIME.document && this.documents?.exists(item.id)) {
      this.documents.rename?.(item.id, name);
    }
    this.touch(item);
  }

  touch(item: DriveItem): void {
    item.updatedMs = this.now();
  }

  /** Items whose parents include `folderId`, in creation order. */
  children(folderId: string): DriveItem[] {
    return [...this.items.values()].filter((i) => i.parents.includes(folderId));
  }

  /** URL formats Drive returns from getUrl() (observed; ASSUMPTION that the `usp` suffix is stable). */
  url(item: DriveItem): string {
    if (item.mimeType === MIME.folder) return `https://drive.google.com/drive/folders/${item.id}`;
    if (item.mimeType === MIME.document)
      return `https://docs.google.com/document/d/${item.id}/edit?usp=drivesdk`;
    if (item.mimeType === MIME.spreadsheet)
      return `https://docs.google.com/spreadsheets/d/${item.id}/edit?usp=drivesdk`;
    return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
  }

  /** Bytes of storage used: Google-native files use none (ASSUMPTION: getSize() is 0 for them). */
  sizeOf(item: DriveItem): number {
    return item.bytes?.length ?? 0;
  }

  /** Folder path of an item for reports and tests ("My Drive/Giấy khen 2025/a.pdf"). */
  pathOf(id: string): string {
    const parts: string[] = [];
    let item = this.items.get(id);
    const seen = new Set<string>();
    while (item && !seen.has(item.id)) {
      seen.add(item.id);
      parts.unshift(this.nameOf(item));
      const parentId = item.parents[0];
      item = parentId === undefined ? undefined : this.items.get(parentId);
    }
    return parts.join('/');
  }

  /** Files (not folders) under a folder by name, for tests ("what did the script leave here?"). */
  filesIn(folderId: string, includeTrashed = false): DriveItem[] {
    return this.children(folderId).filter(
      (i) => !this.isFolder(i) && (includeTrashed || !this.isTrashed(i)),
    );
  }

  // --- access ----------------------------------------------------------------------------------

  /** Whether `user` may see the item: owner, a listed editor or viewer (here or on a folder above), or link sharing. */
  canRead(item: DriveItem, user: string): boolean {
    return this.grant(item, user, 'read');
  }

  canEdit(item: DriveItem, user: string): boolean {
    return this.grant(item, user, 'edit');
  }

  private grant(
    item: DriveItem,
    user: string,
    level: 'read' | 'edit',
    seen = new Set<string>(),
  ): boolean {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    const u = user.toLowerCase();
    if (item.owner.toLowerCase() === u || item.editors.includes(u)) return true;
    if (level === 'read' && item.viewers.includes(u)) return true;
    if (item.access !== 'PRIVATE') {
      const domainOnly = item.access === 'DOMAIN' || item.access === 'DOMAIN_WITH_LINK';
      // DOMAIN sharing is a Workspace feature: it reaches accounts of the owner's Workspace domain
      // (https://developers.google.com/apps-script/reference/drive/access), never consumer ones.
      const ownerDomain = this.workspaceDomainOf(item.owner);
      const sameDomain = ownerDomain !== undefined && ownerDomain === this.workspaceDomainOf(u);
      const enough = level === 'read' ? item.permission !== 'NONE' : item.permission === 'EDIT';
      if (enough && (!domainOnly || sameDomain)) return true;
    }
    return item.parents.some((p) => {
      const parent = this.items.get(p);
      return parent !== undefined && this.grant(parent, user, level, seen);
    });
  }

  // --- mutation helpers used by the fakes -------------------------------------------------------

  /** A new record (not yet stored). */
  record(id: string, name: string, mimeType: string, parents: string[], owner: string): DriveItem {
    const now = this.now();
    return {
      id,
      name,
      mimeType,
      parents,
      trashed: false,
      owner,
      access: 'PRIVATE',
      permission: 'NONE',
      editors: [],
      viewers: [],
      description: null,
      starred: false,
      createdMs: now,
      updatedMs: now,
    };
  }

  add(item: DriveItem): DriveItem {
    this.items.set(item.id, item);
    return item;
  }

  requireFolder(id: string): DriveItem {
    const folder = this.items.get(id);
    if (!folder || !this.isFolder(folder)) throw new Error(`thidua drive: no folder ${id}`);
    return folder;
  }
}

export function isGoogleType(mimeType: string): boolean {
  return mimeType.startsWith('application/vnd.google-apps.');
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Blob naming on conversion, from the Blob.getAs reference
 * (developers.google.com/apps-script/reference/base/blob#getAs(String)): the extension is appended,
 * and the part after the last period, if any, is taken for an extension and replaced —
 * "ShoppingList.12.25.2014" becomes "ShoppingList.12.25.pdf".
 */
export function convertedName(name: string, extension: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot >= 0 ? name.slice(0, dot) : name}.${extension}`;
}

// ---------------------------------------------------------------------------------------------
// searchFiles: the small subset of Drive's query language the project needs.

export type SearchPredicate = (item: DriveItem, model: DriveModel) => boolean;

export class UnsupportedQuery extends Error {}

/**
 * Parses `clause (and clause)*` where a clause is one of
 *   title = 'x' | name = 'x' | title contains 'x' | name contains 'x'
 *   mimeType = 'x' | mimeType != 'x' | trashed = true|false | 'folderId' in parents
 * (Drive search syntax, developers.google.com/drive/api/guides/ref-search-terms; DriveApp.searchFiles
 * takes the v2 field `title`, v3's `name` is accepted too). Throws `SyntaxError` for text that is not
 * a query and `UnsupportedQuery` for a valid query the host does not model.
 */
export function parseSearch(params: string): SearchPredicate {
  const tokens = tokenize(params);
  const clauses: SearchPredicate[] = [];
  let i = 0;
  const take = (): Token => {
    const t = tokens[i++];
    if (!t) throw new SyntaxError('unexpected end of query');
    return t;
  };
  for (;;) {
    const a = take();
    const op = take();
    const b = take();
    clauses.push(clause(a, op, b));
    if (i >= tokens.length) break;
    const joiner = take();
    if (joiner.kind !== 'word' || joiner.text.toLowerCase() !== 'and') {
      if (joiner.kind === 'word' && /^(or|not)$/i.test(joiner.text))
        throw new UnsupportedQuery(`'${joiner.text}' in searchFiles`);
      throw new SyntaxError(`unexpected ${joiner.text}`);
    }
  }
  return (item, model) => clauses.every((c) => c(item, model));
}

interface Token {
  kind: 'word' | 'string' | 'op';
  text: string;
}

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= q.length) throw new SyntaxError('unterminated string');
        const d = q.charAt(i);
        if (d === '\\' && i + 1 < q.length) {
          text += q.charAt(i + 1);
          i += 2;
        } else if (d === c) {
          i++;
          break;
        } else {
          text += d;
          i++;
        }
      }
      out.push({ kind: 'string', text });
    } else if (c === '!' && q.charAt(i + 1) === '=') {
      out.push({ kind: 'op', text: '!=' });
      i += 2;
    } else if (c === '=' || c === '<' || c === '>') {
      out.push({ kind: 'op', text: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i));
      const text = m ? m[0] : c;
      out.push({ kind: 'word', text });
      i += text.length;
    } else {
      throw new SyntaxError(`unexpected ${c}`);
    }
  }
  return out;
}

function clause(a: Token, op: Token, b: Token): SearchPredicate {
  if (a.kind === 'string' && op.kind === 'word' && op.text.toLowerCase() === 'in') {
    if (b.kind !== 'word' || b.text !== 'parents') throw new UnsupportedQuery(`in ${b.text}`);
    const folderId = a.text;
    return (item) => item.parents.includes(folderId);
  }
  if (a.kind !== 'word') throw new SyntaxError(`unexpected ${a.text}`);
  const field = a.text;
  const opText = op.text.toLowerCase();
  if (field === 'title' || field === 'name') {
    if (b.kind !== 'string') throw new SyntaxError('a string is expected');
    if (opText === '=') return (item, model) => model.nameOf(item) === b.text;
    if (opText === '!=') return (item, model) => model.nameOf(item) !== b.text;
    if (opText === 'contains') return (item, model) => model.nameOf(item).includes(b.text);
    throw new UnsupportedQuery(`${field} ${op.text}`);
  }
  if (field === 'mimeType') {
    if (b.kind !== 'string') throw new SyntaxError('a string is expected');
    if (opText === '=') return (item) => item.mimeType === b.text;
    if (opText === '!=') return (item) => item.mimeType !== b.text;
    throw new UnsupportedQuery(`mimeType ${op.text}`);
  }
  if (field === 'trashed') {
    if (op.text !== '=' && op.text !== '!=') throw new SyntaxError(`unexpected ${op.text}`);
    if (b.kind !== 'word' || !/^(true|false)$/.test(b.text))
      throw new SyntaxError('true or false is expected');
    const want = (b.text === 'true') === (op.text === '=');
    return (item, model) => model.isTrashed(item) === want;
  }
  throw new UnsupportedQuery(`field ${field}`);
}
