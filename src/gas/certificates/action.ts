/**
 * "Tạo giấy khen / bằng khen": certificates for the selected rows of Khen thưởng (or all rows not
 * yet made), one Doc + PDF per recipient or combined print files, as Cấu hình says, through the
 * job runner (src/gas/jobs/runner.ts) so thousands of rows finish across the 6-minute limit and
 * the daily quotas.
 *
 * Start (menu, under the lock): check everything first — Cấu hình, the output folder, each
 * template parses and passes the dry run against every chosen row. A broken template or setting
 * stops the run with one alert and nothing is created. Rows with a problem of their own (invalid
 * e-mail, a required field missing, a form without a template) are marked "Lỗi"/"Bỏ qua" with the
 * message naming the cell; the others are marked "Đang chờ" and get their Mã hồ sơ — one write.
 * Then the runner makes them chunk by chunk; every file carries the deterministic key
 * thidua-<job>-<Mã hồ sơ> (or -<first row's key> for a print file) in its name and a manifest in
 * its description, so outputs of a killed execution are adopted instead of made twice.
 */
import { errorMessage, toast } from '../notify';
import { readAwards, type AwardRow, type InvalidAwardRow } from '../../core/awards/readAwards';
import {
  CERTIFICATE_JOB_KIND,
  CERTIFICATE_REQUIREMENTS,
  CERTIFICATE_SCHEMA,
  CERTIFICATE_STATUS,
  DEFAULT_PER_FILE,
  MAIL_QUOTA_NOTE,
  certificateRecord,
  certificateTemplateKind,
  templateForForm,
  chooseScope,
  combinedStatus,
  emailText,
  isMailQueuedStatus,
  isQueuedStatus,
  mailTargets,
  mailedNote,
  manifestText,
  parseManifest,
  printFileName,
  printGroups,
  recipientFileName,
  targetRows,
  type CertificateMode,
  issuerDefaults,
  levelIssuerSettingKey,
  resolveIssuer,
  type IssuerDefaults,
  type OutputManifest,
  type SelectedRange,
} from '../../core/certificates';
import { defaultFolderName, driveIdOf } from '../../core/documents/pledgeData';
import { DEFAULT_TEMPLATES, type TemplateKind } from '../../core/documents/defaultTemplates';
import { settingTexts } from '../../core/documents/settingsWrite';
import { keyQuery, keyedName, nameHasKey, outputKey, type JobRecord } from '../../core/jobs';
import { AWARDS_LAYOUT, type AwardColumnKey } from '../../core/layout/tables';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { SETTING_ROWS } from '../../core/layout/settings';
import {
  dryRun,
  parseDocShape,
  planMerge,
  type AnyTemplate,
  type DocTemplate,
} from '../../core/template';
import { columnLetter } from '../../core/a1';
import { applyMergePlanById, readDocShape } from '../docs/merge';
import {
  ensureTemplatesIn,
  fileStateProblem,
  createOutputFolder,
  inspectFolder,
  workbookFolder,
  writeSettings,
} from '../docs/templates';
import { activeWorkbook, readGrid, readGrids, writeBlock } from '../workbook';
import { startJob, type Began } from '../jobs/start';
import {
  progressText,
  type ItemOutcome,
  type ItemResult,
  type JobHandler,
  type Prepared,
} from '../jobs/runner';
import { buildPrintFile, EDITS_PER_SAVE } from './combined';
import { requirePermission } from '../permissions';
import { makePreprintedFile, preprintedGrid } from './preprinted';
import {
  printsOnPreprinted,
  readPreprintedSetup,
  type PreprintedSetup,
} from '../../core/certificates/preprintedSetup';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

export const CERTIFICATES_CAPTION = 'Tạo giấy khen / bằng khen';
const PDF = 'application/pdf';
const SHEET = SHEET_NAMES.awards;
/** Where the progress line goes: the header row, two columns right of the register. */
const PROGRESS_COLUMN = AWARDS_LAYOUT.columns.length + 2;

type LoadedTemplate = { readonly id: string; readonly file: File; readonly template: DocTemplate };

type Ctx = {
  readonly sheet: Sheet;
  readonly grid: unknown[][];
  readonly positions: ReadonlyMap<AwardColumnKey, number>;
  readonly folder: Folder;
  readonly mode: CertificateMode;
  readonly email: boolean;
  readonly issuer: IssuerDefaults;
  readonly year: number;
  readonly templates: Map<TemplateKind, LoadedTemplate>;
  /** In trên phôi: the positions read when the job (re)starts; null for the full template. */
  preprinted: PreprintedSetup | null;
};

export type CertItem = {
  readonly outputKey: string;
  readonly weight: number;
  readonly kind: TemplateKind;
  readonly rows: readonly AwardRow[];
  /** The certificate exists (its PDF is the row's link): only its e-mail is sent. */
  readonly mailOnly?: boolean;
  /** Said on the rows once made (why their print file is smaller than Cấu hình says). */
  readonly note?: string;
};

type RowUpdate = { status: string; link: string; error: string; key?: string };

// ------------------------------------------------------------------ sheet writes

const WRITTEN: readonly AwardColumnKey[] = ['status', 'link', 'error', 'key'];

/** Writes status/link/error (and key) of the rows in `updates`: one write when the columns are together. */
function writeRows(
  sheet: Sheet,
  grid: unknown[][],
  positions: ReadonlyMap<AwardColumnKey, number>,
  updates: ReadonlyMap<number, RowUpdate>,
): void {
  if (updates.size === 0) return;
  const rows = [...updates.keys()];
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const cols = WRITTEN.map((k) => positions.get(k) ?? -1);
  if (cols.some((c) => c < 1))
    throw new Error(`trang "${SHEET}" thiếu cột Trạng thái, Liên kết, Lỗi hoặc Mã hồ sơ.`);
  const value = (row: number, key: AwardColumnKey): unknown => {
    const update = updates.get(row);
    const c = positions.get(key) ?? 1;
    if (update !== undefined) {
      if (key === 'status') return update.status;
      if (key === 'link') return update.link;
      if (key === 'error') return update.error;
      if (key === 'key' && update.key !== undefined) return update.key;
    }
    return grid[row - 1]?.[c - 1] ?? '';
  };
  const lo = Math.min(...cols);
  const hi = Math.max(...cols);
  const together = hi - lo === WRITTEN.length - 1;
  const blockFor = (keys: readonly AwardColumnKey[]): unknown[][] => {
    const out: unknown[][] = [];
    for (let r = first; r <= last; r++) out.push(keys.map((k) => value(r, k)));
    return out;
  };
  if (together) {
    const ordered = [...WRITTEN].sort((a, b) => (positions.get(a) ?? 0) - (positions.get(b) ?? 0));
    const block = blockFor(ordered);
    writeBlock(sheet, first, lo, block);
    remember(grid, first, lo, block);
  } else {
    for (const key of WRITTEN) {
      const block = blockFor([key]);
      const c = positions.get(key) ?? 1;
      writeBlock(sheet, first, c, block);
      remember(grid, first, c, block);
    }
  }
}

/** Keeps the in-memory grid in step with what was written (later blocks reuse it). */
function remember(grid: unknown[][], row: number, column: number, block: unknown[][]): void {
  block.forEach((values, i) => {
    const r = row - 1 + i;
    while (grid.length <= r) grid.push([]);
    const line = grid[r] ?? [];
    values.forEach((v, j) => {
      line[column - 1 + j] = v;
    });
    grid[r] = line;
  });
}

function writeProgress(sheet: Sheet, text: string): void {
  sheet.getRange(AWARDS_LAYOUT.headerRow, PROGRESS_COLUMN).setValue(text);
}

// ------------------------------------------------------------------ settings and templates

function cellOf(
  positions: ReadonlyMap<AwardColumnKey, number>,
  key: AwardColumnKey,
  row: number,
): string {
  return `${columnLetter(positions.get(key) ?? 1)}${String(row)}`;
}

/** Dry-run field → register column, to name the cell of a missing value. */
const FIELD_COLUMNS: Readonly<Record<string, AwardColumnKey>> = {
  co_quan: 'issuingBody',
  noi: 'place',
  danh_xung: 'salutation',
  ten: 'name',
  chuc_vu: 'position',
  don_vi: 'unit',
  hinh_thuc: 'form',
  thanh_tich: 'achievement',
  so_qd: 'decisionNumber',
  ngay_qd: 'decisionDate',
  ngay_ky: 'decisionDate',
  so_so_vang: 'registerNumber',
  chuc_vu_nguoi_ky: 'signerTitle',
  nguoi_ky: 'signerName',
};

function loadTemplate(
  id: string,
  label: string,
): { ok: true; value: LoadedTemplate } | { ok: false; problems: string[] } {
  const file = DriveApp.getFileById(id);
  const shape = readDocShape(DocumentApp.openById(id).getBody());
  const parsed = parseDocShape(shape, label);
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map((e) => e.message) };
  return { ok: true, value: { id, file, template: parsed.template } };
}

/** Where a blank issuer, place or signer would have been inherited from (issuer.ts). */
function inheritedFrom(field: string, row: AwardRow, defaults: IssuerDefaults): string {
  const keys: Readonly<Record<string, string>> = {
    co_quan: levelIssuerSettingKey(row.level, defaults.ownLevel, 'issuer'),
    noi: levelIssuerSettingKey(row.level, defaults.ownLevel, 'place'),
    chuc_vu_nguoi_ky: 'signerTitle',
    nguoi_ky: 'signerName',
  };
  const label = SETTING_ROWS.find((r) => r.key === keys[field])?.label;
  return label === undefined
    ? ''
    : `; hãy nhập vào ô này hoặc dòng «${label}» của trang "${SHEET_NAMES.settings}"`;
}

function modeOf(text: string): CertificateMode {
  return text.trim().toLowerCase() === 'gộp' ? 'combined' : 'perRecipient';
}

function selectionOf(workbook: GoogleAppsScript.Spreadsheet.Spreadsheet): SelectedRange {
  const range = workbook.getActiveRange();
  if (range === null || range.getSheet().getName() !== SHEET) return null;
  const from = Math.max(range.getRow(), AWARDS_LAYOUT.firstDataRow);
  const to = range.getLastRow();
  const cells = range.getNumRows() * range.getNumColumns();
  return to < from ? null : { fromRow: from, toRow: to, cells };
}

function listMessage(lines: readonly string[]): string {
  const shown = lines.slice(0, 15);
  const more =
    lines.length > shown.length ? `\n… và ${String(lines.length - shown.length)} vấn đề khác.` : '';
  return `«${CERTIFICATES_CAPTION}» chưa tạo gì vì:\n- ${shown.join('\n- ')}${more}`;
}

/** Checks and queues the rows (menu start, under the lock). */
function begin(): Began {
  const workbook = activeWorkbook();
  const grids = readGrids(workbook, [SHEET_NAMES.settings, SHEET]);
  const settingsGrid = grids[SHEET_NAMES.settings];
  const grid = grids[SHEET];
  const settingsSheet = workbook.getSheetByName(SHEET_NAMES.settings);
  const sheet = workbook.getSheetByName(SHEET);
  if (settingsGrid === undefined || settingsSheet === null) {
    return {
      ok: false,
      message: `Chưa có trang "${SHEET_NAMES.settings}". Hãy chạy «Khởi tạo / cập nhật bảng tính» trước.`,
    };
  }
  if (grid === undefined || sheet === null) {
    return {
      ok: false,
      message: `Chưa có trang "${SHEET}". Hãy chạy «Khởi tạo / cập nhật bảng tính» rồi nhập sổ khen thưởng.`,
    };
  }
  const texts = settingTexts(settingsGrid);
  const year = Number.parseInt(texts.get('year') ?? '', 10);
  const readout = readAwards(grid, Number.isFinite(year) ? { defaultYear: year } : {});
  const emailOn = (texts.get('certificateEmail') ?? '').trim().toLowerCase() === 'có';
  const mode = modeOf(texts.get('certificateMode') ?? '');
  const scope = chooseScope(readout.value, readout.invalid, selectionOf(workbook), {
    email: emailOn && mode === 'perRecipient',
    sheet: SHEET,
    caption: CERTIFICATES_CAPTION,
  });
  const selection = scope.selection;
  const targets = targetRows(readout.value, readout.invalid, selection);
  const mailOnly = emailOn && mode === 'perRecipient' ? mailTargets(readout.value, selection) : [];
  if (targets.rows.length === 0 && targets.invalid.length === 0 && mailOnly.length === 0) {
    return {
      ok: false,
      message: `Trang "${SHEET}" không có dòng nào cần tạo giấy khen / bằng khen (các dòng "Đã tạo" không tạo lại).`,
    };
  }
  const issuer = issuerDefaults(texts);
  const settingCell = (key: string): string =>
    `Trang "${SHEET_NAMES.settings}", dòng "${DEFAULT_TEMPLATES.find((t) => t.settingKey === key)?.label ?? key}"`;
  const problems: string[] = [];

  const updates = new Map<number, RowUpdate>();
  const mark = (row: number, status: string, error: string, key?: string): void => {
    updates.set(row, { status, link: '', error, ...(key === undefined ? {} : { key }) });
  };
  for (const bad of targets.invalid)
    mark(bad.row, CERTIFICATE_STATUS.error, bad.messages.join(' '));
  const byKind = new Map<TemplateKind, AwardRow[]>();
  for (const row of targets.rows) {
    const choice = templateForForm(row.form);
    const key = row.keyStored ? undefined : row.key;
    if (!choice.ok) {
      mark(row.row, CERTIFICATE_STATUS.skipped, choice.reason, key);
      continue;
    }
    const kind = choice.kind;
    const list = byKind.get(kind) ?? [];
    list.push(row);
    byKind.set(kind, list);
  }

  // Templates: blank cells get the defaults (made and recorded once); a recorded template that
  // is gone is reported, never silently replaced; then parse and dry-run.
  // In trên phôi: the fields of Vị trí in phôi are the template; no Docs template is needed.
  const phoi = printsOnPreprinted(texts)
    ? readPreprintedSetup(preprintedGrid(workbook), texts, byKind.keys())
    : null;
  const report =
    phoi === null
      ? ensureTemplatesIn(workbook, settingsSheet, settingsGrid, [...byKind.keys()], {
          recreateMissing: false,
        })
      : { problems: phoi.problems, ids: {} as Partial<Record<TemplateKind, string>> };
  problems.push(...report.problems);
  const templateIds: Partial<Record<TemplateKind, string>> = {};
  for (const [kind, rows] of byKind) {
    const id = report.ids[kind];
    const spec = DEFAULT_TEMPLATES.find((t) => t.kind === kind);
    let template: AnyTemplate;
    if (phoi !== null) {
      const fields = phoi.templates.get(kind);
      if (fields === undefined || spec === undefined) continue;
      template = fields;
    } else {
      if (id === undefined || spec === undefined) {
        problems.push(`${settingCell(spec?.settingKey ?? kind)}: không mở được mẫu.`);
        continue;
      }
      templateIds[kind] = id;
      const loaded = loadTemplate(id, spec.label);
      if (!loaded.ok) {
        problems.push(...loaded.problems);
        continue;
      }
      template = loaded.value.template;
    }
    const records = rows.map((r) => certificateRecord(r, issuer));
    const dry = dryRun(template, records, CERTIFICATE_SCHEMA, {
      recordLabel: (i) => `Trang "${SHEET}", dòng ${String(rows[i]?.row ?? 0)}`,
      mustUse: CERTIFICATE_REQUIREMENTS,
    });
    const rowErrors = new Map<number, string[]>();
    for (const p of dry.problems.filter((q) => q.severity === 'error')) {
      const column = FIELD_COLUMNS[p.path];
      if (p.records.length === 0 || column === undefined) {
        problems.push(p.message);
        continue;
      }
      for (const i of p.records) {
        const row = rows[i];
        if (row === undefined) continue;
        const list = rowErrors.get(row.row) ?? [];
        list.push(
          `Trang "${SHEET}", ${readout.positions.has(column) ? `ô ${cellOf(readout.positions, column, row.row)}` : `dòng ${String(row.row)} (chưa có cột này)`}: thiếu ${CERTIFICATE_SCHEMA[p.path]?.label ?? p.path} (trường ${p.tag} của ${spec.label})${inheritedFrom(p.path, row, issuer)}.`,
        );
        rowErrors.set(row.row, list);
      }
    }
    for (const row of rows) {
      const errors = rowErrors.get(row.row);
      const key = row.keyStored ? undefined : row.key;
      if (errors !== undefined) mark(row.row, CERTIFICATE_STATUS.error, errors.join(' '), key);
      else mark(row.row, CERTIFICATE_STATUS.queued, '', key);
    }
  }

  // The output folder: the recorded one, or "Văn bản thi đua <năm>" next to the workbook.
  const folderState = inspectFolder(texts.get('documentsFolder') ?? '');
  const folderProblem = fileStateProblem(
    folderState,
    'thư mục lưu văn bản',
    `Trang "${SHEET_NAMES.settings}", dòng "Thư mục lưu văn bản"`,
  );
  if (folderProblem !== '') problems.push(folderProblem);
  if (problems.length > 0) return { ok: false, message: listMessage(problems) };
  let folder: Folder;
  if (folderState.state === 'ok') folder = folderState.item;
  else {
    const home = workbookFolder(workbook);
    const name = defaultFolderName(Number.isFinite(year) ? year : new Date().getFullYear());
    const existing = home.getFoldersByName(name);
    folder = existing.hasNext() ? existing.next() : createOutputFolder(workbook, home, name);
    writeSettings(
      settingsSheet,
      readGrid(settingsSheet),
      new Map([['documentsFolder', folder.getId()]]),
    );
  }

  // Certificates made earlier whose e-mail the day's quota held back: only the e-mail is queued.
  for (const row of mailOnly) {
    updates.set(row.row, { status: CERTIFICATE_STATUS.mailQueued, link: row.link, error: '' });
  }
  writeRows(sheet, grid as unknown[][], readout.positions, updates);
  const queued = [...updates.values()].filter(
    (u) => u.status === CERTIFICATE_STATUS.queued || u.status === CERTIFICATE_STATUS.mailQueued,
  ).length;
  if (queued === 0) {
    return {
      ok: false,
      message: `Không có dòng nào tạo được: các dòng đã được đánh dấu "Lỗi" hoặc "Bỏ qua" ở trang "${SHEET}", cột Lỗi ghi lý do.`,
    };
  }
  const perFile = Number.parseInt(texts.get('certificatesPerFile') ?? '', 10);
  const params: Record<string, string> = {
    mode,
    perFile: String(
      Number.isFinite(perFile) && perFile > 0 ? Math.min(perFile, 500) : DEFAULT_PER_FILE,
    ),
    // Only the fields print on phôi: such a PDF is no certificate to e-mail.
    email: emailOn && phoi === null ? '1' : '',
    folder: folder.getId(),
    year: String(Number.isFinite(year) ? year : ''),
    ...(phoi === null ? {} : { print: 'preprinted' }),
  };
  for (const [kind, id] of Object.entries(templateIds)) params[kind] = id;
  if (params.mode === 'combined' && params.email === '1') {
    toast(
      'Cách "Gộp" tạo tệp in nhiều giấy nên không gửi thư cho từng người. Muốn gửi giấy khen qua ' +
        `thư điện tử, chọn cách "Từng người" ở trang "${SHEET_NAMES.settings}".`,
      10,
    );
  }
  const marked = [...updates.values()];
  return {
    ok: true,
    params,
    total: queued,
    failed: marked.filter((u) => u.status === CERTIFICATE_STATUS.error).length,
    skipped: marked.filter((u) => u.status === CERTIFICATE_STATUS.skipped).length,
    ...(scope.notice === '' ? {} : { notice: scope.notice }),
  };
}

// ------------------------------------------------------------------ the handler

/** The human part of an output name (before its key). */
function fileLabel(name: string): string {
  const at = name.indexOf(' thidua-');
  return at < 0 ? name : name.slice(0, at);
}

function filesWithKey(folder: Folder, key: string): File[] {
  const out: File[] = [];
  const files = folder.searchFiles(keyQuery(key));
  while (files.hasNext()) {
    const f = files.next();
    if (nameHasKey(f.getName(), key)) out.push(f);
  }
  return out;
}

/** Looks up a key left in flight: adopts a finished PDF, trashes a half-made Doc. */
function heal(
  ctx: Ctx,
  key: string,
  rowsByKey: ReadonlyMap<string, AwardRow>,
  updates: Map<number, RowUpdate>,
): void {
  const files = filesWithKey(ctx.folder, key);
  const pdf = files.find((f) => f.getMimeType() === PDF);
  if (pdf === undefined) {
    for (const f of files) f.setTrashed(true);
    return;
  }
  let manifest = parseManifest(pdf.getDescription());
  if (manifest === null) {
    // Killed right after the PDF was made, before its description: the Doc, described right
    // after its copy and finished before the PDF was made from it, carries the same manifest.
    for (const f of files) {
      if (manifest === null && f.getMimeType() !== PDF)
        manifest = parseManifest(f.getDescription());
    }
    if (manifest === null) {
      for (const f of files) f.setTrashed(true);
      return;
    }
    pdf.setDescription(manifestText(manifest));
  }
  const combined = manifest.rows.length > 1 || ctx.mode === 'combined';
  manifest.rows.forEach((rowKey, i) => {
    const row = rowsByKey.get(rowKey);
    if (row === undefined || !isQueuedStatus(row.status)) return;
    // Killed before its e-mail went: the adopted certificate still gets it (queued by prepare);
    // one the PDF says was mailed is not mailed again.
    const mailed = manifest.mailed;
    const mail = !combined && ctx.email && row.email !== '' && mailed === undefined;
    updates.set(row.row, {
      status: combined
        ? combinedStatus(i + 1, fileLabel(pdf.getName()))
        : mail
          ? CERTIFICATE_STATUS.mailQueued
          : CERTIFICATE_STATUS.done,
      link: pdf.getUrl(),
      error: mailed ?? '',
    });
  });
}

function prepare(job: JobRecord): Prepared<Ctx, CertItem> {
  const workbook = activeWorkbook();
  const sheet = workbook.getSheetByName(SHEET);
  if (sheet === null) return { ok: false, message: `không thấy trang "${SHEET}".` };
  const grid = readGrid(sheet);
  const year = Number.parseInt(job.params.year ?? '', 10);
  const readout = readAwards(grid, Number.isFinite(year) ? { defaultYear: year } : {});
  let folder: Folder;
  try {
    folder = DriveApp.getFolderById(job.params.folder ?? '');
  } catch {
    return { ok: false, message: 'không mở được thư mục lưu văn bản.' };
  }
  const settingsSheet = workbook.getSheetByName(SHEET_NAMES.settings);
  const texts =
    settingsSheet === null ? new Map<string, string>() : settingTexts(readGrid(settingsSheet));
  const ctx: Ctx = {
    sheet,
    grid,
    positions: readout.positions,
    folder,
    mode: job.params.mode === 'combined' ? 'combined' : 'perRecipient',
    email: job.params.email === '1',
    issuer: issuerDefaults(texts),
    year: Number.isFinite(year) ? year : 0,
    templates: new Map(),
    preprinted: null,
  };
  const rows = readout.value;
  const rowsByKey = new Map(rows.map((r) => [r.key, r]));
  const updates = new Map<number, RowUpdate>();
  for (const key of job.inflight) heal(ctx, key, rowsByKey, updates);
  // Rows queued but broken since (edited during the job) are explained, not left waiting.
  const brokenQueued: InvalidAwardRow[] = readout.invalid.filter((r) => isQueuedStatus(r.status));
  for (const bad of brokenQueued)
    updates.set(bad.row, {
      status: CERTIFICATE_STATUS.error,
      link: '',
      error: bad.messages.join(' '),
    });
  const healed = [...updates.values()].filter((u) =>
    u.status.startsWith(CERTIFICATE_STATUS.done),
  ).length;
  writeRows(sheet, grid, readout.positions, updates);

  const queued = rows.filter((r) => isQueuedStatus(r.status) && !updates.has(r.row));
  const withKind: { row: AwardRow; kind: TemplateKind }[] = [];
  for (const row of queued) {
    const kind = certificateTemplateKind(row.form);
    if (kind !== null) withKind.push({ row, kind });
  }
  if (job.params.print === 'preprinted') {
    // Positions edited since the start are used if they are sound; broken ones stop the job.
    const setup = readPreprintedSetup(
      preprintedGrid(workbook),
      texts,
      new Set(withKind.map((w) => w.kind)),
    );
    if (setup.problems.length > 0) return { ok: false, message: setup.problems.join(' ') };
    ctx.preprinted = setup;
  }
  for (const kind of ctx.preprinted === null ? new Set(withKind.map((w) => w.kind)) : []) {
    const id = job.params[kind] ?? '';
    const spec = DEFAULT_TEMPLATES.find((t) => t.kind === kind);
    const loaded = loadTemplate(id, spec?.label ?? kind);
    if (!loaded.ok) return { ok: false, message: loaded.problems.join(' ') };
    ctx.templates.set(kind, loaded.value);
  }
  let items: CertItem[];
  if (ctx.mode === 'combined') {
    items = groupItems(withKind, job);
  } else {
    items = withKind.map((w) => ({
      outputKey: outputKey(job.id, w.row.key),
      weight: 1,
      kind: w.kind,
      rows: [w.row],
    }));
  }
  if (ctx.email && ctx.mode === 'perRecipient') {
    for (const row of rows) {
      const update = updates.get(row.row);
      const status = update?.status ?? row.status;
      if (!isMailQueuedStatus(status)) continue;
      items.push({
        outputKey: outputKey(job.id, `${row.key}-thu`),
        weight: 1,
        kind: certificateTemplateKind(row.form) ?? 'meritCertificate',
        rows: [update === undefined ? row : { ...row, link: update.link }],
        mailOnly: true,
      });
    }
  }
  return {
    ok: true,
    ctx,
    items,
    healed: { done: healed, failed: brokenQueued.length, skipped: 0 },
  };
}

/** Print files of consecutive rows, at most Cấu hình's count a file (less once the job split one). */
function groupItems(
  withKind: readonly { readonly row: AwardRow; readonly kind: TemplateKind }[],
  job: JobRecord,
): CertItem[] {
  const configured = Number.parseInt(job.params.perFile ?? '', 10) || DEFAULT_PER_FILE;
  const capped = job.maxWeight > 0 && job.maxWeight < configured;
  const perFile = capped ? job.maxWeight : configured;
  return printGroups(withKind, perFile).map((group) => {
    const first = group[0];
    return {
      outputKey: outputKey(job.id, first?.row.key ?? 'x'),
      weight: group.length,
      kind: first?.kind ?? 'meritCertificate',
      rows: group.map((g) => g.row),
      ...(capped && job.notice !== '' ? { note: job.notice } : {}),
    };
  });
}

/** The pending print files regrouped at most `maxWeight` a file (the runner split one). */
function splitItems(
  items: readonly CertItem[],
  maxWeight: number,
  ctx: Ctx,
  job: JobRecord,
): CertItem[] {
  if (ctx.mode !== 'combined') return [...items];
  const rows = items
    .filter((i) => i.mailOnly !== true)
    .flatMap((i) => i.rows.map((row) => ({ row, kind: i.kind })));
  return [...groupItems(rows, { ...job, maxWeight }), ...items.filter((i) => i.mailOnly === true)];
}

/** Sends the certificate's PDF to the row's address within today's quota; the row's note. */
function mailCertificate(row: AwardRow, blob: GoogleAppsScript.Base.Blob, ctx: Ctx): string {
  if (!ctx.email || row.email === '') return '';
  try {
    if (MailApp.getRemainingDailyQuota() < 1) return MAIL_QUOTA_NOTE;
    const text = emailText(row, resolveIssuer(row, ctx.issuer).issuingBody);
    MailApp.sendEmail(row.email, text.subject, text.body, {
      attachments: [blob],
      name: resolveIssuer(row, ctx.issuer).issuingBody || 'Thi đua',
    });
    return mailedNote(row.email);
  } catch (error) {
    // The certificate exists: a mail failure is noted, never a reason to make it again.
    return `Không gửi được thư: ${errorMessage(error)}`;
  }
}

/** Records on the PDF that it was e-mailed, so no recovery mails it again. */
function markMailed(pdf: File, manifest: OutputManifest, note: string, email: string): void {
  if (note !== mailedNote(email)) return;
  try {
    pdf.setDescription(manifestText({ ...manifest, mailed: note }));
  } catch {
    // The mail went; at worst a recovery in the next seconds mails it once more.
  }
}

/** A certificate made earlier: its PDF (the row's link) is e-mailed, nothing is made. */
function mailOne(row: AwardRow, ctx: Ctx): ItemOutcome {
  const id = driveIdOf(row.link);
  if (id === null || id === '') {
    return {
      kind: 'done',
      link: row.link,
      note: 'Không gửi được thư: liên kết không phải tệp Drive.',
    };
  }
  const pdf = DriveApp.getFileById(id);
  const manifest = parseManifest(pdf.getDescription());
  if (manifest?.mailed !== undefined)
    return { kind: 'done', link: row.link, note: manifest.mailed };
  const note = mailCertificate(row, pdf.getBlob(), ctx);
  if (manifest !== null) markMailed(pdf, manifest, note, row.email);
  return { kind: 'done', link: row.link, note };
}

function processOne(item: CertItem, ctx: Ctx): ItemOutcome {
  const row = item.rows[0];
  if (item.mailOnly === true && row !== undefined) return mailOne(row, ctx);
  if (ctx.preprinted !== null) return processPreprinted(item, ctx, ctx.preprinted);
  const t = ctx.templates.get(item.kind);
  if (row === undefined || t === undefined) return { kind: 'failed', message: 'Không có mẫu.' };
  const record = certificateRecord(row, ctx.issuer);
  const plan = planMerge(t.template, record);
  const name = keyedName(recipientFileName(row), item.outputKey);
  const description = manifestText({ key: item.outputKey, rows: [row.key] });
  const created: File[] = [];
  let pdf: File;
  let blob: GoogleAppsScript.Base.Blob;
  try {
    const copy = t.file.makeCopy(name, ctx.folder);
    created.push(copy);
    copy.setDescription(description);
    applyMergePlanById(copy.getId(), plan, EDITS_PER_SAVE);
    blob = copy.getAs(PDF);
    blob.setName(`${name}.pdf`);
    pdf = ctx.folder.createFile(blob);
    created.push(pdf);
    pdf.setDescription(description);
  } catch (error) {
    // Nothing half-made stays: a retry starts clean (the key lookup covers a kill here).
    for (const f of created) {
      try {
        f.setTrashed(true);
      } catch {
        // Left for the key lookup.
      }
    }
    throw error;
  }
  const note = mailCertificate(row, blob, ctx);
  markMailed(pdf, { key: item.outputKey, rows: [row.key] }, note, row.email);
  return { kind: 'done', link: pdf.getUrl(), note };
}

/** In trên phôi: one file of only the fields, a page per row (one row when per recipient). */
function processPreprinted(item: CertItem, ctx: Ctx, setup: PreprintedSetup): ItemOutcome {
  const first = item.rows[0];
  const last = item.rows[item.rows.length - 1];
  if (first === undefined || last === undefined)
    return { kind: 'failed', message: 'Không có dòng.' };
  const label =
    ctx.mode === 'combined'
      ? printFileName(`${first.form} (phôi)`, ctx.year || first.year, first.row, last.row)
      : `${recipientFileName(first)} (phôi)`;
  const name = keyedName(label, item.outputKey);
  const description = manifestText({ key: item.outputKey, rows: item.rows.map((r) => r.key) });
  const records = item.rows.map((row) => certificateRecord(row, ctx.issuer));
  const pdf = makePreprintedFile(name, setup, item.kind, records, ctx.folder, description);
  return {
    kind: 'done',
    link: pdf.getUrl(),
    note: ctx.mode === 'combined' ? fileLabel(name) : '',
  };
}

function processGroup(item: CertItem, ctx: Ctx): ItemOutcome {
  if (ctx.preprinted !== null) return processPreprinted(item, ctx, ctx.preprinted);
  const t = ctx.templates.get(item.kind);
  const first = item.rows[0];
  const last = item.rows[item.rows.length - 1];
  if (t === undefined || first === undefined || last === undefined)
    return { kind: 'failed', message: 'Không có mẫu.' };
  const plans = item.rows.map((row) => planMerge(t.template, certificateRecord(row, ctx.issuer)));
  const name = keyedName(
    printFileName(first.form, ctx.year || first.year, first.row, last.row),
    item.outputKey,
  );
  const description = manifestText({ key: item.outputKey, rows: item.rows.map((r) => r.key) });
  const doc = buildPrintFile(t.file, plans, name, ctx.folder, description);
  let pdf: File;
  try {
    const blob = doc.getAs(PDF);
    blob.setName(`${name}.pdf`);
    pdf = ctx.folder.createFile(blob);
  } catch (error) {
    doc.setTrashed(true);
    throw error;
  }
  try {
    pdf.setDescription(description);
  } catch (error) {
    pdf.setTrashed(true);
    doc.setTrashed(true);
    throw error;
  }
  return { kind: 'done', link: pdf.getUrl(), note: fileLabel(name) };
}

function checkpoint(results: readonly ItemResult<CertItem>[], ctx: Ctx, job: JobRecord): void {
  const updates = new Map<number, RowUpdate>();
  for (const { item, outcome } of results) {
    item.rows.forEach((row, i) => {
      switch (outcome.kind) {
        case 'done':
          updates.set(row.row, {
            status:
              item.rows.length > 1 || ctx.mode === 'combined'
                ? combinedStatus(i + 1, outcome.note ?? '')
                : CERTIFICATE_STATUS.done,
            link: outcome.link ?? '',
            error: ctx.mode === 'combined' ? (item.note ?? '') : (outcome.note ?? ''),
          });
          break;
        case 'failed':
          updates.set(row.row, {
            status: CERTIFICATE_STATUS.error,
            link: '',
            error: outcome.message,
          });
          break;
        case 'skipped':
          updates.set(row.row, {
            status: CERTIFICATE_STATUS.skipped,
            link: '',
            error: outcome.message,
          });
          break;
        case 'retry':
          break;
      }
    });
  }
  writeRows(ctx.sheet, ctx.grid, ctx.positions, updates);
  const done = results.reduce((n, r) => n + (r.outcome.kind === 'done' ? r.item.weight : 0), 0);
  writeProgress(ctx.sheet, progressText({ ...job, done: job.done + done }, CERTIFICATES_CAPTION));
}

export const CERTIFICATE_HANDLER: JobHandler<Ctx, CertItem> = {
  kind: CERTIFICATE_JOB_KIND,
  caption: CERTIFICATES_CAPTION,
  prepare,
  process: (item, ctx) =>
    ctx.mode === 'combined' ? processGroup(item, ctx) : processOne(item, ctx),
  checkpoint,
  split: splitItems,
  settled: (ctx, job) => {
    writeProgress(ctx.sheet, progressText(job, CERTIFICATES_CAPTION));
  },
};

export function menuCreateCertificates(): void {
  // The execution's clock starts here, before the roles check and the start's checks.
  const startedMs = Date.now();
  if (!requirePermission('certificates')) return;
  startJob(CERTIFICATE_HANDLER, () => begin(), { startedMs });
}
