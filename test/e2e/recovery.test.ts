/**
 * "Khởi tạo / cập nhật bảng tính" repairs a damaged score matrix without losing a score, end to
 * end in the built bundle: a block pasted over Tự chấm's header rows, unit rows and criterion
 * columns deleted, rows and columns inserted, tables sorted. After set-up each surviving score is
 * in the row of its unit and the column of its criterion, only what the damage overwrote or left
 * without a place is in "Điểm không còn khớp", and the ranking equals the ranking of an untouched
 * workbook holding the same surviving scores.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { headerValues } from '../../src/core/layout/columns';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../src/core/layout/tables';
import { matrixLayout } from '../../src/core/layout/matrix';
import { readUnits } from '../../src/core/readers/units';
import { readCriteria } from '../../src/core/readers/criteria';
import { quoteSheetName } from '../../src/core/a1';
import { ORPHAN_SHEET_NAME } from '../../src/core/setup';
import {
  SAMPLE_CRITERIA_ROWS,
  SAMPLE_SELF_SCORES,
  SAMPLE_UNIT_ROWS,
  type SampleScore,
} from '../../sample/cluster1';
import { newHost, paste, seedSampleWorkbook, type SeedOptions } from './workbookFixture';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const SETUP = 'Khởi tạo / cập nhật bảng tính';
const RANK = 'Tính xếp hạng';
const EMAILS = SAMPLE_UNIT_ROWS.map((r) => r[6] as string);
const SELF = SHEET_NAMES.selfScores;
const at = (sheet: string, a1: string): string => `${quoteSheetName(sheet)}!${a1}`;
const layout = matrixLayout(
  readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value,
  readCriteria([headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS]).value,
);
const WIDTH = layout.columns.length;
const LAST = layout.firstDataRow + layout.unitRows.length - 1;

function setUp(h: LocalHost): { calls: number; alert: string } {
  h.open();
  const run = h.clickMenu(SETUP);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
  return { calls: run.calls, alert: h.report().alerts.at(-1)?.prompt ?? '' };
}

/** The sample workbook as set-up leaves it, scores typed. */
function sampleHost(options: SeedOptions = {}): LocalHost {
  const h = newHost({ spreadsheet: { editors: EMAILS } });
  seedSampleWorkbook(h, options);
  setUp(h);
  return h;
}

/** The owner acting in the Sheets UI (delete, insert, sort): the host's Sheets objects, uncounted. */
function asOwner(h: LocalHost, action: (ss: Spreadsheet) => void): void {
  const exec = h.rt.beginExecution('manual', 'owner in the Sheets UI', h.owner);
  try {
    h.rt.uncounted(() => {
      action((h.sheets.SpreadsheetApp as unknown as App).getActiveSpreadsheet());
    });
  } finally {
    h.rt.endExecution(exec);
  }
}

function sheetOf(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = ss.getSheetByName(name);
  if (s === null) throw new Error(`no sheet ${name}`);
  return s;
}

/** Every entered score of Tự chấm as "unit|criterion header" → value, read by the sheet's headers. */
function scores(h: LocalHost): Map<string, unknown> {
  const grid = h.spreadsheet.valuesAt(at(SELF, `A1:Z${LAST + 10}`));
  const header = grid[0] ?? [];
  const out = new Map<string, unknown>();
  for (let r = layout.firstDataRow - 1; r < grid.length; r++) {
    for (let c = 2; c < header.length; c++) {
      const v = grid[r]?.[c];
      if (v !== '' && v !== undefined) out.set(`${String(grid[r]?.[0])}|${String(header[c])}`, v);
    }
  }
  return out;
}

/** The orphan sheet's rows (without the time), [] when there is none. */
function orphans(h: LocalHost): unknown[][] {
  const sheet = h.spreadsheet.sheet(ORPHAN_SHEET_NAME);
  if (!sheet) return [];
  const rows = h.spreadsheet.valuesAt(at(ORPHAN_SHEET_NAME, `A2:H${sheet.rows.length + 1}`));
  return rows.filter((r) => r.some((v) => v !== '')).map((r) => r.slice(1));
}

/**
 * The ranking table by unit code, every column (rank, group totals, bonus, penalty, total,
 * classification, proposal, reason): units left unranked for a missing score are compared too.
 */
function ranking(h: LocalHost): Record<string, unknown[]> {
  const run = h.clickMenu(RANK);
  expect(run.error).toBeUndefined();
  const x = SHEET_NAMES.ranking;
  const header = h.spreadsheet.valuesAt(at(x, 'A5:Z5'))[0] ?? [];
  const code = header.indexOf('Mã đơn vị');
  expect(code).toBeGreaterThanOrEqual(0);
  const rows = h.spreadsheet.valuesAt(at(x, 'A6:Z60')).filter((r) => r[code] !== '');
  expect(rows.length).toBeGreaterThan(0);
  return Object.fromEntries(rows.map((r) => [String(r[code]), r]));
}

/** The sample's self scores without some units and criteria (what survives a deletion). */
function surviving(
  dropUnits: readonly string[],
  dropCriteria: readonly string[],
): Record<string, Record<string, SampleScore>> {
  const out: Record<string, Record<string, SampleScore>> = {};
  for (const [unit, byCriterion] of Object.entries(SAMPLE_SELF_SCORES)) {
    if (dropUnits.includes(unit)) continue;
    out[unit] = Object.fromEntries(
      Object.entries(byCriterion).filter(([c]) => !dropCriteria.includes(c)),
    );
  }
  return out;
}

const untouchedRanking = ranking(sampleHost());

describe('a block pasted over Tự chấm’s header rows', () => {
  it('scores pasted over headers and maxima: every other score stays, only the pasted cells move', () => {
    const h = sampleHost();
    const before = scores(h);
    expect(before.size).toBeGreaterThan(40);
    const block = [
      [18, 'Đạt', 900, 1000, 4, 14, 9, 5, 10, 2, 1],
      [17, 'Không đạt', 800, 700, 3, 13, 8, 4, 9, 1, 0],
    ];
    paste(h, SELF, 1, 3, block); // one row too high: over the headers and the maxima
    const { alert } = setUp(h);

    expect(scores(h)).toEqual(before);
    expect(h.spreadsheet.valuesAt(at(SELF, `A1:${String.fromCharCode(64 + WIDTH)}2`))).toEqual(
      layout.headerRows,
    );
    const kept = orphans(h);
    expect(kept).toHaveLength(block.length * block[0]!.length);
    // Each pasted cell is kept with the criterion whose header it covered and where it was.
    expect(kept.map((r) => [r[3], r[4], r[5]])).toEqual(
      block.flatMap((row, i) =>
        row.map((v, k) => [
          layout.columns[2 + k]?.header,
          `${String.fromCharCode(67 + k)}${i + 1}`,
          v,
        ]),
      ),
    );
    expect(alert).toContain('khôi phục dòng tiêu đề và điểm tối đa');
    expect(ranking(h)).toEqual(untouchedRanking);
    // A second run finds a sound matrix and keeps nothing more aside.
    setUp(h);
    expect(orphans(h)).toHaveLength(kept.length);
  });

  it('whole unit rows pasted over A1: the pasted rows are kept with their unit, the matrix restored', () => {
    const h = sampleHost();
    const before = scores(h);
    const rows = h.spreadsheet.valuesAt(at(SELF, `A4:M5`));
    paste(h, SELF, 1, 1, rows);
    setUp(h);
    expect(scores(h)).toEqual(before);
    const kept = orphans(h);
    expect(kept.filter((r) => r[1] === rows[0]?.[0]).length).toBeGreaterThan(5);
    expect(kept.every((r) => r[0] === SELF && /^[A-M][12]$/.test(String(r[4])))).toBe(true);
    expect(ranking(h)).toEqual(untouchedRanking);
  });
});

describe('rows and columns deleted or inserted: scores are keyed by unit and criterion', () => {
  it('a unit row and a criterion column deleted from Tự chấm: the rest stay with unit and criterion', () => {
    const h = sampleHost();
    const before = scores(h);
    const hmRow = layout.rowOfUnit.get('HM') as number;
    const col5 = layout.columnOfCriterion.get('5')?.score as number;
    asOwner(h, (ss) => {
      const sheet = sheetOf(ss, SELF);
      sheet.deleteRow(hmRow);
      sheet.deleteColumn(col5);
    });
    setUp(h);
    const expected = new Map(
      [...before].filter(([k]) => !k.startsWith('HM|') && !k.endsWith('|5')),
    );
    expect(scores(h)).toEqual(expected);
    expect(h.spreadsheet.valueAt(at(SELF, `A${hmRow}`))).toBe('HM');
    expect(h.spreadsheet.valueAt(at(SELF, `${String.fromCharCode(64 + col5)}1`))).toBe('5');
    expect(orphans(h)).toEqual([]);
    const baseline = sampleHost({ selfScores: surviving(['HM'], ['5']) });
    expect(ranking(h)).toEqual(ranking(baseline));
  });

  it('a unit and a criterion deleted from Đơn vị and Tiêu chí: their scores are kept with unit, criterion and value', () => {
    const h = sampleHost();
    const before = scores(h);
    const lbRow = 1 + SAMPLE_UNIT_ROWS.findIndex((r) => r[0] === 'LB') + 1;
    const c6Row = 1 + SAMPLE_CRITERIA_ROWS.findIndex((r) => r[2] === '6') + 1;
    asOwner(h, (ss) => {
      sheetOf(ss, SHEET_NAMES.units).deleteRow(lbRow);
      sheetOf(ss, SHEET_NAMES.criteria).deleteRow(c6Row);
    });
    setUp(h);
    const gone = (k: string): boolean => k.startsWith('LB|') || k.endsWith('|6');
    expect(scores(h)).toEqual(new Map([...before].filter(([k]) => !gone(k))));
    const kept = orphans(h);
    const keptKeys = new Map(kept.map((r) => [`${String(r[1])}|${String(r[3])}`, r[5]]));
    expect(keptKeys).toEqual(new Map([...before].filter(([k]) => gone(k))));
    expect(kept.every((r) => r[0] === SELF)).toBe(true);
    const baseline = sampleHost({
      unitRows: SAMPLE_UNIT_ROWS.filter((r) => r[0] !== 'LB'),
      criteriaRows: SAMPLE_CRITERIA_ROWS.filter((r) => r[2] !== '6'),
      selfScores: surviving(['LB'], ['6']),
    });
    expect(ranking(h)).toEqual(ranking(baseline));
  });

  it('rows inserted above the headers and between units, a column inserted with a note typed in it', () => {
    const h = sampleHost();
    const before = scores(h);
    asOwner(h, (ss) => {
      const sheet = sheetOf(ss, SELF);
      sheet.insertRowsAfter(5, 2);
      sheet.insertColumnsBefore(5, 1);
      sheet.insertRowBefore(1);
    });
    paste(h, SELF, 5, 5, [['xem lại minh chứng']]);
    setUp(h);
    expect(scores(h)).toEqual(before);
    expect(orphans(h).map((r) => r[5])).toEqual(['xem lại minh chứng']);
    expect(ranking(h)).toEqual(untouchedRanking);
  });
});

describe('a maximum changed in Tiêu chí', () => {
  it('rewrites the maxima row and keeps nothing aside: the old maximum is no pasted score', () => {
    const h = sampleHost();
    const before = scores(h);
    const row = 1 + SAMPLE_CRITERIA_ROWS.findIndex((r) => r[2] === '6') + 1;
    const maxColumn = 1 + headerValues(CRITERIA_LAYOUT).indexOf('Điểm tối đa');
    expect(maxColumn).toBeGreaterThan(0);
    paste(h, SHEET_NAMES.criteria, row, maxColumn, [[12]]);
    setUp(h);
    expect(scores(h)).toEqual(before);
    const col = layout.columnOfCriterion.get('6')?.score as number;
    const maxCell = `${String.fromCharCode(64 + col)}2`;
    expect(h.spreadsheet.valueAt(at(SELF, maxCell))).toBe(12);
    expect(h.spreadsheet.valueAt(at(SHEET_NAMES.verifiedScores, maxCell))).toBe(12);
    expect(orphans(h)).toEqual([]);
  });
});

describe('sorted tables', () => {
  it('Tự chấm sorted by a score column: set-up puts the rows back, each score with its unit', () => {
    const h = sampleHost();
    const before = scores(h);
    asOwner(h, (ss) => {
      sheetOf(ss, SELF)
        .getRange(layout.firstDataRow, 1, layout.unitRows.length, WIDTH)
        .sort({ column: 3, ascending: true });
    });
    const codes = (): unknown[] => h.spreadsheet.valuesAt(at(SELF, `A3:A${LAST}`)).map((r) => r[0]);
    expect(codes()).not.toEqual(layout.unitRows.map((u) => u.code));
    setUp(h);
    expect(scores(h)).toEqual(before);
    expect(codes()).toEqual(layout.unitRows.map((u) => u.code));
    expect(orphans(h)).toEqual([]);
    expect(ranking(h)).toEqual(untouchedRanking);
  });

  it('Đơn vị sorted by name and Tiêu chí by code (descending): scores follow units and criteria', () => {
    const h = sampleHost();
    const before = scores(h);
    asOwner(h, (ss) => {
      sheetOf(ss, SHEET_NAMES.units)
        .getRange(2, 1, SAMPLE_UNIT_ROWS.length, SAMPLE_UNIT_ROWS[0]!.length)
        .sort(2);
      sheetOf(ss, SHEET_NAMES.criteria)
        .getRange(2, 1, SAMPLE_CRITERIA_ROWS.length, SAMPLE_CRITERIA_ROWS[0]!.length)
        .sort({ column: 3, ascending: false });
    });
    setUp(h);
    expect(scores(h)).toEqual(before);
    expect(orphans(h)).toEqual([]);
    expect(ranking(h)).toEqual(untouchedRanking);
  });
});

describe('service calls of set-up on the 6-unit sample', () => {
  it('a repair costs no more calls than the first set-up (figures printed for the README)', () => {
    const h = newHost({ spreadsheet: { editors: EMAILS } });
    seedSampleWorkbook(h);
    const first = setUp(h).calls;
    const rerun = setUp(h).calls;
    paste(h, SELF, 1, 3, [[18, 'Đạt', 900]]);
    const repair = setUp(h).calls;
    const sorted = sampleHost();
    asOwner(sorted, (ss) => {
      sheetOf(ss, SELF)
        .getRange(layout.firstDataRow, 1, layout.unitRows.length, WIDTH)
        .sort({ column: 3, ascending: true });
    });
    const resort = setUp(sorted).calls;
    console.log(
      `set-up calls, 6-unit sample: first ${first}, re-run ${rerun}, after a paste over the headers ${repair}, after a sort ${resort}`,
    );
    expect(repair).toBeLessThanOrEqual(first);
    expect(resort).toBeLessThanOrEqual(first);
  });
});
