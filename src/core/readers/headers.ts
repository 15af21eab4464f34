import { finding, type Finding } from '../findings';
import type { TableLayout } from '../layout/columns';
import { a1, cellAt, columnCount, isBlank, labelKey, rowAt } from './cells';

/** How many rows from the top a header row is looked for in (users insert title rows). */
export const HEADER_SCAN_ROWS = 5;

export interface LocatedTable<K extends string> {
  /** 0-based row of the headers in the grid. */
  readonly headerRow0: number;
  /** Column key → 0-based column in the grid. */
  readonly columns: ReadonlyMap<K, number>;
  readonly findings: Finding[];
}

function keysOf(header: string, aliases: readonly string[] | undefined): string[] {
  return [header, ...(aliases ?? [])].map(labelKey);
}

/**
 * Finds a table's columns by their header text (without case or diacritics, aliases
 * included), so reordered columns still read. The header row is the one of the first few rows
 * that matches most headers. A column not found is 'header-missing' when required; when the
 * cell at its set-up position holds some other text, the header was renamed: the column is
 * read from that position and a 'header-renamed' warning says so.
 */
export function locateTable<K extends string>(
  grid: readonly unknown[],
  layout: TableLayout<K>,
): LocatedTable<K> {
  const specKeys = layout.columns.map((c) => keysOf(c.header, c.aliases));
  const specOf = (value: unknown): number => {
    const key = labelKey(value);
    return key === '' ? -1 : specKeys.findIndex((keys) => keys.includes(key));
  };

  let headerRow0 = layout.headerRow - 1;
  let bestScore = 0;
  const scan = Math.min(HEADER_SCAN_ROWS, grid.length);
  for (let r = 0; r < scan; r++) {
    const matched = new Set<number>();
    for (const v of rowAt(grid, r)) {
      const s = specOf(v);
      if (s >= 0) matched.add(s);
    }
    if (matched.size > bestScore) {
      bestScore = matched.size;
      headerRow0 = r;
    }
  }

  const findings: Finding[] = [];
  const columns = new Map<K, number>();
  const width = Math.max(columnCount(grid), layout.columns.length);
  for (let c = 0; c < width; c++) {
    const value = cellAt(grid, headerRow0, c);
    const s = specOf(value);
    const spec = layout.columns[s];
    if (spec === undefined) continue;
    const first = columns.get(spec.key);
    if (first !== undefined) {
      findings.push(
        finding(layout.sheet, a1(headerRow0, c), 'duplicate-code', value, {
          firstCell: a1(headerRow0, first),
        }),
      );
      continue;
    }
    columns.set(spec.key, c);
  }

  const claimed = new Set(columns.values());
  layout.columns.forEach((spec, expected) => {
    if (columns.has(spec.key)) return;
    const value = cellAt(grid, headerRow0, expected);
    const cell = a1(headerRow0, expected);
    if (!isBlank(value) && specOf(value) < 0 && !claimed.has(expected)) {
      findings.push(
        finding(layout.sheet, cell, 'header-renamed', value, { expected: spec.header }),
      );
      columns.set(spec.key, expected);
      claimed.add(expected);
    } else if (spec.required) {
      findings.push(
        finding(layout.sheet, cell, 'header-missing', value, { expected: spec.header }),
      );
    }
  });
  return { headerRow0, columns, findings };
}
