/**
 * Benchmark of "Tạo giấy khen / bằng khen" on the seed-003 register (2,505 awards of 2022, of
 * which 2,238 Giấy khen / Bằng khen get a certificate; the other forms have no template and are
 * marked "Bỏ qua"), in the local host with the BUILT bundle, per recipient and combined (100 a
 * print file), beside an Autocrat-style baseline run on the same host.
 *
 * The baseline is not the product: a plain script that, per row, copies the template
 * (DriveApp makeCopy), opens it (DocumentApp.openById), replaceText per field, saveAndClose,
 * getAs PDF and createFile, and — as Autocrat does — writes the row's merge status and remembers
 * the next row (a script property), so that when Apps Script kills it at 6 minutes or a daily
 * quota stops it, its own trigger runs it again from there. The bench re-runs it the way that
 * trigger would: a minute after a kill, the next quota day after a quota error. A kill between a
 * copy and the status write leaves an extra copy behind (counted as "orphans").
 *
 * Figures are counted service calls and the host's virtual clock (local/host/costModel.ts: Drive
 * makeCopy ≈ 4 s and PDF export ≈ 1.5 s are published figures; DocumentApp costs are
 * ASSUMPTIONS), under a consumer account's quotas (250 documents created, 2,000 conversions and
 * 90 minutes of trigger runtime a day). Placeholder PDFs (no LibreOffice) keep real time short;
 * they cost the same on the virtual clock.
 *
 * Run: npx tsx local/bench/certificates.ts   (after `npx tsx local/build.ts`)
 */
process.env.THIDUA_SOFFICE = '';
import { readFileSync } from 'node:fs';
import { LocalHost } from '../host';
import { DAILY_QUOTAS, LIMITS, type Execution } from '../host/runtime';
import { DEFAULT_COST_MODEL, costOf } from '../host/costModel';
import { MIME } from '../host/drive';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { settingsGrid } from '../../src/core/layout/settingsGrid';
import { ClusterSettingsSchema } from '../../src/core/model/settings';
import { quoteSheetName, rangeA1 } from '../../src/core/a1';
import { certificateTemplateKind } from '../../src/core/certificates';
import { SAMPLE_SETTINGS } from '../../sample/cluster1';
import { seed003Register } from '../../sample/seed003Register';
import { BUNDLE } from './ranking';

export interface CertificateBenchRow {
  /** 'per recipient' | 'combined (100 a file)' | 'Autocrat-style baseline' */
  mode: string;
  /** Rows of the register the run was given. */
  rows: number;
  /** Certificates made (rows with status "Đã tạo…", or baseline rows merged). */
  certificates: number;
  /** Service calls of the run's executions per certificate made. */
  callsPerCertificate: number;
  /** Google Docs created (the "documents created" quota unit: Drive copies and DocumentApp.create). */
  documentsCreated: number;
  /** Files converted (getAs PDF: the "files converted" quota unit). */
  filesConverted: number;
  /** Virtual script time of all the run's executions, ms. */
  virtualMs: number;
  executions: number;
  /** Distinct quota days (midnight Pacific) the run needed. */
  days: number;
  /** Most trigger runtime spent on one day, ms (quota: 90 min on a consumer account). */
  maxTriggerMsPerDay: number;
  /** Longest execution, ms (limit 6 min). */
  longestMs: number;
  /** Live output files beyond one Doc + one PDF per output (baseline: copies left by kills). */
  orphans: number;
  /** Where the virtual time went: the methods with the largest share (per-call cost × calls). */
  topMethods: string;
}

const START = new Date('2023-01-20T08:00:00+07:00');
const DAY_MS = 24 * 3600 * 1000;
const PACIFIC_MS = 8 * 3600 * 1000;
const SHEET = SHEET_NAMES.awards;
const COLS = AWARDS_LAYOUT.columns.map((c) => c.key);
const STATUS_COL = COLS.indexOf('status');
const FORM_COL = COLS.indexOf('form');

const dayOf = (ms: number): number => Math.floor((ms - PACIFIC_MS) / DAY_MS);

/** Writes a block host-side as the owner pasting it: no call is counted, no trigger runs. */
function pasteBlock(host: LocalHost, sheet: string, row: number, rows: unknown[][]): void {
  const model = host.spreadsheet;
  const width = Math.max(...rows.map((r) => r.length));
  const target = model.sheet(sheet) ?? model.addSheet(sheet);
  // Sheets adds rows when a paste runs past the last row.
  if (target.maxRows < row + rows.length - 1) target.maxRows = row + rows.length - 1;
  if (target.maxCols < width) target.maxCols = width;
  const a1 = `${quoteSheetName(sheet)}!${rangeA1(row, 1, rows.length, width)}`;
  const result = model.userEdit(
    host.owner,
    a1,
    rows.map((r) => [...r, ...new Array<unknown>(width - r.length).fill('')]),
  );
  if (!result.accepted) throw new Error(`bench paste refused at ${a1}: ${result.reason ?? ''}`);
}

function settingRow(host: LocalHost, label: string): number {
  for (let r = 1; r <= 200; r++)
    if (host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!A${String(r)}`) === label) return r;
  throw new Error(`no setting "${label}"`);
}

function summarise(
  mode: string,
  rows: number,
  certificates: number,
  runs: readonly Execution[],
  output: { documents: number; converted: number; orphans: number },
): CertificateBenchRow {
  let calls = 0;
  let virtualMs = 0;
  let longestMs = 0;
  const days = new Set<number>();
  const triggerMs = new Map<number, number>();
  for (const e of runs) {
    for (const n of e.calls.values()) calls += n;
    const ms = (e.endMs ?? e.startMs) - e.startMs;
    virtualMs += ms;
    longestMs = Math.max(longestMs, ms);
    const day = dayOf(e.startMs);
    days.add(day);
    if (e.kind === 'timeBased') triggerMs.set(day, (triggerMs.get(day) ?? 0) + ms);
  }
  return {
    mode,
    rows,
    certificates,
    callsPerCertificate: certificates > 0 ? Math.round(calls / certificates) : 0,
    documentsCreated: output.documents,
    filesConverted: output.converted,
    virtualMs: Math.round(virtualMs),
    executions: runs.length,
    days: days.size,
    maxTriggerMsPerDay: Math.round(Math.max(0, ...triggerMs.values())),
    longestMs: Math.round(longestMs),
    orphans: output.orphans,
    topMethods: timeByMethod(runs, 3)
      .map(([m, ms]) => `${m} ${String(Math.round((100 * ms) / Math.max(1, virtualMs)))}%`)
      .join(', '),
  };
}

/**
 * What a run left in its output folder, trashed files included: Docs created (the quota unit:
 * a copy that failed on the quota made none), PDFs converted, and live Docs without their PDF
 * (left by a kill between a copy and the status write) or live PDFs beyond one per Doc.
 */
function outputFiles(
  host: LocalHost,
  folderId: string,
): { documents: number; converted: number; orphans: number } {
  const all = host.drive.filesIn(folderId, true);
  const live = host.drive.filesIn(folderId);
  const docs = (files: typeof all): number =>
    files.filter((f) => f.mimeType === MIME.document).length;
  const pdfs = (files: typeof all): number => files.filter((f) => f.mimeType === MIME.pdf).length;
  return {
    documents: docs(all),
    converted: pdfs(all),
    orphans: Math.abs(docs(live) - pdfs(live)),
  };
}

/** Virtual time by method over some executions (cost model figures × calls), largest first. */
export function timeByMethod(runs: readonly Execution[], top = 6): [string, number][] {
  const calls = new Map<string, number>();
  for (const e of runs) for (const [m, n] of e.calls) calls.set(m, (calls.get(m) ?? 0) + n);
  return [...calls]
    .map(([m, n]): [string, number] => [m, n * costOf(DEFAULT_COST_MODEL, m).perCallMs])
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
}

/** The product: set up from the menu, register pasted, certificates made through the job runner. */
function runProduct(
  bundle: string,
  register: (string | number)[][],
  mode: 'Từng người' | 'Gộp',
): CertificateBenchRow {
  const host = new LocalHost({ code: bundle, runtime: { startTime: START } });
  const settings = ClusterSettingsSchema.parse(SAMPLE_SETTINGS);
  pasteBlock(host, SHEET_NAMES.settings, 1, settingsGrid(settings));
  host.open();
  const setup = host.clickMenu('Khởi tạo / cập nhật bảng tính');
  if (setup.status !== 'ok') throw new Error(`menuSetup ${setup.status}: ${setup.error ?? ''}`);
  pasteBlock(host, SHEET, 2, register);
  pasteBlock(host, SHEET_NAMES.settings, settingRow(host, 'Cách tạo giấy khen, bằng khen'), [
    ['Cách tạo giấy khen, bằng khen', mode],
  ]);
  const first = host.rt.executions.length;
  const start = host.clickMenu('Tạo giấy khen / bằng khen');
  if (start.status !== 'ok') throw new Error(`certificates ${start.status}: ${start.error ?? ''}`);
  for (let guard = 0; ; guard++) {
    const due = host.runDueTriggers(host.rt.nowMs + 2 * DAY_MS);
    if (due.length === 0) break;
    if (guard > 500) throw new Error('certificates: still running after 500 continuations');
    const bad = due.find((r) => r.status !== 'ok');
    if (bad) throw new Error(`jobContinue ${bad.status}: ${bad.error ?? ''}`);
  }
  const runs = host.rt.executions.slice(first);
  const statuses = host.spreadsheet.valuesAt(
    `'${SHEET}'!${rangeA1(2, STATUS_COL + 1, register.length, 1)}`,
  );
  const made = statuses.filter((r) => String(r[0]).startsWith('Đã tạo')).length;
  const folderId = String(
    host.spreadsheet.valueAt(
      `'${SHEET_NAMES.settings}'!B${String(settingRow(host, 'Thư mục lưu văn bản'))}`,
    ),
  );
  return summarise(
    mode === 'Gộp' ? 'combined (100 a file)' : 'per recipient',
    register.length,
    made,
    runs,
    outputFiles(host, folderId),
  );
}

/** Autocrat-style merge: not the product (see the file's comment). */
export const AUTOCRAT_SCRIPT = String.raw`
var FIELDS = ['loai', 'ten', 'chuc_vu', 'don_vi', 'hinh_thuc', 'cap', 'thanh_tich', 'so_qd',
  'ngay_qd', 'chuc_vu_nguoi_ky', 'nguoi_ky', 'so_so_vang'];

function makeTemplate() {
  var doc = DocumentApp.create('Mẫu giấy khen (Autocrat)');
  var body = doc.getBody();
  var lines = ['ỦY BAN NHÂN DÂN QUẬN THANH XUÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc', 'TẶNG', '<<hinh_thuc>>', '<<loai>> <<ten>>', '<<chuc_vu>>',
    '<<don_vi>>', '<<thanh_tich>>', 'Cấp khen: <<cap>>',
    'Quyết định số <<so_qd>>, ngày <<ngay_qd>>', 'Số sổ vàng: <<so_so_vang>>',
    '<<chuc_vu_nguoi_ky>>', '<<nguoi_ky>>'];
  for (var i = 0; i < lines.length; i++) body.appendParagraph(lines[i]);
  doc.saveAndClose();
  var folder = DriveApp.getRootFolder().createFolder('Autocrat output');
  var props = PropertiesService.getScriptProperties();
  props.setProperty('template', doc.getId());
  props.setProperty('folder', folder.getId());
}

function autocratMerge() {
  var props = PropertiesService.getScriptProperties();
  var next = Number(props.getProperty('next') || '1');
  var template = DriveApp.getFileById(props.getProperty('template'));
  var folder = DriveApp.getFolderById(props.getProperty('folder'));
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Khen thưởng');
  var rows = sheet.getDataRange().getValues();
  for (var r = next; r < rows.length; r++) {
    var row = rows[r];
    var copy = template.makeCopy('Giấy khen - ' + row[1], folder);
    var doc = DocumentApp.openById(copy.getId());
    var body = doc.getBody();
    for (var f = 0; f < FIELDS.length; f++) {
      body.replaceText('<<' + FIELDS[f] + '>>', String(row[f]));
    }
    doc.saveAndClose();
    folder.createFile(copy.getAs('application/pdf'));
    sheet.getRange(r + 1, 15).setValue('Merged');
    props.setProperty('next', String(r + 1));
  }
}
`;

/**
 * The baseline, re-run as its own trigger would: a minute after a 6-minute kill, and after the
 * next quota reset (midnight Pacific) when a daily quota (documents or trigger time) is spent.
 */
function runBaseline(register: (string | number)[][]): CertificateBenchRow {
  const host = new LocalHost({ code: AUTOCRAT_SCRIPT, runtime: { startTime: START } });
  pasteBlock(host, SHEET, 1, [AWARDS_LAYOUT.columns.map((c) => c.header), ...register]);
  const made = host.run('makeTemplate', { kind: 'manual' });
  if (made.status !== 'ok') throw new Error(`makeTemplate ${made.status}: ${made.error ?? ''}`);
  const first = host.rt.executions.length;
  const nextDay = (): void => {
    host.rt.nowMs = (dayOf(host.rt.nowMs) + 1) * DAY_MS + PACIFIC_MS + 15 * 60_000;
  };
  for (let guard = 0; ; guard++) {
    if (guard > 2000) throw new Error('baseline: no end after 2,000 executions');
    if (host.rt.quotaRemaining('triggerRuntimeMs') <= 0) nextDay();
    const run = host.run('autocratMerge', { kind: 'timeBased' });
    if (run.status === 'ok') break;
    if (run.status === 'killed') host.rt.nowMs += 60_000;
    else if (/for one day/.test(run.error ?? '')) nextDay();
    else throw new Error(`baseline ${run.status}: ${run.error ?? ''}`);
  }
  const runs = host.rt.executions.slice(first);
  const merged = host.spreadsheet
    .valuesAt(`'${SHEET}'!${rangeA1(2, STATUS_COL + 1, register.length, 1)}`)
    .filter((r) => r[0] === 'Merged').length;
  const folderId = host.properties.script.get('folder') ?? '';
  return summarise('Autocrat-style baseline', register.length, merged, runs, {
    ...outputFiles(host, folderId),
  });
}

export function benchCertificates(options: { bundlePath?: string } = {}): CertificateBenchRow[] {
  const bundle = readFileSync(options.bundlePath ?? BUNDLE, 'utf8');
  const register = seed003Register();
  // The baseline merges every row it is given: give it the certificate rows only.
  const certificateRows = register.filter(
    (r) => certificateTemplateKind(String(r[FORM_COL])) !== null,
  );
  return [
    runBaseline(certificateRows),
    runProduct(bundle, register, 'Từng người'),
    runProduct(bundle, register, 'Gộp'),
  ];
}

/** How the combined mode compares with the baseline, for the goal of issue 6. */
export function certificateGoals(rows: readonly CertificateBenchRow[]): string[] {
  const base = rows.find((r) => r.mode.startsWith('Autocrat'));
  const combined = rows.find((r) => r.mode.startsWith('combined'));
  if (!base || !combined) return [];
  const quota = DAILY_QUOTAS.consumer;
  const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(1) : '∞');
  return [
    `combined vs baseline: ${ratio(base.documentsCreated, combined.documentsCreated)} × fewer documents created, ${ratio(base.virtualMs, combined.virtualMs)} × less script time (goal ≥ 10 ×)`,
    `combined mode: ${String(combined.days)} day(s), ${String(combined.documentsCreated)} documents (quota ${String(quota.documentsCreated)}), ${String(combined.filesConverted)} conversions (quota ${String(quota.filesConverted)}), ${(combined.maxTriggerMsPerDay / 60_000).toFixed(0)} min of trigger time on its busiest day (quota ${String(quota.triggerRuntimeMs / 60_000)}), longest execution ${(combined.longestMs / 1000).toFixed(0)} s (limit ${String(LIMITS.executionMs / 1000)})`,
  ];
}

// Run directly: print the rows.
if (/bench[\\/]certificates\.ts$/.test(process.argv[1] ?? '')) {
  const t0 = performance.now();
  const rows = benchCertificates();
  console.table(rows);
  for (const line of certificateGoals(rows)) console.log(line);
  console.log(`real time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
