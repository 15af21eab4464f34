/**
 * Defects the fuzz campaign (test/fuzz, issue 10 Build 8) found, one test per defect class, named
 * after the behaviour the product must have. Each runs build/Code.js in the local host with the
 * shortest sequence of user actions that showed the defect.
 */
import type { LocalHost, RunResult } from '../../local/host';
import { CELL_CHARACTER_LIMIT } from '../../local/host/spreadsheet/limits';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { VALIDATION_REPORT_SHEET } from '../../src/core/edit/report';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { headerValues } from '../../src/core/layout/columns';
import { SAMPLE_SETTINGS, SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { englishIn } from '../fuzz/invariants';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';
import { runSequence, sequenceOf } from '../fuzz/campaign';
import { checkCertificates, emptyCoverage } from '../fuzz/invariants';
import { World } from '../fuzz/world';
import { CONSUMER } from './roleWorkbook';

/** Replays sequence `index` of the 200 × 30 campaign (seed 20261205) up to `step`; its violations. */
function replay(index: number, step: number): string[] {
  const actions = sequenceOf({ runs: 200, steps: 30, seed: 20261205 }, index).slice(0, step + 1);
  return runSequence(index, actions, emptyCoverage()).violations.map(
    (v) => `${v.kind}: ${v.detail}`,
  );
}

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

function click(host: LocalHost, caption: string, who?: string): string[] {
  const before = host.ui.shown.length;
  return problems(host, host.clickMenu(caption, who), before);
}

/** Mã hồ sơ of every register row, in sheet order. */
function registerKeys(world: World): string[] {
  const sheet = world.model.sheet(SHEET_NAMES.awards);
  const keyCol = AWARDS_LAYOUT.columns.findIndex((c) => c.key === 'key') + 1;
  const keys: string[] = [];
  for (let r = 1; r <= (sheet?.contentExtent().lastRow ?? 0); r++) {
    const v = String(sheet?.cell(r, keyCol)?.v ?? '');
    if (v.startsWith('KT')) keys.push(v);
  }
  return keys.sort();
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
    // The register as set-up makes it (set-up itself is slow on such names and not at fault).
    paste(host, SHEET_NAMES.awards, 1, 1, [headerValues(AWARDS_LAYOUT)]);
    host.open();
    const seen: string[] = [];
    for (const caption of [
      'Tính xếp hạng',
      'Tạo phiếu bình xét',
      'Kiểm phiếu bình xét',
      'Lập sổ khen thưởng từ xếp hạng',
    ]) {
      seen.push(...click(host, caption).map((p) => `${caption}: ${p}`));
      seen.push(...oversized(host).map((c) => `${caption}: ${c} over the limit`));
    }
    expect(seen).toEqual([]);
    const ranking = host.spreadsheet.sheet(SHEET_NAMES.ranking);
    expect(ranking?.cell(3, 3)?.v).toContain('Đã cập nhật');
    // The title names the cluster, cut to fit and saying so.
    expect(String(ranking?.cell(1, 1)?.v)).toMatch(
      /đã cắt bớt cho vừa một ô; dài 50\.0\d\d ký tự\)$/,
    );
    expect(host.spreadsheet.sheet(SHEET_NAMES.votes)?.contentExtent().lastRow).toBeGreaterThan(1);
    expect(host.spreadsheet.sheet(SHEET_NAMES.awards)?.contentExtent().lastRow).toBeGreaterThan(1);
  });

  // Open defects of the 200 × 30 campaign, kept skipped: each fix sits in set-up's matrix repair
  // or the register's reader (owned elsewhere) or is larger than this build. Listed in the report.

  // Fixed defect: set-up's rebuild of Tự chấm turned a cell holding a typed space " " into an
  // empty cell (sequence 17, step 10: Đống Đa types " ", the head runs set-up).
  it('set-up keeps a typed value exactly, a lone space included', () => {
    expect(replay(17, 10).filter((v) => v.startsWith('typed value changed'))).toEqual([]);
  });

  // Fixed defect: two blank rows inserted above Khen thưởng's header, then "Sort sheet" (which
  // sorts every row below the frozen one) put the header row below the award rows; the register's
  // reader skipped rows above the header as titles, so «Lập sổ khen thưởng từ xếp hạng» added
  // the same awards again (first seen as sequence 69, step 15 of the 200 × 30 campaign).
  it('the award register gets each proposal once, even after a sort moved its header row below the awards', () => {
    const world = new World(CONSUMER, true);
    const register = world.pickSheetIndex(SHEET_NAMES.awards);
    const keysBefore = registerKeys(world);
    expect(keysBefore).toHaveLength(2);
    for (const action of [
      { kind: 'insertRows', who: 'owner', sheet: register, row: 0, count: 2 },
      // Descending by "Tên tập thể / Họ tên": the award rows sort above the header row.
      { kind: 'sort', who: 'owner', sheet: register, col: 1, descending: true },
    ] as const)
      expect(world.apply(action).refused).toBe(false);
    const sheet = world.model.sheet(SHEET_NAMES.awards);
    const nameCol = AWARDS_LAYOUT.columns.findIndex((c) => c.key === 'name') + 1;
    expect(String(sheet?.cell(4, nameCol)?.v)).toBe(AWARDS_LAYOUT.columns[nameCol - 1]?.header);
    const seen = world.host.ui.shown.length;
    expect(click(world.host, 'Lập sổ khen thưởng từ xếp hạng', world.variant.people.owner)).toEqual(
      [],
    );
    expect(
      world.host.ui.shown
        .slice(seen)
        .map((d) => d.prompt)
        .join('\n'),
    ).toContain('Không có dòng nào mới');
    expect(registerKeys(world)).toEqual(keysBefore);
    expect(checkCertificates(world, emptyCoverage())).toEqual([]);
    // The check names the rows a sort moved above the header, and reads them as the register's.
    click(world.host, 'Kiểm tra dữ liệu', world.variant.people.owner);
    const report = world.model.sheet(VALIDATION_REPORT_SHEET);
    const text = report?.rows
      .flatMap((row) => row?.map((c) => String(c?.v ?? '')) ?? [])
      .join('\n');
    expect(text).toContain('nằm trên dòng tiêu đề (dòng 4)');
  });

  // Fixed defect: the owner typed over the form of a row the fill had made ("Bằng khen" → 14);
  // the next «Lập sổ khen thưởng từ xếp hạng» no longer matched it by name and form and added the
  // award again, under the key the edited row still holds (60 × 30 campaign, sequence 11, step 6).
  it('the fill never adds an award whose key a register row holds, however that row was edited', () => {
    expect(replay(11, 6).filter((v) => v.startsWith('register row made twice'))).toEqual([]);
  });

  // Fixed defect: set-up failed with Google's English "A sheet with the name "Tự chấm" already
  // exists" when a sheet of that name in other letter case was in the way (sequence 82, step 27);
  // Sheets refuses names that differ by case only, so set-up now restores the name of such a sheet
  // when its headers are the product's, and reports it in Vietnamese otherwise.
  it('set-up never fails on a sheet name taken in another letter case; it says so in Vietnamese', () => {
    expect(replay(82, 27).filter((v) => v.startsWith('english message'))).toEqual([]);
  });
});
