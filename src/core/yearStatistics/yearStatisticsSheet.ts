/**
 * The decision of «Thống kê qua các năm»: read Lịch sử and Khen thưởng, count every year
 * (countYears), and lay out the sheet: one block per year (the levels × collective / individual,
 * the year's total with where its figures come from, then titles and forms apart), then the years
 * side by side by level, which the chart draws. Or refuse, saying why, when there is nothing it
 * can count truthfully (no sheet to read, a column it needs missing, no year at all).
 */
import { formatNumberVi } from '../format/vietnamese';
import { NUMBER_FORMATS, headerValues } from '../layout/columns';
import { SHEET_NAMES } from '../layout/sheets';
import { YEAR_STATISTICS_LAYOUT } from '../layout/yearStatisticsTable';
import { readHistory } from '../history/readHistory';
import { readAwards } from '../awards/readAwards';
import { readSettings } from '../readers/settings';
import { a1 } from '../readers/cells';
import { quoteSheetName } from '../a1';
import type { AwardCount } from '../awards/statistics';
import type { Finding } from '../findings';
import { countYears, type YearCount, type YearStatistics } from './countYears';

export const YEAR_STATISTICS_CAPTION = 'Thống kê qua các năm';
export const YEAR_STATISTICS_CHART_TITLE = 'Khen thưởng qua các năm theo cấp khen';
export const YEAR_TOTAL_LABEL = 'Tổng cộng';
export const KIND_PREFIX = 'Trong đó: ';
export const SUMMARY_TITLE = 'TỔNG HỢP QUA CÁC NĂM THEO CẤP KHEN';

export interface YearStatisticsBlock {
  readonly values: readonly (readonly (string | number)[])[];
  readonly numberFormats: readonly (readonly string[])[];
  /** 1-based rows shown in bold. */
  readonly boldRows: readonly number[];
  readonly width: number;
  readonly frozenRows: number;
  /** The column chart of the summary: its header row and the year rows, Năm to Cơ sở. */
  readonly chart: {
    readonly row: number;
    readonly column: number;
    readonly numRows: number;
    readonly numColumns: number;
    readonly anchorRow: number;
    readonly anchorColumn: number;
  };
  readonly toast: string;
}

export type YearStatisticsPlan =
  | { readonly ok: true; readonly block: YearStatisticsBlock; readonly counted: YearStatistics }
  | { readonly ok: false; readonly message: string };

export interface YearStatisticsInput {
  /** The sheets' values by name; a sheet absent from the workbook is absent here. */
  readonly grids: Readonly<Partial<Record<string, readonly unknown[]>>>;
  /** When the statistics were made, as the sheet shows it ("15/01/2026 08:00"). */
  readonly time: string;
}

const HISTORY = SHEET_NAMES.history;
const AWARDS = SHEET_NAMES.awards;
const n = (x: number): string => formatNumberVi(x);
const MAX_CELLS = 5;

function refusal(body: string): YearStatisticsPlan {
  return {
    ok: false,
    message:
      `«${YEAR_STATISTICS_CAPTION}»: ${body} ` +
      `Chưa ghi gì; trang "${SHEET_NAMES.yearStatistics}" cũ (nếu có) được giữ nguyên.`,
  };
}

function isBlankGrid(grid: readonly unknown[]): boolean {
  return grid.every(
    (row) =>
      !Array.isArray(row) ||
      row.every((v) => v === '' || v === null || (typeof v === 'string' && v.trim() === '')),
  );
}

/** Header findings (a column the counting needs is missing): the statistics would be wrong. */
function headerProblems(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.severity === 'error' && f.code === 'header-missing')
    .map((f) => f.message);
}

function cellList(sheet: string, cells: readonly string[]): string {
  const shown = cells.slice(0, MAX_CELLS).map((c) => `${quoteSheetName(sheet)}!${c}`);
  return shown.join(', ') + (cells.length > MAX_CELLS ? ', …' : '');
}

export function planYearStatistics(input: YearStatisticsInput): YearStatisticsPlan {
  const historyGrid = input.grids[HISTORY];
  const awardsGrid = input.grids[AWARDS];
  if (historyGrid === undefined && awardsGrid === undefined)
    return refusal(
      `chưa có trang "${HISTORY}" và trang "${AWARDS}" để thống kê. ` +
        'Hãy chạy «Khởi tạo / cập nhật bảng tính» rồi nhập lịch sử hoặc sổ khen thưởng.',
    );
  const history =
    historyGrid === undefined || isBlankGrid(historyGrid) ? undefined : readHistory(historyGrid);
  const settingsGrid = input.grids[SHEET_NAMES.settings];
  const defaultYear =
    settingsGrid === undefined ? undefined : readSettings(settingsGrid).value?.year;
  const register =
    awardsGrid === undefined || isBlankGrid(awardsGrid)
      ? undefined
      : readAwards(awardsGrid, defaultYear === undefined ? {} : { defaultYear });
  const problems = [
    ...headerProblems(history?.findings ?? []),
    ...headerProblems(register?.findings ?? []),
  ];
  if (problems.length > 0)
    return refusal(
      `${problems.join(' ')} Hãy chạy «Khởi tạo / cập nhật bảng tính» để thêm cột còn thiếu.`,
    );

  const counted = countYears({ history: history?.value ?? [], register: register?.value ?? [] });
  if (counted.years.length === 0)
    return refusal(`trang "${HISTORY}" và trang "${AWARDS}" chưa có dòng hợp lệ nào để thống kê.`);

  // Rows of history with an error: each named by its first error cell.
  const errorCells = new Map<number, string>();
  for (const f of history?.findings ?? []) {
    if (f.severity !== 'error') continue;
    const row = Number(/\d+$/.exec(f.cell)?.[0] ?? 0);
    if (row > 0 && !errorCells.has(row)) errorCells.set(row, f.cell);
  }
  const levelColumn = (history?.positions.get('level') ?? 1) - 1;
  const notes: string[] = [];
  if (errorCells.size > 0)
    notes.push(
      `${n(errorCells.size)} dòng lịch sử có lỗi chưa được tính (${cellList(HISTORY, [...errorCells.values()])})`,
    );
  if (counted.withoutLevel.length > 0)
    notes.push(
      `${n(counted.withoutLevel.length)} danh hiệu, hình thức trong lịch sử chưa ghi cấp khen nên chưa được tính (${cellList(
        HISTORY,
        counted.withoutLevel.map((r) => a1(r - 1, levelColumn)),
      )})`,
    );
  if ((register?.invalid.length ?? 0) > 0)
    notes.push(
      `${n(register?.invalid.length ?? 0)} dòng sổ khen thưởng có lỗi chưa được tính (xem «Kiểm tra dữ liệu»)`,
    );
  if (historyGrid === undefined) notes.push(`chưa có trang "${HISTORY}": chỉ tính sổ khen thưởng`);
  return { ok: true, block: yearStatisticsBlock(counted, input.time, notes), counted };
}

function countCells(c: AwardCount): number[] {
  return [c.collective, c.individual, c.total];
}

function sourceText(y: YearCount): string {
  const parts: string[] = [];
  if (y.sources.history > 0) parts.push(`${n(y.sources.history)} dòng lịch sử`);
  if (y.sources.register > 0) parts.push(`${n(y.sources.register)} dòng sổ khen thưởng`);
  if (y.sources.registerInHistory > 0)
    parts.push(
      `${n(y.sources.registerInHistory)} dòng sổ khen thưởng đã ghi vào lịch sử (tính một lần, theo lịch sử)`,
    );
  return parts.length === 0 ? 'Chưa có khen thưởng nào được ghi' : parts.join('; ');
}

export function yearStatisticsBlock(
  counted: YearStatistics,
  time: string,
  notes: readonly string[] = [],
): YearStatisticsBlock {
  const layout = YEAR_STATISTICS_LAYOUT;
  const width = layout.columns.length;
  const blank = (): string[] => Array.from({ length: width - 2 }, () => '');
  const first = counted.years[0]?.year;
  const last = counted.years[counted.years.length - 1]?.year;
  const span =
    first === undefined || last === undefined
      ? ''
      : first === last
        ? ` (NĂM ${String(first)})`
        : ` ${String(first)}–${String(last)}`;
  const total = counted.years.reduce((s, y) => s + y.stats.total.total, 0);
  const left = [
    ...(counted.ratings + counted.initiatives > 0
      ? [
          `không tính ${n(counted.ratings)} dòng xếp loại và ${n(counted.initiatives)} sáng kiến (không phải khen thưởng)`,
        ]
      : []),
    ...notes,
  ];
  const summary =
    `${n(total)} khen thưởng của ${n(counted.years.length)} năm, từ lịch sử thi đua, khen thưởng ` +
    `và sổ khen thưởng (dòng đã ghi vào lịch sử chỉ tính một lần)` +
    (left.length > 0 ? `; ${left.join('; ')}` : '') +
    '.';
  const values: (string | number)[][] = [
    [`THỐNG KÊ KHEN THƯỞNG QUA CÁC NĂM${span}`, ...blank(), ''],
    [`Cập nhật lúc ${time}`, summary, ...blank()],
    headerValues(layout),
  ];
  const formats: string[][] = [];
  const textRow = (): string[] => Array.from({ length: width }, () => NUMBER_FORMATS.text);
  const dataRow = (): string[] => layout.columns.map((c) => c.numberFormat);
  formats.push(textRow(), textRow(), textRow());
  const boldRows: number[] = [1, layout.headerRow];

  for (const y of counted.years) {
    for (const l of y.stats.byLevel) {
      values.push([y.year, l.label, ...countCells(l.count), '']);
      formats.push(dataRow());
    }
    values.push([y.year, YEAR_TOTAL_LABEL, ...countCells(y.stats.total), sourceText(y)]);
    formats.push(dataRow());
    boldRows.push(values.length);
    for (const k of y.stats.byKind) {
      values.push([y.year, `${KIND_PREFIX}${k.label}`, ...countCells(k.count), '']);
      formats.push(dataRow());
    }
  }

  // The years side by side: Năm as text, so the chart takes it for the categories.
  values.push(Array.from({ length: width }, () => ''));
  formats.push(textRow());
  values.push([SUMMARY_TITLE, ...blank(), '']);
  formats.push(textRow());
  boldRows.push(values.length);
  const levels = counted.years[0]?.stats.byLevel.map((l) => l.label) ?? [];
  values.push(['Năm', ...levels, YEAR_TOTAL_LABEL, '']);
  formats.push(textRow());
  const summaryHeader = values.length;
  boldRows.push(summaryHeader);
  for (const y of counted.years) {
    values.push([
      String(y.year),
      ...y.stats.byLevel.map((l) => l.count.total),
      y.stats.total.total,
      '',
    ]);
    formats.push([
      NUMBER_FORMATS.text,
      ...levels.map(() => NUMBER_FORMATS.integer),
      NUMBER_FORMATS.integer,
      NUMBER_FORMATS.text,
    ]);
  }

  const perYear = counted.years
    .map((y) => `${String(y.year)}: ${n(y.stats.total.total)}`)
    .join('; ');
  return {
    values,
    numberFormats: formats,
    boldRows,
    width,
    frozenRows: layout.frozenRows,
    chart: {
      row: summaryHeader,
      column: 1,
      numRows: 1 + counted.years.length,
      numColumns: 1 + levels.length,
      anchorRow: layout.firstDataRow,
      anchorColumn: width + 2,
    },
    toast: `Đã thống kê khen thưởng qua ${n(counted.years.length)} năm (${perYear}).`,
  };
}
