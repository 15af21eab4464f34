/**
 * Rows of Nhật ký (the audit trail): who changed which cell from what to what, and when. Built
 * here in AUDIT_LAYOUT's column order so the adapter appends each with one write.
 */
import { renderCellValue } from '../findings';
import { AUDIT_LAYOUT, type AuditColumnKey } from '../layout/tables';
import { isBlank } from '../readers/cells';

export const AUDIT_ACTIONS = {
  typed: 'Nhập mới',
  changed: 'Sửa',
  cleared: 'Xóa',
  pasted: 'Dán / sửa nhiều ô',
  refusedClosed: 'Bị từ chối: đã khóa chấm điểm (giá trị vẫn nằm trong ô, cần xem lại)',
  closeScoring: 'Khóa chấm điểm',
  openScoring: 'Mở lại chấm điểm',
} as const;

/** How many of a pasted block's first values are quoted in the log, and how long each may be. */
const SAMPLE_VALUES = 3;
const SAMPLE_LENGTH = 40;

function shorten(text: string): string {
  return text.length > SAMPLE_LENGTH ? `${text.slice(0, SAMPLE_LENGTH - 1)}…` : text;
}

/** "20 × 8 ô: 19,5; Đạt; 18; …" — the size of a pasted block and its first non-blank values. */
export function describeBlock(values: readonly (readonly unknown[])[]): string {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  const samples: string[] = [];
  let more = false;
  for (const row of values) {
    for (const value of row) {
      if (isBlank(value)) continue;
      if (samples.length === SAMPLE_VALUES) {
        more = true;
        break;
      }
      samples.push(shorten(renderCellValue(value)));
    }
    if (more) break;
  }
  const size = `${rows} × ${columns} ô`;
  if (samples.length === 0) return `${size}: (trống)`;
  return `${size}: ${samples.join('; ')}${more ? '; …' : ''}`;
}

export interface AuditEntry {
  readonly time: Date;
  readonly user: string;
  readonly sheet: string;
  /** A1 cell or range. */
  readonly cell: string;
  readonly oldValue: string;
  readonly newValue: string;
  readonly action: string;
}

/** The entry as a Nhật ký row, in AUDIT_LAYOUT's column order. */
export function auditRow(entry: AuditEntry): unknown[] {
  const byKey: Record<AuditColumnKey, unknown> = {
    time: entry.time,
    user: entry.user === '' ? '(không xác định)' : entry.user,
    sheet: entry.sheet,
    cell: entry.cell,
    oldValue: entry.oldValue,
    newValue: entry.newValue,
    action: entry.action,
  };
  return AUDIT_LAYOUT.columns.map((c) => byKey[c.key]);
}

export interface EditEvent {
  readonly sheet: string;
  readonly a1: string;
  /** Block size; a single cell is 1 × 1. */
  readonly numRows: number;
  readonly numColumns: number;
  /** The event's oldValue / value (single cells only; absent when the cell was empty). */
  readonly oldValue?: unknown;
  readonly value?: unknown;
  /** The block's values after the edit, when it is more than one cell. */
  readonly values?: readonly (readonly unknown[])[];
  /** The edit reached a score sheet while scoring was closed. */
  readonly refused: boolean;
}

/**
 * An edit event's oldValue / value as the user saw it. Apps Script hands a number over as its
 * JavaScript text ("18.5"); in a Vietnamese sheet the user typed and saw "18,5", so a canonical
 * number text is shown with the decimal comma. Other text is kept exactly.
 */
export function eventValueText(value: unknown): string {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    return renderCellValue(Number(value));
  }
  return renderCellValue(value);
}

/** What an edit event becomes in Nhật ký: old → new for a cell, size and samples for a block. */
export function auditEntryOfEdit(event: EditEvent, user: string, time: Date): AuditEntry {
  const single = event.numRows === 1 && event.numColumns === 1;
  const oldValue = single && event.oldValue !== undefined ? eventValueText(event.oldValue) : '';
  const newValue = single
    ? event.value !== undefined
      ? eventValueText(event.value)
      : ''
    : describeBlock(event.values ?? []);
  let action: string;
  if (event.refused) action = AUDIT_ACTIONS.refusedClosed;
  else if (!single) action = AUDIT_ACTIONS.pasted;
  else if (newValue === '') action = AUDIT_ACTIONS.cleared;
  else if (oldValue === '') action = AUDIT_ACTIONS.typed;
  else action = AUDIT_ACTIONS.changed;
  return { time, user, sheet: event.sheet, cell: event.a1, oldValue, newValue, action };
}
