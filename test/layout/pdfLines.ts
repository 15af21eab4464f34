/**
 * A PDF read into positioned lines of text, for layout tests of any document (pledges, minutes,
 * certificates, fields printed on pre-printed paper): pdf.js (local/render/pdfjsTool.mjs) gives
 * the text items with their baseline origin; items on one baseline are joined into a line unless
 * a wide gap separates them (two cells of a table side by side stay two lines).
 *
 * Units: points from the page's top-left corner; `mm()` converts for checks in millimetres.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFJS_TOOL } from '../../local/render/preview';

export interface PdfItem {
  str: string;
  x: number;
  baseline: number;
  width: number;
  size: number;
}

export interface PdfLine {
  /** 1-based. */
  page: number;
  /** NFC text, words separated by one space. */
  text: string;
  left: number;
  right: number;
  baseline: number;
  /** The glyphs' box, from the font size (ascent 0.9 em, descent 0.22 em). */
  top: number;
  bottom: number;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
}

export interface PdfText {
  producer: string;
  pages: PdfPage[];
  lines: PdfLine[];
}

/** Baselines closer than this share a line (points). */
const SAME_BASELINE = 1.5;
/** A horizontal gap wider than this many font sizes starts a separate line (another column). */
const COLUMN_GAP = 1.6;

function joinItems(page: number, items: PdfItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: PdfItem[] = [];
  const flush = (): void => {
    if (cur.length === 0) return;
    let text = '';
    let right = -Infinity;
    for (const it of cur) {
      if (text !== '' && it.x - right > it.size * 0.12 && !text.endsWith(' ')) text += ' ';
      text += it.str;
      right = Math.max(right, it.x + it.width);
    }
    const size = Math.max(...cur.map((i) => i.size));
    const baseline = cur.reduce((s, i) => s + i.baseline, 0) / cur.length;
    lines.push({
      page,
      text: text.replace(/\s+/g, ' ').trim().normalize('NFC'),
      left: cur[0]?.x ?? 0,
      right,
      baseline,
      top: baseline - size * 0.9,
      bottom: baseline + size * 0.22,
      size,
    });
    cur = [];
  };
  const sorted = [...items].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  for (const it of sorted) {
    const last = cur[cur.length - 1];
    if (last) {
      const lastRight = Math.max(...cur.map((i) => i.x + i.width));
      const sameLine = Math.abs(it.baseline - last.baseline) <= SAME_BASELINE;
      if (!sameLine || it.x - lastRight > Math.max(it.size, last.size) * COLUMN_GAP) flush();
    }
    cur.push(it);
  }
  flush();
  return lines;
}

/** Reads a PDF (a file path or its bytes) into pages and positioned lines. */
export function readPdfLines(pdf: string | Uint8Array): PdfText {
  let file = typeof pdf === 'string' ? pdf : '';
  let dir: string | null = null;
  if (typeof pdf !== 'string') {
    dir = mkdtempSync(join(tmpdir(), 'thidua-lines-'));
    file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
  }
  try {
    const r = spawnSync(process.execPath, [PDFJS_TOOL, 'text', file], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`reading ${file} failed: ${r.stderr || String(r.error)}`);
    const raw = JSON.parse(r.stdout) as {
      producer: string;
      pages: Array<PdfPage & { items: PdfItem[] }>;
    };
    return {
      producer: raw.producer,
      pages: raw.pages.map((p) => ({ width: p.width, height: p.height })),
      lines: raw.pages.flatMap((p, i) => joinItems(i + 1, p.items)),
    };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Millimetres from points. */
export function mm(points: number): number {
  return (points * 25.4) / 72;
}
