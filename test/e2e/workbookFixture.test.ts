import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { newHost, seedSampleWorkbook } from './workbookFixture';

describe('e2e workbook fixture', () => {
  it('seeds the sample cluster so the sheets read back as typed', () => {
    const host = newHost();
    seedSampleWorkbook(host);
    const model = host.spreadsheet;
    expect(model.valueAt(`'${SHEET_NAMES.units}'!B7`)).toBe('Long Biên');
    expect(model.valueAt(`'${SHEET_NAMES.selfScores}'!A3`)).toBe('BD');
    // "19,5" typed in a vi_VN sheet is the number 19.5.
    expect(model.valuesAt(`'${SHEET_NAMES.selfScores}'!C3`)).toEqual([[19.5]]);
    expect(host.rt.totalCalls()).toBe(0);
  });
});
