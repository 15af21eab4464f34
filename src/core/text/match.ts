/**
 * Finding a unit or criterion by what a user typed: its code or any of its names, without case
 * and, when asked, without diacritics (people type "Dong Da" on keyboards without Telex).
 * An exact match (diacritics included) always wins over a diacritic-insensitive one, so that
 * "Hoa An" and "Hòa An" can both exist and each be found by its own spelling.
 */
import { nameKey } from './normalize';

export type NameIndexOptions = {
  /** Also match when the query differs only in diacritics ("dong da" → "Đống Đa"). */
  readonly ignoreDiacritics?: boolean;
};

export type NameIndex<T> = {
  readonly options: NameIndexOptions;
  /** nameKey with diacritics → items having a name with that key, in input order. */
  readonly exact: ReadonlyMap<string, readonly T[]>;
  /** nameKey without diacritics → items; empty unless options.ignoreDiacritics. */
  readonly folded: ReadonlyMap<string, readonly T[]>;
};

export type NameLookup<T> =
  | {
      readonly kind: 'found';
      readonly item: T;
      /** false when only the diacritic-insensitive key matched: callers may want to warn. */
      readonly exact: boolean;
    }
  | { readonly kind: 'ambiguous'; readonly items: readonly T[] }
  | { readonly kind: 'none' };

function addTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [item]);
  else if (!list.includes(item)) list.push(item);
}

/**
 * Indexes items under every name nameOf returns (e.g. [code, name, short name]). Two items
 * under one key are kept: a lookup of that key answers 'ambiguous', never a silent first pick.
 */
export function buildNameIndex<T>(
  items: readonly T[],
  nameOf: (t: T) => readonly string[],
  options: NameIndexOptions = {},
): NameIndex<T> {
  const exact = new Map<string, T[]>();
  const folded = new Map<string, T[]>();
  for (const item of items) {
    for (const name of nameOf(item)) {
      addTo(exact, nameKey(name), item);
      if (options.ignoreDiacritics) addTo(folded, nameKey(name, { ignoreDiacritics: true }), item);
    }
  }
  return { options, exact, folded };
}

function answer<T>(items: readonly T[] | undefined, exact: boolean): NameLookup<T> | null {
  if (!items || items.length === 0) return null;
  const [only] = items;
  if (items.length === 1 && only !== undefined) return { kind: 'found', item: only, exact };
  return { kind: 'ambiguous', items };
}

/** Looks a typed name or code up: exact key first, then (if enabled) without diacritics. */
export function lookupName<T>(index: NameIndex<T>, query: string): NameLookup<T> {
  const key = nameKey(query);
  if (key === '') return { kind: 'none' };
  const byExact = answer(index.exact.get(key), true);
  if (byExact) return byExact;
  if (index.options.ignoreDiacritics) {
    const byFolded = answer(index.folded.get(nameKey(query, { ignoreDiacritics: true })), false);
    if (byFolded) return byFolded;
  }
  return { kind: 'none' };
}

/** Keys under which more than one item is indexed (with diacritics): duplicate names or codes. */
export function duplicateNames<T>(index: NameIndex<T>): { key: string; items: readonly T[] }[] {
  const result: { key: string; items: readonly T[] }[] = [];
  index.exact.forEach((items, key) => {
    if (items.length > 1) result.push({ key, items });
  });
  return result;
}
