/**
 * Đối chiếu lịch sử as rows the program reads back: each review item with the user's answer.
 * The program wrote every cell but Kết luận, so a row it cannot read (edited by hand) is left
 * alone and named in a note, never guessed.
 */
import { AWARD_LEVEL_LABELS, RECIPIENT_TYPE_LABELS } from '../model/award';
import type { HistoryEntry } from '../model/history';
import {
  HISTORY_REVIEW_LAYOUT,
  REVIEW_DIFFERENT,
  REVIEW_DONE,
  REVIEW_SAME,
  type HistoryReviewColumnKey,
} from '../layout/historyReviewTables';
import { LEVEL_CHOICES, LEVEL_LABELS, TYPE_CHOICES, TYPE_LABELS } from '../awards/readAwards';
import { parseDate, type CalendarDate } from '../parse/date';
import { cellAt, isBlankRow, labelKey, matchLabel, rowAt } from '../readers/cells';
import { locateTable } from '../readers/headers';
import type { ReviewItem } from './importMatch';

export interface ReviewRow {
  readonly row: number;
  readonly item: ReviewItem;
  readonly decision: 'same' | 'different' | undefined;
  readonly done: boolean;
}

export interface ReviewReadout {
  readonly rows: readonly ReviewRow[];
  /** Rows the program could not read back (1-based). */
  readonly unreadable: readonly number[];
  readonly positions: ReadonlyMap<HistoryReviewColumnKey, number>;
  readonly lastRow: number;
  /** Every Mã đối chiếu on the sheet. */
  readonly keys: ReadonlySet<string>;
}

export function readReview(grid: readonly unknown[]): ReviewReadout {
  const located = locateTable<HistoryReviewColumnKey>(grid, HISTORY_REVIEW_LAYOUT);
  const positions = new Map<HistoryReviewColumnKey, number>();
  located.columns.forEach((c0, key) => positions.set(key, c0 + 1));
  const rows: ReviewRow[] = [];
  const unreadable: number[] = [];
  const keys = new Set<string>();
  let lastRow = located.headerRow0 + 1;
  const str = (r: number, key: HistoryReviewColumnKey): string => {
    const v = cellAt(grid, r, located.columns.get(key) ?? -1);
    return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
  };
  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    if (isBlankRow(rowAt(grid, r))) continue;
    lastRow = r + 1;
    const reviewKey = str(r, 'reviewKey');
    if (reviewKey !== '') keys.add(reviewKey);
    const year = cellAt(grid, r, located.columns.get('year') ?? -1);
    const typeIndex = matchLabel(
      cellAt(grid, r, located.columns.get('subjectType') ?? -1),
      TYPE_LABELS,
    );
    const subjectType =
      typeIndex === undefined || typeIndex < 0 ? undefined : TYPE_CHOICES[typeIndex]?.[1];
    const levelIndex = matchLabel(
      cellAt(grid, r, located.columns.get('level') ?? -1),
      LEVEL_LABELS,
    );
    const level =
      levelIndex === undefined || levelIndex < 0 ? undefined : LEVEL_CHOICES[levelIndex]?.[1];
    const date = parseDate(cellAt(grid, r, located.columns.get('decisionDate') ?? -1));
    const name = str(r, 'name');
    const item = str(r, 'item');
    if (
      reviewKey === '' ||
      typeof year !== 'number' ||
      subjectType === undefined ||
      name === '' ||
      item === ''
    ) {
      unreadable.push(r + 1);
      continue;
    }
    const entry: HistoryEntry = {
      year,
      subjectType,
      name,
      unit: str(r, 'unit'),
      item,
      ...(level === undefined ? {} : { level }),
      decisionNumber: str(r, 'decisionNumber'),
      ...(date.kind === 'ok' ? { decisionDate: date.value } : {}),
      note: '',
      source: str(r, 'source'),
      registerKey: reviewKey,
    };
    const answer = labelKey(str(r, 'decision'));
    rows.push({
      row: r + 1,
      item: {
        reviewKey,
        entry,
        match: { subjectType, name: str(r, 'matchName'), unit: str(r, 'matchUnit') },
        reason: str(r, 'reason'),
      },
      decision:
        answer === labelKey(REVIEW_SAME)
          ? 'same'
          : answer === labelKey(REVIEW_DIFFERENT)
            ? 'different'
            : undefined,
      done: labelKey(str(r, 'status')) === labelKey(REVIEW_DONE),
    });
  }
  return { rows, unreadable, positions, lastRow, keys };
}

/** A review item as the cells of a Đối chiếu lịch sử row, in layout order. */
export function reviewCells(item: ReviewItem, dateOut: (d: CalendarDate) => unknown): unknown[] {
  const e = item.entry;
  const values: Record<HistoryReviewColumnKey, unknown> = {
    reviewKey: item.reviewKey,
    year: e.year,
    subjectType: RECIPIENT_TYPE_LABELS[e.subjectType],
    name: e.name,
    unit: e.unit,
    item: e.item,
    level: e.level === undefined ? '' : AWARD_LEVEL_LABELS[e.level],
    decisionNumber: e.decisionNumber,
    decisionDate: e.decisionDate === undefined ? '' : dateOut(e.decisionDate),
    source: e.source,
    matchName: item.match.name,
    matchUnit: item.match.unit,
    reason: item.reason,
    decision: '',
    status: 'Chờ kết luận',
  };
  return HISTORY_REVIEW_LAYOUT.columns.map((c) => values[c.key]);
}
