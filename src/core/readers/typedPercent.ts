/**
 * Sheets turns a typed "90%" into the number 0.9 and gives the cell a percent format, so
 * getValues alone cannot tell "90%" from "0,9". Read with the range's number formats, such a
 * cell is given back to the readers as the text the user typed ("90%"): a score cell then
 * refuses it with a message ("ô điểm không nhận %"), never counts 0.9 points, and a percentage
 * setting reads it as the guide says (95 % of the total).
 */
import { formatNumberVi } from '../format/vietnamese';
import { SHEET_NAMES, isScoreSheet } from '../layout/sheets';

/** A number format that shows a percentage: a "%" outside quoted text and escapes. */
export function isPercentFormat(format: unknown): boolean {
  if (typeof format !== 'string' || !format.includes('%')) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return bare.includes('%');
}

/** The sheets whose number cells are read back as typed when they hold a percentage. */
export function readsTypedPercents(sheet: string): boolean {
  return isScoreSheet(sheet) || sheet === SHEET_NAMES.settings;
}

/** 0.9 → "90%", 0.955 → "95,5%": the percentage as a Vietnamese user types it. */
export function percentText(value: number): string {
  return `${formatNumberVi(Math.round(value * 100 * 1e9) / 1e9)}%`;
}

/**
 * The values with every number in a percent-formatted cell replaced by its typed text. Returns
 * the same array when no cell changes, so the common case copies nothing.
 */
export function withTypedPercents(
  values: readonly (readonly unknown[])[],
  formats: readonly (readonly unknown[])[] | undefined,
): unknown[][] {
  const out = values as unknown[][];
  if (formats === undefined) return out;
  let copy: unknown[][] | undefined;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const formatRow = formats[r];
    if (formatRow === undefined) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'number' || !Number.isFinite(v) || !isPercentFormat(formatRow[c])) continue;
      copy ??= values.map((x) => [...x]);
      const target = copy[r];
      if (target !== undefined) target[c] = percentText(v);
    }
  }
  return copy ?? out;
}
