/**
 * The Node PDF renderer: the local host's document model to PDF bytes with pdfkit and Tinos
 * (fonts.ts), synchronously (Document.getAs and savePdf are synchronous), the same on every
 * machine after `npm ci`. Layout in layout.ts; this file stacks its boxes on pages between the
 * margins, draws the header, the footer, the page numbers the model asks for and the text placed
 * at absolute positions, and collects pdfkit's output.
 */
import { createCanvas, Image } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import type { DocumentModel } from '../host/docs/model';
import { allFontFiles, ASCENT } from './fonts';
import {
  blockBoxes,
  newListCounter,
  positionedLine,
  stack,
  type Box,
  type Measure,
  type Painter,
} from './layout';

/** What pdfkit writes as /Producer; tests tell the Node render from LibreOffice's by it. */
export const NODE_PRODUCER = 'thidua local render (pdfkit, Tinos)';

/** Docs' default distance of the header and footer from the page edge: 0.5 in. */
const HEADER_FOOTER_MARGIN = 36;

/**
 * pdfkit embeds a PNG with an alpha channel asynchronously (it inflates the pixels to split the
 * alpha), which a synchronous render cannot wait for: such an image is flattened on white and
 * embedded as JPEG through @napi-rs/canvas. Other images go as they are.
 */
function syncImage(bytes: Uint8Array): Buffer {
  const buf = Buffer.from(bytes);
  const isPng = buf.subarray(1, 4).toString('latin1') === 'PNG';
  // IHDR's colour type (byte 25): 4 grey + alpha, 6 RGBA; a tRNS chunk is transparency too.
  if (!isPng || (![4, 6].includes(buf[25] ?? 0) && !buf.includes('tRNS'))) return buf;
  const img = new Image();
  img.src = buf;
  const canvas = createCanvas(Math.max(1, img.width), Math.max(1, img.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0);
  return canvas.toBuffer('image/jpeg', 95);
}

function painterOf(doc: PDFKit.PDFDocument): Painter {
  return {
    text(text, font, size, x, baseline, color) {
      doc.font(font).fontSize(size).fillColor(color);
      doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    },
    line(x1, y1, x2, y2, width, color) {
      doc.save().lineWidth(width).strokeColor(color).moveTo(x1, y1).lineTo(x2, y2).stroke();
      doc.restore();
    },
    rect(x, y, w, h, fill) {
      doc.save().rect(x, y, w, h).fill(fill).restore();
    },
    link(x, y, w, h, url) {
      doc.link(x, y, w, h, url);
    },
    image(bytes, x, y, w, h) {
      try {
        doc.image(syncImage(bytes), x, y, { width: w, height: h });
      } catch {
        // A format pdfkit cannot draw (GIF): its frame stays empty.
        doc.save().lineWidth(0.5).rect(x, y, w, h).stroke().restore();
      }
    },
  };
}

/** Boxes of the body placed on pages: page index and top of each box. */
function paginate(boxes: readonly Box[], top: number, bottom: number): Box[][] {
  const pages: Box[][] = [[]];
  let y = top;
  let placed: Array<{ box: Box; y: number }> = [];
  const flush = (): void => {
    (pages[pages.length - 1] as Box[]).push(
      ...placed.map(({ box, y: by }) => ({
        ...box,
        paint: (p: Painter, x: number) => {
          box.paint(p, x, by);
        },
      })),
    );
    placed = [];
  };
  const queue = [...boxes];
  for (let box = queue.shift(); box; box = queue.shift()) {
    const fresh = y <= top + 0.01;
    if (!box.breakBefore && !fresh && y + box.height > bottom + 0.01 && box.split) {
      const parts = box.split(bottom - y);
      if (parts) {
        placed.push({ box: parts[0], y });
        queue.unshift(parts[1]);
        y = bottom;
        continue;
      }
    }
    if (box.breakBefore || (!fresh && y + box.height > bottom + 0.01)) {
      flush();
      pages.push([]);
      y = top;
      if (box.breakBefore) continue;
    }
    // A box taller than a whole page splits there too (a long row of the criteria table).
    if (y <= top + 0.01 && y + box.height > bottom + 0.01 && box.split) {
      const parts = box.split(bottom - y);
      if (parts) {
        placed.push({ box: parts[0], y });
        queue.unshift(parts[1]);
        y = bottom;
        continue;
      }
    }
    placed.push({ box, y });
    y += box.height;
  }
  flush();
  return pages;
}

/** The PDF bytes of a document, rendered in Node (see the file comment). */
export function renderNodePdf(model: DocumentModel): Uint8Array {
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { Title: model.name, Producer: NODE_PRODUCER, Creator: 'thidua' },
  });
  for (const f of allFontFiles()) doc.registerFont(f.key, f.path);
  const measure: Measure = {
    width: (text, font, size) => doc.font(font).fontSize(size).widthOfString(text),
  };
  const W = model.pageWidth;
  const H = model.pageHeight;
  const width = W - model.marginLeft - model.marginRight;
  const lists = newListCounter();
  const bodyBoxes = blockBoxes(model.body.children, width, measure, lists);
  const pages = paginate(bodyBoxes, model.marginTop, H - model.marginBottom);
  const header = model.header
    ? stack(blockBoxes(model.header.children, width, measure, lists))
    : null;
  const footer = model.footer
    ? stack(blockBoxes(model.footer.children, width, measure, lists))
    : null;
  const painter = painterOf(doc);
  pages.forEach((boxes, i) => {
    doc.addPage({ size: [W, H], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    const number = i + 1;
    if (header)
      header.paint(painter, model.marginLeft, Math.min(HEADER_FOOTER_MARGIN, model.marginTop / 2));
    if (footer)
      footer.paint(
        painter,
        model.marginLeft,
        H - Math.min(HEADER_FOOTER_MARGIN, model.marginBottom / 2) - footer.height,
      );
    for (const b of boxes) b.paint(painter, model.marginLeft, 0);
    const pn = model.pageNumbers;
    if (pn && number >= pn.from) {
      const line = positionedLine(
        [{ text: String(number), attrs: { fontSize: pn.fontSize ?? 13 } }],
        measure,
      );
      const x = model.marginLeft + (width - line.width) / 2;
      // Centred in the top (or bottom) margin, as Decree 30's Appendix I places it.
      const mid = pn.position === 'header' ? model.marginTop / 2 : H - model.marginBottom / 2;
      line.paint(painter, x, mid + (line.size * ASCENT) / 2);
    }
    for (const t of model.positioned.filter((p) => p.page === number)) {
      const line = positionedLine(t.runs, measure);
      const box = t.width ?? 0;
      const dx =
        t.alignment === 'CENTER'
          ? (box - line.width) / 2
          : t.alignment === 'RIGHT'
            ? box - line.width
            : 0;
      // y is the top of the text's line box, as a field measured on the paper is.
      line.paint(painter, t.x + dx, t.y + line.size * ASCENT);
    }
  });
  if (pages.length === 0) doc.addPage({ size: [W, H] });
  doc.end();
  const chunks: Buffer[] = [];
  for (let c = doc.read() as Buffer | null; c !== null; c = doc.read() as Buffer | null)
    chunks.push(c);
  const out = Buffer.concat(chunks);
  // pdfkit finishes asynchronously when some resource needs it: never hand out half a file.
  if (!out.subarray(-8).toString('latin1').includes('%%EOF'))
    throw new Error(`thidua render: pdfkit did not finish ${model.name} synchronously`);
  return new Uint8Array(out);
}
