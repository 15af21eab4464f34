/**
 * Defects the fuzz campaign (test/fuzz, issue 10 Build 8) found, one test per defect class, named
 * after the behaviour the product must have. Each runs build/Code.js in the local host with the
 * shortest sequence of user actions that showed the defect.
 */
import type { LocalHost, RunResult } from '../../local/host';
import { CELL_CHARACTER_LIMIT } from '../../local/host/spreadsheet/limits';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SAMPLE_SETTINGS, SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { englishIn } from '../fuzz/invariants';
import { newHost, seedSampleWorkbook } from './workbookFixture';

/** Every cell over Sheets' limit (values, formulas and notes), as "sheet!RrCc". */
function oversized(host: LocalHost): string[] {
  const out: string[] = [];
  for (const sheet of host.spreadsheet.sheets)
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell === undefined) return;
        const long = [String(cell.v), cell.f ?? '', cell.note ?? ''].some(
          (s) => s.length > CELL_CHARACTER_LIMIT,
        );
        if (long) out.push(`${sheet.name}!R${String(r + 1)}C${String(c + 1)}`);
      }),
    );
  return out;
}

/** What each click showed the user that is not Vietnamese, and any execution that failed. */
function problems(host: LocalHost, run: RunResult, shownBefore: number): string[] {
  const shown = host.ui.shown.slice(shownBefore).map((d) => d.prompt);
  const toasts = host.spreadsheet.toasts
    .filter((t) => t.atMs >= run.execution.startMs)
    .map((t) => t.msg);
  return [
    ...(run.status === 'ok' ? [] : [`${run.execution.functionName}: ${run.error ?? ''}`]),
    ...[...shown, ...toasts].flatMap((m) => englishIn(m) ?? []),
  ];
}

function click(host: LocalHost, caption: string): string[] {
  const before = host.ui.shown.length;
  return problems(host, host.clickMenu(caption), before);
}

describe('defects found by the fuzz campaign', () => {
  it('a name of 50,000 characters (the most a cell holds): every action still writes cells within the limit and answers in Vietnamese', () => {
    const long = 'Ủy ban MTTQ '.padEnd(CELL_CHARACTER_LIMIT, 'á');
    const units = SAMPLE_UNIT_ROWS.map((row, i) =>
      // Two tied units (Hoàng Mai, Hai Bà Trưng) and the flag's unit carry the longest names.
      i === 0 || i === 1 || i === 4
        ? [row[0] ?? '', `${long.slice(0, -1)}${String(i)}`, ...row.slice(2)]
        : [...row],
    );
    const host = newHost();
    seedSampleWorkbook(host, {
      unitRows: units,
      settings: { ...SAMPLE_SETTINGS, clusterName: long },
    });
    host.open();
    const seen: string[] = [];
    for (const caption of [
      'Khởi tạo / cập nhật bảng tính',
      'Tính xếp hạng',
      'Kiểm tra dữ liệu',
      'Tạo phiếu bình xét',
      'Kiểm phiếu bình xét',
      'Lập sổ khen thưởng từ xếp hạng',
      'Thống kê khen thưởng',
    ]) {
      seen.push(...click(host, caption).map((p) => `${caption}: ${p}`));
      seen.push(...oversized(host).map((c) => `${caption}: ${c} over the limit`));
    }
    expect(seen).toEqual([]);
    expect(host.spreadsheet.sheet(SHEET_NAMES.ranking)?.cell(3, 3)?.v).toContain('Đã cập nhật');
  });
});
