/**
 * The pure repair decisions of set-up on a damaged score matrix: where the matrix is when its
 * header rows were pasted over, cleared or deleted, and that every score the damage did not touch
 * keeps its unit and criterion while only the damaged cells are kept aside.
 */
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../../src/core/layout/tables';
import { headerValues } from '../../../src/core/layout/columns';
import { locateScoreCell, matrixLayout } from '../../../src/core/layout/matrix';
import { readUnits } from '../../../src/core/readers/units';
import { readCriteria } from '../../../src/core/readers/criteria';
import { parseA1 } from '../../../src/core/a1';
import { locateMatrix, matrixMaxima } from '../../../src/core/setup/matrixLocate';
import { rebuildMatrix } from '../../../src/core/setup/matrixRebuild';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_UNIT_ROWS } from '../../../sample/cluster1';

const units = readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value;
const tree = readCriteria([headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS]).value;
const layout = matrixLayout(units, tree);
const WIDTH = layout.columns.length;
const SHEET = SHEET_NAMES.selfScores;

/** A distinct score for every unit row and entry column: (row, column) → value. */
function score(unitIndex: number, column: number): number {
  return unitIndex * 100 + column;
}

/** The matrix as set-up leaves it, every entry cell filled. */
function fullMatrix(): unknown[][] {
  return [
    ...layout.headerRows.map((r) => [...r]),
    ...layout.unitRows.map((u, i) => [
      u.code,
      u.name,
      ...Array.from({ length: WIDTH - 2 }, (_, k) => score(i, k + 2)),
    ]),
  ];
}

/** unit code → criterion header → value, read from a rebuilt grid. */
function byKey(grid: readonly (readonly unknown[])[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (let r = 2; r < grid.length; r++) {
    for (let c = 2; c < WIDTH; c++) {
      const v = grid[r]?.[c];
      if (v !== '' && v !== undefined)
        out.set(`${String(grid[r]?.[0])}|${layout.columns[c]?.header}`, v);
    }
  }
  return out;
}

const untouched = byKey(fullMatrix());

describe('a block pasted over the header rows', () => {
  it('scores pasted over headers and maxima: every score stays, only the pasted cells are kept aside', () => {
    const old = fullMatrix();
    // Two rows of scores pasted at C1 instead of further down (numbers and a pass/fail mark).
    const pasted = [
      [18, 'Đạt', 900, 1000, 4, 14, 9, 5, 10, 2, 1],
      [17.5, 'Không đạt', 800, 700, 3, 13, 8, 4, 9, 1, 0],
    ];
    pasted.forEach((row, r) => {
      row.forEach((v, k) => ((old[r] as unknown[])[2 + k] = v));
    });
    const at = locateMatrix(old, layout);
    expect([at.headerRow, at.maxRow, at.codeColumn, at.nameColumn]).toEqual([0, 1, 0, 1]);
    for (let c = 2; c < WIDTH; c++) expect(at.columnIndex.get(c)).toBe(c);

    const r = rebuildMatrix(SHEET, old, undefined, layout);
    expect(byKey(r.grid)).toEqual(untouched);
    expect(r.grid.slice(0, 2)).toEqual(layout.headerRows);
    expect(r.moved).toBe(0);
    const kept = pasted.flatMap((row, i) => row.slice(0, WIDTH - 2).map((v, k) => [i, 2 + k, v]));
    expect(
      r.orphans.map((o) => [parseA1(o.cell).row - 1, parseA1(o.cell).column - 1, o.value]),
    ).toEqual(kept);
    expect(r.orphans.map((o) => o.column)).toEqual(
      kept.map(([, c]) => layout.columns[c as number]?.header),
    );
    expect(r.headerCellsKept).toBe(kept.length);
  });

  it('whole unit rows pasted at A1: the unit columns are found by Đơn vị’s codes and names', () => {
    const old = fullMatrix();
    old[0] = [...(old[3] as unknown[])].map((v, c) => (c < 2 ? v : 1000 + c));
    old[1] = [...(old[4] as unknown[])].map((v, c) => (c < 2 ? v : 2000 + c));
    const at = locateMatrix(old, layout);
    expect([at.headerRow, at.maxRow, at.codeColumn, at.nameColumn]).toEqual([0, 1, 0, 1]);
    const r = rebuildMatrix(SHEET, old, undefined, layout);
    expect(byKey(r.grid)).toEqual(untouched);
    expect(r.orphans).toHaveLength(2 * WIDTH);
    // The pasted rows name their unit: the orphan says whose scores they were meant to be.
    const [first, second] = [layout.unitRows[1], layout.unitRows[2]];
    expect(r.orphans[0]).toMatchObject({ unitCode: first?.code, cell: 'A1', column: 'Mã đơn vị' });
    expect(r.orphans[WIDTH + 2]).toMatchObject({
      unitCode: second?.code,
      cell: 'C2',
      column: layout.columns[2]?.header,
      value: 2002,
    });
  });

  it('a pasted number equal to a criterion code is not taken for that criterion', () => {
    const old = fullMatrix();
    // 5 pasted over the header of criterion "2" (column D); the maxima row was pasted over too.
    (old[0] as unknown[])[3] = 5;
    (old[1] as unknown[])[3] = 7;
    const at = locateMatrix(old, layout);
    expect(at.columnIndex.get(3)).toBe(3);
    expect(at.headerState.get(3)).toBe('damaged');
    expect(byKey(rebuildMatrix(SHEET, old, undefined, layout).grid)).toEqual(untouched);
  });

  it('scores pasted over the maxima row only are kept aside, the maxima rewritten', () => {
    const old = fullMatrix();
    (old[1] as unknown[])[2] = 11;
    (old[1] as unknown[])[6] = 'Đạt';
    const r = rebuildMatrix(SHEET, old, undefined, layout);
    expect(byKey(r.grid)).toEqual(untouched);
    expect(r.grid[1]).toEqual(layout.headerRows[1]);
    expect(r.orphans.map((o) => [o.cell, o.value])).toEqual([
      ['C2', 11],
      ['G2', 'Đạt'],
    ]);
  });
});

describe('a maximum changed in Tiêu chí is not a paste', () => {
  it('the old maximum, shown on both matrices, is rewritten quietly; one shown on one only is kept aside', () => {
    const changed = matrixLayout(units, {
      ...tree,
      criteria: tree.criteria.map((c) => (c.code === '1' ? { ...c, maxPoints: 25 } : c)),
    });
    const old = fullMatrix(); // maxima as set-up wrote them before the change (criterion 1: 20)
    const peer = fullMatrix();
    const quiet = rebuildMatrix(
      SHEET,
      old,
      undefined,
      changed,
      undefined,
      matrixMaxima(peer, changed),
    );
    expect(quiet.orphans).toEqual([]);
    expect(quiet.grid[1]?.[2]).toBe(25);
    // Without the other matrix to compare with, the differing cell is kept aside, never dropped.
    const alone = rebuildMatrix(SHEET, old, undefined, changed);
    expect(alone.orphans.map((o) => [o.cell, o.value])).toEqual([['C2', old[1]?.[2]]]);
  });
});

describe('rows and columns deleted, inserted or sorted', () => {
  it('the header row deleted: the maxima row says where the matrix is', () => {
    const old = fullMatrix().slice(1);
    const at = locateMatrix(old, layout);
    expect([at.headerRow, at.maxRow]).toEqual([-1, 0]);
    const r = rebuildMatrix(SHEET, old, undefined, layout);
    expect(byKey(r.grid)).toEqual(untouched);
    expect(r.orphans).toEqual([]);
  });

  it('both header rows deleted: the first unit row is a unit, not a header', () => {
    const old = fullMatrix().slice(2);
    expect(locateMatrix(old, layout).headerRow).toBe(-1);
    const r = rebuildMatrix(SHEET, old, undefined, layout);
    expect(byKey(r.grid)).toEqual(untouched);
    expect(r.orphans).toEqual([]);
  });

  it('sorted unit rows (or the whole table, headers included) go back to Đơn vị’s order', () => {
    const data = fullMatrix().slice(2).reverse();
    const headers = fullMatrix().slice(0, 2);
    for (const old of [
      [...headers, ...data],
      [...data.slice(0, 3), ...headers, ...data.slice(3)],
      // Sorted with the header rows inside the range, and they ended at the bottom.
      [...data, ...headers],
    ]) {
      const r = rebuildMatrix(SHEET, old, undefined, layout);
      expect(byKey(r.grid)).toEqual(untouched);
      expect(r.orphans).toEqual([]);
      expect(r.grid.map((row) => row[0])).toEqual(fullMatrix().map((row) => row[0]));
    }
  });

  it('a deleted unit row and a deleted criterion column: the rest keep unit and criterion', () => {
    const column = (locateScoreCell(layout, 'BD', '5') as string).charCodeAt(0) - 65;
    const old = fullMatrix()
      .filter((row) => row[0] !== 'HM')
      .map((row) => row.filter((_, c) => c !== column));
    const r = rebuildMatrix(SHEET, old, undefined, layout);
    const expected = new Map(
      [...untouched].filter(([k]) => !k.startsWith('HM|') && !k.endsWith('|5')),
    );
    expect(byKey(r.grid)).toEqual(expected);
    expect(r.orphans).toEqual([]);
    expect(r.unitsAdded).toEqual(['HM']);
    expect(r.columnsAdded).toEqual(['5']);
  });

  it('an inserted column with a value beside an overwritten header: kept aside, never guessed', () => {
    const old = fullMatrix().map((row, r) => {
      const out = [...row];
      out.splice(4, 0, r === 3 ? 'ghi chú' : '');
      return out;
    });
    (old[0] as unknown[])[5] = 42; // the header right of the inserted column pasted over
    const at = locateMatrix(old, layout);
    expect(at.columnIndex.has(4)).toBe(false);
    const r = rebuildMatrix(SHEET, old, undefined, layout);
    // Column F (criterion 3's target) sits between two anchors that disagree by the inserted
    // column, so its scores are kept aside rather than put under a guessed criterion.
    expect(at.columnIndex.has(5)).toBe(false);
    const aside = r.orphans.filter((o) => /^F([3-9]|\d\d)$/.test(o.cell));
    expect(aside).toHaveLength(units.length);
    expect(aside[0]?.reason).toContain('không xác định được');
    expect(r.orphans.find((o) => o.cell === 'E4')?.value).toBe('ghi chú');
    const lost = new Map([...untouched].filter(([k]) => !k.endsWith('|3 - Chỉ tiêu')));
    expect(byKey(r.grid)).toEqual(lost);
  });

  it('an intact matrix is found where set-up wrote it and changes nothing', () => {
    const r = rebuildMatrix(SHEET, fullMatrix(), undefined, layout);
    expect(r.changed).toBe(false);
    expect(r.orphans).toEqual([]);
  });
});
