/**
 * Rows of Nhật ký (the audit trail): who changed which cell from what to what, and when. Built
 * here in AUDIT_LAYOUT's column order so the adapter appends each with one write.
 */
import { renderCellValue, shortenEcho } from '../findings';
import { SHEET_NAMES } from '../layout/sheets';
import {
  AUDIT_LAYOUT,
  CROSS_SCORES_LAYOUT,
  VOTES_LAYOUT,
  type AuditColumnKey,
} from '../layout/tables';
import { matrixLayout } from '../layout/matrix';
import type { Unit } from '../model/unit';
import { cellAt, isBlank } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { resolve, unitIndex } from '../readers/lookup';

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
/**
 * How much of one cell's old or new value the log keeps: the log is there to show what changed,
 * so more than a message quotes, and still far below the 50,000 characters of a cell.
 */
export const AUDIT_VALUE_LENGTH = 1000;

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
      samples.push(shortenEcho(renderCellValue(value), SAMPLE_LENGTH));
    }
    if (more) break;
  }
  const size = `${rows} × ${columns} ô`;
  if (samples.length === 0) return `${size}: (trống)`;
  return `${size}: ${samples.join('; ')}${more ? '; …' : ''}`;
}

export interface AuditEntry {
  readonly time: Date;
  /** The editor's e-mail where Google gives it; '' where it does not (then `who` says what is known). */
  readonly user: string;
  /** What is true about who could have made the edit when `user` is blank (auditWhoText). */
  readonly who?: string;
  readonly sheet: string;
  /** A1 cell or range. */
  readonly cell: string;
  readonly oldValue: string;
  readonly newValue: string;
  readonly action: string;
}

/** What Nhật ký says where Google hides the editor's e-mail (never a guess). */
export const UNKNOWN_EDITOR = 'không xác định (Google không cho biết)';

/**
 * The unit whose row(s) an edit touched, when every edited row belongs to one unit: the row's
 * code in column A of a score matrix, the scorer of a Chấm chéo row, the voter of a ballot row.
 * `headerRows` are the sheet's top rows, `rows` the edited rows from column A.
 */
export function unitOfEditedRows(
  sheet: string,
  firstRow: number,
  headerRows: readonly (readonly unknown[])[],
  rows: readonly (readonly unknown[])[],
  units: readonly Unit[],
): Unit | undefined {
  let column0: number | undefined;
  let firstDataRow: number;
  if (sheet === SHEET_NAMES.selfScores || sheet === SHEET_NAMES.verifiedScores) {
    column0 = 0;
    firstDataRow = matrixLayout([], { groups: [], criteria: [] }).firstDataRow;
  } else if (sheet === SHEET_NAMES.crossScores || sheet === SHEET_NAMES.votes) {
    const layout = sheet === SHEET_NAMES.crossScores ? CROSS_SCORES_LAYOUT : VOTES_LAYOUT;
    const located = locateTable(headerRows, layout);
    column0 = located.columns.get(sheet === SHEET_NAMES.crossScores ? 'scorer' : 'voter');
    firstDataRow = located.headerRow0 + 2;
  } else return undefined;
  if (column0 === undefined || firstRow < firstDataRow || rows.length === 0) return undefined;
  const index = unitIndex(units);
  let found: Unit | undefined;
  for (let i = 0; i < rows.length; i++) {
    const value = cellAt(rows, i, column0);
    if (isBlank(value)) return undefined;
    const unit = resolve(index, value, (u: Unit) => u.code);
    if (unit.kind !== 'found') return undefined;
    if (found !== undefined && found.code !== unit.item.code) return undefined;
    found = unit.item;
  }
  return found;
}

/**
 * The "người sửa" text when the e-mail is blank: that it is unknown, and who the protections let
 * edit there. A row of a unit (Tự chấm, Chấm chéo block, ballot) is that unit's, the head's and
 * the owner's; a Thẩm định row is the verifiers'; while scoring is closed only owner and head.
 */
export function auditWhoText(sheet: string, unit: Unit | undefined, closed: boolean): string {
  if (unit === undefined) return UNKNOWN_EDITOR;
  const label =
    unit.name.trim() !== '' ? `${unit.code} (${shortenEcho(unit.name, 80)})` : unit.code;
  if (closed && sheet !== SHEET_NAMES.votes) {
    return `${UNKNOWN_EDITOR}; dòng của đơn vị ${label} — đã khóa chấm điểm: chỉ Cụm trưởng và chủ sở hữu sửa được`;
  }
  if (sheet === SHEET_NAMES.verifiedScores) {
    return `${UNKNOWN_EDITOR}; dòng thẩm định của đơn vị ${label} — chỉ Cụm trưởng, Cụm phó được giao thẩm định và chủ sở hữu sửa được`;
  }
  return `${UNKNOWN_EDITOR}; dòng của đơn vị ${label} — chỉ ${unit.code}, Cụm trưởng và chủ sở hữu sửa được`;
}

/** The entry as a Nhật ký row, in AUDIT_LAYOUT's column order. */
export function auditRow(entry: AuditEntry): unknown[] {
  const byKey: Record<AuditColumnKey, unknown> = {
    time: entry.time,
    user: entry.user.trim() !== '' ? entry.user.trim() : (entry.who ?? UNKNOWN_EDITOR),
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
export function eventValueText(value: unknown, max: number = AUDIT_VALUE_LENGTH): string {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    return renderCellValue(Number(value));
  }
  return shortenEcho(renderCellValue(value), max);
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

/** The stored record of the workbook's audit trigger, or null when absent or unreadable. */
export function parseAuditTriggerRecord(
  text: string | null | undefined,
): { readonly uid: string; readonly creator: string } | null {
  if (text === null || text === undefined || text === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { uid, creator } = parsed as { uid?: unknown; creator?: unknown };
    if (typeof uid !== 'string' || uid === '') return null;
    return { uid, creator: typeof creator === 'string' ? creator : '' };
  } catch {
    return null;
  }
}

/** The alert after "Bật ghi nhật ký thay đổi" (and the note when closing scoring). */
export function auditTriggerMessage(
  state:
    | { readonly kind: 'created' | 'exists' }
    | { readonly kind: 'elsewhere'; readonly creator: string },
): string {
  switch (state.kind) {
    case 'created':
      return (
        `Đã bật ghi nhật ký thay đổi. Từ nay mỗi lần sửa ô được ghi vào trang "${SHEET_NAMES.audit}": ` +
        'thời gian, người sửa (khi Google cho biết), trang, ô, giá trị cũ → giá trị mới.'
      );
    case 'exists':
      return `Ghi nhật ký thay đổi đã được bạn bật từ trước; không tạo thêm. Xem trang "${SHEET_NAMES.audit}".`;
    case 'elsewhere': {
      const who = state.creator.trim() !== '' ? state.creator.trim() : 'một người dùng khác';
      return (
        `Ghi nhật ký thay đổi đã được ${who} bật; không tạo thêm. Google chỉ cho mỗi người xem ` +
        `trình kích hoạt của chính mình, nên chương trình không kiểm tra được trình kích hoạt đó ` +
        `còn chạy hay không: nếu trang "${SHEET_NAMES.audit}" không còn ghi thêm dòng, hãy nhờ ` +
        `${who} chọn lại «Bật ghi nhật ký thay đổi».`
      );
    }
  }
}
