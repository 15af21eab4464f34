/**
 * Text normalisation for Vietnamese input. Sheets hold text typed on different keyboards
 * (Unikey/Telex in NFC or composite NFD mode, copy-paste from Word or PDFs with non-breaking
 * spaces), so every comparison goes through these functions. None depends on the runtime's ICU:
 * only String.prototype.normalize and the locale-independent toLowerCase/toUpperCase are used.
 */

/** Characters that carry no text and come from copy-paste; removed, not turned into spaces. */
const INVISIBLE = /[\u200B\u2060\u00AD]/g;
/** Every JS whitespace character: includes NBSP (U+00A0), U+2000–U+200A, U+202F, U+3000, BOM. */
const WHITESPACE_RUN = /\s+/g;

/**
 * NFC, trimmed, inner whitespace runs (including non-breaking and other Unicode spaces, tabs
 * and line breaks) collapsed to one ASCII space; zero-width spaces and soft hyphens removed.
 * Idempotent. NFC is applied last because removing an invisible character can bring a base
 * letter and a combining mark together.
 */
export function normalizeText(value: string): string {
  return value.replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim().normalize('NFC');
}

/** An e-mail address as compared: Google accounts ignore case and surrounding spaces. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Lower case without locale (toLowerCase is locale-independent, unlike toLocaleLowerCase). */
export function foldCase(s: string): string {
  return s.toLowerCase().normalize('NFC');
}

/**
 * Combining-mark blocks used by Latin-script text. Not \p{M}: in other scripts (Devanagari,
 * Thai) marks are vowels, and removing them would change the word rather than its accents.
 */
const COMBINING_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];

function isLatinCombiningMark(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return COMBINING_RANGES.some(([from, to]) => cp >= from && cp <= to);
}

/**
 * Removes tone and vowel marks: "Đống Đa" → "Dong Da", "Trưng" → "Trung". đ/Đ are separate
 * letters, not a base letter plus a mark, so NFD leaves them alone and they are mapped
 * explicitly; "Ð" (U+00D0, Icelandic eth) is mapped as well because some Vietnamese input
 * methods and old fonts produce it in place of "Đ".
 */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .split('')
    .filter((ch) => !isLatinCombiningMark(ch))
    .join('')
    .replace(/[đ]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFC');
}

/** Tone marks after NFD: huyền, hỏi, ngã, sắc, nặng. */
const TONE_MARKS = '\u0300\u0309\u0303\u0301\u0323';

/**
 * Moves the tone mark of an open syllable ending in "oa", "oe" or "uy" to the last vowel, so
 * the old style ("hòa", "thủy", "Thanh Hóa") and the new style ("hoà", "thuỷ", "Thanh Hoá")
 * give the same key. Both spellings are in official use and a unit's name must match either.
 * Expects a lower-case word; anything that is not exactly this pattern is returned unchanged.
 */
function canonicalTonePlacement(word: string): string {
  const decomposed = word.normalize('NFD');
  const letters: { base: string; marks: string }[] = [];
  for (const ch of decomposed) {
    const last = letters[letters.length - 1];
    if (isLatinCombiningMark(ch) && last) last.marks += ch;
    else letters.push({ base: ch, marks: '' });
  }
  const n = letters.length;
  const first = letters[n - 2];
  const second = letters[n - 1];
  if (!first || !second) return word;
  const pair = first.base + second.base;
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return word;
  if (second.marks !== '' || first.marks.length !== 1 || !TONE_MARKS.includes(first.marks)) {
    return word;
  }
  const tone = first.marks;
  first.marks = '';
  second.marks = tone;
  // Any other tone mark earlier in the word means this is not one Vietnamese syllable.
  if (letters.some((l) => l.marks.split('').some((m) => TONE_MARKS.includes(m)) && l !== second)) {
    return word;
  }
  return letters
    .map((l) => l.base + l.marks)
    .join('')
    .normalize('NFC');
}

/** Hyphen, en dash, em dash, minus and their compatibility forms: unit names mix them freely. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

export type NameKeyOptions = { readonly ignoreDiacritics?: boolean };

/**
 * The key two names are compared by: normalised, case-folded, dashes unified ("Tài chính –
 * Kế hoạch" = "Tài chính - Kế hoạch"), tone placement unified ("Hòa" = "Hoà"), and with
 * ignoreDiacritics also stripped of diacritics ("Đống Đa" = "dong da").
 */
export function nameKey(s: string, options: NameKeyOptions = {}): string {
  const folded = foldCase(normalizeText(s)).replace(DASHES, '-');
  if (options.ignoreDiacritics) return stripDiacritics(folded);
  return folded.replace(/[\p{L}\p{M}]+/gu, canonicalTonePlacement).normalize('NFC');
}
