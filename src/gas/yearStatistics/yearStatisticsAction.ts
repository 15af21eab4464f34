/**
 * «Thống kê qua các năm»: reads Cấu hình, Lịch sử thi đua, khen thưởng and Khen thưởng once each,
 * lets the core count and lay out (planYearStatistics), then writes Thống kê qua các năm whole in
 * one block with its chart, under the document lock. The sheet is set-up's (protected for the
 * owner and the head): without it the action refuses rather than make an unprotected one.
 */
import {
  YEAR_STATISTICS_CAPTION,
  YEAR_STATISTICS_CHART_TITLE,
  planYearStatistics,
  type YearStatisticsBlock,
} from '../../core/yearStatistics/yearStatisticsSheet';
import { SETUP_CAPTION } from '../../core/validation/inputs';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { toSheetLiteralsIn } from '../../core/sheetLiteral';
import { writeColumnChart } from '../columnChart';
import { runMenuAction } from '../lock';
import { alertUser, toast } from '../notify';
import { readGrids } from '../workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Java SimpleDateFormat pattern of Utilities.formatDate. */
const TIME_PATTERN = 'dd/MM/yyyy HH:mm';

export function menuYearStatistics(): void {
  runMenuAction(YEAR_STATISTICS_CAPTION, yearStatistics, 'yearStatistics');
}

function yearStatistics(workbook: Spreadsheet): void {
  const sheet = workbook.getSheetByName(SHEET_NAMES.yearStatistics);
  if (sheet === null) {
    alertUser(
      `«${YEAR_STATISTICS_CAPTION}»: chưa có trang "${SHEET_NAMES.yearStatistics}". ` +
        `Hãy chạy «${SETUP_CAPTION}» để tạo trang (được bảo vệ, chỉ chủ sở hữu và Cụm trưởng sửa được).`,
      YEAR_STATISTICS_CAPTION,
    );
    return;
  }
  const grids = readGrids(workbook, [
    SHEET_NAMES.settings,
    SHEET_NAMES.history,
    SHEET_NAMES.awards,
  ]);
  const time = Utilities.formatDate(new Date(), workbook.getSpreadsheetTimeZone(), TIME_PATTERN);
  const plan = planYearStatistics({ grids, time });
  if (!plan.ok) {
    // The previous statistics stay as they were.
    alertUser(plan.message, YEAR_STATISTICS_CAPTION);
    return;
  }
  writeSheet(sheet, plan.block);
  toast(plan.block.toast, 10);
}

function writeSheet(sheet: Sheet, block: YearStatisticsBlock): void {
  const height = block.values.length;
  const width = block.width;
  const maxRows = sheet.getMaxRows();
  if (maxRows < height) sheet.insertRowsAfter(maxRows, height - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < block.chart.anchorColumn)
    sheet.insertColumnsAfter(maxColumns, block.chart.anchorColumn - maxColumns);
  // Contents and formats of the previous statistics, however long they were.
  sheet.clear();
  const range = sheet.getRange(1, 1, height, width);
  const formats = block.numberFormats.map((r) => [...r]);
  range.setNumberFormats(formats);
  range.setValues(toSheetLiteralsIn(block.values, formats));
  const bold = new Set(block.boldRows);
  range.setFontWeights(
    block.values.map((_, r) =>
      Array.from({ length: width }, () => (bold.has(r + 1) ? 'bold' : 'normal')),
    ),
  );
  sheet.setFrozenRows(block.frozenRows);
  writeColumnChart(sheet, YEAR_STATISTICS_CHART_TITLE, block.chart);
}
