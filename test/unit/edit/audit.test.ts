import {
  AUDIT_ACTIONS,
  AUDIT_VALUE_LENGTH,
  UNKNOWN_EDITOR,
  auditEntryOfEdit,
  auditRow,
  auditTriggerMessage,
  auditWhoText,
  describeBlock,
  eventValueText,
  parseAuditTriggerRecord,
  unitOfEditedRows,
} from '../../../src/core/edit/audit';
import { AUDIT_LAYOUT, CROSS_SCORES_LAYOUT, VOTES_LAYOUT } from '../../../src/core/layout/tables';
import { headerValues } from '../../../src/core/layout/columns';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { SAMPLE_UNITS } from '../readers/sampleCluster';

const time = new Date(Date.UTC(2022, 11, 20, 3, 0, 0));
const edit = { sheet: 'Tự chấm', a1: 'C6', numRows: 1, numColumns: 1, refused: false };
const entryOf = (user: string) => ({
  time,
  user,
  sheet: 'Tự chấm',
  cell: 'C6',
  oldValue: '18',
  newValue: '18,5',
  action: 'Sửa',
});

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
    expect(describeBlock([['x'.repeat(100)]])).toBe(`1 × 1 ô: ${'x'.repeat(40)}… (100 ký tự)`);
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
    expect(row).toEqual([time, UNKNOWN_EDITOR, 'Tự chấm', 'C6', '18', '18,5', 'Sửa']);
    // What is known replaces the bare "unknown"; an e-mail Google gave is written as it is.
    expect(auditRow({ ...entryOf(''), who: 'X' })[1]).toBe('X');
    expect(auditRow({ ...entryOf(' a@b.vn '), who: 'X' })[1]).toBe('a@b.vn');
  });
});

describe('who the log names when Google hides the editor (DESIGN §4)', () => {
  const units = SAMPLE_UNITS;
  const hk = units.find((u) => u.code === 'HK');
  if (hk === undefined) throw new Error('no HK in the sample');

  it('finds the unit of a Tự chấm row, a Chấm chéo row (scorer) and a ballot row (voter)', () => {
    expect(unitOfEditedRows(SHEET_NAMES.selfScores, 5, [], [['HK', 'x', 3]], units)?.code).toBe(
      'HK',
    );
    // Header rows of a matrix are no unit's.
    expect(unitOfEditedRows(SHEET_NAMES.selfScores, 1, [], [['HK']], units)).toBeUndefined();
    const cross = headerValues(CROSS_SCORES_LAYOUT);
    const crossRow = cross.map((h) =>
      h === 'Đơn vị chấm' ? 'BD' : h === 'Đơn vị được chấm' ? 'HK' : '',
    );
    expect(unitOfEditedRows(SHEET_NAMES.crossScores, 2, [cross], [crossRow], units)?.code).toBe(
      'BD',
    );
    const votes = headerValues(VOTES_LAYOUT);
    expect(
      unitOfEditedRows(
        SHEET_NAMES.votes,
        3,
        [votes],
        [['HM', 'Ba Đình (Cờ thi đua)', 'Đồng ý', '']],
        units,
      )?.code,
    ).toBe('HM');
    // A paste over two units' rows names none.
    expect(
      unitOfEditedRows(SHEET_NAMES.selfScores, 5, [], [['HK'], ['BD']], units),
    ).toBeUndefined();
    expect(unitOfEditedRows(SHEET_NAMES.units, 5, [], [['HK']], units)).toBeUndefined();
  });

  it('says it does not know, and whose row it was, never a guessed e-mail', () => {
    const text = auditWhoText(SHEET_NAMES.selfScores, hk, false);
    expect(text).toBe(
      `không xác định (Google không cho biết); dòng của đơn vị HK (${hk.name}) — chỉ HK, Cụm trưởng và chủ sở hữu sửa được`,
    );
    expect(text).not.toContain('@');
    expect(auditWhoText(SHEET_NAMES.selfScores, hk, true)).toContain(
      'đã khóa chấm điểm: chỉ Cụm trưởng và chủ sở hữu',
    );
    expect(auditWhoText(SHEET_NAMES.verifiedScores, hk, false)).toContain(
      'dòng thẩm định của đơn vị HK',
    );
    expect(auditWhoText(SHEET_NAMES.units, undefined, false)).toBe(UNKNOWN_EDITOR);
  });
});

describe('long values in the log', () => {
  it('keeps the first AUDIT_VALUE_LENGTH characters of a 60,000-character value and its length', () => {
    const text = eventValueText('y'.repeat(60_000));
    expect(text).toBe(`${'y'.repeat(AUDIT_VALUE_LENGTH)}… (60.000 ký tự)`);
    expect(eventValueText('y'.repeat(AUDIT_VALUE_LENGTH))).toHaveLength(AUDIT_VALUE_LENGTH);
  });
});

describe('the audit trigger record', () => {
  it('reads back what was stored and refuses anything else', () => {
    expect(parseAuditTriggerRecord('{"uid":"42","creator":"o@x.vn"}')).toEqual({
      uid: '42',
      creator: 'o@x.vn',
    });
    expect(parseAuditTriggerRecord('{"uid":""}')).toBeNull();
    expect(parseAuditTriggerRecord('nonsense')).toBeNull();
    expect(parseAuditTriggerRecord(null)).toBeNull();
  });

  it("names who turned the log on when it is someone else's trigger", () => {
    expect(auditTriggerMessage({ kind: 'elsewhere', creator: 'owner@x.vn' })).toContain(
      'đã được owner@x.vn bật',
    );
    expect(auditTriggerMessage({ kind: 'elsewhere', creator: '' })).toContain(
      'đã được một người dùng khác bật',
    );
  });
});
