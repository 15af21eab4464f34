/**
 * The legal texts on emulation and commendation (thi đua, khen thưởng), with the dates they are in
 * force (DESIGN §6): the "Căn cứ" lines of a document and, later, the citation of an eligibility
 * rule come from this one list, never from fixed text. Each entry carries the public source its
 * number and dates were checked against (test/unit/documents/legalBases.test.ts).
 *
 * Pure data and date arithmetic: no Apps Script, no sheet.
 */
import type { CalendarDateValue } from '../model/calendarDate';

export type LegalTextKind = 'law' | 'decree';

export interface LegalText {
  /** Stable key, e.g. "nd98-2023": rules will cite texts by it. */
  readonly key: string;
  readonly kind: LegalTextKind;
  /** The official number ("06/2022/QH15"); '' for the 2003 law, cited by its date. */
  readonly number: string;
  /** Day the text was passed or signed; undefined where not checked against a source. */
  readonly signed: CalendarDateValue | undefined;
  /** First day in force. */
  readonly inForceFrom: CalendarDateValue;
  /** Last day in force; undefined while in force. */
  readonly inForceUntil: CalendarDateValue | undefined;
  /** The "Căn cứ …" line a document prints. */
  readonly basis: string;
  /** Where the number and dates were checked. */
  readonly source: string;
}

const d = (year: number, month: number, day: number): CalendarDateValue => ({ year, month, day });

/** Oldest first. */
export const LEGAL_TEXTS: readonly LegalText[] = [
  {
    key: 'luat-tdkt-2003',
    kind: 'law',
    number: '',
    signed: d(2003, 11, 26),
    // The 2003 law's own start (01/07/2004) predates every workbook: only its end matters here.
    inForceFrom: d(2004, 7, 1),
    inForceUntil: d(2023, 12, 31),
    basis:
      'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;',
    source:
      'https://phapluatcongdong.vn/van-ban/quyet-dinh-31-2020-qd-ubnd-ban-hanh-tinh-phu-yen-nam-2020-p43558.htm',
  },
  {
    key: 'nd91-2017',
    kind: 'decree',
    number: '91/2017/NĐ-CP',
    signed: d(2017, 7, 31),
    inForceFrom: d(2017, 10, 1),
    inForceUntil: d(2023, 12, 31),
    basis:
      'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    source:
      'https://hethongphapluat.com/nghi-dinh-91-2017-nd-cp-huong-dan-luat-thi-dua-khen-thuong/dieu-44',
  },
  {
    key: 'luat-06-2022',
    kind: 'law',
    number: '06/2022/QH15',
    signed: d(2022, 6, 15),
    inForceFrom: d(2024, 1, 1),
    inForceUntil: undefined,
    basis: 'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
    source: 'https://vietjack.me/phap-luat/luat-thi-dua-khen-thuong-2022/chuong-vii-1004.html',
  },
  {
    key: 'nd98-2023',
    kind: 'decree',
    number: '98/2023/NĐ-CP',
    signed: d(2023, 12, 31),
    inForceFrom: d(2024, 1, 1),
    // Replaced by Nghị định 152/2025/NĐ-CP from 01/07/2025 (DESIGN §6).
    inForceUntil: d(2025, 6, 30),
    basis:
      'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    source:
      'https://hethongphapluat.com/nghi-dinh-98-2023-nd-cp-huong-dan-luat-thi-dua-khen-thuong/dieu-114',
  },
  {
    key: 'nd152-2025',
    kind: 'decree',
    number: '152/2025/NĐ-CP',
    // 14/6/2025: the "Căn cứ" line of Thông tư 15/2025/TT-BNV as quoted in public code, and two
    // more public listings agree; not yet seen on an official gazette page.
    signed: d(2025, 6, 14),
    inForceFrom: d(2025, 7, 1),
    inForceUntil: undefined,
    basis:
      'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    source:
      'Căn cứ của Thông tư 15/2025/TT-BNV: "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ" (trích trong mã nguồn công khai; chưa đối chiếu Công báo)',
  },
];

function dayNumber(date: CalendarDateValue): number {
  return date.year * 10000 + date.month * 100 + date.day;
}

/** Whether the text is in force on the given day. */
export function inForceOn(text: LegalText, on: CalendarDateValue): boolean {
  const day = dayNumber(on);
  return (
    dayNumber(text.inForceFrom) <= day &&
    (text.inForceUntil === undefined || day <= dayNumber(text.inForceUntil))
  );
}

/** The texts in force on the given day, laws before decrees, oldest first. */
export function legalTextsInForce(on: CalendarDateValue): LegalText[] {
  const order: Record<LegalTextKind, number> = { law: 0, decree: 1 };
  return LEGAL_TEXTS.filter((t) => inForceOn(t, on)).sort((a, b) => order[a.kind] - order[b.kind]);
}

/**
 * The "Căn cứ" lines of a document dated `on`; a document of an emulation year not yet dated is
 * taken at the year's first day (pledges are signed in its first weeks).
 */
export function legalBasisLines(on: CalendarDateValue): string[] {
  return legalTextsInForce(on).map((t) => t.basis);
}

export function legalBasisLinesForYear(year: number): string[] {
  return legalBasisLines(d(year, 1, 1));
}
