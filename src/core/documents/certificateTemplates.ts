/**
 * The certificate templates (Giấy khen, Bằng khen) and the fields a certificate may show
 * (CERTIFICATE_SCHEMA, filled from one award register row).
 */
import type { TemplateRequirement, TemplateSchema } from '../template';
import {
  BODY_SIZE,
  LANDSCAPE_A4,
  bold,
  cell,
  italic,
  para,
  textWidth,
  type BlockSpec,
  type DocSpec,
} from './docSpec';
import { MOTTO, NATIONAL_TITLE, PLACE_DATE, blank, centered } from './decree30Blocks';

const LANDSCAPE_WIDTH = textWidth(LANDSCAPE_A4);

/**
 * Giấy khen and Bằng khen differ only in the form printed after "TẶNG".
 *
 * Decision: the certificate's text sits in one borderless full-width cell (it prints as plain
 * centred lines) and the decision and signature in a borderless two-column table, so the body has
 * four blocks instead of fourteen. A combined print file copies the template's blocks once per
 * page, one DocumentApp copy and insert each (src/gas/certificates/combined.ts): four blocks a
 * certificate instead of fourteen is what keeps 2,505 certificates to a few executions.
 */
function certificate(form: string, name: string): DocSpec {
  const text = cell(
    centered(bold(NATIONAL_TITLE), 13),
    centered({ text: MOTTO, bold: true, underline: true }, 14),
    para(bold('{{co_quan|hoa}}'), { align: 'center', size: 16, spaceBefore: 18 }),
    para(bold('TẶNG'), { align: 'center', size: 16, spaceBefore: 12 }),
    para(bold(form), { align: 'center', size: 30, spaceBefore: 6, spaceAfter: 12 }),
    para(bold('{{#if ca_nhan}}Ông/Bà {{/if}}{{ten}}'), { align: 'center', size: 20 }),
    centered('{{#if chuc_vu}}', BODY_SIZE),
    para('{{chuc_vu}}', { align: 'center', size: 15 }),
    centered('{{/if}}'),
    centered('{{#if don_vi}}'),
    para('{{don_vi}}', { align: 'center', size: 15 }),
    centered('{{/if}}'),
    // The register's achievement is the whole sentence ("Đã có thành tích xuất sắc …").
    para(italic('{{thanh_tich}}'), { align: 'center', size: 15, spaceBefore: 6 }),
  );
  const blocks: BlockSpec[] = [
    { kind: 'table', widths: [LANDSCAPE_WIDTH], borders: false, rows: [[text]] },
    {
      kind: 'table',
      widths: [LANDSCAPE_WIDTH / 2, LANDSCAPE_WIDTH / 2],
      borders: false,
      rows: [
        [
          cell(
            blank(),
            para('Quyết định số {{so_qd}}, {{ngay_qd|ngay}}', { align: 'center', size: 12 }),
            para('Số sổ vàng: {{so_so_vang}}', { align: 'center', size: 12 }),
          ),
          cell(
            centered(italic(PLACE_DATE)),
            centered(bold('{{chuc_vu_nguoi_ky|hoa}}')),
            blank(),
            blank(),
            blank(),
            centered(bold('{{nguoi_ky}}')),
          ),
        ],
      ],
    },
  ];
  return { name, page: LANDSCAPE_A4, blocks };
}

export const MERIT_CERTIFICATE_TEMPLATE = certificate('GIẤY KHEN', 'Mẫu - Giấy khen');
export const HONOR_CERTIFICATE_TEMPLATE = certificate('BẰNG KHEN', 'Mẫu - Bằng khen');

/** Fields of one certificate (the award register row of a later issue), for the dry run. */
export const CERTIFICATE_SCHEMA: TemplateSchema = {
  co_quan: { label: 'Cơ quan, người tặng', required: true },
  ca_nhan: { label: 'Là cá nhân' },
  ten: { label: 'Tên tập thể hoặc họ tên cá nhân', required: true },
  chuc_vu: { label: 'Chức vụ' },
  don_vi: { label: 'Đơn vị' },
  hinh_thuc: { label: 'Hình thức khen thưởng' },
  thanh_tich: { label: 'Thành tích', required: true },
  so_qd: { label: 'Số quyết định', required: true },
  ngay_qd: { label: 'Ngày quyết định', required: true },
  so_so_vang: { label: 'Số sổ vàng' },
  noi: { label: 'Địa danh' },
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
