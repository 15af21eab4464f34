/**
 * The data behind the DocumentApp fakes: a tree of nodes per document (body, header, footer;
 * paragraphs, list items, tables, rows, cells; text runs, page breaks, horizontal rules, inline
 * images) and the store of all documents. The fakes handed to the script are views over this model;
 * tests, the Drive helper, the .docx export and the demo read and change it directly, without counting
 * service calls.
 *
 * Structure follows https://developers.google.com/apps-script/guides/docs#structure_of_a_document:
 * a section (Body, HeaderSection, FooterSection) holds Paragraph, ListItem and Table elements; a
 * Table holds TableRows, a TableRow TableCells, a TableCell Paragraphs/ListItems/Tables; a Paragraph
 * holds Text, InlineImage, PageBreak and HorizontalRule elements. A Text element's formatting is a
 * list of runs (what Text.getTextAttributeIndices reports).
 */

export type NodeType =
  | 'BODY_SECTION'
  | 'HEADER_SECTION'
  | 'FOOTER_SECTION'
  | 'PARAGRAPH'
  | 'LIST_ITEM'
  | 'TABLE'
  | 'TABLE_ROW'
  | 'TABLE_CELL'
  | 'TEXT'
  | 'PAGE_BREAK'
  | 'HORIZONTAL_RULE'
  | 'INLINE_IMAGE';

export interface TextAttrs {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontFamily?: string;
  /** Points. */
  fontSize?: number;
  /** "#rrggbb", lower case. */
  foregroundColor?: string;
  backgroundColor?: string;
  linkUrl?: string;
}

export type TextAttrName = keyof TextAttrs;
export const TEXT_ATTR_NAMES: readonly TextAttrName[] = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'fontFamily',
  'fontSize',
  'foregroundColor',
  'backgroundColor',
  'linkUrl',
];

/** A change of text attributes: `null` removes the attribute (back to the inherited style). */
export type TextAttrPatch = { [K in TextAttrName]?: TextAttrs[K] | null };

export interface Run {
  text: string;
  attrs: TextAttrs;
}

export type Alignment = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';
export type Heading =
  | 'NORMAL'
  | 'HEADING1'
  | 'HEADING2'
  | 'HEADING3'
  | 'HEADING4'
  | 'HEADING5'
  | 'HEADING6'
  | 'TITLE'
  | 'SUBTITLE';
export type GlyphType =
  | 'BULLET'
  | 'HOLLOW_BULLET'
  | 'SQUARE_BULLET'
  | 'NUMBER'
  | 'LATIN_UPPER'
  | 'LATIN_LOWER'
  | 'ROMAN_UPPER'
  | 'ROMAN_LOWER';
export type VerticalAlignment = 'TOP' | 'CENTER' | 'BOTTOM';

/** Paragraph formatting, in points where a length. Undefined means "as the style says". */
export interface ParagraphStyle {
  heading: Heading;
  alignment?: Alignment;
  indentStart?: number;
  indentEnd?: number;
  indentFirstLine?: number;
  spacingBefore?: number;
  spacingAfter?: number;
  /** A multiplier: 1 single, 1.5, 2 double. */
  lineSpacing?: number;
  leftToRight?: boolean;
  /**
   * Text attributes of the paragraph's end (Docs keeps them on its newline): an empty paragraph is
   * as high as these say. Set by Paragraph.setAttributes (ASSUMPTION: as the Docs editor, where an
   * empty line takes the size chosen for it).
   */
  markAttrs?: TextAttrs;
}

export interface ListStyle {
  listId: string;
  nestingLevel: number;
  glyphType: GlyphType;
}

export interface CellStyle {
  backgroundColor?: string;
  /** Points. */
  width?: number;
  verticalAlignment?: VerticalAlignment;
  paddingTop?: number;
  paddingBottom?: number;
  paddingLeft?: number;
  paddingRight?: number;
}

export interface TableStyle {
  borderColor?: string;
  borderWidth?: number;
  /** Points per column; undefined where not set. */
  columnWidths: Array<number | undefined>;
}

export interface ImageData {
  bytes: Uint8Array;
  contentType: string | null;
  name: string | null;
  /** Pixels, as InlineImage.getWidth/getHeight report. */
  width: number;
  height: number;
  altTitle?: string;
  altDescription?: string;
  linkUrl?: string;
}

export class DocNode {
  parent: DocNode | null = null;
  children: DocNode[] = [];
  /** TEXT only. */
  runs: Run[] = [];
  /** PARAGRAPH and LIST_ITEM. */
  para?: ParagraphStyle;
  /** LIST_ITEM. */
  list?: ListStyle;
  /** TABLE_CELL. */
  cell?: CellStyle;
  /** TABLE. */
  table?: TableStyle;
  /** TABLE_ROW. */
  minimumHeight?: number;
  /**
   * TABLE_ROW: the row must not split across pages (Word's w:cantSplit; the Docs API's
   * TableRowStyle.preventOverflow). DocumentApp has no setter; the Docs advanced service fake
   * (./advanced.ts) reads and sets it, and the renderers honour it.
   */
  keepTogether?: boolean;
  /** INLINE_IMAGE. */
  image?: ImageData;

  constructor(readonly type: NodeType) {}
}

export const SECTION_TYPES: ReadonlySet<NodeType> = new Set([
  'BODY_SECTION',
  'HEADER_SECTION',
  'FOOTER_SECTION',
]);
export const PARAGRAPH_TYPES: ReadonlySet<NodeType> = new Set(['PARAGRAPH', 'LIST_ITEM']);
export const INLINE_TYPES: ReadonlySet<NodeType> = new Set([
  'TEXT',
  'PAGE_BREAK',
  'HORIZONTAL_RULE',
  'INLINE_IMAGE',
]);

// ------------------------------------------------------------------ constructors

export function newText(text: string, attrs: TextAttrs = {}): DocNode {
  const node = new DocNode('TEXT');
  node.runs = text === '' ? [] : [{ text, attrs: { ...attrs } }];
  return node;
}

export function newParagraph(text = '', type: 'PARAGRAPH' | 'LIST_ITEM' = 'PARAGRAPH'): DocNode {
  const p = new DocNode(type);
  p.para = { heading: 'NORMAL' };
  if (text !== '') appendChild(p, newText(text));
  return p;
}

export function newCell(text = ''): DocNode {
  const cell = new DocNode('TABLE_CELL');
  cell.cell = {};
  appendChild(cell, newParagraph(text));
  return cell;
}

export function newRow(texts: readonly string[] = []): DocNode {
  const row = new DocNode('TABLE_ROW');
  for (const t of texts) appendChild(row, newCell(t));
  return row;
}

/** A table from rows of cell texts; short rows are padded with empty cells (host ASSUMPTION). */
export function newTable(cells: readonly (readonly string[])[] = []): DocNode {
  const table = new DocNode('TABLE');
  table.table = { columnWidths: [] };
  const width = cells.reduce((w, r) => Math.max(w, r.length), 0);
  for (const r of cells) {
    const padded = [...r];
    while (padded.length < width) padded.push('');
    appendChild(table, newRow(padded));
  }
  return table;
}

export function newSection(type: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION'): DocNode {
  const s = new DocNode(type);
  // A new document (and a new header or footer) holds one empty paragraph.
  appendChild(s, newParagraph());
  return s;
}

// ------------------------------------------------------------------ tree operations

export function appendChild(parent: DocNode, child: DocNode): DocNode {
  return insertChild(parent, parent.children.length, child);
}

export function insertChild(parent: DocNode, index: number, child: DocNode): DocNode {
  if (child.parent) detach(child);
  parent.children.splice(index, 0, child);
  child.parent = parent;
  return child;
}

export function detach(child: DocNode): DocNode {
  const parent = child.parent;
  if (parent) {
    const i = parent.children.indexOf(child);
    if (i >= 0) parent.children.splice(i, 1);
  }
  child.parent = null;
  return child;
}

/** A detached deep copy (Element.copy: "Returns a detached, deep copy of the current element"). */
export function deepCopy(node: DocNode): DocNode {
  const out = new DocNode(node.type);
  out.runs = node.runs.map((r) => ({ text: r.text, attrs: { ...r.attrs } }));
  if (node.para) out.para = { ...node.para };
  if (node.list) out.list = { ...node.list };
  if (node.cell) out.cell = { ...node.cell };
  if (node.table) out.table = { ...node.table, columnWidths: [...node.table.columnWidths] };
  if (node.minimumHeight !== undefined) out.minimumHeight = node.minimumHeight;
  if (node.keepTogether) out.keepTogether = true;
  if (node.image) out.image = { ...node.image, bytes: new Uint8Array(node.image.bytes) };
  for (const c of node.children) appendChild(out, deepCopy(c));
  return out;
}

/** Every node under `node` (itself first), depth first in document order. */
export function* walk(node: DocNode): Generator<DocNode> {
  yield node;
  for (const c of node.children) yield* walk(c);
}

export function descendantsOfType(node: DocNode, types: ReadonlySet<NodeType>): DocNode[] {
  const out: DocNode[] = [];
  for (const n of walk(node)) if (n !== node && types.has(n.type)) out.push(n);
  return out;
}

/** The section (body, header, footer) a node belongs to, or null when detached. */
export function sectionOf(node: DocNode): DocNode | null {
  let n: DocNode | null = node;
  while (n && !SECTION_TYPES.has(n.type)) n = n.parent;
  return n;
}

/**
 * Plain text of an element. A paragraph's text is its Text elements' text (inline images, page
 * breaks and rules add nothing). A container's is its children's joined with "\n" (ASSUMPTION for
 * tables: rows and cells are joined with "\n" too).
 */
export function nodeText(node: DocNode): string {
  switch (node.type) {
    case 'TEXT':
      return runsText(node.runs);
    case 'PAGE_BREAK':
    case 'HORIZONTAL_RULE':
    case 'INLINE_IMAGE':
      return '';
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return node.children.map(nodeText).join('');
    default:
      return node.children.map(nodeText).join('\n');
  }
}

/**
 * Merges adjacent Text elements of every paragraph. Text elements added by appendText stay separate
 * while the script holds the document; a reopened document shows a paragraph's text as one element
 * with formatting runs (ASSUMPTION, as the Docs editor stores text per paragraph).
 */
export function mergeAdjacentText(root: DocNode): void {
  for (const n of walk(root)) {
    if (!PARAGRAPH_TYPES.has(n.type)) continue;
    const merged: DocNode[] = [];
    for (const c of n.children) {
      const prev = merged[merged.length - 1];
      if (c.type === 'TEXT' && prev?.type === 'TEXT') {
        prev.runs = normalizeRuns([...prev.runs, ...c.runs]);
        c.parent = null;
      } else {
        merged.push(c);
      }
    }
    n.children = merged;
    for (const c of n.children) if (c.type === 'TEXT' && c.runs.length === 0) detach(c);
  }
}

// ------------------------------------------------------------------ text runs

export function runsText(runs: readonly Run[]): string {
  let s = '';
  for (const r of runs) s += r.text;
  return s;
}

export function sameAttrs(a: TextAttrs, b: TextAttrs): boolean {
  for (const k of TEXT_ATTR_NAMES) if (a[k] !== b[k]) return false;
  return true;
}

/** Drops empty runs and merges neighbours with equal attributes. */
export function normalizeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const prev = out[out.length - 1];
    if (prev && sameAttrs(prev.attrs, r.attrs)) prev.text += r.text;
    else out.push({ text: r.text, attrs: { ...r.attrs } });
  }
  return out;
}

/** Attributes of the character at `offset` (the last character when offset is past the end). */
export function attrsAt(runs: readonly Run[], offset: number): TextAttrs {
  let pos = 0;
  for (const r of runs) {
    if (offset < pos + r.text.length) return { ...r.attrs };
    pos += r.text.length;
  }
  const last = runs[runs.length - 1];
  return last ? { ...last.attrs } : {};
}

/** Splits runs into per-character attribute slots over [start, end) and applies `fn` to them. */
function mapRange(
  runs: readonly Run[],
  start: number,
  end: number,
  fn: (attrs: TextAttrs) => TextAttrs,
): Run[] {
  const out: Run[] = [];
  let pos = 0;
  for (const r of runs) {
    const rs = pos;
    const re = pos + r.text.length;
    pos = re;
    if (re <= start || rs >= end) {
      out.push(r);
      continue;
    }
    const a = Math.max(start, rs) - rs;
    const b = Math.min(end, re) - rs;
    if (a > 0) out.push({ text: r.text.slice(0, a), attrs: r.attrs });
    out.push({ text: r.text.slice(a, b), attrs: fn({ ...r.attrs }) });
    if (b < r.text.length) out.push({ text: r.text.slice(b), attrs: r.attrs });
  }
  return normalizeRuns(out);
}

export function applyPatch(attrs: TextAttrs, patch: TextAttrPatch): TextAttrs {
  const out: Record<string, unknown> = { ...attrs };
  for (const k of TEXT_ATTR_NAMES) {
    if (!(k in patch)) continue;
    const v = patch[k];
    if (v === null || v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Formats [start, endInclusive] of a Text node. */
export function formatRange(
  node: DocNode,
  start: number,
  endInclusive: number,
  patch: TextAttrPatch,
): void {
  node.runs = mapRange(node.runs, start, endInclusive + 1, (a) => applyPatch(a, patch));
}

/**
 * Inserts text at `offset`. It takes the formatting of the character before it (of the first
 * character at offset 0), as typing in Docs does, unless `attrs` is given.
 */
export function insertTextAt(node: DocNode, offset: number, text: string, attrs?: TextAttrs): void {
  if (text === '') return;
  const a = attrs ?? attrsAt(node.runs, offset > 0 ? offset - 1 : 0);
  const out: Run[] = [];
  let pos = 0;
  let done = false;
  for (const r of node.runs) {
    const rs = pos;
    const re = pos + r.text.length;
    pos = re;
    if (!done && offset >= rs && offset <= re) {
      const k = offset - rs;
      if (k > 0) out.push({ text: r.text.slice(0, k), attrs: r.attrs });
      out.push({ text, attrs: { ...a } });
      if (k < r.text.length) out.push({ text: r.text.slice(k), attrs: r.attrs });
      done = true;
    } else {
      out.push(r);
    }
  }
  if (!done) out.push({ text, attrs: { ...a } });
  node.runs = normalizeRuns(out);
}

/** Deletes [start, endExclusive) of a Text node. */
export function deleteRange(node: DocNode, start: number, endExclusive: number): void {
  const out: Run[] = [];
  let pos = 0;
  for (const r of node.runs) {
    const rs = pos;
    const re = pos + r.text.length;
    pos = re;
    if (re <= start || rs >= endExclusive) {
      out.push(r);
      continue;
    }
    const a = Math.max(start, rs) - rs;
    const b = Math.min(endExclusive, re) - rs;
    out.push({ text: r.text.slice(0, a) + r.text.slice(b), attrs: r.attrs });
  }
  node.runs = normalizeRuns(out);
}

/**
 * Replaces [start, endExclusive) with `replacement`, which takes the formatting of the first
 * replaced character (what Docs does with replaceText; see replace.ts).
 */
export function replaceRange(
  node: DocNode,
  start: number,
  endExclusive: number,
  replacement: string,
): void {
  const attrs = attrsAt(node.runs, start);
  deleteRange(node, start, endExclusive);
  insertTextAt(node, start, replacement, attrs);
}

// ------------------------------------------------------------------ documents

/** Page sizes in points (1 pt = 1/72 in). Letter is Apps Script's default for a new document. */
export const PAGE_SIZES = {
  LETTER: { width: 612, height: 792 },
  A4: { width: 595.276, height: 841.89 },
} as const;

export type PageSizeName = keyof typeof PAGE_SIZES;

/**
 * Page numbers printed on every page from `from` on (Decree 30/2020, Appendix I: numbered from
 * page 2, centred in the top margin): what a user inserts in Docs (Insert › Page numbers, with
 * "different first page" for `from: 2`). Neither DocumentApp nor the Docs API can insert one; the
 * Docs advanced service fake reads it as a header's AutoText PAGE_NUMBER and sets `from` through
 * updateDocumentStyle (useFirstPageHeaderFooter).
 */
export interface PageNumbering {
  position: 'header' | 'footer';
  /** The first page that shows its number (1-based); earlier pages show none. */
  from: number;
  /** Points; 13 when absent. */
  fontSize?: number;
}

/**
 * Text placed at an absolute position of a page, in points from the page's top-left corner
 * (printing on pre-printed paper). Host-only: the renderer draws it over the flowing content.
 */
export interface PositionedText {
  /** 1-based page. */
  page: number;
  x: number;
  y: number;
  runs: Run[];
  /** The box the text is aligned in: x..x+width; left aligned at x when absent. */
  width?: number;
  alignment?: Alignment;
}

export class DocumentModel {
  id: string;
  name: string;
  body: DocNode;
  header: DocNode | null = null;
  footer: DocNode | null = null;
  /** Points. */
  pageWidth: number;
  pageHeight: number;
  marginTop = 72;
  marginBottom = 72;
  marginLeft = 72;
  marginRight = 72;
  pageNumbers?: PageNumbering;
  positioned: PositionedText[] = [];
  createdMs: number;
  updatedMs: number;

  constructor(id: string, name: string, nowMs: number, pageSize: PageSizeName = 'LETTER') {
    this.id = id;
    this.name = name;
    this.body = newSection('BODY_SECTION');
    this.pageWidth = PAGE_SIZES[pageSize].width;
    this.pageHeight = PAGE_SIZES[pageSize].height;
    this.createdMs = nowMs;
    this.updatedMs = nowMs;
  }

  get url(): string {
    return documentUrl(this.id);
  }

  /** The body's plain text (Body.getText), for tests and the demo. */
  text(): string {
    return nodeText(this.body);
  }
}

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/** The id in a Docs URL ("/document/d/<id>"), or null. */
export function idFromUrl(url: string): string | null {
  const m = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(url);
  return m?.[1] ?? null;
}

export interface DocumentCreatedEvent {
  doc: DocumentModel;
  /** Who made it: the script (DocumentApp.create) or host code (DocumentStore.create). */
  via: 'DocumentApp.create' | 'host';
  /** The user the current execution runs as, or the host's owner. */
  owner: string;
}

export interface DocumentStoreSettings {
  /**
   * Edits one opened Document may take before the next edit throws "Too many changes applied before
   * saving document..." (Google publishes no figure: DESIGN §4; a host setting).
   */
  maxEditsBeforeSave: number;
  /**
   * How replaceText reads its replacement string. 'literal' (default): inserted as given.
   * 'java': `$n` is a group reference and `\` escapes the next character, as Java's
   * Matcher.replaceAll. The reference page documents neither (see replace.ts): run the merge engine
   * under both to be safe.
   */
  replacementSemantics: 'literal' | 'java';
  /** Page size of a new document (Apps Script's default is Letter; locale dependent: ASSUMPTION). */
  defaultPageSize: PageSizeName;
}

export const DEFAULT_MAX_EDITS_BEFORE_SAVE = 200;

export interface DocumentStoreOptions extends Partial<DocumentStoreSettings> {
  /** Id generator shared with the Drive helper so Doc ids are Drive file ids. */
  newId?: () => string;
  now?: () => number;
}

/** All documents of the host, by id. */
export class DocumentStore {
  readonly docs = new Map<string, DocumentModel>();
  readonly settings: DocumentStoreSettings;
  newId: () => string;
  private readonly now: () => number;
  private readonly createdListeners: Array<(e: DocumentCreatedEvent) => void> = [];
  private counter = 0;

  constructor(options: DocumentStoreOptions = {}) {
    this.settings = {
      maxEditsBeforeSave: options.maxEditsBeforeSave ?? DEFAULT_MAX_EDITS_BEFORE_SAVE,
      replacementSemantics: options.replacementSemantics ?? 'literal',
      defaultPageSize: options.defaultPageSize ?? 'LETTER',
    };
    this.now = options.now ?? (() => Date.now());
    this.newId = options.newId ?? (() => this.defaultId());
  }

  /** 44 characters, like Drive ids; deterministic so test output is stable. */
  private defaultId(): string {
    this.counter++;
    const n = String(this.counter).padStart(6, '0');
    return `1doc${n}`.padEnd(44, 'x');
  }

  /** Host-side creation (templates, fixtures). Fires onDocumentCreated with via 'host'. */
  create(
    name: string,
    options: { id?: string; owner?: string; pageSize?: PageSizeName } = {},
  ): DocumentModel {
    return this.add(name, options, 'host');
  }

  /** @internal used by DocumentApp.create. */
  add(
    name: string,
    options: { id?: string; owner?: string; pageSize?: PageSizeName },
    via: DocumentCreatedEvent['via'],
  ): DocumentModel {
    const id = options.id ?? this.newId();
    if (this.docs.has(id)) throw new Error(`thidua host: document id ${id} already exists`);
    const doc = new DocumentModel(
      id,
      name,
      this.now(),
      options.pageSize ?? this.settings.defaultPageSize,
    );
    this.docs.set(id, doc);
    const event: DocumentCreatedEvent = { doc, via, owner: options.owner ?? '' };
    for (const l of [...this.createdListeners]) l(event);
    return doc;
  }

  get(id: string): DocumentModel | undefined {
    return this.docs.get(id);
  }

  list(): DocumentModel[] {
    return [...this.docs.values()];
  }

  /** Deletes a document for good (Drive's permanent delete); openById then fails. */
  remove(id: string): boolean {
    return this.docs.delete(id);
  }

  /**
   * A deep copy under a new id and name (DriveApp File.makeCopy of a Google Doc). Does not fire
   * onDocumentCreated: the caller (the Drive helper) registers its own file.
   */
  copyDocument(id: string, newId: string, newName: string): DocumentModel {
    const src = this.docs.get(id);
    if (!src) throw new Error(`thidua host: no document ${id}`);
    if (this.docs.has(newId)) throw new Error(`thidua host: document id ${newId} already exists`);
    const doc = new DocumentModel(newId, newName, this.now());
    doc.body = deepCopy(src.body);
    doc.header = src.header ? deepCopy(src.header) : null;
    doc.footer = src.footer ? deepCopy(src.footer) : null;
    doc.pageWidth = src.pageWidth;
    doc.pageHeight = src.pageHeight;
    doc.marginTop = src.marginTop;
    doc.marginBottom = src.marginBottom;
    doc.marginLeft = src.marginLeft;
    doc.marginRight = src.marginRight;
    if (src.pageNumbers) doc.pageNumbers = { ...src.pageNumbers };
    doc.positioned = src.positioned.map((p) => ({
      ...p,
      runs: p.runs.map((r) => ({ text: r.text, attrs: { ...r.attrs } })),
    }));
    mergeAdjacentText(doc.body);
    this.docs.set(newId, doc);
    return doc;
  }

  /**
   * Registers a listener for new documents (the Drive helper files them in My Drive). Returns a
   * function that removes it.
   */
  onDocumentCreated(listener: (e: DocumentCreatedEvent) => void): () => void {
    this.createdListeners.push(listener);
    return () => {
      const i = this.createdListeners.indexOf(listener);
      if (i >= 0) this.createdListeners.splice(i, 1);
    };
  }
}

/**
 * Applies what a template's DocSpec asks and DocumentApp cannot express (layoutHints in
 * src/core/documents/docSpec.ts) to a document made from it, host-side: tables counted in body
 * order. The bundle sets the same rows through the Docs advanced service (./advanced.ts); page
 * numbers it cannot insert, so this is how tests model a template that has them.
 */
export function applyLayoutHints(
  doc: DocumentModel,
  hints: {
    readonly keepRowsTogetherTables: readonly number[];
    readonly numberPagesFromSecond: boolean;
  },
): void {
  const tables = doc.body.children.filter((c) => c.type === 'TABLE');
  for (const i of hints.keepRowsTogetherTables) {
    for (const row of tables[i]?.children ?? []) row.keepTogether = true;
  }
  // Decree 30/2020, Appendix I: numbers centred in the top margin, from page 2.
  if (hints.numberPagesFromSecond) doc.pageNumbers = { position: 'header', from: 2 };
}
