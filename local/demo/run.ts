/**
 * `npm run demo`: two workbooks, as in life, each its own spreadsheet with its own bound script
 * (one LocalHost each: in Apps Script a bound script belongs to its file), its own owner, Drive
 * and Cấu hình, run through the BUILT bundle from the "Thi đua" menu:
 *
 * 1. the City Front's Cụm thi đua số 1 (seed 002, sample/cluster1.ts): set-up, pledge, self
 *    scores, ranking, nomination vote, the proposals in its register, three years of history
 *    (sample/clusterHistory.ts) and the statistics across the years → Cum-thi-dua-so-1.xlsx;
 * 2. Thanh Xuân district's award workbook (seed 003, sample/seed003Register.ts): the 2022
 *    register of 2,505 awards, its certificates in print files, its statistics and those across
 *    the years (2022 from the register alone) →
 *    Khen-thuong-Thanh-Xuan-2022.xlsx.
 *
 * Files a person can open are left under out/, with one run log of every execution of both, its
 * service calls and virtual time. No network, no Google account.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LocalHost } from '../host';
import { saveXlsx } from '../host/spreadsheet/xlsx';
import { applyLayoutHints, foldToAscii, resetSofficeCache, saveDocx, savePdf } from '../host/docs';
import { documentFromJson, documentToJson } from '../host/docs/pdf';
import { layoutHints } from '../../src/core/documents/docSpec';
import { defaultTemplate } from '../../src/core/documents/defaultTemplates';
import { DOSSIER_DOCUMENTS } from '../../src/core/documents/dossierPrepare';
import type { DossierKind } from '../../src/core/documents/dossierData';
import { savePreviewPng } from '../render/preview';
import { MIME } from '../host/drive';
import { parseManifest } from '../../src/core/certificates';
import { MENU } from '../../src/gas/menuDefinition';
import {
  demoTotals,
  menuCaptions,
  session,
  writeRunLog,
  type StepLog,
  type WorkbookRun,
} from './runLog';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import { settingCellValue } from '../../src/core/layout/settingsGrid';
import { matrixLayout, locateScoreCell } from '../../src/core/layout/matrix';
import { readUnits } from '../../src/core/readers/units';
import { readCriteria } from '../../src/core/readers/criteria';
import { ClusterSettingsSchema } from '../../src/core/model/settings';
import { quoteSheetName } from '../../src/core/a1';
import { columnPosition, headerValues } from '../../src/core/layout/columns';
import { AWARDS_LAYOUT, CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../src/core/layout/tables';
import {
  SAMPLE_BAD_ENTRIES,
  SAMPLE_CRITERIA_ROWS,
  SAMPLE_OWNER,
  SAMPLE_REGISTRATIONS,
  SAMPLE_SELF_SCORES,
  SAMPLE_SETTINGS,
  SAMPLE_UNIT_ROWS,
} from '../../sample/cluster1';
import { SEED003_DISTRICT, SEED003_YEAR, seed003Register } from '../../sample/seed003Register';
import {
  HISTORY_YEARS,
  clusterHistory,
  historySheetGrid,
  historySheetRows,
} from '../../sample/clusterHistory';
import { HISTORY_REVIEW_LAYOUT, REVIEW_SAME } from '../../src/core/layout/historyReviewTables';
import { SpreadsheetModel } from '../host/spreadsheet';
import { REGISTRATION_LAYOUT } from '../../src/core/layout/registrationTables';
import {
  SEED003_OFFICER,
  SEED003_SETTINGS,
  SEED003_WORKBOOK_NAME,
} from '../../sample/seed003Workbook';

const root = resolve(__dirname, '..', '..');
const defaultOutDir = join(root, 'out');
/** The cluster's workbook and the district's, as saved under outDir. */
export const CLUSTER_WORKBOOK_FILE = 'Cum-thi-dua-so-1.xlsx';
/** The cluster's next year, made by «Tạo năm mới» in a copy. */
export const NEXT_YEAR_WORKBOOK_FILE = 'Cum-thi-dua-so-1-nam-2023.xlsx';
export const DISTRICT_WORKBOOK_FILE = `Khen-thuong-Thanh-Xuan-${String(SEED003_YEAR)}.xlsx`;
const PLEDGE_FILE = 'Giao-uoc-thi-dua-2022';
/** Where the certificates' print files go, under the demo's outDir. */
export const CERTIFICATES_DIR = 'giay-khen';
/** PNGs of the first page of each kind of document the demo leaves. */
export const PREVIEWS_DIR = 'previews';

/** "In Bằng khen 2022 - dòng 3-113 …" -> "in-bang-khen-2022" (one preview per kind). */
function kindSlug(name: string): string {
  return foldToAscii(name.split(' - ')[0] ?? name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The first page of a PDF as out/previews/<slug>.png. */
function savePreview(outDir: string, pdf: string, slug: string): string {
  const dir = join(outDir, PREVIEWS_DIR);
  mkdirSync(dir, { recursive: true });
  const png = join(dir, `${slug}.png`);
  savePreviewPng(pdf, png);
  return png;
}

export type { WorkbookRun } from './runLog';
export { demoTotals } from './runLog';

export interface DemoResult {
  /** Cụm thi đua số 1 of the City Front. */
  cluster: WorkbookRun;
  /** Thanh Xuân district's award workbook. */
  district: WorkbookRun;
  files: string[];
}

/**
 * The certificates' print files (the Docs whose description lists their rows) as .docx under
 * giay-khen/, and PDFs of the first PDF_PRINT_FILES of them.
 */
async function savePrintFiles(
  host: LocalHost,
  outDir: string,
  steps: StepLog[],
): Promise<string[]> {
  const folderRow = SETTING_ROWS.findIndex((r) => r.key === 'documentsFolder') + 2;
  const folderId = String(
    host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!B${String(folderRow)}`),
  );
  const docs = host.drive
    .filesIn(folderId)
    .filter((f) => f.mimeType === MIME.document && parseManifest(f.description) !== null)
    .sort((a, b) =>
      host.drive.nameOf(a).localeCompare(host.drive.nameOf(b), 'vi', { numeric: true }),
    );
  const dir = join(outDir, CERTIFICATES_DIR);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let pdfs = 0;
  let how = '';
  const kinds = new Set<string>();
  for (const item of docs) {
    const doc = host.documents.get(item.id);
    if (!doc) continue;
    const base = join(dir, host.drive.nameOf(item).replace(/[\\/:*?"<>|]/g, '-'));
    await saveDocx(doc, `${base}.docx`);
    files.push(`${base}.docx`);
    // A PDF and a PNG preview of the first print file of each form (Bằng khen, Giấy khen …).
    const slug = kindSlug(host.drive.nameOf(item));
    // 100 pages take about 4 s to render: the others stay .docx to keep the demo short.
    if (!kinds.has(slug)) {
      how = savePdf(doc, `${base}.pdf`) === 'libreoffice' ? 'LibreOffice' : 'dựng trong Node';
      files.push(`${base}.pdf`, savePreview(outDir, `${base}.pdf`, slug));
      pdfs++;
      kinds.add(slug);
    }
  }
  steps.push({
    step: 'Lưu tệp in giấy khen, bằng khen',
    detail: `${String(docs.length)} tệp .docx trong ${dir}; PDF của ${String(pdfs)} tệp (${how}): tệp đầu của mỗi loại, kèm ảnh trang đầu trong ${PREVIEWS_DIR}/`,
    runs: [],
  });
  return files;
}

/** Cấu hình's values, one per setting row, as the officer types them into column B. */
function settingsColumn(input: unknown): unknown[][] {
  const settings = ClusterSettingsSchema.parse(input);
  return SETTING_ROWS.map((row) => [settingCellValue(row, settings)]);
}

/**
 * The cluster's year in its own workbook: the City Front's officer sets it up; the members
 * score themselves, the head closes scoring, ranks and runs the vote; the pledge is made and the
 * proposals go into the cluster's register with the Front's decision.
 */
async function runClusterYear(outDir: string): Promise<WorkbookRun> {
  const host = LocalHost.fromBuild(join(root, 'build', 'Code.js'), {
    // The sample year's meeting: scoring and ranking happen at the end of 2022.
    runtime: { startTime: new Date('2022-12-15T08:00:00+07:00') },
    spreadsheet: {
      name: 'Cụm thi đua số 1 - năm 2022',
      owner: SAMPLE_OWNER,
      editors: SAMPLE_UNIT_ROWS.map((row) => row[6] ?? '').filter((e) => e !== ''),
    },
  });
  const { steps, record, click, type } = session(host);
  /** The cluster head's e-mail (Đơn vị, role Cụm trưởng): closes scoring. */
  const headEmail = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Cụm trưởng')?.[6] ?? host.owner;

  // January: the officer opens the workbook, sets it up, turns the change log on.
  record('Mở bảng tính', `menu "${MENU.title}": ${menuCaptions.join(', ')}`, host.open());
  click('menuSetup', 'tạo các trang theo bố cục chuẩn');
  click('menuEnableAudit', 'ghi nhật ký mọi thay đổi');

  // The registry: settings, units and criteria as the officer types them.
  type(
    host.owner,
    SHEET_NAMES.settings,
    2,
    2,
    settingsColumn(SAMPLE_SETTINGS),
    'cấu hình năm 2022 của cụm',
  );
  type(
    host.owner,
    SHEET_NAMES.units,
    2,
    1,
    SAMPLE_UNIT_ROWS.map((r) => [...r]),
    '6 đơn vị của cụm',
  );
  type(
    host.owner,
    SHEET_NAMES.criteria,
    2,
    1,
    SAMPLE_CRITERIA_ROWS.map((r) => [...r]),
    '8 tiêu chí, điểm thưởng, điểm trừ',
  );
  click('menuSetup', 'cập nhật ma trận chấm điểm theo đơn vị và tiêu chí');
  // Đăng ký thi đua: set-up carried each unit's collective title over from Đơn vị; Ba Đình, in
  // its own block, registers two of its people for Chiến sĩ thi đua thành phố (sample history:
  // one has three consecutive Chiến sĩ thi đua cơ sở, the other none).
  const baDinh = SAMPLE_UNIT_ROWS.find((r) => r[0] === 'BD');
  const block = registrationBlockStart(host, 'BD');
  if (baDinh && block !== undefined) {
    const first = columnPosition(REGISTRATION_LAYOUT, 'personName');
    type(
      baDinh[6] ?? '',
      SHEET_NAMES.registration,
      block + 1,
      first,
      SAMPLE_REGISTRATIONS.map((r) => [...r]),
      'Ba Đình đăng ký danh hiệu cho hai cá nhân',
    );
  }

  // Year end: each unit types its own self scores into its own row (protected for the others).
  const units = readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value;
  const tree = readCriteria([headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS]).value;
  const matrix = matrixLayout(units, tree);
  for (const unitRow of SAMPLE_UNIT_ROWS) {
    const [code = '', , , , , , email = ''] = unitRow;
    const row = matrix.rowOfUnit.get(code);
    if (row === undefined) continue;
    const scores = SAMPLE_SELF_SCORES[code] ?? {};
    const line: unknown[] = matrix.columns.slice(2).map((column) => {
      const role = column.role;
      if (role.kind === 'score') return scores[role.criterion] ?? '';
      if (role.kind === 'targetPart') {
        const value = scores[role.criterion];
        return typeof value === 'object' ? value[role.part] : '';
      }
      return '';
    });
    type(email, SHEET_NAMES.selfScores, row, 3, [line], `${code} tự chấm`);
  }
  // Two bad entries typed on purpose: marked at once, listed by the check, then corrected.
  for (const bad of SAMPLE_BAD_ENTRIES) {
    const cell = locateScoreCell(matrix, bad.unit, bad.criterion);
    const email = SAMPLE_UNIT_ROWS.find((r) => r[0] === bad.unit)?.[6] ?? host.owner;
    if (cell) {
      const outcome = host.edit(email, `${quoteSheetName(SHEET_NAMES.selfScores)}!${cell}`, [
        [bad.typed],
      ]);
      record(`${email} nhập sai ${cell}`, `"${bad.typed}" (${bad.code})`, outcome.runs);
    }
  }
  click('menuValidate', 'liệt kê mọi lỗi nhập liệu');
  for (const bad of SAMPLE_BAD_ENTRIES) {
    const cell = locateScoreCell(matrix, bad.unit, bad.criterion);
    const email = SAMPLE_UNIT_ROWS.find((r) => r[0] === bad.unit)?.[6] ?? host.owner;
    const original = SAMPLE_SELF_SCORES[bad.unit]?.[bad.criterion];
    if (cell && original !== undefined && typeof original !== 'object') {
      const outcome = host.edit(email, `${quoteSheetName(SHEET_NAMES.selfScores)}!${cell}`, [
        [original],
      ]);
      record(`${email} sửa ${cell}`, 'nhập lại giá trị đúng', outcome.runs);
    }
  }

  // The roles table at work: a member cannot type another unit's row (Sheets' protection
  // refuses it) nor run the head's actions (the menu refuses, in Vietnamese).
  const [memberA, memberB] = SAMPLE_UNIT_ROWS.filter((r) => r[3] === 'Thành viên');
  const rowOfB = matrix.rowOfUnit.get(memberB?.[0] ?? '');
  if (memberA && rowOfB !== undefined) {
    type(
      memberA[6] ?? '',
      SHEET_NAMES.selfScores,
      rowOfB,
      3,
      [[0]],
      `thử sửa dòng của ${memberB?.[0] ?? ''}`,
    );
    click(
      'menuRank',
      'thành viên thử tính xếp hạng: bị từ chối theo bảng phân quyền',
      [],
      memberA[6] ?? '',
    );
  }

  // The head closes scoring, ranks, and the cluster votes: each member marks its own ballot.
  click('menuToggleScoring', 'cụm trưởng khóa chấm điểm', ['YES'], headEmail);
  click('menuRank', 'xếp hạng, xếp loại, đề nghị khen thưởng', [], headEmail);
  // The vote: each member marks its own ballot rows. Hai Bà Trưng and Hoàng Mai, tied in the
  // ranking for the last Bằng khen place, tie again (4 votes each): a second round of the two
  // only decides it, 4 to 2 for Hoàng Mai (invented marks, as the seeds give no ballot).
  const castVotes = (yes: Record<string, number>, note: string): void => {
    const votes = host.spreadsheet.sheet(SHEET_NAMES.votes);
    if (!votes) return;
    const lastRow = votes.contentExtent().lastRow;
    const perVoter = Math.floor((lastRow - 1) / SAMPLE_UNIT_ROWS.length);
    SAMPLE_UNIT_ROWS.forEach((unitRow, i) => {
      const first = 2 + i * perVoter;
      if (perVoter === 0) return;
      const labels = host.spreadsheet.valuesAt(
        `'${SHEET_NAMES.votes}'!B${String(first)}:B${String(first + perVoter - 1)}`,
      );
      const marks = labels.map(([label]) => [
        i < (yes[String(label).replace(/ - vòng \d+$/u, '')] ?? 0) ? 'Đồng ý' : 'Không đồng ý',
      ]);
      type(unitRow[6] ?? '', SHEET_NAMES.votes, first, 3, marks, `${note} của ${unitRow[0] ?? ''}`);
    });
  };
  click('menuPrepareBallots', 'phiếu bình xét cho từng thành viên', [], headEmail);
  castVotes(
    {
      'Ba Đình (Cờ thi đua)': 6,
      'Hoàn Kiếm (Bằng khen)': 6,
      'Hai Bà Trưng (Bằng khen)': 4,
      'Hoàng Mai (Bằng khen)': 4,
    },
    'phiếu vòng 1',
  );
  click('menuTallyVotes', 'kiểm phiếu vòng 1: bằng phiếu ở suất Bằng khen cuối', [], headEmail);
  click('menuPrepareBallots', 'phiếu vòng 2, chỉ gồm hai đề cử bằng phiếu', ['YES'], headEmail);
  castVotes({ 'Hoàng Mai (Bằng khen)': 4, 'Hai Bà Trưng (Bằng khen)': 2 }, 'phiếu vòng 2');
  click('menuTallyVotes', 'kiểm phiếu vòng 2: Hoàng Mai nhận suất Bằng khen cuối', [], headEmail);
  // The joint pledge from the default template, as Google Doc and PDF in Drive.
  click('menuCreatePledge', 'bản giao ước thi đua của cụm (Google Docs và PDF)');

  // The earlier years' records (2020, 2021, and 2022's ratings, initiatives and individuals'
  // titles as the units report them) go into Lịch sử thi đua, khen thưởng before the proposals:
  // each proposal's eligibility is judged against them.
  // 2022's rows are typed; 2020 and 2021 are imported from last year's workbook, where one
  // person was typed without diacritics: the import asks, the officer confirms, a re-run adds.
  const thisYear = clusterHistory().filter((e) => e.year === SAMPLE_SETTINGS.year);
  type(
    host.owner,
    SHEET_NAMES.history,
    2,
    1,
    historySheetRows(thisYear),
    `lịch sử năm ${String(SAMPLE_SETTINGS.year)}: xếp loại, sáng kiến, danh hiệu cá nhân`,
  );
  const lastYear = lastYearWorkbook(host);
  click(
    'menuImportHistory',
    `nhập lịch sử ${String(HISTORY_YEARS[0])}–${String(SAMPLE_SETTINGS.year - 1)} từ bảng tính năm trước`,
    [{ button: 'OK', text: lastYear.url }],
  );
  const review = host.spreadsheet.sheet(SHEET_NAMES.historyReview);
  if (review !== undefined) {
    const decision = columnPosition(HISTORY_REVIEW_LAYOUT, 'decision');
    const pending = review.contentExtent().lastRow - 1;
    if (pending > 0)
      type(
        host.owner,
        SHEET_NAMES.historyReview,
        2,
        decision,
        Array.from({ length: pending }, () => [REVIEW_SAME]),
        'xác nhận: «Le Thi Lan» năm trước là Lê Thị Lan',
      );
    click('menuImportHistory', 'thêm các dòng đã xác nhận', [{ button: 'OK', text: '' }]);
  }
  // The proposals go into the cluster's register (the vote's winners and Ba Đình's registered
  // people), with their eligibility hints; the City Front decides on them.
  click(
    'menuFillAwardsFromRanking',
    'sổ khen thưởng theo kết quả bình xét và đăng ký thi đua, kèm điều kiện khen thưởng',
  );
  // Two decisions follow the proposals: the City Front's on the cluster's own (the collectives
  // the vote elected) and the City People's Committee's on the city's Chiến sĩ thi đua. The
  // officer types the planned number of the Front's on its rows and in Cấu hình: the dossier
  // lists exactly those rows.
  const decisionColumn = columnPosition(AWARDS_LAYOUT, 'decisionNumber');
  const registerRows = (): { row: number; collective: boolean }[] => {
    const last = host.spreadsheet.sheet(SHEET_NAMES.awards)?.contentExtent().lastRow ?? 1;
    return host.spreadsheet
      .valuesAt(`${quoteSheetName(SHEET_NAMES.awards)}!A2:A${String(Math.max(last, 2))}`)
      .map(([type], i) => ({ row: i + 2, collective: type === 'Tập thể' }))
      .filter((_, i) => i + 2 <= last);
  };
  for (const { row, collective } of registerRows()) {
    if (collective)
      type(
        host.owner,
        SHEET_NAMES.awards,
        row,
        decisionColumn,
        [[FRONT_DECISION[0]]],
        'số quyết định dự kiến của Ủy ban MTTQ Việt Nam thành phố',
      );
  }
  // The nomination meeting's minutes, the submission with its list, the draft decision with its
  // annex (the register rows of that decision) and the notice (invented secretary, ballot
  // counters and numbers; the meeting on the day the vote was held).
  for (const [key, value] of Object.entries({
    ...DEMO_MEETING,
    draftDecisionNumber: FRONT_DECISION[0],
  })) {
    const row = SETTING_ROWS.findIndex((r) => r.key === key) + 2;
    type(host.owner, SHEET_NAMES.settings, row, 2, [[value]], `Cấu hình: ${key}`);
  }
  click(
    'menuCreateDossier',
    'hồ sơ bình xét: biên bản, tờ trình, dự thảo quyết định, thông báo',
    [],
    headEmail,
  );

  // The decisions signed: the officer types number, date and signer on each row (the four
  // columns from Số quyết định to Người ký; numbers and signers invented).
  for (const { row, collective } of registerRows()) {
    type(
      host.owner,
      SHEET_NAMES.awards,
      row,
      decisionColumn,
      [[...(collective ? FRONT_DECISION : CITY_DECISION)]],
      collective
        ? 'quyết định khen thưởng của Ủy ban MTTQ Việt Nam thành phố'
        : 'quyết định công nhận Chiến sĩ thi đua thành phố của Ủy ban nhân dân thành phố',
    );
  }
  // The decision recorded: the register's rows join the history (once, by their Mã hồ sơ).
  click('menuRecordHistory', 'ghi các khen thưởng đã có quyết định vào lịch sử');
  click(
    'menuCheckEligibility',
    'điều kiện khen thưởng của từng đề nghị, theo quy tắc có hiệu lực năm 2022',
  );
  click(
    'menuYearStatistics',
    'thống kê qua các năm: lịch sử và sổ khen thưởng năm 2022, theo cấp khen, kèm biểu đồ',
  );
  click('menuAbout', 'giới thiệu');
  // The year closes: 2023 starts in a new copy of the file, Hoàng Mai heading the cluster and
  // Hoàn Kiếm its deputy (invented rotation); this workbook stays as it is.
  click('menuNewYear', 'năm 2023 trong tệp mới: Hoàng Mai làm cụm trưởng, Hoàn Kiếm cụm phó', [
    { button: 'OK', text: '1' },
    { button: 'OK', text: 'HM; HK' },
  ]);

  mkdirSync(outDir, { recursive: true });
  const workbook = join(outDir, CLUSTER_WORKBOOK_FILE);
  await saveXlsx(host.spreadsheet, workbook);
  // The 2023 workbook: the one spreadsheet of this Drive that is neither this year's nor last's.
  const nextId = [...host.world.spreadsheets.models.keys()].find(
    (id) => id !== host.spreadsheet.id && id !== lastYear.id,
  );
  const next = nextId === undefined ? undefined : host.world.spreadsheets.get(nextId);
  const nextWorkbook = join(outDir, NEXT_YEAR_WORKBOOK_FILE);
  if (next) await saveXlsx(next, nextWorkbook);
  const pledgeFiles = await savePledge(host, outDir, steps);
  const dossierFiles = await saveDossier(host, outDir, steps);
  return {
    title: `Cụm thi đua số 1 - năm 2022 (${host.owner})`,
    host,
    steps,
    workbook,
    files: [workbook, ...(next ? [nextWorkbook] : []), ...pledgeFiles, ...dossierFiles],
  };
}

/**
 * Last year's workbook of the cluster (2020–2021 history), in the same Drive: the officer had
 * typed Lê Thị Lan there without diacritics.
 */
function lastYearWorkbook(host: LocalHost): SpreadsheetModel {
  const model = new SpreadsheetModel({
    owner: host.owner,
    name: `Cụm thi đua số 1 - năm ${String(SAMPLE_SETTINGS.year - 1)}`,
    locale: 'vi_VN',
  });
  const sheet = model.sheets[0];
  if (sheet === undefined) return model;
  sheet.name = SHEET_NAMES.history;
  const earlier = clusterHistory()
    .filter((e) => e.year < SAMPLE_SETTINGS.year)
    .map((e) => (e.name === 'Lê Thị Lan' ? { ...e, name: 'Le Thi Lan' } : e));
  historySheetGrid(earlier).forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== '') sheet.ensure(r + 1, c + 1).v = v;
    });
  });
  sheet.touch();
  host.addSpreadsheet(model);
  return model;
}

/** 1-based first row of a unit's block in Đăng ký thi đua (set-up writes each row's code). */
function registrationBlockStart(host: LocalHost, code: string): number | undefined {
  const sheet = host.spreadsheet.sheet(SHEET_NAMES.registration);
  if (sheet === undefined) return undefined;
  for (let r = 2; r <= sheet.rows.length; r++) if (sheet.cell(r, 1)?.v === code) return r;
  return undefined;
}

/** The pledge Doc the action linked from Cấu hình, saved as .docx and PDF a person can open. */
async function savePledge(host: LocalHost, outDir: string, steps: StepLog[]): Promise<string[]> {
  const pledgeFiles: string[] = [];
  const linkRow = SETTING_ROWS.findIndex((r) => r.key === 'pledgeDocLink') + 2;
  const link = String(host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!B${String(linkRow)}`));
  const pledge = host.documents.get(/\/d\/([A-Za-z0-9_-]+)/.exec(link)?.[1] ?? '');
  if (pledge) {
    const docx = join(outDir, `${PLEDGE_FILE}.docx`);
    const pdf = join(outDir, `${PLEDGE_FILE}.pdf`);
    await saveDocx(pledge, docx);
    const how = savePdf(pledge, pdf);
    pledgeFiles.push(docx, pdf, savePreview(outDir, pdf, 'giao-uoc'));
    steps.push({
      step: 'Lưu bản giao ước',
      detail: `${docx}; ${pdf} (${how === 'libreoffice' ? 'LibreOffice' : 'dựng trong Node'})`,
      runs: [],
    });
  }
  return pledgeFiles;
}

/** Number, date, signer's title and signer of the City Front's decision on the cluster's awards. */
const FRONT_DECISION = [
  '125/QĐ-MTTQ-BTT',
  '30/12/2022',
  'TM. BAN THƯỜNG TRỰC / CHỦ TỊCH',
  'Phạm Minh Đức',
] as const;
/** The City People's Committee's decision on the city's Chiến sĩ thi đua (invented). */
const CITY_DECISION = [
  '5210/QĐ-UBND',
  '28/12/2022',
  'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
  'Trần Văn Nam',
] as const;

/** Cấu hình of the nomination meeting, as the officer types it before «Lập hồ sơ bình xét». */
const DEMO_MEETING: Readonly<Record<string, string>> = {
  meetingDate: '15/12/2022',
  meetingTime: '8 giờ 30',
  meetingPlace: 'Trụ sở Ủy ban MTTQ Việt Nam quận Ba Đình',
  meetingSecretary: 'Trần Văn Thư',
  ballotCounters: 'Lê Thị Kiểm - Trưởng ban\nPhạm Văn Phiếu - Thành viên',
  dossierAddressee: 'Ủy ban MTTQ Việt Nam thành phố Hà Nội',
  minutesNumber: '12/BB-CTĐ1',
  submissionNumber: '13/TTr-CTĐ1',
  noticeNumber: '14/TB-CTĐ1',
  signerTitle: 'Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hà Nội',
  signerName: 'Phạm Minh Đức',
};

/** The dossier's documents under out/ (file name, Cấu hình link row, preview). */
export const DOSSIER_FILES: readonly (readonly [string, DossierKind])[] = [
  ['Bien-ban-hop-binh-xet-2022', 'minutes'],
  ['To-trinh-de-nghi-khen-thuong-2022', 'submission'],
  ['Du-thao-quyet-dinh-khen-thuong-2022', 'draftDecision'],
  ['Thong-bao-ket-qua-binh-xet-2022', 'notice'],
];

/**
 * The four dossier Docs linked from Cấu hình as .docx, PDF and a PNG of the first page. The
 * templates' keep-together signature rows and page numbers from page 2 (DocSpec flags DocumentApp
 * cannot set; a user marks them once in the template) are applied to a copy first.
 */
async function saveDossier(host: LocalHost, outDir: string, steps: StepLog[]): Promise<string[]> {
  const out: string[] = [];
  for (const [file, kind] of DOSSIER_FILES) {
    const key = DOSSIER_DOCUMENTS[kind].linkKey;
    const row = SETTING_ROWS.findIndex((r) => r.key === key) + 2;
    const link = String(host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!B${String(row)}`));
    const made = host.documents.get(/\/d\/([A-Za-z0-9_-]+)/.exec(link)?.[1] ?? '');
    if (!made) continue;
    const doc = documentFromJson(documentToJson(made));
    applyLayoutHints(doc, layoutHints(defaultTemplate(kind).spec));
    const docx = join(outDir, `${file}.docx`);
    const pdf = join(outDir, `${file}.pdf`);
    await saveDocx(doc, docx);
    const how = savePdf(doc, pdf);
    out.push(docx, pdf, savePreview(outDir, pdf, kindSlug(file)));
    steps.push({
      step: `Lưu ${DOSSIER_DOCUMENTS[kind].label.toLowerCase()}`,
      detail: `${docx}; ${pdf} (${how === 'libreoffice' ? 'LibreOffice' : 'dựng trong Node'})`,
      runs: [],
    });
  }
  return out;
}

/**
 * The district's award year in its own workbook: its officer sets it up, types Cấu hình
 * (issuing body, place), pastes the 2022 register (seed 003: 2,505 awards), makes the
 * certificates in combined print files across continuations and the statistics.
 */
async function runDistrictAwards(outDir: string): Promise<WorkbookRun> {
  const host = LocalHost.fromBuild(join(root, 'build', 'Code.js'), {
    // Before the district's meeting of 7 April 2023, where the awards were handed out (seed 003),
    // after the last decision of the register (March 2023).
    runtime: { startTime: new Date('2023-04-03T08:00:00+07:00') },
    spreadsheet: { name: SEED003_WORKBOOK_NAME, owner: SEED003_OFFICER },
  });
  const { steps, record, click, type } = session(host);
  record('Mở bảng tính', `menu "${MENU.title}": ${menuCaptions.join(', ')}`, host.open());
  click('menuSetup', 'tạo các trang theo bố cục chuẩn');
  type(
    host.owner,
    SHEET_NAMES.settings,
    2,
    2,
    settingsColumn(SEED003_SETTINGS),
    `cấu hình của ${SEED003_DISTRICT}: cơ quan ban hành, địa danh`,
  );
  const register = seed003Register();
  const awards = host.spreadsheet.sheet(SHEET_NAMES.awards);
  // Sheets adds rows when a paste runs past the grid's last row.
  if (awards && awards.maxRows < 1 + register.length) awards.maxRows = 1 + register.length;
  type(
    host.owner,
    SHEET_NAMES.awards,
    2,
    1,
    register,
    `sổ khen thưởng năm ${String(SEED003_YEAR)} của ${SEED003_DISTRICT} (${String(register.length)} dòng, số liệu tin số 003)`,
  );
  const modeRow = SETTING_ROWS.findIndex((r) => r.key === 'certificateMode') + 2;
  type(host.owner, SHEET_NAMES.settings, modeRow, 2, [['Gộp']], 'giấy khen gộp thành tệp in');
  // Inside the job the host's PDF conversions (File.getAs) are placeholders: LibreOffice takes
  // seconds per 100-page file and the demo must stay short; the saved files below are real PDFs.
  const soffice = process.env.THIDUA_SOFFICE;
  process.env.THIDUA_SOFFICE = '';
  resetSofficeCache();
  try {
    click(
      'menuCreateCertificates',
      'giấy khen, bằng khen: tệp in 100 trang (PDF trong Drive của máy chủ cục bộ là PDF tạm), làm tiếp bằng trình kích hoạt',
    );
    // Each continuation when it falls due, until the job deletes its trigger (bounded).
    for (let round = 0; round < 100; round++) {
      const next = host.triggers.nextDue(Number.MAX_SAFE_INTEGER);
      if (!next) break;
      const due = host.runDueTriggers(next.dueMs);
      record('Trình kích hoạt theo giờ', 'làm tiếp «Tạo giấy khen / bằng khen»', due);
    }
    click(
      'menuPreprintedCalibration',
      'trang căn chỉnh phôi: lưới 10 mm và dấu "+" tại vị trí từng trường (trang "Vị trí in phôi")',
    );
  } finally {
    if (soffice === undefined) delete process.env.THIDUA_SOFFICE;
    else process.env.THIDUA_SOFFICE = soffice;
    resetSofficeCache();
  }
  click('menuCancelJob', 'không còn tác vụ nào đang chạy: báo lại, không làm gì');
  click(
    'menuAwardStatistics',
    'thống kê theo cấp khen, danh hiệu thi đua và hình thức khen thưởng, đơn vị, năm',
  );
  click(
    'menuYearStatistics',
    `thống kê qua các năm: năm ${String(SEED003_YEAR)} từ sổ khen thưởng (chưa có lịch sử)`,
  );

  mkdirSync(outDir, { recursive: true });
  const workbook = join(outDir, DISTRICT_WORKBOOK_FILE);
  await saveXlsx(host.spreadsheet, workbook);
  const printFiles = await savePrintFiles(host, outDir, steps);
  return {
    title: `${SEED003_WORKBOOK_NAME} (${host.owner})`,
    host,
    steps,
    workbook,
    files: [workbook, ...printFiles],
  };
}

export async function runDemo(outDir = defaultOutDir): Promise<DemoResult> {
  const cluster = await runClusterYear(outDir);
  const district = await runDistrictAwards(outDir);
  const logs = writeRunLog(outDir, [cluster, district]);
  return { cluster, district, files: [...cluster.files, ...district.files, ...logs] };
}

if (require.main === module) {
  runDemo().then(
    ({ cluster, district, files }) => {
      const totals = demoTotals([cluster, district]);
      const failed = totals.failed;
      console.log(
        `demo: 2 workbooks, ${totals.executions} executions, ${totals.calls} service calls, ${(totals.virtualMs / 1000).toFixed(1)} s virtual time`,
      );
      for (const f of failed)
        console.log(`  ${f.workbook}: ${f.functionName}: ${f.status} — ${f.error ?? ''}`);
      for (const file of files) console.log(`wrote ${file}`);
      if (failed.length > 0) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
