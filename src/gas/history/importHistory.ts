/**
 * «Nhập lịch sử từ tệp khác»: last year's workbook (its Lịch sử and its Khen thưởng register),
 * given by URL or ID, is read (openByUrl / openById: the `spreadsheets` scope) and matched with
 * this workbook's history (src/core/history/importMatch.ts). Certain rows are added; uncertain
 * ones go to Đối chiếu lịch sử, and the next run adds those the user answered. An Excel file is
 * first opened in Google Sheets (File > Save as Google Sheets) and imported by that copy's link:
 * the product then needs no Drive conversion (no advanced service, no conversion quota).
 */
import { SHEET_NAMES } from '../../core/layout/sheets';
import {
  HISTORY_REVIEW_LAYOUT,
  REVIEW_DIFFERENT,
  REVIEW_DONE,
  REVIEW_SAME,
} from '../../core/layout/historyReviewTables';
import { readAwards } from '../../core/awards/readAwards';
import { readHistory } from '../../core/history/readHistory';
import { planRecord } from '../../core/history/recordRegister';
import { confirmedEntry, planImport, type Subject } from '../../core/history/importMatch';
import { readReview, reviewCells, type ReviewReadout } from '../../core/history/reviewSheet';
import type { HistoryEntry } from '../../core/model/history';
import { readUnits } from '../../core/readers/units';
import { readSettings } from '../../core/readers/settings';
import { alertUser, errorMessage } from '../notify';
import { runLocked } from '../lock';
import { requirePermission } from '../permissions';
import { activeWorkbook, readGrid, writeBlock } from '../workbook';
import { appendEntries, dateCell, noHistorySheetMessage, readHistorySheet } from './historySheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const IMPORT_CAPTION = 'Nhập lịch sử từ tệp khác';

export function menuImportHistory(): void {
  if (!requirePermission('importHistory')) return;
  // Ask before taking the lock: a dialog releases it.
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    IMPORT_CAPTION,
    'Dán đường liên kết (hoặc mã ID) của bảng tính năm trước trên Google Sheets. Tệp Excel: mở bằng Google Sheets (Tệp > Lưu dưới dạng Google Trang tính) rồi dán liên kết của bản đó. ' +
      `Để trống: chỉ thêm các dòng đã có kết luận trong trang "${SHEET_NAMES.historyReview}".`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const reference = answer.getResponseText().trim();
  runLocked(IMPORT_CAPTION, () => {
    alertUser(importHistory(activeWorkbook(), reference), IMPORT_CAPTION);
  });
}

/** Opens the other file; undefined (with the reason) when Google refuses. */
function openSource(reference: string): { file?: Spreadsheet; error?: string } {
  try {
    const file = reference.includes('/')
      ? SpreadsheetApp.openByUrl(reference)
      : SpreadsheetApp.openById(reference);
    return { file };
  } catch (error) {
    return {
      error:
        `Không mở được tệp «${reference}»: tài khoản của bạn cần ít nhất quyền xem tệp đó, và liên kết phải là của một bảng tính Google Sheets. ` +
        `Chưa nhập gì. (${errorMessage(error)})`,
    };
  }
}

/** The entries of the other file: its Lịch sử, then its register's decided rows. */
function sourceEntries(
  file: Spreadsheet,
): { entries: HistoryEntry[]; problems: string[] } | undefined {
  const name = file.getName();
  const historySheet = file.getSheetByName(SHEET_NAMES.history);
  const awardsSheet = file.getSheetByName(SHEET_NAMES.awards);
  if (historySheet === null && awardsSheet === null) return undefined;
  const entries: HistoryEntry[] = [];
  const problems: string[] = [];
  if (historySheet !== null) {
    const read = readHistory(readGrid(historySheet), `${name} › ${SHEET_NAMES.history}`);
    for (const e of read.value)
      entries.push({ ...e, source: e.source === '' ? `Nhập từ «${name}»` : e.source });
    const errors = read.findings.filter((f) => f.severity === 'error').length;
    if (errors > 0)
      problems.push(
        `${String(errors)} ô trong trang "${SHEET_NAMES.history}" của tệp nhập có lỗi, các dòng đó chưa nhập.`,
      );
  }
  if (awardsSheet !== null) {
    const settingsSheet = file.getSheetByName(SHEET_NAMES.settings);
    const defaultYear =
      settingsSheet === null ? undefined : readSettings(readGrid(settingsSheet)).value?.year;
    const register = readAwards(
      readGrid(awardsSheet),
      defaultYear === undefined ? {} : { defaultYear },
    );
    entries.push(...planRecord(register.value, new Set()).added);
  }
  return { entries, problems };
}

export function importHistory(workbook: Spreadsheet, reference: string): string {
  const history = readHistorySheet(workbook);
  if (history === undefined) return noHistorySheetMessage();
  let incoming: HistoryEntry[] = [];
  const problems: string[] = [];
  if (reference !== '') {
    const opened = openSource(reference);
    if (opened.file === undefined) return opened.error ?? '';
    if (opened.file.getId() === workbook.getId())
      return 'Đây là chính bảng tính đang mở: hãy dán liên kết của bảng tính năm trước. Chưa nhập gì.';
    const read = sourceEntries(opened.file);
    if (read === undefined)
      return `Tệp «${opened.file.getName()}» không có trang "${SHEET_NAMES.history}" hay "${SHEET_NAMES.awards}". Chưa nhập gì.`;
    incoming = read.entries;
    problems.push(...read.problems);
  }

  const reviewSheet = workbook.getSheetByName(SHEET_NAMES.historyReview);
  const review = reviewSheet === null ? undefined : readReview(readGrid(reviewSheet));
  const existing = history.readout.value;
  const existingKeys = new Set(existing.map((e) => e.registerKey).filter((k) => k !== ''));
  // 1. What the user answered on Đối chiếu lịch sử.
  const confirmed: HistoryEntry[] = [];
  const doneRows: number[] = [];
  for (const r of review?.rows ?? []) {
    if (r.done || r.decision === undefined) continue;
    doneRows.push(r.row);
    if (existingKeys.has(r.item.reviewKey)) continue;
    existingKeys.add(r.item.reviewKey);
    confirmed.push(confirmedEntry(r.item, r.decision === 'same'));
  }
  // 2. The other file, matched.
  const unitsSheet = workbook.getSheetByName(SHEET_NAMES.units);
  const units: Subject[] =
    unitsSheet === null
      ? []
      : readUnits(readGrid(unitsSheet)).value.map((u) => ({
          subjectType: 'collective' as const,
          name: u.name,
          unit: '',
        }));
  const plan = planImport(incoming, [...existing, ...confirmed], units, review?.keys ?? new Set());
  const added = [...confirmed, ...plan.added];
  appendEntries(history, added);
  if (reviewSheet !== null && review !== undefined) markDone(reviewSheet, review, doneRows);
  if (plan.review.length > 0) appendReview(workbook, reviewSheet, review, plan.review);

  const pending =
    (review?.rows.filter((r) => !r.done && r.decision === undefined).length ?? 0) +
    plan.review.length;
  const parts = [`Đã thêm ${String(added.length)} dòng vào trang "${SHEET_NAMES.history}".`];
  if (confirmed.length > 0)
    parts.push(
      `${String(confirmed.length)} dòng trong số đó theo kết luận ở trang "${SHEET_NAMES.historyReview}".`,
    );
  if (plan.skipped > 0)
    parts.push(
      `${String(plan.skipped)} dòng đã có trong lịch sử hoặc đang chờ đối chiếu, không thêm lại.`,
    );
  if (plan.review.length > 0)
    parts.push(
      `${String(plan.review.length)} dòng chưa chắc là cùng một đối tượng đã được đưa sang trang "${SHEET_NAMES.historyReview}".`,
    );
  if (pending > 0)
    parts.push(
      `Hãy chọn Kết luận («${REVIEW_SAME}» hoặc «${REVIEW_DIFFERENT}») cho ${String(pending)} dòng ở trang "${SHEET_NAMES.historyReview}" rồi chạy lại «${IMPORT_CAPTION}» (để trống liên kết).`,
    );
  if (review !== undefined && review.unreadable.length > 0)
    parts.push(
      `Không đọc được dòng ${review.unreadable.join(', ')} của trang "${SHEET_NAMES.historyReview}" (đã bị sửa tay), chưa thêm.`,
    );
  parts.push(...problems);
  return parts.join(' ');
}

/** Trạng thái of the applied rows, in one write of the column's span. */
function markDone(sheet: Sheet, review: ReviewReadout, rows: readonly number[]): void {
  const col = review.positions.get('status');
  if (col === undefined || rows.length === 0) return;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const done = new Set(rows);
  const current = sheet.getRange(first, col, last - first + 1, 1).getValues();
  writeBlock(
    sheet,
    first,
    col,
    current.map((v: unknown[], i): unknown[] => [done.has(first + i) ? REVIEW_DONE : v[0]]),
  );
}

function appendReview(
  workbook: Spreadsheet,
  existing: Sheet | null,
  review: ReviewReadout | undefined,
  items: ReturnType<typeof planImport>['review'],
): void {
  const layout = HISTORY_REVIEW_LAYOUT;
  const width = layout.columns.length;
  let sheet = existing;
  let first = (review?.lastRow ?? 0) + 1;
  if (sheet === null || review === undefined || review.positions.size === 0) {
    sheet = sheet ?? workbook.insertSheet(SHEET_NAMES.historyReview);
    writeBlock(sheet, 1, 1, [layout.columns.map((c) => c.header)]);
    sheet.setFrozenRows(layout.frozenRows);
    first = Math.max(first, 2);
  }
  const rows = items.map((item) => reviewCells(item, dateCell));
  const last = first + rows.length - 1;
  const maxRows = sheet.getMaxRows();
  if (maxRows < last) sheet.insertRowsAfter(maxRows, last - maxRows);
  writeBlock(sheet, first, 1, rows);
  const decisionCol = layout.columns.findIndex((c) => c.key === 'decision') + 1;
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList([REVIEW_SAME, REVIEW_DIFFERENT], true)
    .setAllowInvalid(false)
    .build();
  sheet.getRange(first, decisionCol, rows.length, 1).setDataValidation(rule);
  if (width > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
}
