/**
 * Builds one combined print file: a Drive copy of the template (so page size and margins are the
 * template's; one "documents created" per file), then per further certificate a page break and
 * copies of the template's body blocks, each certificate merged right after it is appended
 * (src/core/certificates/combine.ts shifts its plan). Docs refuses too many edits without
 * saveAndClose(): the document is saved and reopened every EDITS_PER_SAVE edits.
 *
 * Decision: copying the template's blocks (rather than a {{#repeat}} block in the template) works
 * with any user template as it is; the cost is one insert per block per certificate.
 */
import { shiftOps } from '../../core/certificates';
import type { MergePlan } from '../../core/template';
import { applyMergePlan } from '../docs/merge';

type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

/** Below the host's default change limit (200) and the 25–100 saves seen in the wild (DESIGN §4). */
export const EDITS_PER_SAVE = 150;

function insertCopy(body: Body, index: number, element: Element): void {
  const types = DocumentApp.ElementType;
  const type = element.getType();
  if (type === types.PARAGRAPH) body.insertParagraph(index, element.asParagraph().copy());
  else if (type === types.TABLE) body.insertTable(index, element.asTable().copy());
  else if (type === types.LIST_ITEM) body.insertListItem(index, element.asListItem().copy());
  else throw new Error(`Không sao chép được phần tử ${String(type)} của mẫu.`);
}

/**
 * Makes the print file `name` in `folder` from the template with one plan per certificate, in
 * order (certificate k on page k + 1). Returns the Doc; on any failure the Doc is trashed and the
 * error rethrown, so a retry never leaves a half-made file behind.
 */
export function buildPrintFile(
  template: File,
  plans: readonly MergePlan[],
  name: string,
  folder: Folder,
  description: string,
): File {
  const file = template.makeCopy(name, folder);
  return trashOnFailure(file, () => {
    file.setDescription(description);
    const id = file.getId();
    const source = DocumentApp.openById(template.getId()).getBody();
    const size = source.getNumChildren();
    const parts: Element[] = [];
    for (let i = 0; i < size; i++) parts.push(source.getChild(i));
    let doc = DocumentApp.openById(id);
    let body = doc.getBody();
    let edits = 0;
    const save = (): void => {
      doc.saveAndClose();
      doc = DocumentApp.openById(id);
      body = doc.getBody();
      edits = 0;
    };
    // A sentinel last paragraph: copies are inserted before it, so a copied table is never last
    // (Docs would add an empty paragraph after it and shift the indices).
    body.appendParagraph('');
    edits++;
    plans.forEach((plan, k) => {
      let offset = 0;
      if (k > 0) {
        if (edits + size + 1 > EDITS_PER_SAVE) save();
        const n = body.getNumChildren();
        body.insertPageBreak(n - 1);
        offset = n;
        parts.forEach((element, i) => {
          insertCopy(body, offset + i, element);
        });
        edits += size + 1;
      }
      const ops = shiftOps(plan.ops, offset);
      let from = 0;
      for (;;) {
        if (EDITS_PER_SAVE - edits < 4) save();
        const progress = applyMergePlan(body, { ops }, { from, maxEdits: EDITS_PER_SAVE - edits });
        edits += progress.edits;
        if (progress.done) break;
        from = progress.next;
        save();
      }
    });
    // The last certificate's own trailing empty paragraph goes; the sentinel (a section's last
    // paragraph cannot be removed) takes its place, as in the template.
    const count = body.getNumChildren();
    if (count >= 2) {
      const before = body.getChild(count - 2);
      if (
        before.getType() === DocumentApp.ElementType.PARAGRAPH &&
        before.asParagraph().getText() === ''
      ) {
        before.removeFromParent();
      }
    }
    doc.saveAndClose();
    return file;
  });
}

/**
 * Runs `make` on a freshly made output file; on any failure trashes the file and rethrows, so a
 * retry never leaves a half-made file behind (the key lookup cleans up if trashing fails too).
 */
export function trashOnFailure<T>(file: GoogleAppsScript.Drive.File, make: () => T): T {
  try {
    return make();
  } catch (error) {
    try {
      file.setTrashed(true);
    } catch {
      // Nothing more can be done; the key lookup will find and clean it up next time.
    }
    throw error;
  }
}
