import {
  MARK_FILL,
  MARK_PREFIX,
  USER_NOTE_SEPARATOR,
  isProductNote,
  markNote,
  planMarks,
  userPartOfNote,
} from '../../../src/core/edit/marks';
import { finding } from '../../../src/core/findings';
import type { CellVerdict } from '../../../src/core/validation/edit';

const bad = (cell: string, message = 'sai'): CellVerdict => ({
  cell,
  ok: false,
  finding: { ...finding('Tự chấm', cell, 'not-a-number', 'x'), message },
});
const ok = (cell: string): CellVerdict => ({ cell, ok: true });

describe('notes of marked cells', () => {
  it("tells the product's notes from a user's and keeps the user's part", () => {
    const note = markNote('Trang "Tự chấm", ô C5: sai.', 'Minh chứng kèm theo');
    expect(note).toBe(
      `${MARK_PREFIX}Trang "Tự chấm", ô C5: sai.${USER_NOTE_SEPARATOR}Minh chứng kèm theo`,
    );
    expect(isProductNote(note)).toBe(true);
    expect(userPartOfNote(note)).toBe('Minh chứng kèm theo');
    expect(userPartOfNote(markNote('sai', ''))).toBe('');
    expect(isProductNote('Ghi chú của tôi')).toBe(false);
    expect(userPartOfNote('Ghi chú của tôi')).toBe('Ghi chú của tôi');
  });
});

describe('planMarks', () => {
  it('marks bad cells, clears earlier marks of good ones, and leaves the rest as they are', () => {
    const plan = planMarks(
      [bad('A1', 'lỗi A1'), ok('B1'), ok('A2'), ok('B2')],
      [
        ['', markNote('cũ', 'của tôi')],
        ['chỉ ghi chú người dùng', ''],
      ],
      [
        ['#ffffff', MARK_FILL],
        ['#00ff00', '#FFFFFF'],
      ],
    );
    expect(plan.notes).toEqual([
      [`${MARK_PREFIX}lỗi A1`, 'của tôi'],
      ['chỉ ghi chú người dùng', ''],
    ]);
    expect(plan.backgrounds).toEqual([
      [MARK_FILL, null],
      ['#00ff00', null],
    ]);
    expect(plan).toMatchObject({ changed: true, marked: 1, cleared: 1 });
  });

  it('re-marks a cell with the new message, keeping the user note under it', () => {
    const plan = planMarks([bad('A1', 'mới')], [[markNote('cũ', 'của tôi')]], [[MARK_FILL]]);
    expect(plan.notes[0]?.[0]).toBe(markNote('mới', 'của tôi'));
  });

  it('reports no change for good cells without marks (the adapter then writes nothing)', () => {
    const plan = planMarks([ok('A1'), ok('B1')], [['', 'ghi chú']], [['#ffffff', '#ffffff']]);
    expect(plan.changed).toBe(false);
  });

  it('keeps a fill the user set after the mark when clearing it', () => {
    const plan = planMarks([ok('A1')], [[markNote('cũ', '')]], [['#ffff00']]);
    expect(plan.backgrounds).toEqual([['#ffff00']]);
    expect(plan.notes).toEqual([['']]);
  });
});
