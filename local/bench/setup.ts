/**
 * Benchmark of "Khởi tạo / cập nhật bảng tính" (menuSetup) in the local host, with the BUILT
 * bundle: a fresh workbook with Cấu hình, Đơn vị and Tiêu chí typed (host-side, no call counted),
 * then set-up as the owner, then a second run that has nothing to change. One in ten units has an
 * e-mail role of Cụm phó / Cụm trưởng so verifier rows are realistic. Figures are service calls
 * and time on the host's virtual clock (local/host/costModel.ts), not real time.
 *
 * Run: npx tsx local/bench/setup.ts   (after `npx tsx local/build.ts`)
 */
import { readFileSync } from 'node:fs';
import { LocalHost } from '../host';
import { LIMITS } from '../host/runtime';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { BUNDLE, UNIT_SIZES, benchCluster, seed } from './ranking';

export interface SetupBenchRow {
  units: number;
  criteria: number;
  firstCalls: number;
  firstMs: number;
  firstStatus: string;
  secondCalls: number;
  secondMs: number;
  secondStatus: string;
  protections: number;
  /** The methods called most in the first run. */
  topMethods: string;
}

/** Units with e-mails: U00001 is Cụm trưởng, every 50th a Cụm phó (at least one). */
function withRoles(units: unknown[][]): { rows: unknown[][]; emails: string[] } {
  const emails: string[] = [];
  const rows = units.map((row, i) => {
    if (i === 0) return row;
    const r = [...row];
    const email = `u${String(i)}@${i % 2 === 0 ? 'gmail.com' : 'xa.gov.vn'}`;
    r[3] = i === 1 ? 'Cụm trưởng' : i % 50 === 2 ? 'Cụm phó' : 'Thành viên';
    r[6] = email;
    emails.push(email);
    return r;
  });
  return { rows, emails };
}

function topMethods(calls: ReadonlyMap<string, number>): string {
  return [...calls.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([m, n]) => `${m} ×${String(n)}`)
    .join(', ');
}

export function benchSetup(sizes: readonly number[] = UNIT_SIZES, criteria = 8): SetupBenchRow[] {
  const code = readFileSync(BUNDLE, 'utf8');
  const rows: SetupBenchRow[] = [];
  for (const n of sizes) {
    const cluster = benchCluster(n, criteria);
    const { rows: unitRows, emails } = withRoles(cluster.units.slice(1));
    const host = new LocalHost({ code, spreadsheet: { editors: emails } });
    seed(host, SHEET_NAMES.settings, cluster.settings);
    seed(host, SHEET_NAMES.units, [cluster.units[0] as unknown[], ...unitRows]);
    seed(host, SHEET_NAMES.criteria, cluster.criteria);
    host.open();
    const first = host.clickMenu('Khởi tạo / cập nhật bảng tính');
    const second = host.clickMenu('Khởi tạo / cập nhật bảng tính');
    rows.push({
      units: n,
      criteria,
      firstCalls: first.calls,
      firstMs: first.virtualMs,
      firstStatus: first.status === 'ok' ? 'ok' : `${first.status}: ${first.error ?? ''}`,
      secondCalls: second.calls,
      secondMs: second.virtualMs,
      secondStatus: second.status === 'ok' ? 'ok' : `${second.status}: ${second.error ?? ''}`,
      protections: host.spreadsheet.protections.length,
      topMethods: topMethods(first.execution.calls),
    });
  }
  return rows;
}

export const SETUP_LIMIT_MS = LIMITS.executionMs;

if (require.main === module) {
  for (const r of benchSetup()) console.log(JSON.stringify(r));
}
