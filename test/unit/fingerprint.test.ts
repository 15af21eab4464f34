import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { canonicalGrid, fnv1a32, gridsFingerprint, hashHex } from '../../src/core/fingerprint';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    // http://www.isthe.com/chongo/src/fnv/test_fnv.c (FNV1A_32 column).
    expect(hashHex(fnv1a32(''))).toBe('811c9dc5');
    expect(hashHex(fnv1a32('a'))).toBe('e40c292c');
    expect(hashHex(fnv1a32('foobar'))).toBe('bf9cf968');
  });

  it('hashes UTF-8 bytes: Vietnamese letters and astral characters as Node encodes them', () => {
    const reference = (text: string): number => {
      let h = 0x811c9dc5;
      for (const b of Buffer.from(text, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
      return h;
    };
    for (const text of ['đ', 'Đống Đa', 'Hoàn Kiếm', '😀 x', 'a\u0301', 'é'])
      expect(fnv1a32(text)).toBe(reference(text));
    expect(fnv1a32('Đống Đa')).not.toBe(fnv1a32('Dong Da'));
  });
});

describe('gridsFingerprint', () => {
  const grids = {
    'Đơn vị': [
      ['Mã đơn vị', 'Tên đơn vị'],
      ['BD', 'Ba Đình'],
    ],
    'Tự chấm': [
      ['Mã đơn vị', 'Đơn vị', '1'],
      ['BD', 'Ba Đình', 19.5],
    ],
  };

  it('is deterministic and ignores the order sheets were read in', () => {
    const again = { 'Tự chấm': grids['Tự chấm'], 'Đơn vị': grids['Đơn vị'] };
    expect(gridsFingerprint(grids)).toBe(gridsFingerprint(grids));
    expect(gridsFingerprint(again)).toBe(gridsFingerprint(grids));
    expect(gridsFingerprint(grids)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('changes when any one cell changes', () => {
    const cell = fc.oneof(fc.string(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(''));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        cell,
        (rows, r, c, replacement) => {
          const row = r % rows.length;
          const width = rows[row]?.length ?? 1;
          const col = c % width;
          const before = rows[row]?.[col];
          const same =
            Object.is(before, replacement) ||
            (before === 0 && replacement === 0) ||
            (before === '' && replacement === '');
          fc.pre(!same);
          const changed = rows.map((line) => [...line]);
          (changed[row] as unknown[])[col] = replacement;
          expect(gridsFingerprint({ S: changed })).not.toBe(gridsFingerprint({ S: rows }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells a number from the same text, and a missing sheet from an empty one', () => {
    expect(gridsFingerprint({ S: [[1]] })).not.toBe(gridsFingerprint({ S: [['1']] }));
    expect(gridsFingerprint({ S: [[true]] })).not.toBe(gridsFingerprint({ S: [['TRUE']] }));
    expect(gridsFingerprint({ S: [['']] }, ['S', 'T'])).not.toBe(
      gridsFingerprint({ S: [['']], T: [] }, ['S', 'T']),
    );
  });

  it('hashes Dates of any realm by their time', () => {
    const ms = Date.UTC(2022, 11, 31, 17, 0);
    const foreign = runInNewContext(`new Date(${String(ms)})`) as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(gridsFingerprint({ S: [[foreign]] })).toBe(gridsFingerprint({ S: [[new Date(ms)]] }));
    expect(gridsFingerprint({ S: [[new Date(ms + 60_000)]] })).not.toBe(
      gridsFingerprint({ S: [[new Date(ms)]] }),
    );
    // A date is not its serial number or its text.
    expect(gridsFingerprint({ S: [[new Date(ms)]] })).not.toBe(gridsFingerprint({ S: [[ms]] }));
  });

  it('ignores trailing empty cells and rows (a data range that grew by formatting)', () => {
    const padded = [
      ['a', 1, '', ''],
      ['', '', '', ''],
      ['', '', '', ''],
    ];
    expect(canonicalGrid(padded)).toBe(canonicalGrid([['a', 1]]));
    expect(gridsFingerprint({ S: padded })).toBe(gridsFingerprint({ S: [['a', 1]] }));
    // An empty row between two rows is content (it moves the next row down).
    expect(gridsFingerprint({ S: [['a'], [''], ['b']] })).not.toBe(
      gridsFingerprint({ S: [['a'], ['b']] }),
    );
    expect(gridsFingerprint({ S: [[-0]] })).toBe(gridsFingerprint({ S: [[0]] }));
  });
});
