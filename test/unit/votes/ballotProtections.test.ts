import {
  BALLOT_PROTECTION_PREFIX,
  ballotConsentKey,
  planBallotProtections,
} from '../../../src/core/votes/ballotProtections';
import { planBallots, type BallotNominee } from '../../../src/core/votes/ballotSheet';
import { PROTECTION_PREFIX } from '../../../src/core/setup/planSetup';
import type { Unit } from '../../../src/core/model/unit';
import { SAMPLE_UNITS } from '../readers/sampleCluster';

const units: Unit[] = SAMPLE_UNITS.map((u) => ({ ...u, email: `${u.code.toLowerCase()}@cum.vn` }));
const nominees: BallotNominee[] = [
  { unit: 'BD', form: 'Cờ thi đua', label: 'Ba Đình (Cờ thi đua)' },
  { unit: 'HK', form: 'Bằng khen', label: 'Hoàn Kiếm (Bằng khen)' },
];

describe('planBallotProtections', () => {
  it('gives each voter its own block of mark cells, with the head; voter and nominee cells to the head only', () => {
    const plan = planBallotProtections(units, nominees.length);
    expect(plan).toHaveLength(units.length + 1);
    expect(plan.every((p) => p.description.startsWith(`${PROTECTION_PREFIX} `))).toBe(true);
    expect(plan.every((p) => p.description.startsWith(BALLOT_PROTECTION_PREFIX))).toBe(true);
    const [keys, ...blocks] = plan;
    expect(keys).toMatchObject({ row: 2, numRows: units.length * 2, column: 1, numColumns: 2 });
    expect(keys?.editors).toEqual(['bd@cum.vn']);
    blocks.forEach((b, i) => {
      const u = units[i];
      expect(b).toMatchObject({
        unit: u?.code,
        row: 2 + i * 2,
        numRows: 2,
        column: 3,
        numColumns: 2,
      });
      expect(b.editors).toEqual(
        [...new Set(['bd@cum.vn', `${u?.code.toLowerCase() ?? ''}@cum.vn`])].sort(),
      );
    });
    // Blocks never overlap and cover every ballot row.
    expect(blocks.map((b) => b.row)).toEqual(units.map((_, i) => 2 + i * 2));
    expect(planBallotProtections(units, 0)).toEqual([]);
  });
});

describe('ballotConsentKey', () => {
  it('ignores marks entered meanwhile but not rows that would now be dropped', () => {
    const header = ['Đơn vị bỏ phiếu', 'Đề nghị khen thưởng', 'Ý kiến', 'Phiếu không hợp lệ'];
    const rows = units.flatMap((u) => nominees.map((n) => [u.code, n.label, '', '']));
    const before = planBallots([header, ...rows], units, nominees);
    const marked = rows.map((r, i) => (i === 0 ? [r[0], r[1], 'Đồng ý', ''] : r));
    const after = planBallots([header, ...marked], units, nominees);
    expect(ballotConsentKey(after, nominees, units)).toBe(
      ballotConsentKey(before, nominees, units),
    );
    const extra = planBallots(
      [header, ...marked, ['BD', nominees[0]?.label, 'Đồng ý', '']],
      units,
      nominees,
    );
    expect(ballotConsentKey(extra, nominees, units)).not.toBe(
      ballotConsentKey(before, nominees, units),
    );
    expect(ballotConsentKey(before, nominees.slice(0, 1), units)).not.toBe(
      ballotConsentKey(before, nominees, units),
    );
  });
});
