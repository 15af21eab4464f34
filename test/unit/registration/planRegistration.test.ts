import { headerValues } from '../../../src/core/layout/columns';
import {
  REGISTRATION_LAYOUT,
  REGISTRATION_MIN_BLOCK_ROWS as MIN,
  REGISTRATION_SPARE_ROWS as SPARE,
} from '../../../src/core/layout/registrationTables';
import { blockSequence, planRegistration } from '../../../src/core/registration/planRegistration';
import type { SheetOp } from '../../../src/core/setup/types';

const HEADER = headerValues(REGISTRATION_LAYOUT);
const WIDTH = HEADER.length;
const TABLE = {
  positions: new Map(REGISTRATION_LAYOUT.columns.map((c, i) => [c.key as string, i + 1])),
  dataRow: 2,
  width: WIDTH,
};
const unit = (
  code: string,
  registeredTitle = '',
): { code: string; name: string; registeredTitle: string } => ({
  code,
  name: `Tên ${code}`,
  registeredTitle,
});

/** The grid after the plan's value writes, as getValues would read it back. */
function apply(grid: readonly (readonly unknown[])[], ops: readonly SheetOp[]): unknown[][] {
  const out = grid.map((r) => [...r]);
  for (const op of ops) {
    if (op.op !== 'values') continue;
    op.values.forEach((line, r) => {
      line.forEach((v, c) => {
        const row = (out[op.row - 1 + r] ??= new Array<unknown>(WIDTH).fill(''));
        row[op.column - 1 + c] = v;
      });
    });
  }
  return out;
}

/** Every typed (non-key) cell with its unit code: what must survive any rebuild. */
function typed(grid: readonly (readonly unknown[])[]): string[] {
  return grid
    .slice(1)
    .flatMap((r) =>
      r.slice(2).map((v, c) => (v === '' ? '' : `${String(r[0])}|${String(c)}|${String(v)}`)),
    )
    .filter((s) => s !== '')
    .sort();
}

describe('planRegistration', () => {
  it('lays out one block per unit and carries Đơn vị’s registered title into it', () => {
    const plan = planRegistration([HEADER], undefined, TABLE, [
      unit('BD', 'Cờ thi đua'),
      unit('HM'),
    ]);
    const grid = apply([HEADER], plan.ops);
    expect(plan.blocks).toEqual([
      { unitCode: 'BD', row: 2, numRows: MIN },
      { unitCode: 'HM', row: 2 + MIN, numRows: MIN },
    ]);
    expect(grid.slice(1).map((r) => r[0])).toEqual([
      ...Array(MIN).fill('BD'),
      ...Array(MIN).fill('HM'),
    ]);
    expect(grid[1]?.slice(0, 3)).toEqual(['BD', 'Tên BD', 'Cờ thi đua']);
    expect(plan.migrated).toEqual(['BD']);
    expect([plan.entryColumn, plan.entryColumns]).toEqual([3, WIDTH - 2]);
    // Run again on what it wrote: nothing to do.
    const again = planRegistration(grid, undefined, TABLE, [unit('BD', 'Cờ thi đua'), unit('HM')]);
    expect(again.changed).toBe(false);
    expect(again.ops).toEqual([]);
    expect(again.migrated).toEqual([]);
  });

  it('keeps every typed row with its unit when a unit is added before it, and grows a full block', () => {
    const first = apply(
      [HEADER],
      planRegistration([HEADER], undefined, TABLE, [unit('BD'), unit('HM')]).ops,
    );
    // HM fills its whole block; BD types two people.
    first[1]![3] = 'Nguyễn Văn An';
    first[1]![5] = 'Lao động tiên tiến';
    first[3]![3] = 'Lê Thị Hoa';
    for (let i = 0; i < MIN; i++) first[1 + MIN + i]![3] = `Người ${String(i + 1)}`;
    const before = typed(first);
    const plan = planRegistration(first, undefined, TABLE, [unit('LB'), unit('BD'), unit('HM')]);
    const after = apply(first, plan.ops);
    expect(typed(after)).toEqual(before);
    expect(plan.blocks.map((b) => [b.unitCode, b.numRows])).toEqual([
      ['LB', MIN],
      ['BD', MIN],
      ['HM', MIN + SPARE],
    ]);
    // BD's two people, in the order and at the places typed, now in BD's moved block.
    const bd = plan.blocks[1]!.row - 1;
    expect([after[bd]?.[3], after[bd + 1]?.[3], after[bd + 2]?.[3]]).toEqual([
      'Nguyễn Văn An',
      '',
      'Lê Thị Hoa',
    ]);
    expect(plan.moved).toBe(2 + MIN);
    expect(
      planRegistration(after, undefined, TABLE, [unit('LB'), unit('BD'), unit('HM')]).changed,
    ).toBe(false);
  });

  it('keeps rows of a unit no longer listed, as typed, after the blocks', () => {
    const first = apply(
      [HEADER],
      planRegistration([HEADER], undefined, TABLE, [unit('BD'), unit('HM')]).ops,
    );
    first[1 + MIN]![3] = 'Trần Văn Bình';
    first[1 + MIN]![2] = 'Cờ thi đua';
    const plan = planRegistration(first, undefined, TABLE, [unit('BD')]);
    const after = apply(first, plan.ops);
    expect(plan.strays).toEqual({ row: 2 + MIN, numRows: 1 });
    expect(after[1 + MIN]?.slice(0, 4)).toEqual(['HM', 'Tên HM', 'Cờ thi đua', 'Trần Văn Bình']);
    // The rest of HM's old block is cleared: it held nothing typed.
    expect(after.slice(2 + MIN).every((r) => r.every((v) => v === ''))).toBe(true);
    expect(typed(after)).toEqual(typed(first));
  });

  it('does not carry Đơn vị’s title into a block that already registered one', () => {
    const first = apply([HEADER], planRegistration([HEADER], undefined, TABLE, [unit('BD')]).ops);
    first[2]![2] = 'Tập thể lao động tiên tiến';
    const plan = planRegistration(first, undefined, TABLE, [unit('BD', 'Cờ thi đua')]);
    expect(plan.migrated).toEqual([]);
    expect(plan.changed).toBe(false);
  });

  it('keeps blank rows inside a block, not around a row that joins from elsewhere', () => {
    const typedRows = new Set([10, 12, 40, 52]);
    const isTyped = (r: number): boolean => typedRows.has(r);
    // Block 10–17 (typed 10 and 12), a row typed at 40, a split-off run 50–53 (typed 52).
    const rows = [10, 11, 12, 13, 14, 15, 16, 17, 40, 50, 51, 52, 53];
    expect(blockSequence(rows, isTyped)).toEqual([10, 11, 12, 40, 52]);
    expect(blockSequence([10, 11, 12], () => false)).toEqual([]);
  });
});
