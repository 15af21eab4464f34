import { readAwards } from '../../../src/core/awards/readAwards';
import { chooseScope } from '../../../src/core/certificates';
import { headerValues } from '../../../src/core/layout/columns';
import { AWARDS_LAYOUT } from '../../../src/core/layout/tables';

const COLS = AWARDS_LAYOUT.columns.map((c) => c.key);
const OPTIONS = { email: false, sheet: 'Khen thưởng', caption: 'Tạo giấy khen / bằng khen' };

function register(rows: Partial<Record<string, unknown>>[]): ReturnType<typeof readAwards> {
  const grid = [
    headerValues(AWARDS_LAYOUT),
    ...rows.map((o, i) => {
      const v: Record<string, unknown> = {
        recipientType: 'Cá nhân',
        name: `Người ${String(i)}`,
        unit: 'Trường A',
        form: 'Giấy khen',
        level: 'Cơ sở',
        achievement: 'Hoàn thành xuất sắc nhiệm vụ',
        decisionNumber: '1/QĐ',
        decisionDate: '19/01/2023',
        signerTitle: 'CHỦ TỊCH',
        signerName: 'Trần Văn Ký',
        registerNumber: String(100 + i),
        year: 2022,
        ...o,
      };
      return COLS.map((k) => v[k] ?? '');
    }),
  ];
  return readAwards(grid, { defaultYear: 2022 });
}

describe('chooseScope: which register rows a certificate run takes', () => {
  // Sheet rows 2..7; row 4 has a bad e-mail, row 6 is made already.
  const readout = register([{}, {}, { email: 'sai' }, {}, { status: 'Đã tạo' }, {}]);
  const scope = (s: Parameters<typeof chooseScope>[2]) =>
    chooseScope(readout.value, readout.invalid, s, OPTIONS);

  it('takes every pending row without a selection or with one cell (a cursor), silently', () => {
    expect(readout.invalid.map((r) => r.row)).toEqual([4]);
    expect(scope(null)).toEqual({ selection: null, notice: '' });
    expect(scope({ fromRow: 4, toRow: 4, cells: 1 })).toEqual({ selection: null, notice: '' });
  });

  it('takes only chosen rows, saying how many are left outside and how to make all', () => {
    expect(scope({ fromRow: 2, toRow: 3, cells: 2 * COLS.length })).toEqual({
      selection: { fromRow: 2, toRow: 3 },
      notice:
        'Chỉ làm các dòng đang chọn (dòng 2–3 ở trang "Khen thưởng"): 2 dòng. Còn 3 dòng chưa tạo ngoài vùng chọn. ' +
        'Muốn làm tất cả các dòng chưa tạo, bấm chọn một ô bất kỳ (chỉ một ô) rồi chạy lại «Tạo giấy khen / bằng khen».',
    });
  });

  it('a chosen range holding only rows that cannot be made (an error, one made) falls back to all pending rows', () => {
    const s = scope({ fromRow: 4, toRow: 6, cells: 6 });
    // Row 4 is an error and row 6 is made: rows 5 would be made, so the choice stands.
    expect(s.selection).toEqual({ fromRow: 4, toRow: 6 });
    const none = scope({ fromRow: 6, toRow: 6, cells: 3 });
    expect(none).toEqual({
      selection: null,
      notice:
        'Vùng đang chọn (dòng 6 ở trang "Khen thưởng") không có dòng nào tạo được, nên chương trình làm tất cả 5 dòng chưa tạo của trang.',
    });
    expect(scope({ fromRow: 4, toRow: 4, cells: 5 }).selection).toBeNull();
  });
});
