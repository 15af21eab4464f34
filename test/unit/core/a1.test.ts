import fc from 'fast-check';
import {
  cellA1,
  columnIndex,
  columnLetter,
  parseA1,
  quoteSheetName,
  rangeA1,
  sheetRangeA1,
  tryParseA1,
} from '../../../src/core/a1';

describe('columnLetter / columnIndex', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [18278, 'ZZZ'],
  ])('%i ↔ %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it('accepts lower case and rejects bad input', () => {
    expect(columnIndex('ab')).toBe(28);
    expect(() => columnIndex('A1')).toThrow(RangeError);
    expect(() => columnIndex('')).toThrow(RangeError);
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
  });

  it('round-trips every column up to ZZZ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 18278 }), (n) => columnIndex(columnLetter(n)) === n),
    );
  });
});

describe('cellA1 / rangeA1 / parseA1', () => {
  it('writes cells and ranges', () => {
    expect(cellA1(5, 3)).toBe('C5');
    expect(rangeA1(1, 1, 1, 8)).toBe('A1:H1');
    expect(rangeA1(5, 3, 1, 1)).toBe('C5');
    expect(rangeA1(2, 27, 10, 2)).toBe('AA2:AB11');
  });

  it('parses cells, ranges, absolute refs, reversed corners and sheet prefixes', () => {
    expect(parseA1('C5')).toEqual({ row: 5, column: 3, numRows: 1, numColumns: 1 });
    expect(parseA1('A1:H1')).toEqual({ row: 1, column: 1, numRows: 1, numColumns: 8 });
    expect(parseA1('$B$2:$C$10')).toEqual({ row: 2, column: 2, numRows: 9, numColumns: 2 });
    expect(parseA1('H3:A1')).toEqual({ row: 1, column: 1, numRows: 3, numColumns: 8 });
    expect(parseA1("'Tự chấm'!C5")).toEqual({ row: 5, column: 3, numRows: 1, numColumns: 1 });
  });

  it('refuses what is not a cell', () => {
    for (const bad of ['', 'A0', '5', 'C', 'C:C', 'A1:B2:C3', 'ABCD1']) {
      expect(tryParseA1(bad)).toBeNull();
      expect(() => parseA1(bad)).toThrow(RangeError);
    }
  });

  it('parseA1 inverts rangeA1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (row, column, numRows, numColumns) => {
          expect(parseA1(rangeA1(row, column, numRows, numColumns))).toEqual({
            row,
            column,
            numRows,
            numColumns,
          });
        },
      ),
    );
  });
});

describe('quoteSheetName', () => {
  it('quotes only when needed', () => {
    expect(quoteSheetName('Units')).toBe('Units');
    expect(quoteSheetName('Tự chấm')).toBe("'Tự chấm'");
    expect(quoteSheetName('Q1 2023')).toBe("'Q1 2023'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('R1C1')).toBe("'R1C1'");
    expect(quoteSheetName("Don't")).toBe("'Don''t'");
    expect(sheetRangeA1('Tự chấm', 'C5')).toBe("'Tự chấm'!C5");
  });
});
