/**
 * Conformance tests of conditional format rules and embedded charts, plus the performance bar
 * (5,000 × 60 ranges must be quick).
 */
import { HostRuntime } from '../../local/host/runtime';
import { createSpreadsheetHost } from '../../local/host/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup() {
  const rt = new HostRuntime();
  const host = createSpreadsheetHost(rt, {
    getUi: () => null,
    // A vi_VN creator's file (its locale and time zone are the creator's by default,
    // https://support.google.com/docs/answer/58515).
    locale: 'vi_VN',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  const app = host.SpreadsheetApp as unknown as App;
  const charts = host.Charts as unknown as GoogleAppsScript.Charts.Charts;
  const sheet = app.getActiveSheet();
  return { rt, host, app, charts, sheet, model: host.model };
}

describe('conditional format rules', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
  it('builds rules, sets them on the sheet and reads them back', () => {
    const { app, sheet, model } = setup();
    const range = sheet.getRange('L2:L7');
    const excellent = app
      .newConditionalFormatRule()
      .whenNumberGreaterThanOrEqualTo(95)
      .setBackground('#B7E1CD')
      .setFontColor('#000000')
      .setBold(true)
      .setRanges([range])
      .build();
    const good = excellent.copy().whenNumberBetween(85, 94.99).setBackground('#FCE8B2').build();
    const flag = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Cờ thi đua')
      .setBackground('#f4cccc')
      .setRanges([range])
      .build();
    const formula = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$M2=1')
      .setBackground('#ffff00')
      .setRanges([range])
      .build();
    const rules = sheet.getConditionalFormatRules();
    rules.push(excellent, good, flag, formula);
    sheet.setConditionalFormatRules(rules);

    const back = sheet.getConditionalFormatRules();
    expect(back).toHaveLength(4);
    const cond = back[0]?.getBooleanCondition();
    expect(String(cond?.getCriteriaType())).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(cond?.getCriteriaValues()).toEqual([95]);
    expect([cond?.getBackground(), cond?.getFontColor(), cond?.getBold()]).toEqual([
      '#b7e1cd',
      '#000000',
      true,
    ]);
    expect(back[1]?.getBooleanCondition()?.getCriteriaValues()).toEqual([85, 94.99]);
    expect(back[1]?.getRanges().map((r) => r.getA1Notation())).toEqual(['L2:L7']);
    expect(String(back[3]?.getBooleanCondition()?.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(model.sheets[0]?.conditionalRules.map((r) => r.criteria)).toEqual([
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_BETWEEN',
      'TEXT_EQUAL_TO',
      'CUSTOM_FORMULA',
    ]);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('refuses a rule without a condition or ranges (host assumption)', () => {
    const { app, sheet } = setup();
    expect(() =>
      app
        .newConditionalFormatRule()
        .setRanges([sheet.getRange('A1')])
        .build(),
    ).toThrow();
    expect(() => app.newConditionalFormatRule().whenCellEmpty().build()).toThrow();
  });
});

describe('embedded charts', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
  it('builds, inserts, updates and removes charts', () => {
    const { sheet, charts } = setup();
    const built = sheet
      .newChart()
      .setChartType(charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B7'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Tổng điểm')
      .build();
    expect(built.getChartId()).toBeNull();
    sheet.insertChart(built);
    const [chart] = sheet.getCharts();
    expect(chart?.getChartId()).toEqual(expect.any(Number));
    expect(chart?.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B7']);
    expect(chart?.getOptions().get('title')).toBe('Tổng điểm');
    expect(chart?.getContainerInfo().getAnchorColumn()).toBe(5);

    const updated = (chart as GoogleAppsScript.Spreadsheet.EmbeddedChart)
      .modify()
      .setOption('title', 'Xếp hạng')
      .setChartType(charts.ChartType.COLUMN)
      .build();
    sheet.updateChart(updated);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0]?.getOptions().get('title')).toBe('Xếp hạng');
    sheet.removeChart(sheet.getCharts()[0] as GoogleAppsScript.Spreadsheet.EmbeddedChart);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  it('rejects a chart type that is not a Charts.ChartType member', () => {
    const { sheet } = setup();
    const builder = sheet.newChart() as unknown as { setChartType(t: unknown): unknown };
    expect(() => builder.setChartType('BAR')).toThrow(/don't match the method signature/);
  });
});

describe('performance', () => {
  it('writes and reads 5,000 × 60 cells quickly with one call each', () => {
    const { sheet, rt } = setup();
    sheet.insertRowsAfter(1000, 4100);
    sheet.insertColumnsAfter(26, 40);
    const rows = 5000;
    const cols = 60;
    const data = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => (j === 0 ? `Đơn vị ${i}` : (i * j) % 11)),
    );
    const started = Date.now();
    const range = sheet.getRange(2, 1, rows, cols);
    range.setValues(data);
    range.setNumberFormat('0.0');
    const values = range.getValues();
    const shown = range.getDisplayValues();
    range.setBackgrounds(
      data.map((r) => r.map((v) => (typeof v === 'number' && v > 9 ? '#b7e1cd' : null))),
    );
    for (let i = 0; i < 2000; i++) sheet.getLastRow();
    const elapsed = Date.now() - started;
    expect(values[4999]?.[59]).toBe((4999 * 59) % 11);
    expect(shown[1]?.[2]).toBe('2,0');
    expect(rt.calls.get('Range.setValues')).toBe(1);
    expect(rt.calls.get('Sheet.getLastRow')).toBe(2000);
    expect(elapsed).toBeLessThan(5000);
  });
});
