/**
 * Vietnamese alphabetical order without ICU (Apps Script's V8 and Node may ship different ICU
 * data, and Intl/localeCompare results would differ between tests and production).
 *
 * Order, from the strongest key to the weakest:
 * 1. Syllable by syllable (each maximal run of letters is a token), as Vietnamese dictionaries
 *    order entries ("bà ba" after "ba bé" is NOT what a dictionary does: "ba …" entries all come
 *    before "bà …"). Inside a token, first the base letters in the Vietnamese alphabet
 *    a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f, j, w, z of loanwords slot in
 *    at their Latin places; letters of other scripts come after z, by code point); then, if the
 *    letters are equal, the tone: none < huyền < hỏi < ngã < sắc < nặng (a à ả ã á ạ).
 *    Token kinds: space < punctuation/symbols < numbers < words, so digits sort before letters.
 *    A run of ASCII digits is one number token compared by value ("Phường 2" < "Phường 10");
 *    we do not read decimals or thousands separators inside names, because in unit names a
 *    comma or dot is punctuation far more often than part of a number.
 * 2. Names whose tokens tie but whose nameKey differs (e.g. "Phường 02" and "Phường 2") are
 *    ordered by the code units of their nameKey, so that equal nameKeys stay adjacent.
 * 3. Case, letter by letter, lower before upper ("an" < "An"): the tertiary key.
 * 4. Code units of the normalised text, so that the order is total: compareVietnamese returns 0
 *    exactly when normalizeText(a) === normalizeText(b).
 * Keys 1–2 depend only on nameKey(s), so strings with the same nameKey are never separated by a
 * string with a different nameKey.
 */
import { nameKey, normalizeText } from './normalize';

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const ALPHABET_WEIGHT: ReadonlyMap<string, number> = new Map(
  Array.from(ALPHABET).map((letter, i) => [letter, i] as const),
);
/** Tone marks after NFD, in dictionary order; a syllable without a mark has tone 0. */
const TONE_WEIGHT: ReadonlyMap<string, number> = new Map([
  ['\u0300', 1], // huyền
  ['\u0309', 2], // hỏi
  ['\u0303', 3], // ngã
  ['\u0301', 4], // sắc
  ['\u0323', 5], // nặng
]);
/** Marks that turn a base letter into another letter of the alphabet. */
const LETTER_MARKS: ReadonlyMap<string, string> = new Map([
  ['a\u0306', 'ă'],
  ['a\u0302', 'â'],
  ['e\u0302', 'ê'],
  ['o\u0302', 'ô'],
  ['o\u031B', 'ơ'],
  ['u\u031B', 'ư'],
]);

/** Token kinds in sort order: spaces, then punctuation and symbols, numbers, words. */
const TokenKind = { Space: 0, Other: 1, Number: 2, Word: 3 } as const;

type Token =
  | { readonly kind: typeof TokenKind.Space }
  | { readonly kind: typeof TokenKind.Other; readonly text: string }
  | { readonly kind: typeof TokenKind.Number; readonly digits: string }
  | {
      readonly kind: typeof TokenKind.Word;
      readonly letters: readonly number[];
      readonly tones: readonly number[];
    };

/** A precomputed sort key: compute once per item when sorting many. */
export type VietnameseSortKey = {
  readonly tokens: readonly Token[];
  readonly key: string;
  readonly caseFlags: readonly number[];
  readonly text: string;
};

const TOKEN_PATTERN = /\s+|[0-9]+|(?:\p{L}\p{M}*)+|[^]\p{M}*/gu;
const LETTER_WITH_MARKS = /\p{L}\p{M}*/gu;

function wordToken(word: string): Token {
  const letters: number[] = [];
  const tones: number[] = [];
  for (const cluster of word.match(LETTER_WITH_MARKS) ?? []) {
    const chars = Array.from(cluster);
    let letter = chars[0] ?? '';
    for (const mark of chars.slice(1)) {
      const tone = TONE_WEIGHT.get(mark);
      if (tone !== undefined) {
        tones.push(tone);
        continue;
      }
      const modified = LETTER_MARKS.get(letter + mark);
      if (modified !== undefined) letter = modified;
      // Marks outside Vietnamese (the cedilla of ç, …) are left to key 2.
    }
    letters.push(ALPHABET_WEIGHT.get(letter) ?? 1000 + (letter.codePointAt(0) ?? 0));
  }
  return { kind: TokenKind.Word, letters, tones };
}

function tokenize(key: string): Token[] {
  const tokens: Token[] = [];
  for (const piece of key.normalize('NFD').match(TOKEN_PATTERN) ?? []) {
    if (/^\s/.test(piece)) tokens.push({ kind: TokenKind.Space });
    else if (/^[0-9]/.test(piece)) {
      tokens.push({ kind: TokenKind.Number, digits: piece.replace(/^0+(?=[0-9])/, '') });
    } else if (/^\p{L}/u.test(piece)) tokens.push(wordToken(piece));
    else tokens.push({ kind: TokenKind.Other, text: piece });
  }
  return tokens;
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareCodeUnits(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareTokens(a: Token, b: Token): number {
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  switch (a.kind) {
    case TokenKind.Space:
      return 0;
    case TokenKind.Other:
      return compareCodeUnits(a.text, (b as typeof a).text);
    case TokenKind.Number: {
      const other = (b as typeof a).digits;
      if (a.digits.length !== other.length) return a.digits.length < other.length ? -1 : 1;
      return compareCodeUnits(a.digits, other);
    }
    case TokenKind.Word: {
      const other = b as typeof a;
      return compareNumbers(a.letters, other.letters) || compareNumbers(a.tones, other.tones);
    }
  }
}

/** Builds the sort key of a string; see the module comment for what each part does. */
export function vietnameseSortKey(s: string): VietnameseSortKey {
  const text = normalizeText(s);
  const key = nameKey(text);
  const caseFlags: number[] = [];
  for (const ch of text.normalize('NFD')) {
    if (/\p{L}/u.test(ch)) caseFlags.push(ch !== ch.toLowerCase() ? 1 : 0);
  }
  return { tokens: tokenize(key), key, caseFlags, text };
}

/** Compares two precomputed keys: the same order as compareVietnamese. */
export function compareSortKeys(a: VietnameseSortKey, b: VietnameseSortKey): number {
  const n = Math.min(a.tokens.length, b.tokens.length);
  for (let i = 0; i < n; i++) {
    const ta = a.tokens[i];
    const tb = b.tokens[i];
    if (ta === undefined || tb === undefined) break;
    const c = compareTokens(ta, tb);
    if (c !== 0) return c;
  }
  if (a.tokens.length !== b.tokens.length) return a.tokens.length < b.tokens.length ? -1 : 1;
  return (
    compareCodeUnits(a.key, b.key) ||
    compareNumbers(a.caseFlags, b.caseFlags) ||
    compareCodeUnits(a.text, b.text)
  );
}

/** Vietnamese alphabetical order: negative, zero or positive like Array.prototype.sort wants. */
export function compareVietnamese(a: string, b: string): number {
  if (a === b) return 0;
  return compareSortKeys(vietnameseSortKey(a), vietnameseSortKey(b));
}

/**
 * Returns a new array sorted in Vietnamese order of keyOf(item); equal keys keep their input
 * order. Each key is computed once, not once per comparison.
 */
export function sortVietnamese<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const decorated = items.map((item, index) => ({
    item,
    index,
    key: vietnameseSortKey(keyOf(item)),
  }));
  decorated.sort((x, y) => compareSortKeys(x.key, y.key) || x.index - y.index);
  return decorated.map((d) => d.item);
}
