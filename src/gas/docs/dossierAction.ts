/**
 * «Lập hồ sơ bình xét»: the minutes of the nomination meeting, the submission with its list, the
 * draft award decision with its annex and the notice of results, each as Google Doc and PDF in
 * the output folder, links written back to Cấu hình.
 *
 * Order, as for the pledge (./pledgeAction.ts):
 * 0. A dossier made before is replaced only if the user says so (asked before the lock: dialogs
 *    release it).
 * 1. Check (under the lock): Cấu hình, Đơn vị, Khen thưởng and the vote's state are read once and
 *    checked in core; recorded templates and the folder must open; each template must parse and
 *    pass the dry run with its data. Any problem → one alert listing them all; nothing is made.
 * 2. Settings: blank template cells get the default templates, a blank folder cell the folder
 *    "Văn bản thi đua <năm>".
 * 3. The job runner makes the four documents (./dossierJob.ts); the previous dossier's files go
 *    to the trash when it is done.
 */
import {
  DOSSIER_REQUIREMENTS,
  DOSSIER_SCHEMAS,
  type DossierKind,
} from '../../core/documents/dossierData';
import {
  DOSSIER_DOCUMENTS,
  DOSSIER_KINDS,
  prepareDossier,
} from '../../core/documents/dossierPrepare';
import { defaultFolderName, driveIdOf, problemsMessage } from '../../core/documents/pledgeData';
import { settingTexts } from '../../core/documents/settingsWrite';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { dryRun, parseDocShape, type DocTemplate, type TemplateRecord } from '../../core/template';
import { startJob, type Began } from '../jobs/start';
import { properties } from '../jobs/runner';
import { toast } from '../notify';
import { requirePermission } from '../permissions';
import { activeWorkbook, readGrid, readGrids } from '../workbook';
import {
  DOSSIER_HANDLER,
  DOSSIER_PREVIOUS_PROPERTY,
  DOSSIER_SHEETS,
  previousDossierOutputs,
  readVoteState,
  templateParam,
} from './dossierJob';
import { readDocShape } from './merge';
import {
  createOutputFolder,
  ensureTemplatesIn,
  fileStateProblem,
  inspectDoc,
  inspectFolder,
  workbookFolder,
  writeSettings,
  type FileState,
} from './templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

const CAPTION = DOSSIER_HANDLER.caption;

/** The documents a previous run linked in Cấu hình. */
function madeBefore(texts: ReadonlyMap<string, string>): DossierKind[] {
  return DOSSIER_KINDS.filter((k) => (texts.get(DOSSIER_DOCUMENTS[k].linkKey) ?? '').trim() !== '');
}

export function menuCreateDossier(): void {
  const startedMs = Date.now();
  if (!requirePermission('dossier')) return;
  const workbook = activeWorkbook();
  const sheet = workbook.getSheetByName(SHEET_NAMES.settings);
  const made = sheet === null ? [] : madeBefore(settingTexts(readGrid(sheet)));
  if (made.length > 0) {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.alert(
      CAPTION,
      `Hồ sơ bình xét đã được lập (${made.map((k) => DOSSIER_DOCUMENTS[k].label).join(', ')}). ` +
        'Lập lại sẽ tạo bản mới từ dữ liệu hiện tại, rồi chuyển các bản cũ vào thùng rác (khôi phục được trong 30 ngày). Lập lại?',
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) {
      toast('Đã hủy: hồ sơ bình xét giữ nguyên.');
      return;
    }
  }
  startJob(DOSSIER_HANDLER, () => beginDossier(workbook), { startedMs });
}

type Use = {
  readonly kind: DossierKind;
  readonly record: TemplateRecord;
  state: FileState<File>;
};

/** Parses and dry-runs a template Doc with its document's data: problems, or the template. */
function checkTemplate(
  id: string,
  kind: DossierKind,
  record: TemplateRecord,
  where: string,
): { template: DocTemplate | null; problems: string[] } {
  const label = DOSSIER_DOCUMENTS[kind].label;
  const parsed = parseDocShape(readDocShape(DocumentApp.openById(id).getBody()), `Mẫu ${label}`);
  if (!parsed.ok) {
    return { template: null, problems: parsed.errors.map((e) => `${where}: ${e.message}`) };
  }
  const report = dryRun(parsed.template, [record], DOSSIER_SCHEMAS[kind], {
    recordLabel: () => label.toLowerCase(),
    mustUse: DOSSIER_REQUIREMENTS[kind],
  });
  const problems = report.problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${where}: ${p.message}`);
  return { template: parsed.template, problems };
}

/** The start (under the lock): every check, then templates and folder recorded; or one alert. */
function beginDossier(workbook: Spreadsheet): Began {
  const grids = readGrids(workbook, DOSSIER_SHEETS);
  const prep = prepareDossier(grids, readVoteState());
  const lines = [...prep.problems];
  const settingsGrid = grids[SHEET_NAMES.settings];
  const settings = prep.settings;
  const records = prep.records;
  if (settingsGrid === undefined || settings === undefined || records === undefined) {
    return { ok: false, message: problemsMessage(CAPTION, lines) };
  }
  const texts = settingTexts(settingsGrid);
  const where = (key: string): string =>
    `Trang "${SHEET_NAMES.settings}", ô ${prep.settingCells.get(key) ?? 'A1'}`;

  // 1. Every template and the folder, before anything is made.
  const uses: Use[] = DOSSIER_KINDS.map((kind) => ({
    kind,
    record: records[kind],
    state: { state: 'blank' },
  }));
  const templates = new Map<DossierKind, string>();
  for (const use of uses) {
    const key = DOSSIER_DOCUMENTS[use.kind].templateKey;
    use.state = inspectDoc(texts.get(key) ?? '');
    const label = `mẫu ${DOSSIER_DOCUMENTS[use.kind].label.toLowerCase()}`;
    const problem = fileStateProblem(use.state, label, where(key));
    if (problem !== '') lines.push(problem);
    if (use.state.state === 'ok') {
      const checked = checkTemplate(use.state.id, use.kind, use.record, where(key));
      lines.push(...checked.problems);
      if (checked.template !== null) templates.set(use.kind, use.state.id);
    }
  }
  const folderState = inspectFolder(texts.get('documentsFolder') ?? '');
  const folderProblem = fileStateProblem(
    folderState,
    'thư mục lưu văn bản',
    where('documentsFolder'),
  );
  if (folderProblem !== '') lines.push(folderProblem);
  if (lines.length > 0) return { ok: false, message: problemsMessage(CAPTION, lines) };

  // 2. Settings first (kept whatever happens next): missing templates, the output folder.
  const settingsSheet = workbook.getSheetByName(SHEET_NAMES.settings);
  if (settingsSheet === null) throw new Error(`không thấy trang "${SHEET_NAMES.settings}".`);
  const updates = new Map<string, string>();
  const notes: string[] = [];
  const blank = uses.filter((u) => u.state.state === 'blank');
  if (blank.length > 0) {
    const report = ensureTemplatesIn(
      workbook,
      settingsSheet,
      settingsGrid,
      blank.map((u) => u.kind),
      { write: false },
    );
    for (const [key, id] of report.updates) updates.set(key, id);
    if (report.summary !== '') notes.push(report.summary);
    for (const use of blank) {
      const id = report.ids[use.kind];
      const key = DOSSIER_DOCUMENTS[use.kind].templateKey;
      if (id === undefined)
        throw new Error(`không tạo được mẫu ${DOSSIER_DOCUMENTS[use.kind].label}.`);
      const checked = checkTemplate(id, use.kind, use.record, where(key));
      if (checked.template === null || checked.problems.length > 0) {
        throw new Error(
          `mẫu ${DOSSIER_DOCUMENTS[use.kind].label} mặc định không dùng được: ${checked.problems.join(' ')}`,
        );
      }
      templates.set(use.kind, id);
    }
  }
  let folder: Folder;
  if (folderState.state === 'ok') folder = folderState.item;
  else {
    const home = workbookFolder(workbook);
    const name = defaultFolderName(settings.year);
    const existing = home.getFoldersByName(name);
    folder = existing.hasNext() ? existing.next() : createOutputFolder(workbook, home, name);
    updates.set('documentsFolder', folder.getId());
  }
  if (updates.size > 0) writeSettings(settingsSheet, settingsGrid, updates);

  // The previous dossier's files, replaced when this job is done.
  const previous = new Set(previousDossierOutputs());
  for (const kind of DOSSIER_KINDS) {
    for (const line of (texts.get(DOSSIER_DOCUMENTS[kind].linkKey) ?? '').split(/\s+/)) {
      const id = driveIdOf(line);
      if (id !== null && id !== '') previous.add(id);
    }
  }
  properties().setProperty(DOSSIER_PREVIOUS_PROPERTY, JSON.stringify([...previous]));
  const params: Record<string, string> = { folder: folder.getId(), notes: notes.join(' ') };
  for (const kind of DOSSIER_KINDS) params[templateParam(kind)] = templates.get(kind) ?? '';
  return { ok: true, params, total: DOSSIER_KINDS.length };
}
