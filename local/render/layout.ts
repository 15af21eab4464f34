/**
 * Lays out the local host's document model (local/host/docs/model.ts) for the Node PDF renderer:
 * paragraphs broken into lines (greedy, at spaces; justified lines spread their spaces), list
 * items with their glyph, tables as rows of cells whose content is laid out in the cell's width.
 * The result is a list of boxes, each a height and a paint function, that pdf.ts stacks on pages.
 *
 * Renderer choices (ASSUMPTIONS, documented in README): every font family is drawn in Tinos
 * (Times New Roman metrics); a run without a size takes the heading's default size (11 pt for
 * normal text, as Docs); "single" line spacing is the font's own line height (1.15 em); a
 * table row that does not fit splits between lines of its cells unless it is keep-together (then
 * it starts the next page; one taller than a page overflows it, which the layout checks report).
 */
import type { Alignment, DocNode, Heading, Run, TextAttrs } from '../host/docs/model';
import { ASCENT, DESCENT, LINE_HEIGHT, segments } from './fonts';
import { tableBoxes } from './table';

/** What the layout needs from the PDF library: the advance width of text in a font. */
export interface Measure {
  width(text: string, font: string, size: number): number;
}

/** Drawing calls, in points from the page's top-left corner (pdf.ts implements them). */
export interface Painter {
  text(text: string, font: string, size: number, x: number, baseline: number, color: string): void;
  line(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void;
  rect(x: number, y: number, w: number, h: number, fill: string): void;
  link(x: number, y: number, w: number, h: number, url: string): void;
  image(bytes: Uint8Array, x: number, y: number, w: number, h: number): void;
}

export interface Box {
  height: number;
  /** Start a new page before this box (a page break). */
  breakBefore?: boolean;
  /** A table row that must not split across pages. */
  keepTogether?: boolean;
  /** Splits the box so that its first part is at most `room` high, or null when it cannot. */
  split?: (room: number) => [Box, Box] | null;
  paint: (p: Painter, x: number, y: number) => void;
}

const HEADING_SIZE: Record<Heading, number> = {
  NORMAL: 11,
  TITLE: 26,
  SUBTITLE: 15,
  HEADING1: 20,
  HEADING2: 16,
  HEADING3: 14,
  HEADING4: 12,
  HEADING5: 11,
  HEADING6: 11,
};

interface Frag {
  text: string;
  font: string;
  size: number;
  width: number;
  attrs: TextAttrs;
}

/** A word (frags glued with no space between), a space, or an image. */
interface Atom {
  kind: 'word' | 'space' | 'image';
  frags: Frag[];
  width: number;
  size: number;
  image?: { bytes: Uint8Array; width: number; height: number };
}

interface Line {
  atoms: Atom[];
  /** The line ends a paragraph or a "\n" break: not justified. */
  hard: boolean;
}

function fragsOf(text: string, attrs: TextAttrs, size: number, m: Measure): Frag[] {
  const style = { bold: attrs.bold === true, italic: attrs.italic === true };
  return segments(text, style).map((s) => ({
    text: s.text,
    font: s.font,
    size,
    width: m.width(s.text, s.font, size),
    attrs,
  }));
}

type Piece =
  | { kind: 'text'; text: string; attrs: TextAttrs }
  | { kind: 'space'; text: string; attrs: TextAttrs }
  | { kind: 'break'; attrs: TextAttrs }
  | { kind: 'image'; node: DocNode };

function piecesOf(runs: readonly Run[]): Piece[] {
  const out: Piece[] = [];
  for (const r of runs) {
    for (const m of r.text.replace(/\t/g, '    ').matchAll(/\n|\r| +|[^ \n\r]+/g)) {
      const t = m[0];
      if (t === '\n' || t === '\r') out.push({ kind: 'break', attrs: r.attrs });
      else if (t.startsWith(' ')) out.push({ kind: 'space', text: t, attrs: r.attrs });
      else out.push({ kind: 'text', text: t, attrs: r.attrs });
    }
  }
  return out;
}

/** Atoms of a paragraph, with "null" marking a hard line break. */
function atomsOf(pieces: readonly Piece[], base: number, m: Measure): Array<Atom | null> {
  const out: Array<Atom | null> = [];
  let word: Atom | null = null;
  for (const p of pieces) {
    if (p.kind === 'text') {
      const size = p.attrs.fontSize ?? base;
      const frags = fragsOf(p.text, p.attrs, size, m);
      const w = frags.reduce((a, f) => a + f.width, 0);
      if (word) {
        word.frags.push(...frags);
        word.width += w;
        word.size = Math.max(word.size, size);
      } else {
        word = { kind: 'word', frags, width: w, size };
        out.push(word);
      }
      continue;
    }
    word = null;
    if (p.kind === 'break') out.push(null);
    else if (p.kind === 'space') {
      const size = p.attrs.fontSize ?? base;
      const frags = fragsOf(p.text, p.attrs, size, m);
      out.push({ kind: 'space', frags, width: frags.reduce((a, f) => a + f.width, 0), size });
    } else {
      const img = p.node.image;
      if (!img) continue;
      // InlineImage sizes are pixels; a pixel is 3/4 pt (96 dpi), as the .docx export assumes.
      const w = img.width * 0.75;
      const h = img.height * 0.75;
      out.push({
        kind: 'image',
        frags: [],
        width: w,
        size: h / ASCENT,
        image: { bytes: img.bytes, width: w, height: h },
      });
    }
  }
  return out;
}

/** Splits a word wider than the line into pieces that fit (a long URL, a code). */
function splitWord(a: Atom, avail: number, m: Measure): Atom[] {
  const out: Atom[] = [];
  let cur: Atom = { kind: 'word', frags: [], width: 0, size: a.size };
  for (const f of a.frags) {
    for (const ch of f.text) {
      const w = m.width(ch, f.font, f.size);
      if (cur.width + w > avail && cur.frags.length > 0) {
        out.push(cur);
        cur = { kind: 'word', frags: [], width: 0, size: a.size };
      }
      const last = cur.frags[cur.frags.length - 1];
      if (last && last.font === f.font && last.attrs === f.attrs) {
        last.text += ch;
        last.width += w;
      } else cur.frags.push({ ...f, text: ch, width: w });
      cur.width += w;
    }
  }
  if (cur.frags.length > 0) out.push(cur);
  return out;
}

function breakLines(
  atoms: Array<Atom | null>,
  firstAvail: number,
  avail: number,
  m: Measure,
): Line[] {
  const lines: Line[] = [];
  let cur: Atom[] = [];
  let width = 0;
  const limit = (): number => (lines.length === 0 ? firstAvail : avail);
  const push = (hard: boolean): void => {
    while (cur.length > 0 && cur[cur.length - 1]?.kind === 'space') cur.pop();
    lines.push({ atoms: cur, hard });
    cur = [];
    width = 0;
  };
  const queue = [...atoms];
  for (let i = 0; i < queue.length; i++) {
    const a = queue[i];
    if (a === null) {
      push(true);
      continue;
    }
    if (a === undefined) continue;
    if (a.kind === 'space') {
      if (cur.length > 0) {
        cur.push(a);
        width += a.width;
      }
      continue;
    }
    if (width + a.width > limit() + 0.01 && cur.some((c) => c.kind !== 'space')) {
      push(false);
      queue.splice(i, 1, a);
      i--;
      continue;
    }
    if (a.width > limit() && a.kind === 'word' && cur.length === 0) {
      queue.splice(i, 1, ...splitWord(a, limit(), m));
      const first = queue[i];
      if (first) {
        cur.push(first);
        width += first.width;
      }
      continue;
    }
    cur.push(a);
    width += a.width;
  }
  push(true);
  return lines;
}

export interface ListCounter {
  next(node: DocNode): string;
}

/** Numbers list items per list and nesting level; bullets elsewhere. */
export function newListCounter(): ListCounter {
  const counts = new Map<string, number>();
  return {
    next(node) {
      const l = node.list;
      if (!l) return '•';
      if (l.glyphType.includes('BULLET')) return l.glyphType === 'HOLLOW_BULLET' ? '◦' : '•';
      const key = `${l.listId}/${String(l.nestingLevel)}`;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      switch (l.glyphType) {
        case 'LATIN_UPPER':
          return `${String.fromCharCode(64 + ((n - 1) % 26) + 1)}.`;
        case 'LATIN_LOWER':
          return `${String.fromCharCode(96 + ((n - 1) % 26) + 1)}.`;
        default:
          return `${String(n)}.`;
      }
    },
  };
}

function runsOfParagraph(node: DocNode): Piece[] {
  const pieces: Piece[] = [];
  for (const c of node.children) {
    if (c.type === 'TEXT') pieces.push(...piecesOf(c.runs));
    else if (c.type === 'INLINE_IMAGE') pieces.push({ kind: 'image', node: c });
  }
  return pieces;
}

/** The paragraph as one box per line (so pages can break between lines). */
export function paragraphBoxes(
  node: DocNode,
  width: number,
  m: Measure,
  lists: ListCounter,
): Box[] {
  const p = node.para ?? { heading: 'NORMAL' as const };
  const base = HEADING_SIZE[p.heading];
  const pieces = runsOfParagraph(node);
  const firstAttrs = pieces.find((x) => x.kind !== 'image')?.attrs ?? {};
  const start = p.indentStart ?? 0;
  let first = p.indentFirstLine ?? start;
  if (node.type === 'LIST_ITEM') {
    const glyph = lists.next(node);
    pieces.unshift(
      { kind: 'text', text: glyph, attrs: firstAttrs },
      { kind: 'space', text: ' ', attrs: firstAttrs },
    );
    if (p.indentFirstLine === undefined && p.indentStart === undefined) first = 0;
  }
  const end = p.indentEnd ?? 0;
  const atoms = atomsOf(pieces, base, m);
  const lines = breakLines(atoms, width - first - end, width - start - end, m);
  const spacing = p.lineSpacing ?? 1;
  const align: Alignment = p.alignment ?? 'LEFT';
  const rule = node.children.some((c) => c.type === 'HORIZONTAL_RULE');
  const emptySize = firstAttrs.fontSize ?? base;
  const boxes: Box[] = lines.map((line, i) => {
    const size = line.atoms.reduce((s, a) => Math.max(s, a.size), 0) || emptySize;
    const ascent = size * ASCENT;
    const height = size * LINE_HEIGHT * spacing;
    const indent = i === 0 ? first : start;
    const avail = width - indent - end;
    const used = line.atoms.reduce((s, a) => s + a.width, 0);
    const spaces = line.atoms.filter((a) => a.kind === 'space').length;
    let x0 = indent;
    let extra = 0;
    if (align === 'CENTER') x0 += (avail - used) / 2;
    else if (align === 'RIGHT') x0 += avail - used;
    else if (align === 'JUSTIFY' && !line.hard && spaces > 0 && used < avail)
      extra = (avail - used) / spaces;
    const box: Box = {
      height,
      paint(pt, x, y) {
        const baseline = y + ascent;
        let cx = x + x0;
        for (const a of line.atoms) {
          if (a.kind === 'image' && a.image) {
            pt.image(a.image.bytes, cx, baseline - a.image.height, a.width, a.image.height);
          } else {
            const stretch = a.kind === 'space' ? extra / a.frags.length : 0;
            let fx = cx;
            for (const f of a.frags) {
              paintFrag(pt, f, fx, baseline, stretch);
              fx += f.width + stretch;
            }
          }
          cx += a.width + (a.kind === 'space' ? extra : 0);
        }
      },
    };
    return box;
  });
  const before = p.spacingBefore ?? 0;
  const after = p.spacingAfter ?? 0;
  if (boxes.length > 0) {
    const firstBox = boxes[0] as Box;
    const paintFirst = firstBox.paint;
    boxes[0] = {
      height: firstBox.height + before,
      paint: (pt, x, y) => {
        paintFirst(pt, x, y + before);
      },
    };
    const lastBox = boxes[boxes.length - 1] as Box;
    const paintLast = lastBox.paint;
    boxes[boxes.length - 1] = {
      height: lastBox.height + after,
      paint(pt, x, y) {
        paintLast(pt, x, y);
        if (rule)
          pt.line(
            x + start,
            y + lastBox.height,
            x + width - end,
            y + lastBox.height,
            0.75,
            '#000000',
          );
      },
    };
  }
  return boxes;
}

function paintFrag(pt: Painter, f: Frag, x: number, baseline: number, extra: number): void {
  const a = f.attrs;
  const w = f.width + extra;
  if (a.backgroundColor)
    pt.rect(x, baseline - f.size * ASCENT, w, f.size * (ASCENT + DESCENT), a.backgroundColor);
  const color = a.foregroundColor ?? '#000000';
  if (f.text.trim() !== '') pt.text(f.text, f.font, f.size, x, baseline, color);
  const stroke = Math.max(0.5, f.size / 20);
  if (a.underline)
    pt.line(x, baseline + f.size * 0.1, x + w, baseline + f.size * 0.1, stroke, color);
  if (a.strikethrough)
    pt.line(x, baseline - f.size * 0.28, x + w, baseline - f.size * 0.28, stroke, color);
  if (a.linkUrl) pt.link(x, baseline - f.size * ASCENT, w, f.size * LINE_HEIGHT, a.linkUrl);
}

/** Boxes of a section's or a cell's blocks, in order. */
export function blockBoxes(
  nodes: readonly DocNode[],
  width: number,
  m: Measure,
  lists: ListCounter,
): Box[] {
  const out: Box[] = [];
  for (const n of nodes) {
    if (n.type === 'TABLE') out.push(...tableBoxes(n, width, m, lists));
    else if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') {
      const boxes = paragraphBoxes(n, width, m, lists);
      // A page break inside a paragraph starts the next page after the text before it.
      const breaks = n.children.some((c) => c.type === 'PAGE_BREAK');
      const textBefore = n.children.some((c) => c.type === 'TEXT' && c.runs.length > 0);
      if (breaks && !textBefore) {
        out.push({ height: 0, breakBefore: true, paint: () => undefined });
        continue;
      }
      out.push(...boxes);
      if (breaks) out.push({ height: 0, breakBefore: true, paint: () => undefined });
    }
  }
  return out;
}

/** Boxes stacked into one (a cell's content, a header). */
export function stack(boxes: readonly Box[]): Box {
  return {
    height: boxes.reduce((s, b) => s + b.height, 0),
    paint(p, x, y) {
      let cy = y;
      for (const b of boxes) {
        b.paint(p, x, cy);
        cy += b.height;
      }
    },
  };
}

/** Boxes of positioned text (pre-printed paper): one line each, aligned in its box. */
export function positionedLine(
  runs: readonly Run[],
  m: Measure,
): { width: number; size: number; paint(p: Painter, x: number, baseline: number): void } {
  const atoms = atomsOf(piecesOf(runs), 11, m).filter((a): a is Atom => a !== null);
  const width = atoms.reduce((s, a) => s + a.width, 0);
  const size = atoms.reduce((s, a) => Math.max(s, a.size), 0) || 11;
  return {
    width,
    size,
    paint(p, x, baseline) {
      let cx = x;
      for (const a of atoms)
        for (const f of a.frags) {
          paintFrag(p, f, cx, baseline, 0);
          cx += f.width;
        }
    },
  };
}
