/**
 * Geometric checks of a document read by pdfLines.ts. Each returns the problems it found, in
 * words (an empty list when the layout is right), so a failing test says what is where.
 */
import { mm, type PdfLine, type PdfText } from './pdfLines';

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

const where = (l: PdfLine): string =>
  `«${l.text}» (page ${String(l.page)}, x ${mm(l.left).toFixed(1)}–${mm(l.right).toFixed(1)} mm, y ${mm(l.top).toFixed(1)}–${mm(l.bottom).toFixed(1)} mm)`;

/** Lines whose text is exactly `text`, in reading order. */
export function linesWith(doc: PdfText, text: string): PdfLine[] {
  const t = norm(text);
  return doc.lines.filter((l) => l.text === t);
}

/** True when a is above b in reading order (an earlier page, or higher on the same page). */
export function before(a: PdfLine, b: PdfLine): boolean {
  return a.page < b.page || (a.page === b.page && a.baseline < b.baseline);
}

const overlapsX = (a: PdfLine, b: PdfLine): boolean => a.left < b.right && b.left < a.right;

/**
 * Text outside the margins (by more than `tolerance` points). Page numbers (a line of digits)
 * belong in the top or bottom margin and are let through.
 */
export function outsideMargins(doc: PdfText, margins: Margins, tolerance = 1.5): string[] {
  const problems: string[] = [];
  for (const l of doc.lines) {
    const page = doc.pages[l.page - 1];
    if (!page) continue;
    const pageNumber = /^\d+$/.test(l.text);
    const sides: string[] = [];
    if (l.left < margins.left - tolerance) sides.push('left');
    if (l.right > page.width - margins.right + tolerance) sides.push('right');
    if (!pageNumber && l.top < margins.top - tolerance) sides.push('top');
    if (!pageNumber && l.bottom > page.height - margins.bottom + tolerance) sides.push('bottom');
    if (sides.length > 0) problems.push(`${where(l)} crosses the ${sides.join(' and ')} margin`);
  }
  return problems;
}

/** A signature block: the signer's title (its first line suffices) and the signer's name. */
export interface SignatureBlock {
  title: string;
  name: string;
  /** Blocks set side by side (two a row): the column, 0 from the left; absent: one column. */
  column?: number;
}

/** The nearest line above `name` in its column on its page that starts the title. */
function titleLineOf(doc: PdfText, name: PdfLine, title: string): PdfLine | undefined {
  const t = norm(title);
  return doc.lines
    .filter(
      (l) =>
        l.page === name.page &&
        l.baseline < name.baseline &&
        overlapsX(l, name) &&
        l.text.length >= Math.min(4, t.length) &&
        t.startsWith(l.text),
    )
    .sort((a, b) => b.baseline - a.baseline)[0];
}

/**
 * Each signer's name lies below its own title on the same page (so no block crosses a page), and
 * the next block (in the order given) starts below the name or on a later page.
 */
export function signatureOrder(doc: PdfText, blocks: readonly SignatureBlock[]): string[] {
  const problems: string[] = [];
  // A name may sign twice (the cluster head signs for the cluster too): each block takes the
  // first line with its name after the previous block's name in its column.
  const previous = new Map<number, PdfLine>();
  const found: Array<{ title: PdfLine; name: PdfLine; column: number } | null> = blocks.map((b) => {
    const column = b.column ?? 0;
    const after = previous.get(column);
    const name = linesWith(doc, b.name).find((l) => !after || before(after, l));
    if (!name) {
      problems.push(`the name «${b.name}» is not printed${after ? ` after ${where(after)}` : ''}`);
      return null;
    }
    previous.set(column, name);
    const title = titleLineOf(doc, name, b.title);
    if (!title) {
      problems.push(
        `${where(name)}: its title «${b.title}» is not above it on page ${String(name.page)} (the block crosses a page or lost its title)`,
      );
      return null;
    }
    return { title, name, column };
  });
  // The next block of the same column starts below the name, or on a later page.
  for (let i = 0; i < found.length; i++) {
    const a = found[i];
    if (!a) continue;
    const b = found.slice(i + 1).find((f) => f?.column === a.column);
    if (!b) continue;
    if (!before(a.name, b.title) || (a.name.page === b.title.page && b.title.top < a.name.bottom))
      problems.push(`${where(b.title)} (next block) is not below ${where(a.name)}`);
  }
  return problems;
}

/** The lines of one block are all on one page. */
export function onOnePage(doc: PdfText, texts: readonly string[]): string[] {
  const lines = texts.flatMap((t) => linesWith(doc, t));
  const pages = new Set(lines.map((l) => l.page));
  return pages.size > 1
    ? [
        `the block ${texts.map((t) => `«${t}»`).join(', ')} spreads over pages ${[...pages].join(', ')}`,
      ]
    : [];
}

/**
 * The text of `page` spans its content area: from its first line's top to its last line's bottom
 * covers at least `fraction` of the height between the margins (a certificate's text is spread
 * over the sheet, not packed in its top half).
 */
export function spansPage(doc: PdfText, page: number, margins: Margins, fraction = 0.75): string[] {
  const size = doc.pages[page - 1];
  const lines = doc.lines.filter((l) => l.page === page && !/^\d+$/.test(l.text));
  if (!size || lines.length === 0) return [`page ${String(page)} has no text`];
  const top = Math.min(...lines.map((l) => l.top));
  const bottom = Math.max(...lines.map((l) => l.bottom));
  const room = size.height - margins.top - margins.bottom;
  const used = (bottom - top) / room;
  return used + 1e-9 < fraction
    ? [
        `page ${String(page)}: the text runs from ${mm(top).toFixed(1)} to ${mm(bottom).toFixed(1)} mm, ${(used * 100).toFixed(0)} % of the ${mm(room).toFixed(1)} mm between the margins (at least ${(fraction * 100).toFixed(0)} % expected)`,
      ]
    : [];
}

/**
 * A line starts within `toleranceMm` of a position given in millimetres from the page's top-left
 * corner (x: its left edge, y: its top), as fields on pre-printed paper must.
 */
export function nearPosition(line: PdfLine, xMm: number, yMm: number, toleranceMm = 1): string[] {
  const dx = mm(line.left) - xMm;
  const dy = mm(line.top) - yMm;
  return Math.abs(dx) > toleranceMm || Math.abs(dy) > toleranceMm
    ? [
        `${where(line)} is ${dx.toFixed(2)} mm, ${dy.toFixed(2)} mm from (${String(xMm)}, ${String(yMm)}) mm`,
      ]
    : [];
}
