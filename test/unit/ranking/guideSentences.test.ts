/**
 * Core tests named after the guide's sentences (HUONG_DAN.md, "Quy tắc tính điểm và xếp hạng")
 * that the other core tests do not name: the empty tie-break chain and the band edges.
 */
import { classifyTotal } from '../../../src/core/ranking/classify';
import { tieBreakLeftBlank } from '../../../src/core/ranking/rankWorkbook';
import { tieBreakChainText } from '../../../src/core/ranking/rankingSheet';
import {
  DEFAULT_CLASSIFICATION_BANDS,
  DEFAULT_FALLBACK_CLASSIFICATION,
} from '../../../src/core/model/settings';
import { SETTING_ROWS } from '../../../src/core/layout/settings';

const TIE_BREAK_LABEL = SETTING_ROWS.find((r) => r.key === 'tieBreak')?.label ?? '';
const BANDS = {
  classificationBands: DEFAULT_CLASSIFICATION_BANDS,
  fallbackClassification: DEFAULT_FALLBACK_CLASSIFICATION,
};

describe('Để trống "Thứ tự ưu tiên khi bằng điểm": không dùng tiêu chí phụ, các đơn vị bằng điểm đồng hạng', () => {
  it('a blank value of the row is read as no chain; a value or a missing row is not', () => {
    expect(
      tieBreakLeftBlank([
        ['Tên cụm', 'Cụm 1'],
        [TIE_BREAK_LABEL, ''],
      ]),
    ).toBe(true);
    expect(tieBreakLeftBlank([[TIE_BREAK_LABEL, '   ']])).toBe(true);
    expect(tieBreakLeftBlank([[TIE_BREAK_LABEL]])).toBe(true);
    expect(tieBreakLeftBlank([[TIE_BREAK_LABEL, 'Ít điểm trừ hơn']])).toBe(false);
    expect(tieBreakLeftBlank([['Tên cụm', 'Cụm 1']])).toBe(false);
    expect(tieBreakLeftBlank(undefined)).toBe(false);
  });

  it('Xếp hạng says which chain it used, and that none was used', () => {
    expect(tieBreakChainText({ tieBreak: [] })).toMatch(/không/i);
    expect(tieBreakChainText({ tieBreak: [{ kind: 'fewerPenalty' }] })).not.toBe(
      tieBreakChainText({ tieBreak: [] }),
    );
  });
});

describe('Điểm được tính chính xác đến phần trăm điểm (0,01): … không có sai số nhị phân ở ngưỡng xếp loại', () => {
  it('a total exactly at a band edge reaches the band, one hundredth below does not', () => {
    expect(classifyTotal(95, 100, BANDS).label).toBe('Xuất sắc');
    expect(classifyTotal(94.99, 100, BANDS).label).toBe('Tốt');
    expect(classifyTotal(85, 100, BANDS).label).toBe('Tốt');
    expect(classifyTotal(84.99, 100, BANDS).label).toBe('Khá');
    // 0.1 + 0.2 style sums: 95 reached through binary residue still counts as 95.
    expect(classifyTotal(30.1 + 30.2 + 34.7, 100, BANDS).label).toBe('Xuất sắc');
    // 87,5 % of a 120-point maximum is 105.
    expect(classifyTotal(105, 120, BANDS).label).toBe('Tốt');
    expect(classifyTotal(101.99, 120, BANDS).label).toBe('Khá');
  });
});
