/**
 * "Tạo bản giao ước": the joint pledge (and, when Cấu hình says so, one pledge per unit) as Google
 * Doc and PDF in the output folder, links written back to Cấu hình.
 *
 * Order, so that nothing half-made is left behind:
 * 1. Check: Cấu hình, Đơn vị and Tiêu chí are read once and checked in core; recorded templates
 *    and the output folder must open; each template must parse and pass the dry run with the
 *    data. Any problem → one alert listing them all, and nothing is created.
 * 2. Create: blank template cells get the default templates, a blank folder cell the folder
 *    "Văn bản thi đua <năm>" next to the workbook (both kept and recorded: they are settings, not
 *    outputs); each output is a Drive copy of its template, merged in bounded batches, and its PDF.
 *    A failure here trashes every output this run made and keeps the previous pledge.
 * 3. Record the links (Cấu hình) and the ids of this run's outputs (document properties).
 * 4. Replace: the previous run's outputs go to the trash, said in the summary, so re-running never
 *    piles up copies.
 */
import { SHEET_NAMES } from '../../core/layout/sheets';
import {
  JOINT_PLEDGE_FILE_NAME,
  JOINT_PLEDGE_REQUIREMENTS,
  JOINT_PLEDGE_SCHEMA,
  UNIT_PLEDGE_FILE_NAME,
  UNIT_PLEDGE_REQUIREMENTS,
  UNIT_PLEDGE_SCHEMA,
  defaultFolderName,
  driveIdOf,
  preparePledge,
  problemsMessage,
} from '../../core/documents/pledgeData';
import { defaultTemplate, type TemplateKind } from '../../core/documents/defaultTemplates';
import { settingTexts } from '../../core/documents/settingsWrite';
import {
  dryRun,
  parseDocShape,
  parseTemplate,
  planMerge,
  renderFileName,
  uniqueNames,
  type DocTemplate,
  type TemplateRecord,
  type TemplateRequirement,
  type TemplateSchema,
} from '../../core/template';
import { runMenuAction } from '../lock';
import { alertUser, errorMessage, toast } from '../notify';
import { readGrids } from '../workbook';
import { checkInputs } from '../../core/validation/inputs';
import { applyMergePlanById, readDocShape } from './merge';
import {
  ensureTemplatesIn,
  fileStateProblem,
  inspectDoc,
  createOutputFolder,
  inspectFolder,
  workbookFolder,
  writeSettings,
  type FileState,
} from './templates';
import { requirePermission } from '../permissions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

const CAPTION = 'Tạo bản giao ước';
/** Ids of the last run's outputs (Docs and PDFs), so the next run can replace them. */
export const PLEDGE_OUTPUTS_PROPERTY = 'thidua.pledge.outputs';
/** Edits per saveAndClose while merging (the host's default limit is 200; DESIGN §4). */
export const MERGE_EDITS_PER_SAVE = 150;
const PDF = 'application/pdf';
/** Stop before Apps Script's 6-minute limit would kill the run half way through an output. */
const TIME_BUDGET_MS = 5 * 60 * 1000;

export function menuCreatePledge(): void {
  if (!requirePermission('pledge')) return;
  runMenuAction(CAPTION, createPledge);
}

type TemplateUse = {
  readonly kind: TemplateKind;
  readonly settingKey: string;
  readonly label: string;
  readonly schema: TemplateSchema;
  readonly requirements: readonly TemplateRequirement[];
  readonly records: readonly TemplateRecord[];
  readonly recordLabel: (i: number) => string;
  state: FileState<File>;
};

/** Reads, parses and dry-runs a template Doc; problems in Vietnamese, or the parsed template. */
function checkTemplate(
  id: string,
  use: TemplateUse,
): { template: DocTemplate; problems: string[] } | { template: null; problems: string[] } {
  const shape = readDocShape(DocumentApp.openById(id).getBody());
  const parsed = parseDocShape(shape, use.label);
  if (!parsed.ok) return { template: null, problems: parsed.errors.map((e) => e.message) };
  const report = dryRun(parsed.template, use.records, use.schema, {
    recordLabel: use.recordLabel,
    mustUse: use.requirements,
  });
  const problems = report.problems.filter((p) => p.severity === 'error').map((p) => p.message);
  return { template: parsed.template, problems };
}

function createPledge(workbook: Spreadsheet): void {
  const started = Date.now();
  const grids = readGrids(workbook, [
    SHEET_NAMES.settings,
    SHEET_NAMES.units,
    SHEET_NAMES.criteria,
  ]);
  const check = checkInputs('pledge', grids);
  if (!check.ok) {
    alertUser(check.message, CAPTION);
    return;
  }
  const prep = preparePledge(grids);
  const lines = prep.problems.map((p) => p.message);
  const settingsGrid = grids[SHEET_NAMES.settings];
  const settings = prep.settings;
  const joint = prep.joint;
  if (settingsGrid === undefined || settings === undefined || joint === undefined) {
    alertUser(problemsMessage(CAPTION, lines), CAPTION);
    return;
  }
  const texts = settingTexts(settingsGrid);
  const where = (key: string): string =>
    `Trang "${SHEET_NAMES.settings}", ô ${prep.settingCells.get(key) ?? 'A1'}`;

  // 1. Check the templates and the folder before anything is created.
  const uses: TemplateUse[] = [
    {
      kind: 'jointPledge',
      settingKey: 'jointPledgeTemplate',
      label: 'Mẫu giao ước chung',
      schema: JOINT_PLEDGE_SCHEMA,
      requirements: JOINT_PLEDGE_REQUIREMENTS,
      records: [joint],
      recordLabel: () => 'bản giao ước chung',
      state: { state: 'blank' },
    },
  ];
  if (prep.perUnit.length > 0) {
    uses.push({
      kind: 'unitPledge',
      settingKey: 'unitPledgeTemplate',
      label: 'Mẫu giao ước từng đơn vị',
      schema: UNIT_PLEDGE_SCHEMA,
      requirements: UNIT_PLEDGE_REQUIREMENTS,
      records: prep.perUnit.map((u) => u.record),
      recordLabel: (i) => `đơn vị "${prep.perUnit[i]?.unit.name ?? String(i + 1)}"`,
      state: { state: 'blank' },
    });
  }
  const templates = new Map<TemplateKind, DocTemplate>();
  for (const use of uses) {
    use.state = inspectDoc(texts.get(use.settingKey) ?? '');
    const problem = fileStateProblem(use.state, use.label.toLowerCase(), where(use.settingKey));
    if (problem !== '') lines.push(problem);
    if (use.state.state === 'ok') {
      const checked = checkTemplate(use.state.id, use);
      lines.push(...checked.problems);
      if (checked.template !== null) templates.set(use.kind, checked.template);
    }
  }
  const folderState = inspectFolder(texts.get('documentsFolder') ?? '');
  const folderProblem = fileStateProblem(
    folderState,
    'thư mục lưu văn bản',
    where('documentsFolder'),
  );
  if (folderProblem !== '') lines.push(folderProblem);
  if (lines.length > 0) {
    alertUser(problemsMessage(CAPTION, lines), CAPTION);
    return;
  }

  // 2. Settings first (kept whatever happens next): missing templates, the output folder.
  const settingsSheet = workbook.getSheetByName(SHEET_NAMES.settings);
  if (settingsSheet === null) throw new Error(`không thấy trang "${SHEET_NAMES.settings}".`);
  const updates = new Map<string, string>();
  const notes: string[] = [];
  const blank = uses.filter((u) => u.state.state === 'blank').map((u) => u.kind);
  if (blank.length > 0) {
    const report = ensureTemplatesIn(workbook, settingsSheet, settingsGrid, blank, {
      write: false,
    });
    for (const [key, id] of report.updates) updates.set(key, id);
    if (report.summary !== '') notes.push(report.summary);
    for (const use of uses.filter((u) => blank.includes(u.kind))) {
      const id = report.ids[use.kind];
      if (id === undefined) throw new Error(`không tạo được ${use.label.toLowerCase()}.`);
      use.state = { state: 'ok', id, item: DriveApp.getFileById(id) };
      const checked = checkTemplate(id, use);
      if (checked.template === null || checked.problems.length > 0) {
        throw new Error(`${use.label} mặc định không dùng được: ${checked.problems.join(' ')}`);
      }
      templates.set(use.kind, checked.template);
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

  // The outputs, named from patterns; names made unique so per-unit files never collide.
  type Job = { use: TemplateUse; template: DocTemplate; record: TemplateRecord; name: string };
  const jobs: Job[] = [];
  const jointName = parseTemplate(JOINT_PLEDGE_FILE_NAME);
  const unitName = parseTemplate(UNIT_PLEDGE_FILE_NAME);
  if (!jointName.ok || !unitName.ok) throw new Error('mẫu tên tệp không hợp lệ.');
  const names = uniqueNames([
    renderFileName(jointName.template, joint).name,
    ...prep.perUnit.map((u) => renderFileName(unitName.template, u.record).name),
  ]);
  for (const use of uses) {
    const template = templates.get(use.kind);
    if (template === undefined) throw new Error(`chưa đọc được ${use.label.toLowerCase()}.`);
    use.records.forEach((record, i) => {
      const name = names[jobs.length] ?? `${defaultTemplate(use.kind).label} ${String(i + 1)}`;
      jobs.push({ use, template, record, name });
    });
  }

  const created: string[] = [];
  let docUrl = '';
  let pdfUrl = '';
  try {
    for (const job of jobs) {
      if (Date.now() - started > TIME_BUDGET_MS) {
        throw new Error('sắp hết thời gian chạy 6 phút của Apps Script trước khi tạo xong.');
      }
      if (job.use.state.state !== 'ok') throw new Error(`chưa mở được ${job.use.label}.`);
      const copy = job.use.state.item.makeCopy(job.name, folder);
      const copyId = copy.getId();
      created.push(copyId);
      applyMergePlanById(copyId, planMerge(job.template, job.record), MERGE_EDITS_PER_SAVE);
      const blob = copy.getAs(PDF);
      blob.setName(`${job.name}.pdf`);
      const pdf = folder.createFile(blob);
      created.push(pdf.getId());
      if (job.use.kind === 'jointPledge') {
        docUrl = copy.getUrl();
        pdfUrl = pdf.getUrl();
      }
    }
    // 3. Record: links in Cấu hình, this run's outputs for the next run to replace.
    updates.set('pledgeDocLink', docUrl);
    updates.set('pledgePdfLink', pdfUrl);
    writeSettings(settingsSheet, settingsGrid, updates);
  } catch (error) {
    const trashed = trashAll(created);
    // Templates and folder made on the way are settings: record them even though this failed.
    updates.delete('pledgeDocLink');
    updates.delete('pledgePdfLink');
    let recorded = '';
    try {
      if (updates.size > 0) writeSettings(settingsSheet, settingsGrid, updates);
    } catch (writeError) {
      recorded = ` Không ghi được mẫu/thư mục vào Cấu hình: ${errorMessage(writeError)}`;
    }
    // The message carries the cause in Vietnamese for the alert; Error's cause option is ES2022.
    // eslint-disable-next-line preserve-caught-error -- the bundle targets ES2020
    throw new Error(
      `${errorMessage(error)} Đã chuyển vào thùng rác ${String(trashed)} tệp vừa tạo trong lần này; bản giao ước trước đó (nếu có) vẫn giữ nguyên.${recorded}`,
    );
  }
  const properties = PropertiesService.getDocumentProperties();
  const previousIds = new Set<string>();
  try {
    const stored: unknown = JSON.parse(properties.getProperty(PLEDGE_OUTPUTS_PROPERTY) ?? '[]');
    if (Array.isArray(stored))
      for (const id of stored) if (typeof id === 'string') previousIds.add(id);
  } catch {
    // A damaged property only means older outputs are not replaced automatically.
  }
  for (const key of ['pledgeDocLink', 'pledgePdfLink']) {
    const id = driveIdOf(texts.get(key) ?? '');
    if (id !== null && id !== '') previousIds.add(id);
  }
  properties.setProperty(PLEDGE_OUTPUTS_PROPERTY, JSON.stringify(created));

  // 4. Replace: the previous outputs go to the trash (recoverable there for 30 days).
  const stale = [...previousIds].filter((id) => !created.includes(id));
  const replaced = trashAll(stale);

  const unitCount = prep.perUnit.length;
  const summary = [
    `Đã tạo «${names[0] ?? ''}» (Google Docs và PDF) trong thư mục «${folder.getName()}»; đường dẫn ghi ở trang "${SHEET_NAMES.settings}".`,
    unitCount > 0 ? `Kèm ${String(unitCount)} bản đăng ký giao ước của từng đơn vị.` : '',
    replaced > 0
      ? `Đã thay bản giao ước trước: ${String(replaced)} tệp cũ đã chuyển vào thùng rác.`
      : '',
    ...notes,
  ]
    .filter((s) => s !== '')
    .join(' ');
  toast(summary, 15);
}

/** Moves files to the trash, skipping those already gone; returns how many were trashed. */
function trashAll(ids: readonly string[]): number {
  let trashed = 0;
  for (const id of ids) {
    try {
      const file = DriveApp.getFileById(id);
      if (!file.isTrashed()) {
        file.setTrashed(true);
        trashed++;
      }
    } catch {
      // Deleted for good already, or no access: nothing left to clean up.
    }
  }
  return trashed;
}
