/**
 * Which register rows "Tạo giấy khen / bằng khen" takes, and what it tells the user about it.
 *
 * Decision (issue 10): a selection chooses rows only when the user clearly chose rows.
 * - One cell selected is the cursor, not a choice: "Kiểm tra dữ liệu" selects a bad cell, and a
 *   click anywhere leaves one cell selected. All pending rows are taken.
 * - A range of several cells (a row or rows, by their numbers or by dragging) chooses those rows:
 *   only they are taken, and the user is told so, with how many pending rows are left outside and
 *   how to make all of them.
 * - A chosen range that holds no row that can be made (all made already, or all with errors) does
 *   not shadow the other pending rows: all pending rows are taken and the user is told why.
 */
import type { AwardRow, InvalidAwardRow } from '../awards/readAwards';
import { awaitsMail, targetRows, type Selection } from './plan';

export type SelectedRange = {
  readonly fromRow: number;
  readonly toRow: number;
  /** Cells in the selected range (rows × columns). */
  readonly cells: number;
} | null;

export type Scope = {
  /** The selection the run uses (null: all pending rows). */
  readonly selection: Selection;
  /** What to tell the user before the job's report, in Vietnamese ('' when nothing to say). */
  readonly notice: string;
};

function rowsText(from: number, to: number): string {
  return from === to ? `dòng ${String(from)}` : `dòng ${String(from)}–${String(to)}`;
}

export function chooseScope(
  rows: readonly AwardRow[],
  invalid: readonly InvalidAwardRow[],
  selected: SelectedRange,
  options: { readonly email: boolean; readonly sheet: string; readonly caption: string },
): Scope {
  if (selected === null || selected.cells <= 1) return { selection: null, notice: '' };
  const selection: Selection = { fromRow: selected.fromRow, toRow: selected.toRow };
  const where = `${rowsText(selected.fromRow, selected.toRow)} ở trang "${options.sheet}"`;
  const inside = targetRows(rows, invalid, selection);
  const mail = options.email ? rows.filter((r) => awaitsMail(r)) : [];
  const mailInside = mail.filter((r) => r.row >= selected.fromRow && r.row <= selected.toRow);
  const all = targetRows(rows, invalid, null);
  const pendingAll = all.rows.length + all.invalid.length + mail.length;
  if (inside.rows.length === 0 && mailInside.length === 0) {
    return {
      selection: null,
      notice:
        `Vùng đang chọn (${where}) không có dòng nào tạo được, nên chương trình làm tất cả ` +
        `${String(pendingAll)} dòng chưa tạo của trang.`,
    };
  }
  const taken = inside.rows.length + inside.invalid.length + mailInside.length;
  const left = pendingAll - taken;
  return {
    selection,
    notice:
      `Chỉ làm các dòng đang chọn (${where}): ${String(taken)} dòng.` +
      (left > 0 ? ` Còn ${String(left)} dòng chưa tạo ngoài vùng chọn.` : '') +
      ` Muốn làm tất cả các dòng chưa tạo, bấm chọn một ô bất kỳ (chỉ một ô) rồi chạy lại «${options.caption}».`,
  };
}
