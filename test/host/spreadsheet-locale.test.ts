/**
 * Conformance tests of the file's locale and time zone: properties of the spreadsheet, its
 * creator's by default, that decide how typed input is read and which instant a date is.
 *
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetLocale(String)
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()
 * Sheets help, "Change a spreadsheet's locale, time zone, calculation settings and language":
 * https://support.google.com/docs/answer/58515 ("The locale affects ... how dates and numbers are
 * formatted"; the settings are the file's, for every person who opens it).
 */
import { as, sheetsHost } from './sheetsFixture';
import { ANONYMOUS_USER } from '../../local/host/accounts';
import { DEFAULT_LOCALE, FILE_EDIT_DENIED } from '../../local/host/spreadsheet';

const OWNER = 'owner@thidua.test';
const MEMBER = 'badinh@thidua.test';

function setup(file: { locale?: string; timeZone?: string } = {}) {
  return sheetsHost({ editors: [MEMBER], ...file });
}

const VI_FILE = { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' };
const typedDate = (model: ReturnType<typeof setup>['model'], a1: string): string =>
  (model.valueAt(a1) as Date).toISOString();

describe('the file’s locale and time zone', () => {
  // A new file takes its creator's settings; the host's creator is a consumer account with
  // Google's US defaults, not the product's Vietnamese ones (set-up sets those itself).
  it('default to the creator’s: en_US and America/Los_Angeles', () => {
    const { ss, sheet } = setup();
    expect(DEFAULT_LOCALE).toBe('en_US');
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual([
      'en_US',
      'America/Los_Angeles',
    ]);
    expect(sheet.getName()).toBe('Sheet1');
    const vi = setup(VI_FILE);
    expect([vi.ss.getSpreadsheetLocale(), vi.ss.getSpreadsheetTimeZone()]).toEqual([
      'vi_VN',
      'Asia/Ho_Chi_Minh',
    ]);
  });

  // setSpreadsheetLocale / setSpreadsheetTimeZone change the file's settings, for everyone.
  // The reference does not say who may: the stricter reading is the file's editors only (the
  // Sheets UI offers File > Settings to editors only). ASSUMPTION: the refusal's wording.
  it('are changed by an editor of the file, and by nobody else', () => {
    const { ss, rt } = setup();
    as(rt, MEMBER, () => {
      ss.setSpreadsheetLocale('vi_VN');
    });
    as(rt, OWNER, () => {
      ss.setSpreadsheetTimeZone('Asia/Ho_Chi_Minh');
    });
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual([
      'vi_VN',
      'Asia/Ho_Chi_Minh',
    ]);
    expect(() => {
      as(rt, 'stranger@x.test', () => {
        ss.setSpreadsheetLocale('en_US');
      });
    }).toThrow(FILE_EDIT_DENIED);
    expect(() => {
      as(rt, ANONYMOUS_USER, () => {
        ss.setSpreadsheetTimeZone('UTC');
      });
    }).toThrow(FILE_EDIT_DENIED);
    // ASSUMPTION: a time zone that is not an IANA name is refused.
    expect(() => {
      ss.setSpreadsheetTimeZone('Giờ Hà Nội');
    }).toThrow('Invalid argument');
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual([
      'vi_VN',
      'Asia/Ho_Chi_Minh',
    ]);
  });

  // A typed value is read by the file's locale: day/month and the decimal comma in vi_VN,
  // month/day and the thousands comma in en_US.
  it('decide how a user’s typed value is read', () => {
    const vi = setup(VI_FILE);
    vi.model.userEdit(MEMBER, 'A1:D1', [['05/01/2026', '9,5', '1.234', '1,234']]);
    expect(typedDate(vi.model, 'A1')).toBe('2026-01-04T17:00:00.000Z');
    expect(vi.model.valuesAt('B1:D1')).toEqual([[9.5, 1234, 1.234]]);
    expect(vi.model.displayAt('A1')).toBe('05/01/2026');

    const us = setup();
    us.model.userEdit(MEMBER, 'A1:D1', [['05/01/2026', '9,5', '1.234', '1,234']]);
    expect(typedDate(us.model, 'A1')).toBe('2026-05-01T07:00:00.000Z');
    expect(us.model.valuesAt('B1:D1')).toEqual([['9,5', 1.234, 1234]]);
    expect(us.model.displayAt('D1')).toBe('1,234');
  });

  // The same text typed after the locale changed is read the new way.
  it('read typed values the new way once the locale changes', () => {
    const { ss, model } = setup();
    model.userEdit(MEMBER, 'A1', '9,5');
    ss.setSpreadsheetLocale('vi_VN');
    model.userEdit(MEMBER, 'A2', '9,5');
    expect(model.valuesAt('A1:A2')).toEqual([['9,5'], [9.5]]);
  });

  // Dates read back with getValues are instants of the file's time zone: the typed wall-clock
  // time there.
  it('make a typed date and time an instant of the file’s time zone', () => {
    const hcm = setup(VI_FILE);
    hcm.model.userEdit(MEMBER, 'A1', '05/01/2026 08:30');
    expect(typedDate(hcm.model, 'A1')).toBe('2026-01-05T01:30:00.000Z');
    const utc = setup({ locale: 'vi_VN', timeZone: 'UTC' });
    utc.model.userEdit(MEMBER, 'A1', '05/01/2026');
    expect(typedDate(utc.model, 'A1')).toBe('2026-01-05T00:00:00.000Z');
    const value = hcm.sheet.getRange('A1').getValue() as Date;
    expect(value.getTime()).toBe(Date.parse('2026-01-05T01:30:00Z'));
  });
});
