/**
 * What one typed score costs: the simple onEdit check on a small and on a very large score
 * matrix. The goal (issue 4) is the same few calls whatever the sheet size.
 */
import { readFileSync } from 'node:fs';
import { BUNDLE, benchCluster, seededHost } from './ranking';
import { SHEET_NAMES } from '../../src/core/layout/sheets';

export interface EditBenchRow {
  units: number;
  criteria: number;
  case: string;
  calls: number;
  virtualMs: number;
}

export function benchEdit(sizes: readonly number[] = [10, 5000], criteria = 21): EditBenchRow[] {
  const bundle = readFileSync(BUNDLE, 'utf8');
  const rows: EditBenchRow[] = [];
  for (const units of sizes) {
    const host = seededHost(bundle, benchCluster(units, criteria));
    const cases: Array<[string, string, unknown[][]]> = [
      ['một ô đúng', 'C3', [[1]]],
      ['một ô sai', 'C4', [['abc']]],
      [
        'dán khối 20 × 8',
        'C5:J24',
        Array.from({ length: 20 }, () => new Array<unknown>(8).fill(1)),
      ],
    ];
    for (const [label, a1, values] of cases) {
      const outcome = host.edit(host.owner, `'${SHEET_NAMES.selfScores}'!${a1}`, values);
      const run = outcome.runs.find((r) => r.execution.functionName === 'onEdit');
      if (!run || run.status !== 'ok')
        throw new Error(`onEdit ${label}: ${run?.error ?? 'not run'}`);
      rows.push({
        units,
        criteria,
        case: label,
        calls: run.calls,
        virtualMs: Math.round(run.virtualMs),
      });
    }
  }
  return rows;
}
