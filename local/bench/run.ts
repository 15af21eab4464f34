/**
 * `npm run bench`: what the product costs, beside a naive baseline, on the local host's virtual
 * clock (service calls and virtual time from local/host/costModel.ts) — never timed assertions
 * in tests. Core compute time is real time on this machine (performance.now).
 */
import { benchCore } from './core';

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

function main(): void {
  console.log('## Core compute (real time, this machine)\n');
  const core = benchCore();
  console.log(
    table(
      ['step', 'ms'],
      core.map((r) => [r.label, r.ms.toFixed(0)]),
    ),
  );
  console.log('');
}

main();
