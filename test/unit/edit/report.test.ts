import { NO_FINDINGS_MESSAGE, reportRows, reportSummary } from '../../../src/core/edit/report';
import { finding } from '../../../src/core/findings';

describe('Kiểm tra dữ liệu report', () => {
  const findings = [
    finding('Tự chấm', 'C6', 'above-max', 25, { max: 20 }),
    finding('Tiêu chí', 'G2', 'group-max-mismatch', 60, { sum: 50, max: 60 }),
  ];

  it('has one row per finding: sheet, cell, severity, message, value typed', () => {
    expect(reportRows(findings)).toEqual([
      ['Trang', 'Ô', 'Mức độ', 'Nội dung', 'Giá trị đã nhập'],
      ['Tự chấm', 'C6', 'Lỗi', 'Trang "Tự chấm", ô C6: điểm 25 vượt điểm tối đa 20.', '25'],
      ['Tiêu chí', 'G2', 'Cảnh báo', findings[1]?.message, '60'],
    ]);
  });

  it('says so when there is nothing to report', () => {
    expect(reportRows([])[1]).toEqual(['', '', '', NO_FINDINGS_MESSAGE, '']);
    expect(reportSummary([])).toContain('Không phát hiện lỗi');
  });

  it('counts errors and warnings and names the first cell', () => {
    expect(reportSummary(findings)).toBe(
      'Kiểm tra dữ liệu: 1 lỗi, 1 cảnh báo (xem trang "Kiểm tra dữ liệu"). Đã chọn ô đầu tiên: Tự chấm!C6.',
    );
  });
});
