import fc from 'fast-check';
import { compareVietnamese, sortVietnamese } from '../../../src/core/text/collation';
import { nameKey, normalizeText } from '../../../src/core/text/normalize';

const sign = (n: number) => Math.sign(n);
const sorted = (xs: string[]) => sortVietnamese(xs, (x) => x);

/** Shuffles deterministically so the expected order is not the input order. */
const reversed = (xs: string[]) => [...xs].reverse();

describe('compareVietnamese: known orderings', () => {
  it('sorts the six districts of cluster 1', () => {
    const expected = ['Ba Đình', 'Đống Đa', 'Hai Bà Trưng', 'Hoàn Kiếm', 'Hoàng Mai', 'Long Biên'];
    expect(
      sorted(['Hoàng Mai', 'Long Biên', 'Hoàn Kiếm', 'Đống Đa', 'Hai Bà Trưng', 'Ba Đình']),
    ).toEqual(expected);
    expect(sorted(reversed(expected))).toEqual(expected);
  });

  it('orders modified vowels after their base: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư', () => {
    for (const expected of [
      ['An', 'Ăn', 'Ân', 'Bình'],
      ['Dung', 'Dương', 'Đa', 'Đông', 'Em'],
      ['Em', 'Êm', 'Gia'],
      ['Ong', 'Ông', 'Ơn', 'Phú'],
      ['Út', 'Ưng', 'Vân'],
      ['Yên', 'Zeta'],
    ]) {
      expect(sorted(reversed(expected))).toEqual(expected);
    }
  });

  it('orders tones: none, huyền, hỏi, ngã, sắc, nặng; letters before tones', () => {
    const expected = ['ba', 'bà', 'bả', 'bã', 'bá', 'bạ', 'bác', 'bạc', 'bai'];
    expect(sorted(reversed(expected))).toEqual(expected);
  });

  it('compares syllable by syllable, as dictionaries do', () => {
    const expected = ['Bà', 'Bà Rịa', 'Bác Ái', 'Ban'];
    expect(sorted(reversed(expected))).toEqual(expected);
    expect(compareVietnamese('ba bé', 'bà ba')).toBeLessThan(0);
  });

  it('puts numbers before letters and compares them by value', () => {
    const expected = ['Phường 1', 'Phường 2', 'Phường 10', 'Phường 12', 'Phường Bạch Đằng'];
    expect(sorted(reversed(expected))).toEqual(expected);
    expect(compareVietnamese('Tổ 9', 'Tổ 10')).toBeLessThan(0);
    expect(compareVietnamese('1 Tháng 5', 'An')).toBeLessThan(0);
  });

  it('uses case only as a tertiary key', () => {
    expect(compareVietnamese('an', 'An')).toBeLessThan(0);
    expect(compareVietnamese('An', 'ăn')).toBeLessThan(0);
    expect(compareVietnamese('ĐỐNG ĐA', 'hai bà trưng')).toBeLessThan(0);
  });

  it('is 0 only for the same normalised text', () => {
    expect(compareVietnamese('Hoàn Kiếm', ' Hoàn\u00A0Kiếm'.normalize('NFD'))).toBe(0);
    expect(compareVietnamese('Hòa', 'Hoà')).not.toBe(0);
    expect(compareVietnamese('Phường 02', 'Phường 2')).not.toBe(0);
  });

  it('sorts stably and without mutating its input', () => {
    const rows = [
      { id: 1, name: 'Long Biên' },
      { id: 2, name: 'Ba Đình' },
      { id: 3, name: 'Long Biên' },
    ];
    const copy = [...rows];
    expect(sortVietnamese(rows, (r) => r.name).map((r) => r.id)).toEqual([2, 1, 3]);
    expect(rows).toEqual(copy);
  });
});

const VIET = Array.from(
  'aAàảãáạăằắặâầấậbcdDđĐeéêềếệghiíklmnoòóôồốơờớợpqrstuúưừứvxyýỳ 0123456789-–.',
);
const vietString = fc.array(fc.constantFrom(...VIET), { maxLength: 12 }).map((cs) => cs.join(''));
const anyString = fc.oneof(vietString, fc.string({ unit: 'grapheme', maxLength: 10 }));

describe('compareVietnamese: order properties', () => {
  it('is reflexive and antisymmetric, and 0 exactly for equal normalised text', () => {
    fc.assert(
      fc.property(anyString, anyString, (a, b) => {
        expect(compareVietnamese(a, a)).toBe(0);
        expect(sign(compareVietnamese(a, b)) + sign(compareVietnamese(b, a))).toBe(0);
        expect(compareVietnamese(a, b) === 0).toBe(normalizeText(a) === normalizeText(b));
      }),
      { numRuns: 500 },
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(fc.array(anyString, { minLength: 3, maxLength: 8 }), (xs) => {
        const s = sorted(xs);
        for (let i = 0; i < s.length; i++) {
          for (let j = i + 1; j < s.length; j++) {
            expect(compareVietnamese(s[i]!, s[j]!)).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps strings with equal nameKey together', () => {
    const withCaseVariants = vietString.chain((s) =>
      fc.constantFrom(s, s.toUpperCase(), ` ${s} `, s.normalize('NFD')).map((v) => [s, v]),
    );
    fc.assert(
      fc.property(withCaseVariants, vietString, ([a, b], c) => {
        expect(nameKey(a!)).toBe(nameKey(b!));
        if (nameKey(c) !== nameKey(a!)) {
          expect(sign(compareVietnamese(a!, c))).toBe(sign(compareVietnamese(b!, c)));
        }
      }),
      { numRuns: 500 },
    );
  });
});
