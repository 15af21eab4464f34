/**
 * `npm run demo`: the sample cluster's year through the BUILT bundle in the local Apps Script
 * host, as the people of the cluster would do it from the "Thi đua" menu, leaving files a person
 * can open under out/: the workbook (.xlsx) and a run log of every execution with its service
 * calls and virtual time. No network, no Google account.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LocalHost, type RunResult } from '../host';
import { saveXlsx } from '../host/spreadsheet/xlsx';
import { resetSofficeCache, saveDocx, savePdf } from '../host/docs';
import { MIME } from '../host/drive';
import { parseManifest } from '../../src/core/certificates';
import { MENU } from '../../src/gas/menuDefinition';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import { settingCellValue } from '../../src/core/layout/settingsGrid';
import { matrixLayout, locateScoreCell } from '../../src/core/layout/matrix';
import { readUnits } from '../../src/core/readers/units';
import { readCriteria } from '../../src/core/readers/criteria';
import { ClusterSettingsSchema } from '../../src/core/model/settings';
import { quoteSheetName, rangeA1 } from '../../src/core/a1';
import { headerValues } from '../../src/core/layout/columns';
import { AWARDS_LAYOUT, CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../src/core/layout/tables';
import {
  SAMPLE_BAD_ENTRIES,
  SAMPLE_CRITERIA_ROWS,
  SAMPLE_SELF_SCORES,
  SAMPLE_SETTINGS,
  SAMPLE_UNIT_ROWS,
} from '../../sample/cluster1';
import { SEED003_DISTRICT, seed003Register } from '../../sample/seed003Register';

const root = resolve(__dirname, '..', '..');
const defaultOutDir = join(root, 'out');
const WORKBOOK_FILE = 'Cum-thi-dua-so-1.xlsx';
const PLEDGE_FILE = 'Giao-uoc-thi-dua-2022';
/** Where the certificates' print files go, under the demo's outDir. */
export const CERTIFICATES_DIR = 'giay-khen';

interface StepLog {
  step: string;
  detail: string;
  runs: Array<{
    functionName: string;
    status: string;
    calls: number;
    virtualMs: number;
    error?: string;
  }>;
}

const menuCaptions = MENU.items.flatMap((item) => (item === 'separator' ? [] : [item.caption]));
const captionOf = (functionName: string): string => {
  const item = MENU.items.find((i) => i !== 'separator' && i.functionName === functionName);
  if (!item || item === 'separator') throw new Error(`no menu item calls ${functionName}`);
  return item.caption;
};

export interface DemoResult {
  host: LocalHost;
  steps: StepLog[];
  files: string[];
}

/** Print files with PDFs converted by LibreOffice (each takes seconds for 100 pages). */
const PDF_PRINT_FILES = 2;

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
  for (const item of docs) {
    const doc = host.documents.get(item.id);
    if (!doc) continue;
    const base = join(dir, host.drive.nameOf(item).replace(/[\\/:*?"<>|]/g, '-'));
    await saveDocx(doc, `${base}.docx`);
    files.push(`${base}.docx`);
    if (pdfs < PDF_PRINT_FILES) {
      how =
        savePdf(doc, `${base}.pdf`) === 'libreoffice'
          ? 'LibreOffice'
          : 'PDF tạm, chưa cài LibreOffice';
      files.push(`${base}.pdf`);
      pdfs++;
    }
  }
  steps.push({
    step: 'Lưu tệp in giấy khen, bằng khen',
    detail: `${String(docs.length)} tệp .docx trong ${dir}; PDF của ${String(pdfs)} tệp đầu (${how}) — chuyển cả ${String(docs.length)} tệp sang PDF bằng LibreOffice mất nhiều phút`,
    runs: [],
  });
  return files;
}

export async function runDemo(outDir = defaultOutDir): Promise<DemoResult> {
  const host = LocalHost.fromBuild(join(root, 'build', 'Code.js'), {
    // The sample year's meeting: scoring and ranking happen at the end of 2022.
    runtime: { startTime: new Date('2022-12-15T08:00:00+07:00') },
    spreadsheet: {
      name: 'Cụm thi đua số 1 - năm 2022',
      editors: SAMPLE_UNIT_ROWS.map((row) => row[6] ?? '').filter((e) => e !== ''),
    },
  });
  const steps: StepLog[] = [];
  const record = (step: string, detail: string, runs: RunResult[]): void => {
    steps.push({
      step,
      detail,
      runs: runs.map((r) => ({
        functionName: r.execution.functionName,
        status: r.status,
        calls: r.calls,
        virtualMs: r.virtualMs,
        error: r.error,
      })),
    });
  };
  const click = (
    functionName: string,
    detail: string,
    answers: string[] = [],
    user: string = host.owner,
  ): void => {
    for (const answer of answers) host.ui.answer(answer as 'YES');
    record(`Thi đua › ${captionOf(functionName)}`, detail, [
      host.clickMenu(captionOf(functionName), user),
    ]);
  };
  /** The cluster head's e-mail (Đơn vị, role Cụm trưởng): closes scoring. */
  const headEmail = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Cụm trưởng')?.[6] ?? host.owner;
  /** A person typing or pasting a block; simple and installable edit triggers run. */
  const type = (
    user: string,
    sheet: string,
    row: number,
    column: number,
    rows: unknown[][],
    detail: string,
  ): void => {
    const a1 = `${quoteSheetName(sheet)}!${rangeA1(row, column, rows.length, rows[0]?.length ?? 1)}`;
    const outcome = host.edit(user, a1, rows);
    record(
      `${user} nhập ${a1}`,
      outcome.accepted ? detail : `${detail} — bị từ chối: ${outcome.reason ?? ''}`,
      outcome.runs,
    );
  };

  // January: the officer opens the workbook, sets it up, turns the change log on.
  record('Mở bảng tính', `menu "${MENU.title}": ${menuCaptions.join(', ')}`, host.open());
  click('menuSetup', 'tạo các trang theo bố cục chuẩn');
  click('menuEnableAudit', 'ghi nhật ký mọi thay đổi');

  // The registry: settings, units and criteria as the officer types them.
  const settings = ClusterSettingsSchema.parse(SAMPLE_SETTINGS);
  const settingsValues = SETTING_ROWS.map((row) => [settingCellValue(row, settings)]);
  type(host.owner, SHEET_NAMES.settings, 2, 2, settingsValues, 'cấu hình năm 2022 của cụm');
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
  click('menuPrepareBallots', 'phiếu bình xét cho từng thành viên', [], headEmail);
  const votes = host.spreadsheet.sheet(SHEET_NAMES.votes);
  if (votes) {
    const lastRow = votes.contentExtent().lastRow;
    const perVoter = Math.floor((lastRow - 1) / SAMPLE_UNIT_ROWS.length);
    SAMPLE_UNIT_ROWS.forEach((unitRow, i) => {
      const first = 2 + i * perVoter;
      const marks: unknown[][] = [];
      for (let r = first; r < first + perVoter; r++)
        marks.push([(r * 7) % 6 === 0 ? 'Không đồng ý' : 'Đồng ý']);
      if (marks.length > 0)
        type(unitRow[6] ?? '', SHEET_NAMES.votes, first, 3, marks, `phiếu của ${unitRow[0] ?? ''}`);
    });
  }
  click('menuTallyVotes', 'kiểm phiếu và biên bản', [], headEmail);
  // The joint pledge from the default template, as Google Doc and PDF in Drive.
  click('menuCreatePledge', 'bản giao ước thi đua của cụm (Google Docs và PDF)');

  // After the decisions: the register from the ranking's proposals, then the district's whole
  // year below it (seed 003: 2,505 awards), certificates in combined print files, statistics.
  click('menuFillAwardsFromRanking', 'sổ khen thưởng từ các đề nghị của xếp hạng');
  const awards = host.spreadsheet.sheet(SHEET_NAMES.awards);
  const filled = awards ? awards.contentExtent().lastRow : 1;
  if (filled >= 2) {
    // The city signed the decision: the officer types its number, date and signer on those rows
    // (the four columns from Số quyết định to Người ký; the signer's name is invented).
    const decisionColumn = AWARDS_LAYOUT.columns.findIndex((c) => c.key === 'decisionNumber') + 1;
    const signed = Array.from({ length: filled - 1 }, () => [
      '5100/QĐ-UBND',
      '30/12/2022',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      'Nguyễn Văn An',
    ]);
    type(
      host.owner,
      SHEET_NAMES.awards,
      2,
      decisionColumn,
      signed,
      'quyết định khen thưởng của Thành phố',
    );
  }
  const register = seed003Register();
  // Sheets adds rows when a paste runs past the grid's last row.
  if (awards && awards.maxRows < filled + register.length)
    awards.maxRows = filled + register.length;
  type(
    host.owner,
    SHEET_NAMES.awards,
    filled + 1,
    1,
    register,
    `sổ khen thưởng năm 2022 của ${SEED003_DISTRICT} (${String(register.length)} dòng, số liệu tin số 003)`,
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
  click('menuAwardStatistics', 'thống kê theo cấp khen, hình thức, đơn vị, năm');
  click('menuAbout', 'giới thiệu');

  mkdirSync(outDir, { recursive: true });
  const workbookFile = join(outDir, WORKBOOK_FILE);
  await saveXlsx(host.spreadsheet, workbookFile);
  // The pledge Doc the action linked from Cấu hình, saved as .docx and PDF a person can open.
  const pledgeFiles: string[] = [];
  const linkRow = SETTING_ROWS.findIndex((r) => r.key === 'pledgeDocLink') + 2;
  const link = String(host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!B${String(linkRow)}`));
  const pledge = host.documents.get(/\/d\/([A-Za-z0-9_-]+)/.exec(link)?.[1] ?? '');
  if (pledge) {
    const docx = join(outDir, `${PLEDGE_FILE}.docx`);
    const pdf = join(outDir, `${PLEDGE_FILE}.pdf`);
    await saveDocx(pledge, docx);
    const how = savePdf(pledge, pdf);
    pledgeFiles.push(docx, pdf);
    steps.push({
      step: 'Lưu bản giao ước',
      detail: `${docx}; ${pdf} (${how === 'libreoffice' ? 'LibreOffice' : 'PDF tạm, chưa cài LibreOffice'})`,
      runs: [],
    });
  }
  const printFiles = await savePrintFiles(host, outDir, steps);
  const report = host.report();
  const logJson = join(outDir, 'run-log.json');
  const logText = join(outDir, 'run-log.txt');
  writeFileSync(logJson, JSON.stringify({ steps, report }, null, 2));
  writeFileSync(
    logText,
    [
      'thidua demo — Cụm thi đua số 1, năm 2022, in the local Apps Script host',
      '',
      ...steps.map(
        (s) =>
          `${s.step}: ${s.detail}\n${s.runs
            .map(
              (r) =>
                `    ${r.functionName}: ${r.status}, ${r.calls} calls, ${(r.virtualMs / 1000).toFixed(2)} s${r.error ? ` — ${r.error}` : ''}`,
            )
            .join('\n')}`,
      ),
      '',
      host.reportText(),
    ].join('\n'),
  );
  return {
    host,
    steps,
    files: [workbookFile, ...pledgeFiles, ...printFiles, logJson, logText],
  };
}

if (require.main === module) {
  runDemo().then(
    ({ host, files }) => {
      const r = host.report();
      const failed = r.executions.filter((e) => e.status !== 'ok');
      console.log(
        `demo: ${r.executions.length} executions, ${r.totalCalls} service calls, ${(r.virtualMs / 1000).toFixed(1)} s virtual time`,
      );
      for (const f of failed) console.log(`  ${f.functionName}: ${f.status} — ${f.error ?? ''}`);
      for (const file of files) console.log(`wrote ${file}`);
      if (failed.length > 0) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
