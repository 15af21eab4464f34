/**
 * The merge plan of a document template with one record: which blocks are kept, edited,
 * removed or repeated (MergeStep tree), compiled to a flat list of primitive edits (EditOp)
 * whose indices are valid in sequence. The gas side executes the ops with DocumentApp, a
 * bounded number at a time, so a caller can saveAndClose between batches and resume at any op.
 *
 * Why bottom-up: inserting or removing a child shifts the indices of the children after it, so
 * ops are emitted from the last block to the first; every op's indices then refer to blocks no
 * earlier op has moved. Copies are made from originals not yet edited (the first copy is the
 * original itself, edited last).
 */
import type {
  BlockNode,
  BlockShape,
  DocShape,
  DocTemplate,
  ParaNode,
  RowNode,
  Segment,
  TableNode,
} from './doc';
import type { RenderContext, RenderIssue } from './render';
import { evalCondition, evalField, evalItems, newContext, renderNodes, withItem } from './render';
import type { Node, Span } from './syntax';
import type { TemplateRecord } from './values';

/** A text edit: characters start..end (inclusive) of one Text child replaced by text. */
export type Replacement = {
  readonly child: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
};

export type ContainerPlan = {
  /** The original blocks this plan covers, inclusive. */
  readonly from: number;
  readonly to: number;
  readonly steps: readonly MergeStep[];
};
export type MergeStep =
  | { readonly kind: 'keep'; readonly block: number }
  | { readonly kind: 'edit'; readonly block: number; readonly replacements: readonly Replacement[] }
  | { readonly kind: 'remove'; readonly block: number }
  | { readonly kind: 'table'; readonly block: number; readonly rows: readonly RowPlan[] }
  | {
      readonly kind: 'repeat';
      readonly from: number;
      readonly to: number;
      /** One plan per item; none removes the blocks. */
      readonly copies: readonly ContainerPlan[];
    };
export type RowPlan = {
  readonly row: number;
  /** One entry per output row: none removes it, several repeat it. */
  readonly copies: readonly { readonly cells: readonly ContainerPlan[] }[];
};

/**
 * Where a body or cell is: [] for the body; [block, row, cell] for a cell of a table in the
 * body; [block, row, cell, block, row, cell] for a cell of a table nested in a cell, and so on.
 */
export type ContainerPath = readonly number[];

export type EditOp =
  | {
      /** Replace characters start..end (inclusive) of Text child `child` of the paragraph. */
      readonly op: 'replace';
      readonly container: ContainerPath;
      readonly block: number;
      readonly child: number;
      readonly start: number;
      readonly end: number;
      readonly text: string;
    }
  /** Insert a copy of the block at `from` so that it becomes the block at `to`. */
  | {
      readonly op: 'copyBlock';
      readonly container: ContainerPath;
      readonly from: number;
      readonly to: number;
    }
  | { readonly op: 'removeBlock'; readonly container: ContainerPath; readonly block: number }
  /** Empty a paragraph that cannot be removed (Docs keeps a last paragraph in a body or cell). */
  | { readonly op: 'clearBlock'; readonly container: ContainerPath; readonly block: number }
  | {
      readonly op: 'copyRow';
      readonly container: ContainerPath;
      readonly table: number;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly op: 'removeRow';
      readonly container: ContainerPath;
      readonly table: number;
      readonly row: number;
    };

export type MergePlan = {
  readonly body: ContainerPlan;
  readonly ops: readonly EditOp[];
  /** Unknown, empty or unprintable fields: each printed as nothing. */
  readonly issues: readonly RenderIssue[];
  /** Keys (resolvedKey) of the tags that found their field at least once. */
  readonly resolved: ReadonlySet<string>;
  /** Mutating DocumentApp calls the ops make (see editCost). */
  readonly edits: number;
};

/**
 * Mutating calls an op makes in src/gas/docs/merge.ts: a replacement with text inserts it, then
 * deletes the old text after it and the old first character; everything else is one call.
 */
export function editCost(op: EditOp): number {
  if (op.op !== 'replace' || op.text === '') return 1;
  return op.end > op.start ? 3 : 2;
}

// ---------------------------------------------------------------- rendering to steps

type Edit = { readonly start: number; readonly end: number; readonly text: string };

function inlineEdits(nodes: readonly Node[], ctx: RenderContext, out: Edit[]): void {
  const del = (span: Span): void => {
    out.push({ start: span.start, end: span.end, text: '' });
  };
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        break;
      case 'field':
        out.push({
          start: node.start,
          end: node.end,
          text: evalField(ctx, node.path, node.formatters, node.raw, node.start),
        });
        break;
      case 'if': {
        // Fine-grained: the tags go, the kept branch's text keeps its own formatting.
        const truth = evalCondition(ctx, node.path, node.raw, node.open.start);
        if (truth) {
          del(node.open);
          inlineEdits(node.then, ctx, out);
          del(
            node.elseTag === null ? node.close : { start: node.elseTag.start, end: node.close.end },
          );
        } else {
          del({ start: node.open.start, end: (node.elseTag ?? node.close).end });
          if (node.elseTag !== null) {
            inlineEdits(node.otherwise, ctx, out);
            del(node.close);
          }
        }
        break;
      }
      case 'section': {
        // Repeated text is rebuilt as plain text in the formatting of the opening tag.
        let text = '';
        evalItems(ctx, node.path, node.raw, node.open.start).forEach((item, index) => {
          text += withItem(ctx, node.path, item, index, () => renderNodes(node.children, ctx));
        });
        out.push({ start: node.open.start, end: node.close.end, text });
        break;
      }
    }
  }
}

/** Joins touching deletions so each needs one call. */
function mergeEdits(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: Edit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.end === edit.start && last.text === '' && edit.text === '') {
      out[out.length - 1] = { start: last.start, end: edit.end, text: '' };
    } else {
      out.push(edit);
    }
  }
  return out;
}

function toReplacements(edits: readonly Edit[], segments: readonly Segment[]): Replacement[] {
  const replacements: Replacement[] = [];
  for (const edit of edits) {
    // Parsing guarantees an edit lies in one segment (tags cannot contain the object mark).
    const segment = segments.find((s) => edit.start >= s.start && edit.end <= s.end);
    if (segment === undefined) continue;
    replacements.push({
      child: segment.child,
      start: edit.start - segment.start,
      end: edit.end - segment.start - 1,
      text: edit.text,
    });
  }
  // Application order: last child first, last offset first, so earlier offsets stay valid.
  return replacements.sort((a, b) => b.child - a.child || b.start - a.start);
}

function paragraphStep(node: ParaNode, ctx: RenderContext): MergeStep {
  if (node.marker) return { kind: 'remove', block: node.block };
  ctx.locate = () => node.where;
  const edits: Edit[] = node.deletions.map((d) => ({ ...d, text: '' }));
  inlineEdits(node.inline, ctx, edits);
  const replacements = toReplacements(mergeEdits(edits), node.segments);
  return replacements.length === 0
    ? { kind: 'keep', block: node.block }
    : { kind: 'edit', block: node.block, replacements };
}

function blocksOf(nodes: readonly BlockNode[], out: number[] = []): number[] {
  for (const node of nodes) {
    if (node.kind === 'section') blocksOf(node.children, out);
    else if (node.kind === 'if') {
      blocksOf(node.then, out);
      blocksOf(node.otherwise, out);
    } else out.push(node.block);
  }
  return out;
}

function rowCopies(
  row: RowNode,
  depth: number,
  ctx: RenderContext,
  out: { cells: ContainerPlan[] }[],
): void {
  const tag = row.tags[depth];
  if (tag === undefined) {
    out.push({
      cells: row.cells.map((cell) => ({
        from: 0,
        to: cell.size - 1,
        steps: renderNodesToSteps(cell.nodes, ctx),
      })),
    });
    return;
  }
  ctx.locate = () => tag.where;
  if (tag.kind === 'if') {
    if (evalCondition(ctx, tag.path, tag.raw, tag.offset)) rowCopies(row, depth + 1, ctx, out);
    return;
  }
  evalItems(ctx, tag.path, tag.raw, tag.offset).forEach((item, index) => {
    withItem(ctx, tag.path, item, index, () => {
      rowCopies(row, depth + 1, ctx, out);
    });
  });
}

function tableStep(node: TableNode, ctx: RenderContext): MergeStep {
  const rows = node.rows.map((row): RowPlan => {
    const copies: { cells: ContainerPlan[] }[] = [];
    rowCopies(row, 0, ctx, copies);
    return { row: row.row, copies };
  });
  if (rows.every((r) => r.copies.length === 0)) return { kind: 'remove', block: node.block };
  return { kind: 'table', block: node.block, rows };
}

function renderNodesToSteps(nodes: readonly BlockNode[], ctx: RenderContext): MergeStep[] {
  const steps: MergeStep[] = [];
  for (const node of nodes) {
    switch (node.kind) {
      case 'para':
        steps.push(paragraphStep(node, ctx));
        break;
      case 'table':
        steps.push(tableStep(node, ctx));
        break;
      case 'other':
        steps.push({ kind: 'keep', block: node.block });
        break;
      case 'if': {
        ctx.locate = () => node.where;
        const truth = evalCondition(ctx, node.path, node.raw, node.offset);
        const kept = truth ? node.then : node.otherwise;
        const dropped = truth ? node.otherwise : node.then;
        steps.push(...renderNodesToSteps(kept, ctx));
        for (const block of blocksOf(dropped)) steps.push({ kind: 'remove', block });
        break;
      }
      case 'section': {
        ctx.locate = () => node.where;
        const items = evalItems(ctx, node.path, node.raw, node.offset);
        const copies = items.map((item, index) =>
          withItem(ctx, node.path, item, index, () => ({
            from: node.from,
            to: node.to,
            steps: renderNodesToSteps(node.children, ctx),
          })),
        );
        if (node.from <= node.to)
          steps.push({ kind: 'repeat', from: node.from, to: node.to, copies });
        break;
      }
    }
  }
  return steps.sort((a, b) => stepStart(a) - stepStart(b));
}

function stepStart(step: MergeStep): number {
  return step.kind === 'repeat' ? step.from : step.block;
}

// ---------------------------------------------------------------- compiling to ops

type Sizes = { n: number };

function isParagraphLike(block: BlockShape | undefined): boolean {
  return block !== undefined && (block.kind === 'paragraph' || block.kind === 'listItem');
}

function removeAt(
  container: ContainerPath,
  index: number,
  shape: BlockShape | undefined,
  size: Sizes,
  ops: EditOp[],
): void {
  if (index === size.n - 1 && isParagraphLike(shape)) {
    ops.push({ op: 'clearBlock', container, block: index });
    return;
  }
  ops.push({ op: 'removeBlock', container, block: index });
  size.n -= 1;
}

function compileContainer(
  container: ContainerPath,
  plan: ContainerPlan,
  base: number,
  size: Sizes,
  blocks: readonly BlockShape[],
  ops: EditOp[],
): void {
  const at = (block: number): number => base + (block - plan.from);
  for (let s = plan.steps.length - 1; s >= 0; s--) {
    const step = plan.steps[s];
    if (step === undefined) continue;
    switch (step.kind) {
      case 'keep':
        break;
      case 'edit':
        for (const r of step.replacements) {
          ops.push({ op: 'replace', container, block: at(step.block), ...r });
        }
        break;
      case 'remove':
        removeAt(container, at(step.block), blocks[step.block], size, ops);
        break;
      case 'table': {
        const shape = blocks[step.block];
        if (shape?.kind === 'table')
          compileTable(container, at(step.block), shape.rows, step.rows, ops);
        break;
      }
      case 'repeat': {
        const p = at(step.from);
        const length = step.to - step.from + 1;
        if (step.copies.length === 0) {
          for (let j = length - 1; j >= 0; j--) {
            removeAt(container, p + j, blocks[step.from + j], size, ops);
          }
          break;
        }
        for (let i = step.copies.length - 1; i >= 0; i--) {
          const copy = step.copies[i];
          if (copy === undefined) continue;
          if (i === 0) {
            compileContainer(container, copy, p, size, blocks, ops);
            continue;
          }
          for (let j = 0; j < length; j++) {
            ops.push({ op: 'copyBlock', container, from: p + j, to: p + length + j });
            size.n += 1;
          }
          compileContainer(container, copy, p + length, size, blocks, ops);
        }
        break;
      }
    }
  }
}

function compileTable(
  container: ContainerPath,
  table: number,
  rowShapes: readonly { readonly cells: readonly { readonly blocks: readonly BlockShape[] }[] }[],
  rows: readonly RowPlan[],
  ops: EditOp[],
): void {
  for (let r = rows.length - 1; r >= 0; r--) {
    const plan = rows[r];
    const shape = rowShapes[plan?.row ?? -1];
    if (plan === undefined || shape === undefined) continue;
    const q = plan.row;
    if (plan.copies.length === 0) {
      ops.push({ op: 'removeRow', container, table, row: q });
      continue;
    }
    for (let i = plan.copies.length - 1; i >= 0; i--) {
      const copy = plan.copies[i];
      if (copy === undefined) continue;
      const at = i === 0 ? q : q + 1;
      if (i > 0) ops.push({ op: 'copyRow', container, table, from: q, to: q + 1 });
      copy.cells.forEach((cellPlan, c) => {
        const blocks = shape.cells[c]?.blocks ?? [];
        compileContainer(
          [...container, table, at, c],
          cellPlan,
          0,
          { n: blocks.length },
          blocks,
          ops,
        );
      });
    }
  }
}

/** Plans the merge of one record into a copy of the template document. */
export function planMerge(template: DocTemplate, data: TemplateRecord): MergePlan {
  const ctx = newContext(data, () => template.name);
  const body: ContainerPlan = {
    from: 0,
    to: template.body.size - 1,
    steps: renderNodesToSteps(template.body.nodes, ctx),
  };
  const ops: EditOp[] = [];
  compileContainer([], body, 0, { n: template.body.size }, template.shape.blocks, ops);
  return {
    body,
    ops,
    issues: ctx.issues,
    resolved: ctx.resolved,
    edits: ops.reduce((sum, op) => sum + editCost(op), 0),
  };
}

// ---------------------------------------------------------------- reference semantics

type MutableRun = { text: string; attrs: string; child: number };
type MutableBlock =
  | { kind: 'paragraph' | 'listItem'; runs: MutableRun[] }
  | { kind: 'table'; rows: { cells: { blocks: MutableBlock[] }[] }[] }
  | { kind: 'other'; type: string };

function clone(block: BlockShape | MutableBlock): MutableBlock {
  if (block.kind === 'table') {
    return {
      kind: 'table',
      rows: block.rows.map((row) => ({
        cells: row.cells.map((cell) => ({ blocks: cell.blocks.map(clone) })),
      })),
    };
  }
  if (block.kind === 'other') return { kind: 'other', type: block.type };
  return { kind: block.kind, runs: block.runs.map((r) => ({ ...r })) };
}

function containerAt(blocks: MutableBlock[], path: ContainerPath): MutableBlock[] {
  let current = blocks;
  for (let i = 0; i + 2 < path.length; i += 3) {
    const table = current[path[i] ?? -1];
    if (table?.kind !== 'table') throw new Error(`no table at ${path.join('/')}`);
    const cell = table.rows[path[i + 1] ?? -1]?.cells[path[i + 2] ?? -1];
    if (cell === undefined) throw new Error(`no cell at ${path.join('/')}`);
    current = cell.blocks;
  }
  return current;
}

/** Replaces characters of one Text child; the new text takes the attrs of the first replaced one. */
function replaceInRuns(
  runs: readonly MutableRun[],
  child: number,
  start: number,
  end: number,
  text: string,
): MutableRun[] {
  const out: MutableRun[] = [];
  let offset = 0;
  for (const run of runs) {
    if (run.child !== child) {
      out.push(run);
      continue;
    }
    const runStart = offset;
    const length = run.text.length;
    offset += length;
    const clamp = (n: number): number => Math.max(0, Math.min(length, n));
    out.push({ ...run, text: run.text.slice(0, clamp(start - runStart)) });
    if (start >= runStart && start < runStart + length && text !== '') {
      out.push({ text, attrs: run.attrs, child });
    }
    out.push({ ...run, text: run.text.slice(clamp(end + 1 - runStart)) });
  }
  return out.filter((r) => r.text !== '');
}

/**
 * Applies ops to a shape, as src/gas/docs/merge.ts applies them to a Body: the reference the
 * gas code and the host fake are tested against, and a preview of a merge without Docs.
 */
export function simulateOps(shape: DocShape, ops: readonly EditOp[]): DocShape {
  const blocks = shape.blocks.map(clone);
  for (const op of ops) {
    const container = containerAt(blocks, op.container);
    switch (op.op) {
      case 'replace': {
        const block = container[op.block];
        if (block === undefined || block.kind === 'table' || block.kind === 'other') {
          throw new Error(`no paragraph at ${String(op.block)}`);
        }
        block.runs = replaceInRuns(block.runs, op.child, op.start, op.end, op.text);
        break;
      }
      case 'copyBlock': {
        const source = container[op.from];
        if (source === undefined) throw new Error(`no block at ${String(op.from)}`);
        container.splice(op.to, 0, clone(source));
        break;
      }
      case 'removeBlock':
        container.splice(op.block, 1);
        break;
      case 'clearBlock': {
        const block = container[op.block];
        if (block !== undefined && (block.kind === 'paragraph' || block.kind === 'listItem')) {
          block.runs = [];
        }
        break;
      }
      case 'copyRow':
      case 'removeRow': {
        const table = container[op.table];
        if (table?.kind !== 'table') throw new Error(`no table at ${String(op.table)}`);
        if (op.op === 'removeRow') table.rows.splice(op.row, 1);
        else {
          const row = table.rows[op.from];
          if (row === undefined) throw new Error(`no row ${String(op.from)}`);
          table.rows.splice(op.to, 0, {
            cells: row.cells.map((cell) => ({ blocks: cell.blocks.map(clone) })),
          });
        }
        break;
      }
    }
  }
  return { blocks };
}
