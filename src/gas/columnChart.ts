/**
 * The product's column charts (Thống kê khen thưởng, Thống kê qua các năm): found by their title,
 * so a rerun modifies its own chart and never stacks a second one, and leaves users' charts alone.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ChartSpec {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  readonly anchorRow: number;
  readonly anchorColumn: number;
}

export function writeColumnChart(sheet: Sheet, title: string, spec: ChartSpec): void {
  const ours = sheet.getCharts().filter((chart) => chart.getOptions().get('title') === title);
  const [existing, ...duplicates] = ours;
  for (const chart of duplicates) sheet.removeChart(chart);
  const data = sheet.getRange(spec.row, spec.column, spec.numRows, spec.numColumns);
  const builder = existing
    ? existing.modify().clearRanges()
    : sheet.newChart().setPosition(spec.anchorRow, spec.anchorColumn, 0, 0);
  const chart = builder
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(data)
    .setOption('title', title)
    .build();
  if (existing) sheet.updateChart(chart);
  else sheet.insertChart(chart);
}
