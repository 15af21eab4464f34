import { rankWorkbook } from '../../../src/core/ranking/rankWorkbook';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../../src/core/layout/settings';
import { settingsGrid } from '../../../src/core/layout/settingsGrid';
import { ClusterSettingsSchema } from '../../../src/core/model/settings';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../../src/core/layout/tables';
import { headerValues } from '../../../src/core/layout/columns';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_SETTINGS, SAMPLE_UNIT_ROWS } from '../../../sample/cluster1';

function grids(change?: (settings: unknown[][]) => void) {
  // settingsGrid starts with the header row, so setting i sits at row i + 1.
  const settings: unknown[][] = settingsGrid(ClusterSettingsSchema.parse(SAMPLE_SETTINGS));
  change?.(settings);
  return {
    [SHEET_NAMES.settings]: settings,
    [SHEET_NAMES.units]: [headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS],
    [SHEET_NAMES.criteria]: [headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS],
  };
}

function rowOf(key: string): number {
  return SETTING_ROWS.findIndex((r) => r.key === key) + 1;
}

describe('ranking fingerprint', () => {
  const base = rankWorkbook(grids()).fingerprint;

  it('ignores Cấu hình rows that only say where documents go (a pledge link written back)', () => {
    const after = rankWorkbook(
      grids((s) => {
        const row = s[rowOf('pledgeDocLink')];
        if (row) row[1] = 'https://docs.google.com/document/d/abc/edit';
      }),
    ).fingerprint;
    expect(after).toBe(base);
  });

  it('changes when a setting that decides the ranking changes (the Xuất sắc threshold)', () => {
    const after = rankWorkbook(
      grids((s) => {
        const row = s[rowOf('bandExcellent')];
        if (row) row[1] = 90;
      }),
    ).fingerprint;
    expect(after).not.toBe(base);
  });
});
