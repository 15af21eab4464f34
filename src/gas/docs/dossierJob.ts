/**
 * The year-end dossier as a job of the runner (src/gas/jobs/runner.ts): one item per document
 * (minutes, submission, draft decision, notice), each a Google Doc merged from its template and
 * its PDF. As with the pledge (./pledgeJob.ts), each file's name ends with its deterministic key:
 * a Doc with its PDF counts as made, a Doc alone (a killed execution) is trashed and made again.
 * The previous dossier's files go to the trash only when this job is done, after the new ones
 * exist.
 */
import {
  DOSSIER_DOCUMENTS,
  DOSSIER_KINDS,
  prepareDossier,
} from '../../core/documents/dossierPrepare';
import type { DossierKind } from '../../core/documents/dossierData';
import { keyedName, nameHasKey, outputKey, type JobRecord } from '../../core/jobs';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { planMerge, type DocTemplate, type TemplateRecord } from '../../core/template';
import { VOTE_STATE_PROPERTY, parseVoteState } from '../../core/votes/rounds';
import type { ItemOutcome, ItemResult, JobHandler, Prepared } from '../jobs/runner';
import { properties } from '../jobs/runner';
import { toast } from '../notify';
import { activeWorkbook, readGrid, readGrids } from '../workbook';
import { applyMergePlanById } from './merge';
import { applyDocLayout } from './layout';
import { DOSSIER_TEMPLATES } from '../../core/documents/dossierTemplates';
import { MERGE_EDITS_PER_SAVE, jobFiles, openTemplate, trashAll } from './pledgeJob';
import { writeSettings } from './templates';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

export const DOSSIER_CAPTION = 'Lập hồ sơ bình xét';
/** Ids of the last finished dossier's files (Docs and PDFs), replaced by the next one. */
export const DOSSIER_OUTPUTS_PROPERTY = 'thidua.dossier.outputs';
/** The files a dossier job in progress replaces when done (recorded at its start). */
export const DOSSIER_PREVIOUS_PROPERTY = 'thidua.dossier.previous';
const PDF = 'application/pdf';
const GOOGLE_DOC = 'application/vnd.google-apps.document';

/** The job's param holding each document's template id. */
export const templateParam = (kind: DossierKind): string => `template_${kind}`;

export type DossierItem = {
  readonly outputKey: string;
  readonly kind: DossierKind;
  readonly name: string;
  readonly record: TemplateRecord;
};

type Ctx = {
  readonly folder: Folder;
  readonly templates: ReadonlyMap<DossierKind, { file: File; template: DocTemplate }>;
};

export function readVoteState(): ReturnType<typeof parseVoteState> {
  return parseVoteState(properties().getProperty(VOTE_STATE_PROPERTY));
}

export const DOSSIER_SHEETS = [SHEET_NAMES.settings, SHEET_NAMES.units, SHEET_NAMES.awards];

export function dossierFileName(kind: DossierKind, clusterName: string, year: number): string {
  return `${clusterName} - ${DOSSIER_DOCUMENTS[kind].fileName} ${String(year)}`;
}

function prepare(job: JobRecord): Prepared<Ctx, DossierItem> {
  const prep = prepareDossier(readGrids(activeWorkbook(), DOSSIER_SHEETS), readVoteState());
  if (prep.records === undefined || prep.settings === undefined) {
    return {
      ok: false,
      message: `dữ liệu đã thay đổi và còn vấn đề: ${prep.problems.join(' ')}`,
    };
  }
  let folder: Folder;
  try {
    folder = DriveApp.getFolderById(job.params.folder ?? '');
  } catch {
    return { ok: false, message: 'không mở được thư mục lưu văn bản.' };
  }
  const templates = new Map<DossierKind, { file: File; template: DocTemplate }>();
  for (const kind of DOSSIER_KINDS) {
    const opened = openTemplate(
      job.params[templateParam(kind)] ?? '',
      DOSSIER_DOCUMENTS[kind].label.toLowerCase(),
    );
    if (typeof opened === 'string') return { ok: false, message: opened };
    templates.set(kind, opened);
  }
  const settings = prep.settings;
  const all: DossierItem[] = DOSSIER_KINDS.map((kind) => ({
    outputKey: outputKey(job.id, kind),
    kind,
    name: dossierFileName(kind, settings.clusterName, settings.year),
    record: prep.records?.[kind] ?? {},
  }));
  // Made already: a Doc and its PDF under the item's key. A Doc alone was cut short: trashed.
  const files = jobFiles(folder, job);
  const inflight = new Set(job.inflight);
  const healedLinks = new Map<string, string>();
  const items = all.filter((item) => {
    const own = files.filter((f) => nameHasKey(f.getName(), item.outputKey));
    const doc = own.find((f) => f.getMimeType() === GOOGLE_DOC);
    const pdf = own.find((f) => f.getMimeType() === PDF);
    if (doc !== undefined && pdf !== undefined) {
      // Made by an execution killed before its checkpoint: its link is recorded now.
      if (inflight.has(item.outputKey)) {
        healedLinks.set(DOSSIER_DOCUMENTS[item.kind].linkKey, linkText(doc.getUrl(), pdf.getUrl()));
      }
      return false;
    }
    for (const f of own) f.setTrashed(true);
    return true;
  });
  if (healedLinks.size > 0) recordLinks(healedLinks);
  return {
    ok: true,
    ctx: { folder, templates },
    items,
    healed: { done: healedLinks.size, failed: 0, skipped: 0 },
  };
}

/** A document's Cấu hình cell: the Doc's link, then the PDF's on the next line. */
function linkText(docUrl: string, pdfUrl: string): string {
  return `${docUrl}\n${pdfUrl}`;
}

function process(item: DossierItem, ctx: Ctx): ItemOutcome {
  const loaded = ctx.templates.get(item.kind);
  if (loaded === undefined) {
    return { kind: 'failed', message: `chưa có ${DOSSIER_DOCUMENTS[item.kind].label}.` };
  }
  const name = keyedName(item.name, item.outputKey);
  const copy = loaded.file.makeCopy(name, ctx.folder);
  try {
    applyMergePlanById(copy.getId(), planMerge(loaded.template, item.record), MERGE_EDITS_PER_SAVE);
    // Signature blocks and list rows kept on one page, before the PDF is made from the Doc.
    applyDocLayout(copy.getId(), DOSSIER_TEMPLATES[item.kind]);
    const blob = copy.getAs(PDF);
    blob.setName(`${name}.pdf`);
    const pdf = ctx.folder.createFile(blob);
    return { kind: 'done', link: linkText(copy.getUrl(), pdf.getUrl()) };
  } catch (error) {
    // The runner tries the item again: the half-made Doc must not stay beside the next one.
    trashAll([copy.getId()]);
    throw error;
  }
}

/** Each made document's links go to its Cấu hình row, in one write per chunk. */
function checkpoint(results: readonly ItemResult<DossierItem>[]): void {
  const links = new Map<string, string>();
  for (const r of results) {
    if (r.outcome.kind === 'done' && r.outcome.link !== undefined) {
      links.set(DOSSIER_DOCUMENTS[r.item.kind].linkKey, r.outcome.link);
    }
  }
  if (links.size > 0) recordLinks(links);
}

function recordLinks(links: ReadonlyMap<string, string>): void {
  const sheet = activeWorkbook().getSheetByName(SHEET_NAMES.settings);
  if (sheet === null) return;
  writeSettings(sheet, readGrid(sheet), links);
}

function idList(key: string): string[] {
  try {
    const stored: unknown = JSON.parse(properties().getProperty(key) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    // A damaged property only means older outputs are not replaced automatically.
    return [];
  }
}

export function previousDossierOutputs(): string[] {
  return idList(DOSSIER_OUTPUTS_PROPERTY);
}

/** Done: this job's files replace the previous dossier's (trashed, recoverable for 30 days). */
function settled(ctx: Ctx, job: JobRecord): void {
  if (job.status !== 'done') return;
  const current = jobFiles(ctx.folder, job)
    .filter((f) => !f.isTrashed())
    .map((f) => f.getId());
  const stale = idList(DOSSIER_PREVIOUS_PROPERTY).filter((id) => !current.includes(id));
  const replaced = trashAll(stale);
  properties().setProperty(DOSSIER_OUTPUTS_PROPERTY, JSON.stringify(current));
  properties().deleteProperty(DOSSIER_PREVIOUS_PROPERTY);
  const summary = [
    `Hồ sơ bình xét (biên bản, tờ trình kèm danh sách, dự thảo quyết định kèm danh sách, thông báo; Google Docs và PDF) ở thư mục «${ctx.folder.getName()}»; đường dẫn ghi ở trang "${SHEET_NAMES.settings}".`,
    replaced > 0 ? `Đã thay hồ sơ trước: ${String(replaced)} tệp cũ đã chuyển vào thùng rác.` : '',
    job.params.notes ?? '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  toast(summary, 15);
}

export const DOSSIER_HANDLER: JobHandler<Ctx, DossierItem> = {
  kind: 'dossier',
  caption: DOSSIER_CAPTION,
  prepare,
  process,
  checkpoint,
  settled,
};
