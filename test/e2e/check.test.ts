/** "Kiểm tra dữ liệu": the whole-workbook check and its report, through build/Code.js. */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { matrixLayout, locateScoreCell } from '../../src/core/layout/matrix';
import { headerValues } from '../../src/core/layout/columns';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../src/core/layout/tables';
import { readCriteria } from '../../src/core/readers/criteria';
import { readUnits } from '../../src/core/readers/units';
import { NO_FINDINGS_MESSAGE, VALIDATION_REPORT_SHEET } from '../../src/core/edit/report';
import { busyMessage } from '../../src/gas/lock';
import {
  SAMPLE_BAD_ENTRIES,
  SAMPLE_CRITERIA_ROWS,
  SAMPLE_SELF_SCORES,
  SAMPLE_UNIT_ROWS,
} from '../../sample/cluster1';
import { newHost, seedSampleWorkbook, typeScores } from './workbookFixture';

const REPORT = `'${VALIDATION_REPORT_SHEET}'`;
const CAPTION = 'Kiểm tra dữ liệu';

const matrix = matrixLayout(
  readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value,
  readCriteria([headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS]).value,
);

function typeBadEntries(host: LocalHost): void {
  const scores: Record<string, Record<string, string>> = {};
  for (const bad of SAMPLE_BAD_ENTRIES) (scores[bad.unit] ??= {})[bad.criterion] = bad.typed;
  typeScores(host, SHEET_NAMES.selfScores, scores);
}

function reportRows(host: LocalHost): unknown[][] {
  return host.spreadsheet.valuesAt(`${REPORT}!A1:E40`).filter((row) => row.some((v) => v !== ''));
}

function run(host: LocalHost) {
  const result = host.clickMenu(CAPTION);
  expect(result.error).toBeUndefined();
  expect(result.status).toBe('ok');
  return result;
}

describe('Kiểm tra dữ liệu', () => {
  it('says "Không phát hiện lỗi" on the clean sample', () => {
    const host = newHost();
    seedSampleWorkbook(host);
    host.open();
    run(host);
    expect(reportRows(host)).toEqual([
      ['Trang', 'Ô', 'Mức độ', 'Nội dung', 'Giá trị đã nhập'],
      ['', '', '', NO_FINDINGS_MESSAGE, ''],
    ]);
    expect(host.spreadsheet.toasts.at(-1)?.msg).toContain('Không phát hiện lỗi');
  });

  it("lists the sample's bad entries with sheet and cell, and selects the first", () => {
    const host = newHost();
    seedSampleWorkbook(host);
    typeBadEntries(host);
    host.open();
    const result = run(host);

    const rows = reportRows(host);
    expect(rows[0]).toEqual(['Trang', 'Ô', 'Mức độ', 'Nội dung', 'Giá trị đã nhập']);
    const expected = SAMPLE_BAD_ENTRIES.map((bad) => {
      const cell = locateScoreCell(matrix, bad.unit, bad.criterion);
      if (cell === undefined) throw new Error('no cell');
      return { cell, typed: bad.typed, code: bad.code };
    });
    for (const bad of expected) {
      const row = rows.find((r) => r[0] === SHEET_NAMES.selfScores && r[1] === bad.cell);
      expect(row).toBeDefined();
      expect(row?.[2]).toBe('Lỗi');
      expect(String(row?.[3])).toContain(`Trang "${SHEET_NAMES.selfScores}", ô ${bad.cell}`);
      expect(row?.[4]).toBe(bad.typed);
    }
    expect(rows.find((r) => r[1] === 'C6')?.[3]).toContain('vượt điểm tối đa');
    expect(rows.find((r) => r[1] === 'I8')?.[3]).toContain('không phải là số');

    // The first finding's cell is selected.
    const first = rows[1];
    expect(host.spreadsheet.activeSheet?.name).toBe(first?.[0]);
    const active = host.spreadsheet.activeRange;
    expect(active && `${String.fromCharCode(64 + active.col)}${active.row}`).toBe(first?.[1]);
    expect(host.spreadsheet.toasts.at(-1)?.msg).toMatch(/2 lỗi, 0 cảnh báo/);

    // Each input sheet read once (and Đơn vị once more by the roles check before the lock), the
    // report written with one setValues.
    expect(result.execution.calls.get('Range.setValues')).toBe(1);
    expect(result.execution.calls.get('Sheet.getDataRange')).toBe(5 + 1);
  });

  it('replaces the previous report instead of appending to it', () => {
    const host = newHost();
    seedSampleWorkbook(host);
    typeBadEntries(host);
    host.open();
    run(host);
    expect(reportRows(host).length).toBeGreaterThan(2);
    typeScores(host, SHEET_NAMES.selfScores, {
      DD: { '1': SAMPLE_SELF_SCORES.DD?.['1'] ?? 18 },
      LB: { '6': SAMPLE_SELF_SCORES.LB?.['6'] ?? 8 },
    });
    run(host);
    expect(reportRows(host)).toHaveLength(2);
    expect(host.spreadsheet.activeSheet?.name).toBe(VALIDATION_REPORT_SHEET);
  });

  it('never writes a typed value back as a formula', () => {
    const host = newHost();
    seedSampleWorkbook(host);
    typeScores(host, SHEET_NAMES.selfScores, { HK: { '5': '\'=IMPORTXML("x")' } });
    host.open();
    run(host);
    const row = reportRows(host).findIndex((r) => String(r[4]).includes('IMPORTXML'));
    expect(row).toBeGreaterThan(0);
    expect(host.spreadsheet.cellAt(`${REPORT}!E${row + 1}`)?.f).toBeUndefined();
    // The report is plain text: the value is shown as typed, without a literal prefix.
    expect(reportRows(host)[row]?.[4]).toBe('=IMPORTXML("x")');
  });

  it('tells a second caller that another action is running', () => {
    const host = newHost();
    seedSampleWorkbook(host);
    host.open();
    host.locks.holdPhantom('document', host.rt.nowMs + 60_000);
    run(host);
    expect(host.ui.shown.at(-1)?.prompt).toBe(busyMessage(CAPTION));
    expect(host.spreadsheet.sheet(VALIDATION_REPORT_SHEET)).toBeUndefined();
  });
});
