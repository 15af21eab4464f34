import fc from 'fast-check';
import {
  foldCase,
  nameKey,
  normalizeText,
  stripDiacritics,
} from '../../../src/core/text/normalize';

/** Every precomposed Vietnamese letter, lower and upper case. */
const VIETNAMESE_LETTERS =
  'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ';
const ALL_LETTERS = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.toUpperCase();

describe('normalizeText', () => {
  it('trims, collapses whitespace including NBSP and converts to NFC', () => {
    expect(normalizeText('  Hoàn\u00A0\u00A0Kiếm \t')).toBe('Hoàn Kiếm');
    expect(normalizeText('Đống\u202FĐa\nquận')).toBe('Đống Đa quận');
    const nfd = 'Hoàn Kiếm'.normalize('NFD');
    expect(nfd).not.toBe('Hoàn Kiếm');
    expect(normalizeText(nfd)).toBe('Hoàn Kiếm');
    expect(normalizeText('Ba\u200BĐình')).toBe('BaĐình');
    expect(normalizeText('   ')).toBe('');
  });

  it('is idempotent and yields NFC without edge or double spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (a, b) => {
        for (const s of [a, b, a + '\u00A0 \u0301' + b]) {
          const once = normalizeText(s);
          expect(normalizeText(once)).toBe(once);
          expect(once.normalize('NFC')).toBe(once);
          expect(once).not.toMatch(/^\s|\s$|\s\s|[\t\n\u00A0]/);
        }
      }),
    );
  });
});

describe('foldCase', () => {
  it('lower-cases Vietnamese capitals, including Đ', () => {
    expect(foldCase('ĐỐNG ĐA')).toBe('đống đa');
    expect(foldCase('HAI BÀ TRƯNG')).toBe('hai bà trưng');
  });
});

describe('stripDiacritics', () => {
  it('removes tone and vowel marks and maps đ', () => {
    expect(stripDiacritics('Đống Đa')).toBe('Dong Da');
    expect(stripDiacritics('Hai Bà Trưng')).toBe('Hai Ba Trung');
    expect(stripDiacritics('Nguyễn Thị Ửng')).toBe('Nguyen Thi Ung');
    expect(stripDiacritics('Ðình')).toBe('Dinh');
    expect(stripDiacritics('Hoàn Kiếm'.normalize('NFD'))).toBe('Hoan Kiem');
  });

  it('maps every Vietnamese letter to ASCII', () => {
    for (const ch of ALL_LETTERS) expect(stripDiacritics(ch)).toMatch(/^[A-Za-z]$/);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...Array.from(ALL_LETTERS + ' 0123456789'))),
        (chars) => {
          // eslint-disable-next-line no-control-regex
          expect(stripDiacritics(chars.join(''))).toMatch(/^[\x00-\x7F]*$/);
        },
      ),
    );
  });
});

describe('nameKey', () => {
  it('ignores case, spacing and NFD; keeps diacritics unless asked', () => {
    expect(nameKey('  ĐỐNG   ĐA ')).toBe('đống đa');
    expect(nameKey('Đống Đa'.normalize('NFD'))).toBe('đống đa');
    expect(nameKey('Dong Da')).not.toBe(nameKey('Đống Đa'));
    expect(nameKey('Dong Da', { ignoreDiacritics: true })).toBe(
      nameKey('Đống Đa', { ignoreDiacritics: true }),
    );
  });

  it('unifies old and new tone placement', () => {
    expect(nameKey('Thanh Hóa')).toBe(nameKey('Thanh Hoá'));
    expect(nameKey('Hòa Bình')).toBe(nameKey('Hoà Bình'));
    expect(nameKey('khỏe')).toBe(nameKey('khoẻ'));
    expect(nameKey('THỦY')).toBe(nameKey('thuỷ'));
    // Closed syllables are spelled one way only and must stay as they are.
    expect(nameKey('Hoàng')).toBe('hoàng');
    expect(nameKey('hòang')).toBe('hòang');
    // Different tones stay different.
    expect(nameKey('Hòa')).not.toBe(nameKey('Hóa'));
  });

  it('unifies dashes', () => {
    expect(nameKey('Phòng Tài chính – Kế hoạch')).toBe(nameKey('Phòng Tài chính - Kế hoạch'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (s, ignoreDiacritics) => {
        const key = nameKey(s, { ignoreDiacritics });
        expect(nameKey(key, { ignoreDiacritics })).toBe(key);
      }),
    );
  });
});
