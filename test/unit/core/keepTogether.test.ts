/** keepTogetherVi: where Vietnamese typography keeps words on one line (issue 11, point 3). */
import fc from 'fast-check';
import { NBSP, keepTogetherVi } from '../../../src/core/format/vietnamese';
import { formatValue } from '../../../src/core/template/values';

const shown = (s: string): string => s.split(NBSP).join('_');

describe('keepTogetherVi', () => {
  it.each([
    [
      'Quyết định số 635/QĐ-UBND ngày 05 tháng 01 năm 2023',
      'Quyết_định số_635/QĐ-UBND ngày_05_tháng_01_năm_2023',
    ],
    [
      'trong phong trào thi đua năm 2022 (xếp hạng 1/6, xếp loại Xuất sắc).',
      'trong phong trào thi_đua năm_2022 (xếp_hạng_1/6, xếp_loại Xuất_sắc).',
    ],
    ['đạt 95 điểm, 2 năm liền, 9,5 điểm', 'đạt_95_điểm, 2_năm liền, 9,5_điểm'],
    ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn_thành xuất_sắc nhiệm_vụ'],
    ['Lao động tiên tiến', 'Lao_động tiên_tiến'],
    ['Nguyễn Thị Lan', 'Nguyễn Thị Lan'],
  ])('%s', (input, expected) => {
    expect(shown(keepTogetherVi(input))).toBe(expected);
  });

  it('changes only spaces: the text read back is the text given', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = keepTogetherVi(s);
        expect(out.split(NBSP).join(' ')).toBe(s.normalize('NFC'));
      }),
    );
  });

  it('is the lien formatter of templates, after ngay', () => {
    const out = formatValue({ year: 2023, month: 1, day: 5 }, [
      { name: 'ngay', arg: undefined },
      { name: 'lien', arg: undefined },
    ]);
    expect(out).toEqual({
      ok: true,
      text: `ngày${NBSP}05${NBSP}tháng${NBSP}01${NBSP}năm${NBSP}2023`,
    });
  });
});
