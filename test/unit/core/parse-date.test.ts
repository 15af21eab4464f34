import fc from 'fast-check';
import { compareCalendarDates, isValidCalendarDate, parseDate } from '../../../src/core/parse/date';
import type { CalendarDate } from '../../../src/core/parse/date';
import { parseEmail, parseText } from '../../../src/core/parse/text';
import { formatDayMonthYear, formatShortDate } from '../../../src/core/format/vietnamese';
import * as vm from 'node:vm';

const jan5: CalendarDate = { year: 2020, month: 1, day: 5 };

describe('parseDate', () => {
  it.each<unknown>([
    '05/01/2020',
    '5/1/2020',
    '05-01-2020',
    '05.01.2020',
    ' 05 / 01 / 2020 ',
    '2020-01-05',
    'ngày 05 tháng 01 năm 2020',
    'Ngày 5 tháng 1 năm 2020',
    'NGÀY 05 THÁNG 01 NĂM 2020'.normalize('NFD'),
    '05 tháng 01 năm 2020',
  ])('%p → 5 January 2020', (v) => {
    expect(parseDate(v)).toEqual({ kind: 'ok', value: jan5 });
  });

  it('reads a Date at UTC+7 by default, or at the offset given', () => {
    // Midnight of 5 January in Hà Nội is 17:00 UTC on 4 January.
    const midnightHanoi = new Date(Date.UTC(2020, 0, 4, 17, 0));
    expect(parseDate(midnightHanoi)).toEqual({ kind: 'ok', value: jan5 });
    expect(parseDate(midnightHanoi, { offsetMinutes: 0 })).toEqual({
      kind: 'ok',
      value: { year: 2020, month: 1, day: 4 },
    });
  });

  it('reads a Date from another realm', () => {
    const foreign: unknown = vm.runInNewContext('new Date(Date.UTC(2020, 0, 4, 17, 0))');
    expect(foreign instanceof Date).toBe(false);
    expect(parseDate(foreign)).toEqual({ kind: 'ok', value: jan5 });
  });

  it.each<unknown>([
    '31/02/2020',
    '29/02/2021',
    '32/01/2020',
    '12/31/2020',
    '5/1/20',
    '05/01-2020',
    '2020-13-01',
    'abc',
    'ngày 05 tháng 13 năm 2020',
    43835,
    true,
    new Date(NaN),
    {},
    { [Symbol.toStringTag]: 'Date' },
  ])('%p is invalid', (v) => {
    expect(parseDate(v)).toMatchObject({ kind: 'invalid', code: 'invalid-date' });
  });

  it('accepts 29 February of leap years only', () => {
    expect(parseDate('29/02/2020')).toMatchObject({ kind: 'ok' });
    expect(parseDate('29/02/2000')).toMatchObject({ kind: 'ok' });
    expect(parseDate('29/02/1900')).toMatchObject({ kind: 'invalid' });
  });

  it.each<unknown>(['', '  ', null, undefined])('%p is empty', (v) => {
    expect(parseDate(v)).toEqual({ kind: 'empty' });
  });

  it('reads back what formatShortDate and formatDayMonthYear write', () => {
    const calendarDate = fc
      .date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d): CalendarDate => ({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
      }));
    fc.assert(
      fc.property(calendarDate, (d) => {
        expect(isValidCalendarDate(d)).toBe(true);
        expect(parseDate(formatShortDate(d))).toEqual({ kind: 'ok', value: d });
        expect(parseDate(formatDayMonthYear(d))).toEqual({ kind: 'ok', value: d });
      }),
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.string(), fc.date()),
        fc.integer({ min: -840, max: 840 }),
        (v, offsetMinutes) => {
          const r = parseDate(v, { offsetMinutes });
          if (r.kind === 'ok') expect(isValidCalendarDate(r.value)).toBe(true);
          if (r.kind === 'invalid') expect(r.code).toBe('invalid-date');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('compareCalendarDates', () => {
  it('orders by year, month, day', () => {
    expect(compareCalendarDates(jan5, { year: 2020, month: 1, day: 6 })).toBeLessThan(0);
    expect(compareCalendarDates({ year: 2019, month: 12, day: 31 }, jan5)).toBeLessThan(0);
    expect(compareCalendarDates(jan5, { ...jan5 })).toBe(0);
    expect(compareCalendarDates({ year: 2020, month: 2, day: 1 }, jan5)).toBeGreaterThan(0);
  });
});

describe('parseText and parseEmail', () => {
  it('normalises text and renders numbers without locale', () => {
    expect(parseText('  Hoàn\u00A0Kiếm ')).toEqual({ kind: 'ok', value: 'Hoàn Kiếm' });
    expect(parseText(101)).toEqual({ kind: 'ok', value: '101' });
    expect(parseText(9.5)).toEqual({ kind: 'ok', value: '9.5' });
    expect(parseText(true)).toEqual({ kind: 'ok', value: 'TRUE' });
    expect(parseText(' ')).toEqual({ kind: 'empty' });
    expect(parseText(null)).toEqual({ kind: 'empty' });
    expect(parseText(new Date())).toMatchObject({ kind: 'invalid', code: 'invalid-value' });
    expect(parseText(NaN)).toMatchObject({ kind: 'invalid', code: 'invalid-value' });
  });

  it('accepts plausible e-mail addresses only', () => {
    expect(parseEmail(' vanthu.hoankiem@hanoi.gov.vn ')).toEqual({
      kind: 'ok',
      value: 'vanthu.hoankiem@hanoi.gov.vn',
    });
    expect(parseEmail('')).toEqual({ kind: 'empty' });
    for (const bad of [
      'abc',
      'a@b',
      'a@@b.vn',
      '.a@b.vn',
      'a..b@c.vn',
      'a b@c.vn',
      'Tâm@ubnd.vn',
      'a@-b.vn',
      42,
    ]) {
      expect(parseEmail(bad)).toMatchObject({ kind: 'invalid', code: 'invalid-email' });
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.date()), (v) => {
        for (const r of [parseText(v), parseEmail(v)]) {
          expect(['empty', 'ok', 'invalid']).toContain(r.kind);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
