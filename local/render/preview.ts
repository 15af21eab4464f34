/**
 * PNG previews of PDF pages, rasterised in Node by pdf.js on @napi-rs/canvas (pdfjsTool.mjs, a
 * child process because pdfjs-dist is an ES module): no poppler, no network, the same on every
 * machine after `npm ci`.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const PDFJS_TOOL = resolve(__dirname, 'pdfjsTool.mjs');

/** Writes page `page` (1-based) of `pdf` as a PNG at `scale` × 72 dpi; throws on failure. */
export function savePreviewPng(pdf: string, png: string, page = 1, scale = 1.5): void {
  const r = spawnSync(
    process.execPath,
    [PDFJS_TOOL, 'png', pdf, png, String(page), String(scale)],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (r.status !== 0)
    throw new Error(`PNG preview of ${pdf} failed: ${r.stderr || String(r.error)}`);
}
