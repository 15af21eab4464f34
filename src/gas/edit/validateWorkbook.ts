/**
 * "Kiểm tra dữ liệu": reads every input sheet once, checks the whole workbook with the core,
 * writes every finding (sheet, cell, severity, message, value) to the report sheet in one
 * setValues with the time it was made beside it, and puts the cursor on the first finding's cell.
 */
import { CHECKED_SHEETS } from '../../core/edit/editCheck';
import {
  REPORT_COLUMNS,
  REPORT_STAMP_COLUMN,
  VALIDATION_REPORT_SHEET,
  reportBlock,
  reportSummary,
} from '../../core/edit/report';
import { NUMBER_FORMATS } from '../../core/layout/columns';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { scoringProblems, checkWorkbook } from '../../core/validation/problems';
import { runLocked } from '../lock';
import { toast } from '../notify';
import { activeWorkbook, readGrids } from '../workbook';
import { menuCaption } from './editTriggers';
import { requirePermission } from '../permissions';
import { fitCells } from '../../core/cellText';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Java SimpleDateFormat pattern of Utilities.formatDate, as the ranking's time. */
const TIME_PATTERN = 'dd/MM/yyyy HH:mm';

function reportSheet(workbook: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  return (
    workbook.getSheetByName(VALIDATION_REPORT_SHEET) ??
    workbook.insertSheet(VALIDATION_REPORT_SHEET)
  );
}

export function menuValidate(): void {
  if (!requirePermission('validate')) return;
  runLocked(menuCaption('menuValidate'), () => {
    const workbook = activeWorkbook();
    // Compute first: every sheet read once, nothing written until the findings are known.
    const findings = checkWorkbook(
      readGrids(workbook, [...CHECKED_SHEETS, SHEET_NAMES.preprinted]),
    );
    const time = Utilities.formatDate(new Date(), workbook.getSpreadsheetTimeZone(), TIME_PATTERN);

    // The report is plain text (below): Sheets parses nothing there, so values go as they are.
    const rows = reportBlock(findings, time);

    const sheet = reportSheet(workbook);
    sheet.clear();
    const block = sheet.getRange(1, 1, rows.length, rows[0]?.length ?? REPORT_COLUMNS.length);
    // Text format: a value such as "9,5" or "05/01" stays exactly as the user typed it.
    block.setNumberFormat(NUMBER_FORMATS.text);
    block.setValues(fitCells(rows));
    sheet.getRange(1, 1, 1, REPORT_COLUMNS.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
    REPORT_COLUMNS.forEach((c, i) => sheet.setColumnWidth(i + 1, c.width));
    sheet.setColumnWidth(REPORT_STAMP_COLUMN, 140);

    const first = findings[0];
    const target = first === undefined ? null : workbook.getSheetByName(first.sheet);
    if (first !== undefined && target !== null) target.getRange(first.cell).activate();
    else sheet.getRange(1, 1).activate();
    toast(reportSummary(findings, scoringProblems(findings)));
  });
}
