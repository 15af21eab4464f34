// Reads a PDF with pdf.js (pdfjs-dist, an ES module that ts-jest cannot load in-process), for
// pdfRead.ts. Works offline after `npm ci` with no poppler: the canvas is @napi-rs/canvas.
//   node pdfjsTool.mjs text <file.pdf>                -> JSON: pages with positioned text items
//   node pdfjsTool.mjs png <file.pdf> <out.png> [page] [scale]
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function open(file) {
  const data = new Uint8Array(readFileSync(file));
  return getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

async function text(file) {
  const pdf = await open(file);
  const meta = await pdf.getMetadata();
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const vp = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str.trim() === '') continue;
      const [, , , d, e, f] = it.transform;
      const size = Math.abs(d) || it.height;
      // pdf.js reports the baseline's origin in PDF space (origin bottom-left); turn it into
      // points from the top-left corner, the way the layout checks measure.
      items.push({
        str: it.str,
        x: e,
        baseline: vp.height - f,
        width: it.width,
        size,
        font: it.fontName,
      });
    }
    pages.push({ width: vp.width, height: vp.height, items });
  }
  return { producer: meta.info?.Producer ?? '', pages };
}

async function png(file, out, pageNo, scale) {
  const pdf = await open(file);
  const page = await pdf.getPage(pageNo);
  const vp = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas, canvasContext: ctx, viewport: vp }).promise;
  writeFileSync(out, canvas.toBuffer('image/png'));
}

const [cmd, file, ...rest] = process.argv.slice(2);
try {
  if (cmd === 'text') process.stdout.write(JSON.stringify(await text(file)));
  else if (cmd === 'png') await png(file, rest[0], Number(rest[1] ?? 1), Number(rest[2] ?? 1.5));
  else throw new Error('usage: pdfjsTool.mjs text <pdf> | png <pdf> <out.png> [page] [scale]');
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
}
