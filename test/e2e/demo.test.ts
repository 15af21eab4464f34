/**
 * `npm run demo` end to end: the sample cluster's year through build/Code.js in the local host,
 * leaving a workbook a person can open and a run log.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { CERTIFICATES_DIR, PREVIEWS_DIR, runDemo } from '../../local/demo/run';
import { NODE_PRODUCER } from '../../local/host/docs';
import { readPdfLines } from '../layout/pdfLines';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { MENU } from '../../src/gas/menuDefinition';
import { loadXlsx } from '../../local/host/spreadsheet/xlsx';
import { HostRuntime } from '../../local/host/runtime';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { cellA1 } from '../../src/core/a1';
import { SEED003_BREAKDOWN, SEED003_TOTAL } from '../../sample/seed003Register';

describe('npm run demo', () => {
  it('runs every menu action without an error and writes the workbook and run log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-demo-'));
    const { host, files, steps } = await runDemo(dir);
    const report = host.report();
    expect(report.executions.filter((e) => e.status !== 'ok')).toEqual([]);
    const ran = new Set(report.executions.map((e) => e.functionName));
    const menuFunctions = MENU.items.flatMap((item) =>
      item === 'separator' ? [] : [item.functionName],
    );
    expect(menuFunctions.length).toBeGreaterThan(10);
    for (const fn of ['onOpen', 'onEdit', 'onEditAudit', 'jobContinue', ...menuFunctions]) {
      expect([fn, ran.has(fn)]).toEqual([fn, true]);
    }
    // The head, not the owner, closed scoring, ranked and ran the vote.
    const head = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Cụm trưởng')?.[6];
    const closed = report.executions.find((e) => e.functionName === 'menuToggleScoring');
    expect(closed?.user).toBe(head);
    const tally = report.executions.find((e) => e.functionName === 'menuTallyVotes');
    expect(tally?.user).toBe(head);
    // The roles table at work: a member's edit of another unit's row was refused by Sheets and
    // its click on "Tính xếp hạng" by the menu check; the owner's log and the head's closing made
    // one change-log trigger between them.
    expect(
      steps.filter((s) => s.detail.includes('bị từ chối: You are trying to edit a protected')),
    ).toHaveLength(1);
    expect(report.alerts.map((a) => a.prompt)).toContainEqual(
      expect.stringContaining('không được dùng «Tính xếp hạng»'),
    );
    expect(host.triggers.triggers.filter((t) => t.handler === 'onEditAudit')).toHaveLength(1);
    // The two bad entries were reported by the check, with sheet and cell.
    const check = host.spreadsheet.valuesAt(`'Kiểm tra dữ liệu'!A2:B3`);
    expect(check).toEqual([
      [SHEET_NAMES.selfScores, 'C6'],
      [SHEET_NAMES.selfScores, 'I8'],
    ]);

    const log = JSON.parse(readFileSync(join(dir, 'run-log.json'), 'utf8')) as {
      report: { totalCalls: number; virtualMs: number };
    };
    expect(log.report.totalCalls).toBe(report.totalCalls);
    expect(files).toContain(join(dir, 'Cum-thi-dua-so-1.xlsx'));

    // The saved workbook opens again with the ranking in it: Ba Đình first, proposed for the flag.
    const reopened = await loadXlsx(new HostRuntime(), join(dir, 'Cum-thi-dua-so-1.xlsx'));
    const ranking = reopened.sheet(SHEET_NAMES.ranking);
    expect(ranking).toBeDefined();
    expect(reopened.valuesAt(`'${SHEET_NAMES.ranking}'!A6:C6`)).toEqual([[1, 'BD', 'Ba Đình']]);
    expect(reopened.valueAt(`'${SHEET_NAMES.ranking}'!L6`)).toBe('Cờ thi đua');

    // «Tạo bản giao ước» ran; the joint pledge was saved as .docx and PDF.
    expect(ran).toContain('menuCreatePledge');
    const docx = join(dir, 'Giao-uoc-thi-dua-2022.docx');
    const pdf = join(dir, 'Giao-uoc-thi-dua-2022.pdf');
    expect(files).toEqual(expect.arrayContaining([docx, pdf]));
    expect(readPdfLines(pdf).lines.map((l) => l.text)).toContain(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const criteriaTable =
      [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
        .map((m) => m[0])
        .find((t) => t.includes('Nội dung tiêu chí')) ?? '';
    const rows = [...criteriaTable.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join('|'),
    );
    // One row of the criteria table per criterion (8 criteria, the bonus and the penalty).
    const codes = SAMPLE_CRITERIA_ROWS.map((r) => String(r[2])).filter((c) => c !== '');
    const criterionRows = rows.filter((r) => codes.some((c) => r.startsWith(`${c}|`)));
    expect(criterionRows).toHaveLength(codes.length);
    expect(xml).toContain('BẢN GIAO ƯỚC THI ĐUA NĂM 2022');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).not.toContain('{{');
    expect(xml).toBe(xml.normalize('NFC'));

    // The award year: register filled from the ranking, the seed-003 year pasted below it,
    // certificates in combined print files across continuations, statistics.
    for (const fn of [
      'menuFillAwardsFromRanking',
      'menuCreateCertificates',
      'jobContinue',
      'menuAwardStatistics',
    ]) {
      expect(ran).toContain(fn);
    }
    const awards = reopened.sheet(SHEET_NAMES.awards);
    const last = awards?.contentExtent().lastRow ?? 0;
    const width = AWARDS_LAYOUT.columns.length;
    const register = reopened.valuesAt(`'${SHEET_NAMES.awards}'!A2:${cellA1(last, width)}`);
    const filled = register.length - SEED003_TOTAL;
    expect(filled).toBeGreaterThan(0);
    const at = (key: string): number => AWARDS_LAYOUT.columns.findIndex((c) => c.key === key);
    // Every row is made or explained: no error left, skipped forms say why.
    const statuses = register.map((r) => String(r[at('status')]));
    expect(statuses.filter((x) => !/^Đã tạo \(|^Bỏ qua$/.test(x))).toEqual([]);
    expect(register.filter((r) => r[at('status')] === 'Bỏ qua' && r[at('error')] === '')).toEqual(
      [],
    );
    const made = statuses.filter((x) => x.startsWith('Đã tạo')).length;
    expect(made).toBeGreaterThan(2200);

    // Statistics: the seed-003 breakdown, plus the rows filled from the ranking.
    const levels = [
      ['Nhà nước', SEED003_BREAKDOWN.state],
      ['Bộ, ngành, tỉnh / thành phố', SEED003_BREAKDOWN.ministryProvince],
      ['Cơ sở', SEED003_BREAKDOWN.base],
    ] as const;
    const fillRows = register.slice(0, filled);
    const expected = levels.map(([label, seed]) => {
      const mine = fillRows.filter((r) => r[at('level')] === label);
      const collectives = seed.collective + mine.filter((r) => r[0] === 'Tập thể').length;
      const individuals = seed.individual + mine.filter((r) => r[0] === 'Cá nhân').length;
      return ['Cấp khen', label, collectives, individuals, collectives + individuals];
    });
    const stats = `'${SHEET_NAMES.awardStatistics}'`;
    expect(reopened.valuesAt(`${stats}!A4:E6`)).toEqual(expected);
    expect(expected.map((r) => r[2])).toEqual([6, 89 + filled, 685]);
    expect(expected.map((r) => r[3])).toEqual([1, 68, 1656]);
    expect(reopened.valueAt(`${stats}!E7`)).toBe(SEED003_TOTAL + filled);

    // The print files: one .docx per file of at most 100 certificates; PDFs rendered in Node
    // (whatever the machine has) of the first of each form, with a PNG of its first page under
    // previews/, as of the pledge.
    const printed = files.filter((f) => f.startsWith(join(dir, CERTIFICATES_DIR)));
    const docxFiles = printed.filter((f) => f.endsWith('.docx'));
    const pdfFiles = printed.filter((f) => f.endsWith('.pdf'));
    expect(docxFiles.length).toBeGreaterThanOrEqual(Math.ceil(made / 100));
    expect(pdfFiles.map((f) => basename(f).split(' - ')[0])).toEqual([
      'In Bằng khen 2022',
      'In Giấy khen 2022',
    ]);
    const giayKhen = readPdfLines(pdfFiles.find((f) => f.includes('In Giấy khen')) ?? '');
    expect(giayKhen.producer).toBe(NODE_PRODUCER);
    expect(giayKhen.pages.length).toBeGreaterThan(1);
    expect(giayKhen.lines.filter((l) => l.text === 'GIẤY KHEN')).toHaveLength(
      giayKhen.pages.length,
    );
    const previews = files.filter((f) => f.startsWith(join(dir, PREVIEWS_DIR)));
    expect(previews.map((f) => basename(f)).sort()).toEqual([
      'giao-uoc.png',
      'in-bang-khen-2022.png',
      'in-giay-khen-2022.png',
    ]);
    for (const f of previews) expect(readFileSync(f).subarray(1, 4).toString('latin1')).toBe('PNG');
    const first = await JSZip.loadAsync(readFileSync(docxFiles[0] ?? ''));
    const page = (await first.file('word/document.xml')?.async('string')) ?? '';
    expect(page).toMatch(/GIẤY KHEN|BẰNG KHEN/);
    expect(page).not.toContain('{{');
  }, 300_000); // the whole sample year, with three PDFs rendered and rasterised
});
