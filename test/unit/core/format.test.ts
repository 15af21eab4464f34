import fc from 'fast-check';
import {
  formatDayMonthYear,
  formatDocumentNumber,
  formatNumberVi,
  formatPercentVi,
  formatPlaceDate,
  formatShortDate,
  upperVi,
} from '../../../src/core/format/vietnamese';

describe('dates per Decree 30/2020/NĐ-CP', () => {
  it('pads days under 10 and months 1–2 only', () => {
    expect(formatDayMonthYear({ year: 2020, month: 1, day: 5 })).toBe('ngày 05 tháng 01 năm 2020');
    expect(formatDayMonthYear({ year: 2023, month: 2, day: 28 })).toBe('ngày 28 tháng 02 năm 2023');
    expect(formatDayMonthYear({ year: 2023, month: 3, day: 15 })).toBe('ngày 15 tháng 3 năm 2023');
    expect(formatDayMonthYear({ year: 2023, month: 9, day: 2 })).toBe('ngày 02 tháng 9 năm 2023');
    expect(formatDayMonthYear({ year: 2023, month: 12, day: 10 })).toBe(
      'ngày 10 tháng 12 năm 2023',
    );
  });

  it('writes the place-and-date line', () => {
    expect(formatPlaceDate('Hà Nội', { year: 2020, month: 1, day: 5 })).toBe(
      'Hà Nội, ngày 05 tháng 01 năm 2020',
    );
    expect(formatPlaceDate(' Hải\u00A0Phòng ', { year: 2025, month: 7, day: 1 })).toBe(
      'Hải Phòng, ngày 01 tháng 7 năm 2025',
    );
  });

  it('writes the short form with both parts padded', () => {
    expect(formatShortDate({ year: 2020, month: 1, day: 5 })).toBe('05/01/2020');
    expect(formatShortDate({ year: 2023, month: 11, day: 20 })).toBe('20/11/2023');
  });

  it('refuses impossible dates', () => {
    expect(() => formatDayMonthYear({ year: 2020, month: 2, day: 30 })).toThrow(RangeError);
    expect(() => formatShortDate({ year: 2020, month: 0, day: 1 })).toThrow(RangeError);
  });
});

describe('formatDocumentNumber', () => {
  it('pads numbers under 10', () => {
    expect(formatDocumentNumber(5, 'QĐ-UBND')).toBe('Số: 05/QĐ-UBND');
    expect(formatDocumentNumber(15, 'QĐ-UBND')).toBe('Số: 15/QĐ-UBND');
    expect(formatDocumentNumber(163, 'QĐ-UBND')).toBe('Số: 163/QĐ-UBND');
    expect(formatDocumentNumber(20, 'KH-UBND')).toBe('Số: 20/KH-UBND');
  });

  it('refuses non-positive or fractional numbers', () => {
    for (const n of [0, -1, 2.5, NaN])
      expect(() => formatDocumentNumber(n, 'QĐ')).toThrow(RangeError);
  });
});

describe('formatNumberVi', () => {
  it.each<[number, object, string]>([
    [9.5, {}, '9,5'],
    [1234.5, {}, '1.234,5'],
    [100, {}, '100'],
    [1234, {}, '1.234'],
    [1234567.891, {}, '1.234.567,891'],
    [-3, {}, '-3'],
    [-1234.5, {}, '-1.234,5'],
    [0, {}, '0'],
    [-0, {}, '0'],
    [0.1 + 0.2, {}, '0,30000000000000004'],
    [0.1 + 0.2, { decimals: 2 }, '0,3'],
    [1.005, { decimals: 2 }, '1,01'],
    [9.96, { decimals: 1 }, '10'],
    [9.96, { decimals: 1, minDecimals: 1 }, '10,0'],
    [9.5, { decimals: 2, minDecimals: 2 }, '9,50'],
    [2.5, { decimals: 0 }, '3'],
    [-2.5, { decimals: 0 }, '-3'],
    [-0.0001, { decimals: 2 }, '0'],
    [999999.9996, { decimals: 3 }, '1.000.000'],
    [1e21, {}, '1.000.000.000.000.000.000.000'],
    [1e-7, {}, '0,0000001'],
  ])('%p %p → %p', (n, options, expected) => {
    expect(formatNumberVi(n, options)).toBe(expected);
  });

  it('returns non-finite numbers as String does instead of throwing', () => {
    expect(formatNumberVi(NaN)).toBe('NaN');
    expect(formatNumberVi(Infinity)).toBe('Infinity');
  });

  it('never prints an exponent, a locale-specific character or more decimals than asked', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, d) => {
          const text = formatNumberVi(x, { decimals: d });
          expect(text).toMatch(/^-?\d{1,3}(\.\d{3})*(,\d+)?$/);
          expect((text.split(',')[1] ?? '').length).toBeLessThanOrEqual(d);
        },
      ),
    );
  });
});

describe('formatPercentVi', () => {
  it('formats ratios with a decimal comma and a space before %', () => {
    expect(formatPercentVi(2 / 3, 1)).toBe('66,7 %');
    expect(formatPercentVi(0.5)).toBe('50 %');
    expect(formatPercentVi(0.07, 1)).toBe('7 %');
    expect(formatPercentVi(1)).toBe('100 %');
    expect(formatPercentVi(0.12345, 2)).toBe('12,35 %');
  });
});

describe('upperVi', () => {
  it('upper-cases every Vietnamese letter, including đ', () => {
    expect(upperVi('đống đa')).toBe('ĐỐNG ĐA');
    expect(upperVi('ủy ban nhân dân quận hoàn kiếm')).toBe('ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM');
    expect(upperVi('bằng khen'.normalize('NFD'))).toBe('BẰNG KHEN');
    expect(upperVi('ưu tú')).toBe('ƯU TÚ');
  });
});
