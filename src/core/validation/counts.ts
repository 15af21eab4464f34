/**
 * The one way problems are counted and named (issue 10, Build 2): "Kiểm tra dữ liệu"'s toast and
 * report, the ranking's status line and its toast all say "1 lỗi, 2 cảnh báo" from these, so
 * they never disagree on a count or call a warning an error.
 */
import type { Finding } from '../findings';
import { formatNumberVi } from '../format/vietnamese';

export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

/** "1 lỗi, 2 cảnh báo": both always named, so a zero is said rather than left out. */
export function countsLabel(counts: FindingCounts): string {
  return `${formatNumberVi(counts.errors)} lỗi, ${formatNumberVi(counts.warnings)} cảnh báo`;
}

/** countsLabel of countFindings. */
export function findingsLabel(findings: readonly Finding[]): string {
  return countsLabel(countFindings(findings));
}
