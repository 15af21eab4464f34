/**
 * Lịch sử thi đua, khen thưởng in and out: one read of the sheet, one write of the new rows
 * below the last row holding anything.
 */
import { SHEET_NAMES } from '../../core/layout/sheets';
import { HISTORY_LAYOUT } from '../../core/layout/historyTables';
import { readHistory, type HistoryReadout } from '../../core/history/readHistory';
import { historyCells } from '../../core/history/historyRows';
import type { HistoryEntry } from '../../core/model/history';
import type { CalendarDate } from '../../core/parse/date';
import { readGrid, writeBlock } from '../workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface HistorySheet {
  readonly sheet: Sheet;
  readonly grid: unknown[][];
  readonly readout: HistoryReadout;
}

/** The message when set-up has not made the sheet yet. */
export function noHistorySheetMessage(): string {
  return `Chưa có trang "${SHEET_NAMES.history}": hãy chạy «Khởi tạo / cập nhật bảng tính» trước.`;
}

export function readHistorySheet(workbook: Spreadsheet): HistorySheet | undefined {
  const sheet = workbook.getSheetByName(HISTORY_LAYOUT.sheet);
  if (sheet === null) return undefined;
  const grid = readGrid(sheet);
  return { sheet, grid, readout: readHistory(grid) };
}

/** A calendar date as the Date a date cell holds (midnight in the script's time zone). */
export function dateCell(d: CalendarDate): Date {
  return new Date(d.year, d.month - 1, d.day);
}

/** Appends entries after the last filled row, in one write (rows added to the sheet first). */
export function appendEntries(history: HistorySheet, entries: readonly HistoryEntry[]): void {
  if (entries.length === 0) return;
  const rows = entries.map((e) => historyCells(e, history.readout.positions, dateCell));
  const first = history.readout.lastRow + 1;
  const last = first + rows.length - 1;
  const sheet = history.sheet;
  const maxRows = sheet.getMaxRows();
  if (maxRows < last) sheet.insertRowsAfter(maxRows, last - maxRows);
  writeBlock(sheet, first, 1, rows);
}
