/**
 * Printing on pre-printed paper (phôi) in Apps Script: reads Vị trí in phôi and the offsets, builds
 * the positioned documents core describes (src/core/certificates/preprinted.ts, calibration.ts)
 * with DocumentApp, and the menu item «In trang căn chỉnh phôi».
 *
 * Docs keeps a paragraph after every table; the spec's paragraph that follows a table is that
 * paragraph, formatted in place (appending one would add a line of the default size and shift
 * everything below it). The document is saved and reopened every EDITS_PER_SAVE edits (as the
 * combined print files).
 */
import { readPreprintedSetup, type PreprintedSetup } from '../../core/certificates/preprintedSetup';
import { calibrationDocSpec, type CalibrationForm } from '../../core/certificates/calibration';
import { preprintedDocSpec } from '../../core/certificates/preprinted';
import { blockEdits, type DocSpec } from '../../core/documents/docSpec';
import type { TemplateKind } from '../../core/documents/defaultTemplates';
import { defaultFolderName } from '../../core/documents/pledgeData';
import { settingTexts } from '../../core/documents/settingsWrite';
import { SHEET_NAMES } from '../../core/layout/sheets';
import type { TemplateRecord } from '../../core/template';
import { EDITS_PER_SAVE, trashOnFailure } from './combined';
import { appendTable, formatParagraph, inspectFolder, workbookFolder } from '../docs/templates';
import { alertUser, errorMessage } from '../notify';
import { runMenuAction } from '../lock';
import { readGrid, readGrids } from '../workbook';
import { captionOf } from '../menuDefinition';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PDF = 'application/pdf';
const SHEET = SHEET_NAMES.preprinted;

/**
 * Builds a Doc from a positioned spec in `folder`, described at once (so a killed run's output is
 * found by its key). On any failure the Doc is trashed and the error rethrown.
 */
export function buildPositionedFile(spec: DocSpec, folder: Folder, description: string): File {
  let doc = DocumentApp.create(spec.name);
  const id = doc.getId();
  const file = DriveApp.getFileById(id);
  return trashOnFailure(file, () => {
    file.moveTo(folder);
    file.setDescription(description);
    let body = doc.getBody();
    body.setPageWidth(spec.page.width);
    body.setPageHeight(spec.page.height);
    body.setMarginTop(spec.page.marginTop);
    body.setMarginBottom(spec.page.marginBottom);
    body.setMarginLeft(spec.page.marginLeft);
    body.setMarginRight(spec.page.marginRight);
    let edits = 6;
    let afterTable = false;
    for (const block of spec.blocks) {
      const cost = blockEdits(block);
      if (edits > 0 && edits + cost > EDITS_PER_SAVE) {
        doc.saveAndClose();
        doc = DocumentApp.openById(id);
        body = doc.getBody();
        edits = 0;
      }
      if (block.kind === 'table') {
        appendTable(body, block);
        afterTable = true;
      } else {
        const text = block.runs[0]?.text ?? '';
        const paragraph = afterTable
          ? body.getChild(body.getNumChildren() - 1).asParagraph()
          : body.appendParagraph(text);
        if (afterTable && text !== '') paragraph.setText(text);
        formatParagraph(paragraph, block);
        afterTable = false;
      }
      edits += cost;
    }
    // A new document starts with one empty paragraph: the blocks went after it.
    if (spec.blocks.length > 0) body.getChild(0).removeFromParent();
    doc.saveAndClose();
    return file;
  });
}

/**
 * One print file on phôi (one page per record) and its PDF, both described with `description`.
 * Nothing half-made stays behind a failure.
 */
export function makePreprintedFile(
  name: string,
  setup: PreprintedSetup,
  kind: TemplateKind,
  records: readonly TemplateRecord[],
  folder: Folder,
  description: string,
): File {
  const fields = setup.layout.get(kind) ?? [];
  const spec = preprintedDocSpec(name, fields, setup.offset, records);
  const doc = buildPositionedFile(spec, folder, description);
  let pdf: File | null = null;
  try {
    const blob = doc.getAs(PDF);
    blob.setName(`${name}.pdf`);
    pdf = folder.createFile(blob);
    pdf.setDescription(description);
    return pdf;
  } catch (error) {
    for (const f of [pdf, doc]) {
      try {
        f?.setTrashed(true);
      } catch {
        // Left for the key lookup.
      }
    }
    throw error;
  }
}

/** Vị trí in phôi's values, or undefined when the sheet is missing. */
export function preprintedGrid(workbook: Spreadsheet): unknown[][] | undefined {
  const sheet = workbook.getSheetByName(SHEET);
  return sheet === null ? undefined : readGrid(sheet);
}

// ------------------------------------------------------------------ the calibration page

export const CALIBRATION_FORMS: readonly { kind: TemplateKind; form: string }[] = [
  { kind: 'meritCertificate', form: 'Giấy khen' },
  { kind: 'honorCertificate', form: 'Bằng khen' },
];

function outputFolder(workbook: Spreadsheet, texts: ReadonlyMap<string, string>): Folder {
  const state = inspectFolder(texts.get('documentsFolder') ?? '');
  if (state.state === 'ok') return state.item;
  const home = workbookFolder(workbook);
  const year = Number.parseInt(texts.get('year') ?? '', 10);
  const name = defaultFolderName(Number.isFinite(year) ? year : new Date().getFullYear());
  const existing = home.getFoldersByName(name);
  return existing.hasNext() ? existing.next() : home;
}

function calibration(workbook: Spreadsheet): void {
  const caption = captionOf('calibration');
  const grids = readGrids(workbook, [SHEET_NAMES.settings, SHEET]);
  const texts = settingTexts(grids[SHEET_NAMES.settings] ?? []);
  const setup = readPreprintedSetup(
    grids[SHEET],
    texts,
    CALIBRATION_FORMS.map((f) => f.kind),
  );
  // A form without rows still gets its grid; any other problem stops before a file is made.
  const problems = setup.problems.filter((p) => !p.includes('chưa có dòng nào'));
  if (problems.length > 0 || grids[SHEET] === undefined) {
    alertUser(
      `«${caption}» chưa tạo gì vì:\n- ${(problems.length > 0 ? problems : setup.problems).slice(0, 15).join('\n- ')}`,
      caption,
    );
    return;
  }
  const forms: CalibrationForm[] = CALIBRATION_FORMS.map((f) => ({
    form: f.form,
    fields: setup.layout.get(f.kind) ?? [],
  }));
  const stamp = Utilities.formatDate(
    new Date(),
    workbook.getSpreadsheetTimeZone(),
    'yyyy-MM-dd HH:mm',
  );
  const name = `Trang căn chỉnh phôi ${stamp}`;
  const folder = outputFolder(workbook, texts);
  let link: string;
  try {
    const doc = buildPositionedFile(
      calibrationDocSpec(name, forms, setup.offset),
      folder,
      'thidua: trang căn chỉnh phôi',
    );
    const blob = doc.getAs(PDF);
    blob.setName(`${name}.pdf`);
    link = folder.createFile(blob).getUrl();
  } catch (error) {
    alertUser(`«${caption}» không tạo được tệp: ${errorMessage(error)}`, caption);
    return;
  }
  alertUser(
    `Đã tạo ${name} (PDF): ${link}\n\nIn trang 1 (lưới 10 mm, đánh số theo mi-li-mét từ mép trái và mép trên tờ giấy) ở cỡ thật (100 %, không co giãn), đo xem vạch 100 mm nằm cách mép giấy bao nhiêu. Lệch bao nhiêu thì ghi số ngược dấu vào «Lệch ngang khi in phôi (mm)» và «Lệch dọc khi in phôi (mm)» ở trang "${SHEET_NAMES.settings}". Các trang sau đánh dấu "+" tại góc trên bên trái của từng trường (đã cộng độ lệch): in lên một tờ phôi để kiểm tra.`,
    caption,
  );
}

export function menuPreprintedCalibration(): void {
  runMenuAction(captionOf('calibration'), calibration, 'calibration');
}
