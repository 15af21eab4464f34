import { headerValues } from '../../../src/core/layout/columns';
import { REGISTRATION_LAYOUT } from '../../../src/core/layout/registrationTables';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { LINE_SEPARATOR, SETTING_ROWS, defaultLegalBases } from '../../../src/core/layout/settings';
import { readSettings } from '../../../src/core/readers/settings';
import {
  newYearClears,
  newYearSettings,
  YEAR_SETTING_KEYS,
} from '../../../src/core/history/newYear';
import { settingsGridSample } from '../readers/sampleCluster';

const label = (key: string): string => {
  const row = SETTING_ROWS.find((r) => r.key === key);
  if (row === undefined) throw new Error(`no setting ${key}`);
  return row.label;
};

/** The sample Cấu hình with a year's documents made: numbers, dates, links. */
function madeYear(legalBases?: string): unknown[][] {
  const grid = settingsGridSample();
  grid.push(
    [label('pledgeNumber'), '05/GƯTĐ-CTĐ1', ''],
    [label('signingDate'), '20/02/2022', ''],
    [label('pledgeDocLink'), 'https://docs.google.com/document/d/old-pledge', ''],
    [label('minutesLink'), 'https://docs.google.com/document/d/old-minutes', ''],
    [label('meetingDate'), '', ''],
  );
  if (legalBases !== undefined) grid.push([label('legalBases'), legalBases, '']);
  return grid;
}

describe('newYearSettings', () => {
  it('advances the year and empties only the rows that held this year’s values', () => {
    const grid = madeYear();
    const plan = newYearSettings(grid);
    expect(plan).toBeDefined();
    const byCell = new Map(plan!.writes.map((w) => [w.cell, w.value]));
    const cells = readSettings(grid).cells;
    expect(byCell.get(cells.get('year')!)).toBe(2023);
    for (const key of ['planNumber', 'planDate', 'pledgeNumber', 'signingDate', 'pledgeDocLink'])
      expect(byCell.get(cells.get(key)!)).toBe('');
    expect(byCell.get(cells.get('minutesLink')!)).toBe('');
    // Already blank: not written, not listed.
    expect(byCell.has(cells.get('meetingDate')!)).toBe(false);
    expect(plan!.emptied).not.toContain(label('meetingDate'));
    // Kept: the cluster's name, thresholds, quotas.
    expect(byCell.has(cells.get('clusterName')!)).toBe(false);
    expect(plan!.emptied).toEqual(
      expect.arrayContaining([label('pledgeDocLink'), label('minutesLink'), label('planNumber')]),
    );
  });

  it('covers every document link the program writes into Cấu hình', () => {
    const linkKeys = SETTING_ROWS.filter((r) => /Link$/.test(r.key)).map((r) => r.key);
    expect(linkKeys.length).toBeGreaterThanOrEqual(6);
    for (const key of linkKeys) expect(YEAR_SETTING_KEYS).toContain(key);
    // The documents' folder is the year's too ("Văn bản thi đua 2022"); the templates are not.
    expect(YEAR_SETTING_KEYS).toContain('documentsFolder');
    expect(YEAR_SETTING_KEYS).not.toContain('jointPledgeTemplate');
  });

  it('renews legal bases that are still this year’s defaults (2023 → 2024: Luật 06/2022)', () => {
    const grid = settingsGridSample().map((r) => (r[0] === 'Năm thi đua' ? [r[0], 2023, ''] : r));
    const thisYear = defaultLegalBases({ year: 2023, signingDate: undefined });
    grid.push([label('legalBases'), thisYear.join(LINE_SEPARATOR), '']);
    const plan = newYearSettings(grid)!;
    expect(plan.legalBasesRenewed).toBe(true);
    const cell = readSettings(grid).cells.get('legalBases')!;
    const written = String(plan.writes.find((w) => w.cell === cell)?.value);
    expect(written).toContain('06/2022/QH15');
    expect(thisYear.join(' ')).not.toContain('06/2022/QH15');
    expect(written).toBe(
      defaultLegalBases({ year: 2024, signingDate: undefined }).join(LINE_SEPARATOR),
    );
  });

  it('keeps and flags legal bases the user edited', () => {
    const mine = 'Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2022 của Ủy ban nhân dân Thành phố;';
    const grid = madeYear(mine);
    const plan = newYearSettings(grid)!;
    const cell = readSettings(grid).cells.get('legalBases')!;
    expect(plan.writes.some((w) => w.cell === cell)).toBe(false);
    expect(plan.legalBasesKept).toBe(true);
    expect(plan.legalBasesRenewed).toBe(false);
  });

  it('gives nothing when the year cannot be read', () => {
    expect(
      newYearSettings(settingsGridSample().filter((r) => r[0] !== 'Năm thi đua')),
    ).toBeUndefined();
  });
});

describe('newYearClears: Đăng ký thi đua', () => {
  it('empties what the units typed and keeps each block’s unit code and name', () => {
    const header = headerValues(REGISTRATION_LAYOUT);
    const grid = [
      ['ĐĂNG KÝ THI ĐUA NĂM 2022'],
      header,
      ['HK', 'Hoàn Kiếm', 'Cờ thi đua', 'Phạm Thu Trang', 'Chủ tịch', 'Lao động tiên tiến', ''],
      ['HK', 'Hoàn Kiếm', '', '', '', '', ''],
      ['BD', 'Ba Đình', '', 'Vũ Minh Đức', '', 'Chiến sĩ thi đua cơ sở', 'ghi chú'],
    ];
    const clears = newYearClears({ [SHEET_NAMES.registration]: grid });
    const headerRow = grid.indexOf(header) + 1;
    const user = REGISTRATION_LAYOUT.columns
      .map((c, i) => ({ entry: c.entry, column: i + 1 }))
      .filter((c) => c.entry === 'user')
      .map((c) => c.column);
    const cleared = new Set<number>();
    for (const b of clears) {
      expect(b.sheet).toBe(SHEET_NAMES.registration);
      expect(b.row).toBe(headerRow + 1);
      expect(b.numRows).toBe(grid.length - headerRow);
      for (let c = b.column; c < b.column + b.numColumns; c++) cleared.add(c);
    }
    expect([...cleared].sort((a, b) => a - b)).toEqual(user);
    expect(cleared.has(1)).toBe(false);
    expect(cleared.has(2)).toBe(false);
  });
});
