/**
 * The pledge documents as a job of the runner (src/gas/jobs/runner.ts): one item for the joint
 * pledge and one per unit pledge, so a large cluster spreads over as many executions as the
 * 6-minute limit needs. Each output's name ends with its deterministic key (src/core/jobs/keys.ts):
 * every execution looks the job's keys up in the output folder once, counts a Doc with its PDF as
 * made, and trashes a Doc left without its PDF by a killed execution, so nothing is made twice and
 * no orphan is left. When the job is done, the previous pledge's files go to the trash.
 */
import {
  JOINT_PLEDGE_FILE_NAME,
  UNIT_PLEDGE_FILE_NAME,
  preparePledge,
} from '../../core/documents/pledgeData';
import {
  KEY_PREFIX,
  keyQuery,
  keyedName,
  nameHasKey,
  outputKey,
  type JobRecord,
} from '../../core/jobs';
import { SHEET_NAMES } from '../../core/layout/sheets';
import {
  parseDocShape,
  parseTemplate,
  planMerge,
  renderFileName,
  uniqueNames,
  type DocTemplate,
  type TemplateRecord,
} from '../../core/template';
import type { ItemOutcome, ItemResult, JobHandler, Prepared } from '../jobs/runner';
import { properties } from '../jobs/runner';
import { toast } from '../notify';
import { activeWorkbook, readGrid, readGrids } from '../workbook';
import { JOINT_PLEDGE_TEMPLATE, UNIT_PLEDGE_TEMPLATE } from '../../core/documents/pledgeTemplates';
import { applyDocLayout } from './layout';
import { applyMergePlanById, readDocShape } from './merge';
import { writeSettings } from './templates';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

export const PLEDGE_CAPTION = 'Tạo bản giao ước';
/** Ids of the last finished job's outputs (Docs and PDFs), so the next one can replace them. */
export const PLEDGE_OUTPUTS_PROPERTY = 'thidua.pledge.outputs';
/** The outputs a job in progress will replace when done (recorded at its start). */
export const PLEDGE_PREVIOUS_PROPERTY = 'thidua.pledge.previous';
/** Edits per saveAndClose while merging (the host's default limit is 200; DESIGN §4). */
export const MERGE_EDITS_PER_SAVE = 150;
const PDF = 'application/pdf';
const GOOGLE_DOC = 'application/vnd.google-apps.document';

export type PledgeItem = {
  readonly outputKey: string;
  readonly joint: boolean;
  /** The file's human name (its key follows). */
  readonly name: string;
  readonly record: TemplateRecord;
};

type Ctx = {
  readonly folder: Folder;
  readonly templates: { readonly joint: DocTemplate; readonly unit: DocTemplate | null };
  readonly templateFiles: { readonly joint: File; readonly unit: File | null };
};

function idList(key: string): string[] {
  try {
    const stored: unknown = JSON.parse(properties().getProperty(key) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    // A damaged property only means older outputs are not replaced automatically.
    return [];
  }
}

export function previousOutputs(): string[] {
  return idList(PLEDGE_OUTPUTS_PROPERTY);
}

/** Moves files to the trash, skipping those already gone; returns how many were trashed. */
export function trashAll(ids: readonly string[]): number {
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

/** The job's files in the folder, found with one search and re-checked by key. */
export function jobFiles(folder: Folder, job: JobRecord): File[] {
  const out: File[] = [];
  const files = folder.searchFiles(keyQuery(`${KEY_PREFIX}-${job.id}`));
  while (files.hasNext()) out.push(files.next());
  return out;
}

export function openTemplate(
  id: string,
  label: string,
): { file: File; template: DocTemplate } | string {
  if (id === '') return `chưa có ${label}.`;
  let file: File;
  try {
    file = DriveApp.getFileById(id);
  } catch {
    return `không mở được ${label} (mã ${id}).`;
  }
  const parsed = parseDocShape(readDocShape(DocumentApp.openById(id).getBody()), label);
  if (!parsed.ok) return parsed.errors.map((e) => e.message).join(' ');
  return { file, template: parsed.template };
}

function prepare(job: JobRecord): Prepared<Ctx, PledgeItem> {
  const grids = readGrids(activeWorkbook(), [
    SHEET_NAMES.settings,
    SHEET_NAMES.units,
    SHEET_NAMES.criteria,
    SHEET_NAMES.registration,
  ]);
  const prep = preparePledge(grids);
  if (prep.joint === undefined || prep.problems.length > 0) {
    return {
      ok: false,
      message: `dữ liệu đã thay đổi và còn vấn đề: ${prep.problems.map((p) => p.message).join(' ')}`,
    };
  }
  let folder: Folder;
  try {
    folder = DriveApp.getFolderById(job.params.folder ?? '');
  } catch {
    return { ok: false, message: 'không mở được thư mục lưu văn bản.' };
  }
  const joint = openTemplate(job.params.jointTemplate ?? '', 'mẫu giao ước chung');
  if (typeof joint === 'string') return { ok: false, message: joint };
  const wantsUnits = (job.params.unitTemplate ?? '') !== '';
  const unit = wantsUnits
    ? openTemplate(job.params.unitTemplate ?? '', 'mẫu giao ước từng đơn vị')
    : null;
  if (typeof unit === 'string') return { ok: false, message: unit };

  const jointName = parseTemplate(JOINT_PLEDGE_FILE_NAME);
  const unitName = parseTemplate(UNIT_PLEDGE_FILE_NAME);
  if (!jointName.ok || !unitName.ok) return { ok: false, message: 'mẫu tên tệp không hợp lệ.' };
  const perUnit = wantsUnits ? prep.perUnit : [];
  const names = uniqueNames([
    renderFileName(jointName.template, prep.joint).name,
    ...perUnit.map((u) => renderFileName(unitName.template, u.record).name),
  ]);
  const all: PledgeItem[] = [
    {
      outputKey: outputKey(job.id, 'chung'),
      joint: true,
      name: names[0] ?? 'Giao ước thi đua',
      record: prep.joint,
    },
    ...perUnit.map((u, i) => ({
      outputKey: outputKey(job.id, `dv${String(i + 1).padStart(4, '0')}`),
      joint: false,
      name: names[i + 1] ?? u.unit.name,
      record: u.record,
    })),
  ];

  // Made already: a Doc and its PDF under the item's key. A Doc alone was cut short: trashed.
  const files = jobFiles(folder, job);
  const inflight = new Set(job.inflight);
  let healed = 0;
  const items = all.filter((item) => {
    const own = files.filter((f) => nameHasKey(f.getName(), item.outputKey));
    const doc = own.find((f) => f.getMimeType() === GOOGLE_DOC);
    const pdf = own.find((f) => f.getMimeType() === PDF);
    if (doc !== undefined && pdf !== undefined) {
      if (inflight.has(item.outputKey)) {
        healed++;
        // Made by an execution killed before its checkpoint: its links are recorded now.
        if (item.joint) recordLinks(doc.getUrl(), pdf.getUrl());
      }
      return false;
    }
    for (const f of own) f.setTrashed(true);
    return true;
  });
  const ctx: Ctx = {
    folder,
    templates: { joint: joint.template, unit: unit?.template ?? null },
    templateFiles: { joint: joint.file, unit: unit?.file ?? null },
  };
  return { ok: true, ctx, items, healed: { done: healed, failed: 0, skipped: 0 } };
}

function process(item: PledgeItem, ctx: Ctx): ItemOutcome {
  const template = item.joint ? ctx.templates.joint : ctx.templates.unit;
  const file = item.joint ? ctx.templateFiles.joint : ctx.templateFiles.unit;
  if (template === null || file === null) {
    return { kind: 'failed', message: 'chưa có mẫu giao ước từng đơn vị.' };
  }
  const name = keyedName(item.name, item.outputKey);
  const copy = file.makeCopy(name, ctx.folder);
  try {
    applyMergePlanById(copy.getId(), planMerge(template, item.record), MERGE_EDITS_PER_SAVE);
    // Signature blocks and criteria rows kept on one page, before the PDF is made from the Doc.
    applyDocLayout(copy.getId(), item.joint ? JOINT_PLEDGE_TEMPLATE : UNIT_PLEDGE_TEMPLATE);
    const blob = copy.getAs(PDF);
    blob.setName(`${name}.pdf`);
    const pdf = ctx.folder.createFile(blob);
    return { kind: 'done', link: item.joint ? `${copy.getUrl()} ${pdf.getUrl()}` : pdf.getUrl() };
  } catch (error) {
    // The runner tries the item again: the half-made Doc must not stay beside the next one.
    trashAll([copy.getId()]);
    throw error;
  }
}

/** The joint pledge's links go to Cấu hình as soon as it is made. */
function checkpoint(results: readonly ItemResult<PledgeItem>[]): void {
  const joint = results.find((r) => r.item.joint && r.outcome.kind === 'done');
  if (joint === undefined || joint.outcome.kind !== 'done') return;
  const [docUrl = '', pdfUrl = ''] = (joint.outcome.link ?? '').split(' ');
  recordLinks(docUrl, pdfUrl);
}

function recordLinks(docUrl: string, pdfUrl: string): void {
  const sheet = activeWorkbook().getSheetByName(SHEET_NAMES.settings);
  if (sheet === null) return;
  writeSettings(
    sheet,
    readGrid(sheet),
    new Map([
      ['pledgeDocLink', docUrl],
      ['pledgePdfLink', pdfUrl],
    ]),
  );
}

/** Done: this job's files replace the previous pledge's (trashed, recoverable for 30 days). */
function settled(ctx: Ctx, job: JobRecord): void {
  if (job.status !== 'done') return;
  const current = jobFiles(ctx.folder, job)
    .filter((f) => !f.isTrashed())
    .map((f) => f.getId());
  const stale = idList(PLEDGE_PREVIOUS_PROPERTY).filter((id) => !current.includes(id));
  const replaced = trashAll(stale);
  properties().setProperty(PLEDGE_OUTPUTS_PROPERTY, JSON.stringify(current));
  properties().deleteProperty(PLEDGE_PREVIOUS_PROPERTY);
  const units = job.total - 1;
  const summary = [
    `Bản giao ước (Google Docs và PDF) ở thư mục «${ctx.folder.getName()}»; đường dẫn ghi ở trang "${SHEET_NAMES.settings}".`,
    units > 0 ? `Kèm ${String(units)} bản đăng ký giao ước của từng đơn vị.` : '',
    replaced > 0
      ? `Đã thay bản giao ước trước: ${String(replaced)} tệp cũ đã chuyển vào thùng rác.`
      : '',
    job.params.notes ?? '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  toast(summary, 15);
}

export const PLEDGE_HANDLER: JobHandler<Ctx, PledgeItem> = {
  kind: 'pledge',
  caption: PLEDGE_CAPTION,
  prepare,
  process,
  checkpoint,
  settled,
};
