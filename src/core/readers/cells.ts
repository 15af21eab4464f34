/**
 * Small helpers shared by the readers: safe access to a grid as getValues() returns it, blank
 * detection, and matching a cell against a closed list of Vietnamese labels.
 */
import { cellA1 } from '../a1';
import { nameKey } from '../text/normalize';
import { parseText, valueToText } from '../parse/text';
import type { Finding } from '../findings';

/** What every reader returns: the typed value built from the good cells, and every problem. */
export interface ReadResult<T> {
  readonly value: T;
  readonly findings: Finding[];
}

/** A grid row, or [] when the grid is ragged or not an array at all. */
export function rowAt(grid: readonly unknown[], r0: number): readonly unknown[] {
  const row = grid[r0];
  return Array.isArray(row) ? row : [];
}

/** A cell value, '' for anything outside the grid (getValues pads with ''). */
export function cellAt(grid: readonly unknown[], r0: number, c0: number): unknown {
  if (c0 < 0) return '';
  const value = rowAt(grid, r0)[c0];
  return value === undefined || value === null ? '' : value;
}

/** 0-based grid indices → A1, for findings. */
export function a1(r0: number, c0: number): string {
  return cellA1(r0 + 1, c0 + 1);
}

/** Blank as a user sees it: '', null, or only spaces (including non-breaking ones). */
export function isBlank(value: unknown): boolean {
  return parseText(value).kind === 'empty';
}

export function isBlankRow(row: readonly unknown[]): boolean {
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

/** Text for comparing headers and labels: no case, no diacritics, single spaces. */
export function labelKey(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return nameKey(valueToText(value), { ignoreDiacritics: true });
}

/** Widest row, so that every column is visited even in ragged grids. */
export function columnCount(grid: readonly unknown[]): number {
  let width = 0;
  for (let r = 0; r < grid.length; r++) width = Math.max(width, rowAt(grid, r).length);
  return width;
}

/**
 * Matches a cell against labels (case- and diacritics-insensitive): the label's index, -1 when
 * blank, undefined when it matches none. The label lists are chosen so that no two fold alike.
 */
export function matchLabel(value: unknown, labels: readonly string[]): number | undefined {
  if (isBlank(value)) return -1;
  const key = labelKey(value);
  if (key === '') return undefined;
  const index = labels.findIndex((l) => labelKey(l) === key);
  return index < 0 ? undefined : index;
}
