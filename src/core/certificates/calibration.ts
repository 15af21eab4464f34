/**
 * The calibration page for pre-printed paper: a measured grid, then one page per form with a
 * marker at each configured field.
 *
 * Page 1 is a bordered table of 10 mm × 10 mm cells from the paper's top-left corner (margins 0),
 * every line labelled with its distance in millimetres; printed on plain paper and held against the
 * phôi (or measured with a ruler from the paper's edges), it shows how far the printer shifts the
 * page: the 100 mm line that lands at 102 mm means a shift of +2 mm, to type with the opposite sign
 * into Cấu hình's offset. The grid is printed without the offset, so it always shows the printer's
 * own shift. The following pages put "+ field (x; y)" at each field's top-left corner, with the
 * offset, through the same bands as the print files (preprinted.ts), so what the user sees is what
 * a certificate will get.
 */
import {
  PT_PER_MM,
  para,
  type BlockSpec,
  type CellSpec,
  type DocSpec,
  type TableSpec,
} from '../documents/docSpec';
import {
  PREPRINTED_PAGE,
  layoutBands,
  pageBlocks,
  spacer,
  type Offset,
  type PreprintedField,
} from './preprinted';

/** Grid pitch and extent (mm): 29 columns of 10 mm and one of 7 mm; 20 rows (10 mm left free). */
export const GRID_STEP_MM = 10;
export const GRID_ROWS = 20;
const LABEL_SIZE = 6;

function label(text: string): CellSpec {
  return { paragraphs: [para(text, { size: LABEL_SIZE, align: 'left' })] };
}

/** The grid table: 10 mm cells, the top row and left column labelled with their edge in mm. */
export function gridTable(): TableSpec {
  const pageMm = PREPRINTED_PAGE.width / PT_PER_MM;
  const full = Math.floor(pageMm / GRID_STEP_MM);
  const widthsMm: number[] = Array.from({ length: full }, () => GRID_STEP_MM);
  const rest = pageMm - full * GRID_STEP_MM;
  if (rest > 1) widthsMm.push(Math.floor(rest * 10) / 10);
  const rows: CellSpec[][] = [];
  for (let r = 0; r < GRID_ROWS; r++) {
    rows.push(
      widthsMm.map((_, c) => {
        if (r === 0) return label(String(c * GRID_STEP_MM));
        if (c === 0) return label(String(r * GRID_STEP_MM));
        // No paragraph to format: the cell keeps the one appendTable gives it (fewer edits).
        return { paragraphs: [] };
      }),
    );
  }
  return {
    kind: 'table',
    widths: widthsMm.map((w) => Math.round(w * PT_PER_MM * 100) / 100),
    borders: true,
    rows,
    rowHeights: rows.map(() => Math.round(GRID_STEP_MM * PT_PER_MM * 100) / 100),
  };
}

function mmText(n: number): string {
  return String(Math.round(n * 10) / 10).replace('.', ',');
}

/** The marker a field gets on the calibration page. */
export function markerText(field: PreprintedField, offset: Offset, form: string): string {
  const name = field.content.replace(/\s+/g, ' ').trim();
  return `+ ${name} (${mmText(field.x + offset.x)}; ${mmText(field.y + offset.y)}) – ${form}`;
}

export type CalibrationForm = {
  readonly form: string;
  readonly fields: readonly PreprintedField[];
};

/** The calibration document: the grid, then a marker page per form that has fields. */
export function calibrationDocSpec(
  name: string,
  forms: readonly CalibrationForm[],
  offset: Offset,
): DocSpec {
  const withFields = forms.filter((f) => f.fields.length > 0);
  const blocks: BlockSpec[] = [gridTable(), spacer(withFields.length > 0)];
  withFields.forEach((form, i) => {
    // Markers start at the box's top-left corner whatever the field's alignment.
    const fields = form.fields.map((f) => ({ ...f, align: 'left' as const }));
    const { bands } = layoutBands(fields, offset);
    blocks.push(
      ...pageBlocks(
        bands,
        (box) => markerText(box.field, offset, form.form),
        i < withFields.length - 1,
      ),
    );
  });
  return { name, page: PREPRINTED_PAGE, blocks };
}
