/**
 * Host-only PDF output of a DocumentModel.
 *
 * `savePdf` (the files the demo leaves) renders in Node by default (local/render/pdf.ts: pdfkit
 * and Tinos), so every machine writes the same real PDF with correct Vietnamese after `npm ci`;
 * LibreOffice is the optional second renderer (`savePdf(doc, file, 'libreoffice')`, and the
 * independent renderer of the layout tests).
 *
 * `renderPdfBytes` converts through LibreOffice (`soffice --headless --convert-to pdf`) when it is
 * installed and returns null otherwise. Document.getAs is synchronous while the `docx` package packs
 * asynchronously, so the conversion runs in a child process (pdfWorker.ts: model JSON in, .docx,
 * soffice, PDF out) that this function waits for.
 *
 * `placeholderPdf` is what Document.getAs('application/pdf') returns without LibreOffice: a small,
 * valid PDF 1.4 whose pages carry the line "[thidua local host] PLACEHOLDER PDF: LibreOffice is not
 * installed; text only" and the document's text folded to ASCII (Helvetica has no Vietnamese
 * glyphs); the exact NFC text is kept in the info dictionary (/Title: the document name, /ThiduaText:
 * the body text, both UTF-16BE) and /Producer is "thidua local host placeholder".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { renderNodePdf } from '../../render/pdf';
import { DocNode, DocumentModel, type PageNumbering, type PositionedText, Run } from './model';

export const PLACEHOLDER_MARK =
  '[thidua local host] PLACEHOLDER PDF: LibreOffice is not installed; text only';
export const PLACEHOLDER_PRODUCER = 'thidua local host placeholder';

let sofficeCache: string | null | undefined;

/** The LibreOffice binary on PATH (or $THIDUA_SOFFICE), or null. */
export function findSoffice(): string | null {
  if (sofficeCache !== undefined) return sofficeCache;
  const env = process.env.THIDUA_SOFFICE;
  if (env !== undefined) {
    sofficeCache = env === '' || !existsSync(env) ? null : env;
    return sofficeCache;
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      if (dir && existsSync(p)) {
        sofficeCache = p;
        return p;
      }
    }
  }
  sofficeCache = null;
  return null;
}

/** Forgets the cached soffice lookup (tests switch it with $THIDUA_SOFFICE). */
export function resetSofficeCache(): void {
  sofficeCache = undefined;
}

// ------------------------------------------------------------------ model <-> JSON (for the worker)

interface NodeJson {
  type: DocNode['type'];
  children: NodeJson[];
  runs?: Run[];
  para?: DocNode['para'];
  list?: DocNode['list'];
  cell?: DocNode['cell'];
  table?: DocNode['table'];
  minimumHeight?: number;
  keepTogether?: boolean;
  image?: Omit<NonNullable<DocNode['image']>, 'bytes'> & { bytes: string };
}

export interface DocumentJson {
  id: string;
  name: string;
  pageWidth: number;
  pageHeight: number;
  margins: [number, number, number, number];
  body: NodeJson;
  header: NodeJson | null;
  footer: NodeJson | null;
  pageNumbers?: PageNumbering;
  positioned?: PositionedText[];
}

function nodeToJson(n: DocNode): NodeJson {
  const out: NodeJson = { type: n.type, children: n.children.map(nodeToJson) };
  if (n.runs.length) out.runs = n.runs;
  if (n.para) out.para = n.para;
  if (n.list) out.list = n.list;
  if (n.cell) out.cell = n.cell;
  if (n.table) out.table = n.table;
  if (n.minimumHeight !== undefined) out.minimumHeight = n.minimumHeight;
  if (n.keepTogether) out.keepTogether = true;
  if (n.image) out.image = { ...n.image, bytes: Buffer.from(n.image.bytes).toString('base64') };
  return out;
}

function nodeFromJson(j: NodeJson, parent: DocNode | null): DocNode {
  const n = new DocNode(j.type);
  n.parent = parent;
  n.runs = j.runs ?? [];
  n.para = j.para;
  n.list = j.list;
  n.cell = j.cell;
  n.table = j.table
    ? { ...j.table, columnWidths: j.table.columnWidths.map((w) => w ?? undefined) }
    : undefined;
  n.minimumHeight = j.minimumHeight;
  if (j.keepTogether) n.keepTogether = true;
  if (j.image)
    n.image = { ...j.image, bytes: new Uint8Array(Buffer.from(j.image.bytes, 'base64')) };
  n.children = j.children.map((c) => nodeFromJson(c, n));
  return n;
}

export function documentToJson(doc: DocumentModel): DocumentJson {
  return {
    id: doc.id,
    name: doc.name,
    pageWidth: doc.pageWidth,
    pageHeight: doc.pageHeight,
    margins: [doc.marginTop, doc.marginBottom, doc.marginLeft, doc.marginRight],
    body: nodeToJson(doc.body),
    header: doc.header ? nodeToJson(doc.header) : null,
    footer: doc.footer ? nodeToJson(doc.footer) : null,
    pageNumbers: doc.pageNumbers,
    positioned: doc.positioned,
  };
}

export function documentFromJson(j: DocumentJson): DocumentModel {
  const doc = new DocumentModel(j.id, j.name, 0);
  doc.pageWidth = j.pageWidth;
  doc.pageHeight = j.pageHeight;
  [doc.marginTop, doc.marginBottom, doc.marginLeft, doc.marginRight] = j.margins;
  doc.body = nodeFromJson(j.body, null);
  doc.header = j.header ? nodeFromJson(j.header, null) : null;
  doc.footer = j.footer ? nodeFromJson(j.footer, null) : null;
  if (j.pageNumbers) doc.pageNumbers = j.pageNumbers;
  doc.positioned = j.positioned ?? [];
  return doc;
}

// ------------------------------------------------------------------ LibreOffice

/**
 * PDF bytes of the document through LibreOffice, or null when soffice is not installed (or the
 * conversion fails: the reason goes to stderr).
 */
export function renderPdfBytes(doc: DocumentModel): Uint8Array | null {
  const soffice = findSoffice();
  if (!soffice) return null;
  const dir = mkdtempSync(join(tmpdir(), 'thidua-pdf-'));
  try {
    const input = join(dir, 'doc.json');
    writeFileSync(input, JSON.stringify(documentToJson(doc)));
    const worker = resolve(__dirname, 'pdfWorker.ts');
    const r = spawnSync(process.execPath, ['--import', 'tsx', worker, input, dir, soffice], {
      cwd: resolve(__dirname, '..', '..', '..'),
      encoding: 'utf8',
      timeout: 180_000,
    });
    const out = join(dir, 'doc.pdf');
    if (r.status !== 0 || !existsSync(out)) {
      process.stderr.write(`thidua host: PDF conversion failed: ${r.stderr || String(r.error)}\n`);
      return null;
    }
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ placeholder PDF

/** ASCII folding for Helvetica: "Cộng hòa" -> "Cong hoa", "Đ" -> "D". */
export function foldToAscii(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

function pdfString(ascii: string): string {
  return `(${ascii.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++)
    hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  out.push(rest);
  return out;
}

/** A valid PDF carrying the document's text, marked as a placeholder (see the file comment). */
export function placeholderPdf(doc: DocumentModel): Uint8Array {
  const text = doc.text();
  const width = Math.round(doc.pageWidth);
  const height = Math.round(doc.pageHeight);
  const fontSize = 10;
  const leading = 13;
  const chars = Math.max(20, Math.floor((width - 72) / (fontSize * 0.5)));
  const perPage = Math.max(5, Math.floor((height - 72) / leading));
  const lines = [PLACEHOLDER_MARK, ''];
  for (const l of text.split('\n')) lines.push(...wrapLine(foldToAscii(l), chars));
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));

  const objects: string[] = [];
  // 1 catalog, 2 pages, 3 font, 4 info, then per page: page object and its content stream.
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title ${utf16Hex(doc.name)} /Producer ${pdfString(PLACEHOLDER_PRODUCER)} /ThiduaText ${utf16Hex(text)} >>`;
  pages.forEach((pageLines, i) => {
    const id = pageIds[i] as number;
    const ops = [`BT /F1 ${fontSize} Tf ${leading} TL 36 ${height - 36 - fontSize} Td`];
    for (const l of pageLines) ops.push(`${pdfString(l)} Tj T*`);
    ops.push('ET');
    const stream = ops.join('\n');
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] =
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = Buffer.byteLength(out, 'latin1');
    out += `${i} 0 obj\n${objects[i] ?? 'null'}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objects.length; i++)
    out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Reads back the NFC body text a placeholder PDF carries (for tests), or null. */
export function placeholderText(pdf: Uint8Array): string | null {
  const s = Buffer.from(pdf).toString('latin1');
  const m = /\/ThiduaText <FEFF([0-9A-F]*)>/.exec(s);
  if (!m) return null;
  const hex = m[1] ?? '';
  let out = '';
  for (let i = 0; i < hex.length; i += 4)
    out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

export type PdfRenderer = 'node' | 'libreoffice';

/**
 * Writes the document as PDF for a person to open (the demo). 'node' (default): the Node render,
 * the same on every machine. 'libreoffice': LibreOffice's rendering of the .docx export, falling
 * back to the Node render when soffice is missing or fails. Returns the renderer that wrote it.
 */
export function savePdf(
  doc: DocumentModel,
  file: string,
  renderer: PdfRenderer = 'node',
): PdfRenderer {
  const bytes = renderer === 'libreoffice' ? renderPdfBytes(doc) : null;
  writeFileSync(file, bytes ?? renderNodePdf(doc));
  return bytes ? 'libreoffice' : 'node';
}
