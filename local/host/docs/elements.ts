/**
 * The document elements handed to the script: views over DocNode (model.ts) through one opened
 * Document (a Session). Reference pages, one per class:
 * https://developers.google.com/apps-script/reference/document/{body,header-section,footer-section,
 * paragraph,list-item,table,table-row,table-cell,text,page-break,horizontal-rule,inline-image,
 * range-element}.
 *
 * Modelled behaviour and its sources:
 * - every method starts with rt.call('Class.method'); a method that changes the document also counts
 *   one edit of its Session; past DocumentStore.settings.maxEditsBeforeSave the next edit throws
 *   "Too many changes applied before saving document. Please save changes in smaller batches using
 *   Document.saveAndClose(), then reopen the document with Document.openById()." (wording quoted in
 *   zotero/zotero-google-docs-integration#20). After Document.saveAndClose() every change through
 *   that Document and its elements throws "Document is closed, its contents cannot be updated."
 *   (wording quoted in brucemcpherson/gas-fakes#45 and in public scripts). ASSUMPTION: reads still
 *   work on a closed Document; each changing call counts one edit, whatever it changes.
 * - a new document, header, footer and table cell hold one empty paragraph; Body.appendPageBreak,
 *   appendHorizontalRule and appendImage add a paragraph holding the new element (a Body holds only
 *   paragraphs, list items and tables: Body reference, class description).
 * - removing a section's last paragraph throws "Can't remove the last paragraph in a document
 *   section." (wording from public scripts that hit it); a section always ends with a paragraph, so
 *   appending a table also appends an empty paragraph after it (ASSUMPTION: as the Docs editor).
 * - Element.copy() returns "a detached, deep copy"; appending or inserting an element that still has a
 *   parent throws "Element must be detached." (ASSUMPTION: wording as widely reported).
 * - getChild out of range: "Child index (5) must be less than the number of child elements (3)."
 * - text attributes: unset attributes read as null (getAttributes logs show null for plain text);
 *   a getter over text with mixed values returns null (Text reference: "or null if the element
 *   contains multiple values for this attribute"). Appended and inserted text takes the formatting
 *   of the character before it (ASSUMPTION: as typing in Docs; Paragraph.appendText's inheriting of
 *   bold is widely reported).
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { enumName, signatureError, type EnumOf } from '../services/common';
import { blobData, newBlobObject } from '../services/blob';
import {
  DocNode,
  DocumentModel,
  DocumentStore,
  NodeType,
  PARAGRAPH_TYPES,
  SECTION_TYPES,
  TextAttrPatch,
  TextAttrs,
  appendChild,
  applyPatch,
  attrsAt,
  deepCopy,
  deleteRange,
  descendantsOfType,
  detach,
  formatRange,
  insertChild,
  insertTextAt,
  newCell,
  newParagraph,
  newRow,
  newTable,
  newText,
  nodeText,
  runsText,
  walk,
} from './model';
import { PatternError, compilePattern, findMatches, replaceInText } from './replace';
import {
  ElementType,
  FontFamily,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  VerticalAlignment,
  fontNameOf,
} from './enums';

type D = typeof GoogleAppsScript.Document;
type RealElement = GoogleAppsScript.Document.Element;
type RealBody = GoogleAppsScript.Document.Body;
type RealHeader = GoogleAppsScript.Document.HeaderSection;
type RealFooter = GoogleAppsScript.Document.FooterSection;
type RealParagraph = GoogleAppsScript.Document.Paragraph;
type RealListItem = GoogleAppsScript.Document.ListItem;
type RealTable = GoogleAppsScript.Document.Table;
type RealRow = GoogleAppsScript.Document.TableRow;
type RealCell = GoogleAppsScript.Document.TableCell;
type RealText = GoogleAppsScript.Document.Text;
type RealPageBreak = GoogleAppsScript.Document.PageBreak;
type RealRule = GoogleAppsScript.Document.HorizontalRule;
type RealImage = GoogleAppsScript.Document.InlineImage;
type RealRangeElement = GoogleAppsScript.Document.RangeElement;
export type { D };

export const DOC_MESSAGES = {
  closed: 'Document is closed, its contents cannot be updated.',
  tooManyChanges:
    'Too many changes applied before saving document. Please save changes in smaller batches using Document.saveAndClose(), then reopen the document with Document.openById().',
  missing: (id: string): string =>
    `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`,
  lastParagraph: "Can't remove the last paragraph in a document section.",
  mustBeDetached: 'Element must be detached.',
  childIndex: (i: number, n: number): string =>
    `Child index (${i}) must be less than the number of child elements (${n}).`,
  /** ASSUMPTION: wording of an insert past the end. */
  insertIndex: (i: number, n: number): string =>
    `Child index (${i}) must not be greater than the number of child elements (${n}).`,
  /** ASSUMPTION: wording of a text offset out of range. */
  offset: (i: number, n: number): string =>
    `Offset (${i}) is out of range for a text of length ${n}.`,
  /** ASSUMPTION: wording of asParagraph() etc. on an element of another type. */
  cast: (from: string, to: string): string => `Cannot cast ${from} to ${to}.`,
  /** ASSUMPTION: wording of a pattern RE2 refuses. */
  pattern: (detail: string): string => `Invalid regular expression: ${detail}`,
  getUi: 'Cannot call DocumentApp.getUi() from this context.',
} as const;

export interface DocsCtx {
  rt: HostRuntime;
  store: DocumentStore;
}

/** One opened Document (DocumentApp.create / openById): its edit count and whether it is closed. */
export class Session {
  closed = false;
  edits = 0;
  constructor(
    readonly ctx: DocsCtx,
    readonly doc: DocumentModel,
  ) {}
}

// ------------------------------------------------------------------ registry

interface Entry {
  session: Session;
  node: DocNode;
}
const registry = new WeakMap<object, Entry>();

/** The node behind an element the script passed back, or undefined. */
export function entryOf(obj: unknown): Entry | undefined {
  return typeof obj === 'object' && obj !== null ? registry.get(obj) : undefined;
}

const CLASS_OF: Record<NodeType, string> = {
  BODY_SECTION: 'Body',
  HEADER_SECTION: 'HeaderSection',
  FOOTER_SECTION: 'FooterSection',
  PARAGRAPH: 'Paragraph',
  LIST_ITEM: 'ListItem',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
  TEXT: 'Text',
  PAGE_BREAK: 'PageBreak',
  HORIZONTAL_RULE: 'HorizontalRule',
  INLINE_IMAGE: 'InlineImage',
};

/** The script-facing element for a node, wrapped by strict(). */
export function view(session: Session, node: DocNode): object {
  let fake: ElementFake;
  switch (node.type) {
    case 'BODY_SECTION':
      fake = new BodyFake(session, node);
      break;
    case 'HEADER_SECTION':
      fake = new HeaderSectionFake(session, node);
      break;
    case 'FOOTER_SECTION':
      fake = new FooterSectionFake(session, node);
      break;
    case 'PARAGRAPH':
      fake = new ParagraphFake(session, node);
      break;
    case 'LIST_ITEM':
      fake = new ListItemFake(session, node);
      break;
    case 'TABLE':
      fake = new TableFake(session, node);
      break;
    case 'TABLE_ROW':
      fake = new TableRowFake(session, node);
      break;
    case 'TABLE_CELL':
      fake = new TableCellFake(session, node);
      break;
    case 'TEXT':
      fake = new TextFake(session, node);
      break;
    case 'PAGE_BREAK':
      fake = new PageBreakFake(session, node);
      break;
    case 'HORIZONTAL_RULE':
      fake = new HorizontalRuleFake(session, node);
      break;
    case 'INLINE_IMAGE':
      fake = new InlineImageFake(session, node);
      break;
  }
  return wrap(fake, CLASS_OF[node.type], { session, node });
}

function wrap<T extends object>(fake: T, className: string, entry: Entry): T {
  const proxy = strict(fake, className);
  registry.set(fake, entry);
  registry.set(proxy, entry);
  return proxy;
}

// ------------------------------------------------------------------ argument helpers

function describeArgs(cls: string, method: string): string {
  return `DocumentApp.${cls}.${method}`;
}

/** Text arguments: primitives are coerced as Apps Script does; objects and undefined are refused. */
function textArg(rt: HostRuntime, cls: string, method: string, args: unknown[], i: number): string {
  const v = args[i];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw signatureError(rt, describeArgs(cls, method), args);
}

function intArg(rt: HostRuntime, cls: string, method: string, args: unknown[], i: number): number {
  const v = args[i];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw signatureError(rt, describeArgs(cls, method), args);
  }
  return Math.trunc(v);
}

function numArg(rt: HostRuntime, cls: string, method: string, args: unknown[], i: number): number {
  const v = args[i];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw signatureError(rt, describeArgs(cls, method), args);
  }
  return v;
}

function boolArg(
  rt: HostRuntime,
  cls: string,
  method: string,
  args: unknown[],
  i: number,
): boolean {
  const v = args[i];
  if (typeof v !== 'boolean') throw signatureError(rt, describeArgs(cls, method), args);
  return v;
}

function enumArg<N extends string>(
  rt: HostRuntime,
  e: EnumOf<N>,
  cls: string,
  method: string,
  args: unknown[],
  i: number,
): N {
  const name = enumName(e, args[i]);
  if (!name) throw signatureError(rt, describeArgs(cls, method), args);
  return name;
}

function colorArg(
  rt: HostRuntime,
  cls: string,
  method: string,
  args: unknown[],
  i: number,
): string {
  return textArg(rt, cls, method, args, i).toLowerCase();
}

function fontArg(rt: HostRuntime, cls: string, method: string, args: unknown[], i: number): string {
  const v = args[i];
  const fromEnum = enumName(FontFamily, v);
  if (fromEnum) return fontNameOf(fromEnum);
  return textArg(rt, cls, method, args, i);
}

// ------------------------------------------------------------------ attributes

/** Attribute enum name -> text attribute field. */
const TEXT_ATTRIBUTE: Record<string, keyof TextAttrs> = {
  BOLD: 'bold',
  ITALIC: 'italic',
  UNDERLINE: 'underline',
  STRIKETHROUGH: 'strikethrough',
  FONT_FAMILY: 'fontFamily',
  FONT_SIZE: 'fontSize',
  FOREGROUND_COLOR: 'foregroundColor',
  BACKGROUND_COLOR: 'backgroundColor',
  LINK_URL: 'linkUrl',
};

function textPatchFrom(attrs: Record<string, unknown>, skip: ReadonlySet<string>): TextAttrPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(TEXT_ATTRIBUTE)) {
    if (skip.has(key) || !(key in attrs)) continue;
    let v = attrs[key];
    if (v === undefined) continue;
    if (field === 'fontFamily' && v !== null) {
      const e = enumName(FontFamily, v);
      v = e ? fontNameOf(e) : typeof v === 'string' ? v : JSON.stringify(v);
    }
    if ((field === 'foregroundColor' || field === 'backgroundColor') && typeof v === 'string') {
      v = v.toLowerCase();
    }
    patch[field] = v;
  }
  return patch;
}

/** Uniform value of a text attribute over the given runs' characters; null if mixed or unset. */
function uniform<K extends keyof TextAttrs>(nodes: DocNode[], key: K): TextAttrs[K] | null {
  let seen = false;
  let value: TextAttrs[K] | undefined;
  for (const n of nodes) {
    for (const r of n.runs) {
      if (r.text === '') continue;
      if (!seen) {
        seen = true;
        value = r.attrs[key];
      } else if (r.attrs[key] !== value) return null;
    }
  }
  return value ?? null;
}

function textAttributes(nodes: DocNode[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(TEXT_ATTRIBUTE)) out[key] = uniform(nodes, field);
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ------------------------------------------------------------------ base element

abstract class ElementFake {
  protected readonly s: Session;
  protected readonly node: DocNode;

  constructor(s: Session, node: DocNode) {
    this.s = s;
    this.node = node;
  }

  protected get rt(): HostRuntime {
    return this.s.ctx.rt;
  }

  protected get cls(): string {
    return CLASS_OF[this.node.type];
  }

  /** Counts a call that only reads. */
  protected read(method: string, units = 0): void {
    this.rt.call(`${this.cls}.${method}`, units);
  }

  /** Counts a call that changes the document: refused when closed or past the change limit. */
  protected edit(method: string, units = 0): void {
    this.rt.call(`${this.cls}.${method}`, units);
    beginEdit(this.s);
  }

  protected v(node: DocNode): object {
    return view(this.s, node);
  }

  protected fail(message: string): Error {
    return this.rt.scriptError(message);
  }

  protected sig(method: string, args: unknown[]): Error {
    return signatureError(this.rt, describeArgs(this.cls, method), args);
  }

  /** A detached element of one of `types` the script passed, or Apps Script's errors. */
  protected detachedArg(
    method: string,
    args: unknown[],
    i: number,
    types: ReadonlySet<NodeType>,
  ): DocNode {
    const entry = entryOf(args[i]);
    if (!entry || !types.has(entry.node.type)) throw this.sig(method, args);
    if (entry.node.parent) throw this.fail(DOC_MESSAGES.mustBeDetached);
    return entry.node;
  }

  protected cast(type: NodeType, to: string): object {
    this.read(`as${to}`);
    if (this.node.type !== type) throw this.fail(DOC_MESSAGES.cast(this.cls, to));
    return this;
  }

  getType(): unknown {
    this.read('getType');
    return ElementType[this.node.type];
  }

  getParent(): object | null {
    this.read('getParent');
    const p = this.node.parent;
    return p ? this.v(p) : null;
  }

  getNextSibling(): object | null {
    this.read('getNextSibling');
    const p = this.node.parent;
    if (!p) return null;
    const next = p.children[p.children.indexOf(this.node) + 1];
    return next ? this.v(next) : null;
  }

  getPreviousSibling(): object | null {
    this.read('getPreviousSibling');
    const p = this.node.parent;
    if (!p) return null;
    const i = p.children.indexOf(this.node);
    const prev = i > 0 ? p.children[i - 1] : undefined;
    return prev ? this.v(prev) : null;
  }

  isAtDocumentEnd(): boolean {
    this.read('isAtDocumentEnd');
    let n: DocNode = this.node;
    while (n.parent) {
      const siblings = n.parent.children;
      if (siblings[siblings.length - 1] !== n) return false;
      n = n.parent;
    }
    return n.type === 'BODY_SECTION';
  }

  removeFromParent(): unknown {
    this.edit('removeFromParent');
    const p = this.node.parent;
    if (p) removeChecked(this.s, p, this.node);
    return this;
  }

  copy(): unknown {
    this.read('copy');
    return this.v(deepCopy(this.node));
  }

  getAttributes(): unknown {
    this.read('getAttributes');
    return this.attributes();
  }

  setAttributes(attributes: unknown): unknown {
    this.edit('setAttributes');
    if (!isRecord(attributes)) throw this.sig('setAttributes', [attributes]);
    this.applyAttributes(attributes);
    return this;
  }

  protected attributes(): Record<string, unknown> {
    return {};
  }

  protected applyAttributes(attrs: Record<string, unknown>): void {
    const patch = textPatchFrom(attrs, new Set());
    for (const t of textNodesOf(this.node)) formatRange(t, 0, runsText(t.runs).length - 1, patch);
  }

  asBody(): unknown {
    return this.cast('BODY_SECTION', 'Body');
  }
  asHeaderSection(): unknown {
    return this.cast('HEADER_SECTION', 'HeaderSection');
  }
  asFooterSection(): unknown {
    return this.cast('FOOTER_SECTION', 'FooterSection');
  }
  asParagraph(): unknown {
    return this.cast('PARAGRAPH', 'Paragraph');
  }
  asListItem(): unknown {
    return this.cast('LIST_ITEM', 'ListItem');
  }
  asTable(): unknown {
    return this.cast('TABLE', 'Table');
  }
  asTableRow(): unknown {
    return this.cast('TABLE_ROW', 'TableRow');
  }
  asTableCell(): unknown {
    return this.cast('TABLE_CELL', 'TableCell');
  }
  asText(): unknown {
    return this.cast('TEXT', 'Text');
  }
  asPageBreak(): unknown {
    return this.cast('PAGE_BREAK', 'PageBreak');
  }
  asHorizontalRule(): unknown {
    return this.cast('HORIZONTAL_RULE', 'HorizontalRule');
  }
  asInlineImage(): unknown {
    return this.cast('INLINE_IMAGE', 'InlineImage');
  }
}

/** The edit accounting shared by elements and Document. */
export function beginEdit(s: Session): void {
  if (s.closed) throw s.ctx.rt.scriptError(DOC_MESSAGES.closed);
  if (s.edits >= s.ctx.store.settings.maxEditsBeforeSave) {
    throw s.ctx.rt.scriptError(DOC_MESSAGES.tooManyChanges);
  }
  s.edits++;
  s.doc.updatedMs = s.ctx.rt.nowMs;
}

function textNodesOf(node: DocNode): DocNode[] {
  const out: DocNode[] = [];
  for (const n of walk(node)) if (n.type === 'TEXT') out.push(n);
  return out;
}

/** Removes `child` from `parent`, refusing to remove a section's last paragraph. */
function removeChecked(s: Session, parent: DocNode, child: DocNode): void {
  if (
    SECTION_TYPES.has(parent.type) &&
    PARAGRAPH_TYPES.has(child.type) &&
    parent.children[parent.children.length - 1] === child
  ) {
    throw s.ctx.rt.scriptError(DOC_MESSAGES.lastParagraph);
  }
  detach(child);
}

/** A section always ends with a paragraph (a table is followed by an empty one). */
function ensureTrailingParagraph(section: DocNode): void {
  if (!SECTION_TYPES.has(section.type)) return;
  const last = section.children[section.children.length - 1];
  if (!last || !PARAGRAPH_TYPES.has(last.type)) appendChild(section, newParagraph());
}

const PARAGRAPH_ONLY: ReadonlySet<NodeType> = new Set(['PARAGRAPH']);
const LIST_ITEM_ONLY: ReadonlySet<NodeType> = new Set(['LIST_ITEM']);
const TABLE_ONLY: ReadonlySet<NodeType> = new Set(['TABLE']);
const ROW_ONLY: ReadonlySet<NodeType> = new Set(['TABLE_ROW']);
const CELL_ONLY: ReadonlySet<NodeType> = new Set(['TABLE_CELL']);
const TEXT_ONLY: ReadonlySet<NodeType> = new Set(['TEXT']);
const PAGE_BREAK_ONLY: ReadonlySet<NodeType> = new Set(['PAGE_BREAK']);
const IMAGE_ONLY: ReadonlySet<NodeType> = new Set(['INLINE_IMAGE']);

// ------------------------------------------------------------------ containers

abstract class ContainerFake extends ElementFake {
  protected checkIndex(method: string, index: unknown, forInsert: boolean): number {
    const i = intArg(this.rt, this.cls, method, [index], 0);
    const n = this.node.children.length;
    if (i < 0 || (forInsert ? i > n : i >= n)) {
      throw this.fail(forInsert ? DOC_MESSAGES.insertIndex(i, n) : DOC_MESSAGES.childIndex(i, n));
    }
    return i;
  }

  getChild(childIndex: number): object {
    this.read('getChild');
    const i = this.checkIndex('getChild', childIndex, false);
    return this.v(this.node.children[i] as DocNode);
  }

  getChildIndex(child: unknown): number {
    this.read('getChildIndex');
    const entry = entryOf(child);
    if (!entry) throw this.sig('getChildIndex', [child]);
    // ASSUMPTION: an element that is not a child gives -1 (as indexOf).
    return this.node.children.indexOf(entry.node);
  }

  getNumChildren(): number {
    this.read('getNumChildren');
    return this.node.children.length;
  }

  getText(): string {
    this.read('getText');
    return nodeText(this.node);
  }

  removeChild(child: unknown): unknown {
    this.edit('removeChild');
    const entry = entryOf(child);
    if (!entry) throw this.sig('removeChild', [child]);
    // ASSUMPTION: removing an element that is not a child is ignored.
    if (entry.node.parent === this.node) removeChecked(this.s, this.node, entry.node);
    return this;
  }

  clear(): unknown {
    this.edit('clear');
    for (const c of [...this.node.children]) detach(c);
    if (SECTION_TYPES.has(this.node.type) || this.node.type === 'TABLE_CELL') {
      appendChild(this.node, newParagraph());
    }
    return this;
  }

  editAsText(): unknown {
    this.read('editAsText');
    return wrap(new TextFake(this.s, this.node), 'Text', { session: this.s, node: this.node });
  }

  replaceText(searchPattern: string, replacement: string): unknown {
    this.edit('replaceText');
    doReplace(this.s, this.node, [searchPattern, replacement], this.cls);
    return this;
  }

  findText(searchPattern: string, from?: unknown): unknown {
    this.read('findText');
    return doFind(this.s, this.node, [searchPattern, from], this.cls);
  }
}

function patternArg(s: Session, args: unknown[], cls: string, method: string): RegExp {
  const pattern = textArg(s.ctx.rt, cls, method, args, 0);
  try {
    return compilePattern(pattern);
  } catch (e) {
    if (e instanceof PatternError) throw s.ctx.rt.scriptError(DOC_MESSAGES.pattern(e.message));
    throw e;
  }
}

function doReplace(s: Session, root: DocNode, args: unknown[], cls: string): number {
  const re = patternArg(s, args, cls, 'replaceText');
  const replacement = textArg(s.ctx.rt, cls, 'replaceText', args, 1);
  let n = 0;
  try {
    for (const t of textNodesOf(root)) {
      n += replaceInText(t, re, replacement, s.ctx.store.settings.replacementSemantics);
    }
  } catch (e) {
    if (e instanceof PatternError) throw s.ctx.rt.scriptError(e.message);
    throw e;
  }
  return n;
}

function doFind(s: Session, root: DocNode, args: unknown[], cls: string): object | null {
  const re = patternArg(s, args, cls, 'findText');
  const from = args[1];
  const texts = textNodesOf(root);
  let startIndex = 0;
  let startOffset = 0;
  if (from !== undefined && from !== null) {
    const r = rangeOf(from);
    if (!r) throw signatureError(s.ctx.rt, describeArgs(cls, 'findText'), args);
    const i = texts.indexOf(r.node);
    if (i < 0) return null;
    startIndex = i;
    startOffset = r.end + 1;
  }
  for (let i = startIndex; i < texts.length; i++) {
    const t = texts[i] as DocNode;
    const m = findMatches(runsText(t.runs), re, i === startIndex ? startOffset : 0)[0];
    if (m) return newRangeElement(s, t, m.start, m.end - 1);
  }
  return null;
}

// ------------------------------------------------------------------ sections and cells

abstract class SectionLikeFake extends ContainerFake {
  protected insertBlock(index: number, node: DocNode): DocNode {
    insertChild(this.node, index, node);
    ensureTrailingParagraph(this.node);
    return node;
  }

  private paragraphFrom(method: string, args: unknown[], type: 'PARAGRAPH' | 'LIST_ITEM'): DocNode {
    const v = args[args.length - 1];
    if (typeof v === 'object' && v !== null) {
      return this.detachedArg(
        method,
        args,
        args.length - 1,
        type === 'PARAGRAPH' ? PARAGRAPH_ONLY : LIST_ITEM_ONLY,
      );
    }
    const p = newParagraph(textArg(this.rt, this.cls, method, args, args.length - 1), type);
    if (type === 'LIST_ITEM') p.list = this.listStyleFor();
    return p;
  }

  /** A new list item continues the list just before it (ASSUMPTION), else starts a bulleted list. */
  private listStyleFor(): NonNullable<DocNode['list']> {
    const items = descendantsOfType(this.node, LIST_ITEM_ONLY);
    const last = items[items.length - 1];
    if (last?.list && this.node.children[this.node.children.length - 1] === last) {
      return { ...last.list };
    }
    return { listId: `kix.list.${items.length + 1}`, nestingLevel: 0, glyphType: 'BULLET' };
  }

  private tableFrom(method: string, args: unknown[]): DocNode {
    const v = args[args.length - 1];
    if (args.length === 0 || v === undefined || v === null) return newTable();
    if (Array.isArray(v)) {
      const cells = (v as unknown[]).map((row) => {
        if (!Array.isArray(row)) throw this.sig(method, args);
        return (row as unknown[]).map((c) =>
          c === null || c === undefined ? '' : String(c as string),
        );
      });
      return newTable(cells);
    }
    return this.detachedArg(method, args, args.length - 1, TABLE_ONLY);
  }

  appendParagraph(paragraph: unknown): object {
    this.edit('appendParagraph');
    const p = this.paragraphFrom('appendParagraph', [paragraph], 'PARAGRAPH');
    return this.v(this.insertBlock(this.node.children.length, p));
  }

  insertParagraph(childIndex: number, paragraph: unknown): object {
    this.edit('insertParagraph');
    const i = this.checkIndex('insertParagraph', childIndex, true);
    const p = this.paragraphFrom('insertParagraph', [childIndex, paragraph], 'PARAGRAPH');
    return this.v(this.insertBlock(i, p));
  }

  appendListItem(listItem: unknown): object {
    this.edit('appendListItem');
    const p = this.paragraphFrom('appendListItem', [listItem], 'LIST_ITEM');
    return this.v(this.insertBlock(this.node.children.length, p));
  }

  insertListItem(childIndex: number, listItem: unknown): object {
    this.edit('insertListItem');
    const i = this.checkIndex('insertListItem', childIndex, true);
    const p = this.paragraphFrom('insertListItem', [childIndex, listItem], 'LIST_ITEM');
    return this.v(this.insertBlock(i, p));
  }

  appendTable(cellsOrTable?: unknown): object {
    this.edit('appendTable');
    const t = this.tableFrom('appendTable', cellsOrTable === undefined ? [] : [cellsOrTable]);
    return this.v(this.insertBlock(this.node.children.length, t));
  }

  insertTable(childIndex: number, cellsOrTable?: unknown): object {
    this.edit('insertTable');
    const i = this.checkIndex('insertTable', childIndex, true);
    const t = this.tableFrom('insertTable', [childIndex, cellsOrTable]);
    return this.v(this.insertBlock(i, t));
  }

  appendHorizontalRule(): object {
    this.edit('appendHorizontalRule');
    return this.v(
      this.inlineInNewParagraph(this.node.children.length, new DocNode('HORIZONTAL_RULE')),
    );
  }

  insertHorizontalRule(childIndex: number): object {
    this.edit('insertHorizontalRule');
    const i = this.checkIndex('insertHorizontalRule', childIndex, true);
    return this.v(this.inlineInNewParagraph(i, new DocNode('HORIZONTAL_RULE')));
  }

  appendImage(image: unknown): object {
    this.edit('appendImage');
    const img = imageFrom(this.s, this.cls, 'appendImage', [image]);
    return this.v(this.inlineInNewParagraph(this.node.children.length, img));
  }

  insertImage(childIndex: number, image: unknown): object {
    this.edit('insertImage');
    const i = this.checkIndex('insertImage', childIndex, true);
    const img = imageFrom(this.s, this.cls, 'insertImage', [childIndex, image]);
    return this.v(this.inlineInNewParagraph(i, img));
  }

  setText(text: string): unknown {
    this.edit('setText');
    const t = textArg(this.rt, this.cls, 'setText', [text], 0);
    const first = textNodesOf(this.node)[0];
    const attrs = first ? attrsAt(first.runs, 0) : {};
    for (const c of [...this.node.children]) detach(c);
    const p = newParagraph();
    if (t !== '') appendChild(p, newText(t, attrs));
    appendChild(this.node, p);
    return this;
  }

  protected inlineInNewParagraph(index: number, inline: DocNode): DocNode {
    const p = newParagraph();
    appendChild(p, inline);
    this.insertBlock(index, p);
    return inline;
  }

  protected override attributes(): Record<string, unknown> {
    return textAttributes(textNodesOf(this.node));
  }
}

abstract class PageSectionFake extends SectionLikeFake {
  getParagraphs(): object[] {
    this.read('getParagraphs');
    return descendantsOfType(this.node, PARAGRAPH_TYPES).map((n) => this.v(n));
  }
  getTables(): object[] {
    this.read('getTables');
    return descendantsOfType(this.node, TABLE_ONLY).map((n) => this.v(n));
  }
  getListItems(): object[] {
    this.read('getListItems');
    return descendantsOfType(this.node, LIST_ITEM_ONLY).map((n) => this.v(n));
  }
  getImages(): object[] {
    this.read('getImages');
    return descendantsOfType(this.node, IMAGE_ONLY).map((n) => this.v(n));
  }
}

export class BodyFake extends PageSectionFake implements FakeOf<RealBody> {
  appendPageBreak(pageBreak?: unknown): object {
    this.edit('appendPageBreak');
    const pb =
      pageBreak === undefined
        ? new DocNode('PAGE_BREAK')
        : this.detachedArg('appendPageBreak', [pageBreak], 0, PAGE_BREAK_ONLY);
    return this.v(this.inlineInNewParagraph(this.node.children.length, pb));
  }

  insertPageBreak(childIndex: number, pageBreak?: unknown): object {
    this.edit('insertPageBreak');
    const i = this.checkIndex('insertPageBreak', childIndex, true);
    const pb =
      pageBreak === undefined || pageBreak === null
        ? new DocNode('PAGE_BREAK')
        : this.detachedArg('insertPageBreak', [childIndex, pageBreak], 1, PAGE_BREAK_ONLY);
    return this.v(this.inlineInNewParagraph(i, pb));
  }

  getMarginTop(): number {
    this.read('getMarginTop');
    return this.s.doc.marginTop;
  }
  getMarginBottom(): number {
    this.read('getMarginBottom');
    return this.s.doc.marginBottom;
  }
  getMarginLeft(): number {
    this.read('getMarginLeft');
    return this.s.doc.marginLeft;
  }
  getMarginRight(): number {
    this.read('getMarginRight');
    return this.s.doc.marginRight;
  }
  getPageWidth(): number {
    this.read('getPageWidth');
    return this.s.doc.pageWidth;
  }
  getPageHeight(): number {
    this.read('getPageHeight');
    return this.s.doc.pageHeight;
  }
  setMarginTop(marginTop: number): unknown {
    this.edit('setMarginTop');
    this.s.doc.marginTop = numArg(this.rt, 'Body', 'setMarginTop', [marginTop], 0);
    return this;
  }
  setMarginBottom(marginBottom: number): unknown {
    this.edit('setMarginBottom');
    this.s.doc.marginBottom = numArg(this.rt, 'Body', 'setMarginBottom', [marginBottom], 0);
    return this;
  }
  setMarginLeft(marginLeft: number): unknown {
    this.edit('setMarginLeft');
    this.s.doc.marginLeft = numArg(this.rt, 'Body', 'setMarginLeft', [marginLeft], 0);
    return this;
  }
  setMarginRight(marginRight: number): unknown {
    this.edit('setMarginRight');
    this.s.doc.marginRight = numArg(this.rt, 'Body', 'setMarginRight', [marginRight], 0);
    return this;
  }
  setPageWidth(pageWidth: number): unknown {
    this.edit('setPageWidth');
    this.s.doc.pageWidth = numArg(this.rt, 'Body', 'setPageWidth', [pageWidth], 0);
    return this;
  }
  setPageHeight(pageHeight: number): unknown {
    this.edit('setPageHeight');
    this.s.doc.pageHeight = numArg(this.rt, 'Body', 'setPageHeight', [pageHeight], 0);
    return this;
  }

  protected override attributes(): Record<string, unknown> {
    const d = this.s.doc;
    return {
      ...super.attributes(),
      MARGIN_TOP: d.marginTop,
      MARGIN_BOTTOM: d.marginBottom,
      MARGIN_LEFT: d.marginLeft,
      MARGIN_RIGHT: d.marginRight,
      PAGE_WIDTH: d.pageWidth,
      PAGE_HEIGHT: d.pageHeight,
    };
  }

  protected override applyAttributes(attrs: Record<string, unknown>): void {
    super.applyAttributes(attrs);
    const d = this.s.doc;
    const num = (k: string): number | undefined =>
      typeof attrs[k] === 'number' ? attrs[k] : undefined;
    d.marginTop = num('MARGIN_TOP') ?? d.marginTop;
    d.marginBottom = num('MARGIN_BOTTOM') ?? d.marginBottom;
    d.marginLeft = num('MARGIN_LEFT') ?? d.marginLeft;
    d.marginRight = num('MARGIN_RIGHT') ?? d.marginRight;
    d.pageWidth = num('PAGE_WIDTH') ?? d.pageWidth;
    d.pageHeight = num('PAGE_HEIGHT') ?? d.pageHeight;
  }
}

export class HeaderSectionFake extends PageSectionFake implements FakeOf<RealHeader> {}
export class FooterSectionFake extends PageSectionFake implements FakeOf<RealFooter> {}

export class TableCellFake extends SectionLikeFake implements FakeOf<RealCell> {
  private get style(): NonNullable<DocNode['cell']> {
    this.node.cell ??= {};
    return this.node.cell;
  }

  getParentRow(): object | null {
    this.read('getParentRow');
    return this.node.parent ? this.v(this.node.parent) : null;
  }
  getParentTable(): object | null {
    this.read('getParentTable');
    const t = this.node.parent?.parent;
    return t ? this.v(t) : null;
  }
  getBackgroundColor(): string | null {
    this.read('getBackgroundColor');
    return this.style.backgroundColor ?? null;
  }
  setBackgroundColor(color: string): unknown {
    this.edit('setBackgroundColor');
    this.style.backgroundColor = colorArg(this.rt, 'TableCell', 'setBackgroundColor', [color], 0);
    return this;
  }
  getWidth(): number | null {
    this.read('getWidth');
    return this.style.width ?? null;
  }
  setWidth(width: number): unknown {
    this.edit('setWidth');
    this.style.width = numArg(this.rt, 'TableCell', 'setWidth', [width], 0);
    return this;
  }
  getVerticalAlignment(): unknown {
    this.read('getVerticalAlignment');
    return VerticalAlignment[this.style.verticalAlignment ?? 'TOP'];
  }
  setVerticalAlignment(alignment: unknown): unknown {
    this.edit('setVerticalAlignment');
    this.style.verticalAlignment = enumArg(
      this.rt,
      VerticalAlignment,
      'TableCell',
      'setVerticalAlignment',
      [alignment],
      0,
    );
    return this;
  }
  getPaddingTop(): number | null {
    this.read('getPaddingTop');
    return this.style.paddingTop ?? null;
  }
  getPaddingBottom(): number | null {
    this.read('getPaddingBottom');
    return this.style.paddingBottom ?? null;
  }
  getPaddingLeft(): number | null {
    this.read('getPaddingLeft');
    return this.style.paddingLeft ?? null;
  }
  getPaddingRight(): number | null {
    this.read('getPaddingRight');
    return this.style.paddingRight ?? null;
  }
  setPaddingTop(paddingTop: number): unknown {
    this.edit('setPaddingTop');
    this.style.paddingTop = numArg(this.rt, 'TableCell', 'setPaddingTop', [paddingTop], 0);
    return this;
  }
  setPaddingBottom(paddingBottom: number): unknown {
    this.edit('setPaddingBottom');
    this.style.paddingBottom = numArg(this.rt, 'TableCell', 'setPaddingBottom', [paddingBottom], 0);
    return this;
  }
  setPaddingLeft(paddingLeft: number): unknown {
    this.edit('setPaddingLeft');
    this.style.paddingLeft = numArg(this.rt, 'TableCell', 'setPaddingLeft', [paddingLeft], 0);
    return this;
  }
  setPaddingRight(paddingRight: number): unknown {
    this.edit('setPaddingRight');
    this.style.paddingRight = numArg(this.rt, 'TableCell', 'setPaddingRight', [paddingRight], 0);
    return this;
  }

  protected override attributes(): Record<string, unknown> {
    const c = this.style;
    return {
      BACKGROUND_COLOR: c.backgroundColor ?? null,
      WIDTH: c.width ?? null,
      VERTICAL_ALIGNMENT: c.verticalAlignment ? VerticalAlignment[c.verticalAlignment] : null,
      PADDING_TOP: c.paddingTop ?? null,
      PADDING_BOTTOM: c.paddingBottom ?? null,
      PADDING_LEFT: c.paddingLeft ?? null,
      PADDING_RIGHT: c.paddingRight ?? null,
    };
  }

  protected override applyAttributes(attrs: Record<string, unknown>): void {
    // For a cell BACKGROUND_COLOR is the cell's shading, not the text's.
    const patch = textPatchFrom(attrs, new Set(['BACKGROUND_COLOR']));
    for (const t of textNodesOf(this.node)) formatRange(t, 0, runsText(t.runs).length - 1, patch);
    const c = this.style;
    if (typeof attrs.BACKGROUND_COLOR === 'string')
      c.backgroundColor = attrs.BACKGROUND_COLOR.toLowerCase();
    if (attrs.BACKGROUND_COLOR === null) delete c.backgroundColor;
    if (typeof attrs.WIDTH === 'number') c.width = attrs.WIDTH;
  }
}

// ------------------------------------------------------------------ tables

export class TableFake extends ContainerFake implements FakeOf<RealTable> {
  private get style(): NonNullable<DocNode['table']> {
    this.node.table ??= { columnWidths: [] };
    return this.node.table;
  }

  getNumRows(): number {
    this.read('getNumRows');
    return this.node.children.length;
  }

  getRow(rowIndex: number): object {
    this.read('getRow');
    const i = this.checkIndex('getRow', rowIndex, false);
    return this.v(this.node.children[i] as DocNode);
  }

  getCell(rowIndex: number, cellIndex: number): object {
    this.read('getCell');
    const r = this.checkIndex('getCell', rowIndex, false);
    const row = this.node.children[r] as DocNode;
    const c = intArg(this.rt, 'Table', 'getCell', [rowIndex, cellIndex], 1);
    if (c < 0 || c >= row.children.length) {
      throw this.fail(DOC_MESSAGES.childIndex(c, row.children.length));
    }
    return this.v(row.children[c] as DocNode);
  }

  appendTableRow(tableRow?: unknown): object {
    this.edit('appendTableRow');
    const row =
      tableRow === undefined
        ? newRow()
        : this.detachedArg('appendTableRow', [tableRow], 0, ROW_ONLY);
    return this.v(appendChild(this.node, row));
  }

  insertTableRow(childIndex: number, tableRow?: unknown): object {
    this.edit('insertTableRow');
    const i = this.checkIndex('insertTableRow', childIndex, true);
    const row =
      tableRow === undefined || tableRow === null
        ? newRow()
        : this.detachedArg('insertTableRow', [childIndex, tableRow], 1, ROW_ONLY);
    return this.v(insertChild(this.node, i, row));
  }

  removeRow(rowIndex: number): object {
    this.edit('removeRow');
    const i = this.checkIndex('removeRow', rowIndex, false);
    return this.v(detach(this.node.children[i] as DocNode));
  }

  getColumnWidth(columnIndex: number): number | null {
    this.read('getColumnWidth');
    const i = intArg(this.rt, 'Table', 'getColumnWidth', [columnIndex], 0);
    return this.style.columnWidths[i] ?? null;
  }

  setColumnWidth(columnIndex: number, width: number): unknown {
    this.edit('setColumnWidth');
    const i = intArg(this.rt, 'Table', 'setColumnWidth', [columnIndex, width], 0);
    this.style.columnWidths[i] = numArg(
      this.rt,
      'Table',
      'setColumnWidth',
      [columnIndex, width],
      1,
    );
    return this;
  }

  getBorderColor(): string | null {
    this.read('getBorderColor');
    return this.style.borderColor ?? null;
  }
  setBorderColor(color: string): unknown {
    this.edit('setBorderColor');
    this.style.borderColor = colorArg(this.rt, 'Table', 'setBorderColor', [color], 0);
    return this;
  }
  getBorderWidth(): number | null {
    this.read('getBorderWidth');
    return this.style.borderWidth ?? null;
  }
  setBorderWidth(width: number): unknown {
    this.edit('setBorderWidth');
    this.style.borderWidth = numArg(this.rt, 'Table', 'setBorderWidth', [width], 0);
    return this;
  }

  protected override attributes(): Record<string, unknown> {
    return {
      BORDER_COLOR: this.style.borderColor ?? null,
      BORDER_WIDTH: this.style.borderWidth ?? null,
    };
  }
}

export class TableRowFake extends ContainerFake implements FakeOf<RealRow> {
  getNumCells(): number {
    this.read('getNumCells');
    return this.node.children.length;
  }

  getCell(cellIndex: number): object {
    this.read('getCell');
    const i = this.checkIndex('getCell', cellIndex, false);
    return this.v(this.node.children[i] as DocNode);
  }

  getParentTable(): object | null {
    this.read('getParentTable');
    return this.node.parent ? this.v(this.node.parent) : null;
  }

  appendTableCell(textContentsOrCell?: unknown): object {
    this.edit('appendTableCell');
    return this.v(
      appendChild(this.node, this.cellFrom('appendTableCell', [textContentsOrCell], 0)),
    );
  }

  insertTableCell(childIndex: number, textContentsOrCell?: unknown): object {
    this.edit('insertTableCell');
    const i = this.checkIndex('insertTableCell', childIndex, true);
    return this.v(
      insertChild(
        this.node,
        i,
        this.cellFrom('insertTableCell', [childIndex, textContentsOrCell], 1),
      ),
    );
  }

  removeCell(cellIndex: number): object {
    this.edit('removeCell');
    const i = this.checkIndex('removeCell', cellIndex, false);
    return this.v(detach(this.node.children[i] as DocNode));
  }

  getMinimumHeight(): number | null {
    this.read('getMinimumHeight');
    return this.node.minimumHeight ?? null;
  }

  setMinimumHeight(minHeight: number): unknown {
    this.edit('setMinimumHeight');
    this.node.minimumHeight = numArg(this.rt, 'TableRow', 'setMinimumHeight', [minHeight], 0);
    return this;
  }

  private cellFrom(method: string, args: unknown[], i: number): DocNode {
    const v = args[i];
    if (v === undefined || v === null) return newCell();
    if (typeof v === 'object') return this.detachedArg(method, args, i, CELL_ONLY);
    return newCell(textArg(this.rt, 'TableRow', method, args, i));
  }
}

// ------------------------------------------------------------------ paragraphs

abstract class ParagraphLikeFake extends ContainerFake {
  protected get style(): NonNullable<DocNode['para']> {
    this.node.para ??= { heading: 'NORMAL' };
    return this.node.para;
  }

  /** The formatting new text gets at the end of the paragraph. */
  private endAttrs(): TextAttrs {
    const texts = textNodesOf(this.node);
    for (let i = texts.length - 1; i >= 0; i--) {
      const t = texts[i] as DocNode;
      if (t.runs.length > 0) return attrsAt(t.runs, runsText(t.runs).length - 1);
    }
    return {};
  }

  appendText(text: unknown): object {
    this.edit('appendText');
    if (typeof text === 'object' && text !== null) {
      return this.v(appendChild(this.node, this.detachedArg('appendText', [text], 0, TEXT_ONLY)));
    }
    const t = textArg(this.rt, this.cls, 'appendText', [text], 0);
    return this.v(appendChild(this.node, newText(t, this.endAttrs())));
  }

  insertText(childIndex: number, text: unknown): object {
    this.edit('insertText');
    const i = this.checkIndex('insertText', childIndex, true);
    if (typeof text === 'object' && text !== null) {
      return this.v(
        insertChild(this.node, i, this.detachedArg('insertText', [childIndex, text], 1, TEXT_ONLY)),
      );
    }
    const t = textArg(this.rt, this.cls, 'insertText', [childIndex, text], 1);
    return this.v(insertChild(this.node, i, newText(t, this.endAttrs())));
  }

  /** Replaces the contents with one Text element formatted as the old text's first character (ASSUMPTION). */
  setText(text: string): void {
    this.edit('setText');
    const t = textArg(this.rt, this.cls, 'setText', [text], 0);
    const first = textNodesOf(this.node).find((n) => n.runs.length > 0);
    const attrs = first ? attrsAt(first.runs, 0) : {};
    for (const c of [...this.node.children]) detach(c);
    if (t !== '') appendChild(this.node, newText(t, attrs));
  }

  appendPageBreak(pageBreak?: unknown): object {
    this.edit('appendPageBreak');
    const pb =
      pageBreak === undefined || pageBreak === null
        ? new DocNode('PAGE_BREAK')
        : this.detachedArg('appendPageBreak', [pageBreak], 0, PAGE_BREAK_ONLY);
    return this.v(appendChild(this.node, pb));
  }

  insertPageBreak(childIndex: number, pageBreak?: unknown): object {
    this.edit('insertPageBreak');
    const i = this.checkIndex('insertPageBreak', childIndex, true);
    const pb =
      pageBreak === undefined || pageBreak === null
        ? new DocNode('PAGE_BREAK')
        : this.detachedArg('insertPageBreak', [childIndex, pageBreak], 1, PAGE_BREAK_ONLY);
    return this.v(insertChild(this.node, i, pb));
  }

  appendHorizontalRule(): object {
    this.edit('appendHorizontalRule');
    return this.v(appendChild(this.node, new DocNode('HORIZONTAL_RULE')));
  }

  insertHorizontalRule(childIndex: number): object {
    this.edit('insertHorizontalRule');
    const i = this.checkIndex('insertHorizontalRule', childIndex, true);
    return this.v(insertChild(this.node, i, new DocNode('HORIZONTAL_RULE')));
  }

  appendInlineImage(image: unknown): object {
    this.edit('appendInlineImage');
    return this.v(
      appendChild(this.node, imageFrom(this.s, this.cls, 'appendInlineImage', [image])),
    );
  }

  insertInlineImage(childIndex: number, image: unknown): object {
    this.edit('insertInlineImage');
    const i = this.checkIndex('insertInlineImage', childIndex, true);
    return this.v(
      insertChild(
        this.node,
        i,
        imageFrom(this.s, this.cls, 'insertInlineImage', [childIndex, image]),
      ),
    );
  }

  getAlignment(): unknown {
    this.read('getAlignment');
    // ASSUMPTION: an unset alignment reads as LEFT.
    return HorizontalAlignment[this.style.alignment ?? 'LEFT'];
  }

  setAlignment(alignment: unknown): unknown {
    this.edit('setAlignment');
    this.style.alignment = enumArg(
      this.rt,
      HorizontalAlignment,
      this.cls,
      'setAlignment',
      [alignment],
      0,
    );
    return this;
  }

  getHeading(): unknown {
    this.read('getHeading');
    return ParagraphHeading[this.style.heading];
  }

  setHeading(heading: unknown): unknown {
    this.edit('setHeading');
    this.style.heading = enumArg(this.rt, ParagraphHeading, this.cls, 'setHeading', [heading], 0);
    return this;
  }

  getIndentStart(): number | null {
    this.read('getIndentStart');
    return this.style.indentStart ?? null;
  }
  getIndentEnd(): number | null {
    this.read('getIndentEnd');
    return this.style.indentEnd ?? null;
  }
  getIndentFirstLine(): number | null {
    this.read('getIndentFirstLine');
    return this.style.indentFirstLine ?? null;
  }
  getSpacingBefore(): number | null {
    this.read('getSpacingBefore');
    return this.style.spacingBefore ?? null;
  }
  getSpacingAfter(): number | null {
    this.read('getSpacingAfter');
    return this.style.spacingAfter ?? null;
  }
  getLineSpacing(): number | null {
    this.read('getLineSpacing');
    return this.style.lineSpacing ?? null;
  }
  setIndentStart(indentStart: number): unknown {
    this.edit('setIndentStart');
    this.style.indentStart = numArg(this.rt, this.cls, 'setIndentStart', [indentStart], 0);
    return this;
  }
  setIndentEnd(indentEnd: number): unknown {
    this.edit('setIndentEnd');
    this.style.indentEnd = numArg(this.rt, this.cls, 'setIndentEnd', [indentEnd], 0);
    return this;
  }
  setIndentFirstLine(indentFirstLine: number): unknown {
    this.edit('setIndentFirstLine');
    this.style.indentFirstLine = numArg(
      this.rt,
      this.cls,
      'setIndentFirstLine',
      [indentFirstLine],
      0,
    );
    return this;
  }
  setSpacingBefore(spacingBefore: number): unknown {
    this.edit('setSpacingBefore');
    this.style.spacingBefore = numArg(this.rt, this.cls, 'setSpacingBefore', [spacingBefore], 0);
    return this;
  }
  setSpacingAfter(spacingAfter: number): unknown {
    this.edit('setSpacingAfter');
    this.style.spacingAfter = numArg(this.rt, this.cls, 'setSpacingAfter', [spacingAfter], 0);
    return this;
  }
  setLineSpacing(multiplier: number): unknown {
    this.edit('setLineSpacing');
    this.style.lineSpacing = numArg(this.rt, this.cls, 'setLineSpacing', [multiplier], 0);
    return this;
  }
  isLeftToRight(): boolean {
    this.read('isLeftToRight');
    return this.style.leftToRight ?? true;
  }
  setLeftToRight(leftToRight: boolean): unknown {
    this.edit('setLeftToRight');
    this.style.leftToRight = boolArg(this.rt, this.cls, 'setLeftToRight', [leftToRight], 0);
    return this;
  }

  override editAsText(): unknown {
    this.read('editAsText');
    const texts = this.node.children.filter((c) => c.type === 'TEXT');
    // One Text element: the element itself, as Docs returns it.
    if (texts.length === 1 && this.node.children.length === 1) return this.v(texts[0] as DocNode);
    return wrap(new TextFake(this.s, this.node), 'Text', { session: this.s, node: this.node });
  }

  protected override attributes(): Record<string, unknown> {
    const p = this.style;
    return {
      ...textAttributes(textNodesOf(this.node)),
      HEADING: ParagraphHeading[p.heading],
      HORIZONTAL_ALIGNMENT: p.alignment ? HorizontalAlignment[p.alignment] : null,
      INDENT_START: p.indentStart ?? null,
      INDENT_END: p.indentEnd ?? null,
      INDENT_FIRST_LINE: p.indentFirstLine ?? null,
      SPACING_BEFORE: p.spacingBefore ?? null,
      SPACING_AFTER: p.spacingAfter ?? null,
      LINE_SPACING: p.lineSpacing ?? null,
      LEFT_TO_RIGHT: p.leftToRight ?? true,
    };
  }

  protected override applyAttributes(attrs: Record<string, unknown>): void {
    super.applyAttributes(attrs);
    const p = this.style;
    const heading = enumName(ParagraphHeading, attrs.HEADING);
    if (heading) p.heading = heading;
    const align = enumName(HorizontalAlignment, attrs.HORIZONTAL_ALIGNMENT);
    if (align) p.alignment = align;
    const num = (k: string): number | undefined =>
      typeof attrs[k] === 'number' ? attrs[k] : undefined;
    p.indentStart = num('INDENT_START') ?? p.indentStart;
    p.indentEnd = num('INDENT_END') ?? p.indentEnd;
    p.indentFirstLine = num('INDENT_FIRST_LINE') ?? p.indentFirstLine;
    p.spacingBefore = num('SPACING_BEFORE') ?? p.spacingBefore;
    p.spacingAfter = num('SPACING_AFTER') ?? p.spacingAfter;
    p.lineSpacing = num('LINE_SPACING') ?? p.lineSpacing;
    const mark = textPatchFrom(attrs, new Set());
    if (Object.keys(mark).length > 0) p.markAttrs = applyPatch(p.markAttrs ?? {}, mark);
  }
}

export class ParagraphFake extends ParagraphLikeFake implements FakeOf<RealParagraph> {}

export class ListItemFake extends ParagraphLikeFake implements FakeOf<RealListItem> {
  private get listStyle(): NonNullable<DocNode['list']> {
    this.node.list ??= { listId: 'kix.list.1', nestingLevel: 0, glyphType: 'BULLET' };
    return this.node.list;
  }
  getGlyphType(): unknown {
    this.read('getGlyphType');
    return GlyphType[this.listStyle.glyphType];
  }
  setGlyphType(glyphType: unknown): unknown {
    this.edit('setGlyphType');
    this.listStyle.glyphType = enumArg(
      this.rt,
      GlyphType,
      'ListItem',
      'setGlyphType',
      [glyphType],
      0,
    );
    return this;
  }
  getNestingLevel(): number {
    this.read('getNestingLevel');
    return this.listStyle.nestingLevel;
  }
  setNestingLevel(nestingLevel: number): unknown {
    this.edit('setNestingLevel');
    this.listStyle.nestingLevel = intArg(this.rt, 'ListItem', 'setNestingLevel', [nestingLevel], 0);
    return this;
  }
  getListId(): string {
    this.read('getListId');
    return this.listStyle.listId;
  }
  setListId(listItem: unknown): unknown {
    this.edit('setListId');
    const entry = entryOf(listItem);
    if (!entry?.node.list) throw this.sig('setListId', [listItem]);
    this.listStyle.listId = entry.node.list.listId;
    return this;
  }
}

// ------------------------------------------------------------------ text

interface Segment {
  node: DocNode;
  start: number;
  length: number;
}

/**
 * A Text element, or the text of a container seen as one Text (editAsText): the Text elements under
 * it in document order, joined with "\n" between paragraphs. Formatting works across the whole
 * range; inserting and deleting work within one Text element (host limitation: a change that would
 * merge or split paragraphs fails loudly).
 */
export class TextFake extends ElementFake implements FakeOf<RealText> {
  private segments(): { segs: Segment[]; length: number } {
    if (this.node.type === 'TEXT') {
      return {
        segs: [{ node: this.node, start: 0, length: runsText(this.node.runs).length }],
        length: runsText(this.node.runs).length,
      };
    }
    // Every paragraph (empty ones too) is separated from the next by "\n", as nodeText joins them.
    const segs: Segment[] = [];
    let pos = 0;
    const paras = PARAGRAPH_TYPES.has(this.node.type)
      ? [this.node]
      : descendantsOfType(this.node, PARAGRAPH_TYPES);
    paras.forEach((para, i) => {
      if (i > 0) pos += 1;
      for (const n of para.children) {
        if (n.type !== 'TEXT') continue;
        const length = runsText(n.runs).length;
        segs.push({ node: n, start: pos, length });
        pos += length;
      }
    });
    return { segs, length: pos };
  }

  protected override get cls(): string {
    return 'Text';
  }

  override getType(): unknown {
    this.read('getType');
    return ElementType.TEXT;
  }

  private offsetArg(
    method: string,
    args: unknown[],
    i: number,
    length: number,
    inclusiveEnd: boolean,
  ): number {
    const o = intArg(this.rt, 'Text', method, args, i);
    const max = inclusiveEnd ? length - 1 : length;
    if (o < 0 || o > max) throw this.fail(DOC_MESSAGES.offset(o, length));
    return o;
  }

  private format(
    method: string,
    args: unknown[],
    patchOf: (v: unknown) => TextAttrPatch,
    valueIndex3: number,
  ): unknown {
    this.edit(method);
    const { segs, length } = this.segments();
    if (args.length >= 3) {
      const a = this.offsetArg(method, args, 0, length, true);
      const b = this.offsetArg(method, args, 1, length, true);
      if (a > b) throw this.fail(DOC_MESSAGES.offset(a, length));
      const patch = patchOf(args[valueIndex3]);
      for (const s of segs) {
        const lo = Math.max(a, s.start);
        const hi = Math.min(b, s.start + s.length - 1);
        if (lo <= hi) formatRange(s.node, lo - s.start, hi - s.start, patch);
      }
    } else {
      const patch = patchOf(args[0]);
      for (const s of segs) if (s.length > 0) formatRange(s.node, 0, s.length - 1, patch);
    }
    return this;
  }

  private attrAt<K extends keyof TextAttrs>(
    method: string,
    key: K,
    offset: unknown,
  ): TextAttrs[K] | null {
    this.read(method);
    const { segs, length } = this.segments();
    if (offset === undefined || offset === null)
      return uniform(
        segs.map((s) => s.node),
        key,
      );
    const o = this.offsetArg(method, [offset], 0, length, true);
    const seg = segs.find((s) => o >= s.start && o < s.start + s.length);
    if (!seg) return null;
    return attrsAt(seg.node.runs, o - seg.start)[key] ?? null;
  }

  getText(): string {
    this.read('getText');
    if (this.node.type === 'TEXT') return runsText(this.node.runs);
    const { segs, length } = this.segments();
    const chars = new Array<string>(length).fill('\n');
    for (const seg of segs) {
      const t = runsText(seg.node.runs);
      for (let i = 0; i < t.length; i++) chars[seg.start + i] = t.charAt(i);
    }
    return chars.join('');
  }

  setText(text: string): unknown {
    this.edit('setText');
    const t = textArg(this.rt, 'Text', 'setText', [text], 0);
    const { segs } = this.segments();
    const first = segs[0];
    if (!first) {
      if (!PARAGRAPH_TYPES.has(this.node.type))
        throw this.fail(
          'thidua local host: setText on an empty container is not implemented by the host',
        );
      appendChild(this.node, newText(t));
      return this;
    }
    const attrs = attrsAt(first.node.runs, 0);
    first.node.runs = t === '' ? [] : [{ text: t, attrs }];
    for (const s of segs.slice(1)) s.node.runs = [];
    return this;
  }

  appendText(text: string): unknown {
    this.edit('appendText');
    const t = textArg(this.rt, 'Text', 'appendText', [text], 0);
    const { segs } = this.segments();
    const last = segs[segs.length - 1];
    if (!last) {
      if (!PARAGRAPH_TYPES.has(this.node.type))
        throw this.fail(
          'thidua local host: appendText on an empty container is not implemented by the host',
        );
      appendChild(this.node, newText(t));
      return this;
    }
    insertTextAt(last.node, last.length, t);
    return this;
  }

  insertText(offset: number, text: string): unknown {
    this.edit('insertText');
    const { segs, length } = this.segments();
    const o = this.offsetArg('insertText', [offset, text], 0, length, false);
    const t = textArg(this.rt, 'Text', 'insertText', [offset, text], 1);
    const seg = segs.find((s) => o >= s.start && o <= s.start + s.length);
    if (!seg) {
      if (segs.length === 0 && PARAGRAPH_TYPES.has(this.node.type)) {
        appendChild(this.node, newText(t));
        return this;
      }
      throw this.fail(
        'thidua local host: inserting between paragraphs is not implemented by the host',
      );
    }
    insertTextAt(seg.node, o - seg.start, t);
    return this;
  }

  deleteText(startOffset: number, endOffsetInclusive: number): unknown {
    this.edit('deleteText');
    const { segs, length } = this.segments();
    const a = this.offsetArg('deleteText', [startOffset, endOffsetInclusive], 0, length, true);
    const b = this.offsetArg('deleteText', [startOffset, endOffsetInclusive], 1, length, true);
    if (a > b) throw this.fail(DOC_MESSAGES.offset(a, length));
    const touched = segs.filter((s) => a < s.start + s.length && b >= s.start);
    if (touched.length > 1)
      throw this.fail(
        'thidua local host: deleting across paragraphs is not implemented by the host',
      );
    const seg = touched[0];
    if (seg) deleteRange(seg.node, a - seg.start, b - seg.start + 1);
    return this;
  }

  getTextAttributeIndices(): number[] {
    this.read('getTextAttributeIndices');
    const out: number[] = [];
    const { segs } = this.segments();
    for (const s of segs) {
      let pos = s.start;
      for (const r of s.node.runs) {
        out.push(pos);
        pos += r.text.length;
      }
    }
    return out.length > 0 ? out : [0];
  }

  isBold(offset?: number | null): boolean | null {
    return this.attrAt('isBold', 'bold', offset) ?? null;
  }
  isItalic(offset?: number | null): boolean | null {
    return this.attrAt('isItalic', 'italic', offset) ?? null;
  }
  isUnderline(offset?: number | null): boolean | null {
    return this.attrAt('isUnderline', 'underline', offset) ?? null;
  }
  isStrikethrough(offset?: number | null): boolean | null {
    return this.attrAt('isStrikethrough', 'strikethrough', offset) ?? null;
  }
  getFontFamily(offset?: number | null): string | null {
    return this.attrAt('getFontFamily', 'fontFamily', offset) ?? null;
  }
  getFontSize(offset?: number | null): number | null {
    return this.attrAt('getFontSize', 'fontSize', offset) ?? null;
  }
  getForegroundColor(offset?: number | null): string | null {
    return this.attrAt('getForegroundColor', 'foregroundColor', offset) ?? null;
  }
  getBackgroundColor(offset?: number | null): string | null {
    return this.attrAt('getBackgroundColor', 'backgroundColor', offset) ?? null;
  }
  getLinkUrl(offset?: number | null): string | null {
    return this.attrAt('getLinkUrl', 'linkUrl', offset) ?? null;
  }

  setBold(startOffset: unknown, endOffsetInclusive?: unknown, bold?: unknown): unknown {
    const args = argsOf(startOffset, endOffsetInclusive, bold);
    return this.format(
      'setBold',
      args,
      (v) => ({ bold: boolOrNull(this.rt, 'setBold', args, v) }),
      2,
    );
  }
  setItalic(startOffset: unknown, endOffsetInclusive?: unknown, italic?: unknown): unknown {
    const args = argsOf(startOffset, endOffsetInclusive, italic);
    return this.format(
      'setItalic',
      args,
      (v) => ({ italic: boolOrNull(this.rt, 'setItalic', args, v) }),
      2,
    );
  }
  setUnderline(startOffset: unknown, endOffsetInclusive?: unknown, underline?: unknown): unknown {
    const args = argsOf(startOffset, endOffsetInclusive, underline);
    return this.format(
      'setUnderline',
      args,
      (v) => ({ underline: boolOrNull(this.rt, 'setUnderline', args, v) }),
      2,
    );
  }
  setStrikethrough(
    startOffset: unknown,
    endOffsetInclusive?: unknown,
    strikethrough?: unknown,
  ): unknown {
    const args = argsOf(startOffset, endOffsetInclusive, strikethrough);
    return this.format(
      'setStrikethrough',
      args,
      (v) => ({ strikethrough: boolOrNull(this.rt, 'setStrikethrough', args, v) }),
      2,
    );
  }
  setFontFamily(
    startOffset: unknown,
    endOffsetInclusive?: unknown,
    fontFamilyName?: unknown,
  ): unknown {
    const args = argsOf(startOffset, endOffsetInclusive, fontFamilyName);
    return this.format(
      'setFontFamily',
      args,
      (v) => ({
        fontFamily: v === null ? null : fontArg(this.rt, 'Text', 'setFontFamily', [v], 0),
      }),
      2,
    );
  }
  setFontSize(startOffset: unknown, endOffsetInclusive?: unknown, size?: unknown): unknown {
    const args = argsOf(startOffset, endOffsetInclusive, size);
    return this.format(
      'setFontSize',
      args,
      (v) => ({ fontSize: v === null ? null : numArg(this.rt, 'Text', 'setFontSize', [v], 0) }),
      2,
    );
  }
  setForegroundColor(startOffset: unknown, endOffsetInclusive?: unknown, color?: unknown): unknown {
    const args = argsOf(startOffset, endOffsetInclusive, color);
    return this.format(
      'setForegroundColor',
      args,
      (v) => ({
        foregroundColor:
          v === null ? null : colorArg(this.rt, 'Text', 'setForegroundColor', [v], 0),
      }),
      2,
    );
  }
  setBackgroundColor(startOffset: unknown, endOffsetInclusive?: unknown, color?: unknown): unknown {
    const args = argsOf(startOffset, endOffsetInclusive, color);
    return this.format(
      'setBackgroundColor',
      args,
      (v) => ({
        backgroundColor:
          v === null ? null : colorArg(this.rt, 'Text', 'setBackgroundColor', [v], 0),
      }),
      2,
    );
  }
  setLinkUrl(startOffset: unknown, endOffsetInclusive?: unknown, url?: unknown): unknown {
    const args = argsOf(startOffset, endOffsetInclusive, url);
    return this.format(
      'setLinkUrl',
      args,
      (v) => ({ linkUrl: v === null ? null : textArg(this.rt, 'Text', 'setLinkUrl', [v], 0) }),
      2,
    );
  }

  override setAttributes(
    startOffset: unknown,
    endOffsetInclusive?: unknown,
    attributes?: unknown,
  ): unknown {
    const args = argsOf(startOffset, endOffsetInclusive, attributes);
    return this.format(
      'setAttributes',
      args,
      (v) => {
        if (!isRecord(v)) throw this.sig('setAttributes', args);
        return textPatchFrom(v, new Set());
      },
      2,
    );
  }

  protected override attributes(): Record<string, unknown> {
    return textAttributes(this.segments().segs.map((s) => s.node));
  }

  replaceText(searchPattern: string, replacement: string): unknown {
    this.edit('replaceText');
    doReplace(this.s, this.node, [searchPattern, replacement], 'Text');
    return this;
  }

  findText(searchPattern: string, from?: unknown): unknown {
    this.read('findText');
    return doFind(this.s, this.node, [searchPattern, from], 'Text');
  }

  editAsText(): unknown {
    this.read('editAsText');
    return this;
  }
}

/** The arguments as given: 1 (whole text) or 3 (a range). */
function argsOf(a: unknown, b: unknown, c: unknown): unknown[] {
  if (b === undefined && c === undefined) return [a];
  return [a, b, c];
}

function boolOrNull(rt: HostRuntime, method: string, args: unknown[], v: unknown): boolean | null {
  if (v === null) return null;
  if (typeof v !== 'boolean') throw signatureError(rt, describeArgs('Text', method), args);
  return v;
}

// ------------------------------------------------------------------ leaf elements

export class PageBreakFake extends ElementFake implements FakeOf<RealPageBreak> {}
export class HorizontalRuleFake extends ElementFake implements FakeOf<RealRule> {}

export class InlineImageFake extends ElementFake implements FakeOf<RealImage> {
  private get img(): NonNullable<DocNode['image']> {
    const i = this.node.image;
    if (!i) throw new Error('thidua host: image node without data');
    return i;
  }
  getBlob(): unknown {
    this.read('getBlob');
    const i = this.img;
    return newBlobObject(this.rt, new Uint8Array(i.bytes), i.contentType, i.name);
  }
  getAs(contentType: string): unknown {
    this.read('getAs');
    const i = this.img;
    const type = textArg(this.rt, 'InlineImage', 'getAs', [contentType], 0);
    if (type !== i.contentType) {
      throw new TypeError(
        `thidua local host: InlineImage.getAs(${type}) from ${String(i.contentType)} is not implemented by the host`,
      );
    }
    return newBlobObject(this.rt, new Uint8Array(i.bytes), i.contentType, i.name);
  }
  getWidth(): number {
    this.read('getWidth');
    return this.img.width;
  }
  getHeight(): number {
    this.read('getHeight');
    return this.img.height;
  }
  setWidth(width: number): unknown {
    this.edit('setWidth');
    this.img.width = intArg(this.rt, 'InlineImage', 'setWidth', [width], 0);
    return this;
  }
  setHeight(height: number): unknown {
    this.edit('setHeight');
    this.img.height = intArg(this.rt, 'InlineImage', 'setHeight', [height], 0);
    return this;
  }
  getAltTitle(): string | null {
    this.read('getAltTitle');
    return this.img.altTitle ?? null;
  }
  setAltTitle(title: string): unknown {
    this.edit('setAltTitle');
    this.img.altTitle = textArg(this.rt, 'InlineImage', 'setAltTitle', [title], 0);
    return this;
  }
  getAltDescription(): string | null {
    this.read('getAltDescription');
    return this.img.altDescription ?? null;
  }
  setAltDescription(description: string): unknown {
    this.edit('setAltDescription');
    this.img.altDescription = textArg(
      this.rt,
      'InlineImage',
      'setAltDescription',
      [description],
      0,
    );
    return this;
  }
  getLinkUrl(): string | null {
    this.read('getLinkUrl');
    return this.img.linkUrl ?? null;
  }
  setLinkUrl(url: string): unknown {
    this.edit('setLinkUrl');
    this.img.linkUrl = textArg(this.rt, 'InlineImage', 'setLinkUrl', [url], 0);
    return this;
  }
  protected override attributes(): Record<string, unknown> {
    const i = this.img;
    return { WIDTH: i.width, HEIGHT: i.height, LINK_URL: i.linkUrl ?? null };
  }
}

/** An INLINE_IMAGE node from a Blob (or BlobSource) or a detached InlineImage. */
function imageFrom(s: Session, cls: string, method: string, args: unknown[]): DocNode {
  const v = args[args.length - 1];
  const entry = entryOf(v);
  if (entry) {
    if (entry.node.type !== 'INLINE_IMAGE')
      throw signatureError(s.ctx.rt, describeArgs(cls, method), args);
    if (entry.node.parent) throw s.ctx.rt.scriptError(DOC_MESSAGES.mustBeDetached);
    return entry.node;
  }
  let data = blobData(s.ctx.rt, v);
  if (
    !data &&
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { getBlob?: unknown }).getBlob === 'function'
  ) {
    const blob = s.ctx.rt.uncounted(() => (v as { getBlob: () => unknown }).getBlob());
    data = blobData(s.ctx.rt, blob);
  }
  if (!data) throw signatureError(s.ctx.rt, describeArgs(cls, method), args);
  const size = imageSize(data.bytes);
  const node = new DocNode('INLINE_IMAGE');
  node.image = {
    bytes: data.bytes,
    contentType: data.contentType,
    name: data.name,
    width: size.width,
    height: size.height,
  };
  return node;
}

/** Pixel size of a PNG or JPEG; 100 × 100 when unknown (ASSUMPTION). */
export function imageSize(b: Uint8Array): { width: number; height: number } {
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return { width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) break;
      const marker = b[i + 1] as number;
      const len = ((b[i + 2] as number) << 8) | (b[i + 3] as number);
      if (marker >= 0xc0 && marker <= 0xc3) {
        return {
          height: ((b[i + 5] as number) << 8) | (b[i + 6] as number),
          width: ((b[i + 7] as number) << 8) | (b[i + 8] as number),
        };
      }
      i += 2 + len;
    }
  }
  return { width: 100, height: 100 };
}

// ------------------------------------------------------------------ RangeElement

interface RangeEntry {
  node: DocNode;
  start: number;
  end: number;
}
const ranges = new WeakMap<object, RangeEntry>();

function rangeOf(obj: unknown): RangeEntry | undefined {
  return typeof obj === 'object' && obj !== null ? ranges.get(obj) : undefined;
}

/** https://developers.google.com/apps-script/reference/document/range-element */
export class RangeElementFake implements FakeOf<RealRangeElement> {
  constructor(
    private readonly s: Session,
    private readonly node: DocNode,
    private readonly start: number,
    private readonly end: number,
  ) {}
  getElement(): object {
    this.s.ctx.rt.call('RangeElement.getElement');
    return view(this.s, this.node);
  }
  getStartOffset(): number {
    this.s.ctx.rt.call('RangeElement.getStartOffset');
    return this.start;
  }
  getEndOffsetInclusive(): number {
    this.s.ctx.rt.call('RangeElement.getEndOffsetInclusive');
    return this.end;
  }
  isPartial(): boolean {
    this.s.ctx.rt.call('RangeElement.isPartial');
    return this.start > 0 || this.end < runsText(this.node.runs).length - 1;
  }
}

function newRangeElement(s: Session, node: DocNode, start: number, end: number): object {
  const proxy = strict(new RangeElementFake(s, node, start, end), 'RangeElement');
  ranges.set(proxy, { node, start, end });
  return proxy;
}

export const elementChecks: true[] = [
  assertType<AssertNoExtraMethods<BodyFake, RealBody>>(),
  assertType<AssertNoExtraMethods<HeaderSectionFake, RealHeader>>(),
  assertType<AssertNoExtraMethods<FooterSectionFake, RealFooter>>(),
  assertType<AssertNoExtraMethods<TableCellFake, RealCell>>(),
  assertType<AssertNoExtraMethods<TableFake, RealTable>>(),
  assertType<AssertNoExtraMethods<TableRowFake, RealRow>>(),
  assertType<AssertNoExtraMethods<ParagraphFake, RealParagraph>>(),
  assertType<AssertNoExtraMethods<ListItemFake, RealListItem>>(),
  assertType<AssertNoExtraMethods<TextFake, RealText>>(),
  assertType<AssertNoExtraMethods<PageBreakFake, RealPageBreak>>(),
  assertType<AssertNoExtraMethods<HorizontalRuleFake, RealRule>>(),
  assertType<AssertNoExtraMethods<InlineImageFake, RealImage>>(),
  assertType<AssertNoExtraMethods<RangeElementFake, RealRangeElement>>(),
  assertType<AssertNoExtraMethods<ElementFake, RealElement>>(),
];
