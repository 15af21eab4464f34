/**
 * "Tính xếp hạng" end to end: the built bundle in the local host, on the sample cluster seeded
 * host-side. Expected figures are the hand-computed totals of sample/cluster1.ts.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../src/core/layout/tables';
import { headerValues } from '../../src/core/layout/columns';
import { locateScoreCell, matrixLayout } from '../../src/core/layout/matrix';
import { readCriteria } from '../../src/core/readers/criteria';
import { readUnits } from '../../src/core/readers/units';
import {
  RANKING_CURRENT_TEXT,
  RANKING_PROPERTY_KEYS,
  RANKING_STALE_PREFIX,
  RANKING_STATUS_RANGE_NAME,
} from '../../src/core/ranking/rankingSheet';
import { busyMessage } from '../../src/gas/lock';
import {
  SAMPLE_BAD_ENTRIES,
  SAMPLE_CRITERIA_ROWS,
  SAMPLE_SELF_SCORES,
  SAMPLE_UNIT_ROWS,
  type SampleScore,
} from '../../sample/cluster1';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';

const RANK = 'Tính xếp hạng';
const X = `'${SHEET_NAMES.ranking}'`;
/** Status block rows 1-4, the table header on row 5, units from row 6. */
const HEADER_ROW = 5;
const FIRST = 6;

function rankedHost(): LocalHost {
  const host = newHost();
  seedSampleWorkbook(host);
  host.open();
  return host;
}

function header(host: LocalHost): string[] {
  return host.spreadsheet.valuesAt(`${X}!A${HEADER_ROW}:N${HEADER_ROW}`)[0] as string[];
}

function column(host: LocalHost, title: string, rows = 6): unknown[] {
  const c = header(host).indexOf(title);
  if (c < 0) throw new Error(`no column ${title}`);
  const letter = String.fromCharCode(65 + c);
  return host.spreadsheet
    .valuesAt(`${X}!${letter}${FIRST}:${letter}${FIRST + rows - 1}`)
    .map((r) => r[0]);
}

function statusValue(host: LocalHost): unknown {
  const named = host.spreadsheet.namedRange(RANKING_STATUS_RANGE_NAME);
  if (!named) throw new Error('no status cell');
  const { sheet, row, col } = named.range;
  return sheet.cell(row, col)?.v;
}

/** n units named "Đơn vị i", each scored like Ba Đình. */
function bigCluster(n: number): {
  unitRows: string[][];
  selfScores: Record<string, Record<string, SampleScore>>;
} {
  const unitRows: string[][] = [];
  const selfScores: Record<string, Record<string, SampleScore>> = {};
  for (let i = 1; i <= n; i++) {
    const code = `U${String(i).padStart(3, '0')}`;
    unitRows.push([code, `Đơn vị ${String(i)}`, 'Xã', 'Thành viên', '', '', '', '']);
    selfScores[code] = { ...SAMPLE_SELF_SCORES.BD, '1': 10 + (i % 10) };
  }
  return { unitRows, selfScores };
}

describe('Tính xếp hạng (e2e)', () => {
  it('writes the sample ranking: totals, ranks with the HM/HBT tie, classes, proposals within quotas', () => {
    const host = rankedHost();
    const run = host.clickMenu(RANK);
    expect(run.status).toBe('ok');
    expect(host.ui.shown).toEqual([]);

    expect(header(host).slice(0, 3)).toEqual(['Hạng', 'Mã đơn vị', 'Tên đơn vị']);
    expect(column(host, 'Mã đơn vị')).toEqual(['BD', 'HK', 'HBT', 'HM', 'DD', 'LB']);
    expect(column(host, 'Hạng')).toEqual([1, 2, 3, 3, 5, 6]);
    expect(column(host, 'Tổng điểm')).toEqual([101.5, 97.5, 93, 93, 84.5, 65]);
    expect(column(host, 'Xếp loại')).toEqual([
      'Xuất sắc',
      'Xuất sắc',
      'Tốt',
      'Tốt',
      'Khá',
      'Trung bình',
    ]);
    // One flag, two Bằng khen places: HK takes one, HM and HBT tie for the last and go to a vote.
    expect(column(host, 'Đề nghị khen thưởng')).toEqual([
      'Cờ thi đua',
      'Bằng khen',
      '',
      '',
      '',
      '',
    ]);
    const reasons = column(host, 'Lý do') as string[];
    expect(reasons[0]).toContain('Cờ thi đua');
    expect(reasons[2]).toContain('cần bỏ phiếu bình xét');
    expect(reasons[3]).toContain('cần bỏ phiếu bình xét');
    expect(host.spreadsheet.valueAt(`${X}!A${FIRST + 6}`)).toBe('');

    // Numbers stay numbers, shown with decimal commas in the vi_VN sheet.
    const totalCol = String.fromCharCode(65 + header(host).indexOf('Tổng điểm'));
    expect(host.spreadsheet.displayAt(`${X}!${totalCol}${FIRST}`)).toBe('101,50');

    // Status block: time in the spreadsheet's zone, fingerprint stored with the ranking.
    expect(host.spreadsheet.valueAt(`${X}!C2`)).toBe('15/01/2026 08:00');
    const fingerprint = String(host.spreadsheet.valueAt(`${X}!D2`)).replace('Mã dữ liệu: ', '');
    expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);
    const props = host.properties.document;
    expect(props.get(RANKING_PROPERTY_KEYS.fingerprint)).toBe(fingerprint);
    expect(statusValue(host)).toBe(RANKING_CURRENT_TEXT);
    expect(host.spreadsheet.valueAt(`${X}!C4`)).toBe('Không có lỗi dữ liệu.');

    // Conditional formats by classification, one bar chart of totals, the toast summary.
    const sheet = host.spreadsheet.sheet(SHEET_NAMES.ranking);
    const classRules = sheet?.conditionalRules.filter((r) => r.args.includes('Xuất sắc')) ?? [];
    expect(classRules).toHaveLength(1);
    expect(classRules[0]?.background).toBe('#b7e1cd');
    expect(sheet?.charts).toHaveLength(1);
    expect(sheet?.charts[0]?.chartType).toBe('BAR');
    expect(sheet?.charts[0]?.ranges.map((r) => r.numRows)).toEqual([7, 7]);
    const toasts = host.spreadsheet.toasts.map((t) => t.msg);
    expect(toasts.at(-1)).toBe(
      'Đã xếp hạng 6 đơn vị: 2 Xuất sắc, 2 Tốt, 1 Khá, 1 Trung bình; đề nghị Cờ thi đua: Ba Đình; ' +
        'đề nghị Bằng khen: Hoàn Kiếm; cần bỏ phiếu bình xét: Hai Bà Trưng, Hoàng Mai.',
    );
  });

  it('makes the same service calls for 6 and for 200 units', () => {
    const small = rankedHost();
    const a = small.clickMenu(RANK);
    const { unitRows, selfScores } = bigCluster(200);
    const big = newHost();
    seedSampleWorkbook(big, { unitRows, selfScores });
    big.open();
    const b = big.clickMenu(RANK);
    expect(b.status).toBe('ok');
    expect(big.spreadsheet.valueAt(`${X}!B${FIRST + 199}`)).toMatch(/^U\d{3}$/);
    expect(b.calls).toBe(a.calls);
    expect(Object.fromEntries(b.execution.calls)).toEqual(Object.fromEntries(a.execution.calls));
    // Reading cells costs time on the virtual clock, but no extra round trips.
    expect(b.virtualMs).toBeLessThan(a.virtualMs + 5_000);
  });

  it('writes a unit name that starts with "=" as text, never as a formula', () => {
    const host = rankedHost();
    const edit = host.edit(host.owner, `'${SHEET_NAMES.units}'!B2`, [['\'=HYPERLINK("http://x")']]);
    expect(edit.accepted).toBe(true);
    expect(host.spreadsheet.valueAt(`'${SHEET_NAMES.units}'!B2`)).toBe('=HYPERLINK("http://x")');
    expect(host.clickMenu(RANK).status).toBe('ok');
    const cell = host.spreadsheet.cellAt(`${X}!C${FIRST}`);
    expect(cell?.v).toBe('=HYPERLINK("http://x")');
    expect(cell?.f).toBeUndefined();
  });

  it('re-ranking replaces the previous result: one chart, no leftover rows', () => {
    const host = rankedHost();
    host.clickMenu(RANK);
    // Long Biên leaves the cluster: its row in Đơn vị is emptied.
    paste(host, SHEET_NAMES.units, 7, 1, [['', '', '', '', '', '', '', '']]);
    expect(host.clickMenu(RANK).status).toBe('ok');
    expect(host.clickMenu(RANK).status).toBe('ok');
    const sheet = host.spreadsheet.sheet(SHEET_NAMES.ranking);
    expect(sheet?.charts).toHaveLength(1);
    expect(sheet?.charts[0]?.ranges.map((r) => r.numRows)).toEqual([6, 6]);
    expect(column(host, 'Mã đơn vị', 6)).toEqual(['BD', 'HK', 'HBT', 'HM', 'DD', '']);
    expect(host.spreadsheet.valueAt(`${X}!K${FIRST + 5}`)).toBe('');
    expect(host.spreadsheet.namedRange(RANKING_STATUS_RANGE_NAME)).toBeDefined();
    expect(
      host.spreadsheet.namedRanges.filter((n) => n.name === RANKING_STATUS_RANGE_NAME),
    ).toHaveLength(1);
    // Long Biên's scores in Tự chấm now name an unknown unit: ranked anyway, and said so.
    expect(String(host.spreadsheet.valueAt(`${X}!C4`))).toMatch(/^Có \d+ vấn đề/);
  });

  it('an edit after ranking flags it stale; ranking again clears the flag', () => {
    const host = rankedHost();
    host.clickMenu(RANK);
    expect(statusValue(host)).toBe(RANKING_CURRENT_TEXT);
    const units = readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value;
    const tree = readCriteria([headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS]).value;
    const cell = locateScoreCell(matrixLayout(units, tree), 'HM', '1') ?? '';
    const before = host.rt.totalCalls();
    const outcome = host.edit(host.owner, `'${SHEET_NAMES.selfScores}'!${cell}`, [[20]]);
    expect(outcome.accepted).toBe(true);
    expect(String(statusValue(host))).toMatch(new RegExp(`^${RANKING_STALE_PREFIX}`));
    // Flagging is two calls (find the named cell, write it) inside the edit check's few.
    expect(host.rt.calls.get('Spreadsheet.getRangeByName')).toBeGreaterThanOrEqual(2);
    expect(host.rt.totalCalls() - before).toBeLessThan(40);

    expect(host.clickMenu(RANK).status).toBe('ok');
    expect(statusValue(host)).toBe(RANKING_CURRENT_TEXT);
    // HM now has 94 points and is alone in third place: it takes the second Bằng khen.
    expect(column(host, 'Mã đơn vị')).toEqual(['BD', 'HK', 'HM', 'HBT', 'DD', 'LB']);
    expect(column(host, 'Đề nghị khen thưởng')).toEqual([
      'Cờ thi đua',
      'Bằng khen',
      'Bằng khen',
      '',
      '',
      '',
    ]);
  });

  it('an edit outside the ranking inputs (a ballot mark) leaves the ranking current', () => {
    const host = rankedHost();
    host.clickMenu(RANK);
    paste(host, SHEET_NAMES.votes, 1, 1, [['Đơn vị bỏ phiếu', 'Đề nghị', 'Ý kiến']]);
    const outcome = host.edit(host.owner, `'${SHEET_NAMES.votes}'!C2`, [['Đồng ý']]);
    expect(outcome.accepted).toBe(true);
    expect(statusValue(host)).toBe(RANKING_CURRENT_TEXT);
  });

  it('tells a second click that a ranking is already running', () => {
    const host = rankedHost();
    let inner: ReturnType<LocalHost['run']> | undefined;
    let started = false;
    // The second click lands once the first holds the document lock (its role check reads
    // Đơn vị before the lock, so the first read is too early).
    const stop = host.onCall('Range.getValues', () => {
      if (started || host.locks.ownerOf('document') === undefined) return;
      started = true;
      inner = host.run('menuRank', { kind: 'menu' });
    });
    const outer = host.clickMenu(RANK);
    stop();
    expect(outer.status).toBe('ok');
    expect(inner?.status).toBe('ok');
    expect(host.ui.shown.map((d) => d.prompt)).toEqual([busyMessage(RANK)]);
    expect(column(host, 'Hạng')).toEqual([1, 2, 3, 3, 5, 6]);

    // Another user's action holds the lock for a minute: told the same, nothing written.
    const other = rankedHost();
    other.locks.holdPhantom('document', other.rt.nowMs + 60_000);
    other.clickMenu(RANK);
    expect(other.ui.shown.map((d) => d.prompt)).toEqual([busyMessage(RANK)]);
    expect(other.spreadsheet.sheet(SHEET_NAMES.ranking)).toBeUndefined();
  });

  it('ranks what it can when cells are bad, and says how many problems there are', () => {
    const host = rankedHost();
    const units = readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value;
    const tree = readCriteria([headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS]).value;
    const matrix = matrixLayout(units, tree);
    for (const bad of SAMPLE_BAD_ENTRIES) {
      const cell = locateScoreCell(matrix, bad.unit, bad.criterion) ?? '';
      // Typed over the sheet's own validation, as a paste of values does.
      host.spreadsheet.userEdit(host.owner, `'${SHEET_NAMES.selfScores}'!${cell}`, [[bad.typed]]);
    }
    // HK forgot criterion 5: the missing score is reported at its cell.
    const missing = locateScoreCell(matrix, 'HK', '5') ?? '';
    host.spreadsheet.userEdit(host.owner, `'${SHEET_NAMES.selfScores}'!${missing}`, [['']]);

    expect(host.clickMenu(RANK).status).toBe('ok');
    const findings = String(host.spreadsheet.valueAt(`${X}!C4`));
    expect(findings).toMatch(/^Có \d+ vấn đề trong dữ liệu/);
    expect(findings).toContain('Kiểm tra dữ liệu');
    expect(column(host, 'Mã đơn vị')).toHaveLength(6);
    const classes = column(host, 'Xếp loại') as string[];
    expect(classes.filter((c) => c.endsWith('(tạm tính)')).length).toBeGreaterThanOrEqual(3);
    // Incomplete units are never proposed: BD keeps the flag, nobody else has a complete lead.
    expect(column(host, 'Đề nghị khen thưởng')[0]).toBe('Cờ thi đua');
    expect(host.spreadsheet.toasts.at(-1)?.msg).toMatch(
      /dữ liệu có \d+ lỗi, \d+ cảnh báo \(xem Kiểm tra dữ liệu\)/,
    );
  });

  it('keeps its table where set-up recognises the sheet: set-up after a ranking adopts it intact', () => {
    const host = rankedHost();
    host.clickMenu(RANK);
    const before = host.spreadsheet.valuesAt(`${X}!A1:N11`);
    expect(host.clickMenu('Khởi tạo / cập nhật bảng tính').status).toBe('ok');
    const prompts = host.ui.shown.map((d) => d.prompt).join('\n');
    expect(prompts).not.toContain(`Đã có trang "${SHEET_NAMES.ranking}" nhưng`);
    expect(host.spreadsheet.valuesAt(`${X}!A1:N11`)).toEqual(before);
  });
});
