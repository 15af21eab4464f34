/**
 * Applies a merge plan (src/core/template/plan.ts) to a Google Doc body with DocumentApp.
 * The plan's ops are already in an order that keeps indices valid (bottom-up), so this file only
 * translates each op into calls; it is resumable at any op because no op depends on state kept
 * here. Docs throws "Too many changes applied before saving document" after an unpublished number
 * of edits without saveAndClose(); applyMergePlan stops at maxEdits and says where to resume.
 */
import type {
  BlockShape,
  ContainerPath,
  DocShape,
  EditOp,
  ParagraphShape,
  RunShape,
} from '../../core/template';
import { editCost } from '../../core/template';

type Doc = typeof GoogleAppsScript.Document;
type Element = GoogleAppsScript.Document.Element;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Table = GoogleAppsScript.Document.Table;
type Text = GoogleAppsScript.Document.Text;

/** What Body and TableCell have in common that the merge uses. */
interface BlockContainer {
  getChild(childIndex: number): Element;
  getNumChildren(): number;
  insertParagraph(childIndex: number, paragraph: Paragraph): Paragraph;
  insertListItem(childIndex: number, listItem: ListItem): ListItem;
  insertTable(childIndex: number, table: Table): Table;
  removeChild(child: Element): unknown;
}

function elementType(): Doc['ElementType'] {
  return DocumentApp.ElementType;
}

function readParagraph(p: Paragraph | ListItem, kind: ParagraphShape['kind']): ParagraphShape {
  const whole = p.getText();
  // Paragraphs without braces need no offsets: one call instead of a walk over their children.
  if (!whole.includes('{{') && !whole.includes('}}')) {
    return { kind, runs: whole === '' ? [] : [{ text: whole, attrs: 'plain', child: 0 }] };
  }
  const runs: RunShape[] = [];
  const count = p.getNumChildren();
  for (let c = 0; c < count; c++) {
    const child = p.getChild(c);
    if (child.getType() !== elementType().TEXT) continue;
    const text = child.asText();
    const content = text.getText();
    const starts = text.getTextAttributeIndices();
    starts.forEach((start, k) => {
      const end = starts[k + 1] ?? content.length;
      if (end > start) {
        runs.push({
          text: content.slice(start, end),
          attrs: `${String(c)}@${String(start)}`,
          child: c,
        });
      }
    });
  }
  return { kind, runs };
}

function readTable(table: Table): BlockShape {
  const rows = [];
  const rowCount = table.getNumRows();
  for (let r = 0; r < rowCount; r++) {
    const row = table.getRow(r);
    const cells = [];
    const cellCount = row.getNumCells();
    for (let c = 0; c < cellCount; c++) cells.push({ blocks: readBlocks(row.getCell(c)) });
    rows.push({ cells });
  }
  return { kind: 'table', rows };
}

function readBlocks(container: BlockContainer): BlockShape[] {
  const types = elementType();
  const blocks: BlockShape[] = [];
  const count = container.getNumChildren();
  for (let i = 0; i < count; i++) {
    const element = container.getChild(i);
    const type = element.getType();
    if (type === types.PARAGRAPH) blocks.push(readParagraph(element.asParagraph(), 'paragraph'));
    else if (type === types.LIST_ITEM) blocks.push(readParagraph(element.asListItem(), 'listItem'));
    else if (type === types.TABLE) blocks.push(readTable(element.asTable()));
    else blocks.push({ kind: 'other', type: String(type) });
  }
  return blocks;
}

/** The body's structure and text, for parseDocShape. Reads only; runs have opaque attrs ids. */
export function readDocShape(body: GoogleAppsScript.Document.Body): DocShape {
  return { blocks: readBlocks(body) };
}

function containerAt(body: BlockContainer, path: ContainerPath): BlockContainer {
  let container = body;
  for (let i = 0; i + 2 < path.length; i += 3) {
    container = container
      .getChild(path[i] ?? 0)
      .asTable()
      .getCell(path[i + 1] ?? 0, path[i + 2] ?? 0);
  }
  return container;
}

function textOf(container: BlockContainer, block: number, child: number): Text {
  const element = container.getChild(block);
  const holder =
    element.getType() === elementType().LIST_ITEM ? element.asListItem() : element.asParagraph();
  return holder.getChild(child).asText();
}

function copyBlock(container: BlockContainer, from: number, to: number): void {
  const types = elementType();
  const element = container.getChild(from);
  const type = element.getType();
  if (type === types.PARAGRAPH) container.insertParagraph(to, element.asParagraph().copy());
  else if (type === types.LIST_ITEM) container.insertListItem(to, element.asListItem().copy());
  else if (type === types.TABLE) container.insertTable(to, element.asTable().copy());
  else throw new Error(`Không sao chép được phần tử ${String(type)} của mẫu.`);
}

function clearBlock(container: BlockContainer, block: number): void {
  const element = container.getChild(block);
  if (element.getType() === elementType().LIST_ITEM) element.asListItem().clear();
  else element.asParagraph().clear();
}

/**
 * One replacement, in the formatting of the replaced text's first character. The value is
 * inserted between the first and second characters (the two braces of "{{"), where both
 * neighbours carry the opening run's formatting, so it takes that formatting whichever
 * neighbour Docs copies it from, even when the placeholder was split across differently
 * formatted runs; then the rest of the old text and its first character are deleted. No read
 * of attributes is needed, and the Text element is never emptied on the way (Docs may drop an
 * emptied one).
 */
function replace(text: Text, start: number, end: number, value: string): void {
  if (value === '') {
    text.deleteText(start, end);
    return;
  }
  text.insertText(start + 1, value);
  if (end > start) text.deleteText(start + 1 + value.length, end + value.length);
  text.deleteText(start, start);
}

export type MergeProgress = {
  /** Index of the first op not applied; pass it as `from` to resume. */
  readonly next: number;
  /** Mutating calls made by this call. */
  readonly edits: number;
  readonly done: boolean;
};

export type ApplyOptions = {
  /** First op to apply (resume point); default 0. */
  readonly from?: number;
  /**
   * Stop before the op that would exceed this many mutating calls; default unlimited. At least one
   * op is applied per call, so progress is always made.
   */
  readonly maxEdits?: number;
};

/** Applies plan ops in order; see MergeProgress for resuming after saveAndClose. */
export function applyMergePlan(
  body: GoogleAppsScript.Document.Body,
  plan: { readonly ops: readonly EditOp[] },
  options: ApplyOptions = {},
): MergeProgress {
  const maxEdits = options.maxEdits ?? Infinity;
  let edits = 0;
  let i = options.from ?? 0;
  // Consecutive replacements in one Text element, or in one table cell, reuse it: fewer
  // getChild/as* round trips. A structural op may move what a path points at, so it drops both.
  let cachedKey = '';
  let cachedText: Text | null = null;
  let cachedPath = '';
  let cachedContainer: BlockContainer | null = null;
  for (; i < plan.ops.length; i++) {
    const op = plan.ops[i];
    if (op === undefined) break;
    const cost = editCost(op);
    if (edits > 0 && edits + cost > maxEdits) break;
    const path = op.container.join('/');
    if (cachedContainer === null || path !== cachedPath) {
      cachedContainer = containerAt(body, op.container);
      cachedPath = path;
    }
    const container = cachedContainer;
    switch (op.op) {
      case 'replace': {
        const key = `${path}:${String(op.block)}:${String(op.child)}`;
        if (cachedText === null || key !== cachedKey) {
          cachedText = textOf(container, op.block, op.child);
          cachedKey = key;
        }
        replace(cachedText, op.start, op.end, op.text);
        break;
      }
      case 'copyBlock':
        copyBlock(container, op.from, op.to);
        break;
      case 'removeBlock':
        container.removeChild(container.getChild(op.block));
        break;
      case 'clearBlock':
        clearBlock(container, op.block);
        break;
      case 'copyRow': {
        const table = container.getChild(op.table).asTable();
        table.insertTableRow(op.to, table.getRow(op.from).copy());
        break;
      }
      case 'removeRow':
        container.getChild(op.table).asTable().removeRow(op.row);
        break;
    }
    if (op.op !== 'replace') {
      cachedText = null;
      cachedContainer = null;
    }
    edits += cost;
  }
  return { next: i, edits, done: i >= plan.ops.length };
}

/**
 * Merges into the document with this id in batches of at most maxEditsPerSave edits, saving and
 * reopening between batches (the cure Docs' own error message prescribes). Returns the edits made.
 */
export function applyMergePlanById(
  documentId: string,
  plan: { readonly ops: readonly EditOp[] },
  maxEditsPerSave: number,
): number {
  let from = 0;
  let total = 0;
  for (;;) {
    const doc = DocumentApp.openById(documentId);
    const progress = applyMergePlan(doc.getBody(), plan, { from, maxEdits: maxEditsPerSave });
    doc.saveAndClose();
    total += progress.edits;
    if (progress.done) return total;
    from = progress.next;
  }
}
