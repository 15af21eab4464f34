/**
 * The "Kiểm tra dữ liệu" report: every finding with its sheet and cell, in reading order, written
 * to a sheet of its own. The sheet's name lives here (not in SHEET_NAMES) because the report is
 * made on demand and is not part of the workbook's set-up.
 */
import type { Finding, FindingSeverity } from '../findings';
import { countFindings, countsLabel, findingsLabel } from '../validation/counts';

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
  const counts = countFindings(findings);
  return { error: counts.errors, warning: counts.warnings };
}

/** First column of the stamp beside the report (G): the findings' columns stay A–E. */
export const REPORT_STAMP_COLUMN = REPORT_COLUMNS.length + 2;
export const REPORT_TIME_LABEL = 'Thời điểm kiểm tra';
export const REPORT_COUNTS_LABEL = 'Kết quả';

/**
 * When the report was made (already formatted in the file's time zone) and what it counted,
 * written beside the table: every run replaces the whole sheet, so this says which run it is.
 */
export function reportStamp(findings: readonly Finding[], time: string): string[][] {
  return [
    [REPORT_TIME_LABEL, time],
    [REPORT_COUNTS_LABEL, findings.length === 0 ? NO_FINDINGS_MESSAGE : findingsLabel(findings)],
  ];
}

/**
 * The whole report as one block from A1: the findings' rows (A–E), one blank column, and the
 * stamp (G–H) on the first rows, so the sheet is written with a single setValues.
 */
export function reportBlock(findings: readonly Finding[], time: string): string[][] {
  const rows = reportRows(findings);
  const stamp = reportStamp(findings, time);
  const width = REPORT_STAMP_COLUMN + 1;
  const height = Math.max(rows.length, stamp.length);
  return Array.from({ length: height }, (_, r) => {
    const row = new Array<string>(width).fill('');
    (rows[r] ?? []).forEach((v, c) => (row[c] = v));
    (stamp[r] ?? []).forEach((v, c) => (row[REPORT_STAMP_COLUMN - 1 + c] = v));
    return row;
  });
}

/**
 * The toast after the check: counts, and where the cursor was put. `scoring` is the part of the
 * findings "Tính xếp hạng" reads; when it differs from the whole it is counted apart, so the
 * toast shows the very counts the ranking's status line shows.
 */
export function reportSummary(
  findings: readonly Finding[],
  scoring: readonly Finding[] = findings,
): string {
  const first = findings[0];
  if (first === undefined) return `Kiểm tra dữ liệu: ${NO_FINDINGS_MESSAGE}`;
  const whole = countFindings(findings);
  const part = countFindings(scoring);
  const scoped =
    part.errors === whole.errors && part.warnings === whole.warnings
      ? ''
      : `, trong đó dữ liệu chấm điểm: ${countsLabel(part)}`;
  return (
    `Kiểm tra dữ liệu: ${countsLabel(whole)}${scoped} ` +
    `(xem trang "${VALIDATION_REPORT_SHEET}"). Đã chọn ô đầu tiên: ${first.sheet}!${first.cell}.`
  );
}
