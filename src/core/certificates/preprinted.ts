/**
 * Printing on pre-printed paper (phôi): which fields print where, read from Vị trí in phôi, and the
 * page that puts each field's text at its position, as a DocSpec.
 *
 * Decision (how text reaches an absolute position in Google Docs): DocumentApp has no absolute
 * text frame (PositionedImage is for images only), and paragraph spacing stacks line heights that
 * differ between Docs, Word and LibreOffice. A borderless table's row, though, is exactly its
 * minimum height (TableRow.setMinimumHeight) as long as its content fits, and a cell's text starts
 * exactly its padding (TableCell.setPaddingTop/Left) inside the cell. So the page margins are 0 and
 * the fields are grouped into horizontal bands (fields whose boxes overlap vertically); each band
 * is one one-row table whose columns are the gaps and the fields' boxes, its row reaching down to
 * the next band; each field's text sits in its column, padded down to the band's top (one padding
 * per row) and spaced down to its own y (space before its paragraph). Between two tables
 * Docs keeps a paragraph: it is set to 1 pt (SPACER_PT high), and the row above is that much
 * shorter. Horizontal positions are exact; vertical ones are exact up to the spacer's line height,
 * which differs between renderers by a few hundredths of a millimetre.
 *
 * Limits: a field whose text needs more lines than its box holds makes its row taller and pushes
 * the bands below it down; two fields in one band may not overlap horizontally; the last band must
 * end 5 mm above the paper's bottom edge (else the trailing paragraph starts a blank page). The
 * printer's own shift is corrected by the global offset (Cấu hình), read on the calibration page.
 */
import {
  PREPRINTED_ALIGN_LABELS,
  PREPRINTED_LAYOUT,
  type PreprintedColumnKey,
} from '../layout/tables';
import { YES_NO_LABELS } from '../layout/labels';
import { SHEET_NAMES } from '../layout/sheets';
import { a1, cellAt, isBlank, isBlankRow, matchLabel, rowAt } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { parseNumber } from '../parse/number';
import { valueToText } from '../parse/text';
import {
  A4,
  DOCUMENT_FONT,
  PT_PER_MM,
  para,
  type Alignment,
  type BlockSpec,
  type CellSpec,
  type DocSpec,
  type PageSpec,
  type RunSpec,
  type ParagraphSpec,
  type TableSpec,
} from '../documents/docSpec';
import type { TemplateKind } from '../documents/defaultTemplates';
import {
  parseTemplate,
  placeholders,
  renderText,
  type Template,
  type TemplateRecord,
} from '../template';
import { CERTIFICATE_SCHEMA } from '../documents/certificateTemplates';
import { certificateTemplateKind } from './plan';

const SHEET = SHEET_NAMES.preprinted;

/** A landscape A4 phôi, margins 0: positions are measured from the paper's edges. */
export const PREPRINTED_PAGE: PageSpec = {
  width: A4.height,
  height: A4.width,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
};

/** The spacer paragraphs' font size (pt) and nominal line height (single spacing, ~1.15 em). */
export const SPACER_SIZE = 1;
export const SPACER_PT = 1.15;
/** Single line spacing as a share of the font size (Times New Roman in Docs, ASSUMPTION ~1.15). */
export const LINE_FACTOR = 1.15;
/** What the last band must leave free at the paper's bottom edge, in mm. */
export const BOTTOM_GUARD_MM = 5;
export const DEFAULT_FIELD_SIZE = 14;

export type FieldAlign = keyof typeof PREPRINTED_ALIGN_LABELS;

/** One field of Vị trí in phôi, positions in millimetres from the paper's top-left corner. */
export type PreprintedField = {
  /** 1-based sheet row. */
  readonly row: number;
  readonly kind: TemplateKind;
  readonly content: string;
  readonly template: Template;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly align: FieldAlign;
  readonly font: string;
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  /** A1 of the row's X cell, where a problem with its position is reported. */
  readonly cell?: string;
};

/** A problem of Vị trí in phôi: the cell it is about, and the message naming it. */
export type PreprintedIssue = { readonly cell: string; readonly message: string };

export type PreprintedLayout = ReadonlyMap<TemplateKind, readonly PreprintedField[]>;

export type Offset = { readonly x: number; readonly y: number };

// ------------------------------------------------------------------ reading the sheet

function where(r0: number, c0: number): string {
  return `Trang "${SHEET}", ô ${a1(r0, c0)}`;
}

/**
 * The fields of every form, rows with In = Không left out. Every problem names its cell; a
 * layout with any problem is not used (the job refuses and prints nothing).
 */
export function readPreprinted(grid: readonly unknown[]): {
  readonly layout: PreprintedLayout;
  readonly problems: readonly string[];
  readonly issues: readonly PreprintedIssue[];
} {
  const issues: PreprintedIssue[] = [];
  const result = () => ({ layout, problems: issues.map((i) => i.message), issues });
  const located = locateTable(grid, PREPRINTED_LAYOUT);
  const col = (key: PreprintedColumnKey): number | undefined => located.columns.get(key);
  for (const key of ['form', 'content', 'x', 'y', 'width', 'height'] as const) {
    if (col(key) === undefined) {
      const index = PREPRINTED_LAYOUT.columns.findIndex((c) => c.key === key);
      const header = PREPRINTED_LAYOUT.columns[index]?.header ?? key;
      issues.push({
        cell: a1(located.headerRow0, Math.max(index, 0)),
        message: `Trang "${SHEET}" thiếu cột "${header}".`,
      });
    }
  }
  const layout = new Map<TemplateKind, PreprintedField[]>();
  if (issues.length > 0) return result();
  const aligns = Object.values(PREPRINTED_ALIGN_LABELS);
  const alignKeys = Object.keys(PREPRINTED_ALIGN_LABELS) as FieldAlign[];
  for (let r0 = located.headerRow0 + 1; r0 < grid.length; r0++) {
    const row = rowAt(grid, r0);
    if (isBlankRow(row)) continue;
    const raw = (key: PreprintedColumnKey): unknown => {
      const c = col(key);
      return c === undefined ? '' : cellAt(grid, r0, c);
    };
    const cellOf = (key: PreprintedColumnKey): string => a1(r0, col(key) ?? 0);
    const at = (key: PreprintedColumnKey): string => where(r0, col(key) ?? 0);
    const problem = (key: PreprintedColumnKey, message: string): void => {
      issues.push({ cell: cellOf(key), message });
    };
    const yesNo = (key: PreprintedColumnKey, fallback: boolean): boolean => {
      const i = matchLabel(raw(key), YES_NO_LABELS);
      if (i === undefined) {
        problem(key, `${at(key)}: ghi "Có" hoặc "Không".`);
        return fallback;
      }
      return i < 0 ? fallback : i === 0;
    };
    // In = Không: the row keeps its place but prints nothing; its values are not checked.
    if (!yesNo('print', true)) continue;
    const form = valueToText(raw('form')).trim();
    const kind = form === '' ? null : certificateTemplateKind(form);
    if (kind === null) {
      problem('form', `${at('form')}: chưa rõ mẫu "${form}" (ghi Giấy khen hoặc Bằng khen).`);
      continue;
    }
    const content = valueToText(raw('content'));
    const parsed = parseTemplate(content, at('content'));
    if (!parsed.ok) {
      for (const e of parsed.errors) problem('content', e.message);
      continue;
    }
    const unknown = placeholders(parsed.template)
      .map((p) => p.path.split('.')[0] ?? '')
      .filter((name) => name !== '' && CERTIFICATE_SCHEMA[name] === undefined);
    if (unknown.length > 0) {
      problem(
        'content',
        `${at('content')}: không có trường ${[...new Set(unknown)].map((n) => `{{${n}}}`).join(', ')} (các trường: ${Object.keys(CERTIFICATE_SCHEMA).join(', ')}).`,
      );
      continue;
    }
    const number = (
      key: PreprintedColumnKey,
      min: number,
      max: number,
      fallback?: number,
    ): number => {
      const value = raw(key);
      if (isBlank(value) && fallback !== undefined) return fallback;
      const parsedNumber = parseNumber(value);
      if (parsedNumber.kind !== 'ok' || parsedNumber.value < min || parsedNumber.value > max) {
        problem(key, `${at(key)}: cần một số từ ${fmt(min)} đến ${fmt(max)}.`);
        return Number.NaN;
      }
      return parsedNumber.value;
    };
    const pageW = Math.round((PREPRINTED_PAGE.width / PT_PER_MM) * 10) / 10;
    const pageH = Math.round((PREPRINTED_PAGE.height / PT_PER_MM) * 10) / 10;
    const x = number('x', 0, pageW);
    const y = number('y', 0, pageH);
    const width = number('width', 1, pageW);
    const height = number('height', 1, pageH);
    const size = number('size', 6, 72, DEFAULT_FIELD_SIZE);
    const alignIndex = matchLabel(raw('align'), aligns);
    if (alignIndex === undefined) problem('align', `${at('align')}: ghi Trái, Giữa hoặc Phải.`);
    const font = valueToText(raw('font')).trim();
    const field: PreprintedField = {
      row: r0 + 1,
      kind,
      content,
      template: parsed.template,
      x,
      y,
      width,
      height,
      align:
        alignIndex === undefined || alignIndex < 0 ? 'center' : (alignKeys[alignIndex] ?? 'center'),
      font: font === '' ? DOCUMENT_FONT : font,
      size,
      bold: yesNo('bold', false),
      italic: yesNo('italic', false),
      cell: cellOf('x'),
    };
    if ([x, y, width, height, size].some((n) => Number.isNaN(n))) continue;
    if (x + width > pageW + 1e-9)
      problem(
        'width',
        `${at('width')}: ô chữ vượt mép phải tờ giấy (${fmt(x)} + ${fmt(width)} > ${fmt(pageW)} mm).`,
      );
    if (size * LINE_FACTOR > height * PT_PER_MM + 1e-9)
      problem(
        'height',
        `${at('height')}: cao ${fmt(height)} mm không đủ cho một dòng chữ cỡ ${fmt(size)} (cần ${fmt((size * LINE_FACTOR) / PT_PER_MM)} mm).`,
      );
    const list = layout.get(kind) ?? [];
    list.push(field);
    layout.set(kind, list);
  }
  return result();
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10).replace('.', ',');
}

/** The whole layout's placeholder text, for the dry run of the rows against CERTIFICATE_SCHEMA. */
export function layoutSource(fields: readonly PreprintedField[]): string {
  return fields.map((f) => f.content).join('\n');
}

// ------------------------------------------------------------------ bands

/** A field's box in points on the page, after the global offset. */
export type Box = {
  readonly field: PreprintedField;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
};

export type Band = {
  readonly top: number;
  readonly bottom: number;
  readonly boxes: readonly Box[];
};

const pt = (millimetres: number): number => millimetres * PT_PER_MM;

/**
 * Boxes grouped into bands (vertical overlap, transitively), top to bottom, each band's boxes
 * left to right; problems name the rows of boxes that overlap or leave the paper.
 */
export function layoutBands(
  fields: readonly PreprintedField[],
  offset: Offset,
): {
  readonly bands: readonly Band[];
  readonly problems: readonly string[];
  readonly issues: readonly PreprintedIssue[];
} {
  const issues: PreprintedIssue[] = [];
  const cellOf = (field: PreprintedField): string => field.cell ?? `A${String(field.row)}`;
  const boxes: Box[] = fields.map((field) => ({
    field,
    left: pt(field.x + offset.x),
    top: pt(field.y + offset.y),
    width: pt(field.width),
    height: pt(field.height),
  }));
  const page = PREPRINTED_PAGE;
  for (const b of boxes) {
    if (
      b.left < -1e-6 ||
      b.top < -1e-6 ||
      b.left + b.width > page.width + 1e-6 ||
      b.top + b.height > page.height - pt(BOTTOM_GUARD_MM) + 1e-6
    ) {
      issues.push({
        cell: cellOf(b.field),
        message: `Trang "${SHEET}", dòng ${String(b.field.row)}: sau khi cộng độ lệch (${fmt(offset.x)}; ${fmt(offset.y)} mm) ô chữ ra ngoài tờ giấy hoặc sát mép dưới dưới ${String(BOTTOM_GUARD_MM)} mm.`,
      });
    }
  }
  const sorted = [...boxes].sort((a, b) => a.top - b.top || a.left - b.left);
  const bands: { top: number; bottom: number; boxes: Box[] }[] = [];
  for (const box of sorted) {
    const last = bands[bands.length - 1];
    if (last !== undefined && box.top < last.bottom - 1e-6) {
      last.boxes.push(box);
      last.bottom = Math.max(last.bottom, box.top + box.height);
    } else bands.push({ top: box.top, bottom: box.top + box.height, boxes: [box] });
  }
  for (const band of bands) {
    band.boxes.sort((a, b) => a.left - b.left);
    for (let i = 1; i < band.boxes.length; i++) {
      const prev = band.boxes[i - 1] as Box;
      const cur = band.boxes[i] as Box;
      if (cur.left < prev.left + prev.width - 1e-6) {
        issues.push({
          cell: cellOf(cur.field),
          message: `Trang "${SHEET}", dòng ${String(prev.field.row)} và dòng ${String(cur.field.row)}: hai ô chữ chồng lên nhau (cùng khoảng cao, giao nhau theo chiều ngang).`,
        });
      }
    }
  }
  return { bands, problems: issues.map((i) => i.message), issues };
}

// ------------------------------------------------------------------ the page as a DocSpec

const ZERO = { top: 0, right: 0, bottom: 0, left: 0 } as const;

/**
 * Spacers and empty cells hold no text: their height is their paragraph mark's 1 pt (a run of a
 * 1 pt space instead renders about 11 pt high in LibreOffice, whatever its size).
 */
export const SPACER_TEXT = '';

/**
 * A gap between fields: its 1 pt paragraph plus Docs' default padding (5 pt top and bottom) stays
 * below any band's height, so it keeps the default padding: four edits fewer a cell.
 */
function emptyCell(): CellSpec {
  return { paragraphs: [para(SPACER_TEXT, { size: SPACER_SIZE, align: 'left' })] };
}

/** The 1 pt paragraph Docs keeps between tables (and after the last one). */
export function spacer(pageBreak = false): ParagraphSpec {
  return {
    ...para(SPACER_TEXT, { size: SPACER_SIZE, align: 'left' }),
    ...(pageBreak ? { pageBreak } : {}),
  };
}

const ALIGNMENT: Readonly<Record<FieldAlign, Alignment>> = {
  left: 'left',
  center: 'center',
  right: 'right',
};

/** The text a field prints for one record ('' when its fields are empty). */
export function fieldText(field: PreprintedField, record: TemplateRecord): string {
  return renderText(field.template, record).text.replace(/\s+/g, ' ').trim();
}

/**
 * One page: per band a one-row borderless table from the cursor down to the next band's top (the
 * spacer's height less), its field cells padded down to each field's top; a spacer after each.
 * `text` gives each box its runs (the record's text, or the calibration page's label).
 */
export function pageBlocks(
  bands: readonly Band[],
  text: (box: Box) => string,
  pageBreak: boolean,
): BlockSpec[] {
  const blocks: BlockSpec[] = [];
  let cursor = 0;
  bands.forEach((band, i) => {
    const next = bands[i + 1];
    const bottom = next === undefined ? band.bottom : next.top - SPACER_PT;
    const widths: number[] = [];
    const cells: CellSpec[] = [];
    let x = 0;
    for (const box of band.boxes) {
      if (box.left - x > 0.01) {
        widths.push(round(box.left - x));
        cells.push(emptyCell());
      }
      const f = box.field;
      const run: RunSpec = {
        text: text(box),
        bold: f.bold,
        italic: f.italic,
        size: f.size,
        font: f.font,
      };
      widths.push(round(box.width));
      // One top padding for the row (LibreOffice lays a row's cells out with one top margin); a
      // field lower than the band's top gets the difference as space before its paragraph.
      const lower = round(box.top - band.top);
      cells.push({
        paragraphs: [
          para([run], {
            align: ALIGNMENT[f.align],
            size: f.size,
            ...(lower > 0 ? { spaceBefore: lower } : {}),
          }),
        ],
        padding: { ...ZERO, top: round(band.top - cursor) },
      });
      x = box.left + box.width;
    }
    if (PREPRINTED_PAGE.width - x > 0.01) {
      widths.push(round(PREPRINTED_PAGE.width - x));
      cells.push(emptyCell());
    }
    const table: TableSpec = {
      kind: 'table',
      widths,
      borders: false,
      rows: [cells],
      rowHeights: [round(bottom - cursor)],
    };
    blocks.push(table, spacer(pageBreak && i === bands.length - 1));
    cursor = bottom + SPACER_PT;
  });
  return blocks;
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}

/** A print file: one page per record, the fields of `fields` at their places. */
export function preprintedDocSpec(
  name: string,
  fields: readonly PreprintedField[],
  offset: Offset,
  records: readonly TemplateRecord[],
): DocSpec {
  const { bands } = layoutBands(fields, offset);
  const blocks: BlockSpec[] = [];
  records.forEach((record, k) => {
    blocks.push(
      ...pageBlocks(bands, (box) => fieldText(box.field, record), k < records.length - 1),
    );
  });
  return { name, page: PREPRINTED_PAGE, blocks };
}

// ------------------------------------------------------------------ geometry of a spec

/** Where a cell's first text line starts, in mm from the paper's top-left corner. */
export type PlacedText = {
  readonly text: string;
  /** The box's left edge and width, and the alignment inside it. */
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly align: Alignment;
  readonly page: number;
};

/**
 * The model's geometry of a spec built from tables and spacers: each table row's top is the sum
 * of what came before (row heights as set, paragraphs at SPACER_PT × their size), each cell's text
 * starts its padding inside it. Non-empty texts only. The unit tests check that every field lands
 * where Vị trí in phôi says; the LibreOffice test checks a renderer does the same.
 */
export function placedTexts(spec: DocSpec): PlacedText[] {
  const out: PlacedText[] = [];
  let page = 1;
  let cursor = spec.page.marginTop;
  for (const block of spec.blocks) {
    if (block.kind === 'paragraph') {
      if (block.pageBreak === true) {
        page++;
        cursor = spec.page.marginTop;
        continue;
      }
      cursor += (block.size ?? SPACER_SIZE) * LINE_FACTOR;
      continue;
    }
    block.rows.forEach((row, r) => {
      let x = spec.page.marginLeft;
      row.forEach((c, k) => {
        const width = block.widths[k] ?? 0;
        const p = c.paragraphs[0];
        const text = p?.runs.map((run) => run.text).join('') ?? '';
        if (text.trim() !== '' && p !== undefined) {
          const pad = c.padding ?? ZERO;
          out.push({
            text,
            left: (x + pad.left) / PT_PER_MM,
            width: (width - pad.left - pad.right) / PT_PER_MM,
            top: (cursor + pad.top + (p.spaceBefore ?? 0)) / PT_PER_MM,
            align: p.align,
            page,
          });
        }
        x += width;
      });
      cursor += block.rowHeights?.[r] ?? 0;
    });
  }
  return out;
}
