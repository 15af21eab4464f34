import fc from 'fast-check';
import { formatNumberVi } from '../../../src/core/format/vietnamese';
import { parseNumber } from '../../../src/core/parse/number';

const value = (v: unknown, allowPercent = false) => {
  const r = parseNumber(v, { allowPercent });
  return r.kind === 'ok' ? r.value : r.kind;
};

describe('parseNumber', () => {
  it.each<[unknown, number]>([
    [9, 9],
    [9.5, 9.5],
    [-3, -3],
    [' 9 ', 9],
    ['9,5', 9.5],
    ['9.5', 9.5],
    ['9,50', 9.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u00A0234,5', 1234.5],
    ['1.234', 1234],
    ['12.345', 12345],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1.234.567,25', 1234567.25],
    ['1,234', 1.234],
    ['0.125', 0.125],
    ['1234.567', 1234.567],
    [',5', 0.5],
    ['-3', -3],
    ['−3', -3],
    ['+3', 3],
    ['-1.234', -1234],
    ['007', 7],
    ['9,5'.normalize('NFD'), 9.5],
  ])('%p → %p', (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it('turns "-0" into 0', () => {
    expect(Object.is(value('-0'), 0)).toBe(true);
  });

  it.each<unknown>([undefined, null, '', '   ', '\u00A0'])('%p is empty', (input) => {
    expect(parseNumber(input)).toEqual({ kind: 'empty' });
  });

  it.each<unknown>([
    'abc',
    '9,5,3',
    '9.5.3',
    '1.23.456',
    '1,2.5',
    '5,',
    '-',
    '1e3',
    '10đ',
    '9 điểm',
    '1 2',
    '1.234,5,6',
    '1 234.567,8',
    true,
    false,
    NaN,
    Infinity,
    -Infinity,
    new Date(2020, 0, 5),
    {},
    [],
    [9],
    BigInt(9),
  ])('%p is not a number', (input) => {
    expect(parseNumber(input)).toMatchObject({ kind: 'invalid', code: 'not-a-number' });
  });

  it('reads percentages only when allowed', () => {
    expect(value('95%', true)).toBe(0.95);
    expect(value('95 %', true)).toBe(0.95);
    expect(value('9,5%', true)).toBeCloseTo(0.095, 12);
    expect(parseNumber('95%')).toEqual({
      kind: 'invalid',
      code: 'percent-not-allowed',
      reason: 'có dấu %, cần nhập số',
    });
    expect(value('%', true)).toBe('invalid');
  });

  it('round-trips formatNumberVi for numbers with up to 3 decimals', () => {
    const threeDecimals = fc
      .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 999 }))
      .map(([i, f]) => Number(`${String(i)}.${String(f).padStart(3, '0')}`));
    fc.assert(
      fc.property(threeDecimals, (x) => {
        expect(value(formatNumberVi(x))).toBe(x + 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips formatNumberVi for every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(value(formatNumberVi(x))).toBe(x + 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and answers empty, ok with a finite number, or not-a-number (a refused % says so)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.string(), fc.date(), fc.double()),
        fc.boolean(),
        (v, p) => {
          const r = parseNumber(v, { allowPercent: p });
          if (r.kind === 'ok') expect(Number.isFinite(r.value)).toBe(true);
          if (r.kind === 'invalid')
            expect(r.code).toBe(
              !p && typeof v === 'string' && v.trim().endsWith('%')
                ? 'percent-not-allowed'
                : 'not-a-number',
            );
          if (r.kind === 'empty')
            expect(v == null || (typeof v === 'string' && v.trim() === '')).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
