/**
 * Benchmark of "Tính xếp hạng" (menuRank) in the local host, with the BUILT bundle, beside a
 * naive cell-by-cell script run on the same host and the same data.
 *
 * Sizes: 6 / 50 / 500 / 5,000 units × 8 / 21 / 50 criteria (DESIGN §7). Sheets are seeded
 * host-side (no script call is counted) with deterministic pseudo-random scores. Figures are
 * service calls and time on the host's virtual clock (local/host/costModel.ts), not real time.
 *
 * The naive baseline is the way an Apps Script written without batching does it: one
 * getRange(r, c).getValue() per score, then per output cell one setValue and one setBackground.
 * Apps Script would stop it at 6 minutes; the host's limit is lifted for the baseline so its full
 * cost can be shown (`naiveOverLimit` says it could not finish in Apps Script). Sizes above
 * `maxNaiveCells` score cells skip the naive run (`naiveSkipped` says so).
 *
 * Run: npx tsx local/bench/ranking.ts [maxNaiveCells]   (after `npx tsx local/build.ts`)
 */
import { rng } from './core';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { LocalHost } from '../host';
import { LIMITS } from '../host/runtime';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../src/core/layout/tables';
import { headerValues } from '../../src/core/layout/columns';
import { SETTINGS_TABLE } from '../../src/core/layout/settings';
import { settingsGrid } from '../../src/core/layout/settingsGrid';
import { matrixLayout } from '../../src/core/layout/matrix';
import { readUnits } from '../../src/core/readers/units';
import { readCriteria } from '../../src/core/readers/criteria';
import { ClusterSettingsSchema } from '../../src/core/model/settings';
import { quoteSheetName, rangeA1 } from '../../src/core/a1';

export const BUNDLE = join(__dirname, '..', '..', 'build', 'Code.js');

export const UNIT_SIZES = [6, 50, 500, 5000] as const;
export const CRITERION_SIZES = [8, 21, 50] as const;

/**
 * Naive runs above this many score cells are skipped. The default covers every size: the whole
 * table, 5,000 × 50 naive included (620,000 counted calls), takes about 40 s of real time on a
 * 2-core machine; lower it for a quick run.
 */
export const DEFAULT_MAX_NAIVE_CELLS = 250_000;

export interface RankingBenchRow {
  units: number;
  criteria: number;
  /** Service calls of one menuRank. */
  calls: number;
  /** Virtual time of one menuRank, ms. */
  virtualMs: number;
  /** null when the naive run was skipped. */
  naiveCalls: number | null;
  naiveVirtualMs: number | null;
  /** The naive run needs more than Apps Script's 6 minutes: it would be killed part-way. */
  naiveOverLimit: boolean | null;
  /** Why the naive run was skipped, '' otherwise. */
  naiveSkipped: string;
}

interface Cluster {
  settings: unknown[][];
  units: unknown[][];
  criteria: unknown[][];
  /** Tự chấm: two header rows, then one row per unit with every score. */
  selfScores: unknown[][];
  /** Thẩm định as set-up leaves it: headers and unit rows, nothing verified yet. */
  verifiedScores: unknown[][];
}

/** Criteria split into two groups, 10 points each (max total = 10 × criteria). */
export function benchCluster(unitCount: number, criterionCount: number): Cluster {
  const random = rng(unitCount * 1000 + criterionCount);
  const settings = ClusterSettingsSchema.parse({
    clusterName: 'Cụm thử tải',
    year: 2024,
    quotas: { certificate: { share: 0.2 } },
  });
  const half = Math.ceil(criterionCount / 2);
  const criteriaRows: unknown[][] = [
    ['I', 'Nhóm I', '', '', '', '', half * 10, '', '', '', '', ''],
    ['II', 'Nhóm II', '', '', '', '', (criterionCount - half) * 10, '', '', '', '', ''],
  ];
  for (let i = 1; i <= criterionCount; i++) {
    criteriaRows.push([
      i <= half ? 'I' : 'II',
      '',
      String(i),
      '',
      `Tiêu chí ${String(i)}`,
      'Chấm điểm',
      10,
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  const unitRows: unknown[][] = [];
  for (let u = 1; u <= unitCount; u++) {
    unitRows.push([
      `U${String(u).padStart(5, '0')}`,
      `Đơn vị ${String(u)}`,
      'Xã',
      'Thành viên',
      '',
      '',
      '',
      '',
    ]);
  }
  const unitsGrid = [headerValues(UNITS_LAYOUT), ...unitRows];
  const criteriaGrid = [headerValues(CRITERIA_LAYOUT), ...criteriaRows];
  const matrix = matrixLayout(readUnits(unitsGrid).value, readCriteria(criteriaGrid).value);
  const selfScores: unknown[][] = [
    ...matrix.headerRows.map((r) => [...r]),
    ...matrix.unitRows.map((u) => [
      u.code,
      u.name,
      // Quarter points from 5 to 10: realistic totals, few exact ties.
      ...Array.from({ length: criterionCount }, () => 5 + Math.round(random() * 20) / 4),
    ]),
  ];
  const verifiedScores: unknown[][] = [
    ...matrix.headerRows.map((r) => [...r]),
    ...matrix.unitRows.map((u) => [u.code, u.name]),
  ];
  return {
    settings: [SETTINGS_TABLE.columns.map((c) => c.header), ...settingsGrid(settings)],
    units: unitsGrid,
    criteria: criteriaGrid,
    selfScores,
    verifiedScores,
  };
}

/** Writes a block host-side as the owner pasting it: no call is counted, no trigger runs. */
export function seed(host: LocalHost, sheet: string, rows: unknown[][]): void {
  const model = host.spreadsheet;
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...new Array<unknown>(width - r.length).fill('')]);
  const target = model.sheet(sheet) ?? model.addSheet(sheet);
  if (target.maxRows < grid.length) target.maxRows = grid.length;
  if (target.maxCols < width) target.maxCols = width;
  const result = model.userEdit(
    host.owner,
    `${quoteSheetName(sheet)}!${rangeA1(1, 1, grid.length, width)}`,
    grid,
  );
  if (!result.accepted) throw new Error(`bench seed refused on ${sheet}: ${result.reason ?? ''}`);
}

export function seededHost(code: string, cluster: Cluster): LocalHost {
  const host = new LocalHost({ code });
  seed(host, SHEET_NAMES.settings, cluster.settings);
  seed(host, SHEET_NAMES.units, cluster.units);
  seed(host, SHEET_NAMES.criteria, cluster.criteria);
  seed(host, SHEET_NAMES.selfScores, cluster.selfScores);
  seed(host, SHEET_NAMES.verifiedScores, cluster.verifiedScores);
  return host;
}

/**
 * The naive script: not the product. It reads every score with its own getValue, keeps the
 * totals, sorts them, then writes each output cell with setValue and colours it with
 * setBackground: the loops Google's best-practices page warns against.
 */
export const NAIVE_RANKING_SCRIPT = `
function naiveRank() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var scores = ss.getSheetByName('${SHEET_NAMES.selfScores}');
  var out = ss.getSheetByName('${SHEET_NAMES.ranking}') || ss.insertSheet('${SHEET_NAMES.ranking}');
  var lastRow = scores.getLastRow();
  var lastColumn = scores.getLastColumn();
  var maxTotal = 0;
  for (var c = 3; c <= lastColumn; c++) {
    var max = scores.getRange(2, c).getValue();
    if (typeof max === 'number') maxTotal += max;
  }
  var units = [];
  for (var r = 3; r <= lastRow; r++) {
    var total = 0;
    for (var c2 = 3; c2 <= lastColumn; c2++) {
      var v = scores.getRange(r, c2).getValue();
      if (typeof v === 'number') total += v;
    }
    units.push({ code: scores.getRange(r, 1).getValue(), name: scores.getRange(r, 2).getValue(), total: total });
  }
  units.sort(function (a, b) { return b.total - a.total; });
  if (out.getMaxRows() < units.length + 1) out.insertRowsAfter(out.getMaxRows(), units.length + 1 - out.getMaxRows());
  var headers = ['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Tổng điểm', 'Tỷ lệ', 'Xếp loại'];
  for (var h = 0; h < headers.length; h++) out.getRange(1, h + 1).setValue(headers[h]);
  for (var i = 0; i < units.length; i++) {
    var u = units[i];
    var share = maxTotal > 0 ? u.total / maxTotal : 0;
    var label = share >= 0.95 ? 'Xuất sắc' : share >= 0.85 ? 'Tốt' : share >= 0.7 ? 'Khá' : 'Trung bình';
    var colour = share >= 0.95 ? '#b7e1cd' : share >= 0.85 ? '#c9daf8' : share >= 0.7 ? '#fff2cc' : '#f4cccc';
    var rank = i > 0 && units[i - 1].total === u.total ? out.getRange(i + 1, 1).getValue() : i + 1;
    var row = [rank, u.code, u.name, u.total, share, label];
    for (var k = 0; k < row.length; k++) {
      var cell = out.getRange(i + 2, k + 1);
      cell.setValue(row[k]);
      cell.setBackground(colour);
    }
  }
}
`;

export function runProduct(bundle: string, cluster: Cluster): { calls: number; virtualMs: number } {
  const host = seededHost(bundle, cluster);
  host.open();
  const run = host.clickMenu('Tính xếp hạng');
  if (run.status !== 'ok') throw new Error(`menuRank ${run.status}: ${run.error ?? ''}`);
  if (host.ui.shown.length > 0)
    throw new Error(`menuRank alerted: ${host.ui.shown[0]?.prompt ?? ''}`);
  return { calls: run.calls, virtualMs: run.virtualMs };
}

function runNaive(cluster: Cluster): { calls: number; virtualMs: number; overLimit: boolean } {
  const host = seededHost(NAIVE_RANKING_SCRIPT, cluster);
  // Lift the 6-minute limit for the baseline only, so its whole cost is measured.
  const lift = host.onCall('SpreadsheetApp.getActiveSpreadsheet', () => {
    if (host.rt.current) host.rt.current.limitMs = Number.POSITIVE_INFINITY;
  });
  const run = host.run('naiveRank', { kind: 'menu' });
  lift();
  if (run.status !== 'ok') throw new Error(`naive ${run.status}: ${run.error ?? ''}`);
  return {
    calls: run.calls,
    virtualMs: run.virtualMs,
    overLimit: run.virtualMs > LIMITS.executionMs,
  };
}

export function benchRanking(
  options: {
    units?: readonly number[];
    criteria?: readonly number[];
    maxNaiveCells?: number;
    bundlePath?: string;
  } = {},
): RankingBenchRow[] {
  const bundle = readFileSync(options.bundlePath ?? BUNDLE, 'utf8');
  const maxNaive = options.maxNaiveCells ?? DEFAULT_MAX_NAIVE_CELLS;
  const rows: RankingBenchRow[] = [];
  for (const units of options.units ?? UNIT_SIZES) {
    for (const criteria of options.criteria ?? CRITERION_SIZES) {
      const cluster = benchCluster(units, criteria);
      const product = runProduct(bundle, cluster);
      const cells = units * criteria;
      const naive = cells <= maxNaive ? runNaive(cluster) : undefined;
      rows.push({
        units,
        criteria,
        calls: product.calls,
        virtualMs: Math.round(product.virtualMs),
        naiveCalls: naive ? naive.calls : null,
        naiveVirtualMs: naive ? Math.round(naive.virtualMs) : null,
        naiveOverLimit: naive ? naive.overLimit : null,
        naiveSkipped: naive
          ? ''
          : `bỏ qua: ${String(cells)} ô điểm > ${String(maxNaive)} (quá lâu khi chạy thật trên máy)`,
      });
    }
  }
  return rows;
}

// Run directly: print the rows.
if (/bench[\\/]ranking\.ts$/.test(process.argv[1] ?? '')) {
  const max = Number(process.argv[2]);
  console.table(benchRanking(Number.isFinite(max) && max > 0 ? { maxNaiveCells: max } : {}));
}
