/**
 * The fonts of the Node PDF renderer: Tinos (Google's serif metric-compatible with Times New Roman,
 * the font Decree 30/2020 prescribes), from the npm package @fontsource/tinos, so every machine
 * renders the same PDF after `npm ci` with no system font.
 *
 * Fontsource ships each face cut into Unicode-range subsets (latin, latin-ext, vietnamese, ...),
 * and Vietnamese text needs three of them: "Cộng hòa" takes "C", "ng h", "ò", "a" from latin and
 * "ộ" from vietnamese. `segments` therefore splits a string into runs of one subset each, taking
 * every character from the first subset that has its glyph.
 */
import { dirname, join } from 'node:path';
import { openSync, type Font } from 'fontkit';

export interface FaceStyle {
  bold: boolean;
  italic: boolean;
}

/** The subsets tried in order for each character. */
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;

export interface FontFile {
  /** The name the PDF document registers it under. */
  key: string;
  path: string;
}

const fontDir = join(dirname(require.resolve('@fontsource/tinos/package.json')), 'files');

function fileOf(subset: string, style: FaceStyle): FontFile {
  const weight = style.bold ? 700 : 400;
  const slant = style.italic ? 'italic' : 'normal';
  const name = `tinos-${subset}-${String(weight)}-${slant}`;
  return { key: name, path: join(fontDir, `${name}.woff`) };
}

/** Every font file the renderer may use (to register with pdfkit). */
export function allFontFiles(): FontFile[] {
  const out: FontFile[] = [];
  for (const bold of [false, true])
    for (const italic of [false, true])
      for (const s of SUBSETS) out.push(fileOf(s, { bold, italic }));
  return out;
}

interface LoadedSubset {
  file: FontFile;
  has: (codePoint: number) => boolean;
}

const loaded = new Map<string, LoadedSubset[]>();

function subsetsOf(style: FaceStyle): LoadedSubset[] {
  const id = `${String(style.bold)}/${String(style.italic)}`;
  let list = loaded.get(id);
  if (!list) {
    list = SUBSETS.map((s) => {
      const file = fileOf(s, style);
      const font = openSync(file.path) as Font;
      const cache = new Map<number, boolean>();
      return {
        file,
        has: (cp: number): boolean => {
          let v = cache.get(cp);
          if (v === undefined) {
            v = font.hasGlyphForCodePoint(cp);
            cache.set(cp, v);
          }
          return v;
        },
      };
    });
    loaded.set(id, list);
  }
  return list;
}

export interface Segment {
  text: string;
  /** The registered font key. */
  font: string;
}

/** Splits NFC text into runs that one subset file each can draw (see the file comment). */
export function segments(text: string, style: FaceStyle): Segment[] {
  const subsets = subsetsOf(style);
  const first = subsets[0] as LoadedSubset;
  const out: Segment[] = [];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 32;
    const sub = subsets.find((s) => s.has(cp)) ?? first;
    const last = out[out.length - 1];
    if (last && last.font === sub.file.key) last.text += ch;
    else out.push({ text: ch, font: sub.file.key });
  }
  return out;
}

/** Tinos' vertical metrics per point of size (hhea: ascent 1825, descent 443, gap 87 of 2048). */
export const ASCENT = 1825 / 2048;
export const DESCENT = 443 / 2048;
export const LINE_HEIGHT = (1825 + 443 + 87) / 2048;
