/**
 * What fuzzed users type: good and bad values of every kind a person puts in a Vietnamese
 * spreadsheet (numbers, decimal commas, words, negatives, error strings, dates, booleans,
 * full-width digits, formulas as text, text at and past the 50,000-character cell limit).
 */
import fc from 'fast-check';
import { CELL_CHARACTER_LIMIT } from '../../local/host/spreadsheet/limits';

/** A typed value; long text is described by its length so counterexamples print short. */
export type Typed =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'long'; readonly length: number };

/** The value handed to the host's userEdit (strings go through Sheets' typed-input parsing). */
export function typedInput(t: Typed): unknown {
  if (t.kind === 'long') return 'á'.repeat(t.length);
  return t.value;
}

export function describeTyped(t: Typed): string {
  return t.kind === 'long' ? `<${String(t.length)} × "á">` : JSON.stringify(t.value);
}

const text = (value: string): Typed => ({ kind: 'text', value });
const num = (value: number): Typed => ({ kind: 'number', value });

/** Scores a careful user types: mostly in range, with decimal commas and the pass/fail words. */
const goodScore: fc.Arbitrary<Typed> = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map(num),
  fc.integer({ min: 0, max: 40 }).map((n) => text(String(n / 2).replace('.', ','))),
  fc.constantFrom('Đạt', 'Không đạt', 'Đồng ý', 'Không đồng ý').map(text),
);

/** Everything else a person may type or paste into a cell. */
const badValue: fc.Arbitrary<Typed> = fc.oneof(
  fc.constantFrom('9.5', '9,75', '1.000', '1.000,5', '-3', '-0,5', '25', '1e3', '0,001').map(text),
  fc.constantFrom('tám', 'mười', 'Ba Đình', 'không', 'x', 'Đạt ', ' 7 ', 'đạt').map(text),
  fc.constantFrom('#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NAME?', '#ERROR!').map(text),
  fc.constantFrom('05/01/2023', '31/12/2022', '2023-01-05', '19/01', '13/13/2023').map(text),
  fc.boolean().map((value): Typed => ({ kind: 'boolean', value })),
  fc.constantFrom('TRUE', 'FALSE').map(text),
  fc.constantFrom('９', '１０', '９,５', '１２．５').map(text),
  fc.constantFrom('=1+1', '=SUM(C3:C8)', "'=A1", '+5', '@BD', '=HYPERLINK("x")').map(text),
  fc.integer({ min: -50, max: 150 }).map(num),
  fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }).map(num),
  fc
    .constantFrom(200, CELL_CHARACTER_LIMIT - 1, CELL_CHARACTER_LIMIT, CELL_CHARACTER_LIMIT + 1)
    .map((length): Typed => ({ kind: 'long', length })),
  fc.constantFrom('', ' ').map(text),
);

export const typedValue: fc.Arbitrary<Typed> = fc.oneof(
  { weight: 3, arbitrary: goodScore },
  { weight: 2, arbitrary: badValue },
);
