/**
 * The certificate templates (Giấy khen, Bằng khen, Cờ thi đua, Giấy chứng nhận of an emulation
 * title) and the fields a certificate may show
 * (CERTIFICATE_SCHEMA, filled from one award register row).
 */
import type { TemplateRequirement, TemplateSchema } from '../template';
import {
  LANDSCAPE_A4,
  bold,
  cell,
  italic,
  mm,
  para,
  textWidth,
  type BlockSpec,
  type DocSpec,
  type PageSpec,
  type ParagraphSpec,
} from './docSpec';
import { MOTTO, NATIONAL_TITLE, centered } from './decree30Blocks';
import { NBSP } from '../format/vietnamese';

/**
 * A certificate is not an administrative letter: it is read framed, so the text is centred
 * between equal side margins (Decree 30's 30 mm binding margin on the left would push it off
 * centre) on the landscape A4 Decree 30 certificates are printed on.
 */
export const CERTIFICATE_PAGE: PageSpec = {
  ...LANDSCAPE_A4,
  marginTop: mm(15),
  marginBottom: mm(12),
  marginLeft: mm(22),
  marginRight: mm(22),
};
const WIDTH = textWidth(CERTIFICATE_PAGE);
const NB = NBSP;
/** Space above the decision and the place-date lines (points). */
const FOOT_SPACE = 24;

/** Lines shown only when their field has a value: the block {{#if}} takes its paragraph along. */
function ifField(field: string, line: ParagraphSpec): ParagraphSpec[] {
  return [centered(`{{#if ${field}}}`), line, centered('{{/if}}')];
}

/**
 * A line shown only when its field has a value, else an empty line as tall: a collective's
 * certificate (no position, no unit) fills the page as a person's does.
 */
function lineOrSpace(field: string, line: ParagraphSpec): ParagraphSpec[] {
  return [
    centered(`{{#if ${field}}}`),
    line,
    centered('{{else}}'),
    { ...line, runs: [] },
    centered('{{/if}}'),
  ];
}

/**
 * The recipient: "Ông Nguyễn Văn An" (the salutation from the register, none when blank), or the
 * collective's full name; then position and unit, each only when given.
 */
function recipient(spaceBefore: number): ParagraphSpec[] {
  return [
    para(bold(`{{#if danh_xung}}{{danh_xung}}${NB}{{/if}}{{ten}}`), {
      align: 'center',
      size: 22,
      spaceBefore,
    }),
    ...lineOrSpace('chuc_vu', para('{{chuc_vu}}', { align: 'center', size: 16, spaceBefore: 2 })),
    ...lineOrSpace('don_vi', para('{{don_vi}}', { align: 'center', size: 16, spaceBefore: 2 })),
  ];
}

/**
 * The certificate's layout, after the content Nghị định 85/2014/NĐ-CP (Điều 28 of the older
 * 50/2006) gives Bằng khen and Giấy khen: national title and motto; the awarding authority;
 * "TẶNG" and the form (or "GIẤY CHỨNG NHẬN" and the title); name, position, unit, achievement;
 * below, on the left the decision ("Quyết định số … ngày … tháng … năm …") and the register
 * number, on the right the place and date, the signer's title, room to sign and seal (35 mm) and
 * the signer's name.
 *
 * Decision: the text sits in one borderless full-width cell and the decision and signature in a
 * borderless two-column table, so a certificate is two tables instead of fourteen blocks: a
 * combined print file copies the template's blocks once per page (src/gas/certificates/
 * combined.ts), and fewer blocks is what keeps 2,505 certificates to a few executions. The space
 * before each line spreads the certificate over the whole landscape page as a printed one is,
 * heading at the top, signature at the bottom, measured on LibreOffice renders.
 */
function certificate(name: string, middle: readonly ParagraphSpec[]): DocSpec {
  const text = cell(
    centered(bold(NATIONAL_TITLE), 14),
    centered({ text: MOTTO, bold: true, underline: true }, 15),
    para(bold('{{co_quan|hoa}}'), { align: 'center', size: 17, spaceBefore: 34 }),
    ...middle,
    // The register's achievement is the whole sentence ("Đã có thành tích xuất sắc …").
    para(italic('{{thanh_tich}}'), { align: 'center', size: 16, spaceBefore: 14 }),
  );
  const blocks: BlockSpec[] = [
    { kind: 'table', widths: [WIDTH], borders: false, rows: [[text]] },
    {
      kind: 'table',
      widths: [Math.round(WIDTH * 0.45), WIDTH - Math.round(WIDTH * 0.45)],
      borders: false,
      rows: [
        [
          cell(
            // Level with the place and date line opposite, as Nghị định 85/2014 lays it out.
            // No comma: "Quyết định số 635/QĐ-UBND ngày 05 tháng 01 năm 2023".
            para(`Quyết${NB}định số${NB}{{so_qd}} {{ngay_qd|ngay|lien}}`, {
              align: 'center',
              size: 13,
              spaceBefore: FOOT_SPACE + 1,
            }),
            ...ifField(
              'so_so_vang',
              para(`Số${NB}sổ${NB}vàng:${NB}{{so_so_vang}}`, { align: 'center', size: 13 }),
            ),
          ),
          cell(
            para(italic(`{{noi}}, {{ngay_ky|ngay|lien}}`), {
              align: 'center',
              size: 14,
              spaceBefore: FOOT_SPACE,
            }),
            para(bold('{{chuc_vu_nguoi_ky|hoa}}'), { align: 'center', size: 14 }),
            // Decree 30's room to sign and seal.
            para('', { align: 'center', size: 14, spaceBefore: mm(28) }),
            para(bold('{{nguoi_ky}}'), { align: 'center', size: 15 }),
          ),
        ],
      ],
    },
  ];
  return { name, page: CERTIFICATE_PAGE, blocks };
}

/** "TẶNG" and a form in large capitals, then the recipient. */
function awarded(form: string): ParagraphSpec[] {
  return [
    para(bold('TẶNG'), { align: 'center', size: 17, spaceBefore: 18 }),
    para(bold(form), { align: 'center', size: 38, spaceBefore: 8 }),
    ...recipient(12),
  ];
}

export const MERIT_CERTIFICATE_TEMPLATE = certificate('Mẫu - Giấy khen', awarded('GIẤY KHEN'));
export const HONOR_CERTIFICATE_TEMPLATE = certificate('Mẫu - Bằng khen', awarded('BẰNG KHEN'));
/** Cờ thi đua: the flag is the award; this is the certificate that goes with it. */
export const FLAG_CERTIFICATE_TEMPLATE = certificate('Mẫu - Cờ thi đua', awarded('CỜ THI ĐUA'));
/**
 * An emulation title (Chiến sĩ thi đua cơ sở, Lao động tiên tiến, Tập thể lao động xuất sắc …):
 * "GIẤY CHỨNG NHẬN", the recipient, then "Đạt danh hiệu “…”" with the title as the register
 * writes it. Offices that print "Bằng chứng nhận" point Cấu hình at their own template.
 */
export const TITLE_CERTIFICATE_TEMPLATE = certificate('Mẫu - Giấy chứng nhận danh hiệu thi đua', [
  para(bold('GIẤY CHỨNG NHẬN'), { align: 'center', size: 34, spaceBefore: 30 }),
  ...recipient(16),
  para(bold(`Đạt danh hiệu “{{hinh_thuc}}”`), { align: 'center', size: 19, spaceBefore: 16 }),
]);

/** Fields of one certificate (the award register row of a later issue), for the dry run. */
export const CERTIFICATE_SCHEMA: TemplateSchema = {
  co_quan: { label: 'Cơ quan tặng', required: true },
  ca_nhan: { label: 'Là cá nhân' },
  danh_xung: { label: 'Danh xưng' },
  ten: { label: 'Tên tập thể hoặc họ tên cá nhân', required: true },
  chuc_vu: { label: 'Chức vụ' },
  don_vi: { label: 'Đơn vị' },
  hinh_thuc: { label: 'Hình thức khen thưởng' },
  thanh_tich: { label: 'Thành tích', required: true },
  so_qd: { label: 'Số quyết định', required: true },
  ngay_qd: { label: 'Ngày quyết định', required: true },
  so_so_vang: { label: 'Số sổ vàng' },
  noi: { label: 'Địa danh', required: true },
  ngay_ky: { label: 'Ngày ký' },
  chuc_vu_nguoi_ky: { label: 'Chức vụ người ký', required: true },
  nguoi_ky: { label: 'Người ký', required: true },
};

/**
 * What every certificate must show whatever template it comes from: who is awarded, for what,
 * and by which decision. The issuer and the signer may be typed into a template, so they are not
 * required to be placeholders.
 */
export const CERTIFICATE_REQUIREMENTS: readonly TemplateRequirement[] = [
  { anyOf: ['ten'], what: 'tên tập thể hoặc cá nhân được khen' },
  { anyOf: ['thanh_tich'], what: 'thành tích' },
  { anyOf: ['so_qd'], what: 'số quyết định khen thưởng' },
];
