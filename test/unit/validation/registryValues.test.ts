/**
 * Issue 10, Build 4: the pure decisions behind "registry values checked where typed".
 */
import { readCriteria } from '../../../src/core/readers/criteria';
import { readWorkbook } from '../../../src/core/validation/workbook';
import { checkEditedCells } from '../../../src/core/validation/edit';
import { checkScoreEntry, checkTargetPart } from '../../../src/core/readers/values';
import { readSettingValue } from '../../../src/core/readers/settings';
import { SETTING_ROWS } from '../../../src/core/layout/settings';
import {
  isPercentFormat,
  percentText,
  readsTypedPercents,
  withTypedPercents,
} from '../../../src/core/readers/typedPercent';
import { isKnownAwardForm, namesForm } from '../../../src/core/awards/forms';
import { templateForForm } from '../../../src/core/certificates/plan';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { MATRIX_HEADER, SAMPLE_TREE, SAMPLE_UNITS, criteriaGrid } from '../readers/sampleCluster';

function withMax(row: number, max: unknown): unknown[][] {
  const grid = criteriaGrid();
  const r = grid[row];
  if (r === undefined) throw new Error('no row');
  r[6] = max;
  return grid;
}

describe('a criterion maximum of 0', () => {
  it('is a zero-max error on its own cell and leaves the criterion out, with its group', () => {
    const read = readCriteria(withMax(2, 0));
    expect(read.findings.map((f) => `${f.cell} ${f.code}`)).toEqual(['G3 zero-max']);
    expect(read.value.criteria.map((c) => c.code)).not.toContain('I.1');
    expect([...read.sources.excluded]).toEqual(['i.1']);
    expect([...read.sources.excludedGroups]).toEqual(['i']);
  });

  it('a blank maximum is required-missing; a positive one is read', () => {
    expect(readCriteria(withMax(2, '')).findings.map((f) => f.code)).toEqual(['required-missing']);
    expect(
      readCriteria(withMax(2, 15)).value.criteria.find((c) => c.code === 'I.1')?.maxPoints,
    ).toBe(15);
  });

  it('its score columns and its group total are not reported again', () => {
    const header = [...MATRIX_HEADER];
    const maxRow = header.map(() => '');
    const grids = {
      [SHEET_NAMES.criteria]: withMax(2, 0),
      [SHEET_NAMES.selfScores]: [header, maxRow, ['BD', 'Ba Đình', 19]],
    };
    const codes = readWorkbook(grids).findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`);
    expect(codes).toContain('Tiêu chí!G3 zero-max');
    expect(codes.filter((c) => c.includes('unknown-criterion'))).toEqual([]);
    expect(codes.filter((c) => c.includes('group-max-mismatch'))).toEqual([]);
    expect(codes.filter((c) => c.includes('above-max'))).toEqual([]);
  });

  it("onEdit judges Tiêu chí cells in the reader's words when it has the findings", () => {
    const read = readCriteria(withMax(2, 0));
    const verdicts = checkEditedCells(
      { sheet: SHEET_NAMES.criteria, row: 3, column: 7, values: [[0]] },
      { units: [], tree: read.value, criteriaFindings: read.findings },
    );
    expect(verdicts[0]?.finding).toEqual(read.findings[0]);
  });
});

describe('percentages', () => {
  it('a percent number format is one with "%" outside quotes and escapes', () => {
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('0.00')).toBe(false);
    expect(isPercentFormat('0.0"%"')).toBe(false);
    expect(isPercentFormat('0\\%')).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
  });

  it('gives back the typed text of percent cells only, on score sheets and Cấu hình', () => {
    const values = [
      [0.9, 0.9, 'x'],
      [0.955, '', 3],
    ];
    const formats = [
      ['0%', '0.00', '0%'],
      ['0.00%', '0%', ''],
    ];
    expect(withTypedPercents(values, formats)).toEqual([
      ['90%', 0.9, 'x'],
      ['95,5%', '', 3],
    ]);
    expect(values[0]?.[0]).toBe(0.9);
    const untouched = [[1, 2]];
    expect(withTypedPercents(untouched, [['0.00', '0']])).toBe(untouched);
    expect(percentText(0.07)).toBe('7%');
    expect(readsTypedPercents(SHEET_NAMES.selfScores)).toBe(true);
    expect(readsTypedPercents(SHEET_NAMES.settings)).toBe(true);
    expect(readsTypedPercents(SHEET_NAMES.units)).toBe(false);
  });

  it('a score cell refuses "90%" saying what to type; a target and its result take it', () => {
    const scored = SAMPLE_TREE.criteria.find((c) => c.type === 'scored');
    if (scored === undefined) throw new Error('no scored criterion');
    expect(checkScoreEntry(scored, '90%')).toEqual({
      kind: 'bad',
      code: 'percent-not-allowed',
      details: { expected: 'số điểm' },
    });
    expect(checkTargetPart('actual', '95%')).toEqual({ kind: 'ok', value: 0.95 });
  });

  it('a percentage setting reads "95%" and 95 alike, and refuses the fraction 0,95', () => {
    const row = SETTING_ROWS.find((r) => r.key === 'bandExcellent');
    if (row === undefined) throw new Error('no row');
    expect(readSettingValue(row, '95%')).toEqual({ kind: 'ok', value: 0.95 });
    expect(readSettingValue(row, 95)).toEqual({ kind: 'ok', value: 0.95 });
    expect(readSettingValue(row, 0.95).kind).toBe('bad');
  });
});

describe('commendation forms', () => {
  it('a form is named by its words, or its words then "của" and an issuer', () => {
    expect(namesForm('giấy khen', 'Giấy khen')).toBe(true);
    expect(namesForm('Bằng khen của Chủ tịch UBND Thành phố', 'Bằng khen')).toBe(true);
    expect(namesForm('Giấy khen đặc biệt', 'Giấy khen')).toBe(false);
    expect(namesForm('Giấy khen của', 'Giấy khen')).toBe(false);
  });

  it("known forms: the list, the law's open families; a look-alike is not", () => {
    expect(isKnownAwardForm('Lao động tiên tiến')).toBe(true);
    expect(isKnownAwardForm('Huân chương Lao động hạng Ba')).toBe(true);
    expect(isKnownAwardForm('Chiến sĩ thi đua cấp tỉnh')).toBe(true);
    expect(isKnownAwardForm('Giấy khen đặc biệt')).toBe(false);
    expect(isKnownAwardForm('Huân chươngX')).toBe(false);
  });

  it('templateForForm prints only the form a template is for, else refuses with the reason', () => {
    expect(templateForForm('Giấy khen')).toEqual({ ok: true, kind: 'meritCertificate' });
    expect(templateForForm('BẰNG KHEN của Bộ trưởng')).toEqual({
      ok: true,
      kind: 'honorCertificate',
    });
    const refused = templateForForm('Giấy khen đặc biệt');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('"Giấy khen đặc biệt"');
    // The table is a parameter: a template added for Cờ thi đua is chosen by the same rule.
    expect(templateForForm('Cờ thi đua', [['Cờ thi đua', 'honorCertificate']])).toEqual({
      ok: true,
      kind: 'honorCertificate',
    });
  });
});

describe('a cleared self score under "Báo thiếu, không xếp hạng"', () => {
  const scored = SAMPLE_TREE.criteria.find((c) => c.type === 'scored');
  const header = [...MATRIX_HEADER];
  const column = header.indexOf(scored?.code ?? '') + 1;
  const edit = { sheet: SHEET_NAMES.selfScores, row: 3, column, values: [['']] };
  const row: unknown[] = ['BD', 'Ba Đình', ...header.slice(2).map(() => '')];

  it("is score-missing in the ranking's words, unless Thẩm định holds that score", () => {
    const base = { units: SAMPLE_UNITS, tree: SAMPLE_TREE, headerRow: header, rows: [row] };
    const marked = checkEditedCells(edit, { ...base, missingScorePolicy: 'report' });
    expect(marked[0]?.finding?.code).toBe('score-missing');
    expect(marked[0]?.finding?.message).toBe(
      `Trang "Tự chấm", ô ${marked[0]?.cell ?? ''}: chưa có điểm của đơn vị "Ba Đình" cho tiêu chí "${scored?.code ?? ''}".`,
    );
    const verifiedRow = [...row];
    verifiedRow[column - 1] = 17;
    const covered = checkEditedCells(edit, {
      ...base,
      missingScorePolicy: 'report',
      verifiedRows: { headerRows: [header], rows: [verifiedRow] },
    });
    expect(covered[0]?.ok).toBe(true);
    expect(checkEditedCells(edit, base)[0]?.ok).toBe(true);
  });
});
