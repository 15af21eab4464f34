/** The Vietnamese summary set-up ends with (alert), and its one-line form (toast). */
import type { SetupReport } from './types';

export interface SetupCounts {
  readonly protectionsAdded: number;
  readonly protectionsRemoved: number;
  readonly protectionsKept: number;
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [title, ...lines.map((l) => `• ${l}`)];
}

export function setupSummary(report: SetupReport, counts: SetupCounts): string {
  const lines = [
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
    nothing
      ? 'Bảng tính đã đúng cấu trúc, không có gì phải thay đổi.'
      : 'Đã khởi tạo / cập nhật bảng tính.',
    ...lines,
  ].join('\n');
}

export function setupToast(report: SetupReport, counts: SetupCounts): string {
  const parts = [
    report.created.length > 0 ? `tạo ${report.created.length} trang` : '',
    report.restored.length + report.recreated.length > 0
      ? `khôi phục ${report.restored.length + report.recreated.length} trang`
      : '',
    report.updated.length > 0 ? `cập nhật ${report.updated.length} mục` : '',
    counts.protectionsAdded > 0 ? `thêm ${counts.protectionsAdded} bảo vệ` : '',
    report.problems.length > 0 ? `${report.problems.length} vấn đề cần xem` : '',
  ].filter((p) => p !== '');
  return parts.length === 0
    ? 'Bảng tính đã đúng cấu trúc, không thay đổi gì.'
    : `Khởi tạo / cập nhật xong: ${parts.join(', ')}.`;
}
