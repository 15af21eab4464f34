/**
 * History entries as the cells of Lịch sử rows: labels where the sheet shows labels (Tập thể /
 * Cá nhân, Cấp khen), each value in the column the sheet has it in (read by header).
 */
import { AWARD_LEVEL_LABELS, RECIPIENT_TYPE_LABELS } from '../model/award';
import type { HistoryEntry } from '../model/history';
import type { CalendarDate } from '../parse/date';
import type { HistoryColumnKey } from '../layout/historyTables';

export function historyCells(
  entry: HistoryEntry,
  positions: ReadonlyMap<HistoryColumnKey, number>,
  dateOut: (d: CalendarDate) => unknown,
): unknown[] {
  const width = Math.max(0, ...positions.values());
  const row: unknown[] = Array.from({ length: width }, () => '');
  const put = (key: HistoryColumnKey, value: unknown): void => {
    const col = positions.get(key);
    if (col !== undefined) row[col - 1] = value;
  };
  put('year', entry.year);
  put('subjectType', RECIPIENT_TYPE_LABELS[entry.subjectType]);
  put('name', entry.name);
  put('unit', entry.unit);
  put('item', entry.item);
  put('level', entry.level === undefined ? '' : AWARD_LEVEL_LABELS[entry.level]);
  put('decisionNumber', entry.decisionNumber);
  put('decisionDate', entry.decisionDate === undefined ? '' : dateOut(entry.decisionDate));
  put('note', entry.note);
  put('source', entry.source);
  put('registerKey', entry.registerKey);
  return row;
}

/** Every Mã hồ sơ on the sheet, rows with errors included: a row is never recorded twice. */
export function recordedKeys(
  grid: readonly (readonly unknown[])[],
  headerRow: number,
  positions: ReadonlyMap<HistoryColumnKey, number>,
): Set<string> {
  const col = positions.get('registerKey');
  const keys = new Set<string>();
  if (col === undefined) return keys;
  for (let r = headerRow; r < grid.length; r++) {
    const v = grid[r]?.[col - 1];
    if (typeof v === 'string' && v.trim() !== '') keys.add(v.trim());
  }
  return keys;
}
