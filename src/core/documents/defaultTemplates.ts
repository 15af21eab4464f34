/**
 * The default Docs templates that ship with the product (DESIGN §3, §5), as data: the joint
 * pledge, the per-unit pledge, Giấy khen and Bằng khen. Layout after Decree 30/2020/NĐ-CP,
 * Appendix I: A4, margins 20/20/30/15 mm, Times New Roman, body 13 pt justified; the issuing body
 * in bold capitals top left; the national title in bold capitals (12 pt) over the motto (bold,
 * 13 pt, underlined) top right; the place and date line in italics; signatures with the title in
 * bold capitals and the name in bold. Users may point Cấu hình at their own templates instead.
 *
 * Placeholders are the fields of pledgeData.ts (JOINT_PLEDGE_SCHEMA, UNIT_PLEDGE_SCHEMA) and of
 * CERTIFICATE_SCHEMA below; unit tests dry-run every template against them.
 */
import type { TemplateRequirement, TemplateSchema } from '../template';
import {
  BODY_SIZE,
  LANDSCAPE_A4,
  PORTRAIT_A4,
  bold,
  cell,
  italic,
  para,
  textWidth,
  type BlockSpec,
  type DocSpec,
  type ParagraphSpec,
  type TableSpec,
} from './docSpec';

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const PLACE_DATE = '{{noi}}, {{ngay_ky|ngay}}';

const centered = (runs: Parameters<typeof para>[0], size?: number): ParagraphSpec =>
  para(runs, { align: 'center', ...(size === undefined ? {} : { size }) });
const blank = (): ParagraphSpec => para('', { align: 'center' });

/** Left column of the header and signature tables; the right one takes the rest. */
const LEFT_COLUMN = 200;

/**
 * Decree 30 header: issuing body (and, below it, the issuer's own unit) on the left; national
 * title and motto on the right; the place and date line under the motto.
 */
function header(left: readonly ParagraphSpec[], width: number): TableSpec {
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

const body = (runs: Parameters<typeof para>[0]): ParagraphSpec =>
  para(runs, { align: 'justify', indentFirstLine: 28, spaceAfter: 4 });
const heading = (text: string): ParagraphSpec =>
  para(bold(text), { align: 'left', spaceBefore: 6, spaceAfter: 4 });

/** The legal bases; the plan's line only when a plan number is set. */
const LEGAL_BASES: readonly ParagraphSpec[] = [
  body(italic('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;')),
  // Tags alone in their paragraphs: both paragraphs go, and the basis with them when unset.
  para('{{#if so_ke_hoach}}', { align: 'left' }),
  body(
    italic(
      'Căn cứ Kế hoạch số {{so_ke_hoach}}{{#if ngay_ke_hoach}} ngày {{ngay_ke_hoach|ngayngan}}{{/if}} về tổ chức phong trào thi đua năm {{nam}};',
    ),
  ),
  para('{{/if}}', { align: 'left' }),
  body(italic('Căn cứ Quy chế hoạt động của {{ten_cum}},')),
];

/**
 * The criteria as a numbered table with max points: one repeated row per entry of
 * bang_tieu_chi (groups in bold, then their criteria; bonus with "+", penalty with "−").
 */
function criteriaTable(width: number): TableSpec {
  const codeWidth = 45;
  const pointsWidth = 75;
  const head = (text: string): ReturnType<typeof cell> => cell(centered(bold(text)));
  return {
    kind: 'table',
    widths: [codeWidth, width - codeWidth - pointsWidth, pointsWidth],
    borders: true,
    rows: [
      [head('TT'), head('Nội dung tiêu chí'), head('Điểm tối đa')],
      [
        cell(
          centered(['{{#bang_tieu_chi}}{{#if la_nhom}}', bold('{{ma}}'), '{{else}}{{ma}}{{/if}}']),
        ),
        cell(
          para(['{{#if la_nhom}}', bold('{{noi_dung}}'), '{{else}}{{noi_dung}}{{/if}}'], {
            align: 'justify',
          }),
        ),
        cell(
          centered([
            '{{#if la_nhom}}',
            bold('{{#if diem_toi_da}}{{diem_toi_da|so}}{{/if}}'),
            '{{else}}{{#if la_thuong}}+{{/if}}{{#if la_tru}}−{{/if}}{{diem_toi_da|so}}{{/if}}{{/bang_tieu_chi}}',
          ]),
        ),
      ],
      [
        cell(blank()),
        cell(para(bold('Tổng cộng'), { align: 'left' })),
        cell(centered(bold('{{tong_diem|so}}'))),
      ],
    ],
  };
}

const JOINT_WIDTH = textWidth(PORTRAIT_A4);

/** Bản giao ước thi đua (joint pledge), signed by every member's head. */
export const JOINT_PLEDGE_TEMPLATE: DocSpec = {
  name: 'Mẫu - Bản giao ước thi đua (chung)',
  page: PORTRAIT_A4,
  blocks: [
    header(
      [centered(bold('{{co_quan|hoa}}'), 12), centered(bold('{{ten_cum|hoa}}'), 12)],
      JOINT_WIDTH,
    ),
    para(bold('BẢN GIAO ƯỚC THI ĐUA NĂM {{nam}}'), { align: 'center', size: 14, spaceBefore: 12 }),
    para(bold('{{ten_cum|hoa}}'), { align: 'center', spaceAfter: 12 }),
    ...LEGAL_BASES,
    body(
      'Các đơn vị thành viên {{ten_cum}} thống nhất ký kết giao ước thi đua năm {{nam}} với các nội dung sau:',
    ),
    heading('I. CÁC ĐƠN VỊ THAM GIA GIAO ƯỚC'),
    {
      kind: 'table',
      widths: [40, 170, 100, JOINT_WIDTH - 310],
      borders: true,
      rows: [
        [
          cell(centered(bold('STT'))),
          cell(centered(bold('Đơn vị'))),
          cell(centered(bold('Vai trò'))),
          cell(centered(bold('Danh hiệu đăng ký'))),
        ],
        [
          cell(centered('{{#thanh_vien}}{{@index}}')),
          cell(para('{{ten_day_du}}', { align: 'left' })),
          cell(centered('{{vai_tro}}')),
          cell(centered('{{danh_hieu}}{{/thanh_vien}}')),
        ],
      ],
    },
    heading('II. NỘI DUNG GIAO ƯỚC THI ĐUA'),
    body(
      'Các đơn vị thi đua thực hiện tốt các nội dung, tiêu chí sau, chấm trên thang điểm {{tong_diem|so}} (điểm thưởng cộng thêm, điểm trừ trừ đi):',
    ),
    criteriaTable(JOINT_WIDTH),
    heading('III. CAM KẾT'),
    body(
      'Các đơn vị thành viên cam kết tổ chức thực hiện tốt các nội dung giao ước; thường xuyên phát động các phong trào thi đua, kịp thời phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến.',
    ),
    body(
      'Cuối năm, các đơn vị tự chấm điểm theo các tiêu chí trên, gửi kết quả về Cụm trưởng để tổng hợp, thẩm định, bình xét và đề nghị cấp có thẩm quyền khen thưởng theo quy định.',
    ),
    body(
      'Bản giao ước được lập thành {{so_don_vi}} bản có giá trị như nhau, mỗi đơn vị thành viên giữ một bản để thực hiện.',
    ),
    para(bold('ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC'), {
      align: 'center',
      spaceBefore: 12,
      spaceAfter: 6,
    }),
    {
      kind: 'table',
      widths: [LEFT_COLUMN, JOINT_WIDTH - LEFT_COLUMN],
      borders: false,
      rows: [
        [
          cell(centered(bold('{{#thanh_vien}}{{vai_tro|hoa}}')), centered('{{ten_day_du}}')),
          cell(
            centered(bold('{{chuc_vu|hoa}}')),
            blank(),
            blank(),
            blank(),
            centered(bold('{{ho_ten}}{{/thanh_vien}}')),
          ),
        ],
      ],
    },
    {
      kind: 'table',
      widths: [JOINT_WIDTH / 2, JOINT_WIDTH / 2],
      borders: false,
      rows: [
        [
          cell(
            centered(bold('ĐẠI DIỆN CƠ QUAN CHỨNG KIẾN')),
            centered(bold('{{co_quan|hoa}}'), 12),
            blank(),
            blank(),
            blank(),
          ),
          cell(
            centered(bold('TM. CÁC ĐƠN VỊ THÀNH VIÊN')),
            centered(bold('CỤM TRƯỞNG')),
            centered('{{cum_truong.ten_day_du}}'),
            blank(),
            blank(),
            blank(),
            centered(bold('{{cum_truong.ho_ten}}')),
          ),
        ],
      ],
    },
  ],
};

/** Bản đăng ký giao ước thi đua of one member unit, signed by its head. */
export const UNIT_PLEDGE_TEMPLATE: DocSpec = {
  name: 'Mẫu - Bản đăng ký giao ước thi đua (từng đơn vị)',
  page: PORTRAIT_A4,
  blocks: [
    header([centered(bold('{{don_vi.ten_day_du|hoa}}'), 12)], JOINT_WIDTH),
    para(bold('BẢN ĐĂNG KÝ GIAO ƯỚC THI ĐUA NĂM {{nam}}'), {
      align: 'center',
      size: 14,
      spaceBefore: 12,
    }),
    para(bold('của {{don_vi.ten_day_du}}'), { align: 'center' }),
    para('Kính gửi: {{ten_cum}}', { align: 'center', spaceBefore: 6, spaceAfter: 12 }),
    ...LEGAL_BASES,
    body(
      'Thực hiện giao ước thi đua năm {{nam}} của {{ten_cum}}, {{don_vi.ten_day_du}} đăng ký thi đua như sau:',
    ),
    heading('1. Danh hiệu thi đua đăng ký'),
    body(bold('{{#if don_vi.danh_hieu}}{{don_vi.danh_hieu}}{{else}}(chưa đăng ký){{/if}}')),
    heading('2. Thực hiện các tiêu chí thi đua'),
    criteriaTable(JOINT_WIDTH),
    heading('3. Cam kết'),
    body(
      '{{don_vi.ten_day_du}} cam kết tổ chức thực hiện đầy đủ các nội dung giao ước, phấn đấu hoàn thành xuất sắc các tiêu chí đã đăng ký; cuối năm tự chấm điểm và báo cáo Cụm trưởng đúng thời hạn.',
    ),
    {
      kind: 'table',
      widths: [LEFT_COLUMN, JOINT_WIDTH - LEFT_COLUMN],
      borders: false,
      rows: [
        [
          cell(
            para({ text: 'Nơi nhận:', bold: true, italic: true }, { align: 'left', size: 12 }),
            para('- {{ten_cum}} (Cụm trưởng);', { align: 'left', size: 11 }),
            para('- Lưu: VT.', { align: 'left', size: 11 }),
          ),
          cell(
            centered(bold('{{don_vi.chuc_vu|hoa}}')),
            blank(),
            blank(),
            blank(),
            centered(bold('{{don_vi.ho_ten}}')),
          ),
        ],
      ],
    },
  ],
};

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

/** Which Cấu hình row records each default template's id. */
export type TemplateKind = 'jointPledge' | 'unitPledge' | 'meritCertificate' | 'honorCertificate';

export type DefaultTemplate = {
  readonly kind: TemplateKind;
  /** SETTING_ROWS key of the row holding the Doc's id. */
  readonly settingKey:
    | 'jointPledgeTemplate'
    | 'unitPledgeTemplate'
    | 'meritCertificateTemplate'
    | 'honorCertificateTemplate';
  /** Vietnamese, for messages. */
  readonly label: string;
  readonly spec: DocSpec;
};

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    kind: 'jointPledge',
    settingKey: 'jointPledgeTemplate',
    label: 'Mẫu giao ước chung',
    spec: JOINT_PLEDGE_TEMPLATE,
  },
  {
    kind: 'unitPledge',
    settingKey: 'unitPledgeTemplate',
    label: 'Mẫu giao ước từng đơn vị',
    spec: UNIT_PLEDGE_TEMPLATE,
  },
  {
    kind: 'meritCertificate',
    settingKey: 'meritCertificateTemplate',
    label: 'Mẫu Giấy khen',
    spec: MERIT_CERTIFICATE_TEMPLATE,
  },
  {
    kind: 'honorCertificate',
    settingKey: 'honorCertificateTemplate',
    label: 'Mẫu Bằng khen',
    spec: HONOR_CERTIFICATE_TEMPLATE,
  },
];

export function defaultTemplate(kind: TemplateKind): DefaultTemplate {
  const found = DEFAULT_TEMPLATES.find((t) => t.kind === kind);
  if (found === undefined) throw new Error(`no default template ${kind}`);
  return found;
}
