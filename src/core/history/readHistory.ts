/**
 * Reads Lịch sử thi đua, khen thưởng into entries, every problem as a finding naming its cell.
 * Never throws. A row with an error is left out (a rule cannot count a year it cannot read) and
 * its cells are named, so the user can mend it; the rest of the history is still used.
 */
import { finding, type Finding, type FindingCode, type FindingDetails } from '../findings';
import { AWARD_LEVEL_LABELS, type AwardLevel, type RecipientType } from '../model/award';
import type { HistoryEntry } from '../model/history';
import { HISTORY_LAYOUT, type HistoryColumnKey } from '../layout/historyTables';
import { parseDate, type CalendarDate } from '../parse/date';
import { parseText } from '../parse/text';
import { checkNumber } from '../readers/values';
import { a1, cellAt, isBlankRow, matchLabel, rowAt, type ReadResult } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { LEVEL_CHOICES, LEVEL_LABELS, TYPE_CHOICES, TYPE_LABELS } from '../awards/readAwards';

const SHEET = HISTORY_LAYOUT.sheet;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** One entry with the sheet row it was read from. */
export interface HistoryRow extends HistoryEntry {
  /** 1-based sheet row. */
  readonly row: number;
}

export interface HistoryReadout extends ReadResult<HistoryRow[]> {
  /** 1-based column of each layout column found on the sheet. */
  readonly positions: ReadonlyMap<HistoryColumnKey, number>;
  /** 1-based header row. */
  readonly headerRow: number;
  /** 1-based last row holding anything (the header row when the history is empty). */
  readonly lastRow: number;
}

type Field = { readonly cell: string; readonly value: unknown };

/**
 * `sheet` names the sheet in findings: the history of this workbook, or of a file being
 * imported (its findings then name that file's sheet).
 */
export function readHistory(grid: readonly unknown[], sheet: string = SHEET): HistoryReadout {
  const located = locateTable<HistoryColumnKey>(grid, { ...HISTORY_LAYOUT, sheet: SHEET });
  const findings: Finding[] = located.findings.map((f) => (sheet === SHEET ? f : { ...f, sheet }));
  const rows: HistoryRow[] = [];
  const positions = new Map<HistoryColumnKey, number>();
  located.columns.forEach((c0, key) => positions.set(key, c0 + 1));
  const col = (key: HistoryColumnKey): number => located.columns.get(key) ?? -1;
  let lastRow = located.headerRow0 + 1;

  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    if (isBlankRow(rowAt(grid, r))) continue;
    lastRow = r + 1;
    const errors: Finding[] = [];
    const report = (f: Field, code: FindingCode, details?: FindingDetails): void => {
      const made = finding(sheet, f.cell, code, f.value, details);
      findings.push(made);
      if (made.severity === 'error') errors.push(made);
    };
    const at = (key: HistoryColumnKey): Field => ({
      cell: a1(r, Math.max(col(key), 0)),
      value: cellAt(grid, r, col(key)),
    });
    const text = (key: HistoryColumnKey, field: string, required: boolean): string => {
      const f = at(key);
      if (col(key) < 0) return '';
      const parsed = parseText(f.value);
      if (parsed.kind === 'ok') return parsed.value;
      if (parsed.kind === 'invalid') report(f, parsed.code, { expected: field });
      else if (required) report(f, 'required-missing', { field });
      return '';
    };
    const choice = <T>(
      key: HistoryColumnKey,
      field: string,
      labels: readonly string[],
      choices: readonly (readonly [string, T])[],
      shown: readonly string[],
      required: boolean,
    ): T | undefined => {
      const f = at(key);
      const index = matchLabel(f.value, labels);
      if (index === -1) {
        if (required) report(f, 'required-missing', { field });
        return undefined;
      }
      const matched = index === undefined ? undefined : choices[index]?.[1];
      if (matched === undefined) report(f, 'invalid-value', { expected: shown.join(', ') });
      return matched;
    };

    let year: number | undefined;
    const yearField = at('year');
    const checked = checkNumber(yearField.value, {
      min: MIN_YEAR,
      max: MAX_YEAR,
      integer: true,
      what: 'năm',
    });
    if (checked.kind === 'ok') year = checked.value;
    else if (checked.kind === 'bad')
      report(yearField, 'invalid-value', {
        expected: `năm là số nguyên từ ${String(MIN_YEAR)} đến ${String(MAX_YEAR)}`,
      });
    else report(yearField, 'required-missing', { field: 'năm' });

    const subjectType = choice<RecipientType>(
      'subjectType',
      'tập thể hay cá nhân',
      TYPE_LABELS,
      TYPE_CHOICES,
      TYPE_LABELS,
      true,
    );
    const name = text('name', 'tên tập thể hoặc họ tên cá nhân', true);
    const unit = text('unit', 'đơn vị', false);
    const item = text('item', 'danh hiệu, hình thức khen thưởng hoặc xếp loại', true);
    const level = choice<AwardLevel>(
      'level',
      'cấp khen',
      LEVEL_LABELS,
      LEVEL_CHOICES,
      Object.values(AWARD_LEVEL_LABELS),
      false,
    );
    const decisionNumber = text('decisionNumber', 'số quyết định', false);
    let decisionDate: CalendarDate | undefined;
    if (col('decisionDate') >= 0) {
      const f = at('decisionDate');
      const parsed = parseDate(f.value);
      if (parsed.kind === 'ok') decisionDate = parsed.value;
      else if (parsed.kind === 'invalid') report(f, 'invalid-date');
    }
    const note = text('note', 'ghi chú', false);
    const source = text('source', 'nguồn', false);
    const registerKey = text('registerKey', 'mã hồ sơ', false);

    if (
      errors.length > 0 ||
      year === undefined ||
      subjectType === undefined ||
      name === '' ||
      item === ''
    )
      continue;
    rows.push({
      row: r + 1,
      year,
      subjectType,
      name,
      unit,
      item,
      ...(level === undefined ? {} : { level }),
      decisionNumber,
      ...(decisionDate === undefined ? {} : { decisionDate }),
      note,
      source,
      registerKey,
    });
  }
  return { value: rows, findings, positions, headerRow: located.headerRow0 + 1, lastRow };
}
