import {
  AUDIT_ACTIONS,
  auditEntryOfEdit,
  auditRow,
  describeBlock,
  eventValueText,
} from '../../../src/core/edit/audit';
import { AUDIT_LAYOUT } from '../../../src/core/layout/tables';

const time = new Date(Date.UTC(2022, 11, 20, 3, 0, 0));
const edit = { sheet: 'Tự chấm', a1: 'C6', numRows: 1, numColumns: 1, refused: false };

describe('audit rows', () => {
  it('shows numbers from the edit event with the decimal comma and keeps text as typed', () => {
    expect(eventValueText('18.5')).toBe('18,5');
    expect(eventValueText('Đạt')).toBe('Đạt');
    expect(eventValueText('1.000.000 đồng')).toBe('1.000.000 đồng');
  });

  it('names the action from old and new values', () => {
    const action = (e: Partial<typeof edit> & { oldValue?: string; value?: string }) =>
      auditEntryOfEdit({ ...edit, ...e }, 'a@b.vn', time).action;
    expect(action({ oldValue: '18', value: '18.5' })).toBe(AUDIT_ACTIONS.changed);
    expect(action({ value: '18' })).toBe(AUDIT_ACTIONS.typed);
    expect(action({ oldValue: '18' })).toBe(AUDIT_ACTIONS.cleared);
    expect(action({ oldValue: '18', value: '19', refused: true })).toBe(
      AUDIT_ACTIONS.refusedClosed,
    );
  });

  it('describes a pasted block by size and first values', () => {
    const block = Array.from({ length: 20 }, (_, i) => [
      i === 0 ? '' : 15.5,
      'Đạt',
      3,
      4,
      5,
      6,
      7,
      8,
    ]);
    expect(describeBlock(block)).toBe('20 × 8 ô: Đạt; 3; 4; …');
    expect(describeBlock([['', '']])).toBe('1 × 2 ô: (trống)');
    expect(describeBlock([['x'.repeat(100)]])).toHaveLength('1 × 1 ô: '.length + 40);
    const entry = auditEntryOfEdit(
      { ...edit, a1: 'C3:J22', numRows: 20, numColumns: 8, values: block },
      'a@b.vn',
      time,
    );
    expect(entry).toMatchObject({ cell: 'C3:J22', oldValue: '', action: AUDIT_ACTIONS.pasted });
  });

  it("puts the entry in Nhật ký's column order", () => {
    const row = auditRow({
      time,
      user: '',
      sheet: 'Tự chấm',
      cell: 'C6',
      oldValue: '18',
      newValue: '18,5',
      action: 'Sửa',
    });
    expect(row).toHaveLength(AUDIT_LAYOUT.columns.length);
    expect(row).toEqual([time, '(không xác định)', 'Tự chấm', 'C6', '18', '18,5', 'Sửa']);
  });
});
