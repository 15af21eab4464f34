/**
 * Marks on bad cells: a light-red fill and a note holding the Vietnamese finding. Only marks the
 * product made are ever cleared, so a note a user wrote is kept: the product's notes start with
 * MARK_PREFIX, and a user's earlier note is carried below a separator and given back when the
 * cell is corrected. Values are never touched here (nothing a user typed is rewritten).
 */
import type { CellVerdict } from '../validation/edit';

/** How the product's notes start; a note without it belongs to a user. */
export const MARK_PREFIX = '⚠ Thi đua: ';
/** Between the product's message and a user's earlier note in the same cell. */
export const USER_NOTE_SEPARATOR = '\n———\n';
/** Sheets' "light red 3": visible, yet the typed value stays readable. */
export const MARK_FILL = '#f4cccc';
/** What getBackgrounds reports for a cell without a fill. */
const NO_FILL = '#ffffff';

export function isProductNote(note: string): boolean {
  return note.startsWith(MARK_PREFIX);
}

/** The user's part of a note: all of it, or what follows the separator of a product note. */
export function userPartOfNote(note: string): string {
  if (!isProductNote(note)) return note;
  const at = note.indexOf(USER_NOTE_SEPARATOR);
  return at < 0 ? '' : note.slice(at + USER_NOTE_SEPARATOR.length);
}

/** The product's note for a message, keeping a user's note below it. */
export function markNote(message: string, userNote: string): string {
  const mark = `${MARK_PREFIX}${message}`;
  return userNote === '' ? mark : `${mark}${USER_NOTE_SEPARATOR}${userNote}`;
}

export interface MarkPlan {
  /** The block's notes and fills to write back ('' removes a note, null removes a fill). */
  readonly notes: string[][];
  readonly backgrounds: (string | null)[][];
  /** False when writing would change nothing (then the adapter writes nothing). */
  readonly changed: boolean;
  /** Cells marked bad by this edit, and cells whose earlier mark was cleared. */
  readonly marked: number;
  readonly cleared: number;
}

function normalizeFill(color: string): string | null {
  const c = color.trim().toLowerCase();
  return c === '' || c === NO_FILL ? null : c;
}

/**
 * Plans the notes and fills of an edited block from the verdicts (row-major, as
 * checkEditedCells returns them) and the block's current notes and fills.
 * - bad cell: the product's note (user note kept below) and MARK_FILL;
 * - good cell with a product mark: the user's note back, the fill removed (a fill the user set
 *   after the mark is kept);
 * - good cell without a mark: left as it is.
 */
export function planMarks(
  verdicts: readonly CellVerdict[],
  notes: readonly (readonly string[])[],
  backgrounds: readonly (readonly string[])[],
): MarkPlan {
  const width = notes[0]?.length ?? 0;
  const outNotes: string[][] = [];
  const outFills: (string | null)[][] = [];
  let changed = false;
  let marked = 0;
  let cleared = 0;
  notes.forEach((row, i) => {
    const noteRow: string[] = [];
    const fillRow: (string | null)[] = [];
    row.forEach((rawNote, j) => {
      const note = typeof rawNote === 'string' ? rawNote : '';
      const fill = normalizeFill(backgrounds[i]?.[j] ?? '');
      const verdict = verdicts[i * width + j];
      let newNote = note;
      let newFill = fill;
      if (verdict !== undefined && !verdict.ok && verdict.finding !== undefined) {
        newNote = markNote(verdict.finding.message, userPartOfNote(note));
        newFill = MARK_FILL;
        marked++;
      } else if (isProductNote(note)) {
        newNote = userPartOfNote(note);
        newFill = fill === MARK_FILL ? null : fill;
        cleared++;
      }
      if (newNote !== note || newFill !== fill) changed = true;
      noteRow.push(newNote);
      fillRow.push(newFill);
    });
    outNotes.push(noteRow);
    outFills.push(fillRow);
  });
  return { notes: outNotes, backgrounds: outFills, changed, marked, cleared };
}
