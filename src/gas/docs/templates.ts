/**
 * The default Docs templates in Drive: built from their description in core
 * (src/core/documents/defaultTemplates.ts) with DocumentApp, filed next to the workbook, their ids
 * recorded in Cấu hình. Never duplicated: an id recorded in Cấu hình that still opens is kept; a
 * blank cell first looks for a template of the default name next to the workbook; only a missing
 * or trashed one is made again, and that is reported.
 *
 * Docs refuses "too many changes" without saveAndClose(): the build saves and reopens between
 * batches of at most BUILD_EDITS_PER_SAVE edits (editBatches in core).
 */
import {
  BODY_SIZE,
  DOCUMENT_FONT,
  editBatches,
  type BlockSpec,
  type DocSpec,
  type ParagraphSpec,
  type RunSpec,
  type TableSpec,
} from '../../core/documents/docSpec';
import {
  DEFAULT_TEMPLATES,
  type DefaultTemplate,
  type TemplateKind,
} from '../../core/documents/defaultTemplates';
import { driveIdOf } from '../../core/documents/pledgeData';
import { settingTexts, settingsBlocks } from '../../core/documents/settingsWrite';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { emailsWithRole } from '../../core/roles';
import { readUnits } from '../../core/readers/units';
import { emailKey } from '../../core/text/normalize';
import { readGrid, writeBlock } from '../workbook';
import { applyDocLayout } from './layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Table = GoogleAppsScript.Document.Table;
type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;

export const GOOGLE_DOCS_MIME = 'application/vnd.google-apps.document';
/** Below the host's default limit (200) and the 25–100 saves seen in the wild (DESIGN §4). */
export const BUILD_EDITS_PER_SAVE = 100;
/** Page size and margins: six edits before the first batch. */
const PAGE_EDITS = 6;

function alignment(p: ParagraphSpec): GoogleAppsScript.Document.HorizontalAlignment {
  const a = DocumentApp.HorizontalAlignment;
  switch (p.align) {
    case 'left':
      return a.LEFT;
    case 'center':
      return a.CENTER;
    case 'right':
      return a.RIGHT;
    case 'justify':
      return a.JUSTIFY;
  }
}

function textAttributes(p: ParagraphSpec, run: RunSpec | undefined): Record<string, unknown> {
  const A = DocumentApp.Attribute;
  const attrs: Record<string, unknown> = {};
  attrs[A.FONT_FAMILY] = run?.font ?? DOCUMENT_FONT;
  attrs[A.FONT_SIZE] = run?.size ?? p.size ?? BODY_SIZE;
  attrs[A.BOLD] = run?.bold === true;
  attrs[A.ITALIC] = run?.italic === true;
  attrs[A.UNDERLINE] = run?.underline === true;
  return attrs;
}

/** Formats a paragraph holding the first run's text, then appends the other runs formatted. */
export function formatParagraph(paragraph: Paragraph, p: ParagraphSpec): void {
  const A = DocumentApp.Attribute;
  const attrs = textAttributes(p, p.runs[0]);
  attrs[A.HORIZONTAL_ALIGNMENT] = alignment(p);
  attrs[A.SPACING_BEFORE] = p.spaceBefore ?? 0;
  attrs[A.SPACING_AFTER] = p.spaceAfter ?? 0;
  attrs[A.INDENT_FIRST_LINE] = p.indentFirstLine ?? p.indentStart ?? 0;
  if (p.indentStart !== undefined) attrs[A.INDENT_START] = p.indentStart;
  if (p.indentEnd !== undefined) attrs[A.INDENT_END] = p.indentEnd;
  paragraph.setAttributes(attrs);
  for (const run of p.runs.slice(1)) {
    paragraph.appendText(run.text).setAttributes(textAttributes(p, run));
  }
  // The line under the issuing body: a rule in its own paragraph, its length set by the indents.
  if (p.rule === true) paragraph.appendHorizontalRule();
  if (p.pageBreak === true) paragraph.appendPageBreak();
}

function firstText(p: ParagraphSpec | undefined): string {
  return p?.runs[0]?.text ?? '';
}

export function appendTable(body: Body, spec: TableSpec): void {
  const table: Table = body.appendTable(
    spec.rows.map((row) => row.map((c) => firstText(c.paragraphs[0]))),
  );
  if (!spec.borders) table.setBorderWidth(0);
  spec.widths.forEach((width, i) => table.setColumnWidth(i, width));
  spec.rowHeights?.forEach((height, r) => table.getRow(r).setMinimumHeight(height));
  spec.rows.forEach((row, r) => {
    row.forEach((c, k) => {
      const cell = table.getCell(r, k);
      if (c.padding !== undefined) {
        cell.setPaddingTop(c.padding.top);
        cell.setPaddingRight(c.padding.right);
        cell.setPaddingBottom(c.padding.bottom);
        cell.setPaddingLeft(c.padding.left);
      }
      c.paragraphs.forEach((p, i) => {
        const paragraph =
          i === 0 ? cell.getChild(0).asParagraph() : cell.appendParagraph(firstText(p));
        formatParagraph(paragraph, p);
      });
    });
  });
}

function appendBlock(body: Body, block: BlockSpec): void {
  if (block.kind === 'paragraph') formatParagraph(body.appendParagraph(firstText(block)), block);
  else appendTable(body, block);
}

/** Builds a Doc from its description, in bounded batches; returns its id (in My Drive). */
export function buildDocument(spec: DocSpec): string {
  let doc = DocumentApp.create(spec.name);
  const id = doc.getId();
  let body = doc.getBody();
  body.setPageWidth(spec.page.width);
  body.setPageHeight(spec.page.height);
  body.setMarginTop(spec.page.marginTop);
  body.setMarginBottom(spec.page.marginBottom);
  body.setMarginLeft(spec.page.marginLeft);
  body.setMarginRight(spec.page.marginRight);
  const batches = editBatches(spec.blocks, BUILD_EDITS_PER_SAVE - PAGE_EDITS);
  batches.forEach((batch, i) => {
    if (i > 0) {
      doc.saveAndClose();
      doc = DocumentApp.openById(id);
      body = doc.getBody();
    }
    for (const block of batch) appendBlock(body, block);
  });
  // A new document starts with one empty paragraph: the blocks went after it.
  if (spec.blocks.length > 0) body.getChild(0).removeFromParent();
  doc.saveAndClose();
  // What DocumentApp cannot set (rows kept on one page), so the template shows it and its copies
  // start with it. Best effort: the template is made and must be recorded whatever the API says,
  // and the pledge job sets the same on each Doc it makes (./layout.ts).
  try {
    applyDocLayout(id, spec);
  } catch {
    // The job's own request, per Doc, is the one that counts.
  }
  return id;
}

/** The folder that holds the workbook (My Drive when it has none). */
export function workbookFolder(workbook: Spreadsheet): Folder {
  const parents = DriveApp.getFileById(workbook.getId()).getParents();
  return parents.hasNext() ? parents.next() : DriveApp.getRootFolder();
}

export type FileState<T> =
  | { readonly state: 'ok'; readonly id: string; readonly item: T }
  | { readonly state: 'blank' }
  | { readonly state: 'notAnId'; readonly text: string }
  | { readonly state: 'missing'; readonly id: string }
  | { readonly state: 'trashed'; readonly id: string }
  | { readonly state: 'wrongType'; readonly id: string };

/** What a cell's id or link points at: a live Google Doc, or why not. */
export function inspectDoc(text: string): FileState<File> {
  const id = driveIdOf(text);
  if (id === '') return { state: 'blank' };
  if (id === null) return { state: 'notAnId', text };
  let file: File;
  try {
    file = DriveApp.getFileById(id);
  } catch {
    return { state: 'missing', id };
  }
  if (file.isTrashed()) return { state: 'trashed', id };
  if (file.getMimeType() !== GOOGLE_DOCS_MIME) return { state: 'wrongType', id };
  return { state: 'ok', id, item: file };
}

/** What a cell's id or link points at: a live folder, or why not. */
export function inspectFolder(text: string): FileState<Folder> {
  const id = driveIdOf(text);
  if (id === '') return { state: 'blank' };
  if (id === null) return { state: 'notAnId', text };
  let folder: Folder;
  try {
    folder = DriveApp.getFolderById(id);
  } catch {
    return { state: 'missing', id };
  }
  return folder.isTrashed() ? { state: 'trashed', id } : { state: 'ok', id, item: folder };
}

/** Vietnamese reason a recorded file cannot be used; '' when it can. */
export function fileStateProblem<T>(state: FileState<T>, what: string, where: string): string {
  switch (state.state) {
    case 'ok':
    case 'blank':
      return '';
    case 'notAnId':
      return `${where}: "${state.text}" không phải mã hoặc đường dẫn Google Drive của ${what}.`;
    case 'missing':
      // Drive answers the same for a deleted item and one not shared with this account.
      return (
        `${where}: không mở được ${what} (mã ${state.id}): tệp đã bị xóa hẳn, hoặc chưa được chia sẻ ` +
        `cho tài khoản của bạn. Nếu tệp vẫn còn, hãy nhờ chủ sở hữu bảng tính (hoặc người đã tạo tệp) ` +
        `mở https://drive.google.com/open?id=${state.id} và chia sẻ quyền chỉnh sửa cho bạn; nếu không, ` +
        `xóa ô này để chương trình tạo lại ${what} mặc định, hoặc dán đường dẫn khác.`
      );
    case 'trashed':
      return `${where}: ${what} (mã ${state.id}) đang nằm trong thùng rác. Khôi phục tệp, hoặc xóa ô này để chương trình tạo lại ${what} mặc định.`;
    case 'wrongType':
      return `${where}: tệp mã ${state.id} không phải Google Docs nên không dùng làm ${what} được.`;
  }
}

/** A Google Doc of this name in the folder, not trashed: a default template made earlier. */
function findByName(folder: Folder, name: string): string | null {
  const files = folder.getFilesByName(name);
  while (files.hasNext()) {
    const file = files.next();
    if (!file.isTrashed() && file.getMimeType() === GOOGLE_DOCS_MIME) return file.getId();
  }
  return null;
}

/** Creates a default template in the folder; returns its id. */
export function createTemplate(template: DefaultTemplate, folder: Folder): string {
  const id = buildDocument(template.spec);
  DriveApp.getFileById(id).moveTo(folder);
  return id;
}

/**
 * Those who run the document actions besides whoever made a file: the workbook's owner and the
 * heads of Đơn vị (the roles table gives templates and outputs to them). One read of Đơn vị.
 */
export function leadEmails(workbook: Spreadsheet): string[] {
  const sheet = workbook.getSheetByName(SHEET_NAMES.units);
  const heads = sheet === null ? [] : emailsWithRole(readUnits(readGrid(sheet)).value, 'head');
  const owner = workbook.getOwner()?.getEmail() ?? '';
  const me = emailKey(Session.getEffectiveUser().getEmail());
  return [...new Set([owner, ...heads].map(emailKey))].filter((e) => e.includes('@') && e !== me);
}

/**
 * Shares what the product just created (templates, the output folder) with the owner and the
 * heads, so a head named later, or the owner after a head ran set-up, can open it. Returns a
 * Vietnamese line when Drive refused (e.g. a domain that forbids sharing outside), '' otherwise.
 */
export function shareWithLeads(
  items: readonly (File | Folder)[],
  emails: readonly string[],
): string {
  if (items.length === 0 || emails.length === 0) return '';
  const failed: string[] = [];
  for (const item of items) {
    try {
      item.addEditors([...emails]);
    } catch (error) {
      failed.push(
        `"${item.getName()}" (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  return failed.length === 0
    ? ''
    : `Chưa chia sẻ được cho ${emails.join(', ')}: ${failed.join('; ')}. Hãy chia sẻ quyền chỉnh sửa các tệp này bằng tay.`;
}

/** The output folder "Văn bản thi đua <năm>" made next to the workbook, shared with the leads. */
export function createOutputFolder(workbook: Spreadsheet, home: Folder, name: string): Folder {
  const folder = home.createFolder(name);
  const problem = shareWithLeads([folder], leadEmails(workbook));
  if (problem !== '') console.log(problem);
  return folder;
}

export type TemplatesReport = {
  /** Id per template kind, for those asked for that are usable now. */
  readonly ids: Partial<Record<TemplateKind, string>>;
  readonly created: readonly TemplateKind[];
  /** Found next to the workbook under the default name (cell was blank). */
  readonly found: readonly TemplateKind[];
  /** Recorded but deleted or trashed: made again. */
  readonly recreated: readonly TemplateKind[];
  /** Cells that hold something unusable that was left as it is (Vietnamese). */
  readonly problems: readonly string[];
  /** Cấu hình values to record (setting key → id); already written unless write was false. */
  readonly updates: ReadonlyMap<string, string>;
  /** Vietnamese summary, '' when nothing changed. */
  readonly summary: string;
};

function settingsSheet(workbook: Spreadsheet): Sheet {
  const sheet = workbook.getSheetByName(SHEET_NAMES.settings);
  if (sheet === null) {
    throw new Error(
      `chưa có trang "${SHEET_NAMES.settings}". Hãy chạy «Khởi tạo / cập nhật bảng tính» trước.`,
    );
  }
  return sheet;
}

/** Writes settings (key → text) into Cấu hình in as few blocks as possible. */
export function writeSettings(
  sheet: Sheet,
  grid: readonly unknown[],
  updates: ReadonlyMap<string, string>,
): void {
  for (const block of settingsBlocks(grid, updates)) {
    writeBlock(sheet, block.row, block.column, block.values);
  }
}

/**
 * Makes sure the default templates of `kinds` exist (default: all of them) and their ids are in
 * Cấu hình. For set-up and for "Tạo bản giao ước" (which only asks for blank cells to be filled).
 */
export function ensureDefaultTemplates(
  workbook: Spreadsheet,
  kinds: readonly TemplateKind[] = DEFAULT_TEMPLATES.filter((t) => t.atSetup !== false).map(
    (t) => t.kind,
  ),
): TemplatesReport {
  const sheet = settingsSheet(workbook);
  const grid = readGrid(sheet);
  return ensureTemplatesIn(workbook, sheet, grid, kinds);
}

export type EnsureOptions = {
  /** Write the new ids into Cấu hình (default true). */
  readonly write?: boolean;
  /**
   * Make a default template again when the recorded one is deleted or in the trash (default
   * true: set-up, which says so). False for actions that merge: the user's own template must
   * not be swapped for the default behind their back, so that is reported instead.
   */
  readonly recreateMissing?: boolean;
};

/** ensureDefaultTemplates over a Cấu hình grid already read (no second read). */
export function ensureTemplatesIn(
  workbook: Spreadsheet,
  sheet: Sheet,
  grid: readonly unknown[],
  kinds: readonly TemplateKind[],
  options: EnsureOptions = {},
): TemplatesReport {
  const write = options.write ?? true;
  const recreateMissing = options.recreateMissing ?? true;
  const texts = settingTexts(grid);
  const ids: Partial<Record<TemplateKind, string>> = {};
  const created: TemplateKind[] = [];
  const found: TemplateKind[] = [];
  const recreated: TemplateKind[] = [];
  const problems: string[] = [];
  const updates = new Map<string, string>();
  let folder: Folder | null = null;
  const home = (): Folder => (folder ??= workbookFolder(workbook));
  for (const template of DEFAULT_TEMPLATES.filter((t) => kinds.includes(t.kind))) {
    const state = inspectDoc(texts.get(template.settingKey) ?? '');
    if (state.state === 'ok') {
      ids[template.kind] = state.id;
      continue;
    }
    if (
      state.state === 'notAnId' ||
      state.state === 'wrongType' ||
      (!recreateMissing && state.state !== 'blank')
    ) {
      problems.push(
        fileStateProblem(
          state,
          template.label.toLowerCase(),
          `Trang "${SHEET_NAMES.settings}", dòng "${template.label}"`,
        ),
      );
      continue;
    }
    let id = state.state === 'blank' ? findByName(home(), template.spec.name) : null;
    if (id !== null) found.push(template.kind);
    else {
      id = createTemplate(template, home());
      (state.state === 'blank' ? created : recreated).push(template.kind);
    }
    ids[template.kind] = id;
    updates.set(template.settingKey, id);
  }
  if (write && updates.size > 0) writeSettings(sheet, grid, updates);
  const made = [...created, ...recreated].map((k) => ids[k]).filter((id) => id !== undefined);
  const shareProblem =
    made.length === 0
      ? ''
      : shareWithLeads(
          made.map((id) => DriveApp.getFileById(id)),
          leadEmails(workbook),
        );
  const label = (k: TemplateKind): string =>
    DEFAULT_TEMPLATES.find((t) => t.kind === k)?.label ?? k;
  const parts: string[] = [];
  if (created.length > 0) parts.push(`đã tạo ${created.map(label).join(', ')}`);
  if (found.length > 0)
    parts.push(`đã dùng lại ${found.map(label).join(', ')} có sẵn cạnh bảng tính`);
  if (recreated.length > 0) {
    parts.push(
      `đã tạo lại ${recreated.map(label).join(', ')} (tệp cũ đã bị xóa hoặc nằm trong thùng rác)`,
    );
  }
  const summary =
    (parts.length === 0 ? '' : `Mẫu văn bản: ${parts.join('; ')}.`) +
    (shareProblem === '' ? '' : ` ${shareProblem}`);
  return { ids, created, found, recreated, problems, updates, summary };
}
