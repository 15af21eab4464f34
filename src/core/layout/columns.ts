import type { SheetName } from './sheets';

/** Number formats used across the workbook. '@' keeps typed text as text (no date or number guessing). */
export const NUMBER_FORMATS = {
  text: '@',
  score: '0.00',
  integer: '0',
  number: '#,##0.##',
  percent: '0.00%',
  date: 'dd/mm/yyyy',
  dateTime: 'dd/mm/yyyy hh:mm:ss',
} as const;

/**
 * Data validation of a column, as data: the adapter turns it into a DataValidation rule.
 * `allowOther` means "show the dropdown but accept other text" (setAllowInvalid(true)).
 */
export type ColumnValidation =
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly allowOther?: boolean }
  | {
      readonly kind: 'listFromColumn';
      readonly sheet: SheetName;
      /** Key of the source column in that sheet's TableLayout. */
      readonly column: string;
      readonly allowOther?: boolean;
    }
  | {
      readonly kind: 'numberBetween';
      readonly min: number;
      /** No upper bound when absent. */
      readonly max?: number;
      readonly integer?: boolean;
    }
  | { readonly kind: 'email' }
  | { readonly kind: 'date' };

/** Who fills a column: users, or the program (the adapter protects computed columns). */
export type ColumnEntry = 'user' | 'computed';

export interface ColumnSpec<K extends string = string> {
  /** Stable identifier, never shown; headers may be reworded without breaking readers. */
  readonly key: K;
  /** The Vietnamese header written in the header row. */
  readonly header: string;
  /** Older or alternative header texts the readers also accept. */
  readonly aliases?: readonly string[];
  /** Column width in pixels. */
  readonly width: number;
  readonly numberFormat: string;
  readonly required: boolean;
  readonly entry: ColumnEntry;
  readonly validation?: ColumnValidation;
  /** Help shown as a note on the header cell. */
  readonly note?: string;
}

/** A sheet that is one table: a header row, then one record per row. */
export interface TableLayout<K extends string = string> {
  readonly sheet: SheetName;
  /** 1-based row of the headers. */
  readonly headerRow: number;
  /** 1-based row of the first record. */
  readonly firstDataRow: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly columns: readonly ColumnSpec<K>[];
}

/** 1-based column of a key in the layout as set up (not as a user may have rearranged it). */
export function columnPosition<K extends string>(layout: TableLayout<K>, key: K): number {
  const index = layout.columns.findIndex((c) => c.key === key);
  if (index < 0) throw new RangeError(`no column "${key}" in ${layout.sheet}`);
  return index + 1;
}

/** The header row as set-up writes it. */
export function headerValues(layout: TableLayout): string[] {
  return layout.columns.map((c) => c.header);
}
