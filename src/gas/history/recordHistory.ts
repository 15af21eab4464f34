/**
 * «Ghi lịch sử từ sổ khen thưởng»: the register's decided rows become history entries
 * (src/core/history/recordRegister.ts). Reads Cấu hình, Khen thưởng and Lịch sử once each; writes
 * the new history rows in one block and the keys the register lacked in one block.
 */
import { SHEET_NAMES } from '../../core/layout/sheets';
import { readAwards } from '../../core/awards/readAwards';
import { readSettings } from '../../core/readers/settings';
import { planRecord, recordSummary, type RecordPlan } from '../../core/history/recordRegister';
import { recordedKeys } from '../../core/history/historyRows';
import { alertUser } from '../notify';
import { runMenuAction } from '../lock';
import { readGrid, writeBlock } from '../workbook';
import { appendEntries, noHistorySheetMessage, readHistorySheet } from './historySheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const RECORD_CAPTION = 'Ghi lịch sử từ sổ khen thưởng';

export function menuRecordHistory(): void {
  runMenuAction(
    RECORD_CAPTION,
    (workbook) => {
      const outcome = recordRegister(workbook);
      alertUser(outcome.message, RECORD_CAPTION);
    },
    'recordHistory',
  );
}

export interface RecordOutcome {
  readonly ok: boolean;
  readonly message: string;
  readonly plan?: RecordPlan;
}

/** Records the register into Lịch sử; «Tạo năm mới» calls it before the year turns. */
export function recordRegister(workbook: Spreadsheet): RecordOutcome {
  const history = readHistorySheet(workbook);
  if (history === undefined) return { ok: false, message: noHistorySheetMessage() };
  const awardsSheet = workbook.getSheetByName(SHEET_NAMES.awards);
  if (awardsSheet === null)
    return { ok: false, message: `Chưa có trang "${SHEET_NAMES.awards}" (sổ khen thưởng).` };
  const settingsSheet = workbook.getSheetByName(SHEET_NAMES.settings);
  const defaultYear =
    settingsSheet === null ? undefined : readSettings(readGrid(settingsSheet)).value?.year;
  const awardsGrid = readGrid(awardsSheet);
  const register = readAwards(awardsGrid, defaultYear === undefined ? {} : { defaultYear });
  const plan = planRecord(
    register.value,
    recordedKeys(history.grid, history.readout.headerRow, history.readout.positions),
  );
  appendEntries(history, plan.added);
  storeKeys(awardsSheet, awardsGrid, register.positions.get('key'), plan);
  let message = recordSummary(plan, SHEET_NAMES.history, SHEET_NAMES.awards);
  if (register.invalid.length > 0)
    message += ` ${String(register.invalid.length)} dòng của sổ có lỗi nên chưa ghi: hãy chạy «Kiểm tra dữ liệu».`;
  return { ok: true, message, plan };
}

/** Mã hồ sơ on the rows recorded with a derived key, in one write of the column's span. */
function storeKeys(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  grid: readonly (readonly unknown[])[],
  column: number | undefined,
  plan: RecordPlan,
): void {
  if (column === undefined || plan.keysToStore.length === 0) return;
  const rows = plan.keysToStore.map((k) => k.row);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const byRow = new Map(plan.keysToStore.map((k) => [k.row, k.key]));
  const block: unknown[][] = [];
  for (let r = first; r <= last; r++) block.push([byRow.get(r) ?? grid[r - 1]?.[column - 1] ?? '']);
  writeBlock(sheet, first, column, block);
}
