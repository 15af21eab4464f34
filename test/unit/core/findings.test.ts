import fc from 'fast-check';
import {
  DEFAULT_SEVERITY,
  FindingCode,
  FindingSchema,
  finding,
  renderCellValue,
} from '../../../src/core/findings';

describe('finding', () => {
  it('builds the standard message for a non-number', () => {
    expect(finding('Tự chấm', 'C5', 'not-a-number', 'abc')).toEqual({
      sheet: 'Tự chấm',
      cell: 'C5',
      code: 'not-a-number',
      value: 'abc',
      message: 'Trang "Tự chấm", ô C5: "abc" không phải là số.',
      severity: 'error',
    });
  });

  it('formats numbers the Vietnamese way in messages', () => {
    expect(finding('Tự chấm', 'D7', 'above-max', 12, { max: 10 }).message).toBe(
      'Trang "Tự chấm", ô D7: điểm 12 vượt điểm tối đa 10.',
    );
    expect(finding('Thẩm định', 'E3', 'above-max', '10,5', { max: 9.5, score: 10.5 }).message).toBe(
      'Trang "Thẩm định", ô E3: điểm 10,5 vượt điểm tối đa 9,5.',
    );
    expect(finding('Tự chấm', 'C5', 'below-zero', -3).message).toBe(
      'Trang "Tự chấm", ô C5: điểm -3 nhỏ hơn 0.',
    );
  });

  it('keeps what the user typed as the value', () => {
    expect(finding('Tự chấm', 'C5', 'not-a-number', ' 9,5,3 ').value).toBe(' 9,5,3 ');
    expect(finding('Tự chấm', 'C5', 'required-missing', '').value).toBe('');
    expect(finding('Tự chấm', 'C5', 'required-missing', null).value).toBe('');
    expect(finding('Tự chấm', 'C5', 'not-a-number', 9.5).value).toBe('9,5');
    expect(finding('Tự chấm', 'C5', 'not-a-number', true).value).toBe('TRUE');
    expect(renderCellValue(new Date(Date.UTC(2020, 0, 4, 17)))).toBe('05/01/2020');
  });

  it('words ranges and optional details', () => {
    expect(
      finding('Đơn vị', 'A1:H1', 'header-missing', '', { expected: 'Mã đơn vị' }).message,
    ).toBe('Trang "Đơn vị", vùng A1:H1: thiếu cột "Mã đơn vị".');
    expect(finding('Đơn vị', 'A7', 'duplicate-code', 'HK', { firstCell: 'A4' }).message).toBe(
      'Trang "Đơn vị", ô A7: mã "HK" bị trùng với ô A4.',
    );
    expect(finding('Tiêu chí', 'D2', 'group-max-mismatch', 20, { sum: 18, max: 20 }).message).toBe(
      'Trang "Tiêu chí", ô D2: tổng điểm tối đa của các tiêu chí là 18, khác điểm tối đa của nhóm là 20.',
    );
    expect(finding('Đơn vị', 'F3', 'required-missing', '', { field: 'tên đơn vị' }).message).toBe(
      'Trang "Đơn vị", ô F3: chưa nhập tên đơn vị.',
    );
    expect(finding('Tự chấm', 'C5', 'closed-period', 9).message).toBe(
      'Trang "Tự chấm", ô C5: đã khóa chấm điểm, không nhận thay đổi thành "9".',
    );
  });

  it('uses default severities and accepts an override', () => {
    expect(
      finding('Đơn vị', 'B1', 'header-renamed', 'Tên ĐV', { expected: 'Tên đơn vị' }).severity,
    ).toBe('warning');
    expect(finding('Tự chấm', 'C5', 'score-missing', '', {}, 'error').severity).toBe('error');
  });

  it('produces a valid, NFC, Vietnamese message for every code', () => {
    for (const code of FindingCode.options) {
      const f = finding('Tự chấm', 'C5', code, 'x', { max: 10, expected: 'số' });
      expect(FindingSchema.parse(f)).toEqual(f);
      expect(f.severity).toBe(DEFAULT_SEVERITY[code]);
      expect(f.message.startsWith('Trang "Tự chấm", ô C5: ')).toBe(true);
      expect(f.message.endsWith('.')).toBe(true);
      expect(f.message).toBe(f.message.normalize('NFC'));
      expect(f.message).not.toMatch(/undefined|NaN|\{|\}/);
    }
  });

  it('never throws on any value and always validates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FindingCode.options),
        fc.oneof(fc.anything(), fc.date()),
        (code, v) => {
          const f = finding('Trang 1', 'B2', code, v);
          expect(FindingSchema.safeParse(f).success).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects malformed findings', () => {
    const good = finding('Tự chấm', 'C5', 'not-a-number', 'abc');
    expect(FindingSchema.safeParse({ ...good, cell: 'C0' }).success).toBe(false);
    expect(FindingSchema.safeParse({ ...good, code: 'oops' }).success).toBe(false);
    expect(FindingSchema.safeParse({ ...good, severity: 'info' }).success).toBe(false);
  });
});
