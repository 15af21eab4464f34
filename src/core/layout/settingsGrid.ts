import type { ClusterSettings } from '../model/settings';
import { formatShortDate } from '../format/vietnamese';
import {
  LINE_SEPARATOR,
  LIST_SEPARATOR,
  SETTING_ROWS,
  SETTINGS_TABLE,
  jsonEqual,
  tieBreakLabel,
  type SettingRow,
} from './settings';
import { headerValues } from './columns';
import type { CalendarDateValue } from '../model/calendarDate';

function valueAt(settings: ClusterSettings, path: readonly string[]): unknown {
  let node: unknown = settings;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** One setting as set-up writes it into the value cell ('' when unset). */
export function settingCellValue(row: SettingRow, settings: ClusterSettings): string | number {
  const target = row.target;
  const value =
    'band' in target
      ? settings.classificationBands.find((b) => b.label === target.band)?.minShare
      : valueAt(settings, target.path);
  if (value === undefined) return row.fallback ?? row.prefill?.(settings) ?? '';
  const kind = row.value;
  switch (kind.kind) {
    case 'text':
      return typeof value === 'string' ? value : '';
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? value : '';
    case 'percent':
      // Round away binary noise: 0.95 × 100 is 94.99999999999999.
      return typeof value === 'number' ? Math.round(value * 100 * 1e9) / 1e9 : '';
    case 'date':
      return typeof value === 'object' && value !== null && 'year' in value
        ? formatShortDate(value as CalendarDateValue)
        : '';
    case 'choice':
      return kind.choices.find((c) => jsonEqual(c.value, value))?.label ?? '';
    case 'labelList':
      return Array.isArray(value) ? value.join(LIST_SEPARATOR) : '';
    case 'lines':
      return Array.isArray(value) && value.length > 0
        ? value.join(LINE_SEPARATOR)
        : (row.prefill?.(settings) ?? '');
    case 'tieBreak':
      return Array.isArray(value)
        ? value.length === 0
          ? 'Không'
          : settings.tieBreak.map(tieBreakLabel).join(LIST_SEPARATOR)
        : '';
  }
}

/**
 * The whole Cấu hình sheet for given settings: header row, then label, value, note per row.
 * Set-up writes it for a new workbook; readSettings of this grid gives the settings back.
 */
export function settingsGrid(settings: ClusterSettings): (string | number)[][] {
  return [
    headerValues(SETTINGS_TABLE),
    ...SETTING_ROWS.map((row) => [row.label, settingCellValue(row, settings), row.note]),
  ];
}
