/**
 * "Lập sổ khen thưởng từ xếp hạng" and "Thống kê khen thưởng".
 *
 * Both read every sheet they need once (whole data ranges), decide in the core, then write one
 * block, under the document lock; the number of service calls does not depend on the number of
 * units or register rows. Text from users is written as literals: text-formatted cells take the
 * text as is (Sheets keeps it verbatim there), any other string gets the literal prefix.
 */
import { planAwardFill, awardSheetRows, voteForFill } from '../../core/awards/fill';
import {
  planRegistrationFill,
  type RegistrationFillPlan,
} from '../../core/registration/fillFromRegistration';
import { readRegistration } from '../../core/registration/readRegistration';
import type { AwardRecord } from '../../core/model/award';
import { VOTE_STATE_PROPERTY, parseVoteState } from '../../core/votes/rounds';
import { issuerDefaultsOf } from '../../core/certificates/issuer';
import { readAwards, type AwardsReadout } from '../../core/awards/readAwards';
import {
  AWARD_STATISTICS_CHART_TITLE,
  awardStatisticsBlock,
  countAwards,
  type AwardStatisticsBlock,
} from '../../core/awards/statistics';
import { NUMBER_FORMATS } from '../../core/layout/columns';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { AWARDS_LAYOUT, type AwardColumnKey } from '../../core/layout/tables';
import { RANKING_INPUT_SHEETS, RANKING_PROPERTY_KEYS } from '../../core/ranking/rankingSheet';
import { rankWorkbook } from '../../core/ranking/rankWorkbook';
import { checkInputs } from '../../core/validation/inputs';
import { readSettings } from '../../core/readers/settings';
import { toSheetLiteralsIn } from '../../core/sheetLiteral';
import { writeColumnChart } from '../columnChart';
import { runMenuAction } from '../lock';
import { alertUser, toast } from '../notify';
import { readGrid, readGrids } from '../workbook';
import { requirePermission } from '../permissions';
import { writeEligibility } from '../eligibility/eligibilityAction';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const FILL_CAPTION = 'Lập sổ khen thưởng từ xếp hạng';
export const STATISTICS_CAPTION = 'Thống kê khen thưởng';
/** Java SimpleDateFormat pattern of Utilities.formatDate. */
const TIME_PATTERN = 'dd/MM/yyyy HH:mm';
/** Columns the fill needs to write a row someone can read. */
const NEEDED: readonly AwardColumnKey[] = ['recipientType', 'name', 'form', 'level'];

function ensureRoom(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

function noRegisterMessage(caption: string): string {
  return (
    `«${caption}»: chưa có trang "${SHEET_NAMES.awards}". ` +
    'Hãy chạy «Khởi tạo / cập nhật bảng tính» trước.'
  );
}

// ------------------------------------------------------------------ fill from the ranking

export function menuFillAwardsFromRanking(): void {
  if (!requirePermission('fillAwards')) return;
  runMenuAction(FILL_CAPTION, fillFromRanking);
}

function missingColumns(register: AwardsReadout): string[] {
  return AWARDS_LAYOUT.columns
    .filter((c) => NEEDED.includes(c.key) && !register.positions.has(c.key))
    .map((c) => `"${c.header}"`);
}

function fillFromRanking(workbook: Spreadsheet): void {
  const sheet = workbook.getSheetByName(SHEET_NAMES.awards);
  if (sheet === null) {
    alertUser(noRegisterMessage(FILL_CAPTION), FILL_CAPTION);
    return;
  }
  const ranking = rankWorkbook(readGrids(workbook, RANKING_INPUT_SHEETS), 'fillAwards');
  if (!ranking.ok) {
    alertUser(ranking.message, FILL_CAPTION);
    return;
  }
  const register = readAwards(readGrid(sheet), { defaultYear: ranking.settings.year });
  const missing = missingColumns(register);
  if (missing.length > 0) {
    alertUser(
      `«${FILL_CAPTION}»: trang "${SHEET_NAMES.awards}" thiếu cột ${missing.join(', ')}. ` +
        'Hãy chạy «Khởi tạo / cập nhật bảng tính» để thêm cột.',
      FILL_CAPTION,
    );
    return;
  }
  const properties = PropertiesService.getDocumentProperties();
  const stored = properties.getProperty(RANKING_PROPERTY_KEYS.fingerprint);
  const vote = voteForFill(parseVoteState(properties.getProperty(VOTE_STATE_PROPERTY)), stored);
  if (vote.kind === 'refuse') {
    alertUser(vote.message, FILL_CAPTION);
    return;
  }
  const plan = planAwardFill({
    rows: ranking.result.rows,
    units: ranking.readout.units,
    year: ranking.settings.year,
    clusterName: ranking.settings.clusterName,
    register,
    ...(vote.kind === 'vote' ? { vote: vote.vote } : {}),
    issuers: issuerDefaultsOf(ranking.settings),
  });
  const fromRegistration = registrationProposals(workbook, ranking, register, plan.records);
  const records = [...plan.records, ...fromRegistration.records];
  const staleNote =
    stored === ranking.fingerprint
      ? ''
      : '\nLưu ý: dữ liệu chấm điểm đã thay đổi (hoặc chưa «Tính xếp hạng»); danh sách trên theo ' +
        'dữ liệu hiện tại. Hãy chạy lại «Tính xếp hạng» để trang Xếp hạng khớp.';

  if (records.length > 0) {
    const rows = awardSheetRows(records, register.positions);
    const width = rows[0]?.length ?? 0;
    const formatOf = new Map<number, string>();
    for (const spec of AWARDS_LAYOUT.columns) {
      const column = register.positions.get(spec.key);
      if (column !== undefined) formatOf.set(column, spec.numberFormat);
    }
    const formats = rows.map(() =>
      Array.from({ length: width }, (_, c) => formatOf.get(c + 1) ?? NUMBER_FORMATS.text),
    );
    const at = register.lastRow + 1;
    ensureRoom(sheet, at + rows.length - 1, width);
    const range = sheet.getRange(at, 1, rows.length, width);
    // Formats first, so text columns keep names like "=x" and codes like "001" as typed.
    range.setNumberFormats(formats);
    range.setValues(toSheetLiteralsIn(rows, formats));
  }
  const registrationNote = fromRegistration.message === '' ? '' : `\n${fromRegistration.message}`;
  // The register just changed: its eligibility hints follow (they inform, never block).
  const hints = writeEligibility(workbook);
  const hintNote = hints === undefined ? '' : `\n${hints}`;
  alertUser(
    plan.message +
      registrationNote +
      staleNote +
      (vote.kind === 'ranking' ? vote.note : '') +
      hintNote,
    FILL_CAPTION,
  );
}

/** Đăng ký thi đua's individuals with a title, as register rows not already there. */
function registrationProposals(
  workbook: Spreadsheet,
  ranking: Extract<ReturnType<typeof rankWorkbook>, { ok: true }>,
  register: AwardsReadout,
  adding: readonly AwardRecord[],
): RegistrationFillPlan {
  const sheet = workbook.getSheetByName(SHEET_NAMES.registration);
  if (sheet === null) return { records: [], alreadyThere: [], message: '' };
  const units = ranking.readout.units;
  const registration = readRegistration(readGrid(sheet), units);
  return planRegistrationFill({
    individuals: registration.individuals,
    units,
    year: ranking.settings.year,
    register,
    adding,
    issuers: issuerDefaultsOf(ranking.settings),
  });
}

// ------------------------------------------------------------------ statistics

export function menuAwardStatistics(): void {
  if (!requirePermission('statistics')) return;
  runMenuAction(STATISTICS_CAPTION, awardStatistics);
}

function awardStatistics(workbook: Spreadsheet): void {
  const grids = readGrids(workbook, [SHEET_NAMES.settings, SHEET_NAMES.awards]);
  const awardsGrid = grids[SHEET_NAMES.awards];
  const check = checkInputs('statistics', grids);
  if (!check.ok || awardsGrid === undefined) {
    // The previous statistics sheet stays as it was.
    alertUser(check.ok ? noRegisterMessage(STATISTICS_CAPTION) : check.message, STATISTICS_CAPTION);
    return;
  }
  const settingsGrid = grids[SHEET_NAMES.settings];
  const defaultYear =
    settingsGrid === undefined ? undefined : readSettings(settingsGrid).value?.year;
  const register = readAwards(awardsGrid, defaultYear === undefined ? {} : { defaultYear });
  const time = Utilities.formatDate(new Date(), workbook.getSpreadsheetTimeZone(), TIME_PATTERN);
  const block = awardStatisticsBlock(countAwards(register.value), {
    time,
    invalidRows: register.invalid.length,
  });
  writeStatisticsSheet(workbook, block);
  toast(block.toast, 10);
}

function writeStatisticsSheet(workbook: Spreadsheet, block: AwardStatisticsBlock): void {
  const height = block.values.length;
  const width = block.width;
  const sheet =
    workbook.getSheetByName(SHEET_NAMES.awardStatistics) ??
    workbook.insertSheet(SHEET_NAMES.awardStatistics);
  ensureRoom(sheet, height, block.chart.anchorColumn);
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
  writeColumnChart(sheet, AWARD_STATISTICS_CHART_TITLE, block.chart);
}
