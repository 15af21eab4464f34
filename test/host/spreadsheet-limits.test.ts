/**
 * Conformance tests of the documented size limits of a spreadsheet.
 *
 * "Files you can store in Google Drive" (https://support.google.com/drive/answer/37603):
 * spreadsheets hold up to 10 million cells or 18,278 columns (column ZZZ); a cell holds at most
 * 50,000 characters. The two error texts are the ones Sheets and Apps Script are widely reported
 * to give; the column-limit wording is an ASSUMPTION.
 */
import { sheetsHost } from './sheetsFixture';
import {
  CELL_CHARACTER_LIMIT,
  COLUMN_LIMIT,
  LIMIT_MESSAGES,
  workbookCells,
} from '../../local/host/spreadsheet';

const MEMBER = 'badinh@thidua.test';
const CELL_TEXT = 'Your input contains more than the maximum of 50000 characters in a single cell.';
const WORKBOOK =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

function setup() {
  return sheetsHost({ editors: [MEMBER] });
}

describe('a cell holds at most 50,000 characters', () => {
  const full = 'x'.repeat(CELL_CHARACTER_LIMIT);
  const over = `${full}x`;

  it('takes exactly 50,000', () => {
    const { sheet } = setup();
    expect(LIMIT_MESSAGES.cellText).toBe(CELL_TEXT);
    sheet.getRange('A1').setValue(full);
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50000);
    sheet.getRange('A2').setFormula(`="${'y'.repeat(CELL_CHARACTER_LIMIT - 3)}"`);
  });

  it('refuses a longer value or formula from every write method, writing nothing', () => {
    const { sheet, model } = setup();
    const writes: Array<() => unknown> = [
      () => sheet.getRange('A1').setValue(over),
      () => sheet.getRange('A1:B1').setValues([['ngắn', over]]),
      () => sheet.getRange('A1').setFormula(`="${full}"`),
      () => sheet.getRange('A1:B1').setFormulas([['=1', `="${full}"`]]),
      () => sheet.appendRow(['ngắn', over]),
    ];
    for (const write of writes) expect(write).toThrow(CELL_TEXT);
    expect(model.valuesAt('A1:B1')).toEqual([['', '']]);
    expect(model.cellAt('A1')?.f).toBeUndefined();
  });

  it('refuses a longer value a user types, changing nothing', () => {
    const { model } = setup();
    expect(model.userEdit(MEMBER, 'A1', over)).toMatchObject({
      accepted: false,
      code: 'tooLong',
      reason: CELL_TEXT,
    });
    expect(model.cellAt('A1')).toBeUndefined();
    expect(model.userEdit(MEMBER, 'A1', full).accepted).toBe(true);
  });
});

describe('a spreadsheet holds at most 10 million cells', () => {
  // Sheets counts the grid, empty cells included: a new sheet is 1,000 × 26.
  it('refuses rows, columns, sheets and appended rows that would pass the limit', () => {
    const { ss, sheet } = setup();
    expect(LIMIT_MESSAGES.workbookCells).toBe(WORKBOOK);
    sheet.insertRowsAfter(1000, 383000); // 384,000 × 26 = 9,984,000 cells
    expect(() => sheet.insertRowsAfter(1, 1000)).toThrow(WORKBOOK);
    expect(() => sheet.insertRowsBefore(1, 1000)).toThrow(WORKBOOK);
    expect(() => sheet.insertColumnAfter(26)).toThrow(WORKBOOK);
    expect(() => sheet.insertColumnsBefore(1, 1)).toThrow(WORKBOOK);
    expect(() => ss.insertSheet('Tổng hợp')).toThrow(WORKBOOK);
    expect(ss.getSheets()).toHaveLength(1);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([384000, 26]);
    sheet.insertRowsAfter(1, 615); // 384,615 × 26 = 9,999,990
    sheet.getRange(sheet.getMaxRows(), 1).setValue('dòng cuối');
    expect(() => sheet.appendRow(['một dòng nữa'])).toThrow(WORKBOOK);
    expect(sheet.getMaxRows()).toBe(384615);
  });

  it('counts every sheet of the file', () => {
    const { ss, sheet, model } = setup();
    sheet.insertRowsAfter(1000, 191000); // 192,000 × 26 = 4,992,000
    ss.insertSheet('Bản sao', { template: sheet }); // 9,984,000
    expect(workbookCells(model)).toBe(9984000);
    expect(() => ss.insertSheet()).toThrow(WORKBOOK);
    sheet.deleteRows(2, 100000);
    expect(() => ss.insertSheet()).not.toThrow();
  });
});

describe('a sheet has at most 18,278 columns (ZZZ)', () => {
  it('refuses a column past ZZZ', () => {
    const { sheet } = setup();
    sheet.deleteRows(2, 999);
    sheet.insertColumnsAfter(26, COLUMN_LIMIT - 26);
    expect(sheet.getRange(1, COLUMN_LIMIT).getA1Notation()).toBe('ZZZ1');
    expect(() => sheet.insertColumnAfter(1)).toThrow(LIMIT_MESSAGES.columns);
    expect(sheet.getMaxColumns()).toBe(COLUMN_LIMIT);
  });
});
