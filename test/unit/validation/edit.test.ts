import { checkEditedCells } from '../../../src/core/validation/edit';
import { ClusterSettingsSchema } from '../../../src/core/model/settings';
import { matrixLayout } from '../../../src/core/layout/matrix';
import { MATRIX_HEADER, SAMPLE_TREE, SAMPLE_UNITS } from '../readers/sampleCluster';

const settings = ClusterSettingsSchema.parse({ clusterName: 'Cụm thi đua số 1', year: 2022 });
const context = { units: SAMPLE_UNITS, tree: SAMPLE_TREE, settings };
const summary = (v: { cell: string; ok: boolean; finding?: { code: string } }[]): string[] =>
  v.map((x) => (x.ok ? `${x.cell} ok` : `${x.cell} ${x.finding?.code ?? '?'}`));

describe('checkEditedCells', () => {
  it('gives one verdict per cell of a pasted block, in row-major order', () => {
    const verdicts = checkEditedCells(
      {
        sheet: 'Tự chấm',
        row: 4,
        column: 3,
        values: [
          ['19,5', 'Đạt', 0, 5],
          [25, 'Tốt', 10, ''],
        ],
      },
      context,
    );
    expect(summary(verdicts)).toEqual([
      'C4 ok',
      'D4 ok',
      'E4 invalid-value', // a target of 0
      'F4 ok',
      'C5 above-max',
      'D5 not-pass-fail',
      'E5 ok',
      'F5 ok',
    ]);
    expect(verdicts[4]?.finding?.message).toBe(
      'Trang "Tự chấm", ô C5: điểm 25 vượt điểm tối đa 20.',
    );
  });

  it('refuses every edit of a score sheet once scoring is closed', () => {
    const closed = { ...context, settings: { ...settings, scoringClosed: true } };
    for (const sheet of ['Tự chấm', 'Thẩm định', 'Chấm chéo']) {
      const verdicts = checkEditedCells({ sheet, row: 3, column: 3, values: [[18, '']] }, closed);
      expect(summary(verdicts)).toEqual(['C3 closed-period', 'D3 closed-period']);
    }
    expect(
      checkEditedCells({ sheet: 'Tự chấm', row: 3, column: 3, values: [[18]] }, closed)[0]?.finding
        ?.message,
    ).toBe('Trang "Tự chấm", ô C3: đã khóa chấm điểm, không nhận thay đổi thành "18".');
    // Other sheets stay editable.
    expect(
      summary(
        checkEditedCells({ sheet: 'Đơn vị', row: 2, column: 7, values: [['a@b.vn']] }, closed),
      ),
    ).toEqual(['G2 ok']);
  });

  it('finds matrix columns from the current header row when the adapter passes it', () => {
    const reordered = [MATRIX_HEADER[0], MATRIX_HEADER[1], ...MATRIX_HEADER.slice(2).reverse()];
    const verdicts = checkEditedCells(
      { sheet: 'Tự chấm', row: 3, column: 3, values: [[6]] },
      { ...context, headerRow: reordered },
    );
    // Column C now holds III.2, a penalty capped at 5.
    expect(summary(verdicts)).toEqual(['C3 above-max']);
  });

  it('uses a matrix layout given by the adapter, and checks unit cells and header edits', () => {
    const matrix = matrixLayout(SAMPLE_UNITS, SAMPLE_TREE);
    expect(
      summary(
        checkEditedCells(
          { sheet: 'Thẩm định', row: 1, column: 3, values: [['I.1', 'Điểm I.2']] },
          { ...context, matrix },
        ),
      ),
    ).toEqual(['C1 ok', 'D1 header-renamed']);
    expect(
      summary(
        checkEditedCells(
          { sheet: 'Thẩm định', row: 5, column: 1, values: [['Cầu Giấy', 'hoan kiem']] },
          { ...context, matrix },
        ),
      ),
    ).toEqual(['A5 unknown-unit', 'B5 ok']);
  });

  it('checks cross scores against the criterion of the same row when the row is given', () => {
    const row = ['BD', 'HM', 'I.2', 'Chưa đạt lắm'];
    const verdicts = checkEditedCells(
      { sheet: 'Chấm chéo', row: 5, column: 4, values: [['Chưa đạt lắm']] },
      { ...context, rows: [row] },
    );
    expect(summary(verdicts)).toEqual(['D5 not-pass-fail']);
    expect(
      summary(
        checkEditedCells(
          { sheet: 'Chấm chéo', row: 5, column: 1, values: [['BD', 'Cầu Giấy', 'I.9']] },
          context,
        ),
      ),
    ).toEqual(['A5 ok', 'B5 unknown-unit', 'C5 unknown-criterion']);
  });

  it('checks units, criteria, settings and ballots cells', () => {
    expect(
      summary(
        checkEditedCells(
          { sheet: 'Đơn vị', row: 3, column: 4, values: [['Trưởng cụm', '', '', 'x@']] },
          context,
        ),
      ),
    ).toEqual(['D3 invalid-value', 'E3 ok', 'F3 ok', 'G3 invalid-email']);
    expect(
      summary(
        checkEditedCells(
          { sheet: 'Tiêu chí', row: 3, column: 6, values: [['Tùy ý', '-2']] },
          context,
        ),
      ),
    ).toEqual(['F3 invalid-value', 'G3 below-zero']);
    // Row 3 of Cấu hình is the year, by set-up position; by label when the row is given.
    expect(
      summary(
        checkEditedCells(
          { sheet: 'Cấu hình', row: 3, column: 2, values: [['hai nghìn']] },
          context,
        ),
      ),
    ).toEqual(['B3 not-a-number']);
    expect(
      summary(
        checkEditedCells(
          { sheet: 'Cấu hình', row: 30, column: 2, values: [['Mở']] },
          { ...context, rows: [['Chấm điểm', 'Mở']] },
        ),
      ),
    ).toEqual(['B30 invalid-value']);
    expect(
      summary(
        checkEditedCells(
          { sheet: 'Bình xét', row: 2, column: 1, values: [['BD', 'HM', 'Đồng ý', '']] },
          context,
        ),
      ),
    ).toEqual(['A2 ok', 'B2 ok', 'C2 ok', 'D2 ok']);
  });

  it('costs nothing proportional to the sheet: a one-cell edit with 5,000 units stays fast', () => {
    const units = Array.from({ length: 5000 }, (_, i) => ({
      ...SAMPLE_UNITS[0],
      code: `U${i}`,
      name: `Đơn vị ${i}`,
    })) as typeof SAMPLE_UNITS;
    const started = Date.now();
    for (let i = 0; i < 1000; i++) {
      checkEditedCells(
        { sheet: 'Tự chấm', row: 3000, column: 3, values: [[i % 25]] },
        { ...context, units },
      );
    }
    // Score cells never look at the unit list: 1,000 edits well under a second.
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
