import { headerValues } from '../../../src/core/layout/columns';
import { SHEET_NAMES, SHEET_ORDER } from '../../../src/core/layout/sheets';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../../src/core/layout/tables';
import { SETTINGS_TABLE, SETTING_ROWS } from '../../../src/core/layout/settings';
import { matrixLayout } from '../../../src/core/layout/matrix';
import { readUnits } from '../../../src/core/readers/units';
import { readCriteria } from '../../../src/core/readers/criteria';
import {
  ORPHAN_SHEET_NAME,
  PROTECTION_PREFIX,
  cellOut,
  planSetup,
  rebuildMatrix,
  resolveSheet,
  type SetupCurrent,
  type SheetPlan,
  type SheetSnapshot,
} from '../../../src/core/setup';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_UNIT_ROWS } from '../../../sample/cluster1';

const NOW = new Date(Date.UTC(2024, 0, 15));
const unitGrid = [headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS];
const criteriaGrid = [headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS];
const units = readUnits(unitGrid).value;
const tree = readCriteria(criteriaGrid).value;
const layout = matrixLayout(units, tree);

function current(sheets: SheetSnapshot[], storedIds: SetupCurrent['storedIds'] = {}): SetupCurrent {
  return { sheets, storedIds, editors: [], now: NOW, year: 2024 };
}
function planOf(plans: readonly SheetPlan[], name: string): SheetPlan {
  const p = plans.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no plan for ${name}`);
  return p;
}
function valuesOp(p: SheetPlan): unknown[][] | undefined {
  const op = p.ops.find((o) => o.op === 'values');
  return op?.op === 'values' ? op.values.map((r) => [...r]) : undefined;
}
/** The seeded matrix: headers, maxima, unit rows with a few scores. */
function matrixGrid(): unknown[][] {
  const grid: unknown[][] = [
    ...layout.headerRows.map((r) => [...r]),
    ...layout.unitRows.map((u) => [
      u.code,
      u.name,
      ...new Array(layout.columns.length - 2).fill(''),
    ]),
  ];
  (grid[2] as unknown[])[2] = 19.5; // BD, criterion 1
  (grid[3] as unknown[])[3] = 'Đạt'; // HM, criterion 2
  return grid;
}

describe('planSetup on an empty workbook', () => {
  const plan = planSetup(current([{ name: 'Trang tính1', id: 0, values: [['']] }]));

  it('creates every sheet of SHEET_ORDER in tab order and no orphan sheet', () => {
    expect(plan.sheets.map((p) => p.name)).toEqual([...SHEET_ORDER]);
    expect(plan.sheets.every((p) => p.source.kind === 'create')).toBe(true);
    expect(plan.sheets[0]?.source).toEqual({ kind: 'create', after: null });
    expect(plan.sheets[1]?.source).toEqual({ kind: 'create', after: 'guide' });
    expect(plan.report.created).toHaveLength(SHEET_ORDER.length);
  });

  it('writes default settings: cluster name and the clock’s year', () => {
    const values = valuesOp(planOf(plan.sheets, SHEET_NAMES.settings)) ?? [];
    expect(values[0]).toEqual(headerValues(SETTINGS_TABLE));
    expect(values[1]?.slice(0, 2)).toEqual([SETTING_ROWS[0]?.label, 'Cụm thi đua']);
    expect(values[2]?.[1]).toBe(2024);
    expect(values).toHaveLength(SETTING_ROWS.length + 1);
  });

  it('protects every sheet with the product prefix; audit without extra editors', () => {
    for (const p of plan.sheets) {
      expect(p.addProtections.length).toBeGreaterThan(0);
      for (const d of p.addProtections)
        expect(d.description.startsWith(PROTECTION_PREFIX)).toBe(true);
    }
    expect(planOf(plan.sheets, SHEET_NAMES.audit).addProtections[0]?.editors).toEqual([]);
  });
});

describe('planSetup over a filled workbook', () => {
  const settings: unknown[][] = [
    headerValues(SETTINGS_TABLE),
    ['Tên cụm, khối thi đua', 'Cụm số 7', ''],
  ];
  const sheets = (): SheetSnapshot[] => [
    { name: SHEET_NAMES.settings, id: 11, values: settings, protections: [] },
    { name: SHEET_NAMES.units, id: 12, values: unitGrid, protections: [] },
    { name: SHEET_NAMES.criteria, id: 13, values: criteriaGrid, protections: [] },
    { name: SHEET_NAMES.selfScores, id: 14, values: matrixGrid(), protections: [] },
  ];

  it('keeps a typed setting and appends only the missing rows, with defaults', () => {
    const plan = planSetup(current(sheets()));
    const p = planOf(plan.sheets, SHEET_NAMES.settings);
    const values = valuesOp(p) ?? [];
    expect(values.map((r) => r[0])).not.toContain('Tên cụm, khối thi đua');
    expect(values[0]?.slice(0, 2)).toEqual(['Năm thi đua', 2024]);
    const write = p.ops.find((o) => o.op === 'values');
    expect(write?.op === 'values' && write.row).toBe(3);
  });

  it('leaves a matrix that already matches untouched (no values written) and protects each unit row', () => {
    const plan = planSetup(current(sheets()));
    const p = planOf(plan.sheets, SHEET_NAMES.selfScores);
    expect(valuesOp(p)).toBeUndefined();
    const rows = p.addProtections.filter((d) => d.type === 'range');
    expect(rows).toHaveLength(units.length);
    expect(rows[2]?.editors).toEqual(['badinh.mttq@gmail.com', 'hoankiem.mttq@gmail.com']);
    // The score area is one unprotected range; the row protections cover it row by row.
    const sheetLevel = p.addProtections.find((d) => d.type === 'sheet');
    expect(sheetLevel?.unprotected).toEqual([
      { row: 3, column: 3, numRows: units.length, numColumns: 11 },
    ]);
  });

  it('keeps matching product protections, replaces stale ones, never touches the user’s', () => {
    const first = planSetup(current(sheets()));
    const wanted = planOf(first.sheets, SHEET_NAMES.selfScores).addProtections;
    const existing = [
      ...wanted.map((d) => ({ type: d.type, description: d.description })),
      { type: 'range' as const, description: `${PROTECTION_PREFIX} cũ #abc` },
      { type: 'range' as const, description: 'Bảo vệ của tôi' },
    ];
    const s = sheets();
    s[3] = { ...(s[3] as SheetSnapshot), protections: existing };
    const p = planOf(planSetup(current(s)).sheets, SHEET_NAMES.selfScores);
    expect(p.addProtections).toEqual([]);
    expect(p.removeProtections).toEqual([wanted.length]);
  });

  it('does not add its sheet protection over a user’s sheet protection, and says so', () => {
    const s = sheets();
    s[1] = { ...(s[1] as SheetSnapshot), protections: [{ type: 'sheet', description: '' }] };
    const plan = planSetup(current(s));
    expect(planOf(plan.sheets, SHEET_NAMES.units).addProtections).toEqual([]);
    expect(plan.report.problems.join('\n')).toContain('bảo vệ trang do người dùng đặt');
  });

  it('does not rebuild matrices when the unit list is empty, rather than orphaning every score', () => {
    const s = sheets();
    s[1] = { ...(s[1] as SheetSnapshot), values: [headerValues(UNITS_LAYOUT)] };
    const plan = planSetup(current(s));
    expect(planOf(plan.sheets, SHEET_NAMES.selfScores).ops).toEqual([]);
    expect(plan.sheets.some((p) => p.name === ORPHAN_SHEET_NAME)).toBe(false);
  });

  it('moves scores of a removed unit to the orphan sheet, written with the time', () => {
    const s = sheets();
    s[1] = {
      ...(s[1] as SheetSnapshot),
      values: [headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS.slice(1)],
    };
    const plan = planSetup(current(s));
    const orphans = planOf(plan.sheets, ORPHAN_SHEET_NAME);
    const rows = orphans.ops
      .filter((o) => o.op === 'values')
      .map((o) => (o as { values: readonly (readonly unknown[])[] }).values);
    expect(rows[1]?.[0]?.slice(0, 7)).toEqual([
      NOW,
      SHEET_NAMES.selfScores,
      'BD',
      'Ba Đình',
      '1',
      'C3',
      19.5,
    ]);
    expect(plan.report.problems.join('\n')).toContain('không xoá');
  });
});

describe('resolveSheet', () => {
  const fits = (): boolean => true;
  const base = { key: 'units' as const, name: SHEET_NAMES.units, claimed: new Set<number>() };
  it('finds a renamed sheet by id', () => {
    const r = resolveSheet({ ...base, sheets: [{ name: 'DV', id: 5 }], storedId: 5, fits });
    expect(r).toMatchObject({ kind: 'renamed', from: 'DV' });
  });
  it('reports a rename it cannot undo because the name is taken', () => {
    const r = resolveSheet({
      ...base,
      sheets: [
        { name: 'DV', id: 5 },
        { name: SHEET_NAMES.units, id: 6 },
      ],
      storedId: 5,
      fits,
    });
    expect(r.kind).toBe('conflict');
  });
  it('recreates a deleted sheet, adopts a fitting sheet, refuses a stranger', () => {
    expect(resolveSheet({ ...base, sheets: [], storedId: 5, fits })).toEqual({
      kind: 'create',
      deleted: true,
    });
    expect(
      resolveSheet({
        ...base,
        sheets: [{ name: SHEET_NAMES.units, id: 6 }],
        storedId: undefined,
        fits,
      }).kind,
    ).toBe('adopt');
    expect(
      resolveSheet({
        ...base,
        sheets: [{ name: SHEET_NAMES.units, id: 6 }],
        storedId: undefined,
        fits: () => false,
      }).kind,
    ).toBe('conflict');
  });
});

describe('rebuildMatrix', () => {
  it('moves each value with its unit and column, keeps formulas, and orphans what has no place', () => {
    const fewer = matrixLayout(units.slice(1), {
      ...tree,
      criteria: tree.criteria.filter((c) => c.code !== '2'),
    });
    const old = matrixGrid();
    (old[4] as unknown[])[2] = 17; // HK, criterion 1
    const formulas = old.map((r) => r.map(() => ''));
    (formulas[4] as string[])[4] = '=10*2';
    (old[4] as unknown[])[4] = 20;
    old.push(['', '', 'lạc chỗ']);
    const r = rebuildMatrix(SHEET_NAMES.selfScores, old, formulas, fewer);
    expect(r.changed).toBe(true);
    expect(r.grid[3]?.slice(0, 3)).toEqual(['HK', 'Hoàn Kiếm', 17]);
    const target = fewer.columnOfCriterion.get('3')?.target as number;
    expect(r.formulas[3]?.[target - 1]).toBe('=10*2');
    expect(r.orphans.map((o) => [o.unitCode, o.column, o.cell, o.value])).toEqual([
      ['BD', '1', 'C3', 19.5],
      ['HM', '2', 'D4', 'Đạt'],
      ['', '1', 'C9', 'lạc chỗ'],
    ]);
    expect(r.writeRows).toBe(old.length);
    expect(r.unitsRemoved).toEqual(['BD']);
    expect(r.columnsRemoved).toEqual(['2']);
  });

  it('reports no change when the sheet already is the matrix', () => {
    expect(rebuildMatrix(SHEET_NAMES.selfScores, matrixGrid(), undefined, layout).changed).toBe(
      false,
    );
  });
});

describe('cellOut', () => {
  it('keeps strings exactly: apostrophe outside text cells, none inside', () => {
    expect(cellOut('9,5', '0.00')).toBe("'9,5");
    expect(cellOut('=1+1', '0.00')).toBe("'=1+1");
    expect(cellOut('=1+1', '@')).toBe('=1+1');
    expect(cellOut(9.5, '0.00')).toBe(9.5);
    expect(cellOut(20, '0.00', '=10*2')).toBe('=10*2');
  });
});
