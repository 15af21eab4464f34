import { readHistory } from '../../../src/core/history/readHistory';
import { HISTORY_LAYOUT, headerValues } from '../../../src/core/layout';
import { historyItemKind, ratingOf, subjectKey } from '../../../src/core/model/history';

const header = headerValues(HISTORY_LAYOUT);
const row = (values: Partial<Record<string, unknown>>): unknown[] =>
  HISTORY_LAYOUT.columns.map((c) => values[c.key] ?? '');

describe('readHistory', () => {
  it('reads entries with their rows and leaves a bad row out, naming its cell', () => {
    const grid = [
      header,
      row({
        year: 2021,
        subjectType: 'Cá nhân',
        name: 'Nguyễn Thị Lan',
        unit: 'Ba Đình',
        item: 'HTXSNV',
      }),
      row({
        year: 'năm ngoái',
        subjectType: 'Cá nhân',
        name: 'Trần Văn An',
        item: 'Lao động tiên tiến',
      }),
      row({
        year: 2022,
        subjectType: 'Tập thể',
        name: 'Ủy ban MTTQ Việt Nam quận Ba Đình',
        item: 'Cờ thi đua',
        level: 'Bộ, ngành, tỉnh / thành phố',
        decisionNumber: '163/QĐ-UBND',
        decisionDate: '19/01/2023',
      }),
    ];
    const read = readHistory(grid);
    expect(read.value.map((e) => [e.row, e.year, e.subjectType, e.item, e.level])).toEqual([
      [2, 2021, 'individual', 'HTXSNV', undefined],
      [4, 2022, 'collective', 'Cờ thi đua', 'ministryProvince'],
    ]);
    expect(read.value[1]?.decisionDate).toEqual({ year: 2023, month: 1, day: 19 });
    const bad = read.findings.filter((f) => f.severity === 'error');
    expect(bad.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['Lịch sử thi đua, khen thưởng!A3']);
    expect(read.lastRow).toBe(4);
  });

  it('names the imported file’s sheet in its findings', () => {
    const read = readHistory([header, row({ year: 2020, name: 'X', item: 'HTTNV' })], 'Sheet1');
    expect(read.findings.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['Sheet1!B2']);
  });
});

describe('history items and subjects', () => {
  it('tells ratings, initiatives, titles and forms apart', () => {
    expect(ratingOf('htxsnv')).toBe('excellent');
    expect(ratingOf('Hoàn thành tốt nhiệm vụ')).toBe('good');
    expect(ratingOf('Hoàn thành')).toBeUndefined();
    expect(historyItemKind('Sáng kiến cải tiến quy trình tiếp dân')).toBe('initiative');
    expect(historyItemKind('Chiến sĩ thi đua cơ sở')).toBe('title');
    expect(historyItemKind('Bằng khen của Thủ tướng Chính phủ')).toBe('form');
    expect(historyItemKind('HTNV')).toBe('rating');
  });

  it('keys an individual by name and unit, a collective by name, without case or marks', () => {
    const a = subjectKey({ subjectType: 'individual', name: 'Nguyễn Thị  Lan', unit: 'Ba Đình' });
    expect(a).toBe(
      subjectKey({ subjectType: 'individual', name: 'nguyen thi lan', unit: 'BA DINH' }),
    );
    expect(a).not.toBe(
      subjectKey({ subjectType: 'individual', name: 'Nguyễn Thị Lan', unit: 'Hoàn Kiếm' }),
    );
    expect(subjectKey({ subjectType: 'collective', name: 'Hoàn Kiếm', unit: 'x' })).toBe(
      subjectKey({ subjectType: 'collective', name: 'hoan kiem', unit: '' }),
    );
  });
});
