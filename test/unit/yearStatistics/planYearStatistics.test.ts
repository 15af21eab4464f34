import { planYearStatistics } from '../../../src/core/yearStatistics/yearStatisticsSheet';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { historySheetGrid } from '../../../sample/clusterHistory';

const TIME = '15/01/2023 08:00';

describe('planYearStatistics', () => {
  it('refuses with neither Lịch sử nor Khen thưởng, saying the old sheet stays', () => {
    const plan = planYearStatistics({ grids: {}, time: TIME });
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.message).toContain(`chưa có trang "${SHEET_NAMES.history}"`);
      expect(plan.message).toContain(`trang "${SHEET_NAMES.yearStatistics}" cũ`);
    }
  });

  it('refuses a history whose item column is gone, naming the header cell', () => {
    const grid = historySheetGrid().map((r) => [...r]);
    (grid[0] as unknown[])[4] = '';
    const plan = planYearStatistics({ grids: { [SHEET_NAMES.history]: grid }, time: TIME });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toContain(`Trang "${SHEET_NAMES.history}", ô E1`);
  });

  it('names a history row with an error by its cell and counts the rest', () => {
    const grid = historySheetGrid().map((r) => [...r]);
    (grid[1] as unknown[])[0] = 'hai nghìn';
    const plan = planYearStatistics({ grids: { [SHEET_NAMES.history]: grid }, time: TIME });
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(String(plan.block.values[1]?.[1])).toContain(
        `1 dòng lịch sử có lỗi chưa được tính ('${SHEET_NAMES.history}'!A2)`,
      );
      expect(plan.block.values[0]?.[0]).toBe('THỐNG KÊ KHEN THƯỞNG QUA CÁC NĂM 2020–2022');
      // Every row of the block is as wide as the sheet's table and has a format per cell.
      for (const [i, row] of plan.block.values.entries()) {
        expect(row).toHaveLength(plan.block.width);
        expect(plan.block.numberFormats[i]).toHaveLength(plan.block.width);
      }
    }
  });
});
