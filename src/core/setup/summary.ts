/** The Vietnamese summary set-up ends with (alert), and its one-line form (toast). */
import type { Finding } from '../findings';
import type { SetupReport } from './types';

/**
 * "đúng cấu trúc" is a claim about every header, which set-up's plan does not check (a renamed
 * header whose column is still found is left as typed). It is made only when the caller passes
 * the check's header findings and there are none (issue 10, Build 2); without them set-up says
 * only that it changed nothing and points at the check.
 */
const NOTHING_CHANGED = 'Bảng tính không có gì phải thay đổi';
const CHECK_HEADERS = 'chọn Thi đua › «Kiểm tra dữ liệu» để kiểm tra tiêu đề và dữ liệu đã nhập';

function unchangedLine(headerFindings: readonly Finding[] | undefined): string {
  if (headerFindings === undefined) return `${NOTHING_CHANGED}; ${CHECK_HEADERS}.`;
  if (headerFindings.length === 0) return 'Bảng tính đã đúng cấu trúc, không có gì phải thay đổi.';
  return `${NOTHING_CHANGED}, nhưng còn ${String(headerFindings.length)} tiêu đề chưa đúng (xem «Kiểm tra dữ liệu»).`;
}

/** Only the header findings (missing or renamed) of a check's findings. */
export function headerFindingsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.code === 'header-missing' || f.code === 'header-renamed');
}

/** A report with nothing in it yet: set-up fills it as it plans. */
export function emptySetupReport(): SetupReport {
  return {
    created: [],
    restored: [],
    recreated: [],
    adopted: [],
    updated: [],
    problems: [],
    notes: [],
  };
}

export interface SetupCounts {
  readonly protectionsAdded: number;
  readonly protectionsRemoved: number;
  readonly protectionsKept: number;
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [title, ...lines.map((l) => `• ${l}`)];
}

export function setupSummary(
  report: SetupReport,
  counts: SetupCounts,
  headerFindings?: readonly Finding[],
): string {
  const lines = [
    ...section(
      'Tiêu đề chưa đúng:',
      (headerFindings ?? []).map((f) => f.message),
    ),
    ...section('Đã tạo:', report.created),
    ...section('Đã khôi phục:', [...report.restored, ...report.recreated]),
    ...section('Đã dùng trang có sẵn:', report.adopted),
    ...section('Đã cập nhật:', report.updated),
    ...section('Cần chú ý:', report.problems),
    ...section('Ghi chú:', report.notes),
    `Bảo vệ vùng: thêm ${counts.protectionsAdded}, thay ${counts.protectionsRemoved}, giữ nguyên ${counts.protectionsKept}.`,
  ];
  const nothing =
    report.created.length +
      report.restored.length +
      report.recreated.length +
      report.updated.length +
      counts.protectionsAdded +
      counts.protectionsRemoved ===
    0;
  return [
    nothing ? unchangedLine(headerFindings) : 'Đã khởi tạo / cập nhật bảng tính.',
    ...lines,
  ].join('\n');
}

export function setupToast(
  report: SetupReport,
  counts: SetupCounts,
  headerFindings?: readonly Finding[],
): string {
  const parts = [
    report.created.length > 0 ? `tạo ${report.created.length} trang` : '',
    report.restored.length + report.recreated.length > 0
      ? `khôi phục ${report.restored.length + report.recreated.length} trang`
      : '',
    report.updated.length > 0 ? `cập nhật ${report.updated.length} mục` : '',
    counts.protectionsAdded > 0 ? `thêm ${counts.protectionsAdded} bảo vệ` : '',
    report.problems.length > 0 ? `${report.problems.length} vấn đề cần xem` : '',
    headerFindings !== undefined && headerFindings.length > 0
      ? `${String(headerFindings.length)} tiêu đề chưa đúng`
      : '',
  ].filter((p) => p !== '');
  if (parts.length > 0) return `Khởi tạo / cập nhật xong: ${parts.join(', ')}.`;
  return headerFindings === undefined
    ? `${NOTHING_CHANGED}.`
    : 'Bảng tính đã đúng cấu trúc, không thay đổi gì.';
}
