/**
 * `npm run demo` end to end: the sample cluster's year through build/Code.js in the local host,
 * leaving a workbook a person can open and a run log.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../local/demo/run';
import { loadXlsx } from '../../local/host/spreadsheet/xlsx';
import { HostRuntime } from '../../local/host/runtime';
import { SHEET_NAMES } from '../../src/core/layout/sheets';

describe('npm run demo', () => {
  it('runs every menu action without an error and writes the workbook and run log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-demo-'));
    const { host, files } = await runDemo(dir);
    const report = host.report();
    expect(report.executions.filter((e) => e.status !== 'ok')).toEqual([]);
    const ran = new Set(report.executions.map((e) => e.functionName));
    for (const fn of ['onOpen', 'menuSetup', 'menuValidate', 'menuRank', 'menuTallyVotes']) {
      expect(ran).toContain(fn);
    }
    // The two bad entries were reported by the check, with sheet and cell.
    const check = host.spreadsheet.valuesAt(`'Kiểm tra dữ liệu'!A2:B3`);
    expect(check).toEqual([
      [SHEET_NAMES.selfScores, 'C6'],
      [SHEET_NAMES.selfScores, 'I8'],
    ]);

    const log = JSON.parse(readFileSync(join(dir, 'run-log.json'), 'utf8')) as {
      report: { totalCalls: number; virtualMs: number };
    };
    expect(log.report.totalCalls).toBe(report.totalCalls);
    expect(files).toContain(join(dir, 'Cum-thi-dua-so-1.xlsx'));

    // The saved workbook opens again with the ranking in it: Ba Đình first, proposed for the flag.
    const reopened = await loadXlsx(new HostRuntime(), join(dir, 'Cum-thi-dua-so-1.xlsx'));
    const ranking = reopened.sheet(SHEET_NAMES.ranking);
    expect(ranking).toBeDefined();
    expect(reopened.valuesAt(`'${SHEET_NAMES.ranking}'!A6:C6`)).toEqual([[1, 'BD', 'Ba Đình']]);
    expect(reopened.valueAt(`'${SHEET_NAMES.ranking}'!L6`)).toBe('Cờ thi đua');
  });
});
