/**
 * Turns the layout's validations (data) into rules for the applier, with Vietnamese help text.
 * Every rule only warns (setAllowInvalid(true)): the product keeps what a user typed and marks
 * it with a note, so Sheets must not refuse the entry.
 */
import type { ColumnValidation, TableLayout } from '../layout/columns';
import { SHEET_NAMES, type SheetKey } from '../layout/sheets';
import type { PlannedValidation, SetupSheetKey } from './types';

function formatNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** Where a listFromColumn rule takes its values: sheet key, first data row, 1-based column. */
export type ColumnSource = (
  sheet: SetupSheetKey,
  columnKey: string,
) => { readonly row: number; readonly column: number } | undefined;

export function sheetKeyOf(name: string): SheetKey | undefined {
  return (Object.keys(SHEET_NAMES) as SheetKey[]).find((k) => SHEET_NAMES[k] === name);
}

export function planValidation(
  v: ColumnValidation,
  source: ColumnSource,
): PlannedValidation | undefined {
  switch (v.kind) {
    case 'list':
      return {
        kind: 'list',
        values: v.values,
        helpText: `Chọn một trong: ${v.values.join('; ')}.`,
      };
    case 'listFromColumn': {
      const key = sheetKeyOf(v.sheet);
      const at = key === undefined ? undefined : source(key, v.column);
      if (key === undefined || at === undefined) return undefined;
      return {
        kind: 'range',
        sheet: key,
        row: at.row,
        column: at.column,
        helpText: `Chọn một mã có trong trang "${v.sheet}".`,
      };
    }
    case 'numberBetween': {
      const range =
        v.max === undefined
          ? `từ ${formatNumber(v.min)} trở lên`
          : `từ ${formatNumber(v.min)} đến ${formatNumber(v.max)}`;
      return {
        kind: 'number',
        min: v.min,
        ...(v.max === undefined ? {} : { max: v.max }),
        helpText: `Nhập ${v.integer === true ? 'số nguyên' : 'số'} ${range}.`,
      };
    }
    case 'email':
      return { kind: 'email', helpText: 'Nhập địa chỉ thư điện tử, ví dụ: vanthu@donvi.gov.vn.' };
    case 'date':
      return { kind: 'date', helpText: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ: 19/01/2023.' };
  }
}

/** The 1-based position of each layout column in a located table. */
export type ColumnPositions = ReadonlyMap<string, number>;

export function tableValidationSources(
  positions: Partial<Record<SetupSheetKey, { layout: TableLayout; columns: ColumnPositions }>>,
): ColumnSource {
  return (sheet, columnKey) => {
    const entry = positions[sheet];
    const column = entry?.columns.get(columnKey);
    if (entry === undefined || column === undefined) return undefined;
    return { row: entry.layout.firstDataRow, column };
  };
}
