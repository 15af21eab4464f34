/**
 * Sheets refuses a cell of more than 50,000 characters (DESIGN §4) and a refused setValues
 * fails the whole action with Google's English message. A user may type up to the limit into a
 * name, so text the product builds around it (a title with the cluster's name, a proposal's reason
 * naming tied units, a nominee "name (form)", an achievement sentence) can outgrow a cell: such
 * text is cut to fit, ending with how long it was. Text within the limit, a user's own value
 * included, is never touched.
 */
import { CELL_CHARACTER_LIMIT } from './findings';
import { formatNumberVi } from './format/vietnamese';

export function fitCell<T>(value: T): T | string {
  if (typeof value !== 'string' || value.length <= CELL_CHARACTER_LIMIT) return value;
  const tail = `… (đã cắt bớt cho vừa một ô; dài ${formatNumberVi(Array.from(value).length)} ký tự)`;
  let head = value.slice(0, CELL_CHARACTER_LIMIT - tail.length);
  // Never leave half of a surrogate pair at the cut.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return head + tail;
}

/** fitCell over a block about to be written with setValues. */
export function fitCells(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) => row.map((cell) => fitCell(cell)));
}
