/**
 * The dated list of legal texts (src/core/documents/legalBases.ts): each text's number and dates
 * as its published source gives them (the URL is cited per test and kept in the entry), and
 * which texts a document of a given day or year cites.
 */
import {
  LEGAL_TEXTS,
  inForceOn,
  legalBasisLines,
  legalBasisLinesForYear,
  legalTextsInForce,
  type LegalText,
} from '../../../src/core/documents/legalBases';

function text(key: string): LegalText {
  const found = LEGAL_TEXTS.find((t) => t.key === key);
  if (!found) throw new Error(`no legal text ${key}`);
  return found;
}

describe('each legal text as published', () => {
  it('Luật Thi đua, khen thưởng 2003, amended 14/6/2005 and 16/11/2013', () => {
    // Source: Quyết định 31/2020/QĐ-UBND tỉnh Phú Yên, its "Căn cứ" lines,
    // https://phapluatcongdong.vn/van-ban/quyet-dinh-31-2020-qd-ubnd-ban-hanh-tinh-phu-yen-nam-2020-p43558.htm
    const t = text('luat-tdkt-2003');
    expect(t.source).toContain('phapluatcongdong.vn');
    expect(t.signed).toEqual({ year: 2003, month: 11, day: 26 });
    expect(t.basis).toContain('ngày 26 tháng 11 năm 2003');
    expect(t.basis).toContain('ngày 14 tháng 6 năm 2005');
    expect(t.basis).toContain('ngày 16 tháng 11 năm 2013');
    // Replaced by Law 06/2022/QH15 from 01/01/2024.
    expect(t.inForceUntil).toEqual({ year: 2023, month: 12, day: 31 });
  });

  it('Nghị định 91/2017/NĐ-CP of 31/7/2017, in force 01/10/2017', () => {
    // Source: https://hethongphapluat.com/nghi-dinh-91-2017-nd-cp-huong-dan-luat-thi-dua-khen-thuong/dieu-44
    // ("Ngày ban hành: 31/07/2017 … Ngày hiệu lực: 01/10/2017").
    const t = text('nd91-2017');
    expect(t.source).toContain('nghi-dinh-91-2017');
    expect(t.number).toBe('91/2017/NĐ-CP');
    expect(t.signed).toEqual({ year: 2017, month: 7, day: 31 });
    expect(t.inForceFrom).toEqual({ year: 2017, month: 10, day: 1 });
    expect(t.basis).toBe(
      'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    );
  });

  it('Luật Thi đua, khen thưởng số 06/2022/QH15, passed 15/6/2022, in force 01/01/2024', () => {
    // Source: https://vietjack.me/phap-luat/luat-thi-dua-khen-thuong-2022/chuong-vii-1004.html
    // ("Số hiệu: 06/2022/QH15 … Ngày ban hành: 15/06/2022 | Ngày hiệu lực: 01/01/2024").
    const t = text('luat-06-2022');
    expect(t.source).toContain('vietjack.me');
    expect(t.number).toBe('06/2022/QH15');
    expect(t.signed).toEqual({ year: 2022, month: 6, day: 15 });
    expect(t.inForceFrom).toEqual({ year: 2024, month: 1, day: 1 });
    expect(t.basis).toContain('số 06/2022/QH15 ngày 15 tháng 6 năm 2022');
  });

  it('Nghị định 98/2023/NĐ-CP of 31/12/2023, in force 01/01/2024', () => {
    // Source: https://hethongphapluat.com/nghi-dinh-98-2023-nd-cp-huong-dan-luat-thi-dua-khen-thuong/dieu-114
    // ("Số: 98/2023/NĐ-CP | Hà Nội, ngày 31 tháng 12 năm 2023 … Ngày hiệu lực: 01/01/2024").
    const t = text('nd98-2023');
    expect(t.source).toContain('nghi-dinh-98-2023');
    expect(t.signed).toEqual({ year: 2023, month: 12, day: 31 });
    expect(t.inForceFrom).toEqual({ year: 2024, month: 1, day: 1 });
    expect(t.inForceUntil).toEqual({ year: 2025, month: 6, day: 30 });
    expect(t.basis).toContain(
      'quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    );
  });

  it('Nghị định 152/2025/NĐ-CP of 14/6/2025, in force 01/07/2025', () => {
    // Source: the "Căn cứ" line of Thông tư 15/2025/TT-BNV as quoted in public code
    // ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ;"), found with
    // the search tool's find_string; two more public listings give 14/6/2025. Not yet seen on
    // an official gazette page (the entry's source says so).
    const t = text('nd152-2025');
    expect(t.inForceFrom).toEqual({ year: 2025, month: 7, day: 1 });
    expect(t.signed).toEqual({ year: 2025, month: 6, day: 14 });
    expect(t.basis).toContain('số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025');
    expect(t.source).toContain('15/2025/TT-BNV');
  });
});

describe('texts in force on a day', () => {
  const keys = (on: { year: number; month: number; day: number }): string[] =>
    legalTextsInForce(on).map((t) => t.key);

  it('switches laws and decrees on their first day', () => {
    expect(keys({ year: 2022, month: 2, day: 22 })).toEqual(['luat-tdkt-2003', 'nd91-2017']);
    expect(keys({ year: 2023, month: 12, day: 31 })).toEqual(['luat-tdkt-2003', 'nd91-2017']);
    expect(keys({ year: 2024, month: 1, day: 1 })).toEqual(['luat-06-2022', 'nd98-2023']);
    expect(keys({ year: 2025, month: 6, day: 30 })).toEqual(['luat-06-2022', 'nd98-2023']);
    expect(keys({ year: 2025, month: 7, day: 1 })).toEqual(['luat-06-2022', 'nd152-2025']);
  });

  it('never has two laws or two decrees in force at once', () => {
    for (let year = 2018; year <= 2030; year++) {
      for (const month of [1, 6, 7, 12]) {
        const texts = legalTextsInForce({ year, month, day: 1 });
        expect(texts.filter((t) => t.kind === 'law')).toHaveLength(1);
        expect(texts.filter((t) => t.kind === 'decree')).toHaveLength(1);
      }
    }
  });

  it('takes an undated document of a year at its first day', () => {
    expect(legalBasisLinesForYear(2025)).toEqual(legalBasisLines({ year: 2025, month: 1, day: 1 }));
    expect(legalBasisLinesForYear(2026).join('\n')).toContain('152/2025/NĐ-CP');
    expect(inForceOn(text('nd98-2023'), { year: 2025, month: 1, day: 1 })).toBe(true);
  });
});
