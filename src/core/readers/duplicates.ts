/**
 * Duplicates reported on every row involved (issue 10, Build 3): a reader reports a repeated
 * value where it meets the repeat, and this remembers the first occurrence so that it, too, gets
 * a finding naming the later cells. A user who sees only one of two rows marked fixes the wrong
 * one half the time.
 */
import { finding, type Finding, type FindingSeverity } from '../findings';

export interface DuplicateTracker {
  /** The cell of the first occurrence of `key` when this one is a repeat; undefined otherwise. */
  seen(key: string, cell: string, value: unknown): string | undefined;
  /** Each first occurrence that was repeated, with the later cells. */
  repeated(): { cell: string; value: unknown; later: string[] }[];
  /** One duplicate-code finding per first occurrence that was repeated, naming the later cells. */
  firstOccurrenceFindings(severity?: FindingSeverity): Finding[];
}

export function duplicateTracker(sheet: string): DuplicateTracker {
  const first = new Map<string, { cell: string; value: unknown }>();
  const later = new Map<string, string[]>();
  return {
    seen(key, cell, value) {
      const known = first.get(key);
      if (known === undefined) {
        first.set(key, { cell, value });
        return undefined;
      }
      const cells = later.get(key) ?? [];
      cells.push(cell);
      later.set(key, cells);
      return known.cell;
    },
    repeated() {
      const out: { cell: string; value: unknown; later: string[] }[] = [];
      later.forEach((cells, key) => {
        const known = first.get(key);
        if (known !== undefined) out.push({ ...known, later: cells });
      });
      return out;
    },
    firstOccurrenceFindings(severity) {
      return this.repeated().map((r) =>
        finding(
          sheet,
          r.cell,
          'duplicate-code',
          r.value,
          { firstCell: r.later.join(', ') },
          severity,
        ),
      );
    },
  };
}
