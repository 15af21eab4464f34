/**
 * Set-up gives the layout's number format to EMPTY cells only; a cell holding a value keeps its
 * own format, so what the user typed is neither changed nor shown differently.
 */
import { headerValues, NUMBER_FORMATS } from '../../../src/core/layout/columns';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../../src/core/layout/tables';
import { SETTING_ROWS } from '../../../src/core/layout/settings';
import { settingsGrid } from '../../../src/core/layout/settingsGrid';
import { matrixLayout, locateScoreCell } from '../../../src/core/layout/matrix';
import { ClusterSettingsSchema } from '../../../src/core/model/settings';
import { readUnits } from '../../../src/core/readers/units';
import { readCriteria } from '../../../src/core/readers/criteria';
import { parseA1 } from '../../../src/core/a1';
import {
  areaFormats,
  cellFormat,
  holdsValue,
  tableFormatOps,
} from '../../../src/core/setup/formatPlan';
import {
  ORPHAN_SHEET_NAME,
  planSetup,
  rebuildMatrix,
  type SheetOp,
  type SheetPlan,
  type SheetSnapshot,
} from '../../../src/core/setup';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_SETTINGS, SAMPLE_UNIT_ROWS } from '../../../sample/cluster1';

const T = NUMBER_FORMATS.text;
const DATE = 'dd/MM/yyyy';
const unitGrid = [headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS];
const criteriaGrid = [headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS];
const units = readUnits(unitGrid).value;
const tree = readCriteria(criteriaGrid).value;
const layout = matrixLayout(units, tree);

const general = (grid: readonly (readonly unknown[])[]): string[][] =>
  grid.map((r) => r.map(() => 'General'));
function planOf(plans: readonly SheetPlan[], name: string): SheetPlan {
  const p = plans.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no plan for ${name}`);
  return p;
}
function grids(p: SheetPlan): Extract<SheetOp, { op: 'formatGrid' }>[] {
  return p.ops.filter((o): o is Extract<SheetOp, { op: 'formatGrid' }> => o.op === 'formatGrid');
}

describe('cellFormat: the decision for one cell', () => {
  it('gives the layout format to an empty cell, keeps the current one of a filled cell', () => {
    expect(cellFormat('', '', DATE, T)).toBe(T);
    expect(cellFormat(null, '', DATE, T)).toBe(T);
    expect(cellFormat(new Date(2022, 0, 18), '', DATE, T)).toBe(DATE);
    expect(cellFormat(1, '', 'General', T)).toBe('General');
    expect(cellFormat('9,5', '', T, '0.00')).toBe(T);
    expect(cellFormat(0, '', '0', T)).toBe('0');
    expect(cellFormat(false, '', 'General', T)).toBe('General');
  });
  it('counts a formula as a value, and falls back to the layout when the format was not read', () => {
    expect(cellFormat('', '=A1', '0.0', T)).toBe('0.0');
    expect(cellFormat(5, '', undefined, T)).toBe(T);
    expect(holdsValue(' ')).toBe(true);
    expect(holdsValue('')).toBe(false);
  });
});

describe('areaFormats and tableFormatOps', () => {
  const values = [
    ['Mã', 'Riêng', 'Ngày'],
    [1, 'x', new Date(2022, 0, 18)],
    ['', '', ''],
  ];
  const formats = [
    ['@', '@', '@'],
    ['General', '0.0', DATE],
    ['General', '0.0', 'General'],
  ];
  const layoutOf = (c: number): string | undefined => (c === 2 ? undefined : c === 1 ? T : '0.00');

  it('keeps filled cells and a user column, formats empty layout cells', () => {
    expect(areaFormats({ values, formats }, 2, 1, 2, 3, layoutOf)).toEqual([
      ['General', '0.0', DATE],
      [T, '0.0', '0.00'],
    ]);
  });

  it('one grid over the rows read, then layout formats below them, one range per run', () => {
    const ops = tableFormatOps({ values, formats }, 2, 4, (c) => (c === 2 ? undefined : T));
    expect(ops[0]).toMatchObject({ op: 'formatGrid', row: 2, column: 1 });
    expect(ops.slice(1)).toEqual([
      { op: 'format', range: { row: 4, column: 1, numRows: 'toEnd', numColumns: 1 }, format: T },
      { op: 'format', range: { row: 4, column: 3, numRows: 'toEnd', numColumns: 2 }, format: T },
    ]);
  });

  it('formats the whole data area with the layout when only the header was read', () => {
    const ops = tableFormatOps({ values: [['Mã']] }, 2, 1, () => T);
    expect(ops).toEqual([
      { op: 'format', range: { row: 2, column: 1, numRows: 'toEnd', numColumns: 1 }, format: T },
    ]);
  });
});

describe('planSetup keeps the format of every filled cell', () => {
  const settings = settingsGrid(ClusterSettingsSchema.parse(SAMPLE_SETTINGS));
  const dateRow = SETTING_ROWS.findIndex((r) => r.key === 'planDate') + 2; // 1-based, under header
  const settingsFormats = general(settings);
  (settingsFormats[dateRow - 1] as string[])[1] = DATE;
  // A unit code typed as the number 1 in an unformatted cell; one empty row under the units.
  const units1: unknown[][] = unitGrid.map((r) => [...r]);
  (units1[1] as unknown[])[0] = 1;
  units1.push(new Array<unknown>(units1[0]?.length ?? 0).fill(''));
  const sheets: SheetSnapshot[] = [
    {
      name: SHEET_NAMES.settings,
      id: 11,
      values: settings,
      numberFormats: settingsFormats,
      protections: [],
    },
    { name: SHEET_NAMES.units, id: 12, values: units1, numberFormats: general(units1) },
    {
      name: SHEET_NAMES.criteria,
      id: 13,
      values: criteriaGrid,
      numberFormats: general(criteriaGrid),
    },
  ];
  const plan = planSetup({ sheets, storedIds: {}, editors: [], now: new Date(0), year: 2024 });

  it('Cấu hình: the plan date typed as a date keeps its date format', () => {
    const p = planOf(plan.sheets, SHEET_NAMES.settings);
    expect(p.ops.some((o) => o.op === 'format')).toBe(false);
    const [grid] = grids(p);
    expect(grid).toMatchObject({ row: 2, column: 2 });
    expect(grid?.formats).toHaveLength(SETTING_ROWS.length);
    expect(grid?.formats[dateRow - 2]).toEqual([DATE]);
    // Other settings typed in unformatted cells stay unformatted; empty ones get the layout's.
    expect(grid?.formats.map((r) => r[0])).toEqual(
      SETTING_ROWS.map((row, i) =>
        i + 2 === dateRow ? DATE : settings[i + 1]?.[1] === '' ? row.numberFormat : 'General',
      ),
    );
    expect(grid?.formats.filter((r) => r[0] !== 'General').length).toBeGreaterThan(1);
  });

  it('Đơn vị: filled cells keep their format, empty cells and rows below get the layout’s', () => {
    const p = planOf(plan.sheets, SHEET_NAMES.units);
    const [grid] = grids(p);
    expect(grid).toMatchObject({ row: 2, column: 1 });
    expect(grid?.formats[0]?.[0]).toBe('General'); // the code 1
    const emptyRow = grid?.formats[grid.formats.length - 1];
    expect(emptyRow).toEqual(UNITS_LAYOUT.columns.map((c) => c.numberFormat));
    const below = p.ops.flatMap((o) => (o.op === 'format' ? [o.range.row] : []));
    expect(new Set(below)).toEqual(new Set([units1.length + 1]));
    expect(below.length).toBeLessThan(UNITS_LAYOUT.columns.length);
  });
});

describe('rebuildMatrix carries each kept score’s format with its value', () => {
  it('moves "9,5" as text and a number with its own format; orphans keep theirs', () => {
    const old: unknown[][] = [
      ...layout.headerRows.map((r) => [...r]),
      ...layout.unitRows.map((u) => [
        u.code,
        u.name,
        ...new Array(layout.columns.length - 2).fill(''),
      ]),
    ];
    const formats = old.map((r) => r.map(() => '0.00'));
    const put = (unit: string, criterion: string, value: unknown, format: string): void => {
      const a1 = parseA1(locateScoreCell(layout, unit, criterion) as string);
      (old[a1.row - 1] as unknown[])[a1.column - 1] = value;
      (formats[a1.row - 1] as string[])[a1.column - 1] = format;
    };
    put('HK', '1', '9,5', T);
    put('DD', '1', 18, '0.0');
    put('BD', '1', 19.5, 'General'); // BD is removed below: an orphan
    const fewer = matrixLayout(units.slice(1), tree);
    const r = rebuildMatrix(SHEET_NAMES.selfScores, old, undefined, fewer, formats);
    const at = (unit: string, criterion: string): [unknown, string | undefined] => {
      const a1 = parseA1(locateScoreCell(fewer, unit, criterion) as string);
      return [r.grid[a1.row - 1]?.[a1.column - 1], r.formats[a1.row - 1]?.[a1.column - 1]];
    };
    expect(at('HK', '1')).toEqual(['9,5', T]);
    expect(at('DD', '1')).toEqual([18, '0.0']);
    // Empty score cells and the program's cells get the layout's formats.
    const empty = at('HM', '1');
    expect(empty).toEqual(['', fewer.columns[2]?.numberFormat]);
    expect(r.formats[0]?.every((f) => f === T)).toBe(true);
    expect(r.orphans.map((o) => [o.unitCode, o.value, o.format])).toEqual([
      ['BD', 19.5, 'General'],
    ]);
  });

  it('writes a moved text score without an apostrophe into its text cell, and the orphan’s format', () => {
    const sheets = (scoreFormat: string): SheetSnapshot[] => {
      const m: unknown[][] = [
        ...layout.headerRows.map((r) => [...r]),
        ...layout.unitRows.map((u) => [u.code, u.name]),
      ];
      (m[2] as unknown[])[2] = '19,5'; // BD, criterion 1, typed as text
      const f = m.map((r) => r.map(() => T));
      (f[2] as string[])[2] = scoreFormat;
      return [
        { name: SHEET_NAMES.units, id: 12, values: unitGrid.filter((_, i) => i !== 2) },
        { name: SHEET_NAMES.criteria, id: 13, values: criteriaGrid },
        { name: SHEET_NAMES.selfScores, id: 14, values: m, numberFormats: f },
      ];
    };
    // HM (the 2nd unit) is removed: BD's row stays, the next rows move up; BD keeps C3.
    const plan = planSetup({
      sheets: sheets(T),
      storedIds: {},
      editors: [],
      now: new Date(0),
      year: 2024,
    });
    const matrix = planOf(plan.sheets, SHEET_NAMES.selfScores);
    const values = matrix.ops.find((o) => o.op === 'values');
    expect(values?.op === 'values' && values.values[2]?.[2]).toBe('19,5');
    expect(grids(matrix)[0]?.formats[2]?.[2]).toBe(T);
    expect(plan.sheets.some((p) => p.name === ORPHAN_SHEET_NAME)).toBe(false);
  });
});
