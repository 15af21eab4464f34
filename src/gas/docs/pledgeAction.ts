/**
 * "Tạo bản giao ước": the joint pledge (and, when Cấu hình says so, one pledge per unit) as Google
 * Doc and PDF in the output folder, links written back to Cấu hình.
 *
 * Order (under the document lock, before the job starts):
 * 1. Check: Cấu hình, Đơn vị and Tiêu chí are read once and checked in core; recorded templates
 *    and the output folder must open; each template must parse and pass the dry run with the
 *    data. Any problem → one alert listing them all, and nothing is created.
 * 2. Settings: blank template cells get the default templates, a blank folder cell the folder
 *    "Văn bản thi đua <năm>" next to the workbook (both kept and recorded: they are settings, not
 *    outputs).
 * 3. The outputs are made by the job runner (./pledgeJob.ts), over as many executions as the
 *    6-minute limit needs; each file carries its deterministic key, so a killed execution leaves
 *    no orphan. When the job is done, the previous run's outputs go to the trash.
 */
import { SHEET_NAMES } from '../../core/layout/sheets';
import {
  JOINT_PLEDGE_REQUIREMENTS,
  JOINT_PLEDGE_SCHEMA,
  UNIT_PLEDGE_REQUIREMENTS,
  UNIT_PLEDGE_SCHEMA,
  defaultFolderName,
  driveIdOf,
  preparePledge,
  problemsMessage,
} from '../../core/documents/pledgeData';
import { type TemplateKind } from '../../core/documents/defaultTemplates';
import { settingTexts } from '../../core/documents/settingsWrite';
import {
  dryRun,
  parseDocShape,
  type DocTemplate,
  type TemplateRecord,
  type TemplateRequirement,
  type TemplateSchema,
} from '../../core/template';
import { activeWorkbook, readGrids } from '../workbook';
import { startJob, type Began } from '../jobs/start';
import { properties } from '../jobs/runner';
import {
  PLEDGE_CAPTION,
  PLEDGE_HANDLER,
  PLEDGE_PREVIOUS_PROPERTY,
  previousOutputs,
} from './pledgeJob';
import { checkInputs } from '../../core/validation/inputs';
import { readDocShape } from './merge';
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
import { docsService, hasPageNumberField } from './layout';

/** A project whose manifest lost the Docs advanced service (pushed without `clasp push -f`). */
export const NO_DOCS_SERVICE_NOTE =
  'Chưa bật dịch vụ nâng cao Google Docs API trong dự án Apps Script: ô ký có thể bị cắt sang trang sau. Đẩy lại mã với «clasp push -f» hoặc bật Google Docs API trong mục Dịch vụ của trình chỉnh sửa Apps Script.';

/**
 * Decree 30/2020 numbers pages from page 2; neither DocumentApp nor the Docs API can insert the
 * number, so the template must carry it (the job then hides page 1's).
 */
export const PAGE_NUMBER_NOTE =
  'Mẫu giao ước chưa có số trang: Google Docs không cho tập lệnh chèn số trang. Mở mẫu giao ước, chọn Chèn › Số trang (ở đầu trang); từ lần tạo sau, bản giao ước đánh số từ trang 2 theo Nghị định 30/2020/NĐ-CP.';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

const CAPTION = PLEDGE_CAPTION;

export function menuCreatePledge(): void {
  // The execution's clock starts here, before the roles check and the start's checks.
  const startedMs = Date.now();
  if (!requirePermission('pledge')) return;
  startJob(PLEDGE_HANDLER, () => beginPledge(activeWorkbook()), { startedMs });
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

/**
 * The start of "Tạo bản giao ước" (under the lock): every check, then the templates and the folder
 * recorded; the job's params, or the one alert listing what to fix.
 */
function beginPledge(workbook: Spreadsheet): Began {
  const grids = readGrids(workbook, [
    SHEET_NAMES.settings,
    SHEET_NAMES.units,
    SHEET_NAMES.criteria,
    SHEET_NAMES.registration,
  ]);
  const check = checkInputs('pledge', grids);
  if (!check.ok) return { ok: false, message: check.message };
  const prep = preparePledge(grids);
  const lines = prep.problems.map((p) => p.message);
  const settingsGrid = grids[SHEET_NAMES.settings];
  const settings = prep.settings;
  const joint = prep.joint;
  if (settingsGrid === undefined || settings === undefined || joint === undefined) {
    return { ok: false, message: problemsMessage(CAPTION, lines) };
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
  if (lines.length > 0) return { ok: false, message: problemsMessage(CAPTION, lines) };

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

  if (updates.size > 0) writeSettings(settingsSheet, settingsGrid, updates);
  const templateId = (kind: TemplateKind): string => {
    const use = uses.find((u) => u.kind === kind);
    return use?.state.state === 'ok' ? use.state.id : '';
  };
  // Docs' API cannot insert a page number (layoutRequests.ts): a template without one is told.
  const jointId = templateId('jointPledge');
  if (docsService() === null) notes.push(NO_DOCS_SERVICE_NOTE);
  else if (jointId !== '' && hasPageNumberField(jointId) === false) notes.push(PAGE_NUMBER_NOTE);
  // The previous pledge's files, replaced when this job is done.
  const previous = new Set(previousOutputs());
  for (const key of ['pledgeDocLink', 'pledgePdfLink']) {
    const id = driveIdOf(texts.get(key) ?? '');
    if (id !== null && id !== '') previous.add(id);
  }
  properties().setProperty(PLEDGE_PREVIOUS_PROPERTY, JSON.stringify([...previous]));
  return {
    ok: true,
    params: {
      folder: folder.getId(),
      jointTemplate: templateId('jointPledge'),
      unitTemplate: templateId('unitPledge'),
      notes: notes.join(' '),
    },
    total: 1 + prep.perUnit.length,
  };
}
