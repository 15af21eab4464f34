/**
 * Host-only export of a DocumentModel to .docx with the `docx` package: paragraphs with their runs
 * (bold, italic, underline, strikethrough, font, size, colours, links), alignment, headings, indents
 * and spacing; list items as bullets; tables with cell text, widths, shading, padding and row heights; page
 * breaks, horizontal rules (a bottom border), inline images; page size, orientation and margins;
 * the default header and footer.
 */
import { writeFileSync } from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  type IRunOptions,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { DocNode, DocumentModel, Heading, Run } from './model';

const twips = (pt: number): number => Math.round(pt * 20);

const ALIGN = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
} as const;

const HEADING: Partial<Record<Heading, (typeof HeadingLevel)[keyof typeof HeadingLevel]>> = {
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
  TITLE: HeadingLevel.TITLE,
};

function textRuns(run: Run): TextRun[] {
  const a = run.attrs;
  // A "\n" inside a Text element is a line break within the paragraph.
  return run.text.split('\n').map((part, i) => {
    const options: IRunOptions = {
      text: part,
      break: i > 0 ? 1 : undefined,
      bold: a.bold,
      italics: a.italic,
      underline: a.underline ? {} : undefined,
      strike: a.strikethrough,
      font: a.fontFamily,
      size: a.fontSize !== undefined ? Math.round(a.fontSize * 2) : undefined,
      color: a.foregroundColor?.replace('#', '').toUpperCase(),
      shading: a.backgroundColor
        ? {
            type: ShadingType.CLEAR,
            fill: a.backgroundColor.replace('#', '').toUpperCase(),
            color: 'auto',
          }
        : undefined,
    };
    return new TextRun(options);
  });
}

function imageRun(node: DocNode): ImageRun | null {
  const img = node.image;
  if (!img) return null;
  const type = /png/.test(img.contentType ?? '')
    ? 'png'
    : /jpe?g/.test(img.contentType ?? '')
      ? 'jpg'
      : /gif/.test(img.contentType ?? '')
        ? 'gif'
        : null;
  if (!type) return null;
  return new ImageRun({
    type,
    data: Buffer.from(img.bytes),
    transformation: { width: img.width, height: img.height },
  });
}

function paragraph(node: DocNode): Paragraph {
  const children: ParagraphChild[] = [];
  let rule = false;
  for (const c of node.children) {
    if (c.type === 'TEXT') {
      for (const r of c.runs) {
        const runs = textRuns(r);
        if (r.attrs.linkUrl)
          children.push(new ExternalHyperlink({ link: r.attrs.linkUrl, children: runs }));
        else children.push(...runs);
      }
    } else if (c.type === 'PAGE_BREAK') {
      children.push(new PageBreak());
    } else if (c.type === 'HORIZONTAL_RULE') {
      rule = true;
    } else if (c.type === 'INLINE_IMAGE') {
      const img = imageRun(c);
      if (img) children.push(img);
    }
  }
  const p = node.para;
  // A paragraph holding only a rule is drawn as a bottom border on a 2 pt line, so the rule sits
  // just under the text above rather than a blank line lower.
  const ruleOnly = rule && children.length === 0;
  // The paragraph mark's size and font (Docs keeps them on the newline): an empty paragraph, or the
  // rest of one after a page break, is as high as they say, not the default size.
  const mark = p?.markAttrs;
  const options: IParagraphOptions = {
    children,
    run:
      mark?.fontSize !== undefined
        ? { size: Math.round(mark.fontSize * 2), font: mark.fontFamily }
        : undefined,
    alignment: p?.alignment ? ALIGN[p.alignment] : undefined,
    heading: p ? HEADING[p.heading] : undefined,
    indent:
      p &&
      (p.indentStart !== undefined || p.indentEnd !== undefined || p.indentFirstLine !== undefined)
        ? {
            start: p.indentStart !== undefined ? twips(p.indentStart) : undefined,
            end: p.indentEnd !== undefined ? twips(p.indentEnd) : undefined,
            // Docs' first-line indent is absolute; Word's is relative to the start indent.
            firstLine:
              p.indentFirstLine !== undefined && p.indentFirstLine >= (p.indentStart ?? 0)
                ? twips(p.indentFirstLine - (p.indentStart ?? 0))
                : undefined,
            hanging:
              p.indentFirstLine !== undefined && p.indentFirstLine < (p.indentStart ?? 0)
                ? twips((p.indentStart ?? 0) - p.indentFirstLine)
                : undefined,
          }
        : undefined,
    ...(ruleOnly ? { run: { size: 4 } } : {}),
    spacing: ruleOnly
      ? { before: 0, after: twips(p?.spacingAfter ?? 0), line: 40, lineRule: 'exact' }
      : p &&
          (p.spacingBefore !== undefined ||
            p.spacingAfter !== undefined ||
            p.lineSpacing !== undefined)
        ? {
            before: p.spacingBefore !== undefined ? twips(p.spacingBefore) : undefined,
            after: p.spacingAfter !== undefined ? twips(p.spacingAfter) : undefined,
            line: p.lineSpacing !== undefined ? Math.round(p.lineSpacing * 240) : undefined,
          }
        : undefined,
    bullet: node.type === 'LIST_ITEM' ? { level: node.list?.nestingLevel ?? 0 } : undefined,
    border: rule
      ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } }
      : undefined,
  };
  return new Paragraph(options);
}

function blocks(section: DocNode, contentWidthPt: number): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const c of section.children) {
    if (c.type === 'TABLE') out.push(table(c, contentWidthPt));
    else out.push(paragraph(c));
  }
  return out;
}

/** A cell's padding as docx cell margins (twips); undefined when none was set. */
function cellMargins(
  cs: NonNullable<DocNode['cell']>,
): { top?: number; bottom?: number; left?: number; right?: number } | undefined {
  const sides = [cs.paddingTop, cs.paddingBottom, cs.paddingLeft, cs.paddingRight];
  if (sides.every((v) => v === undefined)) return undefined;
  const t = (v: number | undefined): number | undefined => (v === undefined ? undefined : twips(v));
  return {
    top: t(cs.paddingTop),
    bottom: t(cs.paddingBottom),
    left: t(cs.paddingLeft),
    right: t(cs.paddingRight),
  };
}

function table(node: DocNode, contentWidthPt: number): Table {
  const rows = node.children;
  const numCols = rows.reduce((n, r) => Math.max(n, r.children.length), 0);
  const widths: number[] = [];
  for (let i = 0; i < numCols; i++) {
    const fromCell = rows.find((r) => r.children[i]?.cell?.width !== undefined)?.children[i]?.cell
      ?.width;
    widths.push(node.table?.columnWidths[i] ?? fromCell ?? contentWidthPt / Math.max(1, numCols));
  }
  const border =
    node.table?.borderWidth === 0
      ? { style: BorderStyle.NONE, size: 0, color: 'auto' }
      : {
          style: BorderStyle.SINGLE,
          size: Math.max(2, Math.round((node.table?.borderWidth ?? 1) * 8)),
          color: node.table?.borderColor?.replace('#', '').toUpperCase() ?? '000000',
        };
  // Padding set through TableCell.setPadding… becomes the cell's margins; a table with padded
  // cells gets default margins of 0, so Word and LibreOffice do not shift it by their own default
  // (0.19 cm left and right).
  const padded = rows.some((r) => r.children.some((c) => c.cell?.paddingLeft !== undefined));
  return new Table({
    ...(padded && rows.length > 0 ? { margins: { top: 0, bottom: 0, left: 0, right: 0 } } : {}),
    columnWidths: widths.map(twips),
    width: { size: widths.reduce((a, b) => a + twips(b), 0), type: WidthType.DXA },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: (rows.length > 0 ? rows : []).map(
      (r) =>
        new TableRow({
          // Word's w:cantSplit: LibreOffice and Word keep the row on one page.
          cantSplit: r.keepTogether === true ? true : undefined,
          height:
            r.minimumHeight !== undefined
              ? { value: twips(r.minimumHeight), rule: HeightRule.ATLEAST }
              : undefined,
          children: r.children.map((cell, i) => {
            const cs = cell.cell ?? {};
            const content = blocks(cell, widths[i] ?? 100);
            return new TableCell({
              children: content.length > 0 ? content : [new Paragraph({})],
              width: { size: twips(cs.width ?? widths[i] ?? 100), type: WidthType.DXA },
              margins: cellMargins(cs),
              shading: cs.backgroundColor
                ? {
                    type: ShadingType.CLEAR,
                    fill: cs.backgroundColor.replace('#', '').toUpperCase(),
                    color: 'auto',
                  }
                : undefined,
              verticalAlign:
                cs.verticalAlignment === 'CENTER'
                  ? VerticalAlignTable.CENTER
                  : cs.verticalAlignment === 'BOTTOM'
                    ? VerticalAlignTable.BOTTOM
                    : undefined,
            });
          }),
        }),
    ),
  });
}

/** A centred paragraph holding Word's PAGE field (the page number), in the model's size. */
function pageNumberParagraph(doc: DocumentModel): Paragraph {
  const size = Math.round((doc.pageNumbers?.fontSize ?? 13) * 2);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], size, font: 'Times New Roman' })],
  });
}

/**
 * Header and footer of the section. Page numbers go in the default header (or footer); numbering
 * from page 2 uses Word's distinct first page (w:titlePage) whose header lacks the number. A start
 * later than page 2 cannot be said in one section: those pages show their number too.
 */
function headersFooters(doc: DocumentModel, contentWidth: number) {
  const pn = doc.pageNumbers;
  const section = (node: DocNode | null, where: 'header' | 'footer', withNumber: boolean) => {
    const content = node ? blocks(node, contentWidth) : [];
    if (withNumber && pn?.position === where) content.push(pageNumberParagraph(doc));
    return content;
  };
  const make = (withNumber: boolean) => {
    const h = section(doc.header, 'header', withNumber);
    const f = section(doc.footer, 'footer', withNumber);
    return {
      header: h.length > 0 ? new Header({ children: h }) : undefined,
      footer: f.length > 0 ? new Footer({ children: f }) : undefined,
    };
  };
  const main = make(true);
  const first = pn && pn.from >= 2 ? make(false) : null;
  return {
    titlePage: first !== null,
    headers:
      main.header || first?.header ? { default: main.header, first: first?.header } : undefined,
    footers:
      main.footer || first?.footer ? { default: main.footer, first: first?.footer } : undefined,
  };
}

/** The .docx bytes of a document. */
export async function docxBuffer(doc: DocumentModel): Promise<Buffer> {
  const contentWidth = doc.pageWidth - doc.marginLeft - doc.marginRight;
  const landscape = doc.pageWidth > doc.pageHeight;
  // docx swaps width and height for landscape, so it is given the portrait sizes.
  const hf = headersFooters(doc, contentWidth);
  const short = Math.min(doc.pageWidth, doc.pageHeight);
  const long = Math.max(doc.pageWidth, doc.pageHeight);
  const d = new DocxDocument({
    creator: 'thidua',
    title: doc.name,
    sections: [
      {
        properties: {
          titlePage: hf.titlePage,
          page: {
            size: {
              width: twips(short),
              height: twips(long),
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twips(doc.marginTop),
              bottom: twips(doc.marginBottom),
              left: twips(doc.marginLeft),
              right: twips(doc.marginRight),
            },
          },
        },
        headers: hf.headers,
        footers: hf.footers,
        children: blocks(doc.body, contentWidth),
      },
    ],
  });
  return Packer.toBuffer(d);
}

/** Writes the document as .docx to `file`. */
export async function saveDocx(doc: DocumentModel, file: string): Promise<void> {
  writeFileSync(file, await docxBuffer(doc));
}
