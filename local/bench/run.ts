/**
 * `npm run bench`: what the product costs, beside a naive baseline, on the local host's virtual
 * clock (service calls and virtual time from local/host/costModel.ts) — never timed assertions
 * in tests. Core compute time is real time on this machine (performance.now).
 */
import { benchCertificates, certificateGoals } from './certificates';
import { benchCore } from './core';
import { benchEdit } from './edit';
import { benchRanking } from './ranking';
import { SETUP_LIMIT_MS, benchSetup } from './setup';

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(headers),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

const seconds = (ms: number | null): string => (ms === null ? '—' : (ms / 1000).toFixed(1));

function main(): void {
  console.log('## "Tính xếp hạng": product vs naive cell-by-cell script (virtual clock)\n');
  const ranking = benchRanking();
  console.log(
    table(
      [
        'units',
        'criteria',
        'calls',
        'virtual s',
        'naive calls',
        'naive virtual s',
        'naive > 6 min',
      ],
      ranking.map((r) => [
        r.units,
        r.criteria,
        r.calls,
        seconds(r.virtualMs),
        r.naiveCalls ?? r.naiveSkipped,
        seconds(r.naiveVirtualMs),
        r.naiveOverLimit === null ? '—' : r.naiveOverLimit ? 'yes' : 'no',
      ]),
    ),
  );
  console.log(
    '\n## "Khởi tạo / cập nhật bảng tính" as the owner: fresh workbook (units, criteria typed), then a second run\n',
  );
  const setup = benchSetup();
  console.log(
    table(
      [
        'units',
        'criteria',
        'calls',
        'virtual s',
        'second run calls',
        'second run virtual s',
        'protections',
        'within 6 min',
        'most calls',
      ],
      setup.map((r) => [
        r.units,
        r.criteria,
        r.firstStatus === 'ok' ? r.firstCalls : r.firstStatus,
        seconds(r.firstMs),
        r.secondStatus === 'ok' ? r.secondCalls : r.secondStatus,
        seconds(r.secondMs),
        r.protections,
        r.firstMs < SETUP_LIMIT_MS && r.secondMs < SETUP_LIMIT_MS ? 'yes' : 'no',
        r.topMethods,
      ]),
    ),
  );
  console.log('\n## onEdit check of typed scores (simple trigger, 30 s limit)\n');
  const edits = benchEdit();
  console.log(
    table(
      ['units', 'criteria', 'edit', 'calls', 'virtual s'],
      edits.map((r) => [r.units, r.criteria, r.case, r.calls, seconds(r.virtualMs)]),
    ),
  );
  console.log(
    '\n## "Tạo giấy khen / bằng khen": seed-003 register (2,505 rows, 2,238 certificates), consumer quotas\n',
  );
  const certificates = benchCertificates();
  const minutes = (ms: number): string => (ms / 60_000).toFixed(1);
  console.log(
    table(
      [
        'mode',
        'certificates',
        'calls / cert.',
        'docs created',
        'files converted',
        'virtual min',
        'executions',
        'days',
        'busiest day trigger min',
        'longest run s',
        'orphans',
        'time mostly in',
      ],
      certificates.map((r) => [
        r.mode,
        r.certificates,
        r.callsPerCertificate,
        r.documentsCreated,
        r.filesConverted,
        minutes(r.virtualMs),
        r.executions,
        r.days,
        minutes(r.maxTriggerMsPerDay),
        seconds(r.longestMs),
        r.orphans,
        r.topMethods,
      ]),
    ),
  );
  for (const line of certificateGoals(certificates)) console.log(`\n${line}`);
  console.log('\n## Core compute (real time, this machine)\n');
  const core = benchCore();
  console.log(
    table(
      ['step', 'ms'],
      core.map((r) => [r.label, r.ms.toFixed(0)]),
    ),
  );
}

main();
