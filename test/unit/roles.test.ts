/**
 * The roles table's protection planning (src/core/setup/protectionPlan.ts, src/core/roles.ts): who
 * is on which protection for owner, head, deputy, member and other editors.
 */
import { UnitSchema, type Unit } from '../../src/core/model/unit';
import { actionPermission, DEFAULT_GRANTS } from '../../src/core/roles';
import { ownRowRuns, runnerKeptOn, verifiedRowRuns } from '../../src/core/setup/protectionPlan';
import { crossBlockRows } from '../../src/core/setup/crossScoresPlan';
import { SHEET_NAMES } from '../../src/core/layout/sheets';

const unit = (code: string, role: Unit['role'], email: string): Unit =>
  UnitSchema.parse({ code, name: code, role, email });
const UNITS = [
  unit('H', 'head', 'truong@gmail.com'),
  unit('D', 'deputy', 'pho@hanoi.gov.vn'),
  unit('A', 'member', 'a@gmail.com'),
  unit('B', 'member', 'b@xa.gov.vn'),
  unit('C', 'member', ''),
];
const rows = UNITS.map((u, i) => ({ row: 3 + i, code: u.code }));

describe('Thẩm định: the verifiers, never the unit verified', () => {
  it('members’ rows share one protection; head and deputy rows have their own without themselves', () => {
    const runs = verifiedRowRuns(rows, UNITS, DEFAULT_GRANTS);
    expect(runs).toEqual([
      { row: 3, numRows: 1, editors: ['pho@hanoi.gov.vn'], units: ['H'] },
      { row: 4, numRows: 1, editors: ['truong@gmail.com'], units: ['D'] },
      {
        row: 5,
        numRows: 3,
        editors: ['pho@hanoi.gov.vn', 'truong@gmail.com'],
        units: ['A', 'B', 'C'],
      },
    ]);
    for (const run of runs) {
      for (const code of run.units) {
        const email = UNITS.find((u) => u.code === code)?.email ?? '';
        if (email !== '') expect(run.editors).not.toContain(email);
      }
    }
  });

  it('without the deputies grant only the head verifies (and nobody the head’s row)', () => {
    const runs = verifiedRowRuns(rows, UNITS, { deputiesVerify: false });
    expect(runs[0]).toEqual({ row: 3, numRows: 1, editors: [], units: ['H'] });
    expect(runs[1]?.editors).toEqual(['truong@gmail.com']);
    expect(runs.flatMap((r) => r.editors)).not.toContain('pho@hanoi.gov.vn');
  });
});

describe('own rows (Tự chấm, Chấm chéo, Bình xét)', () => {
  it('each unit and the head, one protection per unit even when lists are equal', () => {
    const runs = ownRowRuns(SHEET_NAMES.selfScores, rows, UNITS, DEFAULT_GRANTS);
    expect(runs.map((r) => [r.units, r.editors])).toEqual([
      [['H'], ['truong@gmail.com']],
      [['D'], ['pho@hanoi.gov.vn', 'truong@gmail.com']],
      [['A'], ['a@gmail.com', 'truong@gmail.com']],
      [['B'], ['b@xa.gov.vn', 'truong@gmail.com']],
      [['C'], ['truong@gmail.com']],
    ]);
  });

  it('Chấm chéo blocks: every other unit × every criterion, scorer by scorer', () => {
    const tree = {
      groups: [{ code: 'I', name: 'I', order: 0 }],
      criteria: [
        { code: 'I.1', group: 'I' },
        { code: 'I.2', group: 'I' },
      ],
    } as unknown as Parameters<typeof crossBlockRows>[1];
    const blocks = crossBlockRows(UNITS.slice(0, 3), tree);
    expect(blocks).toEqual([
      ['H', 'D', 'I.1'],
      ['H', 'D', 'I.2'],
      ['H', 'A', 'I.1'],
      ['H', 'A', 'I.2'],
      ['D', 'H', 'I.1'],
      ['D', 'H', 'I.2'],
      ['D', 'A', 'I.1'],
      ['D', 'A', 'I.2'],
      ['A', 'H', 'I.1'],
      ['A', 'H', 'I.2'],
      ['A', 'D', 'I.1'],
      ['A', 'D', 'I.2'],
    ]);
  });
});

describe('who runs set-up', () => {
  const membership = { owner: 'chu@thanhpho.gov.vn', units: UNITS };
  it.each([
    ['chu@thanhpho.gov.vn', true],
    ['truong@gmail.com', true],
    ['pho@hanoi.gov.vn', false],
    ['a@gmail.com', false],
    ['khac@yahoo.com', false],
    ['', false],
  ])('%s may run set-up: %s', (email, allowed) => {
    expect(actionPermission('setup', 'Khởi tạo', email, membership).allowed).toBe(allowed);
  });

  it('a file with no owner Google names and no head yet: anyone may set it up', () => {
    const none = { owner: '', units: [] };
    expect(actionPermission('setup', 'Khởi tạo', 'x@gmail.com', none).allowed).toBe(true);
    expect(actionPermission('rank', 'Xếp hạng', 'x@gmail.com', none).allowed).toBe(false);
  });

  it('a head running set-up is named on the protections that should not list it', () => {
    const planned = [
      { editors: ['pho@hanoi.gov.vn'], label: 'Thẩm định – dòng của H' },
      { editors: ['truong@gmail.com'], label: 'Đơn vị' },
    ];
    expect(runnerKeptOn('truong@gmail.com', 'chu@thanhpho.gov.vn', planned)).toEqual([
      'Thẩm định – dòng của H',
    ]);
    expect(runnerKeptOn('chu@thanhpho.gov.vn', 'chu@thanhpho.gov.vn', planned)).toEqual([]);
  });
});
