// fontkit ships no types; the renderer uses only these (https://github.com/foliojs/fontkit#readme).
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font | { fonts: Font[] };
}
