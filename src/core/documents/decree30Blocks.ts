/**
 * The pieces every default document shares, laid out after Decree 30/2020/NĐ-CP, Appendix I: the
 * national title and motto, the header table (issuing body left, title and motto right, place and
 * date under them), body paragraphs and headings.
 */
import { bold, cell, italic, para, rule, type ParagraphSpec, type TableSpec } from './docSpec';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const PLACE_DATE = '{{noi}}, {{ngay_ky|ngay}}';

export const centered = (runs: Parameters<typeof para>[0], size?: number): ParagraphSpec =>
  para(runs, { align: 'center', ...(size === undefined ? {} : { size }) });
export const blank = (): ParagraphSpec => para('', { align: 'center' });

/** Left column of the header and signature tables; the right one takes the rest. */
export const LEFT_COLUMN = 200;

/** Size of the national title and of the issuing body's lines (Decree 30: 12–13 pt, the same). */
export const HEADER_SIZE = 12;

/** The header table's right column: the national title (12 pt bold capitals) needs ~290 pt. */
export function headerColumns(width: number): readonly [number, number] {
  const right = Math.min(300, width - 160);
  return [width - right, right];
}

/**
 * Decree 30/2020, Appendix I, item 2 (issuing body): the superior body (cơ quan chủ quản) in
 * capitals, upright, not bold; under it the issuing body in bold capitals, both the national
 * title's size; under that a solid line 1/3 to 1/2 as long, centred. No superior: the issuing
 * body alone.
 */
export function issuerLines(
  superior: string | undefined,
  issuer: string,
  columnWidth: number,
): ParagraphSpec[] {
  return [
    ...(superior === undefined ? [] : [centered(superior, HEADER_SIZE)]),
    centered(bold(issuer), HEADER_SIZE),
    rule(columnWidth),
  ];
}

/**
 * Decree 30 header: issuing body on the left (issuerLines), national title and motto on the
 * right; under them, the number line ("Số: …", centred under the issuing body) and the place and
 * date line in italics (centred under the motto).
 */
export function header(
  left: readonly ParagraphSpec[],
  width: number,
  numberLine?: ParagraphSpec,
  placeDate: string = PLACE_DATE,
): TableSpec {
  const [leftWidth, right] = headerColumns(width);
  return {
    kind: 'table',
    widths: [leftWidth, right],
    borders: false,
    rows: [
      [
        cell(...left),
        cell(
          centered(bold(NATIONAL_TITLE), HEADER_SIZE),
          centered({ text: MOTTO, bold: true, underline: true }, HEADER_SIZE + 1),
        ),
      ],
      [cell(numberLine ?? blank()), cell(centered(italic(placeDate)))],
    ],
  };
}

export const body = (runs: Parameters<typeof para>[0]): ParagraphSpec =>
  para(runs, { align: 'justify', indentFirstLine: 28, spaceAfter: 4 });
export const heading = (text: string): ParagraphSpec =>
  para(bold(text), { align: 'left', spaceBefore: 6, spaceAfter: 4 });

/**
 * The whole Decree 30 header of a document: issuerLines on the left (with its rule), the number
 * line under them in the next row, the national title, motto, place and date on the right.
 */
export function issuerHeader(
  superior: string | undefined,
  issuer: string,
  width: number,
  numberLine: ParagraphSpec,
  placeDate?: string,
): TableSpec {
  return header(
    issuerLines(superior, issuer, headerColumns(width)[0]),
    width,
    numberLine,
    placeDate,
  );
}
