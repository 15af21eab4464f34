/** editNeeds / checkEdit for Khen thưởng: what onEdit reads and how Cấu hình's year is used. */
import {
  CHECKED_SHEETS,
  checkEdit,
  editNeeds,
  isCheckedSheet,
  settingsYear,
} from '../../../src/core/edit/editCheck';
import { headerValues } from '../../../src/core/layout/columns';
import { SETTING_ROWS } from '../../../src/core/layout/settings';
import { settingsGrid } from '../../../src/core/layout/settingsGrid';
import { readSettings } from '../../../src/core/readers/settings';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../../src/core/layout/tables';
import { ClusterSettingsSchema } from '../../../src/core/model/settings';

const SHEET = SHEET_NAMES.awards;
const settings = (): unknown[][] =>
  settingsGrid(
    ClusterSettingsSchema.parse({
      clusterName: 'Cụm thi đua số 1',
      year: 2022,
      scoringClosed: true,
    }),
  );

/** A collective row without a year or decision date. */
const ROW = ['Tập thể', 'Trường THCS Nhân Chính', '', '', 'Giấy khen', 'Cơ sở'];

describe('Khen thưởng in the edit check', () => {
  it('is a checked sheet, read with its header row, the edited rows and Cấu hình only', () => {
    expect(CHECKED_SHEETS).toContain(SHEET);
    expect(isCheckedSheet(SHEET)).toBe(true);
    expect(editNeeds(SHEET, 5)).toEqual({
      settings: true,
      units: false,
      criteria: false,
      headerRows: 1,
      fullRows: true,
    });
  });

  it("reads Cấu hình's year even when another setting is bad", () => {
    const grid = settings();
    expect(settingsYear(grid)).toBe(2022);
    const label = SETTING_ROWS.find((r) => r.key === 'clusterName')?.label;
    const nameRow = grid.findIndex((r) => r[0] === label);
    expect(nameRow).toBeGreaterThan(0);
    const broken = grid.map((r, i) => (i === nameRow ? [r[0], ''] : r));
    // The required cluster name missing makes readSettings give no value at all.
    expect(readSettings(broken).value).toBeUndefined();
    expect(settingsYear(broken)).toBe(2022);
    expect(settingsYear([['Nội dung', 'Giá trị']])).toBeUndefined();
  });

  it("uses Cấu hình's year for a row without one, and is never closed by the scoring lock", () => {
    const input = {
      sheet: SHEET,
      row: 4,
      column: 1,
      values: [ROW],
      headerRows: [headerValues(AWARDS_LAYOUT)],
      rows: [ROW],
    };
    const withYear = checkEdit({ ...input, settingsGrid: settings() });
    expect(withYear.closed).toBe(false);
    expect(withYear.findings).toEqual([]);
    // Without Cấu hình nothing gives the year; the finding lands on the year cell, not in A..F.
    const without = checkEdit(input);
    expect(without.findings).toEqual([]);
    const typedYear = checkEdit({
      ...input,
      column: 13,
      values: [['']],
      rows: [[...ROW, '', '', '', '', '', '', '', '']],
    });
    expect(typedYear.findings.map((f) => `${f.cell} ${f.code}`)).toEqual(['M4 required-missing']);
  });
});
