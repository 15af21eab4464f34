/**
 * The pieces every default document shares, laid out after Decree 30/2020/NĐ-CP, Appendix I: the
 * national title and motto, the header table (issuing body left, title and motto right, place and
 * date under them), body paragraphs and headings.
 */
import { bold, cell, italic, para, type ParagraphSpec, type TableSpec } from './docSpec';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const PLACE_DATE = '{{noi}}, {{ngay_ky|ngay}}';

export const centered = (runs: Parameters<typeof para>[0], size?: number): ParagraphSpec =>
  para(runs, { align: 'center', ...(size === undefined ? {} : { size }) });
export const blank = (): ParagraphSpec => para('', { align: 'center' });

/** Left column of the header and signature tables; the right one takes the rest. */
export const LEFT_COLUMN = 200;

/**
 * Decree 30 header: issuing body (and, below it, the issuer's own unit) on the left; national
 * title and motto on the right; the place and date line under the motto.
 */
export function header(left: readonly ParagraphSpec[], width: number): TableSpec {
  // The national title (12 pt bold capitals) needs about 290 pt to stay on one line.
  const right = Math.min(300, width - 160);
  return {
    kind: 'table',
    widths: [width - right, right],
    borders: false,
    rows: [
      [
        cell(...left),
        cell(
          centered(bold(NATIONAL_TITLE), 12),
          centered({ text: MOTTO, bold: true, underline: true }, 13),
        ),
      ],
      [cell(blank()), cell(centered(italic(PLACE_DATE)))],
    ],
  };
}

export const body = (runs: Parameters<typeof para>[0]): ParagraphSpec =>
  para(runs, { align: 'justify', indentFirstLine: 28, spaceAfter: 4 });
export const heading = (text: string): ParagraphSpec =>
  para(bold(text), { align: 'left', spaceBefore: 6, spaceAfter: 4 });
