/**
 * A Google Doc described as data: page, paragraphs with their formatting runs, tables. The
 * default templates (defaultTemplates.ts) are written in it; src/gas/docs/templates.ts builds a
 * Doc from it with DocumentApp, and specToShape gives the DocShape that Doc will have, so the
 * templates are parsed, dry-run and merged in unit tests without Apps Script.
 */
import type { BlockShape, DocShape, ParagraphShape, RunShape } from '../template';

/** Points per millimetre (72 pt = 25.4 mm). */
export const PT_PER_MM = 72 / 25.4;

export function mm(millimetres: number): number {
  return Math.round(millimetres * PT_PER_MM * 100) / 100;
}

/** A4 in points (210 × 297 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Decree 30/2020/NĐ-CP, Appendix I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const DECREE30_MARGINS = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
} as const;

/** Decree 30/2020: Times New Roman (Unicode, TCVN 6909:2001), body 13–14 pt. */
export const DOCUMENT_FONT = 'Times New Roman';
export const BODY_SIZE = 13;

export type Alignment = 'left' | 'center' | 'right' | 'justify';

export type RunSpec = {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** Points; the paragraph's size when absent. */
  readonly size?: number;
  /** Font family; DOCUMENT_FONT when absent (the phôi layout lets users choose one). */
  readonly font?: string;
};

export type ParagraphSpec = {
  readonly kind: 'paragraph';
  readonly runs: readonly RunSpec[];
  readonly align: Alignment;
  /** Points; BODY_SIZE when absent. */
  readonly size?: number;
  readonly spaceBefore?: number;
  readonly spaceAfter?: number;
  readonly indentFirstLine?: number;
  /** Points from the left and right edges of the column. */
  readonly indentStart?: number;
  readonly indentEnd?: number;
  /**
   * The paragraph holds a horizontal rule and no text: the line under the issuing body (Decree
   * 30/2020, Appendix I: a solid line 1/3 to 1/2 as long as the name, centred under it); the
   * indents set its length.
   */
  readonly rule?: boolean;
  /** Ends the paragraph with a page break (Paragraph.appendPageBreak): the next block starts a page. */
  readonly pageBreak?: boolean;
};

/** Points inside the cell's edges (TableCell.setPaddingTop …); Docs' default when absent. */
export type CellPadding = {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
};

export type CellSpec = {
  readonly paragraphs: readonly ParagraphSpec[];
  readonly padding?: CellPadding;
};

export type TableSpec = {
  readonly kind: 'table';
  /** Column widths in points, one per column. */
  readonly widths: readonly number[];
  /** Borderless tables lay out the header and signature blocks side by side. */
  readonly borders: boolean;
  readonly rows: readonly (readonly CellSpec[])[];
  /**
   * No row may break across pages (a signature block stays whole). DocumentApp cannot set this
   * (its Attribute enum and TableRow have no such property), so a Doc made from the spec gets it
   * after the merge from the Docs advanced service (TableRowStyle.preventOverflow; plan in
   * ./layoutRequests.ts, calls in src/gas/docs/layout.ts); the host's exports carry it as
   * w:cantSplit.
   */
  readonly keepRowsTogether?: boolean;
  /** Minimum row heights in points (TableRow.setMinimumHeight), one per row; none when absent. */
  readonly rowHeights?: readonly number[];
};

export type BlockSpec = ParagraphSpec | TableSpec;

export type PageSpec = {
  readonly width: number;
  readonly height: number;
  readonly marginTop: number;
  readonly marginBottom: number;
  readonly marginLeft: number;
  readonly marginRight: number;
};

export type DocSpec = {
  /** The template file's name in Drive. */
  readonly name: string;
  readonly page: PageSpec;
  readonly blocks: readonly BlockSpec[];
  /**
   * Decree 30/2020, Appendix I: pages numbered in the top margin, centred, 13–14 pt, the first
   * page's number not shown. Neither DocumentApp nor the Docs API can insert a page-number field
   * (the API's AutoText PAGE_NUMBER is read-only), so it comes from the template (Insert › Page
   * numbers in Docs; the pledge start says when it is missing); the Docs API then hides page 1's
   * number (DocumentStyle.useFirstPageHeaderFooter; ./layoutRequests.ts).
   */
  readonly numberPagesFromSecond?: boolean;
};

export const PORTRAIT_A4: PageSpec = {
  width: A4.width,
  height: A4.height,
  marginTop: DECREE30_MARGINS.top,
  marginBottom: DECREE30_MARGINS.bottom,
  marginLeft: DECREE30_MARGINS.left,
  marginRight: DECREE30_MARGINS.right,
};

/** Certificates are printed across the page: width and height swapped, same margins. */
export const LANDSCAPE_A4: PageSpec = { ...PORTRAIT_A4, width: A4.height, height: A4.width };

/** Width between the margins. */
export function textWidth(page: PageSpec): number {
  return Math.round((page.width - page.marginLeft - page.marginRight) * 100) / 100;
}

// ------------------------------------------------------------------ writing specs

export type ParagraphOptions = Omit<ParagraphSpec, 'kind' | 'runs' | 'align'> & {
  readonly align?: Alignment;
};

/** A run; plain text with no formatting when given as a string. */
export type RunInput = string | RunSpec;

export function para(
  runs: RunInput | readonly RunInput[],
  options: ParagraphOptions = {},
): ParagraphSpec {
  const list = (Array.isArray(runs) ? runs : [runs]) as readonly RunInput[];
  return {
    kind: 'paragraph',
    runs: list.map((r) => (typeof r === 'string' ? { text: r } : r)),
    align: options.align ?? 'justify',
    ...(options.size === undefined ? {} : { size: options.size }),
    ...(options.spaceBefore === undefined ? {} : { spaceBefore: options.spaceBefore }),
    ...(options.spaceAfter === undefined ? {} : { spaceAfter: options.spaceAfter }),
    ...(options.indentFirstLine === undefined ? {} : { indentFirstLine: options.indentFirstLine }),
    ...(options.indentStart === undefined ? {} : { indentStart: options.indentStart }),
    ...(options.indentEnd === undefined ? {} : { indentEnd: options.indentEnd }),
    ...(options.rule === true ? { rule: true } : {}),
    ...(options.pageBreak === true ? { pageBreak: true } : {}),
  };
}

/**
 * A short centred rule in a column `width` points wide, `share` of it long (Decree 30: 1/3 to
 * 1/2 of the issuing body's name, which fills about the column).
 */
export function rule(width: number, share = 0.4): ParagraphSpec {
  const inset = Math.round(((width * (1 - share)) / 2) * 100) / 100;
  return para([], { align: 'center', indentStart: inset, indentEnd: inset, rule: true, size: 2 });
}

export const bold = (text: string, more: Omit<RunSpec, 'text'> = {}): RunSpec => ({
  text,
  bold: true,
  ...more,
});
export const italic = (text: string, more: Omit<RunSpec, 'text'> = {}): RunSpec => ({
  text,
  italic: true,
  ...more,
});

export function cell(...paragraphs: ParagraphSpec[]): CellSpec {
  return { paragraphs: paragraphs.length === 0 ? [para('')] : paragraphs };
}

// ------------------------------------------------------------------ shape and cost

function runAttrs(run: RunSpec, p: ParagraphSpec): string {
  return [
    run.bold === true ? 'b' : '',
    run.italic === true ? 'i' : '',
    run.underline === true ? 'u' : '',
    String(run.size ?? p.size ?? BODY_SIZE),
  ].join('');
}

function paragraphShape(p: ParagraphSpec): ParagraphShape {
  const runs: RunShape[] = p.runs
    .filter((r) => r.text !== '')
    .map((r) => ({ text: r.text, attrs: runAttrs(r, p), child: 0 }));
  return { kind: 'paragraph', runs };
}

/**
 * The DocShape of the Doc built from a spec, as readDocShape would read it: Docs keeps a paragraph
 * after every table (a body cannot end with a table, and appending after it appends after that
 * paragraph), and the new document's initial empty paragraph is removed once the blocks are in.
 */
export function specToShape(spec: DocSpec): DocShape {
  const blocks: BlockShape[] = [];
  for (const block of spec.blocks) {
    if (block.kind === 'paragraph') {
      blocks.push(paragraphShape(block));
      continue;
    }
    blocks.push({
      kind: 'table',
      rows: block.rows.map((row) => ({
        cells: row.map((c) => ({ blocks: c.paragraphs.map(paragraphShape) })),
      })),
    });
    blocks.push({ kind: 'paragraph', runs: [] });
  }
  return { blocks };
}

/**
 * Mutating DocumentApp calls the builder makes for a paragraph appended to a body or cell:
 * appendParagraph and setAttributes, then appendText and setAttributes per further run.
 */
export function paragraphEdits(p: ParagraphSpec): number {
  return (
    2 +
    2 * Math.max(0, p.runs.length - 1) +
    (p.rule === true ? 1 : 0) +
    (p.pageBreak === true ? 1 : 0)
  );
}

/**
 * Mutating calls for one block: a table is appendTable, setBorderWidth (borderless only), one
 * setColumnWidth per column, one setMinimumHeight per given row height, four setPadding… per cell
 * with padding, then per cell the first paragraph's formatting (it comes with the
 * table) and every further paragraph in full.
 */
export function blockEdits(block: BlockSpec): number {
  if (block.kind === 'paragraph') return paragraphEdits(block);
  let edits = 1 + (block.borders ? 0 : 1) + block.widths.length;
  edits += block.rowHeights?.length ?? 0;
  for (const row of block.rows) {
    for (const c of row) {
      if (c.padding !== undefined) edits += 4;
      c.paragraphs.forEach((p, i) => {
        edits += i === 0 ? paragraphEdits(p) - 1 : paragraphEdits(p);
      });
    }
  }
  return edits;
}

/**
 * What a Doc made from the spec needs beyond DocumentApp (see TableSpec.keepRowsTogether,
 * DocSpec.numberPagesFromSecond), for the host's tests and exports; the product plans the same
 * with ./layoutRequests.ts against the Doc's own tables. Tables are counted in body order,
 * which merging keeps (rows repeat within their table; a table dropped by {{#if}} ends the list
 * only when it is the last, as the witness table is).
 */
export type LayoutHints = {
  readonly keepRowsTogetherTables: readonly number[];
  readonly numberPagesFromSecond: boolean;
};

export function layoutHints(spec: DocSpec): LayoutHints {
  const keep: number[] = [];
  let ordinal = 0;
  for (const block of spec.blocks) {
    if (block.kind !== 'table') continue;
    if (block.keepRowsTogether === true) keep.push(ordinal);
    ordinal++;
  }
  return {
    keepRowsTogetherTables: keep,
    numberPagesFromSecond: spec.numberPagesFromSecond === true,
  };
}

/** Groups the blocks so each batch stays within `budget` edits (a block is never split). */
export function editBatches(blocks: readonly BlockSpec[], budget: number): BlockSpec[][] {
  const batches: BlockSpec[][] = [];
  let current: BlockSpec[] = [];
  let used = 0;
  for (const block of blocks) {
    const cost = blockEdits(block);
    if (current.length > 0 && used + cost > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(block);
    used += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
