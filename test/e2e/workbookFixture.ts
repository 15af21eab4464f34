/**
 * Test fixture: a LocalHost running the built bundle, with the sample cluster's sheets seeded
 * host-side (as a user would have typed them), without going through the product's set-up. Lets
 * each workflow be tested on its own; the set-up tests and the demo use the real menu instead.
 */
import { join } from 'node:path';
import { LocalHost, type LocalHostOptions } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../src/core/layout/tables';
import { headerValues } from '../../src/core/layout/columns';
import { settingsGrid } from '../../src/core/layout/settingsGrid';
import { matrixLayout, locateScoreCell } from '../../src/core/layout/matrix';
import { readUnits } from '../../src/core/readers/units';
import { readCriteria } from '../../src/core/readers/criteria';
import { ClusterSettingsSchema, type ClusterSettingsInput } from '../../src/core/model/settings';
import { rangeA1, quoteSheetName } from '../../src/core/a1';
import {
  SAMPLE_CRITERIA_ROWS,
  SAMPLE_SELF_SCORES,
  SAMPLE_SETTINGS,
  SAMPLE_UNIT_ROWS,
  type SampleScore,
} from '../../sample/cluster1';

export const BUNDLE = join(__dirname, '..', '..', 'build', 'Code.js');

/**
 * A host running the bundle. The file is Vietnamese-locale unless the test says otherwise: the
 * fixture's workbook stands for one that set-up has already made (set-up sets vi_VN and
 * Asia/Ho_Chi_Minh); tests of set-up itself pass the creator's en_US / America/Los_Angeles.
 */
export function newHost(options: Omit<LocalHostOptions, 'code'> = {}): LocalHost {
  return LocalHost.fromBuild(BUNDLE, {
    ...options,
    spreadsheet: { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh', ...options.spreadsheet },
  });
}

/** Writes a block host-side as the owner typing or pasting it (no script call is counted). */
export function paste(
  host: LocalHost,
  sheet: string,
  row: number,
  column: number,
  rows: readonly (readonly unknown[])[],
): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...new Array<unknown>(width - r.length).fill('')]);
  const model = host.spreadsheet;
  if (!model.sheet(sheet)) model.addSheet(sheet);
  const a1 = `${quoteSheetName(sheet)}!${rangeA1(row, column, grid.length, width)}`;
  const result = model.userEdit(host.owner, a1, grid);
  if (!result.accepted) throw new Error(`fixture paste refused at ${a1}: ${result.reason ?? ''}`);
}

export interface SeedOptions {
  settings?: ClusterSettingsInput;
  unitRows?: readonly (readonly unknown[])[];
  criteriaRows?: readonly (readonly unknown[])[];
  /** Self scores by unit and criterion code; omitted: the sample's. */
  selfScores?: Readonly<Record<string, Readonly<Record<string, SampleScore>>>>;
}

/** Seeds Cấu hình, Đơn vị, Tiêu chí and Tự chấm (matrix headers and scores) host-side. */
export function seedSampleWorkbook(host: LocalHost, options: SeedOptions = {}): void {
  const settings = ClusterSettingsSchema.parse(options.settings ?? SAMPLE_SETTINGS);
  // settingsGrid starts with the header row itself.
  paste(host, SHEET_NAMES.settings, 1, 1, settingsGrid(settings));
  const unitGrid = [headerValues(UNITS_LAYOUT), ...(options.unitRows ?? SAMPLE_UNIT_ROWS)];
  const criteriaGrid = [
    headerValues(CRITERIA_LAYOUT),
    ...(options.criteriaRows ?? SAMPLE_CRITERIA_ROWS),
  ];
  paste(host, SHEET_NAMES.units, 1, 1, unitGrid);
  paste(host, SHEET_NAMES.criteria, 1, 1, criteriaGrid);

  const units = readUnits(unitGrid).value;
  const tree = readCriteria(criteriaGrid).value;
  const matrix = matrixLayout(units, tree);
  for (const sheet of [SHEET_NAMES.selfScores, SHEET_NAMES.verifiedScores]) {
    paste(host, sheet, 1, 1, [
      ...matrix.headerRows,
      ...matrix.unitRows.map((u) => [u.code, u.name]),
    ]);
  }
  typeScores(host, SHEET_NAMES.selfScores, options.selfScores ?? SAMPLE_SELF_SCORES, units, tree);
}

/** Places scores by unit and criterion code into a matrix sheet, host-side. */
export function typeScores(
  host: LocalHost,
  sheet: string,
  scores: Readonly<Record<string, Readonly<Record<string, SampleScore>>>>,
  units = readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value,
  tree = readCriteria([headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS]).value,
): void {
  const matrix = matrixLayout(units, tree);
  const model = host.spreadsheet;
  for (const [unit, byCriterion] of Object.entries(scores)) {
    for (const [criterion, score] of Object.entries(byCriterion)) {
      const parts: [string, unknown][] =
        typeof score === 'object'
          ? [
              [locateScoreCell(matrix, unit, criterion, 'target') ?? '', score.target],
              [locateScoreCell(matrix, unit, criterion, 'actual') ?? '', score.actual],
            ]
          : [[locateScoreCell(matrix, unit, criterion) ?? '', score]];
      for (const [cell, value] of parts) {
        if (cell === '') throw new Error(`no cell for ${unit}/${criterion}`);
        const result = model.userEdit(host.owner, `${quoteSheetName(sheet)}!${cell}`, [[value]]);
        if (!result.accepted)
          throw new Error(`fixture score refused at ${cell}: ${result.reason ?? ''}`);
      }
    }
  }
}
