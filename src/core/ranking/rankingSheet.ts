/**
 * The Xếp hạng sheet as written by "Tính xếp hạng": a status block on top (when, from which
 * inputs, how many problems), then the ranking table from rankingSheetValues. Everything the
 * adapter writes is decided here, as data: values, number formats, conditional-format rules and
 * the chart's ranges, so that the adapter only moves blocks.
 */
import { cellA1, rangeA1 } from '../a1';
import type { Finding } from '../findings';
import { formatNumberVi } from '../format/vietnamese';
import { NUMBER_FORMATS as F } from '../layout/columns';
import { MATRIX_UNIT_CODE_HEADER, matrixLayout } from '../layout/matrix';
import { SHEET_NAMES } from '../layout/sheets';
import type { CriteriaTree } from '../model/criteria';
import type { ClusterSettings } from '../model/settings';
import type { Unit } from '../model/unit';
import { labelKey } from '../readers/cells';
import type { Locate } from '../scoring/computeScores';
import { sortedBands } from './classify';
import {
  rankingSheetValues,
  toastText,
  type RankingResult,
  type RankingSummary,
} from './computeRanking';
import { tieBreakPhrase } from './rank';
import { findingsLabel } from '../validation/counts';
import { mergeFindings } from '../validation/workbook';

/** Named range on the status cell: the stale flag (onEdit) writes there without knowing the layout. */
export const RANKING_STATUS_RANGE_NAME = 'thidua_ranking_status';

/** Document properties written with each ranking. */
export const RANKING_PROPERTY_KEYS = {
  fingerprint: 'thidua.ranking.fingerprint',
  time: 'thidua.ranking.time',
} as const;

/** The sheets a ranking is computed from, in the order they are read. */
export const RANKING_INPUT_SHEETS = [
  SHEET_NAMES.settings,
  SHEET_NAMES.units,
  SHEET_NAMES.criteria,
  SHEET_NAMES.selfScores,
  SHEET_NAMES.verifiedScores,
  SHEET_NAMES.crossScores,
] as const;

/** Whether an edit on this sheet can change the ranking (Bình xét, Nhật ký… cannot). */
export function isRankingInput(sheet: string): boolean {
  return (RANKING_INPUT_SHEETS as readonly string[]).includes(sheet);
}

/**
 * 1-based rows of the status block and the table. Column A holds labels, column C values; the
 * fingerprint sits beside the time. The table header stays within the first five rows, where
 * set-up looks for a sheet's headers to recognise it.
 */
export const RANKING_SHEET_ROWS = {
  title: 1,
  time: 2,
  status: 3,
  findings: 4,
  header: 5,
  firstData: 6,
} as const;
/** Column of the fingerprint, on the time's row. */
export const RANKING_FINGERPRINT_COLUMN = 4;
export const RANKING_FINGERPRINT_LABEL = 'Mã dữ liệu: ';
export const RANKING_STATUS_VALUE_COLUMN = 3;

/** Text of the status cell right after a ranking. */
export const RANKING_CURRENT_TEXT = 'Đã cập nhật: kết quả khớp với dữ liệu chấm điểm lúc tính.';
/** Start of the stale notice; a conditional-format rule colours the cell by it. */
export const RANKING_STALE_PREFIX = 'CHƯA CẬP NHẬT';
export const RANKING_STALE_TEXT = `${RANKING_STALE_PREFIX}: dữ liệu đã thay đổi sau lần tính này. Hãy chạy lại «Tính xếp hạng».`;
const FINDINGS_PREFIX = 'Có ';

/** How many units the bar chart shows, best first: a chart of 5,000 bars says nothing. */
export const CHART_MAX_UNITS = 30;
export const CHART_TITLE = 'Tổng điểm theo đơn vị';

/** Backgrounds by band, best first; the fallback classification is always the last colour. */
const BAND_COLOURS = ['#b7e1cd', '#c9daf8', '#fff2cc', '#fce5cd', '#d9d2e9'];
const FALLBACK_COLOUR = '#f4cccc';
const STALE_COLOUR = '#f4cccc';
const FINDINGS_COLOUR = '#fce5cd';

export interface ConditionalRuleSpec {
  /** 1-based cell range on the sheet. */
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  readonly when: { readonly kind: 'textEqualTo' | 'textStartsWith'; readonly text: string };
  readonly background: string;
}

export interface RankingSheetBlock {
  /** Rows 1…n from column A, rectangular. */
  readonly values: readonly (readonly (string | number)[])[];
  /** Same shape: formats are set before values so text columns keep text as typed. */
  readonly numberFormats: readonly (readonly string[])[];
  readonly width: number;
  /** Rows to make bold (title, table header). */
  readonly boldRows: readonly number[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly statusCell: { readonly row: number; readonly column: number };
  readonly rules: readonly ConditionalRuleSpec[];
  /** Ranges of the bar chart (unit names, totals) or undefined when there is no unit. */
  readonly chart?: {
    readonly labels: { readonly row: number; readonly column: number; readonly numRows: number };
    readonly totals: { readonly row: number; readonly column: number; readonly numRows: number };
    readonly anchorRow: number;
    readonly anchorColumn: number;
  };
  /** One line for the toast, with every problem counted. */
  readonly toast: string;
}

export interface RankingSheetContext {
  readonly settings: ClusterSettings;
  /** Already formatted in the spreadsheet's time zone, e.g. "05/01/2023 14:30". */
  readonly time: string;
  readonly fingerprint: string;
  /** Problems the readers found in the input sheets (the ranking's own come with the result). */
  readonly inputFindings: readonly Finding[];
}

/** Every problem, input first, as one sorted-free list (the report sorts them). */
export function rankingProblems(
  inputFindings: readonly Finding[],
  result: RankingResult,
): Finding[] {
  return mergeFindings(inputFindings, result.findings);
}

/** What the ranking did with missing scores, as the findings line says it ('' when none). */
export function missingScoresText(summary: RankingSummary): string {
  if (summary.incomplete > 0) {
    return (
      `${formatNumberVi(summary.incomplete)} đơn vị thiếu điểm chưa được xếp hạng, không được ` +
      `đề nghị khen thưởng và không chiếm suất (ghi cuối bảng, "chưa xếp hạng: thiếu điểm …")`
    );
  }
  if (summary.zeroed > 0) {
    return (
      `ô thiếu điểm được tính 0 điểm (Khi thiếu điểm: Tính 0 điểm); ` +
      `${formatNumberVi(summary.zeroed)} đơn vị có ô trống vẫn được xếp hạng và xét đề nghị`
    );
  }
  return '';
}

/** The findings line of the status block. */
export function findingsLine(problems: readonly Finding[], summary?: RankingSummary): string {
  const missing = summary ? missingScoresText(summary) : '';
  if (problems.length === 0) return missing === '' ? 'Không có lỗi dữ liệu.' : `${missing}.`;
  const kinds = findingsLabel(problems);
  const first = problems[0]?.message ?? '';
  return (
    `${FINDINGS_PREFIX}${formatNumberVi(problems.length)} vấn đề trong dữ liệu (${kinds}); ` +
    (missing === '' ? '' : `${missing}. `) +
    `Xem chi tiết: menu Thi đua › Kiểm tra dữ liệu. Vấn đề đầu tiên: ${first}`
  );
}

/**
 * The toast after a ranking: the summary, then the problems counted and named as the status
 * line and "Kiểm tra dữ liệu" name them ("1 lỗi, 2 cảnh báo"), never every problem as an error.
 */
export function rankingToast(result: RankingResult, problems: readonly Finding[]): string {
  const text = toastText({ ...result.summary, findings: 0 });
  if (problems.length === 0 || result.summary.units === 0) return text;
  return `${text.replace(/\.$/, '')}; dữ liệu có ${findingsLabel(problems)} (xem Kiểm tra dữ liệu).`;
}

/** Which tie-break chain the ranking used (issue 14, rule 5), for the title row. */
export function tieBreakChainText(settings: Pick<ClusterSettings, 'tieBreak'>): string {
  if (settings.tieBreak.length === 0) {
    return 'Khi bằng điểm: không dùng tiêu chí phụ (đơn vị bằng điểm đồng hạng, bỏ phiếu bình xét nếu tranh suất).';
  }
  return `Khi bằng điểm, xét lần lượt: ${settings.tieBreak.map((k) => tieBreakPhrase(k, true)).join(' › ')}.`;
}

export function rankingTitle(settings: ClusterSettings): string {
  return `XẾP HẠNG THI ĐUA NĂM ${String(settings.year)} - ${settings.clusterName}`;
}

/** Colour of each classification label, best band first, fallback last. */
export function classificationColours(
  settings: ClusterSettings,
): { label: string; colour: string }[] {
  const out: { label: string; colour: string }[] = [];
  sortedBands(settings.classificationBands).forEach((b, i) => {
    if (out.some((o) => o.label === b.label)) return;
    out.push({ label: b.label, colour: BAND_COLOURS[i % BAND_COLOURS.length] ?? FALLBACK_COLOUR });
  });
  if (!out.some((o) => o.label === settings.fallbackClassification)) {
    out.push({ label: settings.fallbackClassification, colour: FALLBACK_COLOUR });
  }
  return out;
}

/** The provisional form of a classification, as rankingSheetValues writes it. */
export function provisionalLabel(label: string): string {
  return `${label} (tạm tính)`;
}

export function rankingSheetBlock(
  result: RankingResult,
  context: RankingSheetContext,
): RankingSheetBlock {
  const table = rankingSheetValues(result);
  const width = table.header.length;
  const R = RANKING_SHEET_ROWS;
  const problems = rankingProblems(context.inputFindings, result);

  const blank = (): (string | number)[] => new Array<string | number>(width).fill('');
  const labelled = (label: string, value: string): (string | number)[] => {
    const row = blank();
    row[0] = label;
    row[RANKING_STATUS_VALUE_COLUMN - 1] = value;
    return row;
  };
  const title = blank();
  title[0] = rankingTitle(context.settings);
  title[RANKING_FINGERPRINT_COLUMN - 1] = tieBreakChainText(context.settings);
  const timeRow = labelled('Thời điểm tính', context.time);
  timeRow[RANKING_FINGERPRINT_COLUMN - 1] = `${RANKING_FINGERPRINT_LABEL}${context.fingerprint}`;
  const values: (string | number)[][] = [
    title,
    timeRow,
    labelled('Trạng thái', RANKING_CURRENT_TEXT),
    labelled('Kiểm tra dữ liệu', findingsLine(problems, result.summary)),
    [...table.header],
    ...table.values.map((r) => [...r]),
  ];
  const textRow = (): string[] => new Array<string>(width).fill(F.text);
  const dataFormats = table.formats;
  const numberFormats: string[][] = [
    ...Array.from({ length: R.header }, textRow),
    ...table.values.map(() => [...dataFormats]),
  ];

  const column = (header: string): number => table.header.indexOf(header) + 1;
  const n = table.values.length;
  const rules: ConditionalRuleSpec[] = [
    {
      row: R.status,
      column: RANKING_STATUS_VALUE_COLUMN,
      numRows: 1,
      numColumns: 1,
      when: { kind: 'textStartsWith', text: RANKING_STALE_PREFIX },
      background: STALE_COLOUR,
    },
    {
      row: R.findings,
      column: RANKING_STATUS_VALUE_COLUMN,
      numRows: 1,
      numColumns: 1,
      when: { kind: 'textStartsWith', text: FINDINGS_PREFIX },
      background: FINDINGS_COLOUR,
    },
  ];
  const classColumn = column('Xếp loại');
  if (n > 0 && classColumn > 0) {
    for (const { label, colour } of classificationColours(context.settings)) {
      for (const text of [label, provisionalLabel(label)]) {
        rules.push({
          row: R.firstData,
          column: classColumn,
          numRows: n,
          numColumns: 1,
          when: { kind: 'textEqualTo', text },
          background: colour,
        });
      }
    }
  }

  const nameColumn = column('Tên đơn vị');
  const totalColumn = column('Tổng điểm');
  const chartRows = Math.min(n, CHART_MAX_UNITS);
  const chart =
    chartRows > 0 && nameColumn > 0 && totalColumn > 0
      ? {
          // The header row is included so the series is named "Tổng điểm".
          labels: { row: R.header, column: nameColumn, numRows: chartRows + 1 },
          totals: { row: R.header, column: totalColumn, numRows: chartRows + 1 },
          anchorRow: R.header,
          anchorColumn: width + 2,
        }
      : undefined;

  return {
    values,
    numberFormats,
    width,
    boldRows: [R.title, R.header],
    frozenRows: R.header,
    frozenColumns: 3,
    statusCell: { row: R.status, column: RANKING_STATUS_VALUE_COLUMN },
    rules,
    ...(chart ? { chart } : {}),
    toast: rankingToast(result, problems),
  };
}

/** A1 of a rule's or chart's range, for messages and tests. */
export function specA1(spec: {
  row: number;
  column: number;
  numRows: number;
  numColumns?: number;
}): string {
  return rangeA1(spec.row, spec.column, spec.numRows, spec.numColumns ?? 1);
}

/**
 * Where a unit's entry for a criterion is in a score matrix, for 'score-missing' findings. The
 * columns and rows come from the grid as it is (a user may have moved them), with the set-up
 * layout as the fallback for anything the grid does not show.
 */
export function matrixLocator(
  grid: readonly unknown[] | undefined,
  sheet: string,
  units: readonly Unit[],
  tree: CriteriaTree,
): Locate {
  const layout = matrixLayout(units, tree);
  const rows = (grid ?? []).map((r) => (Array.isArray(r) ? (r as readonly unknown[]) : []));
  const codeKey = labelKey(MATRIX_UNIT_CODE_HEADER);
  let headerRow0 = layout.headerRow - 1;
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    if ((rows[r] ?? []).some((v) => labelKey(v) === codeKey)) {
      headerRow0 = r;
      break;
    }
  }
  const headerCells = rows[headerRow0] ?? [];
  const columnOfHeader = new Map<string, number>();
  headerCells.forEach((v, c) => {
    const key = labelKey(v);
    if (key !== '' && !columnOfHeader.has(key)) columnOfHeader.set(key, c + 1);
  });
  const codeColumn0 = (columnOfHeader.get(codeKey) ?? 1) - 1;
  const rowOfUnit = new Map<string, number>();
  for (let r = headerRow0 + 1; r < rows.length; r++) {
    const key = labelKey((rows[r] ?? [])[codeColumn0]);
    if (key !== '' && !rowOfUnit.has(key)) rowOfUnit.set(key, r + 1);
  }
  return (unit, criterion) => {
    const cols = layout.columnOfCriterion.get(criterion);
    const layoutColumn = cols?.score ?? cols?.actual;
    if (layoutColumn === undefined) return undefined;
    const header = layout.columns[layoutColumn - 1]?.header ?? '';
    const column = columnOfHeader.get(labelKey(header)) ?? layoutColumn;
    const row = rowOfUnit.get(labelKey(unit)) ?? layout.rowOfUnit.get(unit);
    if (row === undefined) return undefined;
    return { sheet, cell: cellA1(row, column) };
  };
}
