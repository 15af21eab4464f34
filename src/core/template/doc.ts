/**
 * Document templates: the structure of a Google Doc as plain data (DocShape, read by
 * src/gas/docs/merge.ts) and its parse into a DocTemplate. Placement rules:
 *
 * - Tags that open and close in the same paragraph work inline: {{#if}} keeps or drops text,
 *   {{#list}} repeats text within the paragraph.
 * - A {{#list}} or {{#if}} that opens in one paragraph and closes in a later one of the same
 *   body or cell repeats (or keeps/drops) the whole paragraphs and tables between. Such a tag
 *   either stands alone in its paragraph (that paragraph is removed) or opens at the very start
 *   of a paragraph / closes at its very end (the paragraph is kept, the tag removed). A block
 *   {{else}} stands alone in its paragraph.
 * - A {{#list}} or {{#if}} that opens in one cell of a table row and closes in another cell of
 *   the same row repeats (or keeps/drops) that row; every cell of the row sees the item. Row
 *   conditions take no {{else}}. One-column tables cannot repeat rows this way: use a block of
 *   paragraphs inside the cell instead.
 * - Headers and footers are not merged (only the body).
 */
import type { Node, RawError, Span, TagToken, TemplateError, Token } from './syntax';
import { buildNodes, toTemplateError, tokenize } from './syntax';

/** One formatting run of a Text element. attrs is an opaque id: different ids = different runs. */
export type RunShape = {
  readonly text: string;
  readonly attrs: string;
  /** Index of the Text element among the paragraph's children (images etc. take indices too). */
  readonly child: number;
};
export type ParagraphShape = {
  readonly kind: 'paragraph' | 'listItem';
  readonly runs: readonly RunShape[];
};
export type CellShape = { readonly blocks: readonly BlockShape[] };
export type RowShape = { readonly cells: readonly CellShape[] };
export type TableShape = { readonly kind: 'table'; readonly rows: readonly RowShape[] };
/** A body-level element the merge leaves alone (a table of contents …); never repeated. */
export type OtherShape = { readonly kind: 'other'; readonly type: string };
export type BlockShape = ParagraphShape | TableShape | OtherShape;
export type DocShape = { readonly blocks: readonly BlockShape[] };

/** Stands for a non-text child (inline image …) between Text elements, so no tag spans it. */
export const OBJECT_MARK = '\uFFFC';

export type Segment = { readonly child: number; readonly start: number; readonly end: number };

/** The paragraph's text as tags are read from it, and where each Text child lies in it. */
export function paragraphText(p: ParagraphShape): { text: string; segments: Segment[] } {
  let text = '';
  const segments: Segment[] = [];
  for (const run of p.runs) {
    const last = segments[segments.length - 1];
    if (last !== undefined && last.child === run.child) {
      text += run.text;
      segments[segments.length - 1] = { ...last, end: text.length };
      continue;
    }
    if (last !== undefined) text += OBJECT_MARK;
    const start = text.length;
    text += run.text;
    segments.push({ child: run.child, start, end: text.length });
  }
  return { text, segments };
}

/** Plain text of a shape, one line per paragraph, cells separated by " | ": for tests, previews. */
export function shapeLines(blocks: readonly BlockShape[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) {
        lines.push(row.cells.map((cell) => shapeLines(cell.blocks).join(' / ')).join(' | '));
      }
    } else if (block.kind === 'other') {
      lines.push(`[${block.type}]`);
    } else {
      lines.push(block.runs.map((r) => r.text).join(''));
    }
  }
  return lines;
}

export type RowTag = {
  readonly kind: 'section' | 'if';
  readonly path: readonly string[];
  readonly raw: string;
  readonly offset: number;
  readonly where: string;
};

export type ParaNode = {
  readonly kind: 'para';
  readonly block: number;
  /** Only block-level tags and spaces: removed from the output. */
  readonly marker: boolean;
  /** Spans of block-level and row-level tags (with the spaces around them) to delete. */
  readonly deletions: readonly Span[];
  readonly inline: readonly Node[];
  readonly segments: readonly Segment[];
  readonly where: string;
};
export type TableNode = {
  readonly kind: 'table';
  readonly block: number;
  readonly rows: readonly RowNode[];
};
export type OtherNode = { readonly kind: 'other'; readonly block: number };
export type BlockSectionNode = {
  readonly kind: 'section';
  readonly path: readonly string[];
  readonly raw: string;
  readonly offset: number;
  readonly where: string;
  /** The blocks repeated per item, inclusive; from > to when nothing lies between the tags. */
  readonly from: number;
  readonly to: number;
  readonly children: readonly BlockNode[];
};
export type BlockIfNode = {
  readonly kind: 'if';
  readonly path: readonly string[];
  readonly raw: string;
  readonly offset: number;
  readonly where: string;
  readonly then: readonly BlockNode[];
  readonly otherwise: readonly BlockNode[];
};
export type BlockNode = ParaNode | TableNode | OtherNode | BlockSectionNode | BlockIfNode;
export type ContainerTemplate = { readonly size: number; readonly nodes: readonly BlockNode[] };
export type RowNode = {
  readonly row: number;
  /** Row-level tags, outermost first; empty for a row kept as it is. */
  readonly tags: readonly RowTag[];
  readonly cells: readonly ContainerTemplate[];
};
export type DocTemplate = {
  readonly kind: 'doc';
  readonly name: string;
  readonly shape: DocShape;
  readonly body: ContainerTemplate;
};

const EXCERPT_LENGTH = 40;

function excerpt(text: string): string {
  const clean = text.replace(new RegExp(OBJECT_MARK, 'g'), ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= EXCERPT_LENGTH ? clean : `${chars.slice(0, EXCERPT_LENGTH).join('')}…`;
}

type ParseState = { errors: TemplateError[]; tables: number };

/** A tag of a paragraph, identified across the container or row. */
type TagRef = { readonly block: number; readonly cell: number; readonly token: TagToken };

function tagKey(cell: number, block: number, start: number): string {
  return `${String(cell)}:${String(block)}:${String(start)}`;
}

/** Pairs tags across paragraphs by feeding them, numbered, to the inline tree builder. */
function pairAcross(
  refs: readonly TagRef[],
  sectionDepth: number,
  whereOf: (ref: TagRef) => string,
): { nodes: Node[]; errors: { ref: TagRef; raw: RawError }[] } {
  const tokens: Token[] = refs.map((ref, i) => ({ ...ref.token, start: i, end: i + 1 }));
  const position = (seq: number): string => {
    const ref = refs[seq];
    return ref === undefined ? '' : whereOf(ref);
  };
  const { nodes, errors } = buildNodes(tokens, sectionDepth, position);
  return {
    nodes,
    errors: errors.flatMap((raw) => {
      const ref = refs[raw.offset];
      return ref === undefined ? [] : [{ ref, raw: { ...raw, offset: ref.token.start } }];
    }),
  };
}

type ParsedParagraph = {
  readonly text: string;
  readonly segments: Segment[];
  readonly tokens: Token[];
  readonly where: string;
};

function isBlank(token: Token): boolean {
  return token.kind === 'text' && token.text.trim() === '';
}

/**
 * Parses the blocks of a body or a cell. claimed holds the keys of row-level tags (removed
 * from the text, not paired here); sectionDepth counts enclosing list sections for {{@index}}.
 */
function parseContainer(
  blocks: readonly BlockShape[],
  label: string,
  claimed: ReadonlySet<string>,
  sectionDepth: number,
  cellIndex: number,
  state: ParseState,
): ContainerTemplate {
  const paragraphs = new Map<number, ParsedParagraph>();
  const tables = new Map<number, TableNode>();
  const refs: TagRef[] = [];
  const report = (where: string, raw: RawError): void => {
    state.errors.push(toTemplateError(raw, where));
  };
  const isClaimed = (block: number, token: TagToken): boolean =>
    claimed.has(tagKey(cellIndex, block, token.start));

  blocks.forEach((block, index) => {
    if (block.kind === 'table') {
      tables.set(index, parseTable(block, index, label, sectionDepth, state));
      return;
    }
    if (block.kind === 'other') return;
    const { text, segments } = paragraphText(block);
    const where = `${label}đoạn "${excerpt(text)}"`;
    const { tokens, errors } = tokenize(text);
    for (const e of errors) report(where, e);
    paragraphs.set(index, { text, segments, tokens, where });
    for (const token of tokens) {
      if (token.kind === 'tag' && !isClaimed(index, token)) {
        refs.push({ block: index, cell: cellIndex, token });
      }
    }
  });

  const whereOf = (ref: TagRef): string => paragraphs.get(ref.block)?.where ?? label;
  const paired = pairAcross(refs, sectionDepth, whereOf);
  for (const { ref, raw } of paired.errors) report(whereOf(ref), raw);

  // Which tags are block-level: both ends of a pair (and its else) in different paragraphs.
  const blockLevel = new Set<TagRef>();
  const walk = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      if (node.kind !== 'section' && node.kind !== 'if') continue;
      const open = refs[node.open.start];
      const close = refs[node.close.start];
      if (open !== undefined && close !== undefined && open.block !== close.block) {
        blockLevel.add(open);
        blockLevel.add(close);
        if (node.kind === 'if' && node.elseTag !== null) {
          const elseRef = refs[node.elseTag.start];
          if (elseRef !== undefined) blockLevel.add(elseRef);
        }
      }
      if (node.kind === 'section') walk(node.children);
      else {
        walk(node.then);
        walk(node.otherwise);
      }
    }
  };
  if (paired.errors.length === 0) walk(paired.nodes);
  const refOf = new Map<string, TagRef>();
  for (const ref of refs) refOf.set(tagKey(ref.cell, ref.block, ref.token.start), ref);

  // Paragraph roles, deletions, inline trees; and the event stream for the block tree.
  type Event =
    { e: 'tag'; ref: TagRef } | { e: 'block'; block: number } | { e: 'marker'; block: number };
  const events: Event[] = [];
  const paraNodes = new Map<number, ParaNode>();
  const markers = new Set<number>();
  const depthDelta = (ref: TagRef): number => {
    const t = ref.token.tag.t;
    return t === 'open' || t === 'if' ? 1 : t === 'close' || t === 'endif' ? -1 : 0;
  };

  blocks.forEach((block, index) => {
    const para = paragraphs.get(index);
    if (para === undefined) {
      events.push({ e: 'block', block: index });
      return;
    }
    const kindOf = (token: Token): 'text' | 'block' | 'claimed' | 'inline' => {
      if (token.kind === 'text') return 'text';
      if (isClaimed(index, token)) return 'claimed';
      const ref = refOf.get(tagKey(cellIndex, index, token.start));
      return ref !== undefined && blockLevel.has(ref) ? 'block' : 'inline';
    };
    const tagsHere = para.tokens.filter(
      (t): t is TagToken => t.kind === 'tag' && kindOf(t) === 'block',
    );
    const hereRefs = tagsHere.flatMap((t) => {
      const ref = refOf.get(tagKey(cellIndex, index, t.start));
      return ref === undefined ? [] : [ref];
    });
    const marker =
      para.tokens.some((t) => kindOf(t) === 'block' || kindOf(t) === 'claimed') &&
      para.tokens.every((t) => (t.kind === 'text' ? isBlank(t) : kindOf(t) !== 'inline'));
    if (marker) {
      markers.add(index);
      paraNodes.set(index, {
        kind: 'para',
        block: index,
        marker: true,
        deletions: [],
        inline: [],
        segments: para.segments,
        where: para.where,
      });
      // The marker belongs at the shallowest level its tags pass through.
      let depth = 0;
      let minDepth = 0;
      let minAt = 0;
      hereRefs.forEach((ref, i) => {
        depth += depthDelta(ref);
        if (depth < minDepth) {
          minDepth = depth;
          minAt = i + 1;
        }
      });
      hereRefs.forEach((ref, i) => {
        if (i === minAt) events.push({ e: 'marker', block: index });
        events.push({ e: 'tag', ref });
      });
      if (minAt === hereRefs.length) events.push({ e: 'marker', block: index });
      return;
    }
    // A content paragraph: block opens lead, block closes trail, nothing block-level between.
    const tokens = para.tokens;
    let lead = 0;
    while (lead < tokens.length) {
      const t = tokens[lead];
      if (t === undefined) break;
      const kind = kindOf(t);
      const isOpen = t.kind === 'tag' && (t.tag.t === 'open' || t.tag.t === 'if');
      if (kind === 'text' ? isBlank(t) : kind === 'claimed' || (kind === 'block' && isOpen)) lead++;
      else break;
    }
    let trail = tokens.length;
    while (trail > lead) {
      const t = tokens[trail - 1];
      if (t === undefined) break;
      const kind = kindOf(t);
      const isClose = t.kind === 'tag' && (t.tag.t === 'close' || t.tag.t === 'endif');
      if (kind === 'text' ? isBlank(t) : kind === 'claimed' || (kind === 'block' && isClose))
        trail--;
      else break;
    }
    const deletions: Span[] = [];
    const leadTokens = tokens.slice(0, lead);
    const trailTokens = tokens.slice(trail);
    const zoneHasTag = (zone: Token[]): boolean => zone.some((t) => t.kind === 'tag');
    const first = tokens[0];
    if (zoneHasTag(leadTokens) && first !== undefined) {
      deletions.push({ start: first.start, end: tokens[lead - 1]?.end ?? first.start });
    }
    const middle: Token[] = [];
    for (const t of tokens.slice(lead, trail)) {
      const kind = kindOf(t);
      if (kind === 'claimed') deletions.push({ start: t.start, end: t.end });
      else if (kind === 'block' && t.kind === 'tag') {
        report(para.where, {
          code: 'misplaced-block-tag',
          offset: t.start,
          what:
            t.tag.t === 'else'
              ? `${t.raw} của một khối nhiều đoạn phải đứng riêng một đoạn`
              : `${t.raw} mở hoặc đóng một khối nhiều đoạn nên phải đứng riêng một đoạn, ` +
                'hoặc thẻ mở ở đầu đoạn và thẻ đóng ở cuối đoạn',
        });
      } else middle.push(t);
    }
    const lastTrail = trailTokens[trailTokens.length - 1];
    if (zoneHasTag(trailTokens) && lastTrail !== undefined) {
      deletions.push({ start: trailTokens[0]?.start ?? lastTrail.start, end: lastTrail.end });
    }
    // Tag errors (an {{@index}} outside any list included) came from the container-wide pass.
    const inline = buildNodes(middle).nodes;
    checkInlineSpans(inline, para, report);
    paraNodes.set(index, {
      kind: 'para',
      block: index,
      marker: false,
      deletions,
      inline,
      segments: para.segments,
      where: para.where,
    });
    for (const t of leadTokens) {
      const ref = t.kind === 'tag' ? refOf.get(tagKey(cellIndex, index, t.start)) : undefined;
      if (ref !== undefined && blockLevel.has(ref)) events.push({ e: 'tag', ref });
    }
    events.push({ e: 'block', block: index });
    for (const t of trailTokens) {
      const ref = t.kind === 'tag' ? refOf.get(tagKey(cellIndex, index, t.start)) : undefined;
      if (ref !== undefined && blockLevel.has(ref)) events.push({ e: 'tag', ref });
    }
  });

  const leaf = (block: number): BlockNode => {
    const para = paraNodes.get(block);
    if (para !== undefined) return para;
    const table = tables.get(block);
    if (table !== undefined) return table;
    return { kind: 'other', block };
  };

  // Recursive descent over the events; pairing was checked, so the structure is sound.
  let pos = 0;
  const readUntilClose = (): { nodes: BlockNode[]; stop: TagRef | null } => {
    const nodes: BlockNode[] = [];
    while (pos < events.length) {
      const event = events[pos++];
      if (event === undefined) break;
      if (event.e !== 'tag') {
        nodes.push(leaf(event.block));
        continue;
      }
      const { tag } = event.ref.token;
      if (tag.t === 'close' || tag.t === 'endif' || tag.t === 'else') {
        return { nodes, stop: event.ref };
      }
      if (tag.t !== 'open' && tag.t !== 'if') continue;
      const open = event.ref;
      const para = paragraphs.get(open.block);
      const where = para?.where ?? label;
      const first = readUntilClose();
      let then = first.nodes;
      let otherwise: BlockNode[] = [];
      let close = first.stop;
      if (close?.token.tag.t === 'else') {
        const second = readUntilClose();
        otherwise = second.nodes;
        close = second.stop;
        then = first.nodes;
      }
      if (tag.t === 'if') {
        nodes.push({
          kind: 'if',
          path: tag.path,
          raw: open.token.raw,
          offset: open.token.start,
          where,
          then,
          otherwise,
        });
      } else {
        const from = markers.has(open.block) ? open.block + 1 : open.block;
        const closeBlock = close?.block ?? blocks.length - 1;
        const to = close !== null && markers.has(closeBlock) ? closeBlock - 1 : closeBlock;
        for (let b = from; b <= to; b++) {
          const shape = blocks[b];
          if (shape?.kind === 'other') {
            report(where, {
              code: 'cannot-repeat',
              offset: open.token.start,
              what: `khối lặp ${open.token.raw} chứa phần tử không sao chép được (${shape.type})`,
            });
          }
        }
        nodes.push({
          kind: 'section',
          path: tag.path,
          raw: open.token.raw,
          offset: open.token.start,
          where,
          from,
          to,
          children: then,
        });
      }
    }
    return { nodes, stop: null };
  };
  const nodes = paired.errors.length === 0 ? readUntilClose().nodes : [];
  return { size: blocks.length, nodes };
}

/** An inline {{#if}} or {{#list}} cannot span an image: deleting or copying it is not text. */
function checkInlineSpans(
  nodes: readonly Node[],
  para: ParsedParagraph,
  report: (where: string, raw: RawError) => void,
): void {
  for (const node of nodes) {
    if (node.kind !== 'section' && node.kind !== 'if') continue;
    if (para.text.slice(node.open.start, node.close.end).includes(OBJECT_MARK)) {
      report(para.where, {
        code: 'tag-across-elements',
        offset: node.open.start,
        what: `khối ${node.raw} … chứa hình ảnh hoặc phần tử không phải chữ; hãy đặt thẻ mở và thẻ đóng ở hai đoạn riêng`,
      });
      continue;
    }
    if (node.kind === 'section') checkInlineSpans(node.children, para, report);
    else {
      checkInlineSpans(node.then, para, report);
      checkInlineSpans(node.otherwise, para, report);
    }
  }
}

function parseTable(
  table: TableShape,
  block: number,
  label: string,
  sectionDepth: number,
  state: ParseState,
): TableNode {
  state.tables += 1;
  const tableLabel = `${label}bảng ${String(state.tables)}, `;
  const rows = table.rows.map((row, r): RowNode => {
    const rowLabel = `${tableLabel}hàng ${String(r + 1)}, `;
    // Row-wide pairing, over the paragraphs directly in the cells.
    const refs: TagRef[] = [];
    row.cells.forEach((cell, c) => {
      cell.blocks.forEach((b, index) => {
        if (b.kind !== 'paragraph' && b.kind !== 'listItem') return;
        for (const token of tokenize(paragraphText(b).text).tokens) {
          if (token.kind === 'tag') refs.push({ block: index, cell: c, token });
        }
      });
    });
    const whereOf = (ref: TagRef): string => `${rowLabel}ô ${String(ref.cell + 1)}`;
    const paired = pairAcross(refs, sectionDepth, whereOf);
    // Position does not matter for {{@index}} in a repeated row: every cell sees the item.
    const rowErrors = paired.errors.filter((e) => e.raw.code !== 'index-outside-section');
    const tags: RowTag[] = [];
    const claimed = new Set<string>();
    if (rowErrors.length === 0) {
      let level: readonly Node[] = paired.nodes;
      for (;;) {
        const rowLevel = level.filter((node): node is Extract<Node, { kind: 'section' | 'if' }> => {
          if (node.kind !== 'section' && node.kind !== 'if') return false;
          const open = refs[node.open.start];
          const close = refs[node.close.start];
          return open !== undefined && close !== undefined && open.cell !== close.cell;
        });
        const node = rowLevel[0];
        if (node === undefined) break;
        const open = refs[node.open.start];
        if (open === undefined) break;
        if (rowLevel.length > 1) {
          state.errors.push(
            toTemplateError(
              {
                code: 'misplaced-block-tag',
                offset: open.token.start,
                what: 'một hàng của bảng chỉ được có một khối lặp hoặc điều kiện theo hàng (có thể lồng nhau)',
              },
              whereOf(open),
            ),
          );
          break;
        }
        if (node.kind === 'if' && node.elseTag !== null) {
          state.errors.push(
            toTemplateError(
              {
                code: 'misplaced-block-tag',
                offset: open.token.start,
                what: `điều kiện theo hàng ${node.raw} không dùng được {{else}}`,
              },
              whereOf(open),
            ),
          );
          break;
        }
        const close = refs[node.close.start];
        for (const ref of [open, close]) {
          if (ref !== undefined) claimed.add(tagKey(ref.cell, ref.block, ref.token.start));
        }
        tags.push({
          kind: node.kind,
          path: node.path,
          raw: node.raw,
          offset: open.token.start,
          where: whereOf(open),
        });
        level = node.kind === 'section' ? node.children : node.then;
      }
    }
    const depth = sectionDepth + tags.filter((t) => t.kind === 'section').length;
    const cells = row.cells.map((cell, c) =>
      parseContainer(cell.blocks, `${rowLabel}ô ${String(c + 1)}, `, claimed, depth, c, state),
    );
    return { row: r, tags, cells };
  });
  return { kind: 'table', block, rows };
}

/** Parses a document's structure and tags; never throws. Errors name where they are. */
export function parseDocShape(
  shape: DocShape,
  name = 'Mẫu',
): { ok: true; template: DocTemplate } | { ok: false; errors: readonly TemplateError[] } {
  const state: ParseState = { errors: [], tables: 0 };
  const body = parseContainer(shape.blocks, `${name}, `, new Set(), 0, -1, state);
  if (state.errors.length > 0) return { ok: false, errors: state.errors };
  return { ok: true, template: { kind: 'doc', name, shape, body } };
}
