/**
 * «Kiểm tra điều kiện khen thưởng»: reads Cấu hình, Khen thưởng, Lịch sử thi đua, khen thưởng and
 * Quy tắc khen thưởng once each, judges in the core, writes Điều kiện khen thưởng in one block.
 * Also run after «Lập sổ khen thưởng từ xếp hạng» fills the register. Hints never block.
 */
import { checkEligibility } from '../../core/eligibility/checkWorkbook';
import { eligibilityBlock } from '../../core/eligibility/eligibilitySheet';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { readSettings } from '../../core/readers/settings';
import { toSheetLiteralsIn } from '../../core/sheetLiteral';
import { runMenuAction } from '../lock';
import { alertUser, toast } from '../notify';
import { readGrids, sheetWithRoom } from '../workbook';
import { requirePermission } from '../permissions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const ELIGIBILITY_CAPTION = 'Kiểm tra điều kiện khen thưởng';
/** Java SimpleDateFormat pattern of Utilities.formatDate. */
const TIME_PATTERN = 'dd/MM/yyyy HH:mm';

export function menuCheckEligibility(): void {
  if (!requirePermission('eligibility')) return;
  runMenuAction(ELIGIBILITY_CAPTION, (workbook) => {
    const summary = writeEligibility(workbook);
    if (summary !== undefined) alertUser(summary, ELIGIBILITY_CAPTION);
  });
}

/**
 * Writes Điều kiện khen thưởng; returns what to tell the user, or undefined when there is no
 * register (the user was told; an earlier Điều kiện khen thưởng stays as it was).
 */
export function writeEligibility(workbook: Spreadsheet): string | undefined {
  const grids = readGrids(workbook, [
    SHEET_NAMES.settings,
    SHEET_NAMES.awards,
    SHEET_NAMES.history,
    SHEET_NAMES.rules,
  ]);
  const awards = grids[SHEET_NAMES.awards];
  if (awards === undefined) {
    alertUser(
      `«${ELIGIBILITY_CAPTION}»: chưa có trang "${SHEET_NAMES.awards}". Hãy chạy «Khởi tạo / cập nhật bảng tính» trước.`,
      ELIGIBILITY_CAPTION,
    );
    return undefined;
  }
  const settings = grids[SHEET_NAMES.settings];
  const outcome = checkEligibility({
    awards,
    history: grids[SHEET_NAMES.history],
    rules: grids[SHEET_NAMES.rules],
    defaultYear: settings === undefined ? undefined : readSettings(settings).value?.year,
  });
  const time = Utilities.formatDate(new Date(), workbook.getSpreadsheetTimeZone(), TIME_PATTERN);
  const block = eligibilityBlock(outcome.hints, outcome.problems, time);
  const sheet = sheetWithRoom(workbook, SHEET_NAMES.eligibility, block.values.length, block.width);
  sheet.clear();
  const range = sheet.getRange(1, 1, block.values.length, block.width);
  range.setNumberFormats(block.numberFormats);
  range.setValues(toSheetLiteralsIn(block.values, block.numberFormats));
  sheet.setFrozenRows(block.frozenRows);
  const message = [
    `Đã ghi trang "${SHEET_NAMES.eligibility}": ${block.summary}`,
    ...outcome.notes,
  ].join('\n');
  toast(block.summary, 10);
  return message;
}
