/**
 * `npm run demo` end to end: two workbooks through build/Code.js in the local host, each its own
 * spreadsheet with its own bound script, owner, Drive and Cấu hình: the City Front's Cụm thi đua
 * số 1 (pledge, scores, ranking, vote, proposals) and Thanh Xuân district's award workbook (the
 * 2,505-award register of seed 003, its certificates and statistics). Each leaves a workbook a
 * person can open; one run log describes both.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import {
  CERTIFICATES_DIR,
  CLUSTER_WORKBOOK_FILE,
  DISTRICT_WORKBOOK_FILE,
  NEXT_YEAR_WORKBOOK_FILE,
  PREVIEWS_DIR,
  runDemo,
  DOSSIER_FILES,
} from '../../local/demo/run';
import { NODE_PRODUCER } from '../../local/host/docs';
import { readPdfLines } from '../layout/pdfLines';
import {
  SAMPLE_CRITERIA_ROWS,
  SAMPLE_REGISTRATIONS,
  SAMPLE_UNIT_ROWS,
} from '../../sample/cluster1';
import { REVIEW_DONE, REVIEW_SAME } from '../../src/core/layout/historyReviewTables';
import { SEED003_OFFICER, SEED003_SETTINGS } from '../../sample/seed003Workbook';
import { MENU } from '../../src/gas/menuDefinition';
import { loadXlsx } from '../../local/host/spreadsheet/xlsx';
import { HostRuntime } from '../../local/host/runtime';
import type { LocalHost } from '../../local/host';
import type { SpreadsheetModel } from '../../local/host/spreadsheet';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { cellA1 } from '../../src/core/a1';
import { parseManifest } from '../../src/core/certificates';
import { SEED003_BREAKDOWN, SEED003_FORMS, SEED003_TOTAL } from '../../sample/seed003Register';

const at = (key: string): number => AWARDS_LAYOUT.columns.findIndex((c) => c.key === key);
const settingRow = (key: string): number => SETTING_ROWS.findIndex((r) => r.key === key) + 2;

function registerOf(book: SpreadsheetModel): unknown[][] {
  const last = book.sheet(SHEET_NAMES.awards)?.contentExtent().lastRow ?? 1;
  if (last < 2) return [];
  return book.valuesAt(`'${SHEET_NAMES.awards}'!A2:${cellA1(last, AWARDS_LAYOUT.columns.length)}`);
}

function setting(book: SpreadsheetModel, key: string): unknown {
  return book.valueAt(`'${SHEET_NAMES.settings}'!B${String(settingRow(key))}`);
}

/** The text of a .docx's body, runs joined per paragraph. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n');
}

/** Drive files that are certificates' outputs (their description is a manifest of rows). */
function certificateFilesIn(host: LocalHost): number {
  return [...host.drive.items.values()].filter((f) => parseManifest(f.description) !== null).length;
}

describe('npm run demo', () => {
  it('runs the cluster and the district as two workbooks, each telling its own story', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-demo-'));
    const { cluster, district, files } = await runDemo(dir);

    // Two spreadsheets, two bound scripts, two owners: nothing failed in either.
    expect(cluster.host).not.toBe(district.host);
    expect(district.host.owner).toBe(SEED003_OFFICER);
    expect(cluster.host.owner).not.toBe(district.host.owner);
    const clusterReport = cluster.host.report();
    const districtReport = district.host.report();
    expect(clusterReport.executions.filter((e) => e.status !== 'ok')).toEqual([]);
    expect(districtReport.executions.filter((e) => e.status !== 'ok')).toEqual([]);
    // Every menu item ran in one workbook or the other.
    const ran = new Set(
      [...clusterReport.executions, ...districtReport.executions].map((e) => e.functionName),
    );
    const menuFunctions = MENU.items.flatMap((item) =>
      item === 'separator' ? [] : [item.functionName],
    );
    expect(menuFunctions.length).toBeGreaterThan(10);
    for (const fn of ['onOpen', 'onEdit', 'onEditAudit', 'jobContinue', ...menuFunctions]) {
      expect([fn, ran.has(fn)]).toEqual([fn, true]);
    }
    const clusterRan = new Set(clusterReport.executions.map((e) => e.functionName));
    const districtRan = new Set(districtReport.executions.map((e) => e.functionName));
    // The cluster proposes; the district prints and counts.
    expect(clusterRan.has('menuFillAwardsFromRanking')).toBe(true);
    expect(clusterRan.has('menuCreateCertificates')).toBe(false);
    expect(districtRan.has('menuCreateCertificates')).toBe(true);
    expect(districtRan.has('menuAwardStatistics')).toBe(true);
    expect(districtRan.has('menuRank')).toBe(false);

    // The head, not the owner, closed scoring, ranked and ran the vote.
    const head = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Cụm trưởng')?.[6];
    const closed = clusterReport.executions.find((e) => e.functionName === 'menuToggleScoring');
    expect(closed?.user).toBe(head);
    const tally = clusterReport.executions.find((e) => e.functionName === 'menuTallyVotes');
    expect(tally?.user).toBe(head);
    // The roles table at work: a member's edit of another unit's row was refused by Sheets and
    // its click on "Tính xếp hạng" by the menu check; the owner's log and the head's closing made
    // one change-log trigger between them.
    expect(
      cluster.steps.filter((s) =>
        s.detail.includes('bị từ chối: You are trying to edit a protected'),
      ),
    ).toHaveLength(1);
    expect(clusterReport.alerts.map((a) => a.prompt)).toContainEqual(
      expect.stringContaining('không được dùng «Tính xếp hạng»'),
    );
    expect(cluster.host.triggers.triggers.filter((t) => t.handler === 'onEditAudit')).toHaveLength(
      1,
    );
    // The two bad entries were reported by the check, with sheet and cell.
    expect(cluster.host.spreadsheet.valuesAt(`'Kiểm tra dữ liệu'!A2:B3`)).toEqual([
      [SHEET_NAMES.selfScores, 'C6'],
      [SHEET_NAMES.selfScores, 'I8'],
    ]);

    // One run log describes both workbooks, with the calls of each.
    const log = JSON.parse(readFileSync(join(dir, 'run-log.json'), 'utf8')) as {
      workbooks: { title: string; owner: string; report: { totalCalls: number } }[];
      totals: { calls: number };
    };
    expect(log.workbooks.map((w) => w.owner)).toEqual([cluster.host.owner, SEED003_OFFICER]);
    expect(log.workbooks.map((w) => w.report.totalCalls)).toEqual([
      clusterReport.totalCalls,
      districtReport.totalCalls,
    ]);
    expect(log.totals.calls).toBe(clusterReport.totalCalls + districtReport.totalCalls);
    const logText = readFileSync(join(dir, 'run-log.txt'), 'utf8');
    expect(logText).toContain('Cụm thi đua số 1');
    expect(logText).toContain('Khen thưởng quận Thanh Xuân');

    // ------------------------------------------------------------ the cluster's workbook
    const clusterFile = join(dir, CLUSTER_WORKBOOK_FILE);
    expect(files).toContain(clusterFile);
    const clusterBook = await loadXlsx(new HostRuntime(), clusterFile);
    // The ranking in it: Ba Đình first, proposed for the flag.
    expect(clusterBook.valuesAt(`'${SHEET_NAMES.ranking}'!A6:C6`)).toEqual([[1, 'BD', 'Ba Đình']]);
    expect(clusterBook.valueAt(`'${SHEET_NAMES.ranking}'!L6`)).toBe('Cờ thi đua');
    // Its register holds its own proposals only, decided by the City Front, none of the
    // district's awards.
    const proposals = registerOf(clusterBook);
    // Named as the certificate prints them: the committees' full names (seed 002).
    const unitNames = new Set(SAMPLE_UNIT_ROWS.map((r) => r[8]));
    expect([...unitNames]).toContain('Ủy ban MTTQ Việt Nam quận Ba Đình');
    // The vote decided the Bằng khen place the ranking left tied: a second round gave it to
    // Hoàng Mai, and the register holds the vote's winners.
    // Then the two people Ba Đình registered in its own block of Đăng ký thi đua.
    expect(proposals.map((r) => `${String(r[at('name')])} (${String(r[at('form')])})`)).toEqual([
      'Ủy ban MTTQ Việt Nam quận Ba Đình (Cờ thi đua)',
      'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm (Bằng khen)',
      'Ủy ban MTTQ Việt Nam quận Hoàng Mai (Bằng khen)',
      ...SAMPLE_REGISTRATIONS.map(([name, , title]) => `${String(name)} (${String(title)})`),
    ]);
    const result = `'Kết quả bình xét'`;
    expect(String(clusterBook.valueAt(`${result}!A1`))).toContain('(VÒNG 2)');
    for (const row of proposals) {
      const collective = row[at('recipientType')] === 'Tập thể';
      if (collective) expect(unitNames.has(String(row[at('name')]))).toBe(true);
      // The Front decides on the cluster's own proposals, the City on its Chiến sĩ thi đua.
      expect(row[at('decisionNumber')]).toMatch(collective ? /QĐ-MTTQ/ : /QĐ-UBND/);
    }

    // Điều kiện khen thưởng: judged by the rules in force in 2022 (Nghị định 91/2017/NĐ-CP)
    // against three years of history, two of them imported from last year's workbook.
    const hints = clusterBook.valuesAt(`'${SHEET_NAMES.eligibility}'!A4:I8`);
    const hintOf = (name: string): unknown[] | undefined => hints.find((r) => r[3] === name);
    expect(hintOf('Nguyễn Thị Hà')?.[7]).toBe('Đủ điều kiện');
    expect(hintOf('Lê Thị Lan')?.[7]).toBe('Chưa đủ điều kiện');
    expect(String(hintOf('Lê Thị Lan')?.[8])).toContain('Nghị định 91/2017/NĐ-CP');
    // The import asked about «Le Thi Lan», the officer confirmed, and her years were added.
    const review = clusterBook.valuesAt(`'${SHEET_NAMES.historyReview}'!D2:O5`);
    expect(review.map((r) => [r[0], r[10], r[11]])).toEqual(
      Array.from({ length: 4 }, () => ['Le Thi Lan', REVIEW_SAME, REVIEW_DONE]),
    );
    // «Tạo năm mới» left 2023 in a new file, Hoàng Mai heading it, its register empty.
    const next = await loadXlsx(new HostRuntime(), join(dir, NEXT_YEAR_WORKBOOK_FILE));
    const nextUnits = next.valuesAt(`'${SHEET_NAMES.units}'!A2:D7`);
    expect(nextUnits.find((r) => r[0] === 'HM')?.[3]).toBe('Cụm trưởng');
    expect(next.sheet(SHEET_NAMES.awards)?.contentExtent().lastRow).toBe(1);
    expect(clusterBook.sheet(SHEET_NAMES.awards)?.contentExtent().lastRow).toBe(6);
    expect(setting(clusterBook, 'issuingBody')).toBe('ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI');
    // The pledge was made in the cluster's Drive, no certificate.
    expect(certificateFilesIn(cluster.host)).toBe(0);
    expect(String(setting(clusterBook, 'pledgeDocLink'))).toMatch(/\/d\//);

    // «Lập hồ sơ bình xét» ran as the head after the vote: the minutes show the second round
    // that gave Hoàng Mai the last Bằng khen place; the draft decision lists the register's rows.
    const dossier = clusterReport.executions.find((e) => e.functionName === 'menuCreateDossier');
    expect(dossier?.user).toBe(head);
    for (const [file] of DOSSIER_FILES) {
      expect(files).toEqual(
        expect.arrayContaining([join(dir, `${file}.docx`), join(dir, `${file}.pdf`)]),
      );
    }
    const minutesText = readPdfLines(join(dir, 'Bien-ban-hop-binh-xet-2022.pdf'))
      .lines.map((l) => l.text)
      .join('\n');
    expect(minutesText).toContain('Hoàng Mai (vòng 2)');
    expect(minutesText).toContain('- Hoàng Mai: Bằng khen.');
    const annexText = readPdfLines(join(dir, 'Du-thao-quyet-dinh-khen-thuong-2022.pdf'))
      .lines.map((l) => l.text)
      .join('\n');
    // The annex lists exactly the register's rows (wrapped in their cells: the short names).
    // The annex is the Front's decision: the collectives, not the city's Chiến sĩ thi đua.
    for (const row of proposals.filter((r) => r[at('recipientType')] === 'Tập thể')) {
      expect(annexText).toContain(
        String(row[at('name')]).replace('Ủy ban MTTQ Việt Nam quận ', ''),
      );
    }
    expect(annexText).not.toContain('Hai Bà Trưng');
    expect(annexText).not.toContain('Lê Thị Lan');

    // «Tạo bản giao ước» ran; the joint pledge was saved as .docx and PDF.
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

    // ------------------------------------------------------------ the district's workbook
    const districtFile = join(dir, DISTRICT_WORKBOOK_FILE);
    expect(files).toContain(districtFile);
    const book = await loadXlsx(new HostRuntime(), districtFile);
    expect(setting(book, 'issuingBody')).toBe(SEED003_SETTINGS.issuingBody);
    expect(setting(book, 'place')).toBe(SEED003_SETTINGS.place);
    // Its Drive holds the print files, no pledge.
    expect(setting(book, 'pledgeDocLink')).toBe('');
    expect(certificateFilesIn(district.host)).toBeGreaterThan(20);
    // Exactly the seed's register: 2,505 rows, every one made or explained.
    const register = registerOf(book);
    expect(register).toHaveLength(SEED003_TOTAL);
    const statuses = register.map((r) => String(r[at('status')]));
    expect(statuses.filter((x) => !/^Đã tạo \(|^Bỏ qua$/.test(x))).toEqual([]);
    expect(register.filter((r) => r[at('status')] === 'Bỏ qua' && r[at('error')] === '')).toEqual(
      [],
    );
    const made = statuses.filter((x) => x.startsWith('Đã tạo')).length;
    expect(made).toBeGreaterThan(2200);

    // Statistics: the seed's table exactly, 6 + 1 / 89 + 68 / 685 + 1,656 = 2,505.
    const stats = `'${SHEET_NAMES.awardStatistics}'`;
    const { state, ministryProvince, base } = SEED003_BREAKDOWN;
    expect(book.valuesAt(`${stats}!A4:E7`)).toEqual([
      ['Cấp khen', 'Nhà nước', state.collective, state.individual, 7],
      ['Cấp khen', 'Bộ, ngành, tỉnh / thành phố', 89, 68, ministryProvince.individual + 89],
      ['Cấp khen', 'Cơ sở', base.collective, 1656, 2341],
      ['Cấp khen', 'Tổng cộng', 780, 1725, SEED003_TOTAL],
    ]);
    // Emulation titles apart from forms of commendation: the seed's flags and Chiến sĩ thi đua
    // cơ sở are titles (Luật Thi đua, khen thưởng, Điều 19–20); everything else is a form.
    const titleNames = new Set(['Cờ thi đua', 'Chiến sĩ thi đua cơ sở']);
    const kindCount = (title: boolean, type: 'collective' | 'individual'): number =>
      SEED003_FORMS.filter((f) => titleNames.has(f.form) === title && f.type === type).reduce(
        (n, f) => n + f.count,
        0,
      );
    const titles = [kindCount(true, 'collective'), kindCount(true, 'individual')];
    const forms = [kindCount(false, 'collective'), kindCount(false, 'individual')];
    expect(book.valuesAt(`${stats}!A8:E10`)).toEqual([
      ['Loại khen thưởng', 'Danh hiệu thi đua', ...titles, titles[0]! + titles[1]!],
      ['Loại khen thưởng', 'Hình thức khen thưởng', ...forms, forms[0]! + forms[1]!],
      ['Loại khen thưởng', 'Tổng cộng', 780, 1725, SEED003_TOTAL],
    ]);
    const statRows = book.valuesAt(`${stats}!A11:E40`);
    const titleRows = statRows.filter((r) => r[0] === 'Danh hiệu thi đua');
    expect(titleRows.map((r) => r[1])).toEqual([
      'Bộ, ngành, tỉnh / thành phố: Cờ thi đua',
      'Cơ sở: Chiến sĩ thi đua cơ sở',
      'Cộng',
    ]);
    const formRows = statRows.filter((r) => r[0] === 'Hình thức khen thưởng');
    expect(formRows.some((r) => String(r[1]).includes('Chiến sĩ') || r[1] === 'Cờ thi đua')).toBe(
      false,
    );
    expect(formRows.at(-1)?.[4]).toBe(forms[0]! + forms[1]!);

    // Thống kê qua các năm: the district's 2022 (no history) reads the same table, exactly.
    const years = `'${SHEET_NAMES.yearStatistics}'`;
    expect(book.valuesAt(`${years}!B4:E7`)).toEqual(book.valuesAt(`${stats}!B4:E7`));
    expect(book.valuesAt(`${years}!A4:A7`)).toEqual([[2022], [2022], [2022], [2022]]);
    // The cluster's: three years of history with its 2022 register.
    const summary = clusterBook
      .valuesAt(`${years}!A4:A40`)
      .map((r) => r[0])
      .filter((v) => typeof v === 'string' && /^\d{4}$/.test(v));
    expect(summary).toEqual(['2020', '2021', '2022']);

    // The print files are the district's: one .docx per file of at most 100 certificates; PDFs
    // rendered in Node (whatever the machine has) of the first of each form, with a PNG of its
    // first page under previews/, as of the pledge; issued by the district at its own place.
    const printed = files.filter((f) => f.startsWith(join(dir, CERTIFICATES_DIR)));
    const docxFiles = printed.filter((f) => f.endsWith('.docx'));
    const pdfFiles = printed.filter((f) => f.endsWith('.pdf'));
    expect(docxFiles.length).toBeGreaterThanOrEqual(Math.ceil(made / 100));
    // One PDF for the first print file of each form the register prints from its own template.
    const kinds = pdfFiles.map((f) => basename(f).split(' - ')[0]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'In Bằng khen 2022',
        'In Giấy khen 2022',
        'In Cờ thi đua 2022',
        'In Chiến sĩ thi đua cơ sở 2022',
      ]),
    );
    expect(new Set(kinds).size).toBe(kinds.length);
    const giayKhen = readPdfLines(pdfFiles.find((f) => f.includes('In Giấy khen')) ?? '');
    expect(giayKhen.producer).toBe(NODE_PRODUCER);
    expect(giayKhen.pages.length).toBeGreaterThan(1);
    expect(giayKhen.lines.filter((l) => l.text === 'GIẤY KHEN')).toHaveLength(
      giayKhen.pages.length,
    );
    const previews = files.filter((f) => f.startsWith(join(dir, PREVIEWS_DIR)));
    expect(previews.map((f) => basename(f))).toEqual(
      expect.arrayContaining(['giao-uoc.png', 'in-bang-khen-2022.png', 'in-giay-khen-2022.png']),
    );
    // One more for the pledge, and one per dossier document (biên bản, tờ trình, dự thảo, thông báo).
    expect(previews).toHaveLength(pdfFiles.length + 1 + DOSSIER_FILES.length);
    expect(previews.map((f) => basename(f))).toEqual(
      expect.arrayContaining(DOSSIER_FILES.map(([file]) => `${file.toLowerCase()}.png`)),
    );
    for (const f of previews) expect(readFileSync(f).subarray(1, 4).toString('latin1')).toBe('PNG');
    const firstPage = await docxText(docxFiles[0] ?? '');
    expect(firstPage).toMatch(/GIẤY KHEN|BẰNG KHEN/);
    expect(firstPage).not.toContain('{{');
    const meritFile = docxFiles.find((f) => f.includes('Giấy khen')) ?? '';
    const merit = await docxText(meritFile);
    expect(merit).toContain('ỦY BAN NHÂN DÂN QUẬN THANH XUÂN');
    expect(merit).toContain(`${String(SEED003_SETTINGS.place)}, ngày`);
    expect(merit).not.toContain('MTTQ');
  }, 900_000); // both workbooks' years, with three PDFs rendered and rasterised
});
