import { buildNameIndex, duplicateNames, lookupName } from '../../../src/core/text/match';

type Unit = { code: string; name: string };
const units: Unit[] = [
  { code: 'BD', name: 'Ba Đình' },
  { code: 'DD', name: 'Đống Đa' },
  { code: 'HBT', name: 'Hai Bà Trưng' },
  { code: 'HK', name: 'Hoàn Kiếm' },
  { code: 'HM', name: 'Hoàng Mai' },
  { code: 'LB', name: 'Long Biên' },
];
const names = (u: Unit) => [u.code, u.name];

describe('lookupName', () => {
  const strict = buildNameIndex(units, names);
  const loose = buildNameIndex(units, names, { ignoreDiacritics: true });

  it('finds by code or name without case, spacing or NFD differences', () => {
    expect(lookupName(strict, 'hk')).toEqual({ kind: 'found', item: units[3], exact: true });
    expect(lookupName(strict, '  HOÀN   KIẾM ')).toMatchObject({ kind: 'found', item: units[3] });
    expect(lookupName(strict, 'Đống Đa'.normalize('NFD'))).toMatchObject({ item: units[1] });
  });

  it('needs the diacritics unless asked', () => {
    expect(lookupName(strict, 'Dong Da')).toEqual({ kind: 'none' });
    expect(lookupName(loose, 'Dong Da')).toEqual({ kind: 'found', item: units[1], exact: false });
    expect(lookupName(loose, 'hai ba trung')).toMatchObject({ item: units[2] });
  });

  it('prefers an exact match over a diacritic-insensitive one', () => {
    const wards = [
      { code: 'P1', name: 'Hòa An' },
      { code: 'P2', name: 'Hoa An' },
    ];
    const index = buildNameIndex(wards, (w) => [w.code, w.name], { ignoreDiacritics: true });
    expect(lookupName(index, 'hoa an')).toEqual({ kind: 'found', item: wards[1], exact: true });
    expect(lookupName(index, 'HOÀ AN')).toEqual({ kind: 'found', item: wards[0], exact: true });
    expect(lookupName(index, 'Hóa An')).toEqual({ kind: 'ambiguous', items: wards });
  });

  it('reports ambiguity and nothing for blank or unknown queries', () => {
    const dup = [
      { code: 'A', name: 'Phường 1' },
      { code: 'B', name: 'phường  1' },
    ];
    const index = buildNameIndex(dup, (u) => [u.code, u.name]);
    expect(lookupName(index, 'Phường 1')).toEqual({ kind: 'ambiguous', items: dup });
    expect(duplicateNames(index)).toEqual([{ key: 'phường 1', items: dup }]);
    expect(lookupName(strict, '')).toEqual({ kind: 'none' });
    expect(lookupName(strict, 'Tây Hồ')).toEqual({ kind: 'none' });
  });

  it('does not count an item twice when two of its names share a key', () => {
    const same = [{ code: 'Ba Đình', name: 'BA ĐÌNH' }];
    const index = buildNameIndex(same, (u) => [u.code, u.name]);
    expect(lookupName(index, 'ba đình')).toMatchObject({ kind: 'found' });
    expect(duplicateNames(index)).toEqual([]);
  });
});
