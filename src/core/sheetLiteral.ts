/**
 * Text from users must never come back into a sheet as a formula (DESIGN §7, security): Sheets
 * treats a written string that starts with "=" as a formula, and spreadsheet programs treat "+",
 * "-" and "@" the same way when files are exported. A leading apostrophe makes Sheets store the
 * rest as plain text and is not part of the cell's value.
 */
const FORMULA_TRIGGERS = /^[=+\-@]/;

export function toSheetLiteral<T>(value: T): T | string {
  if (typeof value === 'string' && FORMULA_TRIGGERS.test(value)) return `'${value}`;
  return value;
}

/** Applies toSheetLiteral to every cell of a block about to be written with setValues. */
export function toSheetLiterals(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) => row.map((cell) => toSheetLiteral(cell)));
}
