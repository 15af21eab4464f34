/**
 * "Tính xếp hạng": read each input sheet once, rank with the core, write Xếp hạng in one batch.
 *
 * The number of service calls does not depend on the number of units or criteria: six reads of
 * whole data ranges, then for Xếp hạng one clear, one setNumberFormats, one setValues, two bold
 * rows, the frozen panes, one setConditionalFormatRules, the chart (built or modified in place),
 * the named status cell, one setProperties and one toast. Compute first, then write, under the
 * document lock so two clicks never interleave their writes.
 */
import {
  RANKING_PROPERTY_KEYS,
  RANKING_INPUT_SHEETS,
  rankingSheetBlock,
  CHART_TITLE,
  RANKING_STATUS_RANGE_NAME,
  type ConditionalRuleSpec,
  type RankingSheetBlock,
} from '../../core/ranking/rankingSheet';
import { rankWorkbook, rankingFingerprint } from '../../core/ranking/rankWorkbook';
import { flagRankingStale } from './stale';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { NUMBER_FORMATS } from '../../core/layout/columns';
import { toSheetLiteral } from '../../core/sheetLiteral';
import { fitCell } from '../../core/cellText';
import { runMenuAction } from '../lock';
import { alertUser, toast } from '../notify';
import { readGrids, sheetWithRoom } from '../workbook';
import { requirePermission } from '../permissions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const RANKING_CHANGED_MEANWHILE =
  'Điểm vừa được sửa trong lúc tính nên xếp hạng này đã cũ: hãy bấm «Tính xếp hạng» lần nữa.';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const CAPTION = 'Tính xếp hạng';
/** Java SimpleDateFormat pattern of Utilities.formatDate. */
const TIME_PATTERN = 'dd/MM/yyyy HH:mm';

export function menuRank(): void {
  if (!requirePermission('rank')) return;
  runMenuAction(CAPTION, rankNow);
}

function rankNow(workbook: Spreadsheet): void {
  const grids = readGrids(workbook, RANKING_INPUT_SHEETS);
  const ranking = rankWorkbook(grids);
  if (!ranking.ok) {
    // The previous ranking stays as written, flagged: it no longer matches the sheets.
    flagRankingStale(workbook);
    alertUser(ranking.message, CAPTION);
    return;
  }
  const now = new Date();
  const time = Utilities.formatDate(now, workbook.getSpreadsheetTimeZone(), TIME_PATTERN);
  const block = rankingSheetBlock(ranking.result, {
    settings: ranking.settings,
    time,
    fingerprint: ranking.fingerprint,
    inputFindings: ranking.readout.findings,
  });

  writeRankingSheet(workbook, block);
  PropertiesService.getDocumentProperties().setProperties({
    [RANKING_PROPERTY_KEYS.fingerprint]: ranking.fingerprint,
    [RANKING_PROPERTY_KEYS.time]: now.toISOString(),
  });
  // A member's edit needs no lock, so it may land while the ranking is computed; the member's own
  // onEdit cannot mark Xếp hạng (protected for owner and head). Read the inputs once more: if they
  // changed since they were read, the ranking just written is stale, and says so.
  if (rankingFingerprint(readGrids(workbook, RANKING_INPUT_SHEETS)) !== ranking.fingerprint) {
    flagRankingStale(workbook);
    toast(`${block.toast} ${RANKING_CHANGED_MEANWHILE}`, 10);
    return;
  }
  toast(block.toast, 10);
}

/**
 * Values as written: text-formatted cells take the text as is (Sheets keeps it verbatim, so a
 * name starting with "=" stays text); any other string gets the literal prefix.
 */
function literalBlock(block: RankingSheetBlock): unknown[][] {
  return block.values.map((row, r) =>
    row.map((v, c) =>
      typeof v === 'string' && block.numberFormats[r]?.[c] !== NUMBER_FORMATS.text
        ? toSheetLiteral(v)
        : fitCell(v),
    ),
  );
}

function writeRankingSheet(workbook: Spreadsheet, block: RankingSheetBlock): void {
  const height = block.values.length;
  const width = block.width;
  const sheet = sheetWithRoom(
    workbook,
    SHEET_NAMES.ranking,
    height,
    block.chart ? block.chart.anchorColumn : width,
  );
  // Contents and formats of the previous ranking, however long or wide it was.
  sheet.clear();
  const range = sheet.getRange(1, 1, height, width);
  // Formats first: text columns then keep codes like "001" and names like "=x" as typed.
  range.setNumberFormats(block.numberFormats.map((r) => [...r]));
  range.setValues(literalBlock(block));
  for (const row of block.boldRows) sheet.getRange(row, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(block.frozenRows);
  sheet.setFrozenColumns(block.frozenColumns);
  sheet.setConditionalFormatRules(block.rules.map((rule) => conditionalRule(sheet, rule)));
  writeChart(sheet, block);

  const status = sheet.getRange(block.statusCell.row, block.statusCell.column);
  // Re-pointed every time: rows inserted above by hand would otherwise move the named cell.
  if (workbook.getRangeByName(RANKING_STATUS_RANGE_NAME) !== null) {
    workbook.removeNamedRange(RANKING_STATUS_RANGE_NAME);
  }
  workbook.setNamedRange(RANKING_STATUS_RANGE_NAME, status);
}

function conditionalRule(
  sheet: Sheet,
  spec: ConditionalRuleSpec,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const builder = SpreadsheetApp.newConditionalFormatRule()
    .setRanges([sheet.getRange(spec.row, spec.column, spec.numRows, spec.numColumns)])
    .setBackground(spec.background);
  const when =
    spec.when.kind === 'textEqualTo'
      ? builder.whenTextEqualTo(spec.when.text)
      : builder.whenTextStartsWith(spec.when.text);
  return when.build();
}

/** The bar chart of totals: the product's own chart is modified in place, never duplicated. */
function writeChart(sheet: Sheet, block: RankingSheetBlock): void {
  const ours = sheet.getCharts().filter((chart) => chart.getOptions().get('title') === CHART_TITLE);
  const [existing, ...duplicates] = ours;
  for (const chart of duplicates) sheet.removeChart(chart);
  const spec = block.chart;
  if (spec === undefined) {
    if (existing) sheet.removeChart(existing);
    return;
  }
  const labels = sheet.getRange(spec.labels.row, spec.labels.column, spec.labels.numRows, 1);
  const totals = sheet.getRange(spec.totals.row, spec.totals.column, spec.totals.numRows, 1);
  const builder = existing
    ? existing.modify().clearRanges()
    : sheet.newChart().setPosition(spec.anchorRow, spec.anchorColumn, 0, 0);
  const chart = builder
    .setChartType(Charts.ChartType.BAR)
    .addRange(labels)
    .addRange(totals)
    .setOption('title', CHART_TITLE)
    .build();
  if (existing) sheet.updateChart(chart);
  else sheet.insertChart(chart);
}
