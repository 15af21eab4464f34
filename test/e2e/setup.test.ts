/**
 * "Khởi tạo / cập nhật bảng tính" end to end: the built bundle in the local host, from the menu.
 */
import type { LocalHost } from '../../local/host';
import type { SheetModel, SpreadsheetModel } from '../../local/host/spreadsheet/model';
import { SHEET_NAMES, SHEET_ORDER } from '../../src/core/layout/sheets';
import { headerValues } from '../../src/core/layout/columns';
import {
  AUDIT_LAYOUT,
  CRITERIA_LAYOUT,
  CROSS_SCORES_LAYOUT,
  UNITS_LAYOUT,
  VOTES_LAYOUT,
} from '../../src/core/layout/tables';
import { GUIDE_LINES } from '../../src/core/layout/guide';
import { locateScoreCell, matrixLayout } from '../../src/core/layout/matrix';
import { readUnits } from '../../src/core/readers/units';
import { readCriteria } from '../../src/core/readers/criteria';
import { cellA1, parseA1, quoteSheetName } from '../../src/core/a1';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import {
  NAMED_RANGES,
  ORPHAN_SHEET_NAME,
  PROTECTION_PREFIX,
  SHEET_IDS_PROPERTY,
} from '../../src/core/setup';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_SELF_SCORES, SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';

const SETUP = 'Khởi tạo / cập nhật bảng tính';
const EMAILS = SAMPLE_UNIT_ROWS.map((r) => r[6] as string);
const HEAD = EMAILS[0] as string; // BD is Cụm trưởng
const at = (sheet: string, a1: string): string => `${quoteSheetName(sheet)}!${a1}`;

function host(): LocalHost {
  return newHost({ spreadsheet: { editors: EMAILS } });
}

function setUp(h: LocalHost): { calls: number; alert: string } {
  h.open();
  const run = h.clickMenu(SETUP);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
  const alerts = h.report().alerts;
  return { calls: run.calls, alert: alerts[alerts.length - 1]?.prompt ?? '' };
}

/** Every non-blank cell of a sheet, by A1. */
function cells(sheet: SheetModel): Map<string, unknown> {
  const out = new Map<string, unknown>();
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell !== undefined && (cell.v !== '' || cell.f !== undefined))
        out.set(cellA1(r + 1, c + 1), cell.f ?? cell.v);
    }),
  );
  return out;
}

/** Everything set-up can change, as JSON (ids included). */
function snapshot(model: SpreadsheetModel): string {
  return JSON.stringify({
    sheets: model.sheets.map((s) => ({
      name: s.name,
      id: s.sheetId,
      frozen: [s.frozenRows, s.frozenCols],
      size: [s.maxRows, s.maxCols],
      widths: [...s.columnWidths.entries()],
      rows: s.rows.map((r) =>
        r?.map((c) =>
          c === undefined ? null : { ...c, dv: c.dv && { ...c.dv, args: c.dv.args.map(String) } },
        ),
      ),
    })),
    protections: model.protections.map((p) => ({
      type: p.type,
      sheet: p.range.sheet.name,
      range: [p.range.row, p.range.col, p.range.numRows, p.range.numCols],
      description: p.description,
      editors: p.editors === null ? null : [...p.editors].sort(),
      unprotected: p.unprotected.map((u) => [u.row, u.col, u.numRows, u.numCols]),
    })),
    named: model.namedRanges.map((n) => [
      n.name,
      n.range.sheet.name,
      n.range.row,
      n.range.col,
      n.range.numRows,
      n.range.numCols,
    ]),
  });
}

/** The user deletes a tab from Sheets' tab menu. */
function deleteSheetHostSide(model: SpreadsheetModel, name: string): void {
  model.removeSheet(model.sheet(name) as SheetModel);
}

const sampleUnits = readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value;
const sampleTree = readCriteria([headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS]).value;

describe('set-up on a fresh workbook', () => {
  const h = host();
  const { alert } = setUp(h);
  const model = h.spreadsheet;

  it('creates every sheet, in order, before the user’s own sheet, and says so', () => {
    const names = model.sheets.map((s) => s.name);
    expect(names.slice(0, SHEET_ORDER.length)).toEqual([...SHEET_ORDER]);
    for (const name of SHEET_ORDER) expect(alert).toContain(`Tạo trang "${name}"`);
  });

  it('writes headers, frozen rows, notes and number formats from the layout', () => {
    for (const layout of [
      UNITS_LAYOUT,
      CRITERIA_LAYOUT,
      CROSS_SCORES_LAYOUT,
      VOTES_LAYOUT,
      AUDIT_LAYOUT,
    ]) {
      const n = layout.columns.length;
      expect(model.valuesAt(at(layout.sheet, `A1:${cellA1(1, n)}`))[0]).toEqual(
        headerValues(layout),
      );
      expect(model.sheet(layout.sheet)?.frozenRows).toBe(1);
      expect(model.sheet(layout.sheet)?.frozenCols).toBe(layout.frozenColumns);
    }
    expect(model.cellAt(at(SHEET_NAMES.units, 'A1'))?.note).toBe(UNITS_LAYOUT.columns[0].note);
    expect(model.cellAt(at(SHEET_NAMES.units, 'A500'))?.fmt).toBe('@');
    expect(model.cellAt(at(SHEET_NAMES.audit, 'A2'))?.fmt).toBe('dd/mm/yyyy hh:mm:ss');
    expect(model.valueAt(at(SHEET_NAMES.guide, 'A1'))).toBe(GUIDE_LINES[0]);
    expect(model.valueAt(at(SHEET_NAMES.ranking, 'A1'))).toBe('Hạng');
    expect(model.valuesAt(at(SHEET_NAMES.selfScores, 'A1:B2'))).toEqual([
      ['Mã đơn vị', 'Đơn vị'],
      ['Điểm tối đa', ''],
    ]);
  });

  it('fills Cấu hình with defaults: cluster name and the current year', () => {
    expect(model.valueAt(at(SHEET_NAMES.settings, 'B2'))).toBe('Cụm thi đua');
    expect(model.valueAt(at(SHEET_NAMES.settings, 'B3'))).toBe(
      new Date(h.rt.nowMs).getUTCFullYear(),
    );
    expect(model.valueAt(at(SHEET_NAMES.settings, 'A1'))).toBe('Nội dung');
  });

  it('sets dropdown, e-mail, number and other-sheet validations that warn rather than refuse', () => {
    const role = model.cellAt(at(SHEET_NAMES.units, 'D2'))?.dv;
    expect(role?.criteria).toBe('VALUE_IN_LIST');
    expect(role?.args[0]).toEqual(['Cụm trưởng', 'Cụm phó', 'Thành viên']);
    expect(role?.allowInvalid).toBe(true);
    expect(model.cellAt(at(SHEET_NAMES.units, 'G9'))?.dv?.criteria).toBe('TEXT_IS_VALID_EMAIL');
    const scorer = model.cellAt(at(SHEET_NAMES.crossScores, 'A2'))?.dv;
    expect(scorer?.criteria).toBe('VALUE_IN_RANGE');
    const source = scorer?.args[0] as { sheet: SheetModel; col: number; row: number };
    expect([source.sheet.name, source.col, source.row]).toEqual([SHEET_NAMES.units, 1, 2]);
    expect(model.cellAt(at(SHEET_NAMES.criteria, 'G2'))?.dv?.criteria).toBe(
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    );
    expect(model.cellAt(at(SHEET_NAMES.settings, 'B3'))?.dv?.criteria).toBe('NUMBER_BETWEEN');
  });

  it('protects with the product prefix: audit owner-only, header rows, whole registry sheets', () => {
    const audit = model.protections.find((p) => p.range.sheet.name === SHEET_NAMES.audit);
    expect(audit?.type).toBe('SHEET');
    expect(audit?.description.startsWith(PROTECTION_PREFIX)).toBe(true);
    expect([...(audit?.editors ?? new Set(['mirror']))]).toEqual([h.owner]);
    const r = h.edit(EMAILS[2] as string, at(SHEET_NAMES.audit, 'A5'), [['xoá dấu vết']]);
    expect(r.accepted).toBe(false);
    expect(h.edit(EMAILS[2] as string, at(SHEET_NAMES.crossScores, 'A1'), [['x']]).accepted).toBe(
      false,
    );
    // Cross scores are off by default (Cấu hình): nobody but owner and head types into Chấm chéo.
    expect(h.edit(EMAILS[2] as string, at(SHEET_NAMES.crossScores, 'A2'), [['BD']]).accepted).toBe(
      false,
    );
    expect(h.edit(EMAILS[2] as string, at(SHEET_NAMES.units, 'A2'), [['X']]).accepted).toBe(false);
  });

  it('names the main data areas and stores the sheet ids', () => {
    expect(model.namedRange(NAMED_RANGES.unitCodes)?.range.sheet.name).toBe(SHEET_NAMES.units);
    expect(model.namedRange(NAMED_RANGES.audit)?.range.row).toBe(2);
    const ids = JSON.parse(h.properties.document.get(SHEET_IDS_PROPERTY) ?? '{}') as Record<
      string,
      number
    >;
    expect(ids.units).toBe(model.sheet(SHEET_NAMES.units)?.sheetId);
  });
});

describe('set-up over the seeded sample workbook', () => {
  it('keeps every typed value, cell by cell, and builds one protection per unit row', () => {
    const h = host();
    seedSampleWorkbook(h);
    const before = new Map(h.spreadsheet.sheets.map((s) => [s.name, cells(s)] as const));
    const { alert } = setUp(h);
    for (const [name, values] of before) {
      const sheet = h.spreadsheet.sheet(name) as SheetModel;
      const after = cells(sheet);
      for (const [a1, v] of values) {
        // Matrix headers are the program's: criterion codes typed as numbers become text codes.
        if (
          (name === SHEET_NAMES.selfScores || name === SHEET_NAMES.verifiedScores) &&
          /^[A-Z]+1$/.test(a1)
        ) {
          expect(String(after.get(a1))).toBe(String(v));
          continue;
        }
        expect([name, a1, after.get(a1)]).toEqual([name, a1, v]);
      }
    }
    expect(alert).toContain('Dùng trang "Tự chấm" có sẵn');
    const rows = h.spreadsheet.protections.filter(
      (p) => p.type === 'RANGE' && p.range.sheet.name === SHEET_NAMES.selfScores,
    );
    expect(rows).toHaveLength(SAMPLE_UNIT_ROWS.length);
    expect(h.spreadsheet.sheet(ORPHAN_SHEET_NAME)).toBeUndefined();
  });

  it('running twice changes nothing the second time', () => {
    const h = host();
    seedSampleWorkbook(h);
    setUp(h);
    const first = snapshot(h.spreadsheet);
    const { alert } = setUp(h);
    expect(snapshot(h.spreadsheet)).toBe(first);
    expect(alert).toContain('không có gì phải thay đổi');
    expect(alert).toContain('thêm 0, thay 0');
  });

  it('a member edits its own row, not another unit’s row nor the headers; the head edits any', () => {
    const h = host();
    seedSampleWorkbook(h);
    setUp(h);
    const layout = matrixLayout(sampleUnits, sampleTree);
    const own = locateScoreCell(layout, 'HK', '1') as string;
    const other = locateScoreCell(layout, 'DD', '1') as string;
    const hk = EMAILS[2] as string;
    expect(h.edit(hk, at(SHEET_NAMES.selfScores, own), [['18,5']]).accepted).toBe(true);
    expect(h.spreadsheet.valueAt(at(SHEET_NAMES.selfScores, own))).toBe(18.5);
    const refused = h.edit(hk, at(SHEET_NAMES.selfScores, other), [['20']]);
    expect(refused.accepted).toBe(false);
    expect(h.edit(hk, at(SHEET_NAMES.selfScores, 'C2'), [['5']]).accepted).toBe(false);
    expect(h.edit(hk, at(SHEET_NAMES.selfScores, 'A5'), [['BD']]).accepted).toBe(false);
    expect(h.edit(hk, at(SHEET_NAMES.selfScores, 'C20'), [['1']]).accepted).toBe(false);
    expect(h.edit(HEAD, at(SHEET_NAMES.selfScores, other), [['19']]).accepted).toBe(true);
    expect(h.edit(HEAD, at(SHEET_NAMES.verifiedScores, own), [['17']]).accepted).toBe(true);
  });
});

describe('set-up follows registry changes without losing a score', () => {
  it('adds a unit and a criterion: rows and columns follow, every score moves with them', () => {
    const h = host();
    seedSampleWorkbook(h);
    setUp(h);
    // A new criterion "2b" in group I (columns after it shift right), a new unit "TX" second.
    const criteria = [...SAMPLE_CRITERIA_ROWS];
    criteria.splice(3, 0, ['I', '', '2b', '', 'Tiêu chí mới', 'Chấm điểm', 5, '', '', '', '', '']);
    paste(h, SHEET_NAMES.criteria, 2, 1, criteria);
    const units = [...SAMPLE_UNIT_ROWS];
    units.splice(1, 0, ['TX', 'Thị xã Sơn Tây', 'Thị xã', 'Thành viên', '', '', '', '']);
    paste(h, SHEET_NAMES.units, 2, 1, units);
    const { alert } = setUp(h);
    const newLayout = matrixLayout(
      readUnits([headerValues(UNITS_LAYOUT), ...units]).value,
      readCriteria([headerValues(CRITERIA_LAYOUT), ...criteria]).value,
    );
    expect(h.spreadsheet.valueAt(at(SHEET_NAMES.selfScores, 'A4'))).toBe('TX');
    expect(h.spreadsheet.valueAt(at(SHEET_NAMES.selfScores, cellA1(1, 5)))).toBe('2b');
    let checked = 0;
    for (const [unit, byCriterion] of Object.entries(SAMPLE_SELF_SCORES)) {
      for (const [criterion, score] of Object.entries(byCriterion)) {
        if (typeof score === 'object') {
          const t = locateScoreCell(newLayout, unit, criterion, 'target') as string;
          expect(h.spreadsheet.valueAt(at(SHEET_NAMES.selfScores, t))).toBe(score.target);
        } else {
          const cell = locateScoreCell(newLayout, unit, criterion) as string;
          const typed =
            typeof score === 'string' && /^[\d,]+$/.test(score)
              ? Number(score.replace(',', '.'))
              : score;
          expect([
            unit,
            criterion,
            h.spreadsheet.valueAt(at(SHEET_NAMES.selfScores, cell)),
          ]).toEqual([unit, criterion, typed]);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(alert).toContain('thêm đơn vị TX');
    expect(alert).toContain('thêm cột 2b');
    // TX has no e-mail: only owner and head may edit its row, and the summary says so.
    expect(alert).toContain('chưa có thư điện tử');
    expect(h.edit(EMAILS[2] as string, at(SHEET_NAMES.selfScores, 'C4'), [['1']]).accepted).toBe(
      false,
    );
    expect(h.edit(HEAD, at(SHEET_NAMES.selfScores, 'C4'), [['1']]).accepted).toBe(true);
    expect(
      h.spreadsheet.protections.filter(
        (p) =>
          p.description.startsWith(PROTECTION_PREFIX) &&
          p.range.sheet.name === SHEET_NAMES.selfScores &&
          p.type === 'RANGE',
      ),
    ).toHaveLength(7);
  });

  it('removes a criterion with scores: the scores are kept in a separate sheet and reported', () => {
    const h = host();
    seedSampleWorkbook(h);
    setUp(h);
    const layout = matrixLayout(sampleUnits, sampleTree);
    const oldCell = locateScoreCell(layout, 'HM', '7') as string;
    const oldValue = h.spreadsheet.valueAt(at(SHEET_NAMES.selfScores, oldCell));
    const criteria = SAMPLE_CRITERIA_ROWS.filter((r) => r[2] !== '7');
    paste(h, SHEET_NAMES.criteria, 2, 1, [...criteria, new Array(12).fill('')]);
    const { alert } = setUp(h);
    expect(alert).toContain(`đã chuyển sang trang "${ORPHAN_SHEET_NAME}"`);
    const kept = h.spreadsheet.valuesAt(at(ORPHAN_SHEET_NAME, 'A1:H7'));
    expect(kept[0]?.[1]).toBe('Trang tính');
    const hm = kept.find((r) => r[2] === 'HM');
    expect(hm?.slice(1, 7)).toEqual([
      SHEET_NAMES.selfScores,
      'HM',
      'Hoàng Mai',
      '7',
      oldCell,
      oldValue,
    ]);
    expect(kept.filter((r) => r[4] === '7')).toHaveLength(6);
    // The column is gone from the matrix, and a second run moves nothing again.
    const header = h.spreadsheet.valuesAt(at(SHEET_NAMES.selfScores, 'A1:P1'))[0] ?? [];
    expect(header).not.toContain('7');
    const rowsBefore = cells(h.spreadsheet.sheet(ORPHAN_SHEET_NAME) as SheetModel).size;
    setUp(h);
    expect(cells(h.spreadsheet.sheet(ORPHAN_SHEET_NAME) as SheetModel).size).toBe(rowsBefore);
  });
});

describe('set-up formats empty cells only: a filled cell keeps its value, format and display', () => {
  const settingsCell = (key: string): string =>
    cellA1(SETTING_ROWS.findIndex((r) => r.key === key) + 2, 2);

  /** Every filled cell as getValues types it, with its number format and what it shows. */
  function typed(h: LocalHost): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const sheet of h.spreadsheet.sheets) {
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell === undefined || cell.v === '') return;
          const a1 = at(sheet.name, cellA1(r + 1, c + 1));
          out.set(a1, {
            value: h.spreadsheet.valueAt(a1),
            format: cell.fmt ?? 'General',
            shown: h.spreadsheet.displayAt(a1),
          });
        }),
      );
    }
    return out;
  }

  it('keeps the plan date typed as a date, and Kiểm tra dữ liệu finds nothing in Cấu hình', () => {
    const h = host();
    seedSampleWorkbook(h);
    const b7 = at(SHEET_NAMES.settings, settingsCell('planDate'));
    expect(b7).toBe(at(SHEET_NAMES.settings, 'B7'));
    const date = h.spreadsheet.valueAt(b7);
    expect(date).toBeInstanceOf(Date);
    const before = typed(h);
    setUp(h);
    expect(h.spreadsheet.valueAt(b7)).toEqual(date);
    expect(h.spreadsheet.cellAt(b7)?.fmt).toBe('dd/MM/yyyy');
    expect(h.spreadsheet.displayAt(b7)).toBe('18/01/2022');
    // Every filled cell of the seeded workbook, but the matrices' own cells (headers, maxima, unit
    // code and name), which the program rewrites from Tiêu chí and Đơn vị in the layout's formats.
    const after = typed(h);
    for (const [a1, was] of before) {
      if (/^'(Tự chấm|Thẩm định)'!([A-Z]+[12]|[AB]\d+)$/.test(a1)) continue;
      expect([a1, after.get(a1)]).toEqual([a1, was]);
    }
    // Empty cells of the same columns do get the layout's formats.
    expect(h.spreadsheet.cellAt(at(SHEET_NAMES.units, 'A8'))?.fmt).toBe('@');
    const check = h.clickMenu('Kiểm tra dữ liệu');
    expect(check.error).toBeUndefined();
    const report = h.spreadsheet.valuesAt(`'Kiểm tra dữ liệu'!A1:E40`);
    expect(report.filter((r) => r[0] === SHEET_NAMES.settings)).toEqual([]);
    expect(report[1]?.[3]).toBe('Không phát hiện lỗi.');
  });

  it('keeps a unit code typed as the number 1, and a date typed in a text column', () => {
    const h = host();
    const extra = ['1', 'Phường Một', 'Phường', 'Thành viên', '', '', '', '', '18/01/2022'];
    seedSampleWorkbook(h, { unitRows: [...SAMPLE_UNIT_ROWS, extra] });
    const code = at(SHEET_NAMES.units, 'A8');
    const last = at(SHEET_NAMES.units, cellA1(8, UNITS_LAYOUT.columns.length));
    expect(h.spreadsheet.valueAt(code)).toBe(1);
    const date = h.spreadsheet.valueAt(last);
    expect(date).toBeInstanceOf(Date);
    setUp(h);
    expect(h.spreadsheet.valueAt(code)).toBe(1);
    expect(h.spreadsheet.cellAt(code)?.fmt ?? 'General').toBe('General');
    expect(h.spreadsheet.displayAt(code)).toBe('1');
    expect(h.spreadsheet.valueAt(last)).toEqual(date);
    expect(h.spreadsheet.displayAt(last)).toBe('18/01/2022');
    // The row below, empty, is formatted as the layout says.
    expect(h.spreadsheet.cellAt(at(SHEET_NAMES.units, 'A9'))?.fmt).toBe('@');
    // The unit still gets its matrix row, under its code as text.
    expect(h.spreadsheet.valueAt(at(SHEET_NAMES.selfScores, 'A9'))).toBe('1');
  });

  it('a rebuilt matrix moves each score with its value and its format; a re-run changes nothing', () => {
    const h = host();
    seedSampleWorkbook(h);
    setUp(h);
    const old = matrixLayout(sampleUnits, sampleTree);
    const sheet = h.spreadsheet.sheet(SHEET_NAMES.selfScores) as SheetModel;
    const formatCell = (a1: string, fmt: string): void => {
      const { row, column } = parseA1(a1);
      sheet.ensure(row, column).fmt = fmt;
    };
    // "9,5" typed into a cell someone formatted as plain text stays text; 18 under "0.0" a number.
    const hk = locateScoreCell(old, 'HK', '1') as string;
    const dd = locateScoreCell(old, 'DD', '3', 'target') as string;
    formatCell(hk, '@');
    formatCell(dd, '0.0');
    paste(h, SHEET_NAMES.selfScores, parseA1(hk).row, parseA1(hk).column, [['9,5']]);
    paste(h, SHEET_NAMES.selfScores, parseA1(dd).row, parseA1(dd).column, [['18']]);
    expect(h.spreadsheet.valueAt(at(SHEET_NAMES.selfScores, hk))).toBe('9,5');
    // A new unit second and a new criterion before 3: both scores move down and right.
    const criteria = [...SAMPLE_CRITERIA_ROWS];
    criteria.splice(3, 0, ['I', '', '2b', '', 'Tiêu chí mới', 'Chấm điểm', 5, '', '', '', '', '']);
    paste(h, SHEET_NAMES.criteria, 2, 1, criteria);
    const units = [...SAMPLE_UNIT_ROWS];
    units.splice(1, 0, ['TX', 'Thị xã Sơn Tây', 'Thị xã', 'Thành viên', '', '', '', '']);
    paste(h, SHEET_NAMES.units, 2, 1, units);
    setUp(h);
    const moved = matrixLayout(
      readUnits([headerValues(UNITS_LAYOUT), ...units]).value,
      readCriteria([headerValues(CRITERIA_LAYOUT), ...criteria]).value,
    );
    const hk2 = at(SHEET_NAMES.selfScores, locateScoreCell(moved, 'HK', '1') as string);
    const dd2 = at(SHEET_NAMES.selfScores, locateScoreCell(moved, 'DD', '3', 'target') as string);
    expect(hk2).not.toBe(at(SHEET_NAMES.selfScores, hk));
    expect(dd2).not.toBe(at(SHEET_NAMES.selfScores, dd));
    expect([h.spreadsheet.valueAt(hk2), h.spreadsheet.cellAt(hk2)?.fmt]).toEqual(['9,5', '@']);
    expect(h.spreadsheet.displayAt(hk2)).toBe('9,5');
    expect([h.spreadsheet.valueAt(dd2), h.spreadsheet.cellAt(dd2)?.fmt]).toEqual([18, '0.0']);
    expect(h.spreadsheet.displayAt(dd2)).toBe('18,0');
    // The cells they left, now empty or another unit's, carry the layout's score format.
    const emptyNow = at(SHEET_NAMES.selfScores, locateScoreCell(moved, 'TX', '1') as string);
    expect(h.spreadsheet.valueAt(emptyNow)).toBe('');
    expect(h.spreadsheet.cellAt(emptyNow)?.fmt).toBe(moved.columns[2]?.numberFormat);
    const first = snapshot(h.spreadsheet);
    setUp(h);
    expect(snapshot(h.spreadsheet)).toBe(first);
  });
});

describe('renamed and deleted sheets', () => {
  it('a renamed sheet gets its name back with its data, and the user is told', () => {
    const h = host();
    seedSampleWorkbook(h);
    setUp(h);
    const sheet = h.spreadsheet.sheet(SHEET_NAMES.units) as SheetModel;
    const id = sheet.sheetId;
    sheet.name = 'Đơn vị cũ';
    const count = h.spreadsheet.sheets.length;
    const { alert } = setUp(h);
    expect(h.spreadsheet.sheets).toHaveLength(count);
    expect(h.spreadsheet.sheet(SHEET_NAMES.units)?.sheetId).toBe(id);
    expect(h.spreadsheet.valueAt(at(SHEET_NAMES.units, 'B7'))).toBe('Long Biên');
    expect(alert).toContain('Trang "Đơn vị cũ" là trang "Đơn vị" đã bị đổi tên');
  });

  it('a deleted sheet is recreated and reported; a stranger with the name is left alone', () => {
    const h = host();
    seedSampleWorkbook(h);
    setUp(h);
    deleteSheetHostSide(h.spreadsheet, SHEET_NAMES.votes);
    deleteSheetHostSide(h.spreadsheet, SHEET_NAMES.crossScores);
    paste(h, SHEET_NAMES.crossScores, 1, 1, [['Ghi chép riêng', 'của tôi']]);
    const { alert } = setUp(h);
    expect(alert).toContain(`Trang "${SHEET_NAMES.votes}" đã bị xoá: đã tạo lại.`);
    expect(h.spreadsheet.valuesAt(at(SHEET_NAMES.votes, 'A1:B1'))[0]).toEqual(
      headerValues(VOTES_LAYOUT).slice(0, 2),
    );
    expect(alert).toContain(
      `Đã có trang "${SHEET_NAMES.crossScores}" nhưng tiêu đề các cột không giống`,
    );
    expect(h.spreadsheet.valuesAt(at(SHEET_NAMES.crossScores, 'A1:B1'))[0]).toEqual([
      'Ghi chép riêng',
      'của tôi',
    ]);
    expect(
      h.spreadsheet.sheets.filter((s) => s.name.startsWith(SHEET_NAMES.crossScores)),
    ).toHaveLength(1);
  });
});

describe('service calls grow with units (one protection per unit row), never with cells', () => {
  function unitRows(n: number): string[][] {
    return Array.from({ length: n }, (_, i) => [
      `U${String(i + 1).padStart(3, '0')}`,
      `Đơn vị ${i + 1}`,
      'Xã',
      i === 0 ? 'Cụm trưởng' : 'Thành viên',
      '',
      '',
      `u${i + 1}@example.vn`,
      '',
    ]);
  }
  function measure(n: number): { first: number; second: number } {
    const h = newHost();
    seedSampleWorkbook(h, { unitRows: unitRows(n), selfScores: {} });
    const first = setUp(h).calls;
    const second = setUp(h).calls;
    return { first, second };
  }

  it('measures 6 and 500 units', () => {
    const small = measure(6);
    const large = measure(500);
    console.log(
      `set-up calls: 6 units ${small.first} (re-run ${small.second}); 500 units ${large.first} (re-run ${large.second})`,
    );
    // Per extra unit: two matrices and its Đăng ký thi đua block × (getRange, protect,
    // setDescription, removeEditors, addEditors).
    expect((large.first - small.first) / 494).toBeLessThanOrEqual(3 * 6);
    // A re-run reads one description per existing protection and changes nothing.
    expect((large.second - small.second) / 494).toBeLessThanOrEqual(3 * 1 + 1);
  });
});
