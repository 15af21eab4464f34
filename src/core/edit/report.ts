/**
 * The "Kiểm tra dữ liệu" report: every finding with its sheet and cell, in reading order, written
 * to a sheet of its own. The sheet's name lives here (not in SHEET_NAMES) because the report is
 * made on demand and is not part of the workbook's set-up.
 */
import type { Finding, FindingSeverity } from '../findings';

export const VALIDATION_REPORT_SHEET = 'Kiểm tra dữ liệu';

export const REPORT_COLUMNS: readonly { readonly header: string; readonly width: number }[] = [
  { header: 'Trang', width: 120 },
  { header: 'Ô', width: 70 },
  { header: 'Mức độ', width: 90 },
  { header: 'Nội dung', width: 560 },
  { header: 'Giá trị đã nhập', width: 160 },
];

export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
};

export const NO_FINDINGS_MESSAGE = 'Không phát hiện lỗi.';

/** Header and one row per finding; a clean workbook gets one row saying so. */
export function reportRows(findings: readonly Finding[]): string[][] {
  const header = REPORT_COLUMNS.map((c) => c.header);
  if (findings.length === 0) return [header, ['', '', '', NO_FINDINGS_MESSAGE, '']];
  return [
    header,
    ...findings.map((f) => [f.sheet, f.cell, SEVERITY_LABELS[f.severity], f.message, f.value]),
  ];
}

export function countBySeverity(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The toast after the check: counts, and where the cursor was put. */
export function reportSummary(findings: readonly Finding[]): string {
  const first = findings[0];
  if (first === undefined) return `Kiểm tra dữ liệu: ${NO_FINDINGS_MESSAGE}`;
  const counts = countBySeverity(findings);
  return (
    `Kiểm tra dữ liệu: ${counts.error} lỗi, ${counts.warning} cảnh báo ` +
    `(xem trang "${VALIDATION_REPORT_SHEET}"). Đã chọn ô đầu tiên: ${first.sheet}!${first.cell}.`
  );
}
