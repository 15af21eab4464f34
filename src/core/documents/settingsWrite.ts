/**
 * Writing ids and links back into Cấu hình without touching anything else: the raw text of a
 * setting, and the few blocks that set given settings (contiguous rows in one block each; rows
 * missing from an older workbook appended below the last row, with their label and note).
 */
import { SETTING_ROWS, SETTINGS_TABLE, type SettingsColumnKey } from '../layout/settings';
import { locateTable } from '../readers/headers';
import { cellAt, isBlankRow, labelKey, rowAt } from '../readers/cells';
import { valueToText } from '../parse/text';

export type SettingsBlock = {
  /** 1-based. */
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly string[])[];
};

type Located = {
  readonly label: number;
  readonly value: number;
  readonly note: number;
  readonly headerRow0: number;
  /** Setting key → 0-based row. */
  readonly rows: ReadonlyMap<string, number>;
};

function locate(grid: readonly unknown[]): Located {
  const located = locateTable<SettingsColumnKey>(grid, SETTINGS_TABLE);
  const label = located.columns.get('label') ?? 0;
  const value = located.columns.get('value') ?? 1;
  const note = located.columns.get('note') ?? 2;
  const byLabel = new Map(SETTING_ROWS.map((r) => [labelKey(r.label), r.key]));
  const rows = new Map<string, number>();
  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    const key = byLabel.get(labelKey(cellAt(grid, r, label)));
    if (key !== undefined && !rows.has(key)) rows.set(key, r);
  }
  return { label, value, note, headerRow0: located.headerRow0, rows };
}

/** The text in each setting's value cell ('' when the row or the value is missing). */
export function settingTexts(grid: readonly unknown[]): ReadonlyMap<string, string> {
  const at = locate(grid);
  const texts = new Map<string, string>();
  for (const row of SETTING_ROWS) {
    const r = at.rows.get(row.key);
    texts.set(row.key, r === undefined ? '' : valueToText(cellAt(grid, r, at.value)).trim());
  }
  return texts;
}

/** The value cells to write for `updates` (setting key → text), as few blocks as possible. */
export function settingsBlocks(
  grid: readonly unknown[],
  updates: ReadonlyMap<string, string>,
): SettingsBlock[] {
  const at = locate(grid);
  const present: { r: number; text: string }[] = [];
  const missing: { key: string; text: string }[] = [];
  for (const [key, text] of updates) {
    const r = at.rows.get(key);
    if (r === undefined) missing.push({ key, text });
    else present.push({ r, text });
  }
  present.sort((a, b) => a.r - b.r);
  const blocks: SettingsBlock[] = [];
  for (const item of present) {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && last.row + last.values.length === item.r + 1) {
      blocks[blocks.length - 1] = { ...last, values: [...last.values, [item.text]] };
    } else {
      blocks.push({ row: item.r + 1, column: at.value + 1, values: [[item.text]] });
    }
  }
  if (missing.length > 0) {
    let end = grid.length;
    while (end > at.headerRow0 + 1 && isBlankRow(rowAt(grid, end - 1))) end--;
    const first = Math.max(end, at.headerRow0 + 1);
    const ordered = SETTING_ROWS.filter((r) => missing.some((m) => m.key === r.key));
    const lines = ordered.map((row) => ({
      row,
      text: missing.find((m) => m.key === row.key)?.text ?? '',
    }));
    const adjacent = at.value === at.label + 1 && at.note === at.value + 1;
    if (adjacent) {
      blocks.push({
        row: first + 1,
        column: at.label + 1,
        values: lines.map((l) => [l.row.label, l.text, l.row.note]),
      });
    } else {
      // Reordered columns: label and value are written apart (notes are left out).
      blocks.push({
        row: first + 1,
        column: at.label + 1,
        values: lines.map((l) => [l.row.label]),
      });
      blocks.push({ row: first + 1, column: at.value + 1, values: lines.map((l) => [l.text]) });
    }
  }
  return blocks;
}
