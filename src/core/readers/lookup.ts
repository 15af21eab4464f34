import type { Criterion } from '../model/criteria';
import type { Unit } from '../model/unit';
import { parseText } from '../parse/text';
import { buildNameIndex, lookupName, type NameIndex } from '../text/match';

/** A reference cell resolved against a list: found, blank, or not found (with a hint). */
export type Resolved<T> =
  | { readonly kind: 'found'; readonly item: T }
  | { readonly kind: 'empty' }
  | { readonly kind: 'none'; readonly hint?: string };

export function unitIndex(units: readonly Unit[]): NameIndex<Unit> {
  return buildNameIndex(units, (u) => [u.code, u.name], { ignoreDiacritics: true });
}

export function criterionIndex(criteria: readonly Criterion[]): NameIndex<Criterion> {
  return buildNameIndex(criteria, (c) => [c.code, c.text], { ignoreDiacritics: true });
}

/** Resolves a typed code or name; an ambiguous name is 'none' with a hint, never a guess. */
export function resolve<T>(
  index: NameIndex<T>,
  value: unknown,
  describe: (item: T) => string,
): Resolved<T> {
  const text = parseText(value);
  if (text.kind === 'empty') return { kind: 'empty' };
  if (text.kind === 'invalid') return { kind: 'none' };
  const found = lookupName(index, text.value);
  if (found.kind === 'found') return { kind: 'found', item: found.item };
  if (found.kind === 'ambiguous') {
    return {
      kind: 'none',
      hint: `Trùng với: ${found.items.map(describe).join(', ')}; hãy ghi mã.`,
    };
  }
  return { kind: 'none' };
}
