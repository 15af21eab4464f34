/**
 * DriveApp, File, Folder, FileIterator, FolderIterator and Drive's User, as the script sees them:
 * views over the DriveModel (./model.ts), each typed against @types/google-apps-script.
 *
 * References (developers.google.com/apps-script/reference/drive/...):
 * - drive-app: getFileById / getFolderById, getRootFolder, createFile(blob | name, content[, mimeType]),
 *   createFolder, getFiles / getFilesByName / getFilesByType, getFolders / getFoldersByName,
 *   searchFiles(params), continueFileIterator, Access and Permission enums;
 * - file: getAs(contentType), getBlob, makeCopy([name][, destination]), moveTo, setTrashed,
 *   setSharing(access, permission), addEditor(s) / addViewer(s), dates, description, size;
 * - folder: createFile, createFolder, getFiles…, addFile / removeFile, moveTo, setTrashed;
 * - file-iterator / folder-iterator: hasNext, next, getContinuationToken.
 *
 * Behaviours and their sources:
 * - Unknown or unreadable id: "No item with the given ID could be found. Possibly because you have not
 *   edited this item or you do not have permission to access it." (Apps Script's wording, quoted in
 *   chriskyfung/AutoFetcher-IG-Stories-to-GDrive#112).
 * - An exhausted iterator's next(): "Cannot retrieve the next object: iterator has reached the end."
 *   (quoted in jamietr1/google-docs-writing-tracker#31).
 * - getFilesByName / getFoldersByName leave trashed items out, as live Apps Script does
 *   (brucemcpherson/gas-fakes#44); getFiles / getFolders likewise, the trash being listed by
 *   getTrashedFiles / getTrashedFolders (ASSUMPTION for getFiles: same rule as the by-name searches).
 *   searchFiles passes the query through, so trashed items are found unless it says `trashed = false`
 *   (the Drive API's files.list "returns all files by default, including trashed files").
 * - Conversions count the "Files converted" daily quota and copies of Google Docs the "Documents
 *   created" quota (quotas page: 2,000 / 4,000 and 250 / 1,500 a day).
 * - getAs names the blob by replacing the last extension (Blob.getAs reference), see convertedName.
 * ASSUMPTIONS (no published text): "Invalid argument: id" for an empty id; "Invalid argument: q" for
 * a query that does not parse; "Access denied: DriveApp." when the user may read but not edit;
 * "Converting from <type> to <type> is not supported." for a conversion Drive cannot do;
 * "Invalid argument: permission.value" for a malformed e-mail in addEditor/addViewer; new items are
 * listed in creation order.
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { blobData, newBlobObject } from '../services/blob';
import { enumName, makeEnum, requireAuthorization, signatureError, utf8 } from '../services/common';
import {
  MIME,
  UnsupportedQuery,
  convertedName,
  isGoogleType,
  parseSearch,
  type AccessName,
  type DriveItem,
  type DriveModel,
  type PermissionName,
  type SearchPredicate,
} from './model';

type RealDriveApp = GoogleAppsScript.Drive.DriveApp;
type RealFile = GoogleAppsScript.Drive.File;
type RealFolder = GoogleAppsScript.Drive.Folder;
type RealFileIterator = GoogleAppsScript.Drive.FileIterator;
type RealFolderIterator = GoogleAppsScript.Drive.FolderIterator;
type RealDriveUser = GoogleAppsScript.Drive.User;

export const NOT_FOUND_MESSAGE =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
export const ITERATOR_END_MESSAGE =
  'Cannot retrieve the next object: iterator has reached the end.';
export const ACCESS_DENIED_MESSAGE = 'Access denied: DriveApp.';
const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';

export const Access = makeEnum<AccessName>([
  'ANYONE',
  'ANYONE_WITH_LINK',
  'DOMAIN',
  'DOMAIN_WITH_LINK',
  'PRIVATE',
]);
export const Permission = makeEnum<PermissionName>([
  'VIEW',
  'EDIT',
  'COMMENT',
  'OWNER',
  'ORGANIZER',
  'NONE',
]);

/** Everything a view needs; one per DriveApp. */
export interface DriveCtx {
  rt: HostRuntime;
  model: DriveModel;
}

/** Proxy handed to the script -> id and kind of the item it shows. */
const viewIds = new WeakMap<object, { id: string; kind: 'file' | 'folder' }>();

export function fileView(ctx: DriveCtx, id: string): RealFile {
  const proxy = strict(new FileFake(ctx, id), 'File');
  viewIds.set(proxy, { id, kind: 'file' });
  return proxy as unknown as RealFile;
}

export function folderView(ctx: DriveCtx, id: string): RealFolder {
  const proxy = strict(new FolderFake(ctx, id), 'Folder');
  viewIds.set(proxy, { id, kind: 'folder' });
  return proxy as unknown as RealFolder;
}

/** The model id behind a File or Folder the script passes back (undefined for anything else). */
export function idOfView(value: unknown, kind?: 'file' | 'folder'): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = viewIds.get(value);
  if (!v || (kind && v.kind !== kind)) return undefined;
  return v.id;
}

function currentUser(ctx: DriveCtx): string {
  return ctx.rt.current?.user ?? ctx.model.owner;
}

function lookup(ctx: DriveCtx, id: unknown, method: string): DriveItem {
  if (typeof id !== 'string') throw signatureError(ctx.rt, method, [id]);
  if (id === '') throw ctx.rt.scriptError('Invalid argument: id');
  const item = ctx.model.get(id);
  if (!item || !ctx.model.canRead(item, currentUser(ctx)))
    throw ctx.rt.scriptError(NOT_FOUND_MESSAGE);
  return item;
}

function requireFolderArg(
  ctx: DriveCtx,
  value: unknown,
  method: string,
  args: unknown[],
): DriveItem {
  const id = idOfView(value, 'folder');
  const item = id === undefined ? undefined : ctx.model.get(id);
  if (!item) throw signatureError(ctx.rt, method, args);
  return item;
}

function requireFileArg(ctx: DriveCtx, value: unknown, method: string, args: unknown[]): DriveItem {
  const id = idOfView(value);
  const item = id === undefined ? undefined : ctx.model.get(id);
  if (!item) throw signatureError(ctx.rt, method, args);
  return item;
}

function assertCanEdit(ctx: DriveCtx, item: DriveItem): void {
  if (!ctx.model.canEdit(item, currentUser(ctx))) throw ctx.rt.scriptError(ACCESS_DENIED_MESSAGE);
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

function emailArg(ctx: DriveCtx, value: unknown, method: string): string {
  let email: unknown = value;
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { getEmail?: unknown }).getEmail === 'function'
  ) {
    email = ctx.rt.uncounted(() => (value as { getEmail: () => unknown }).getEmail());
  }
  if (typeof email !== 'string') throw signatureError(ctx.rt, method, [value]);
  const trimmed = email.trim().toLowerCase();
  if (!EMAIL.test(trimmed)) throw ctx.rt.scriptError('Invalid argument: permission.value');
  return trimmed;
}

/** The Blob form of a BlobSource (Blob, File, or anything with getBlob) or undefined. */
function sourceBlob(
  ctx: DriveCtx,
  value: unknown,
): { bytes: Uint8Array; contentType: string | null; name: string | null } | undefined {
  const direct = blobData(ctx.rt, value);
  if (direct) return direct;
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { getBlob?: unknown }).getBlob === 'function'
  ) {
    const blob = ctx.rt.uncounted(() => (value as { getBlob: () => unknown }).getBlob());
    return blobData(ctx.rt, blob);
  }
  return undefined;
}

/** Shared body of DriveApp.createFile and Folder.createFile (all three overloads). */
function createFileIn(ctx: DriveCtx, parent: DriveItem, method: string, args: unknown[]): RealFile {
  const [a, b, c] = args;
  let name: string;
  let mimeType: string;
  let bytes: Uint8Array;
  if (typeof a === 'string') {
    if (typeof b !== 'string' || (c !== undefined && typeof c !== 'string'))
      throw signatureError(ctx.rt, method, args);
    name = a;
    mimeType = c ?? MIME.plain;
    bytes = utf8(b);
  } else {
    const blob = args.length === 1 ? sourceBlob(ctx, a) : undefined;
    if (!blob) throw signatureError(ctx.rt, method, args);
    name = blob.name ?? 'Untitled'; // ASSUMPTION: Drive's name for an unnamed upload
    mimeType = blob.contentType ?? MIME.octet;
    bytes = blob.bytes;
  }
  if (isGoogleType(mimeType)) {
    // Converting an upload to a Google type needs the advanced Drive service; DriveApp cannot.
    throw new TypeError(
      `thidua local host: ${method} with the Google type ${mimeType} is not implemented by the host`,
    );
  }
  assertCanEdit(ctx, parent);
  const item = ctx.model.record(ctx.model.newId(), name, mimeType, [parent.id], currentUser(ctx));
  item.bytes = bytes;
  ctx.model.add(item);
  return fileView(ctx, item.id);
}

function createFolderIn(
  ctx: DriveCtx,
  parent: DriveItem,
  method: string,
  name: unknown,
): RealFolder {
  if (typeof name !== 'string') throw signatureError(ctx.rt, method, [name]);
  assertCanEdit(ctx, parent);
  const item = ctx.model.record(
    ctx.model.newId(),
    name,
    MIME.folder,
    [parent.id],
    currentUser(ctx),
  );
  ctx.model.add(item);
  return folderView(ctx, item.id);
}

/** Visible, non-trashed items matching `keep`, in creation order. */
function listing(ctx: DriveCtx, keep: (item: DriveItem) => boolean, trashed = false): string[] {
  const user = currentUser(ctx);
  return [...ctx.model.items.values()]
    .filter((i) => !ctx.model.isRoot(i.id))
    .filter((i) => ctx.model.isTrashed(i) === trashed && ctx.model.canRead(i, user) && keep(i))
    .map((i) => i.id);
}

function parseOrError(params: string): { predicate?: SearchPredicate; error?: unknown } {
  try {
    return { predicate: parseSearch(params) };
  } catch (error) {
    return { error };
  }
}

function search(ctx: DriveCtx, params: unknown, method: string, scope?: string): RealFileIterator {
  if (typeof params !== 'string') throw signatureError(ctx.rt, method, [params]);
  const parsed = parseOrError(params);
  if (parsed.error instanceof UnsupportedQuery) {
    throw new TypeError(
      `thidua local host: ${method}("${params}") uses ${parsed.error.message}, which the host does not model`,
    );
  }
  const predicate = parsed.predicate;
  if (!predicate) throw ctx.rt.scriptError('Invalid argument: q');
  const user = currentUser(ctx);
  const ids = [...ctx.model.items.values()]
    .filter(
      (i) =>
        !ctx.model.isRoot(i.id) &&
        !ctx.model.isFolder(i) &&
        (scope === undefined || i.parents.includes(scope)) &&
        ctx.model.canRead(i, user) &&
        predicate(i, ctx.model),
    )
    .map((i) => i.id);
  return fileIterator(ctx, ids);
}

// ---------------------------------------------------------------------------------------------

class DriveAppFake implements FakeOf<RealDriveApp> {
  readonly Access = Access;
  readonly Permission = Permission;

  constructor(private readonly ctx: DriveCtx) {}

  private call(method: string): void {
    this.ctx.rt.call(`DriveApp.${method}`);
    requireAuthorization(this.ctx.rt, `DriveApp.${method}`, DRIVE_SCOPE);
  }

  private root(): DriveItem {
    return this.ctx.model.requireFolder(this.ctx.model.rootOf(currentUser(this.ctx)));
  }

  getFileById(id: string): RealFile {
    this.call('getFileById');
    return fileView(this.ctx, lookup(this.ctx, id, 'DriveApp.getFileById').id);
  }

  getFolderById(id: string): RealFolder {
    this.call('getFolderById');
    const item = lookup(this.ctx, id, 'DriveApp.getFolderById');
    // ASSUMPTION: a file's id is refused here with the not-found message.
    if (!this.ctx.model.isFolder(item)) throw this.ctx.rt.scriptError(NOT_FOUND_MESSAGE);
    return folderView(this.ctx, item.id);
  }

  getRootFolder(): RealFolder {
    this.call('getRootFolder');
    return folderView(this.ctx, this.root().id);
  }

  createFolder(name: string): RealFolder {
    this.call('createFolder');
    return createFolderIn(this.ctx, this.root(), 'DriveApp.createFolder', name);
  }

  createFile(...args: unknown[]): RealFile {
    this.call('createFile');
    return createFileIn(this.ctx, this.root(), 'DriveApp.createFile', args);
  }

  getFiles(): RealFileIterator {
    this.call('getFiles');
    return fileIterator(
      this.ctx,
      listing(this.ctx, (i) => !this.ctx.model.isFolder(i)),
    );
  }

  getFilesByName(name: string): RealFileIterator {
    this.call('getFilesByName');
    if (typeof name !== 'string')
      throw signatureError(this.ctx.rt, 'DriveApp.getFilesByName', [name]);
    const m = this.ctx.model;
    return fileIterator(
      this.ctx,
      listing(this.ctx, (i) => !m.isFolder(i) && m.nameOf(i) === name),
    );
  }

  getFilesByType(mimeType: string): RealFileIterator {
    this.call('getFilesByType');
    if (typeof mimeType !== 'string')
      throw signatureError(this.ctx.rt, 'DriveApp.getFilesByType', [mimeType]);
    return fileIterator(
      this.ctx,
      listing(this.ctx, (i) => i.mimeType === mimeType),
    );
  }

  getFolders(): RealFolderIterator {
    this.call('getFolders');
    return folderIterator(
      this.ctx,
      listing(this.ctx, (i) => this.ctx.model.isFolder(i)),
    );
  }

  getFoldersByName(name: string): RealFolderIterator {
    this.call('getFoldersByName');
    if (typeof name !== 'string')
      throw signatureError(this.ctx.rt, 'DriveApp.getFoldersByName', [name]);
    const m = this.ctx.model;
    return folderIterator(
      this.ctx,
      listing(this.ctx, (i) => m.isFolder(i) && m.nameOf(i) === name),
    );
  }

  getTrashedFiles(): RealFileIterator {
    this.call('getTrashedFiles');
    return fileIterator(
      this.ctx,
      listing(this.ctx, (i) => !this.ctx.model.isFolder(i), true),
    );
  }

  getTrashedFolders(): RealFolderIterator {
    this.call('getTrashedFolders');
    return folderIterator(
      this.ctx,
      listing(this.ctx, (i) => this.ctx.model.isFolder(i), true),
    );
  }

  searchFiles(params: string): RealFileIterator {
    this.call('searchFiles');
    return search(this.ctx, params, 'DriveApp.searchFiles');
  }

  continueFileIterator(continuationToken: string): RealFileIterator {
    this.call('continueFileIterator');
    const state = parseToken(this.ctx, continuationToken, 'file');
    return fileIterator(this.ctx, state.ids, state.pos);
  }

  continueFolderIterator(continuationToken: string): RealFolderIterator {
    this.call('continueFolderIterator');
    const state = parseToken(this.ctx, continuationToken, 'folder');
    return folderIterator(this.ctx, state.ids, state.pos);
  }

  addFile(child: RealFile): RealFolder {
    this.call('addFile');
    const item = requireFileArg(this.ctx, child, 'DriveApp.addFile', [child]);
    assertCanEdit(this.ctx, item);
    const root = this.root().id;
    if (!item.parents.includes(root)) item.parents.push(root);
    return folderView(this.ctx, root);
  }

  removeFile(child: RealFile): RealFolder {
    this.call('removeFile');
    const item = requireFileArg(this.ctx, child, 'DriveApp.removeFile', [child]);
    assertCanEdit(this.ctx, item);
    const root = this.root().id;
    item.parents = item.parents.filter((p) => p !== root);
    return folderView(this.ctx, this.root().id);
  }

  getStorageUsed(): number {
    this.call('getStorageUsed');
    let total = 0;
    const user = currentUser(this.ctx);
    for (const i of this.ctx.model.items.values())
      if (i.owner === user) total += this.ctx.model.sizeOf(i);
    return total;
  }
}

// ---------------------------------------------------------------------------------------------

/** Methods File and Folder share (same names and meaning on both reference pages). */
abstract class ItemFake {
  constructor(
    protected readonly ctx: DriveCtx,
    protected readonly id: string,
    protected readonly cls: 'File' | 'Folder',
  ) {}

  protected call(method: string): void {
    this.ctx.rt.call(`${this.cls}.${method}`);
  }

  protected item(): DriveItem {
    const item = this.ctx.model.get(this.id);
    if (!item) throw this.ctx.rt.scriptError(NOT_FOUND_MESSAGE);
    return item;
  }

  protected editable(): DriveItem {
    const item = this.item();
    assertCanEdit(this.ctx, item);
    return item;
  }

  getId(): string {
    this.call('getId');
    return this.id;
  }

  getName(): string {
    this.call('getName');
    return this.ctx.model.nameOf(this.item());
  }

  setName(name: string): this {
    this.call('setName');
    if (typeof name !== 'string') throw signatureError(this.ctx.rt, `${this.cls}.setName`, [name]);
    this.ctx.model.rename(this.editable(), name);
    return this;
  }

  getUrl(): string {
    this.call('getUrl');
    return this.ctx.model.url(this.item());
  }

  getDescription(): string | null {
    this.call('getDescription');
    return this.item().description;
  }

  setDescription(description: string): this {
    this.call('setDescription');
    const item = this.editable();
    item.description = String(description);
    this.ctx.model.touch(item);
    return this;
  }

  getDateCreated(): Date {
    this.call('getDateCreated');
    return this.ctx.rt.scriptDate(this.item().createdMs);
  }

  getLastUpdated(): Date {
    this.call('getLastUpdated');
    return this.ctx.rt.scriptDate(this.item().updatedMs);
  }

  getSize(): number {
    this.call('getSize');
    return this.ctx.model.sizeOf(this.item());
  }

  isTrashed(): boolean {
    this.call('isTrashed');
    return this.ctx.model.isTrashed(this.item());
  }

  setTrashed(trashed: boolean): this {
    this.call('setTrashed');
    if (typeof trashed !== 'boolean')
      throw signatureError(this.ctx.rt, `${this.cls}.setTrashed`, [trashed]);
    const item = this.editable();
    item.trashed = trashed;
    this.ctx.model.touch(item);
    return this;
  }

  isStarred(): boolean {
    this.call('isStarred');
    return this.item().starred;
  }

  setStarred(starred: boolean): this {
    this.call('setStarred');
    this.item().starred = Boolean(starred);
    return this;
  }

  getParents(): RealFolderIterator {
    this.call('getParents');
    const user = currentUser(this.ctx);
    const ids = this.item().parents.filter((p) => {
      const parent = this.ctx.model.get(p);
      return parent !== undefined && this.ctx.model.canRead(parent, user);
    });
    return folderIterator(this.ctx, ids);
  }

  getOwner(): RealDriveUser {
    this.call('getOwner');
    return driveUser(this.ctx, this.item().owner);
  }

  getEditors(): RealDriveUser[] {
    this.call('getEditors');
    return this.item().editors.map((e) => driveUser(this.ctx, e));
  }

  getViewers(): RealDriveUser[] {
    this.call('getViewers');
    return this.item().viewers.map((e) => driveUser(this.ctx, e));
  }

  addEditor(emailAddress: unknown): this {
    this.call('addEditor');
    this.share(
      this.editable(),
      [emailArg(this.ctx, emailAddress, `${this.cls}.addEditor`)],
      'editors',
    );
    return this;
  }

  addEditors(emailAddresses: string[]): this {
    this.call('addEditors');
    if (!Array.isArray(emailAddresses))
      throw signatureError(this.ctx.rt, `${this.cls}.addEditors`, [emailAddresses]);
    const emails = emailAddresses.map((e) => emailArg(this.ctx, e, `${this.cls}.addEditors`));
    this.share(this.editable(), emails, 'editors');
    return this;
  }

  addViewer(emailAddress: unknown): this {
    this.call('addViewer');
    this.share(
      this.editable(),
      [emailArg(this.ctx, emailAddress, `${this.cls}.addViewer`)],
      'viewers',
    );
    return this;
  }

  addViewers(emailAddresses: string[]): this {
    this.call('addViewers');
    if (!Array.isArray(emailAddresses))
      throw signatureError(this.ctx.rt, `${this.cls}.addViewers`, [emailAddresses]);
    const emails = emailAddresses.map((e) => emailArg(this.ctx, e, `${this.cls}.addViewers`));
    this.share(this.editable(), emails, 'viewers');
    return this;
  }

  removeEditor(emailAddress: unknown): this {
    this.call('removeEditor');
    const email = emailArg(this.ctx, emailAddress, `${this.cls}.removeEditor`);
    const item = this.editable();
    item.editors = item.editors.filter((e) => e !== email);
    return this;
  }

  removeViewer(emailAddress: unknown): this {
    this.call('removeViewer');
    const email = emailArg(this.ctx, emailAddress, `${this.cls}.removeViewer`);
    const item = this.editable();
    item.viewers = item.viewers.filter((e) => e !== email);
    return this;
  }

  setSharing(accessType: unknown, permissionType: unknown): this {
    this.call('setSharing');
    const access = enumName(Access, accessType);
    const permission = enumName(Permission, permissionType);
    if (!access || !permission)
      throw signatureError(this.ctx.rt, `${this.cls}.setSharing`, [accessType, permissionType]);
    const item = this.editable();
    item.access = access;
    item.permission = permission;
    return this;
  }

  getSharingAccess(): unknown {
    this.call('getSharingAccess');
    return Access[this.item().access];
  }

  getSharingPermission(): unknown {
    this.call('getSharingPermission');
    return Permission[this.item().permission];
  }

  /** A user is an editor or a viewer, not both: the stronger grant wins (Drive keeps one role). */
  private share(item: DriveItem, emails: string[], role: 'editors' | 'viewers'): void {
    for (const email of emails) {
      if (email === item.owner.toLowerCase()) continue;
      if (role === 'editors') {
        item.viewers = item.viewers.filter((v) => v !== email);
        if (!item.editors.includes(email)) item.editors = [...item.editors, email];
      } else if (!item.editors.includes(email) && !item.viewers.includes(email)) {
        item.viewers.push(email);
      }
    }
  }

  protected moveInto(destination: unknown): void {
    const method = `${this.cls}.moveTo`;
    const target = requireFolderArg(this.ctx, destination, method, [destination]);
    const item = this.editable();
    assertCanEdit(this.ctx, target);
    if (this.cls === 'Folder' && (target.id === item.id || this.isAncestor(item.id, target))) {
      // ASSUMPTION: Drive refuses a cycle; wording not published.
      throw this.ctx.rt.scriptError('Invalid argument: destination');
    }
    item.parents = [target.id];
    this.ctx.model.touch(item);
  }

  private isAncestor(ancestorId: string, item: DriveItem, seen = new Set<string>()): boolean {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return item.parents.some((p) => {
      if (p === ancestorId) return true;
      const parent = this.ctx.model.get(p);
      return parent !== undefined && this.isAncestor(ancestorId, parent, seen);
    });
  }
}

class FileFake extends ItemFake implements FakeOf<RealFile> {
  constructor(ctx: DriveCtx, id: string) {
    super(ctx, id, 'File');
  }

  getMimeType(): string {
    this.call('getMimeType');
    return this.item().mimeType;
  }

  getDownloadUrl(): string {
    this.call('getDownloadUrl');
    return `https://drive.google.com/uc?id=${this.id}&export=download`;
  }

  getBlob(): unknown {
    this.call('getBlob');
    const item = this.item();
    // A Google Doc's blob is its PDF export (ASSUMPTION: counted as a conversion, like getAs).
    if (item.mimeType === MIME.document) return this.convert(item, MIME.pdf);
    return this.plainBlob(item);
  }

  getAs(contentType: string): unknown {
    this.call('getAs');
    if (typeof contentType !== 'string')
      throw signatureError(this.ctx.rt, 'File.getAs', [contentType]);
    const item = this.item();
    if (!isGoogleType(item.mimeType)) {
      if (contentType === item.mimeType) return this.plainBlob(item);
      throw new TypeError(
        `thidua local host: File.getAs(${contentType}) from ${item.mimeType} is not implemented by the host`,
      );
    }
    return this.convert(item, contentType);
  }

  setContent(content: string): this {
    this.call('setContent');
    if (typeof content !== 'string')
      throw signatureError(this.ctx.rt, 'File.setContent', [content]);
    const item = this.editable();
    if (isGoogleType(item.mimeType)) {
      throw new TypeError(
        'thidua local host: File.setContent on a Google file is not implemented by the host',
      );
    }
    item.bytes = utf8(content);
    this.ctx.model.touch(item);
    return this;
  }

  makeCopy(...args: unknown[]): RealFile {
    this.call('makeCopy');
    const [a, b] = args;
    let name: string | undefined;
    let destinationArg: unknown;
    if (typeof a === 'string') {
      name = a;
      destinationArg = b;
    } else if (args.length === 1) {
      destinationArg = a;
    } else if (args.length > 1) {
      throw signatureError(this.ctx.rt, 'File.makeCopy', args);
    }
    const source = this.item();
    const destination =
      destinationArg === undefined
        ? undefined
        : requireFolderArg(this.ctx, destinationArg, 'File.makeCopy', args);
    const model = this.ctx.model;
    // Drive names an unnamed copy "Copy of <name>" and puts it beside the original.
    const newName = name ?? `Copy of ${model.nameOf(source)}`;
    const parents = destination ? [destination.id] : [...source.parents];
    for (const p of parents) {
      const parent = model.get(p);
      if (parent) assertCanEdit(this.ctx, parent);
    }
    const copy = model.record(
      model.newId(),
      newName,
      source.mimeType,
      parents,
      currentUser(this.ctx),
    );
    copy.description = source.description;
    if (source.bytes) copy.bytes = new Uint8Array(source.bytes);
    if (source.mimeType === MIME.document) {
      // A copy of a Google Doc is a new document: it counts against "Documents created".
      this.ctx.rt.useQuota('documentsCreated');
      const docs = model.documents;
      if (docs) {
        if (!docs.exists(source.id)) {
          throw new Error(
            `thidua drive: document ${source.id} is in Drive but not in the Docs fake`,
          );
        }
        docs.copy(source.id, copy.id, newName);
      }
    }
    if (source.mimeType === MIME.spreadsheet && model.spreadsheets?.exists(source.id)) {
      // A copy of a Sheet is a new spreadsheet owned by the copier; in Apps Script its bound
      // script is copied with it (https://developers.google.com/apps-script/guides/bound).
      model.spreadsheets.copy(source.id, copy.id, newName, copy.owner);
    }
    model.add(copy);
    return fileView(this.ctx, copy.id);
  }

  moveTo(destination: RealFolder): this {
    this.call('moveTo');
    this.moveInto(destination);
    return this;
  }

  getAccess(user: unknown): unknown {
    this.call('getAccess');
    const email = emailArg(this.ctx, user, 'File.getAccess');
    const item = this.item();
    if (item.owner.toLowerCase() === email) return Permission.OWNER;
    if (this.ctx.model.canEdit(item, email)) return Permission.EDIT;
    if (this.ctx.model.canRead(item, email)) return Permission.VIEW;
    return Permission.NONE;
  }

  private plainBlob(item: DriveItem): unknown {
    if (isGoogleType(item.mimeType)) {
      throw new TypeError(
        `thidua local host: File.getBlob of ${item.mimeType} is not implemented by the host`,
      );
    }
    return newBlobObject(this.ctx.rt, new Uint8Array(item.bytes ?? []), item.mimeType, item.name);
  }

  /** Export of a Google file: PDF (and Markdown for Docs, per the Blob.getAs reference). */
  private convert(item: DriveItem, contentType: string): unknown {
    const rt = this.ctx.rt;
    const docs = this.ctx.model.documents;
    const name = this.ctx.model.nameOf(item);
    if (
      item.mimeType === MIME.document &&
      (contentType === MIME.pdf || contentType === MIME.markdown)
    ) {
      if (!docs?.exists(item.id)) {
        throw new TypeError(
          `thidua local host: File.getAs needs the Docs fake for document ${item.id} (createDriveService({ documents }))`,
        );
      }
      rt.useQuota('filesConverted');
      if (contentType === MIME.pdf) {
        return newBlobObject(rt, docs.pdf(item.id), MIME.pdf, convertedName(name, 'pdf'));
      }
      return newBlobObject(rt, utf8(docs.text(item.id)), MIME.markdown, convertedName(name, 'md'));
    }
    if (contentType !== MIME.pdf || item.mimeType === MIME.folder) {
      throw rt.scriptError(`Converting from ${item.mimeType} to ${contentType} is not supported.`);
    }
    throw new TypeError(
      `thidua local host: File.getAs(${contentType}) from ${item.mimeType} is not implemented by the host`,
    );
  }
}

class FolderFake extends ItemFake implements FakeOf<RealFolder> {
  constructor(ctx: DriveCtx, id: string) {
    super(ctx, id, 'Folder');
  }

  createFile(...args: unknown[]): RealFile {
    this.call('createFile');
    return createFileIn(this.ctx, this.item(), 'Folder.createFile', args);
  }

  createFolder(name: string): RealFolder {
    this.call('createFolder');
    return createFolderIn(this.ctx, this.item(), 'Folder.createFolder', name);
  }

  getFiles(): RealFileIterator {
    this.call('getFiles');
    return fileIterator(
      this.ctx,
      this.childIds((i) => !this.ctx.model.isFolder(i)),
    );
  }

  getFilesByName(name: string): RealFileIterator {
    this.call('getFilesByName');
    if (typeof name !== 'string')
      throw signatureError(this.ctx.rt, 'Folder.getFilesByName', [name]);
    const m = this.ctx.model;
    return fileIterator(
      this.ctx,
      this.childIds((i) => !m.isFolder(i) && m.nameOf(i) === name),
    );
  }

  getFilesByType(mimeType: string): RealFileIterator {
    this.call('getFilesByType');
    return fileIterator(
      this.ctx,
      this.childIds((i) => i.mimeType === mimeType),
    );
  }

  getFolders(): RealFolderIterator {
    this.call('getFolders');
    return folderIterator(
      this.ctx,
      this.childIds((i) => this.ctx.model.isFolder(i)),
    );
  }

  getFoldersByName(name: string): RealFolderIterator {
    this.call('getFoldersByName');
    if (typeof name !== 'string')
      throw signatureError(this.ctx.rt, 'Folder.getFoldersByName', [name]);
    const m = this.ctx.model;
    return folderIterator(
      this.ctx,
      this.childIds((i) => m.isFolder(i) && m.nameOf(i) === name),
    );
  }

  searchFiles(params: string): RealFileIterator {
    this.call('searchFiles');
    return search(this.ctx, params, 'Folder.searchFiles', this.id);
  }

  addFile(child: RealFile): RealFolder {
    this.call('addFile');
    const item = requireFileArg(this.ctx, child, 'Folder.addFile', [child]);
    assertCanEdit(this.ctx, this.item());
    if (!item.parents.includes(this.id)) item.parents.push(this.id);
    return this as unknown as RealFolder;
  }

  removeFile(child: RealFile): RealFolder {
    this.call('removeFile');
    const item = requireFileArg(this.ctx, child, 'Folder.removeFile', [child]);
    assertCanEdit(this.ctx, this.item());
    item.parents = item.parents.filter((p) => p !== this.id);
    return this as unknown as RealFolder;
  }

  addFolder(child: RealFolder): RealFolder {
    this.call('addFolder');
    const item = requireFolderArg(this.ctx, child, 'Folder.addFolder', [child]);
    assertCanEdit(this.ctx, this.item());
    if (!item.parents.includes(this.id)) item.parents.push(this.id);
    return this as unknown as RealFolder;
  }

  removeFolder(child: RealFolder): RealFolder {
    this.call('removeFolder');
    const item = requireFolderArg(this.ctx, child, 'Folder.removeFolder', [child]);
    assertCanEdit(this.ctx, this.item());
    item.parents = item.parents.filter((p) => p !== this.id);
    return this as unknown as RealFolder;
  }

  moveTo(destination: RealFolder): this {
    this.call('moveTo');
    this.moveInto(destination);
    return this;
  }

  private childIds(keep: (item: DriveItem) => boolean): string[] {
    const user = currentUser(this.ctx);
    const m = this.ctx.model;
    return m
      .children(this.id)
      .filter((i) => !m.isTrashed(i) && m.canRead(i, user) && keep(i))
      .map((i) => i.id);
  }
}

// ---------------------------------------------------------------------------------------------

interface IteratorState {
  kind: 'file' | 'folder';
  ids: string[];
  pos: number;
}

const TOKEN_PREFIX = 'thidua-drive-iterator:';

function parseToken(ctx: DriveCtx, token: unknown, kind: 'file' | 'folder'): IteratorState {
  const method =
    kind === 'file' ? 'DriveApp.continueFileIterator' : 'DriveApp.continueFolderIterator';
  if (typeof token !== 'string') throw signatureError(ctx.rt, method, [token]);
  try {
    if (!token.startsWith(TOKEN_PREFIX)) throw new Error('foreign token');
    const state = JSON.parse(
      Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8'),
    ) as IteratorState;
    if (state.kind !== kind || !Array.isArray(state.ids) || typeof state.pos !== 'number')
      throw new Error('bad token');
    return state;
  } catch {
    // ASSUMPTION: wording for a token Drive cannot read.
    throw ctx.rt.scriptError('Invalid argument: continuationToken');
  }
}

/** Iterates over a snapshot of ids taken when the iterator was made (Drive pages the same way). */
class IteratorFake {
  constructor(
    protected readonly ctx: DriveCtx,
    protected readonly state: IteratorState,
    private readonly cls: 'FileIterator' | 'FolderIterator',
  ) {}

  hasNext(): boolean {
    this.ctx.rt.call(`${this.cls}.hasNext`);
    return this.state.pos < this.state.ids.length;
  }

  getContinuationToken(): string {
    this.ctx.rt.call(`${this.cls}.getContinuationToken`);
    // Drive gives no token once the iteration is over (ASSUMPTION: null, as the Java API does).
    if (this.state.pos >= this.state.ids.length) return null as unknown as string;
    return TOKEN_PREFIX + Buffer.from(JSON.stringify(this.state), 'utf8').toString('base64url');
  }

  protected nextId(): string {
    this.ctx.rt.call(`${this.cls}.next`);
    const id = this.state.ids[this.state.pos];
    if (id === undefined) throw this.ctx.rt.scriptError(ITERATOR_END_MESSAGE);
    this.state.pos++;
    return id;
  }
}

class FileIteratorFake extends IteratorFake implements FakeOf<RealFileIterator> {
  next(): RealFile {
    return fileView(this.ctx, this.nextId());
  }
}

class FolderIteratorFake extends IteratorFake implements FakeOf<RealFolderIterator> {
  next(): RealFolder {
    return folderView(this.ctx, this.nextId());
  }
}

export function fileIterator(ctx: DriveCtx, ids: string[], pos = 0): RealFileIterator {
  const fake = new FileIteratorFake(ctx, { kind: 'file', ids: [...ids], pos }, 'FileIterator');
  return strict(fake, 'FileIterator');
}

export function folderIterator(ctx: DriveCtx, ids: string[], pos = 0): RealFolderIterator {
  const fake = new FolderIteratorFake(
    ctx,
    { kind: 'folder', ids: [...ids], pos },
    'FolderIterator',
  );
  return strict(fake, 'FolderIterator');
}

// ---------------------------------------------------------------------------------------------

/** Drive's User (reference/drive/user): e-mail, domain; the name is the e-mail's local part (ASSUMPTION). */
class DriveUserFake implements FakeOf<RealDriveUser> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.rt.call('User.getEmail');
    return this.email;
  }

  getDomain(): string {
    this.rt.call('User.getDomain');
    return this.email.slice(this.email.lastIndexOf('@') + 1);
  }

  getName(): string {
    this.rt.call('User.getName');
    return this.email.slice(0, this.email.lastIndexOf('@'));
  }
}

function driveUser(ctx: DriveCtx, email: string): RealDriveUser {
  return strict(new DriveUserFake(ctx.rt, email), 'User') as unknown as RealDriveUser;
}

export function createDriveApp(ctx: DriveCtx): RealDriveApp {
  return strict(new DriveAppFake(ctx), 'DriveApp') as unknown as RealDriveApp;
}

export const driveChecks: [true, true, true, true, true, true] = [
  assertType<AssertNoExtraMethods<DriveAppFake, RealDriveApp>>(),
  assertType<AssertNoExtraMethods<FileFake, RealFile>>(),
  assertType<AssertNoExtraMethods<FolderFake, RealFolder>>(),
  assertType<AssertNoExtraMethods<FileIteratorFake, RealFileIterator>>(),
  assertType<AssertNoExtraMethods<FolderIteratorFake, RealFolderIterator>>(),
  assertType<AssertNoExtraMethods<DriveUserFake, RealDriveUser>>(),
];
