/**
 * Text from users must never come back into a sheet as a formula (DESIGN §7, security): Sheets
 * treats a written string that starts with "=" as a formula, and spreadsheet programs treat "+",
 * "-" and "@" the same way when files are exported. A leading apostrophe makes Sheets store the
 * rest as plain text and is not part of the cell's value — except in a cell formatted as plain
 * text ('@'), where Sheets parses nothing and the apostrophe would become part of the text
 * (src/core/setup/cellsOut.ts): there a string goes as it is.
 */
import { NUMBER_FORMATS } from './layout/columns';
import { fitCell } from './cellText';
const FORMULA_TRIGGERS = /^[=+\-@]/;

/** A value as a cell keeps it: never a formula, never more than a cell holds (cellText.ts). */
export function toSheetLiteral<T>(value: T): T | string {
  const fitted = fitCell(value);
  if (typeof fitted === 'string' && FORMULA_TRIGGERS.test(fitted)) return `'${fitted}`;
  return fitted;
}

/** Applies toSheetLiteral to every cell of a block about to be written with setValues. */
export function toSheetLiterals(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) => row.map((cell) => toSheetLiteral(cell)));
}

/** The values of a block as written into cells of these number formats (row by row). */
export function toSheetLiteralsIn(
  rows: readonly (readonly unknown[])[],
  formats: readonly (readonly string[])[],
): unknown[][] {
  return rows.map((row, r) =>
    row.map((cell, c) =>
      formats[r]?.[c] === NUMBER_FORMATS.text ? fitCell(cell) : toSheetLiteral(cell),
    ),
  );
}
