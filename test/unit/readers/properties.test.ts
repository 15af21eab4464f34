import fc from 'fast-check';
import { readSettings } from '../../../src/core/readers/settings';
import { readUnits } from '../../../src/core/readers/units';
import { readCriteria } from '../../../src/core/readers/criteria';
import { readScoreMatrix } from '../../../src/core/readers/scoreMatrix';
import { readCrossScores } from '../../../src/core/readers/crossScores';
import { readBallots } from '../../../src/core/readers/ballots';
import { FindingSchema } from '../../../src/core/findings';
import { checkScoreEntry, checkTargetPart } from '../../../src/core/readers/values';
import { parseText } from '../../../src/core/parse/text';
import {
  MATRIX_HEADER,
  MATRIX_MAX_ROW,
  SAMPLE_TREE,
  SAMPLE_UNITS,
  CRITERIA_HEADER,
  UNITS_HEADER,
} from './sampleCluster';

/** Anything getValues() can return in a cell, plus header texts so that columns get found. */
const cell = (extra: string[] = []): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.date(),
    fc.constant(''),
    ...(extra.length > 0 ? [fc.constantFrom(...extra)] : []),
  );
const grid = (extra: string[] = []): fc.Arbitrary<unknown[][]> =>
  fc.array(fc.array(cell(extra), { maxLength: 14 }), { maxLength: 12 });

const HEADER_WORDS = [
  ...UNITS_HEADER,
  ...CRITERIA_HEADER,
  ...MATRIX_HEADER.map(String),
  'Nội dung',
  'Giá trị',
  'Năm thi đua',
  'Đơn vị chấm',
  'Đơn vị được chấm',
  'Điểm',
  'Đơn vị bỏ phiếu',
  'Đề nghị khen thưởng',
  'Ý kiến',
  'BD',
  'Hoàng Mai',
  'Chấm điểm',
  'Đạt',
];

describe('readers on arbitrary grids', () => {
  it('never throw, and every finding is well formed', () => {
    fc.assert(
      fc.property(grid(HEADER_WORDS), (g) => {
        const results = [
          readSettings(g),
          readUnits(g),
          readCriteria(g),
          readScoreMatrix(g, {
            sheet: 'Tự chấm',
            source: 'self',
            units: SAMPLE_UNITS,
            tree: SAMPLE_TREE,
          }),
          readCrossScores(g, { units: SAMPLE_UNITS, tree: SAMPLE_TREE }),
          readBallots(g, { units: SAMPLE_UNITS, nominees: ['BD', 'HM'] }),
        ];
        for (const r of results) {
          for (const f of r.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('survive ragged rows, holes, null and non-array rows', () => {
    const odd = [
      [],
      null,
      undefined,
      ['Mã đơn vị'],
      'text',
      [undefined, null, NaN, Infinity],
    ] as unknown[];
    expect(() => readUnits(odd)).not.toThrow();
    expect(() => readCriteria(odd)).not.toThrow();
    expect(() => readSettings(odd)).not.toThrow();
    expect(() =>
      readScoreMatrix(odd, {
        sheet: 'Tự chấm',
        source: 'self',
        units: SAMPLE_UNITS,
        tree: SAMPLE_TREE,
      }),
    ).not.toThrow();
  });
});

describe('score matrix cells', () => {
  /** Columns C..M of the sample matrix and what each holds. */
  const entryColumns = MATRIX_HEADER.slice(2).map(String);

  it("a value known to be bad for a 0..20 criterion is reported at its cell, judged without the reader's own checks", () => {
    // I.1 (column C) is scored 0..20. Bad by construction: above the max, below 0, or words.
    const bad = fc.oneof(
      fc.double({ min: 20.001, max: 1e6, noNaN: true }),
      fc.double({ min: -1e6, max: -0.001, noNaN: true }),
      fc.integer({ min: 21, max: 5000 }).map((n) => String(n).replace('.', ',')),
      fc
        .stringMatching(/^[a-zđêôơư ]{2,12}$/)
        .filter((t) => t.trim().length > 1 && t.trim() !== 'x'),
    );
    fc.assert(
      fc.property(bad, fc.integer({ min: 0, max: 5 }), (value, unitIndex) => {
        const row = Array<unknown>(11).fill('');
        row[0] = value;
        const unit = SAMPLE_UNITS[unitIndex];
        const g: unknown[][] = [
          [...MATRIX_HEADER],
          [...MATRIX_MAX_ROW],
          [unit?.code, unit?.name, ...row],
        ];
        const { value: entries, findings } = readScoreMatrix(g, {
          sheet: 'Tự chấm',
          source: 'self',
          units: SAMPLE_UNITS,
          tree: SAMPLE_TREE,
        });
        expect(findings.filter((f) => f.cell === 'C3' && f.sheet === 'Tự chấm')).toHaveLength(1);
        expect(entries.some((e) => e.at?.cell === 'C3')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('every non-empty bad score cell yields exactly one finding naming its cell, and no entry', () => {
    const scoreCell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.date(),
      fc.constant(''),
      fc.constantFrom('9,5', 'Đạt', 'Không đạt', 'x', '-1', '100', '1.234,5', '20'),
      fc.integer({ min: -5, max: 130 }),
    );
    const rows = fc.array(fc.array(scoreCell, { minLength: 11, maxLength: 11 }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(rows, (scoreRows) => {
        const g: unknown[][] = [
          [...MATRIX_HEADER],
          [...MATRIX_MAX_ROW],
          ...scoreRows.map((r, i) => [SAMPLE_UNITS[i]?.code, SAMPLE_UNITS[i]?.name, ...r]),
        ];
        const { value, findings } = readScoreMatrix(g, {
          sheet: 'Tự chấm',
          source: 'self',
          units: SAMPLE_UNITS,
          tree: SAMPLE_TREE,
        });
        const entryCells = new Set(value.map((e) => e.at?.cell));
        scoreRows.forEach((r, i) => {
          r.forEach((raw, j) => {
            const a1 = `${String.fromCharCode(67 + j)}${i + 3}`;
            const header = entryColumns[j] ?? '';
            const part = header.endsWith('Chỉ tiêu')
              ? 'target'
              : header.endsWith('Thực hiện')
                ? 'actual'
                : undefined;
            const criterion = SAMPLE_TREE.criteria.find((c) => c.code === header);
            const check = part
              ? checkTargetPart(part, raw)
              : criterion
                ? checkScoreEntry(criterion, raw)
                : undefined;
            const here = findings.filter((f) => f.cell === a1);
            if (parseText(raw).kind !== 'empty' && check?.kind === 'bad') {
              expect(here).toHaveLength(1);
              expect(here[0]?.sheet).toBe('Tự chấm');
              expect(here[0]?.message).toContain(`ô ${a1}:`);
              expect(entryCells.has(a1)).toBe(false);
            }
            if (check?.kind === 'ok') {
              expect(here).toHaveLength(0);
            }
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
